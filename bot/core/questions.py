"""Plain-language questions: the one entry point every adapter calls with what a user typed.

``answer_text`` takes the raw text of a mention, a DM, a ``/brief`` argument or a console line
("@briefbot what did Quigley say about the Europeans?", "who Rubio") and returns the same
neutral ``Answer`` values as the command engine. Reading is the grammar's job (``grammar``),
or an optional model's whose reading is validated and falls back to the grammar on any
failure; answering a ``Query`` is this module's, always from the store's own words.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.core.answers import answer, find_speakers, latest_briefing, quotes, sources
from bot.core.attribution import said
from bot.core.briefing import BriefingSpec
from bot.core.choosing import (
    Chosen,
    about_topic,
    choose,
    in_window,
    newest_first,
)
from bot.core.commands import parse
from bot.core.grammar import understand
from bot.core.library import ArticleRecord, Library, StatementRecord
from bot.core.query import Intent, Query, window
from bot.core.replies import (
    AmbiguousAnswer,
    Answer,
    BriefingAnswer,
    HelpAnswer,
    NotFoundAnswer,
    ProfileAnswer,
    SpeakerAnswer,
    TopicAnswer,
)
from bot.core.sourcing import SourcesAnswer
from bot.core.stories import disputes, find_story, no_comments, summaries_for, topic_briefing
from bot.core.summary import SourceKind
from bot.core.text import name_key, search_words
from bot.core.topics import STOPWORDS, Topic, topic

log = logging.getLogger(__name__)

MAX_STATEMENTS = 12
MAX_QUESTION = 1_000  # characters: a question, not an article pasted in
TOPIC_SEARCH = 200  # statements holding a topic's words read to rank
# A model reading a question: text in, a Query (or None) out. Injected, so the core needs no SDK.
QueryReader = Callable[[str], Awaitable[Query | None]]


async def answer_text(
    library: Library,
    text: str,
    *,
    now: dt.datetime,
    spec: BriefingSpec = BriefingSpec(),
    reader: QueryReader | None = None,
) -> Answer:
    """Answer what a user typed, in their own words or as a /brief command.

    Admin commands ("subscribe", "post", ...) are the adapters' business: check
    ``parse(text).is_admin`` first; here they get usage.
    """
    if len(text) > MAX_QUESTION:
        return HelpAnswer(
            problem=f"That question is {len(text)} characters long; ask in at most {MAX_QUESTION}."
        )
    query = await read(text, reader)
    log.debug("question read as %s", query.describe())
    return await answer_query(library, query, now=now, spec=spec)


async def read(text: str, reader: QueryReader | None = None) -> Query:
    """The question as a query: the model's reading when one is given and it succeeds (an
    old command form always goes to the grammar), else the grammar's."""
    query = understand(text)
    if reader is None or query.intent is Intent.COMMAND:
        return query
    try:
        modelled = await reader(text)
    except Exception:  # noqa: BLE001 - any failure of an optional model falls back to the grammar
        log.warning("the model could not read the question; using the grammar", exc_info=True)
        return query
    return modelled if modelled is not None and modelled.intent is not Intent.UNKNOWN else query


async def answer_query(
    library: Library, query: Query, *, now: dt.datetime, spec: BriefingSpec = BriefingSpec()
) -> Answer:
    """Answer a structured query from the store."""
    story: ArticleRecord | None = None
    if query.story and query.intent is not Intent.COMMAND:
        found = await find_story(library, query.story)
        if not isinstance(found, ArticleRecord):
            return found
        story = found
    handler = _HANDLERS.get(query.intent)
    if handler is None:
        return await _unknown(library, query, now=now, spec=spec)
    return await handler(library, query, story, now, spec)


Handler = Callable[
    [Library, Query, ArticleRecord | None, dt.datetime, BriefingSpec], Awaitable[Answer]
]


async def _command(
    library: Library, query: Query, _story: ArticleRecord | None, now: dt.datetime,
    spec: BriefingSpec,
) -> Answer:  # fmt: skip
    return await answer(parse(query.command or ""), library, now=now, spec=spec)


