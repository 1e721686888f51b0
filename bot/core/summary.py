"""The structured article summary: the contract between writers of briefs and the bot.

One summary per article, written by hand, by an upstream pipeline or by the extractor. The
pydantic models below are the schema: ``briefbot schema`` prints their JSON Schema and
``briefs/schema.json`` keeps a copy. Everything downstream (store, briefing, answers) reads
only these models, so a field added here is a field every part can rely on.

Speakers are referenced by id: a statement's ``speaker`` names either a person in ``people``
(a named individual) or an entry in ``sources`` (an organisation, a group, or an unnamed source
such as "A White House official"). The validator checks that every reference resolves.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

SCHEMA_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,127}$"),
    Field(description="Lower-case slug: letters, digits, '.', '_' and '-'."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _published(value: Any) -> Any:
    """Accept a date or a datetime; a bare date is midnight UTC and a naive time is UTC.

    One type instead of a union keeps validation errors to one readable line.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return _published(dt.date.fromisoformat(value.strip()))
    return value


def _in_utc_range(value: dt.datetime) -> dt.datetime:
    """Every part sorts and stores times in UTC: a time that has no UTC value is invalid."""
    try:
        value.astimezone(dt.UTC)
    except OverflowError as err:
        raise ValueError("date is out of range once converted to UTC") from err
    return value


Published = Annotated[
    dt.datetime,
    BeforeValidator(_published),
    AfterValidator(_published),
    AfterValidator(_in_utc_range),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
            ],
            "description": "Publication date (YYYY-MM-DD) or date-time; times without a zone are UTC.",
        }
    ),
]


class _Model(BaseModel):
    """Base: unknown keys are errors, so a typo in a brief is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class StatementKind(StrEnum):
    """How the words are reported."""

    DIRECT = "direct"  # the speaker's exact words, all in quotation marks
    PARTIAL = "partial"  # quoted fragments inside a paraphrase
    INDIRECT = "indirect"  # paraphrase, no quotation marks


class Confidence(StrEnum):
    """How the extractor found a statement's speaker: the review flag an editor checks."""

    NAMED = "named"  # the speaker is named at the cue: '"…," said Ana Ortiz'
    PRONOUN = "pronoun"  # '"…," she said', resolved to the nearest fitting person
    CARRIED = "carried"  # a quote with no cue of its own, given to the previous speaker
    INFERRED = "inferred"  # the subject of the sentence that holds the quote, no speech verb
    UNKNOWN = "unknown"  # no speaker found


#: Confidences shown as "probably X" and listed by ``briefbot check``.
LOW_CONFIDENCE = frozenset({Confidence.PRONOUN, Confidence.CARRIED, Confidence.INFERRED})


class ResponseKind(StrEnum):
    """What became of a request for comment."""

    DID_NOT_RESPOND = "did_not_respond"
    DECLINED = "declined"
    UNAVAILABLE = "unavailable"


class SourceKind(StrEnum):
    """What kind of non-person speaker a source is."""

    ANONYMOUS = "anonymous"  # unnamed people: "six sources familiar with the report"
    ORGANISATION = "organisation"  # a named body: "the CIA", "the Russian embassy"
    DOCUMENT = "document"  # a report, a poll, a filing


class Origin(StrEnum):
    """Who wrote the summary, so that a reader knows how far to trust it."""

    HAND = "hand"
    PIPELINE = "pipeline"
    EXTRACTOR = "extractor"
    MODEL = "model"


class Article(_Model):
    """Bibliographic facts about the article."""

    id: Id
    title: Text
    outlet: Text | None = None
    byline: list[Text] = Field(default_factory=list)
    published: Published
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    topics: list[Annotated[str, StringConstraints(to_lower=True, min_length=1)]] = Field(
        default_factory=list
    )

    @property
    def published_at(self) -> dt.datetime:
        """Publication time as an aware datetime."""
        return self.published


class Person(_Model):
    """A named individual who speaks or is spoken of."""

    id: Id
    name: Text
    aliases: list[Text] = Field(
        default_factory=list,
        description="Other spellings and transliterations, short names: Zelensky, Zelenskiy.",
    )
    role: Text | None = Field(
        default=None,
        description="As the article gives it: 'U.S. Secretary of State'.",
    )


class Source(_Model):
    """A speaker that is not a named individual: an organisation or an unnamed source."""

    id: Id
    name: Text = Field(description="As the article names it: 'A White House official'.")
    kind: SourceKind = SourceKind.ANONYMOUS
    count: int | None = Field(
        default=None, ge=1, description="How many people the source stands for, when stated."
    )
    affiliation: Text | None = Field(default=None, description="'White House', 'U.S. officials'.")
    aliases: list[Text] = Field(default_factory=list)


