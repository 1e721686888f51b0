"""Turning a summary into index rows: shared by every store so that all index alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from bot.core.summary import Person, Source, SourceKind, StatementKind, Summary
from bot.core.text import name_key, singular, words
from bot.core.verify import statement_verified

KIND_RANK = {StatementKind.DIRECT: 0, StatementKind.PARTIAL: 1, StatementKind.INDIRECT: 2}


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker of one article with every name key and word it is found by."""

    local_id: str
    key: str
    name: str
    is_person: bool
    anonymous: bool
    role: str | None
    people: int | None
    name_keys: frozenset[str]
    words: frozenset[str]


@dataclass(frozen=True)
class StatementRow:
    """A statement ready to insert."""

    position: int
    speaker_key: str
    local_id: str
    kind: str
    kind_rank: int
    text: str
    cue: str | None
    said_when: str | None
    paragraph: int
    verified: bool | None
    confidence: str | None  # how the extractor found the speaker; None: as named (a brief)


def speaker_key(summary: Summary, entry: Person | Source) -> str:
    """One person is one key across articles; a source belongs to its article."""
    if isinstance(entry, Person):
        return "person:" + name_key(entry.name)
    return f"source:{summary.article.id}:{entry.id}"


def speaker_rows(summary: Summary) -> Iterator[SpeakerRow]:
    """Every person and source of the summary, with the keys that find them."""
    entries: list[Person | Source] = [*summary.people, *summary.sources]
    for entry in entries:
        names = [entry.name, *entry.aliases]
        if isinstance(entry, Person) and len(entry.name.split()) > 1:
            names.append(entry.name.split()[-1])  # the surname alone finds a person
        detail = entry.role if isinstance(entry, Person) else entry.affiliation
        vocabulary = [w for text in (*names, detail or "") for w in words(text)]
        yield SpeakerRow(
            local_id=entry.id,
            key=speaker_key(summary, entry),
            name=entry.name,
            is_person=isinstance(entry, Person),
            anonymous=isinstance(entry, Source) and entry.kind is SourceKind.ANONYMOUS,
            role=detail,
            people=entry.count if isinstance(entry, Source) else None,
            name_keys=frozenset(k for k in map(name_key, names) if k),
            words=frozenset(singular(w) for w in vocabulary),
        )


def statement_rows(summary: Summary) -> Iterator[StatementRow]:
    """Every statement of the summary, its quotes checked against the article text."""
    keys = {row.local_id: row.key for row in speaker_rows(summary)}
    for position, statement in enumerate(summary.statements):
        yield StatementRow(
            position=position,
            speaker_key=keys[statement.speaker],
            local_id=statement.speaker,
            kind=statement.kind.value,
            kind_rank=KIND_RANK[statement.kind],
            text=statement.text,
            cue=statement.cue,
            said_when=statement.when,
            paragraph=statement.paragraph,
            verified=statement_verified(statement, summary.text),
            confidence=statement.confidence.value if statement.confidence else None,
        )


def published_key(summary: Summary) -> str:
    """Publication time as sortable UTC text."""
    return summary.article.published_at.astimezone(dt.UTC).isoformat()
