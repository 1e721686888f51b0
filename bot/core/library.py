"""What the answers need to read: a protocol the store implements, and the records it returns.

The core defines the questions it asks (find speakers by name, statements by words) and the
store answers them with its indexes. That keeps imports pointing one way (store → core) and
lets a test hand the answers any object with these methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from bot.core.summary import LOW_CONFIDENCE, Confidence, Statement, StatementKind, Summary
from bot.core.verify import statement_verified


@dataclass(frozen=True)
class SpeakerRecord:
    """A speaker in the index. ``key`` is shared by one person across articles."""

    key: str
    name: str
    is_person: bool
    anonymous: bool
    role: str | None
    count: int | None
    article_id: str | None  # set for sources, which are local to their article
    matched: str = ""  # the indexed name or alias that matched the query


def shown_speaker(name: str, confidence: Confidence | None) -> str:
    """A speaker's name as every answer shows it: "probably X" when the extractor guessed
    (pronoun, carried over, inferred); the one place that decides it, for every renderer."""
    return f"probably {name}" if confidence in LOW_CONFIDENCE else name


@dataclass(frozen=True)
class StatementRecord:
    """A statement with what is needed to show it: speaker, article and place.

    ``speaker_name`` is the speaker's own name (for follow-up buttons and matching);
    ``speaker_shown`` is what an answer prints, with the review flag of ``confidence``.
    """

    article_id: str
    article_title: str
    outlet: str | None
    speaker_key: str
    speaker_name: str
    speaker_role: str | None
    text: str
    kind: StatementKind
    cue: str | None
    when: str | None
    paragraph: int
    verified: bool | None = None  # None: no article text to check against
    published: dt.datetime | None = None  # the article's publication time, when known
    confidence: Confidence | None = None  # how the extractor found the speaker; None: as named

    @property
    def low_confidence(self) -> bool:
        """True when the speaker is the extractor's guess, shown as "probably X"."""
        return self.confidence in LOW_CONFIDENCE

    @property
    def speaker_shown(self) -> str:
        """The speaker as answers show it ("probably X" for a guess)."""
        return shown_speaker(self.speaker_name, self.confidence)

    @classmethod
    def of(cls, summary: Summary, statement: Statement, speaker_key: str) -> StatementRecord:
        """Build a record from a statement of a summary."""
        entry = summary.speaker(statement.speaker)
        return cls(
            article_id=summary.article.id,
            article_title=summary.article.title,
            outlet=summary.article.outlet,
            speaker_key=speaker_key,
            speaker_name=entry.name,
            speaker_role=getattr(entry, "role", None) or getattr(entry, "affiliation", None),
            text=statement.text,
            kind=statement.kind,
            cue=statement.cue,
            when=statement.when,
            paragraph=statement.paragraph,
            verified=statement_verified(statement, summary.text),
            published=summary.article.published_at,
            confidence=statement.confidence,
        )


@dataclass(frozen=True)
class ArticleRecord:
    """An article's identity, for naming and choosing articles."""

    id: str
    title: str
    outlet: str | None


SearchMode = Literal["phrase", "all", "any"]


class Library(Protocol):
    """Read access to the stored summaries and their indexes."""

    async def latest(self, limit: int, topics: Sequence[str] = ()) -> list[Summary]:
        """Newest summaries first, optionally sharing a topic."""
        ...

    async def summary(self, article_id: str) -> Summary | None:
        """One summary by article id."""
        ...

    async def disputed(self, article_ids: Sequence[str]) -> list[Summary]:
        """The summaries of these articles that record disputes, in the order asked (most
        record none: a store may answer that without reading them)."""
        ...

    async def articles(self) -> list[ArticleRecord]:
        """Every article, newest first."""
        ...

    async def speakers_named(self, name_key: str) -> list[SpeakerRecord]:
        """Speakers whose full name or alias has exactly this key (see ``text.name_key``)."""
        ...

    async def speakers_with_words(self, words: Sequence[str]) -> list[SpeakerRecord]:
        """Speakers whose name, aliases or role contain every one of these words."""
        ...

    async def speaker_names(self) -> list[str]:
        """Every indexed name key, for typo-tolerant matching."""
        ...

    async def statements_of(self, speaker_keys: Sequence[str], limit: int) -> list[StatementRecord]:
        """Statements by these speakers, direct quotes first, newest articles first."""
        ...

    async def count_statements_of(self, speaker_keys: Sequence[str]) -> int:
        """How many statements these speakers made in all."""
        ...

    async def search(
        self, words: Sequence[str], *, mode: SearchMode, limit: int
    ) -> list[StatementRecord]:
        """Full-text search over statement words: as a phrase, all words, or any word."""
        ...

    async def vocabulary_near(self, word: str, limit: int) -> list[str]:
        """Indexed words spelt like ``word``, closest first, for correcting typos."""
        ...
