"""Cron arithmetic: the one module that parses a crontab line and computes its fire times.

Config validation (``briefbot check``), chat subscriptions, the APScheduler trigger, catch-up
and ``status`` all go through ``Cron``, so what is accepted is exactly what fires. cronsim
gives cron's own semantics (those of Debian's cron):

- five fields; 0 and 7 are Sunday; names (``mon-fri``, ``jan``) work;
- day-of-month and day-of-week are ORed when both are restricted (``0 8 1 * mon``: the 1st
  and every Monday), ANDed when either is ``*``;
- a local time that does not exist (clocks spring forward) fires at the first minute after
  the change: a daily 00:00 job fires at 01:00 on a day whose 00:00 is skipped;
- a fixed time that happens twice (clocks fall back) fires once, at its first occurrence,
  while a job whose minute or hour field is a wildcard fires by real time: an hourly job
  fires at 02:00 CEST, 02:00 CET and 03:00 CET on Europe/Berlin's fall-back day.

Every fire time leaves this module in UTC: two equal wall-clock times of the repeated hour
compare as different instants only once they carry their real offset.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from cronsim import CronSim, CronSimError

from bot.errors import UserInputError

FIELDS = ("minute", "hour", "day-of-month", "month", "day-of-week")
_TICK = dt.timedelta(microseconds=1)
_REFERENCE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # a never-firing cron finds nothing after
_DST_SLACK = dt.timedelta(hours=3)  # more than any zone's clock change
_SKIPS = 4  # candidates skipped at most (the repeated hour) before giving up


def parse_timezone(name: str) -> zoneinfo.ZoneInfo:
    """An IANA zone; UserInputError when unknown."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as err:
        raise UserInputError(
            f"unknown timezone {name!r}: use an IANA name like Europe/Berlin"
        ) from err


@dataclass(frozen=True)
class Cron:
    """A validated 5-field crontab line in an IANA timezone; build it with ``parse_cron``."""

    expr: str
    timezone: str

    @cached_property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The schedule's zone."""
        return zoneinfo.ZoneInfo(self.timezone)

    def _iterate(self, start: dt.datetime, *, reverse: bool = False) -> Iterator[dt.datetime]:
        """cronsim's fire times from ``start`` (local), in UTC; stops when none are left."""
        try:
            for fire in CronSim(self.expr, start.astimezone(self.zone), reverse=reverse):
                yield fire.astimezone(dt.UTC)
        except (OverflowError, StopIteration):  # past year 9999, or nothing in 50 years
            return

    def next_after(self, after: dt.datetime) -> dt.datetime | None:
        """The first fire time strictly after ``after``, or None if it never fires again."""
        for skipped, fire in enumerate(self._iterate(after)):
            if fire > after:
                return fire
            if skipped >= _SKIPS:  # a fixed time inside the repeated hour: fired already
                break
        return None

    def latest_at(self, now: dt.datetime) -> dt.datetime | None:
        """The most recent fire time not after ``now``, or None if it never fired."""
        start = now.replace(microsecond=0) + _TICK  # cronsim then includes ``now`` itself
        candidate = next(iter(self._iterate(start, reverse=True)), None)
        if candidate is None:
            return None
        if self.next_after(candidate - _TICK) == candidate and not self._fires(candidate, now):
            return candidate
        # Reverse iteration disagreed with forward near a clock change: forward decides.
        found = self.between(candidate - _DST_SLACK, now)
        return found[-1] if found else None

    def _fires(self, start: dt.datetime, end: dt.datetime) -> bool:
        following = self.next_after(start)
        return following is not None and following <= end

    def between(
        self, start: dt.datetime, end: dt.datetime, *, limit: int | None = None
    ) -> list[dt.datetime]:
        """Fire times in ``(start, end]``, oldest first (the newest ``limit`` if given)."""
        found: list[dt.datetime] = []
        fire = self.next_after(start)
        while fire is not None and fire <= end:
            found.append(fire)
            if limit is not None and len(found) > limit:
                del found[0]
            fire = self.next_after(fire)
        return found

    def describe(self) -> str:
        """The schedule in words: 'At 08:00 on Monday through Friday (Europe/Berlin)'."""
        words = CronSim(self.expr, _REFERENCE).explain()
        return f"{words} ({self.timezone})"


def parse_cron(expr: str, timezone: str) -> Cron:
    """A Cron, or UserInputError naming what is wrong (fields, values, zone, never fires)."""
    parse_timezone(timezone)
    return Cron(check_cron(expr, error=UserInputError), timezone)


def check_cron(expr: str, *, error: type[Exception] = ValueError) -> str:
    """The normalised crontab line (single spaces), or ``error`` with a one-line reason.

    Settings validation calls this with ValueError (pydantic turns it into the file-and-key
    message); chat commands get UserInputError through ``parse_cron``.
    """
    fields = expr.split()
    if len(fields) != len(FIELDS):
        raise error(f"cron {expr!r} needs 5 fields: minute hour day-of-month month day-of-week")
    line = " ".join(fields)
    try:
        CronSim(line, _REFERENCE)
    except CronSimError as err:
        raise error(f"invalid cron {expr!r}: {_reason(fields, err)}") from err
    if next(iter(Cron(line, "UTC")._iterate(_REFERENCE)), None) is None:
        raise error(f"cron {expr!r} never fires")
    return line


def _reason(fields: list[str], err: CronSimError) -> str:
    """cronsim's 'Bad day-of-month', or that the day never occurs in those months."""
    if str(err) == "Bad day-of-month" and _valid_with_any_month(fields):
        return f"never fires: day {fields[2]} does not occur in month {fields[3]}"
    return str(err).lower()


def _valid_with_any_month(fields: list[str]) -> bool:
    try:
        CronSim(" ".join([*fields[:3], "*", fields[4]]), _REFERENCE)
    except CronSimError:
        return False
    return True
