"""Compose a short briefing from summaries: a neutral value that each platform renders.

The briefing is built to a character budget (per item and in total) by dropping whole pieces,
lowest priority first, and then whole items; nothing is ever cut inside a word or a quote. The
default total, 1,800 characters, is about 300 words: a one-minute read. The
size of an item is measured on its plain-text form (``item_lines``), which the console renders
as is and which bounds what the Slack and Discord renderers produce.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.core.library import shown_speaker
from bot.core.summary import Person, Source, StatementKind, Summary
from bot.core.text import first_sentence
from bot.core.verify import statement_verified

QUOTE_LIMIT = 110  # longer quotes are shown by their leading sentences
MAX_QUOTES = 3
MAX_POINTS = 3
MAX_FIGURES = 3
MIN_ITEM_SHARE = 300  # below this an item is only its headline: leave articles out instead


@dataclass(frozen=True)
class Budget:
    """Character budgets: per item and for the whole briefing."""

    per_item: int = 900
    total: int = 1800  # about 300 words: a one-minute read


@dataclass(frozen=True)
class BriefingSpec:
    """What a briefing should hold: its title, how many articles, which topics, how long."""

    title: str = "Briefing"
    max_items: int = 5
    topics: tuple[str, ...] = ()
    budget: Budget = Budget()


@dataclass(frozen=True)
class QuoteLine:
    """One speaker's strongest quote, as shown in a briefing."""

    speaker: str
    words: str
    paragraph: int


@dataclass(frozen=True)
class BriefingItem:
    """One article in a briefing."""

    article_id: str
    title: str
    outlet: str | None
    byline: tuple[str, ...]
    url: str | None
    points: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    quotes: tuple[QuoteLine, ...] = ()
    no_comment: tuple[str, ...] = ()
    disputed: tuple[str, ...] = ()

    @property
    def credit(self) -> str:
        """'Reuters, Tamilla Hasanova': outlet and byline, whichever are known."""
        return ", ".join([p for p in (self.outlet, *self.byline) if p])


@dataclass(frozen=True)
class Briefing:
    """A dated briefing of several items; ``omitted`` counts articles left out for space."""

    title: str
    date: dt.date
    items: tuple[BriefingItem, ...] = ()
    omitted: int = 0
    topics: tuple[str, ...] = field(default=())

    @property
    def heading(self) -> str:
        """'Morning briefing · Sat 20 Dec 2025'."""
        return f"{self.title} · {self.date:%a} {self.date.day} {self.date:%b %Y}"


def select_articles(
    summaries: Iterable[Summary], *, topics: Sequence[str] = (), limit: int = 5
) -> list[Summary]:
    """The most recent summaries, optionally only those sharing a topic; newest first."""
    wanted = {t.lower() for t in topics}
    chosen = [s for s in summaries if not wanted or wanted & set(s.article.topics)]
    chosen.sort(key=lambda s: (s.article.published_at, s.article.id), reverse=True)
    return chosen[:limit]


def compose_briefing(
    summaries: Sequence[Summary],
    *,
    now: dt.datetime,
    title: str = "Briefing",
    budget: Budget = Budget(),
    topics: Sequence[str] = (),
) -> Briefing:
    """Build a briefing from already selected summaries, within the budget, in their order.

    Each item gets an equal share of the total (at most ``per_item``), so that more articles
    make shorter items before any article is left out.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    share = min(budget.per_item, budget.total // max(1, len(summaries)))
    items: list[BriefingItem] = []
    used = 0
    for summary in summaries:
        item = fit_item(make_item(summary), max(share, MIN_ITEM_SHARE))
        size = item_size(item)
        if used + size > budget.total:
            continue
        items.append(item)
        used += size
    return Briefing(
        title=title,
        date=now.date(),
        items=tuple(items),
        omitted=len(summaries) - len(items),
        topics=tuple(topics),
    )


def make_item(summary: Summary) -> BriefingItem:
    """Every candidate piece of an article's item, before the budget is applied."""
    article = summary.article
    points = list(summary.key_points[:MAX_POINTS])
    if len(points) < 2 and summary.lede not in points:
        points.insert(0, summary.lede)
    return BriefingItem(
        article_id=article.id,
        title=article.title,
        outlet=article.outlet,
        byline=tuple(article.byline),
        url=article.url,
        points=tuple(points),
        figures=tuple(f.short or f"{f.value} ({f.measure})" for f in summary.key_figures)[
            :MAX_FIGURES
        ],
        quotes=tuple(strongest_quotes(summary)),
        no_comment=tuple(short_label(summary, n.who) for n in summary.sourcing.no_comment),
        disputed=tuple(d.claim for d in summary.sourcing.disputed),
    )


