"""The who-said-what engine: each command's answer as a neutral value.

Answers read through the ``Library`` protocol, so the store's indexes do the searching; this
module decides what counts as a match, in what order results stand, and when a question is
ambiguous. Renderers turn the values below into console text, Block Kit or embeds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from bot.core.articles import resolve_article
from bot.core.attribution import said
from bot.core.briefing import Briefing, BriefingSpec, compose_briefing
from bot.core.commands import Command, Verb
from bot.core.fuzzy import index_for
from bot.core.library import ArticleRecord, Library, SpeakerRecord, StatementRecord
from bot.core.replies import (
    AmbiguousAnswer,
    Answer,
    BriefingAnswer,
    DisputeItem,
    DisputesAnswer,
    HelpAnswer,
    NoCommentAnswer,
    NoCommentLine,
    NotFoundAnswer,
    ProfileAnswer,
    QuotesAnswer,
    SaidAnswer,
    SaidMatch,
    SpeakerAnswer,
    SpeakerGroup,
    TopicAnswer,
)
from bot.core.sourcing import describe_sources
from bot.core.summary import Summary
from bot.core.text import name_key, singular

log = logging.getLogger(__name__)
__all__ = [
    "AmbiguousAnswer",
    "Answer",
    "BriefingAnswer",
    "DisputeItem",
    "DisputesAnswer",
    "HelpAnswer",
    "NoCommentAnswer",
    "NoCommentLine",
    "NotFoundAnswer",
    "ProfileAnswer",
    "QuotesAnswer",
    "SaidAnswer",
    "SaidMatch",
    "SpeakerAnswer",
    "SpeakerGroup",
    "TopicAnswer",
]

SPEAKER_FUZZY_CUTOFF = 82.0
SAID_FUZZY_CUTOFF = 70.0
MAX_STATEMENTS = 12
MAX_MATCHES = 5


async def answer(
    command: Command, library: Library, *, now: dt.datetime, spec: BriefingSpec = BriefingSpec()
) -> Answer:
    """Answer a read-only command. Admin verbs are the adapters' business and get usage here."""
    match command.verb:
        case Verb.BRIEF | Verb.PREVIEW:
            return BriefingAnswer(await latest_briefing(library, spec=spec, now=now))
        case Verb.WHO:
            return await who(library, command.argument)
        case Verb.SAID:
            return await said(library, command.argument)
        case Verb.QUOTES:
            return await quotes(library, command.argument)
        case Verb.SOURCES:
            return await sources(library, command.argument)
        case Verb.HELP:
            return HelpAnswer(problem=command.problem)
    return HelpAnswer(problem=f"'{command.verb}' is not available here.")


async def latest_briefing(library: Library, *, spec: BriefingSpec, now: dt.datetime) -> Briefing:
    """The briefing of the newest articles under ``spec``."""
    summaries = await library.latest(spec.max_items, spec.topics)
    return compose_briefing(
        summaries, now=now, title=spec.title, budget=spec.budget, topics=spec.topics
    )


async def who(library: Library, query: str) -> Answer:
    """What a person or source said. Names, aliases, role words and typos all find them."""
    key = name_key(query)
    if not key:
        return HelpAnswer(problem="'who' needs a name, e.g. /brief who Rubio")
    speakers, approximate = await find_speakers(library, key)
    if not speakers:
        return NotFoundAnswer(query, "speaker", tuple(await near_names(library, key, 60.0)))
    people = {s.key: s for s in speakers if s.is_person}
    if len(people) > 1:
        candidates = tuple(f"{s.name}, {s.role}" if s.role else s.name for s in people.values())
        return AmbiguousAnswer(query, "speaker", candidates)
    chosen = list(people.values()) or _unique(speakers)
    keys = [s.key for s in chosen]
    statements = await library.statements_of(keys, MAX_STATEMENTS)
    total = await library.count_statements_of(keys)
    return SpeakerAnswer(query, tuple(chosen), tuple(statements), total, approximate)


async def find_speakers(library: Library, key: str) -> tuple[list[SpeakerRecord], bool]:
    """Speakers for a name key: exact name or alias, then all words, then similar spelling."""
    exact = await library.speakers_named(key)
    if exact:
        return exact, False
    by_words = await library.speakers_with_words([singular(w) for w in key.split()])
    if by_words:
        return by_words, False
    near = await near_names(library, key, SPEAKER_FUZZY_CUTOFF)
    found: list[SpeakerRecord] = []
    for name in near[:1]:
        found += await library.speakers_named(name)
    return found, bool(found)


async def near_names(library: Library, key: str, cutoff: float) -> list[str]:
    """Indexed names spelt like ``key``, best first."""
    names = await library.speaker_names()
    return [name for name, _score in index_for(names).near(key, limit=5, cutoff=cutoff)]


def _unique(speakers: Sequence[SpeakerRecord]) -> list[SpeakerRecord]:
    return list({s.key: s for s in speakers}.values())


async def quotes(library: Library, article_query: str) -> Answer:
    """Every statement of an article, grouped by speaker."""
    found = await _article_summary(library, article_query)
    if not isinstance(found, tuple):
        return found
    article, summary = found
    # A speaker's named statements and the guessed ones ("probably X") are separate groups,
    # so that a heading never vouches for a guess nor casts doubt on a named quote.
    groups: dict[tuple[str, bool], list[StatementRecord]] = {}
    for statement in summary.statements:
        record = StatementRecord.of(summary, statement, statement.speaker)
        groups.setdefault((statement.speaker, record.low_confidence), []).append(record)
    return QuotesAnswer(
        article,
        tuple(
            SpeakerGroup(items[0].speaker_shown, items[0].speaker_role, tuple(items))
            for items in groups.values()
        ),
    )


async def sources(library: Library, article_query: str) -> Answer:
    """How an article is sourced."""
    found = await _article_summary(library, article_query)
    return describe_sources(found[1]) if isinstance(found, tuple) else found


async def _article_summary(
    library: Library, article_query: str
) -> tuple[ArticleRecord, Summary] | Answer:
    """The article a query names with its summary, or the answer explaining why not."""
    resolved = await resolve_article(library, article_query)
    if not isinstance(resolved, ArticleRecord):
        return _article_problem(article_query, resolved)
    summary = await library.summary(resolved.id)
    if summary is None:
        return NotFoundAnswer(article_query, "article")
    return resolved, summary


def _article_problem(query: str, candidates: list[ArticleRecord]) -> Answer:
    if not candidates:
        return NotFoundAnswer(query, "article" if query else "articles")
    return AmbiguousAnswer(query, "article", tuple(f"{a.id}: {a.title}" for a in candidates))
