"""Choosing the speaker a question means, and the statements of theirs it asks about.

A reference may be a full name, a surname, an alias, a transliteration or a role ("the
governor", "Voltra's chief executive"). When it fits several people, a topic or a story can
settle it ("what did Keller say about the flood?" picks the Keller who spoke about floods),
and the answer says so; otherwise the user is asked to pick. Statements come from every
stored article, newest first, narrowed by story, time window and topic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.answers import find_speakers, near_names
from bot.core.library import ArticleRecord, Library, SpeakerRecord, StatementRecord
from bot.core.query import Window, resolve_day, weekday_named
from bot.core.replies import AmbiguousAnswer, Answer, NotFoundAnswer
from bot.core.text import name_key, paragraphs, singular
from bot.core.topics import STOPWORDS, Topic, best_about

ALL_STATEMENTS = 500  # a speaker's statements read to filter; more than any real speaker has
CONTEXT_ARTICLES = 4  # articles whose paragraphs are read for a topic's context

_HONORIFICS = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|sir|dame|prof|professor|madam|mister|señor|herr|frau)\.?\s+", re.I
)
_ROLE_SYNONYMS = {
    "ceo": "chief executive",
    "boss": "chief executive",
    "chief exec": "chief executive",
    "head": "chief executive",
    "us": "u s",
    "usa": "u s",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "secstate": "secretary of state",
    "potus": "u s president",
    "congressman": "congressman",
    "rep": "congressman",
}
_DROPPABLE = frozenset({"leader", "head", "boss", "chief", "top", "senior", "man", "woman"})
_SOFT_WORDS = STOPWORDS | {"mr", "mrs", "ms", "dr", "guy", "man", "woman", "person", "lady"}


@dataclass(frozen=True)
class Chosen:
    """The speakers a reference was read as, and how."""

    speakers: tuple[SpeakerRecord, ...]
    statements: tuple[StatementRecord, ...]  # all of theirs, newest first
    approximate: bool = False
    note: str | None = None


def reference_keys(reference: str) -> list[str]:
    """Name keys to try for a reference, most literal first."""
    text = _HONORIFICS.sub("", reference.strip())
    key = name_key(text)
    keys = [key]
    expanded = " ".join(_ROLE_SYNONYMS.get(w, w) for w in key.split())
    keys.append(expanded)
    keys.append(" ".join(w for w in expanded.split() if w not in _SOFT_WORDS))
    return [k for k in dict.fromkeys(keys) if k]


async def choose(
    library: Library,
    reference: str,
    *,
    subject: Topic | None = None,
    story: ArticleRecord | None = None,
    audience: str | None = None,
) -> Chosen | Answer:
    """The speaker(s) a reference means, or the answer saying why none can be chosen."""
    keys = reference_keys(reference)
    speakers: list[SpeakerRecord] = []
    approximate = False
    for key in keys:
        speakers, approximate = await find_speakers(library, key)
        if speakers:
            break
    if not speakers and keys:
        speakers = await _by_known_words(library, keys)
        approximate = bool(speakers)
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", reference) if p.strip()]
    if (not speakers or approximate) and len(parts) > 1:  # "Witkoff and Kushner": each
        each = [await choose(library, p, subject=subject, story=story) for p in parts]
        if all(isinstance(c, Chosen) for c in each):
            return _together([c for c in each if isinstance(c, Chosen)])
    if not speakers:
        suggestions = await near_names(library, keys[0], 60.0) if keys else []
        return NotFoundAnswer(reference, "speaker", tuple(suggestions))
    groups = await _statements_by_speaker(library, _by_name_first(_unique(speakers), keys[-1]))
    if story is not None:
        groups = {k: v for k, v in groups.items() if _in_story(k, v, story)}
        if not groups:
            return NotFoundAnswer(f"{reference} (in “{story.title}”)", "speaker")
    return await _settle(library, reference, groups, subject, approximate, audience)


async def _statements_by_speaker(
    library: Library, speakers: Sequence[SpeakerRecord]
) -> dict[SpeakerRecord, list[StatementRecord]]:
    named = [s for s in speakers if s.matched]  # by a name or alias, not by role words
    people = [s for s in speakers if s.is_person]
    chosen = people or list(speakers)
    if named and not any(s.is_person for s in named):
        chosen = named
    return {s: newest_first(await library.statements_of([s.key], ALL_STATEMENTS)) for s in chosen}


async def _by_known_words(library: Library, keys: Sequence[str]) -> list[SpeakerRecord]:
    """Speakers holding every word of the reference but a vague title no speaker holds: "the
    union leader" is the union's president when no speaker is called a leader. Only such
    titles are dropped ("the Voltra spokesperson" is not Voltra's chief executive), and only
    when the words left describe rather than name someone ("Putin's aide" is not Putin)."""
    for key in (keys[0], keys[-1]):
        words = [singular(w) for w in key.split() if w not in _SOFT_WORDS]
        known = [w for w in words if w not in _DROPPABLE or await library.speakers_with_words([w])]
        if known and len(known) < len(words):
            found = await library.speakers_with_words(known)
            # "Putin's spokesman" is not Putin: the words left must describe, not name, them
            return [s for s in found if not set(known) & _name_words(s)]
    return []


def _by_name_first(speakers: list[SpeakerRecord], key: str) -> list[SpeakerRecord]:
    """Those whose own name holds the words, if any: "the residents' association" is the
    association, not the person whose role is chair of it."""
    wanted = [singular(w) for w in key.split()]
    named = [s for s in speakers if all(w in _name_words(s) for w in wanted)]
    return named or speakers


def _name_words(speaker: SpeakerRecord) -> set[str]:
    return {singular(w) for w in name_key(speaker.name).split()}


def _in_story(
    speaker: SpeakerRecord, statements: Sequence[StatementRecord], story: ArticleRecord
) -> bool:
    return speaker.article_id == story.id or any(r.article_id == story.id for r in statements)


async def _settle(
    library: Library,
    reference: str,
    groups: dict[SpeakerRecord, list[StatementRecord]],
    subject: Topic | None,
    approximate: bool,
    audience: str | None = None,
) -> Chosen | Answer:
    """One speaker, a plural group, or a choice made by topic; else ambiguity."""
    people = [s for s in groups if s.is_person]
    if len(people) <= 1 or _plural(reference):
        return _chosen(groups, list(groups), approximate)
    if subject is not None:
        # the article's title is no evidence of which namesake spoke of the topic
        about = [s for s in people if await about_topic(library, groups[s], subject, titles=False)]
        if len(about) == 1:
            note = (
                f"{len(people)} people fit {reference!r}; {about[0].name} is the one who "
                f"spoke about {subject.text}."
            )
            return _chosen(groups, about, approximate, note)
    if audience is not None:  # "what did Keller tell reporters?": the one whose cue says so
        told = [
            s for s in people if any(audience.lower() in (r.cue or "").lower() for r in groups[s])
        ]
        if len(told) == 1:
            note = f"{len(people)} people fit {reference!r}; {told[0].name} is the one who told {audience}."
            return _chosen(groups, told, approximate, note)
    candidates = tuple(f"{s.name}, {s.role}" if s.role else s.name for s in people)
    return AmbiguousAnswer(reference, "speaker", candidates)


def _together(choices: Sequence[Chosen]) -> Chosen:
    speakers = tuple({s.key: s for c in choices for s in c.speakers}.values())
    statements = newest_first([r for c in choices for r in c.statements])
    notes = [c.note for c in choices if c.note]
    return Chosen(
        speakers, tuple(statements), any(c.approximate for c in choices), " ".join(notes) or None
    )


def _chosen(
    groups: dict[SpeakerRecord, list[StatementRecord]],
    speakers: list[SpeakerRecord],
    approximate: bool,
    note: str | None = None,
) -> Chosen:
    statements = newest_first([r for s in speakers for r in groups[s]])
    return Chosen(tuple(speakers), tuple(statements), approximate, note)


def _plural(reference: str) -> bool:
    """Whether a role reference asks for several people ("Trump's negotiators")."""
    last = name_key(reference).split()[-1:] or [""]
    word = last[0]
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _unique(speakers: Sequence[SpeakerRecord]) -> list[SpeakerRecord]:
    return list({s.key: s for s in speakers}.values())


def statement_day(record: StatementRecord) -> dt.date | None:
    """The day a statement was made: its own "when" if it names a day, else the article's."""
    if record.published is None:
        return None
    published = record.published.date()
    if record.when:
        day = resolve_day(record.when, published)
        if day is not None and day <= published:
            return day
    return published


def newest_first(records: Sequence[StatementRecord]) -> list[StatementRecord]:
    """Newest article first; within an article in reading order."""
    ordinal = {
        r.article_id: (r.published or dt.datetime.min.replace(tzinfo=dt.UTC)) for r in records
    }
    return sorted(
        records, key=lambda r: (-ordinal[r.article_id].timestamp(), r.article_id, r.paragraph)
    )


def in_window(records: Sequence[StatementRecord], window: Window) -> list[StatementRecord]:
    """Statements made, or published, within the window."""
    kept = []
    for record in records:
        day = statement_day(record)
        published = record.published.date() if record.published else None
        named = weekday_named(record.when) if record.when else None
        same_weekday = named is not None and named == window.weekday
        if (day and window.holds(day)) or (published and window.holds(published)) or same_weekday:
            kept.append(record)
    return kept


async def about_topic(
    library: Library, records: Sequence[StatementRecord], subject: Topic, *, titles: bool = True
) -> list[StatementRecord]:
    """The statements about the topic: by their own words and cue first, and only if none
    speaks of it, by the paragraph they stand in and their article's title."""
    own = [(f"{r.text} {r.cue or ''}", "") for r in records]
    found = [records[i] for i in best_about(subject, own)]
    if found or not records:
        return found
    contexts = await _contexts(library, records)
    pairs = [
        (
            f"{r.text} {r.cue or ''}",
            f"{contexts.get((r.article_id, r.paragraph), '')} {r.article_title if titles else ''}",
        )
        for r in records
    ]
    return [records[i] for i in best_about(subject, pairs)]


async def _contexts(
    library: Library, records: Sequence[StatementRecord]
) -> dict[tuple[str, int], str]:
    """Paragraph text around statements, from the articles' text where the store has it."""
    found: dict[tuple[str, int], str] = {}
    for article_id in list(dict.fromkeys(r.article_id for r in records))[:CONTEXT_ARTICLES]:
        summary = await library.summary(article_id)
        if summary is None:
            continue
        body = paragraphs(summary.text or "", title=summary.article.title)
        for number, text in enumerate(body, start=1):
            found[(article_id, number)] = text
        for statement in summary.statements:  # the other statements of the same paragraph
            key = (article_id, statement.paragraph)
            found[key] = f"{found.get(key, '')} {statement.text}"
    return found
