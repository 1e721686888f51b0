"""A briefing long enough to take one message per item on Slack and on Discord."""

from __future__ import annotations

import datetime as dt

from bot.core.briefing import Briefing, BriefingItem, QuoteLine


def long_briefing(items: int, date: dt.date = dt.date(2026, 1, 5)) -> Briefing:
    """``items`` long items: as many parts on either platform."""
    return Briefing("Morning briefing", date, tuple(map(long_item, range(items))))


def long_item(number: int) -> BriefingItem:
    """One item near the size limit of a message."""
    points = tuple(f"Point {p} of story {number}: " + "words " * 120 for p in range(4))
    quotes = tuple(QuoteLine(f"Speaker {q}", "said something " * 20, q + 1) for q in range(3))
    url = f"https://example.com/{number}"
    title = f"Story {number}"
    return BriefingItem(
        f"story-{number}", title, "Outlet", ("A Writer",), url, points, quotes=quotes
    )
