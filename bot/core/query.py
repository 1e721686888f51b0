"""The structured query a question is read into, and the time windows it can name.

A plain value (what is asked, about whom, about what, in which story, when) that the grammar
or an optional model produces and the question engine answers. It is a pydantic model so that
a model's JSON output is validated against the very schema it was shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Intent(StrEnum):
    """What a question asks for."""

    BRIEFING = "briefing"  # "brief me on T", "what's the latest on T", or the latest briefing
    SPEAKER = "speaker"  # "what did X say (about T) (on DAY) (in S)?"
    SAID = "said"  # "who said (that) W?"
    TOPIC = "topic"  # "who said what about T?"
    COMMENTED = "commented"  # "did X comment / respond?"
    NO_COMMENT = "no_comment"  # "who declined to comment (in S)?"
    SOURCE_COUNT = "source_count"  # "how many anonymous sources (in S)?"
    ANONYMOUS = "anonymous"  # "who spoke anonymously (about T)?"
    DISPUTES = "disputes"  # "who disputes (that) C?", "what is disputed (in S)?"
    PROFILE = "profile"  # "who is X?"
    ABOUT = "about"  # "tell me about X": a person if X names one, else a topic briefing
    QUOTED = "quoted"  # "who was quoted in S?"
    SOURCES = "sources"  # "how is S sourced?"
    COMMAND = "command"  # an old /brief command form: answered by the command engine
    UNKNOWN = "unknown"


class Query(BaseModel):
    """A question as a value. Empty slots are None."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    intent: Intent
    speaker: str | None = Field(default=None, description="Who: a name, surname or role.")
    words: str | None = Field(
        default=None,
        description="Words asked about (said, disputes); for speaker, who they told.",
    )
    topic: str | None = Field(default=None, description="What about: 'the flood'.")
    story: str | None = Field(default=None, description="Which article: 'Voltra'.")
    when: str | None = Field(
        default=None,
        description="'today', 'yesterday', 'this week', 'on Monday', 'on December 19'.",
    )
    count: Literal["anonymous", "named"] | None = Field(
        default=None, description="For source_count: which sources to count."
    )
    command: str | None = Field(default=None, description="For command: the /brief text.")

    def describe(self) -> str:
        """How the question was read, for replies that say what was understood."""
        parts = [self.intent.value.replace("_", " ")]
        for name in ("speaker", "words", "topic", "story", "when"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name} {value!r}")
        return ", ".join(parts)


def query_schema() -> dict[str, Any]:
    """The JSON Schema a model's structured query must satisfy."""
    return Query.model_json_schema()


@dataclass(frozen=True)
class Window:
    """A span of calendar days, both ends included, and the words that named it."""

    start: dt.date
    end: dt.date
    label: str
    weekday: int | None = None  # "on Monday": also a statement whose "when" says Monday

    def holds(self, day: dt.date) -> bool:
        """Whether the day falls in the window."""
        return self.start <= day <= self.end


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<m2>{_MONTH}))(?:,?\s+(?P<y>\d{{4}}))?",
    re.I,
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def window(when: str | None, now: dt.datetime) -> Window | None:
    """The days a time phrase names, seen from ``now``; None when it names none."""
    if not when:
        return None
    text = when.lower().strip()
    today = now.date()
    spans: dict[str, tuple[dt.date, dt.date]] = {
        "today": (today, today),
        "yesterday": (today - dt.timedelta(days=1), today - dt.timedelta(days=1)),
        "this week": (today - dt.timedelta(days=today.weekday()), today),
        "past week": (today - dt.timedelta(days=7), today),
        "last week": (
            today - dt.timedelta(days=today.weekday() + 7),
            today - dt.timedelta(days=today.weekday() + 1),
        ),
        "this month": (today.replace(day=1), today),
    }
    for key, (start, end) in spans.items():
        if key in text:
            return Window(start, end, key)
    day = resolve_day(text, today)
    if day is None:
        return None
    return Window(day, day, when.strip(), weekday_named(text))


def weekday_named(text: str) -> int | None:
    """The weekday a phrase names (0 Monday), if it names one."""
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name[:3]}(?:{name[3:]})?\b", text.lower()):
            return number
    return None


def resolve_day(text: str, reference: dt.date) -> dt.date | None:
    """The date a phrase like "on Thursday", "December 19" or "2025-12-19" names: a weekday is
    the latest such day on or before ``reference``, a date without a year is in its year."""
    text = text.lower()
    iso = _ISO.search(text)
    if iso:
        return _date(int(iso[1]), int(iso[2]), int(iso[3]))
    for number, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name[:3]}(?:{name[3:]})?\b", text):
            return reference - dt.timedelta(days=(reference.weekday() - number) % 7)
    found = _DATE.search(text)
    if not found:
        return None
    month_word = (found["m1"] or found["m2"]).lower()[:3]
    month = [m[:3] for m in MONTHS].index(month_word) + 1
    year = int(found["y"]) if found["y"] else reference.year
    return _date(year, month, int(found["d1"] or found["d2"]))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
