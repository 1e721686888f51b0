"""Schedules: config entries and run-time subscriptions as one value, and their timing.

A schedule's fire times come from ``bot.delivery.cron`` (cron's own semantics, in the
schedule's own timezone), so that an 08:00 Europe/Berlin briefing fires at 08:00 local time on
both sides of a DST change, and what ``check`` accepts is what fires.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.briefing import BriefingSpec
from bot.delivery.cron import Cron, parse_cron
from bot.settings import ScheduleSettings, Settings
from bot.store.ledger import Subscription

SUBSCRIPTION_PREFIX = "sub:"


@dataclass(frozen=True)
class Schedule:
    """What to post, when and where. ``since``: slots before it are not owed (subscriptions)."""

    name: str
    cron: str
    timezone: str
    channels: tuple[str, ...]
    spec: BriefingSpec
    since: dt.datetime | None = None

    def timing(self) -> Cron:
        """The schedule's cron in its own timezone (UserInputError if either is bad)."""
        return parse_cron(self.cron, self.timezone)


def subscription_name(channel: str) -> str:
    """The schedule name of a channel's run-time subscription."""
    return SUBSCRIPTION_PREFIX + channel


def from_settings(entry: ScheduleSettings, settings: Settings) -> Schedule:
    """A configured schedule."""
    spec = settings.briefing.spec(
        title=entry.title, topics=tuple(entry.topics), max_items=entry.max_items
    )
    return Schedule(entry.name, entry.cron, entry.timezone, tuple(entry.channels), spec)


def from_subscription(subscription: Subscription, settings: Settings) -> Schedule:
    """A run-time subscription: its own schedule with the default briefing."""
    return Schedule(
        name=subscription_name(subscription.channel),
        cron=subscription.cron,
        timezone=subscription.timezone,
        channels=(subscription.channel,),
        spec=settings.briefing.spec(),
        since=subscription.since,
    )


def all_schedules(settings: Settings, subscriptions: list[Subscription]) -> list[Schedule]:
    """Config schedules, then one per subscribed channel."""
    configured = [from_settings(entry, settings) for entry in settings.schedules]
    return configured + [from_subscription(s, settings) for s in subscriptions]
