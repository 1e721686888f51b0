"""Article facts the text itself gives: title, byline, outlet, publication date."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from bot.core.text import has_words
from bot.extract.keypoints import is_bare_dateline, is_furniture, strip_dateline
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
_WIRE = re.compile(_WIRES)
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
#: "Sept. 3", "Dec. 20" (no year): only where an article dates itself (see ``_yearless``).
_YEARLESS = re.compile(
    r"(?P<stamp>\b(?:Published|Updated|Posted|Filed|Last\s+updated)\b[:\s]*(?:on\s+)?"
    r"(?:(?:Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?)?"
    r"\b(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)"
    r"(?!\s*(?:-|–|to)\s*\d)"
)
#: A year; no look-behind first, which would cost the scan its fast start (checked in code).
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
#: How far before its year a date may start ("September 30th, 2025", "2025-12-20" from 2025).
DATE_SPAN = 24
_STAMP_WORDS = re.compile(r"Published|Updated|Posted|Filed|updated")
#: How far from the top an article's own date is looked for (dateline, byline, "Updated …").
HEAD_CHARS = 600
#: A line this short holding a date is a date line ("Sept. 3, 10:41 a.m. ET").
SHORT_LINE = 60
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
    """The people of a byline's names: not a role set off after one ('Ivo Lund, Harbour
    Correspondent', 'Staff Writer') nor the wire they write for ('Jo Lind, Reuters')."""
    parts = [n.strip(" .,") for n in re.split(r"\s*(?:,|\band\b|&)\s*", raw) if n.strip(" .,")]
    return [n for n in parts if not _BYLINE_ROLE.search(n) and not _WIRE.fullmatch(n)]


#: A byline part that is a journalist's role, not a name.
_BYLINE_ROLE = re.compile(
    r"\b(?:Correspondent|Editor|Reporter|Writer|Staff|Columnist|Contributor|Producer|"
    r"Analyst|Chief|Desk|Bureau|Team)s?$",
    re.IGNORECASE,
)


def _title(paragraphs: list[Paragraph], sentences: list[Sentence], given: str | None) -> str:
    """The given title, else the title line, else the first sentence: the first that has words.

    A lone "." or a bare wire dateline ("(CNN) —") is no title; the next candidate is used."""
    if given and _has_words(tidy_title(given)):
        return tidy_title(given)
    if paragraphs and paragraphs[0].index == 0 and _has_words(tidy_title(paragraphs[0].text[:300])):
        return tidy_title(paragraphs[0].text[:300])
    for sentence in sentences[:5]:  # no title line: a sentence, without its wire dateline
        first = tidy_title(strip_dateline(sentence.text))
        if _has_words(first):
            return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    return "Untitled article"


def _has_words(title: str) -> bool:
    return not is_bare_dateline(title) and has_words(title)


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


def _date_of(match: re.Match[str], year: int | None = None) -> dt.date | None:
    """The date a match of ``_DATE`` or ``_YEARLESS`` writes (``year`` for a yearless one)."""
    groups = match.groupdict()
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"])
        month = groups.get("month") or groups["month2"]
        day = groups.get("day") or groups["day2"]
        found = groups.get("year") or groups.get("year2") or year
        return dt.date(int(found), _MONTHS[month[:3].lower()], int(day)) if found else None
    except ValueError:
        return None  # "February 30, 2025": not a date


def parse_date(text: str) -> dt.date | None:
    """The first date written in US, AP, day-first or ISO style in ``text``, if valid."""
    for match in _DATE.finditer(text):
        found = _date_of(match)
        if found is not None:
            return found
    return None


def _yearless(text: str, today: dt.date) -> dt.date | None:
    """An AP-style date without a year ("Sept. 3", "Published Dec. 20") where an article
    states its own date: after Published/Updated/Posted, or on a short line of its own. AP
    leaves the year out for the current year; a date that would lie ahead is last year's."""
    for line in text.splitlines():
        short = len(line.strip()) <= SHORT_LINE
        if not short and not _STAMP_WORDS.search(line):
            continue  # a running paragraph: "on Sept. 3" there is an event, not the date
        for match in _YEARLESS.finditer(line):
            if not (short or match.group("stamp")):
                continue
            found = _date_of(match, today.year)
            if found is not None:
                return found if found <= today + dt.timedelta(days=1) else _last_year(found)
    return None


def _last_year(date: dt.date) -> dt.date | None:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:  # 29 February
        return None


def article_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The article's date: a full date near the top (dateline, "Published …"), else a
    yearless one there, else the latest date the text reports that is not in the future
    (an article is written on or after what it reports). None when the text has no date."""
    today = today or dt.datetime.now(dt.UTC).date()
    head = _without_captions(text[:HEAD_CHARS])
    found = parse_date(head) or _yearless(head, today)
    if found is not None:
        return found
    past = [d for d in _dates_with_years(text) if d <= today + dt.timedelta(days=1)]
    return max(past) if past else None


def _without_captions(text: str) -> str:
    """The text without its lines of photo captions and credits ('FILE PHOTO: Ferries at
    the quay, March 3, 2025. REUTERS/…'): a picture's date is not the article's. A text of
    one line (an article run into one paragraph) is kept whole."""
    if "\n" not in text:
        return text
    return "\n".join(line for line in text.splitlines() if not is_furniture(line))


def _in_caption(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is a caption or credit (as ``_without_captions``
    drops): asked only where a date stands, not of every line."""
    start = text.rfind("\n", 0, at) + 1
    if start == 0 and "\n" not in text:
        return False
    end = text.find("\n", at)
    return is_furniture(text[start : end if end >= 0 else len(text)])


def _dates_with_years(text: str) -> list[dt.date]:
    """Every full date in ``text``: only the few places a year stands are read closely (a
    whole-text scan with the date pattern would cost more than the rest of the facts)."""
    found: list[dt.date] = []
    end = 0
    for year in _YEAR.finditer(text):
        if year.start() < end or (year.start() and text[year.start() - 1].isdigit()):
            continue
        for match in _DATE.finditer(text, max(end, year.start() - DATE_SPAN), year.end() + 6):
            date = _date_of(match)
            if date is not None and not _in_caption(text, match.start()):
                found.append(date)
            end = match.end()
    return found


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
        published=article_date(text),
    )