class Statement(_Model):
    """Something a speaker said, with the words as the article reports them."""

    speaker: Id = Field(description="Id of an entry in people or sources.")
    text: Text = Field(
        description=(
            "The words. direct: the quoted words without quotation marks. partial: the "
            "paraphrase with the quoted fragments in double quotation marks. indirect: the "
            "paraphrase."
        )
    )
    kind: StatementKind
    cue: Text | None = Field(default=None, description="'said', 'told Reuters', 'asking'.")
    when: Text | None = Field(default=None, description="When it was said, if the article says.")
    paragraph: int = Field(ge=0, description="1-based paragraph of the body; 0 for the title.")
    confidence: Confidence | None = Field(
        default=None,
        description=(
            "How the extractor found the speaker (named, pronoun, carried, inferred, unknown); "
            "absent when a person wrote or checked the statement."
        ),
    )

    @property
    def low_confidence(self) -> bool:
        """True when the speaker is a guess an editor should check ("probably X")."""
        return self.confidence in LOW_CONFIDENCE


class NoComment(_Model):
    """Someone asked for comment who did not give one."""

    who: Text = Field(description="Id of a person or source, or the name as written.")
    response: ResponseKind = ResponseKind.DID_NOT_RESPOND
    paragraph: int | None = Field(default=None, ge=0)


class Dispute(_Model):
    """A claim in the article that someone contests."""

    claim: Text
    claimed_by: Text | None = Field(default=None, description="Id or name of who claims it.")
    disputed_by: Text | None = Field(default=None, description="Id or name of who disputes it.")
    paragraph: int | None = Field(default=None, ge=0)


class Figure(_Model):
    """A number worth remembering, and what it measures."""

    value: Text = Field(description="As written: 'about 20%', '800,000 troops'.")
    measure: Text = Field(
        description="What the number is of: 'Ukrainian territory held by Russia'."
    )
    short: Text | None = Field(
        default=None, description="Compact form for briefings: '~20% of Ukraine'."
    )
    paragraph: int | None = Field(default=None, ge=0)


class Sourcing(_Model):
    """How the story is sourced, beyond the statements themselves."""

    no_comment: list[NoComment] = Field(default_factory=list)
    disputed: list[Dispute] = Field(default_factory=list)


class Provenance(_Model):
    """Where the summary came from."""

    origin: Origin = Origin.HAND
    reviewed: bool = Field(default=True, description="False until an editor has checked it.")
    tool: Text | None = None


class Summary(_Model):
    """A structured summary of one article."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION)
    article: Article
    lede: Text
    key_points: list[Text] = Field(min_length=1, max_length=4)
    people: list[Person] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    sourcing: Sourcing = Field(default_factory=Sourcing)
    key_figures: list[Figure] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    text: str | None = Field(
        default=None,
        description="The article's text, when known; quotes are verified against it.",
    )

    @model_validator(mode="after")
    def _check_references(self) -> Summary:
        """Ids are unique and every statement's speaker resolves."""
        ids = [p.id for p in self.people] + [s.id for s in self.sources]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"speaker id used twice in people/sources: {', '.join(duplicates)}")
        known = set(ids)
        for index, statement in enumerate(self.statements):
            if statement.speaker not in known:
                raise ValueError(
                    f"statements[{index}].speaker {statement.speaker!r} is not an id in "
                    "people or sources"
                )
        return self

    def speaker(self, speaker_id: str) -> Person | Source:
        """The person or source with this id."""
        entries: list[Person | Source] = [*self.people, *self.sources]
        for entry in entries:
            if entry.id == speaker_id:
                return entry
        raise KeyError(speaker_id)

    def speaker_name(self, ref: str) -> str:
        """Display name for an id, or the reference itself when it names no entry."""
        try:
            return self.speaker(ref).name
        except KeyError:
            return ref


QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")


def quoted_fragments(statement: Statement) -> list[str]:
    """The words of a statement that claim to be verbatim."""
    if statement.kind is StatementKind.DIRECT:
        return [statement.text]
    if statement.kind is StatementKind.PARTIAL:
        return [m.group(1).strip() for m in QUOTED.finditer(statement.text)]
    return []


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of a summary document."""
    schema = Summary.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://briefbot.dev/schema/summary-v1.json"
    return schema