def strongest_quotes(summary: Summary, limit: int = MAX_QUOTES) -> list[QuoteLine]:
    """One verified (or uncheckable) direct quote per speaker, named people first, in article
    order. A speaker's quote attributed by name beats one the extractor guessed, which is
    shown as "probably X" when it is the only one."""
    named = {p.id for p in summary.people}
    seen: set[str] = set()
    picked: list[tuple[int, int, QuoteLine]] = []
    in_order = sorted(enumerate(summary.statements), key=lambda pair: pair[1].low_confidence)
    for order, statement in in_order:
        if statement.kind is not StatementKind.DIRECT or statement.speaker in seen:
            continue
        if statement_verified(statement, summary.text) is False:
            continue  # a quote the article does not contain never leads a briefing
        seen.add(statement.speaker)
        rank = 0 if statement.speaker in named else 1
        line = QuoteLine(
            speaker=shown_speaker(short_label(summary, statement.speaker), statement.confidence),
            words=first_sentence(statement.text, limit=QUOTE_LIMIT),
            paragraph=statement.paragraph,
        )
        picked.append((rank, order, line))
    picked.sort(key=lambda entry: (entry[0], entry[1]))
    chosen = picked[:limit]
    chosen.sort(key=lambda entry: entry[1])
    return [line for _, _, line in chosen]


def short_label(summary: Summary, ref: str) -> str:
    """How a briefing names a speaker: a surname, or a source's shortest name."""
    try:
        entry = summary.speaker(ref)
    except KeyError:
        return ref
    if isinstance(entry, Person):
        surnames = [p.name.split()[-1] for p in summary.people]
        surname = entry.name.split()[-1]
        return surname if surnames.count(surname) == 1 else entry.name
    return _shortest_name(entry)


def _shortest_name(source: Source) -> str:
    return min([source.name, *source.aliases], key=len)


def item_lines(item: BriefingItem) -> list[str]:
    """The item as plain-text lines: the measure of its size, and the console's rendering."""
    lines = [f"{item.title} — {item.credit}" if item.credit else item.title]
    lines += [f"• {point}" for point in item.points]
    if item.figures:
        lines.append("• Figures: " + " · ".join(item.figures))
    lines += [line for line in (quotes_line(item), notes_line(item)) if line]
    return lines


def quotes_line(item: BriefingItem, marks: tuple[str, str] = ('"', '"')) -> str | None:
    """'Who said what: X "words" · Y "words"', or None; each platform picks its quote marks."""
    if not item.quotes:
        return None
    opening, closing = marks
    said = (f"{q.speaker} {opening}{q.words}{closing}" for q in item.quotes)
    return "Who said what: " + " · ".join(said)


def notes_line(item: BriefingItem) -> str | None:
    """The sourcing notes of an item in one line (no comment, disputed), or None."""
    notes = []
    if item.no_comment:
        notes.append("No comment: " + ", ".join(item.no_comment))
    if item.disputed:
        notes.append("Disputed: " + "; ".join(item.disputed))
    return " · ".join(notes) or None


def item_size(item: BriefingItem) -> int:
    """Characters the item takes in plain text."""
    return sum(len(line) + 1 for line in item_lines(item))


def fit_item(item: BriefingItem, limit: int) -> BriefingItem:
    """Drop whole pieces, least important first, until the item fits ``limit``."""
    while item_size(item) > limit:
        smaller = _drop_one(item)
        if smaller is None:
            break
        item = smaller
    return item


def _drop_one(item: BriefingItem) -> BriefingItem | None:
    """The item less its least important remaining piece, or None when only essentials remain.

    Order: a third key point, a third quote or figure, the disputed notes, further figures
    and quotes, the no-comment note, then the last figure and quote, then a second point.
    """
    steps = (
        ("points", 2),
        ("quotes", 2),
        ("figures", 2),
        ("disputed", 0),
        ("figures", 1),
        ("quotes", 1),
        ("no_comment", 0),
        ("figures", 0),
        ("quotes", 0),
        ("points", 1),
    )
    for name, keep in steps:
        pieces: tuple[Any, ...] = getattr(item, name)
        if len(pieces) > keep:
            shorter: dict[str, Any] = {name: pieces[: len(pieces) - 1]}
            return replace(item, **shorter)
    return None
