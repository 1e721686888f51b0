"""Article facts the text itself gives: title, byline, outlet, publication date."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from bot.extract.paragraphs import Paragraph, Sentence

log = logging.getLogger(__name__)

_NAME = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}"
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and|&)\s*" + _NAME + r")*)\s*[.,]?\s*$"
)
_REPORTING = re.compile(
    r"\((?:Reporting|Writing)\s+by\s+(?P<names>" + _NAME + r"(?:\s*(?:,|and)\s*" + _NAME + r")*)"
)
_WIRES = (
    "Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|CNN|BBC|NPR|Politico|"
    "The New York Times|The Washington Post|The Wall Street Journal|The Guardian|"
    "Financial Times|Axios|Breitbart News|HuffPost|USA Today|Fox News|NBC News|CBS News|ABC News"
)
_OUTLET = re.compile(
    r"\((?P<a>" + _WIRES + r")\)\s*[-—–]|\b(?:by|told|to)\s+(?P<b>" + _WIRES + r")\b"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
#: "December 20, 2025" and AP style "Dec. 20, 2025"; "20 December 2025" and "20 Dec 2025";
#: ISO "2025-12-20" (also the date of an ISO date-time).
_DATE = re.compile(
    r"\b(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>"
    + _MONTH
    + r"),?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)"
)
_MONTHS = {m[:3].lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1  # noqa: SIM905
)}  # fmt: skip


@dataclass
class Facts:
    """What the text says about itself."""

    title: str
    outlet: str | None = None
    byline: list[str] = field(default_factory=list)
    published: dt.date | None = None


def _names(raw: str) -> list[str]:
    return [n.strip(" .,") for n in re.split(r"\s*(?:,|\band\b|&)\s*", raw) if n.strip(" .,")]


def _title(paragraphs: list[Paragraph], sentences: list[Sentence], given: str | None) -> str:
    if given and given.strip():
        return tidy_title(given)
    if paragraphs and paragraphs[0].index == 0:
        return tidy_title(paragraphs[0].text[:300])
    if sentences:
        first = tidy_title(sentences[0].text)
        return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    return "Untitled article"


def _byline(paragraphs: list[Paragraph], text: str) -> list[str]:
    for para in [*paragraphs[:3], *paragraphs[-3:]]:
        match = _BYLINE.match(para.text)
        if match:
            return _names(match.group("names"))
    match = _REPORTING.search(text[-2000:])
    return _names(match.group("names")) if match else []


def _outlet(title: str, text: str, url: str | None) -> str | None:
    match = _OUTLET.search(title) or _OUTLET.search(text[:3000])
    if match:
        return match.group("a") or match.group("b")
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def parse_date(text: str) -> dt.date | None:
    """The first date written in US, AP, day-first or ISO style in ``text``, if valid."""
    for match in _DATE.finditer(text):
        try:
            if match.group("iso"):
                return dt.date.fromisoformat(match.group("iso"))
            month = match.group("month") or match.group("month2")
            day = match.group("day") or match.group("day2")
            year = match.group("year") or match.group("year2")
            return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
        except ValueError:
            continue  # "February 30, 2025": not a date, look further
    return None


def _published(text: str) -> dt.date | None:
    return parse_date(text[:600])


def tidy_title(title: str) -> str:
    """A headline as written: one line, without the full stop a scrape adds at its end."""
    title = " ".join(title.split())
    if title.endswith(".") and not title.endswith(".."):
        last = title.rsplit(" ", 1)[-1]
        if not re.fullmatch(r"(?:[A-Z]\.)+|(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.", last):
            title = title[:-1].rstrip()
    return title


def article_facts(
    text: str,
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
    *,
    title: str | None = None,
    url: str | None = None,
) -> Facts:
    """Title (given, title line, or first sentence), byline, outlet and date from the text."""
    found_title = _title(paragraphs, sentences, title)
    return Facts(
        title=found_title,
        outlet=_outlet(found_title, text, url),
        byline=_byline(paragraphs, text),
        published=_published(text),
    )
