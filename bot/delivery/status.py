"""``briefbot status``: schedules with their next fire times, recent deliveries, missed slots and
failing channels, as a value and as text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.delivery.schedules import Schedule
from bot.delivery.service import DeliveryService
from bot.store.ledger import ChannelHealth, DeliveryRecord, DeliveryStatus

RECENT = 15


@dataclass(frozen=True)
class ScheduleLine:
    """A schedule with its next fire time and how its latest slot stands."""

    schedule: Schedule
    next_fire: dt.datetime | None
    latest: dt.datetime | None
    holding: int  # channels holding the latest slot


@dataclass(frozen=True)
class DeliveryStatusReport:
    """Everything ``status`` shows."""

    now: dt.datetime
    schedules: tuple[ScheduleLine, ...]
    recent: tuple[DeliveryRecord, ...]
    missed: tuple[DeliveryRecord, ...]
    failing: tuple[ChannelHealth, ...]


async def delivery_status(service: DeliveryService, now: dt.datetime) -> DeliveryStatusReport:
    """Gather the report from the store."""
    store = service.context.store
    lines = []
    for schedule in await service.schedules():
        timing = schedule.timing()
        latest = timing.latest_at(now)
        rows = await store.deliveries(schedule=schedule.name, slot=latest) if latest else []
        holding = sum(r.status is DeliveryStatus.DELIVERED for r in rows)
        lines.append(ScheduleLine(schedule, timing.next_after(now), latest, holding))
    return DeliveryStatusReport(
        now=now,
        schedules=tuple(lines),
        recent=tuple(await store.deliveries(limit=RECENT)),
        missed=tuple(await store.deliveries(status=DeliveryStatus.MISSED, limit=RECENT)),
        failing=tuple(await store.failing_channels()),
    )


def _local(moment: dt.datetime | None, zone: str) -> str:
    if moment is None:
        return "never"
    return moment.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M %Z")


def _row(record: DeliveryRecord) -> str:
    key = record.key
    what = record.message_id or " ".join(p for p in (record.reason, record.detail) if p)
    return f"  {key.slot:%Y-%m-%d %H:%M}Z  {key.schedule}  {key.channel}  {record.status}  {what}"


def render_status(report: DeliveryStatusReport) -> str:
    """The report as plain text."""
    lines = ["Schedules:"]
    for line in report.schedules:
        s = line.schedule
        lines.append(f"  {s.name}  {s.timing().describe()}  → {', '.join(s.channels)}")
        lines.append(f"    cron: {s.cron!r}")
        lines.append(f"    next: {_local(line.next_fire, s.timezone)}")
        lines.append(
            f"    latest slot: {_local(line.latest, s.timezone)}"
            f" ({line.holding}/{len(s.channels)} channels hold it)"
        )
    if not report.schedules:
        lines.append("  none")
    lines.append("Recent deliveries:")
    lines += [_row(r) for r in report.recent] or ["  none"]
    lines.append("Missed slots:")
    lines += [_row(r) for r in report.missed] or ["  none"]
    lines.append("Failing channels (no posts until fixed: re-subscribe or post --retry-failing):")
    lines += [
        f"  {h.channel}  {h.reason}: {h.detail} (since {h.since:%Y-%m-%d %H:%M}Z)"
        for h in report.failing
    ] or ["  none"]
    return "\n".join(lines)