async def _speaker(
    library: Library, query: Query, story: ArticleRecord | None, now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    """What X said, across articles, newest first, narrowed by story, time and topic."""
    subject = topic(query.topic) if query.topic else None
    chosen = await choose(
        library, query.speaker or "", subject=subject, story=story, audience=query.words
    )
    if not isinstance(chosen, Chosen):
        return chosen
    if not chosen.statements:  # someone who said nothing: did they decline to comment?
        refusals = await no_comments(library, query.speaker or "", story, subject=query.speaker)
        if refusals.lines:
            return refusals
    records, problems = list(chosen.statements), []
    if story is not None:
        records = [r for r in records if r.article_id == story.id]
    span = window(query.when, now)
    if span is not None:
        records = in_window(records, span)
        if not records:
            problems.append(span.label)
    if subject is not None and records:
        records = await about_topic(library, records, subject)
        if not records:
            problems.append(f"about {subject.text}")
    elif subject is not None:
        problems.append(f"about {subject.text}")
    note = chosen.note
    if problems:
        where = f" in “{story.title}”" if story else " in the stored articles"
        note = f"Nothing from {chosen.speakers[0].name} {' and '.join(problems)}{where}."
    return SpeakerAnswer(
        query.speaker or "",
        chosen.speakers,
        tuple(records[:MAX_STATEMENTS]),
        len(records),
        chosen.approximate,
        note=note,
        topic=subject.text if subject else None,
    )


async def _said(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    return await said(library, query.words or "")


async def _topic(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec, *, anonymous: bool = False,
) -> Answer:  # fmt: skip
    """Who said what about a topic (or everything in a story), newest first."""
    if not query.topic:
        if anonymous:
            return await _focused_sources(library, story, "anonymous")
        return await quotes(library, story.id if story else "")
    subject = topic(query.topic)
    records = await _statements_about(library, subject, story)
    if anonymous:
        records = [r for r in records if await _is_anonymous(library, r)]
    if not records:
        return NotFoundAnswer(query.topic, "topic")
    newest = newest_first(records)
    ranked = sorted(newest, key=lambda r: -subject.score(f"{r.text} {r.cue or ''}"))
    return TopicAnswer(
        subject.text, tuple(ranked[:MAX_STATEMENTS]), len(ranked), story, anonymous_only=anonymous
    )


async def _statements_about(
    library: Library, subject: Topic, story: ArticleRecord | None
) -> list[StatementRecord]:
    if story is not None:
        summaries = await summaries_for(library, story)
        pool = [StatementRecord.of(s, st, st.speaker) for s in summaries for st in s.statements]
    else:
        pool = await library.search(subject.words, mode="any", limit=TOPIC_SEARCH)
    return await about_topic(library, pool, subject)


async def _is_anonymous(library: Library, record: StatementRecord) -> bool:
    summary = await library.summary(record.article_id)
    if summary is None:
        return False
    for source in summary.sources:
        if source.name == record.speaker_name:
            return source.kind is SourceKind.ANONYMOUS
    return False


async def _anonymous(
    library: Library, query: Query, story: ArticleRecord | None, now: dt.datetime,
    spec: BriefingSpec,
) -> Answer:  # fmt: skip
    return await _topic(library, query, story, now, spec, anonymous=True)


async def _focused_sources(
    library: Library, story: ArticleRecord | None, focus: str | None
) -> Answer:
    found = await sources(library, story.id if story else "")
    if isinstance(found, SourcesAnswer):
        return SourcesAnswer(
            found.article, found.named, found.anonymous, found.no_comment, found.disputed, focus
        )
    return found


async def _count(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    return await _focused_sources(library, story, query.count or "all")


async def _sources(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    if story is None and query.topic:
        found = await find_story(library, query.topic.removesuffix(" story"))
        if not isinstance(found, ArticleRecord):
            return found
        story = found
    return await _focused_sources(library, story, None)


async def _quoted(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    if story is None and query.topic:
        found = await find_story(library, query.topic)
        if not isinstance(found, ArticleRecord):
            return found
        story = found
    return await quotes(library, story.id if story else "")


async def _no_comment(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    if story is None and query.topic:
        found = await find_story(library, query.topic)
        story = found if isinstance(found, ArticleRecord) else None
    return await no_comments(library, "no comment", story)


async def _commented(
    library: Library, query: Query, story: ArticleRecord | None, now: dt.datetime,
    spec: BriefingSpec,
) -> Answer:  # fmt: skip
    """Did X comment: their words if they spoke, the record of their silence if not."""
    reference = query.speaker or ""
    chosen = await choose(library, reference, story=story)
    if isinstance(chosen, Chosen) and chosen.statements:
        spoke = await _speaker(library, query, story, now, spec)
        if isinstance(spoke, SpeakerAnswer) and spoke.statements and not spoke.note:
            name = chosen.speakers[0].name
            note = f"Yes: {name} is quoted in the stored articles."
            return replace(spoke, note=note)
        return spoke
    refusals = await no_comments(library, reference, story, subject=reference)
    if refusals.lines or isinstance(chosen, Chosen):
        return refusals
    return chosen


async def _disputes(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    words = query.words or query.topic
    if story is None and words and not query.words:
        found = await find_story(library, words)
        if isinstance(found, ArticleRecord):
            return await disputes(library, None, found)
    return await disputes(library, words, story)


async def _profile(
    library: Library, query: Query, story: ArticleRecord | None, _now: dt.datetime,
    _spec: BriefingSpec,
) -> Answer:  # fmt: skip
    """Who X is: name, role, articles, statements."""
    chosen = await choose(library, query.speaker or "", story=story)
    if not isinstance(chosen, Chosen):
        return chosen
    speaker = chosen.speakers[0]
    if len(chosen.speakers) > 1:
        names = tuple(s.name for s in chosen.speakers)
        return AmbiguousAnswer(query.speaker or "", "speaker", names)
    articles = tuple(
        dict.fromkeys(
            ArticleRecord(r.article_id, r.article_title, r.outlet) for r in chosen.statements
        )
    )
    names = tuple(dict.fromkeys(n for n in (speaker.matched,) if n and n != name_key(speaker.name)))
    return ProfileAnswer(query.speaker or "", speaker, names, articles, len(chosen.statements))


async def _about(
    library: Library, query: Query, story: ArticleRecord | None, now: dt.datetime,
    spec: BriefingSpec,
) -> Answer:  # fmt: skip
    """ "Tell me about X": the person if X names one exactly, else a briefing on X."""
    speakers, approximate = await find_speakers(library, name_key(query.speaker or ""))
    if speakers and not approximate:
        return await _profile(library, query, story, now, spec)
    return await _briefing(library, query, story, now, spec)


async def _briefing(
    library: Library, query: Query, story: ArticleRecord | None, now: dt.datetime,
    spec: BriefingSpec,
) -> Answer:  # fmt: skip
    if query.topic:
        return await topic_briefing(library, topic(query.topic), now=now, spec=spec)
    return BriefingAnswer(await latest_briefing(library, spec=spec, now=now))


async def _unknown(
    library: Library, query: Query, *, now: dt.datetime, spec: BriefingSpec
) -> Answer:
    """A question no form reads: one naming a speaker asks what they said (about the rest of
    its words); words found as a phrase ask who said them; else say what was understood."""
    text = (query.words or "").strip()
    named = await _named_in(library, text, skip=query.story)
    if named is not None:
        speaker, rest = named
        about = " ".join(w for w in search_words(rest) if w not in STOPWORDS | _LOOSE_WORDS)
        loose = Query(intent=Intent.SPEAKER, speaker=speaker, topic=about or None, when=query.when)
        return await _speaker(library, loose, None, now, spec)
    if text and await library.search(search_words(text), mode="phrase", limit=1):
        return await said(library, text)
    suggestion = f"/brief said {text}" if text else "/brief help"
    first = text.split()[0] if text else ""
    lead = "" if first.lower() in _QUESTION_WORDS else f"Unknown command {first!r}. "
    return HelpAnswer(
        problem=(
            f"{lead}I could not read {text!r} as a question. Try “what did <name> say about "
            f"<topic>?”, “who said <words>?”, or the command {suggestion}"
        ),
        suggestion=suggestion,
    )


async def _named_in(
    library: Library, text: str, *, skip: str | None = None
) -> tuple[str, str] | None:
    """The longest run of words (up to three) that is exactly a speaker's name or alias, and
    the text around it."""
    words = text.split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start : start + size])
            key = name_key(run)
            if not key or key in STOPWORDS or key in _QUESTION_WORDS:
                continue
            if skip and key in name_key(skip).split():
                continue  # the story's name ("the Putin story") is not the speaker asked about
            if await library.speakers_named(key):
                rest = " ".join(words[:start] + words[start + size :])
                return run, rest
    return None


_QUESTION_WORDS = frozenset(
    {"what", "who", "whom", "whose", "which", "when", "where", "why", "how", "did", "does",
     "do", "has", "have", "had", "is", "are", "was", "were", "can", "could", "would", "will",
     "should", "any", "tell", "show", "give", "list"}
)  # fmt: skip
# Words of a loosely worded question that say "what did they say", not what about.
_LOOSE_WORDS = frozenset(
    {"quote", "quotes", "quoted", "say", "said", "says", "saying", "statement", "statements",
     "comment", "comments", "words", "remarks", "according", "think", "thinks", "view",
     "views", "position", "stance", "latest", "anything", "something", "everything"}
)  # fmt: skip


_HANDLERS: dict[Intent, Handler] = {
    Intent.COMMAND: _command,
    Intent.SPEAKER: _speaker,
    Intent.SAID: _said,
    Intent.TOPIC: _topic,
    Intent.ANONYMOUS: _anonymous,
    Intent.SOURCE_COUNT: _count,
    Intent.SOURCES: _sources,
    Intent.QUOTED: _quoted,
    Intent.NO_COMMENT: _no_comment,
    Intent.COMMENTED: _commented,
    Intent.DISPUTES: _disputes,
    Intent.PROFILE: _profile,
    Intent.ABOUT: _about,
    Intent.BRIEFING: _briefing,
}

__all__ = ["QueryReader", "answer_query", "answer_text", "read"]
