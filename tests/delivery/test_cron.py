"""Fire times asked of the cron module and the trigger from fixed datetimes, never by sleeping.

One cron dialect everywhere (issue 12, point 5): cron's weekday numbers, day-of-month OR
day-of-week, never-firing lines refused, DST days that neither skip nor lose a fire.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from bot.context import Context
from bot.delivery import admin
from bot.delivery.cron import Cron, check_cron, parse_cron
from bot.delivery.scheduler import CronsimTrigger
from bot.errors import UserInputError
from bot.settings import Secrets, Settings
from bot.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC
ROOT = Path(__file__).resolve().parents[2]


def local(fires: list[dt.datetime], zone: str) -> list[str]:
    return [f.astimezone(ZoneInfo(zone)).strftime("%d %H:%M %Z") for f in fires]


def test_berlin_0800_fires_at_0800_local_across_spring_forward() -> None:
    cron = parse_cron("0 8 * * *", "Europe/Berlin")
    start = dt.datetime(2026, 3, 28, 0, 0, tzinfo=BERLIN)
    fires = cron.between(start, start + dt.timedelta(days=3))
    assert local(fires, "Europe/Berlin") == ["28 08:00 CET", "29 08:00 CEST", "30 08:00 CEST"]
    assert all(f.tzinfo is UTC for f in fires)


def test_a_fixed_time_inside_the_repeated_hour_fires_once() -> None:
    cron = parse_cron("30 2 * * *", "Europe/Berlin")
    start = dt.datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    fires = cron.between(start, start + dt.timedelta(days=2))
    assert local(fires, "Europe/Berlin") == ["25 02:30 CEST", "26 02:30 CET"]


def test_hourly_on_fall_back_day_fires_every_real_hour() -> None:
    """Europe/Berlin 2026-10-25: 02:00 CEST, 02:00 CET and 03:00 CET all fire (none lost)."""
    cron = parse_cron("0 * * * *", "Europe/Berlin")
    start = dt.datetime(2026, 10, 25, 0, 30, tzinfo=BERLIN)
    fires = cron.between(start, start + dt.timedelta(hours=5))
    assert local(fires, "Europe/Berlin") == [
        "25 01:00 CEST",
        "25 02:00 CEST",
        "25 02:00 CET",
        "25 03:00 CET",
        "25 04:00 CET",
        "25 05:00 CET",  # 00:30 + 5 wall-clock hours is six real hours on this day
    ]
    assert [b - a for a, b in zip(fires, fires[1:], strict=False)] == [dt.timedelta(hours=1)] * 5


@pytest.mark.parametrize(
    ("zone", "day"),
    [("America/Santiago", dt.date(2026, 9, 6)), ("America/Havana", dt.date(2026, 3, 8))],
)
def test_daily_midnight_fires_on_a_spring_forward_day_that_skips_midnight(
    zone: str, day: dt.date
) -> None:
    cron = parse_cron("0 0 * * *", zone)
    start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), ZoneInfo(zone))
    fires = cron.between(start, start + dt.timedelta(days=2))
    assert [f.astimezone(ZoneInfo(zone)).date() for f in fires] == [day, day + dt.timedelta(1)]
    assert fires[0].astimezone(ZoneInfo(zone)).strftime("%H:%M") == "01:00"  # first minute after
    trigger = CronsimTrigger(cron)  # the timer fires it too
    assert trigger.get_next_fire_time(None, start) == fires[0]
    assert trigger.get_next_fire_time(fires[0], fires[0]) == fires[1]


def test_zero_and_seven_are_sunday_and_names_work() -> None:
    saturday = dt.datetime(2026, 1, 3, 12, 0, tzinfo=UTC)
    sunday = dt.datetime(2026, 1, 4, 8, 0, tzinfo=UTC)
    for line in ("0 8 * * 0", "0 8 * * 7", "0 8 * * sun", "0 8 * * SUN"):
        assert parse_cron(line, "UTC").next_after(saturday) == sunday, line
    monday = dt.datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    assert parse_cron("0 8 * * 1-5", "UTC").next_after(saturday) == monday
    assert parse_cron("0 8 * * 6-7", "UTC").between(saturday, monday) == [sunday]


def test_day_of_month_and_day_of_week_are_ored_when_both_are_restricted() -> None:
    cron = parse_cron("0 8 1 * mon", "UTC")
    january = dt.datetime(2026, 1, 1, tzinfo=UTC)
    fires = cron.between(january - dt.timedelta(seconds=1), dt.datetime(2026, 3, 1, 8, tzinfo=UTC))
    assert [f.strftime("%a %d %b") for f in fires] == [
        "Thu 01 Jan",
        "Mon 05 Jan",
        "Mon 12 Jan",
        "Mon 19 Jan",
        "Mon 26 Jan",
        "Sun 01 Feb",
        "Mon 02 Feb",
        "Mon 09 Feb",
        "Mon 16 Feb",
        "Mon 23 Feb",
        "Sun 01 Mar",
    ]
    # a wildcard in either field is AND, as in cron: only Mondays
    mondays = parse_cron("0 8 * * mon", "UTC").between(january, january + dt.timedelta(days=31))
    assert {f.weekday() for f in mondays} == {0}


def test_latest_slot_agrees_with_forward_iteration_around_clock_changes() -> None:
    """Reverse lookups (latest slot) and forward ones (next fire) never disagree."""
    days = [dt.datetime(2026, 3, 29, tzinfo=UTC), dt.datetime(2026, 10, 25, tzinfo=UTC)]
    lines = ["0 * * * *", "30 2 * * *", "0 0,2,3 * * *", "*/20 1-3 * * *"]
    for line in lines:
        cron = parse_cron(line, "Europe/Berlin")
        for day in days:
            for minute in range(-120, 24 * 60, 17):
                now = day + dt.timedelta(minutes=minute)
                expected = cron.between(now - dt.timedelta(days=1), now)[-1]
                assert cron.latest_at(now) == expected, (line, now)
    exactly = dt.datetime(2026, 1, 2, 8, 0, tzinfo=UTC)
    assert parse_cron("0 8 * * *", "UTC").latest_at(exactly) == exactly


def test_the_trigger_fires_what_the_cron_module_computes() -> None:
    cron = parse_cron("0 * * * *", "Europe/Berlin")
    trigger = CronsimTrigger(cron)
    now = dt.datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    fired = [trigger.get_next_fire_time(None, now)]
    while len(fired) < 6:
        previous = fired[-1]
        assert previous is not None
        fired.append(trigger.get_next_fire_time(previous, previous))
    assert fired == cron.between(now, now + dt.timedelta(hours=6))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("0 8 31 2 *", "invalid cron '0 8 31 2 *': never fires: day 31 does not occur in month 2"),
        ("0 8 30 2 *", "never fires"),
        ("0 8 31 4,6,9,11 *", "never fires"),
        ("0 25 * * *", "invalid cron '0 25 * * *': bad hour"),
        ("0 8 * * 9", "invalid cron '0 8 * * 9': bad day-of-week"),
        ("0 8 * *", "needs 5 fields"),
        ("0 0 8 * * *", "needs 5 fields"),
    ],
)
def test_bad_or_never_firing_cron_is_refused_with_one_line(line: str, message: str) -> None:
    with pytest.raises(UserInputError, match=re.escape(message)):
        parse_cron(line, "UTC")
    with pytest.raises(ValueError, match=re.escape(message)):
        check_cron(line)


def test_unknown_zone_is_refused() -> None:
    with pytest.raises(UserInputError, match="unknown timezone 'Mars/Olympus'"):
        parse_cron("0 8 * * *", "Mars/Olympus")


def test_a_leap_day_cron_is_fine() -> None:
    fire = parse_cron("0 8 29 2 *", "UTC").next_after(dt.datetime(2026, 1, 1, tzinfo=UTC))
    assert fire == dt.datetime(2028, 2, 29, 8, 0, tzinfo=UTC)


def schedule(cron: str, name: str = "morning") -> dict[str, object]:
    return {"name": name, "cron": cron, "timezone": "Europe/Berlin", "channels": ["console"]}


def test_config_and_chat_accept_the_same_dialect(store: Store) -> None:
    settings = Settings.model_validate({"schedules": [schedule("0 8 * * 7")]})
    assert settings.schedules[0].cron == "0 8 * * 7"
    with pytest.raises(ValidationError, match="never fires"):
        Settings.model_validate({"schedules": [schedule("0 8 31 2 *")]})


async def test_subscribe_refuses_a_never_firing_cron_and_accepts_sunday_seven(
    store: Store,
) -> None:
    context = Context(Settings(), Secrets(), store)
    with pytest.raises(UserInputError, match="never fires"):
        await admin.subscribe(context, "console", cron="0 8 31 2 *", timezone="UTC", by="t")
    assert await store.subscription("console") is None
    made = await admin.subscribe(context, "console", cron=" 0  8 * * 7 ", timezone="UTC", by="t")
    assert made.cron == "0 8 * * 7"
    assert admin.describe(made) == "At 08:00 on Sunday (UTC), cron `0 8 * * 7`"


def test_duplicate_schedule_names_are_refused() -> None:
    entries = [schedule("0 8 * * *"), schedule("0 9 * * *"), schedule("0 7 * * *", "other")]
    with pytest.raises(ValidationError, match="schedule name\\(s\\) used more than once: morning"):
        Settings.model_validate({"schedules": entries})


def test_schedules_are_described_in_words() -> None:
    assert parse_cron("0 8 * * 1-5", "Europe/Berlin").describe() == (
        "At 08:00 on Monday through Friday (Europe/Berlin)"
    )
    assert Cron("0 * * * *", "UTC").describe() == "At the start of every hour (UTC)"


def test_check_refuses_a_never_firing_cron_in_the_config(tmp_path: Path) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        '[[schedules]]\nname = "feb"\ncron = "0 8 31 2 *"\nchannels = ["console"]\n', "utf-8"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--config", str(config)],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "schedules[0].cron" in result.stderr and "never fires" in result.stderr
