"""What every part of a running bot shares: settings, secrets, the open store and the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.core.questions import QueryReader
from bot.settings import Secrets, Settings
from bot.store import Store


def utc_now() -> dt.datetime:
    """The real clock; everything else takes time as a parameter."""
    return dt.datetime.now(dt.UTC)


@dataclass
class Context:
    """Settings, secrets and the open store, handed to adapters through their constructors."""

    settings: Settings
    secrets: Secrets
    store: Store
    clock: Callable[[], dt.datetime] = field(default=utc_now)
    question_reader: QueryReader | None = None  # the optional model; pass to answer_text

    def now(self) -> dt.datetime:
        """Current time in the configured timezone."""
        return self.clock().astimezone(ZoneInfo(self.settings.timezone))
