"""Fire times asked of the trigger from fixed datetimes: never by sleeping on the real clock."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from bot.delivery.schedules import cron_trigger, fire_times, latest_slot, next_fire, weekday_names
from bot.errors import UserInputError

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


def test_berlin_0800_fires_once_at_0800_local_across_spring_forward() -> None:
    trigger = cron_trigger("0 8 * * *", "Europe/Berlin")
    start = dt.datetime(2026, 3, 28, 0, 0, tzinfo=BERLIN)
    fires = fire_times(trigger, start, start + dt.timedelta(days=3))
    assert [f.astimezone(BERLIN).hour for f in fires] == [8, 8, 8]
    assert [f.astimezone(UTC).hour for f in fires] == [7, 6, 6]  # CET, then CEST
    assert len({f.date() for f in fires}) == 3


def test_berlin_0800_fires_once_at_0800_local_across_fall_back() -> None:
    trigger = cron_trigger("0 8 * * *", "Europe/Berlin")
    start = dt.datetime(2025, 10, 25, 0, 0, tzinfo=BERLIN)
    fires = fire_times(trigger, start, start + dt.timedelta(days=3))
    assert [f.astimezone(UTC).strftime("%d %H:%M") for f in fires] == [
        "25 06:00",
        "26 07:00",
        "27 07:00",
    ]


def test_time_inside_the_repeated_hour_fires_once() -> None:
    trigger = cron_trigger("30 2 * * *", "Europe/Berlin")
    start = dt.datetime(2025, 10, 26, 0, 0, tzinfo=UTC) - dt.timedelta(hours=3)
    fires = fire_times(trigger, start, start + dt.timedelta(days=2))
    assert [f.astimezone(UTC).strftime("%d %H:%M") for f in fires] == ["26 00:30", "27 01:30"]


def test_weekday_numbers_follow_crontab_not_apscheduler() -> None:
    assert weekday_names("1-5") == "mon,tue,wed,thu,fri"
    assert weekday_names("0,7") == "sun"
    assert weekday_names("mon-fri") == "mon-fri"
    trigger = cron_trigger("0 8 * * 1-5", "Europe/Berlin")
    saturday = dt.datetime(2025, 12, 20, 12, 0, tzinfo=BERLIN)
    assert next_fire(trigger, saturday) == dt.datetime(2025, 12, 22, 8, 0, tzinfo=BERLIN)


def test_latest_slot_is_the_most_recent_fire_time_not_after_now() -> None:
    trigger = cron_trigger("0 8 * * mon-fri", "Europe/Berlin")
    saturday = dt.datetime(2025, 12, 20, 9, 0, tzinfo=BERLIN)
    assert latest_slot(trigger, saturday) == dt.datetime(2025, 12, 19, 8, 0, tzinfo=BERLIN)
    exactly = dt.datetime(2025, 12, 19, 8, 0, tzinfo=BERLIN)
    assert latest_slot(trigger, exactly) == exactly
    yearly = cron_trigger("0 8 1 1 *", "UTC")
    assert latest_slot(yearly, saturday) == dt.datetime(2025, 1, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("cron", "zone", "message"),
    [
        ("0 25 * * *", "UTC", "invalid cron '0 25 * * *'"),
        ("0 8 * *", "UTC", "needs 5 fields"),
        ("0 8 * * *", "Mars/Olympus", "unknown timezone 'Mars/Olympus'"),
        ("0 8 * * 9", "UTC", "weekday '9' out of range"),
    ],
)
def test_bad_cron_or_zone_is_a_user_error(cron: str, zone: str, message: str) -> None:
    with pytest.raises(UserInputError, match=re.escape(message)):
        cron_trigger(cron, zone)
