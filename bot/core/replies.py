"""The answers' values: what every renderer draws, one dataclass per kind of answer.

Kept apart from the engines that build them (``answers``, ``attribution``, ``questions``) so
that each engine imports the values without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.briefing import Briefing
from bot.core.commands import ADMIN_USAGE, USAGE
from bot.core.library import ArticleRecord, SpeakerRecord, StatementRecord
from bot.core.sourcing import DisputeLine, SourcesAnswer


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
