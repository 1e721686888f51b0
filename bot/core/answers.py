"""The who-said-what engine: each command's answer as a neutral value.

Answers read through the ``Library`` protocol, so the store's indexes do the searching; this
module decides what counts as a match, in what order results stand, and when a question is
ambiguous. Renderers turn the values below into console text, Block Kit or embeds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.core.articles import resolve_article
from bot.core.briefing import Briefing, BriefingSpec, compose_briefing
from bot.core.commands import ADMIN_USAGE, USAGE, Command, Verb
from bot.core.fuzzy import index_for
from bot.core.library import ArticleRecord, Library, SpeakerRecord, StatementRecord
from bot.core.sourcing import DisputeLine, SourcesAnswer, describe_sources
from bot.core.summary import StatementKind, Summary
from bot.core.text import name_key, search_words, singular

log = logging.getLogger(__name__)

SPEAKER_FUZZY_CUTOFF = 82.0
SAID_FUZZY_CUTOFF = 70.0
MAX_STATEMENTS = 12
MAX_MATCHES = 5


@dataclass(frozen=True)
class HelpAnswer:
    """Usage, with the problem that led to it if any.

    For a question it could not read, ``problem`` says what was understood and names the
    closest command (also in ``suggestion``), so every renderer shows it without change.
    """

    problem: str | None = None
    usage: tuple[tuple[str, str], ...] = USAGE
    admin_usage: tuple[tuple[str, str], ...] = ADMIN_USAGE
    suggestion: str | None = None  # the closest command, e.g. "/brief who Keller"


@dataclass(frozen=True)
class BriefingAnswer:
    """The latest briefing."""

    briefing: Briefing


@dataclass(frozen=True)
class NotFoundAnswer:
    """Nothing matched; ``suggestions`` are near misses worth trying."""

    query: str
    what: str  # "speaker", "words", "article", "articles"
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class AmbiguousAnswer:
    """The query fits several speakers or articles; the user should pick one."""

    query: str
    what: str  # "speaker" or "article"
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerAnswer:
    """What one speaker (or a group of unnamed sources) said, exact words first."""

    query: str
    speakers: tuple[SpeakerRecord, ...]
    statements: tuple[StatementRecord, ...]
    total: int
    approximate: bool = False  # matched by spelling similarity, not by name
    note: str | None = None  # how a question was read: "Anna Keller is the Keller who ..."
    topic: str | None = None  # statements narrowed to those about this topic

    @property
    def title(self) -> str:
        """'Marco Rubio, U.S. Secretary of State' or the sources' names."""
        if len(self.speakers) == 1:
            speaker = self.speakers[0]
            return f"{speaker.name}, {speaker.role}" if speaker.role else speaker.name
        return "; ".join(dict.fromkeys(s.name for s in self.speakers))


@dataclass(frozen=True)
class SaidMatch:
    """A statement matching the words asked about; ``span`` marks them in its text."""

    statement: StatementRecord
    exact: bool
    score: float
    span: tuple[int, int] | None = None
    approximate: bool = False  # neither the phrase nor all its words: similar words only
    dispute: DisputeLine | None = None  # the claim these words make is disputed (or dispute)


@dataclass(frozen=True)
class SaidAnswer:
    """Who said the words, best match first."""

    query: str
    matches: tuple[SaidMatch, ...]
    approximate: bool = False


@dataclass(frozen=True)
class SpeakerGroup:
    """A speaker's statements in one article."""

    name: str
    role: str | None
    statements: tuple[StatementRecord, ...]


@dataclass(frozen=True)
class QuotesAnswer:
    """Every statement in an article, grouped by speaker in order of appearance."""

    article: ArticleRecord
    groups: tuple[SpeakerGroup, ...] = field(default=())


@dataclass(frozen=True)
class ProfileAnswer:
    """Who someone is: name, role, the articles they appear in, how many statements."""

    query: str
    speaker: SpeakerRecord
    names: tuple[str, ...]  # aliases and other spellings, as indexed
    articles: tuple[ArticleRecord, ...]  # newest first
    total: int


@dataclass(frozen=True)
class NoCommentLine:
    """Someone who gave no comment, and where the article says so."""

    name: str
    response: str  # "declined to comment", "did not respond", "could not be reached"
    article: ArticleRecord
    paragraph: int | None


@dataclass(frozen=True)
class NoCommentAnswer:
    """Who declined to comment or did not respond; for "did X comment?" ``subject`` is X."""

    query: str
    lines: tuple[NoCommentLine, ...]
    subject: str | None = None
    story: ArticleRecord | None = None


@dataclass(frozen=True)
class DisputeItem:
    """A disputed claim in one article, with the claimant's and the disputer's own words."""

    article: ArticleRecord
    dispute: DisputeLine
    claim_words: StatementRecord | None = None
    dispute_words: StatementRecord | None = None


@dataclass(frozen=True)
class DisputesAnswer:
    """Disputed claims (matching the question's words, or in one story); claimant first."""

    query: str
    items: tuple[DisputeItem, ...]
    story: ArticleRecord | None = None


