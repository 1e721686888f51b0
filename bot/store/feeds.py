"""What the store keeps for feed polling: conditional-GET validators and the entries seen.

Plain records and one protocol; the polling rules live in ``bot.ingest.poll``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class FeedState:
    """The validators a feed's server last sent, for the next conditional GET."""

    feed: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: dt.datetime | None = None


@dataclass(frozen=True)
class KnownEntries:
    """Which of a batch of entries the store has seen: ids within the feed, links anywhere."""

    ids: frozenset[str]
    links: frozenset[str]

    def known(self, entry_id: str, link: str | None) -> bool:
        """True when the entry's id or its link was seen before."""
        return entry_id in self.ids or (link is not None and link in self.links)


class FeedStore(Protocol):
    """The feed half of the store."""

    async def feed_state(self, feed: str) -> FeedState | None:
        """The feed's stored validators, if it was polled before."""
        ...

    async def save_feed_state(self, state: FeedState) -> None:
        """Insert or replace the feed's validators."""
        ...

    async def known_entries(
        self, feed: str, entry_ids: Sequence[str], links: Sequence[str]
    ) -> KnownEntries:
        """Which of these entry ids (in this feed) and links (in any feed) were seen."""
        ...

    async def mark_entry(
        self, feed: str, entry_id: str, link: str | None, article_id: str | None
    ) -> None:
        """Remember an entry so that no later poll ingests it again."""
        ...
