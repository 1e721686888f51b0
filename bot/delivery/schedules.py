"""Schedules: config entries and run-time subscriptions as one value, and their fire times.

Fire times come from APScheduler's ``CronTrigger`` in the schedule's own timezone, so that an
08:00 Europe/Berlin briefing fires at 08:00 local time on both sides of a DST change. Crontab
weekday numbers are translated to names first: APScheduler 3 counts 0 as Monday, cron as Sunday.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from apscheduler.triggers.cron import CronTrigger

from bot.core.briefing import BriefingSpec
from bot.errors import UserInputError
from bot.settings import ScheduleSettings, Settings
from bot.store.ledger import Subscription

SUBSCRIPTION_PREFIX = "sub:"
_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_NUMERIC_DAYS = re.compile(r"^(\*|\d+)(?:-(\d+))?(?:/(\d+))?$")
_TICK = dt.timedelta(microseconds=1)
_SEARCH_BACK = (
    dt.timedelta(hours=1),
    dt.timedelta(days=1),
    dt.timedelta(days=8),
    dt.timedelta(days=32),
    dt.timedelta(days=367),
    dt.timedelta(days=4 * 366 + 1),
)


@dataclass(frozen=True)
class Schedule:
    """What to post, when and where. ``since``: slots before it are not owed (subscriptions)."""

    name: str
    cron: str
    timezone: str
    channels: tuple[str, ...]
    spec: BriefingSpec
    since: dt.datetime | None = None

    def trigger(self) -> CronTrigger:
        """The schedule's trigger in its own timezone."""
        return cron_trigger(self.cron, self.timezone)


def weekday_names(field: str) -> str:
    """A crontab weekday field with numbers (0 and 7 = Sunday) spelt as names."""
    parts = []
    for part in field.split(","):
        match = _NUMERIC_DAYS.match(part)
        if not match:
            parts.append(part)  # names already; APScheduler reads them as cron does
            continue
        start, end, step = match.groups()
        first = 0 if start == "*" else int(start)
        last = 6 if start == "*" else int(end if end is not None else start)
        if last > 7 or first > last:
            raise ValueError(f"weekday {part!r} out of range 0-7")
        days = range(first, last + 1, int(step or 1))
        parts.extend(_DAYS[day % 7] for day in days)
    return ",".join(dict.fromkeys(parts))


def cron_trigger(cron: str, timezone: str) -> CronTrigger:
    """A CronTrigger from a 5-field crontab line; UserInputError names what is wrong."""
    zone = parse_timezone(timezone)
    fields = cron.split()
    if len(fields) != 5:
        raise UserInputError(f"cron {cron!r} needs 5 fields: minute hour day month weekday")
    minute, hour, day, month, weekday = fields
    try:
        return CronTrigger(
            minute=minute,
            hour=hour,
            day=day,
            month=month,
            day_of_week=weekday_names(weekday),
            timezone=zone,
        )
    except ValueError as err:
        raise UserInputError(f"invalid cron {cron!r}: {err}") from err


def parse_timezone(name: str) -> zoneinfo.ZoneInfo:
    """An IANA zone; UserInputError when unknown."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise UserInputError(
            f"unknown timezone {name!r}: use an IANA name like Europe/Berlin"
        ) from err


def next_fire(trigger: CronTrigger, after: dt.datetime) -> dt.datetime | None:
    """The first fire time strictly after ``after``.

    A wall-clock time that happens twice (the repeated hour when clocks fall back) fires once,
    at its first occurrence; APScheduler 3 would return it twice and then stall on it.
    """
    probe = after
    for _ in range(100):
        fire: dt.datetime | None = trigger.get_next_fire_time(None, probe + _TICK)
        if fire is None:
            return None
        if fire > after and not _repeated(fire):
            return fire
        probe = max(probe, fire) + dt.timedelta(minutes=1)
    return None


def _repeated(moment: dt.datetime) -> bool:
    """The second occurrence of an ambiguous local time."""
    return moment.fold == 1 and moment.replace(fold=0).utcoffset() != moment.utcoffset()


def fire_times(trigger: CronTrigger, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Fire times in ``(start, end]``, oldest first."""
    found = []
    fire = next_fire(trigger, start)
    while fire is not None and fire <= end:
        found.append(fire)
        fire = next_fire(trigger, fire)
    return found


def latest_slot(trigger: CronTrigger, now: dt.datetime) -> dt.datetime | None:
    """The most recent fire time not after ``now`` (None if none in the last four years)."""
    for back in _SEARCH_BACK:
        fire = next_fire(trigger, now - back)
        if fire is None or fire > now:
            continue
        while (following := next_fire(trigger, fire)) is not None and following <= now:
            fire = following
        return fire
    return None


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