@dataclass(frozen=True)
class TopicAnswer:
    """Who said what about a topic, newest first, or everyone quoted anonymously on it."""

    topic: str
    statements: tuple[StatementRecord, ...]
    total: int
    story: ArticleRecord | None = None
    anonymous_only: bool = False


Answer = (
    HelpAnswer
    | BriefingAnswer
    | NotFoundAnswer
    | AmbiguousAnswer
    | SpeakerAnswer
    | SaidAnswer
    | QuotesAnswer
    | SourcesAnswer
    | ProfileAnswer
    | NoCommentAnswer
    | DisputesAnswer
    | TopicAnswer
)


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
        return NotFoundAnswer(query, "speaker", tuple(await _near_names(library, key, 60.0)))
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
    near = await _near_names(library, key, SPEAKER_FUZZY_CUTOFF)
    found: list[SpeakerRecord] = []
    for name in near[:1]:
        found += await library.speakers_named(name)
    return found, bool(found)


async def _near_names(library: Library, key: str, cutoff: float) -> list[str]:
    """Indexed names spelt like ``key``, best first."""
    names = await library.speaker_names()
    return [name for name, _score in index_for(names).near(key, limit=5, cutoff=cutoff)]


def _unique(speakers: Sequence[SpeakerRecord]) -> list[SpeakerRecord]:
    return list({s.key: s for s in speakers}.values())


async def said(library: Library, query: str) -> Answer:
    """Who said these words: exact phrase first, then all the words, then a fuzzy fallback."""
    tokens = search_words(query)
    if not tokens:
        return HelpAnswer(problem="'said' needs some words, e.g. /brief said tremendous progress")
    found = await _search_words(library, tokens)
    approximate = False
    if not found:
        corrected = [await _correct(library, token) for token in tokens]
        if corrected != tokens:
            found, approximate = await _search_words(library, corrected), True
    if not found:
        found, approximate = await library.search(tokens, mode="any", limit=50), True
    matches = rank_matches(query, found)
    if not matches:
        return NotFoundAnswer(query, "words")
    return SaidAnswer(query, tuple(matches[:MAX_MATCHES]), approximate)


async def _search_words(library: Library, tokens: list[str]) -> list[StatementRecord]:
    phrase = await library.search(tokens, mode="phrase", limit=MAX_MATCHES * 2)
    if len(tokens) == 1 or len(phrase) >= MAX_MATCHES:
        return phrase
    return phrase + await library.search(tokens, mode="all", limit=MAX_MATCHES * 2)


async def _correct(library: Library, token: str) -> str:
    near = await library.vocabulary_near(token, 1)
    return near[0] if near else token


def rank_matches(query: str, records: Sequence[StatementRecord]) -> list[SaidMatch]:
    """Order statements by how well they hold the query: exact phrase, then closeness.

    Closeness is the best of an in-order match (which also marks the span) and a match of the
    words in any order, so that a paraphrased fragment still finds its statement.
    """
    wanted = _plain(query)
    phrase = " ".join(wanted.split())
    seen: set[tuple[str, int, str]] = set()
    matches: list[SaidMatch] = []
    for record in records:
        identity = (record.article_id, record.paragraph, record.text)
        if identity in seen:
            continue
        seen.add(identity)
        text = _plain(record.text)
        alignment = fuzz.partial_ratio_alignment(wanted, text)
        in_order = alignment.score if alignment is not None else 0.0
        score = max(in_order, fuzz.token_set_ratio(wanted, text))
        if score < SAID_FUZZY_CUTOFF:
            continue
        span = None
        if alignment is not None and in_order >= SAID_FUZZY_CUTOFF:
            span = (alignment.dest_start, alignment.dest_end)
        exact = phrase in " ".join(text.split())
        matches.append(SaidMatch(record, exact, score, span))
    matches.sort(key=lambda m: (not m.exact, -m.score, _kind_rank(m.statement.kind)))
    return matches


def _plain(text: str) -> str:
    """Lower case with punctuation blanked, keeping every character's position for spans."""
    return "".join(ch.lower() if ch.isalnum() and len(ch.lower()) == 1 else " " for ch in text)


def _kind_rank(kind: StatementKind) -> int:
    return [StatementKind.DIRECT, StatementKind.PARTIAL, StatementKind.INDIRECT].index(kind)


async def quotes(library: Library, article_query: str) -> Answer:
    """Every statement of an article, grouped by speaker."""
    found = await _article_summary(library, article_query)
    if not isinstance(found, tuple):
        return found
    article, summary = found
    groups: dict[str, list[StatementRecord]] = {}
    for statement in summary.statements:
        record = StatementRecord.of(summary, statement, statement.speaker)
        groups.setdefault(statement.speaker, []).append(record)
    return QuotesAnswer(
        article,
        tuple(
            SpeakerGroup(items[0].speaker_name, items[0].speaker_role, tuple(items))
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
