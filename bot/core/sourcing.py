"""How a story is sourced: named and anonymous speakers, who gave no comment, what is disputed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.core.library import ArticleRecord
from bot.core.summary import Person, ResponseKind, Source, SourceKind, Summary

RESPONSE_WORDS = {
    ResponseKind.DID_NOT_RESPOND: "did not respond",
    ResponseKind.DECLINED: "declined to comment",
    ResponseKind.UNAVAILABLE: "could not be reached",
}


@dataclass(frozen=True)
class SourceLine:
    """One speaker in the sourcing picture."""

    name: str
    detail: str | None  # a person's role, an organisation's affiliation
    people: int | None  # how many people an anonymous source stands for, when stated
    statements: int


@dataclass(frozen=True)
class DisputeLine:
    """A disputed claim with who claims and who disputes it."""

    claim: str
    claimed_by: str | None
    disputed_by: str | None
    paragraph: int | None


@dataclass(frozen=True)
class SourcesAnswer:
    """The sourcing of one article."""

    article: ArticleRecord
    named: tuple[SourceLine, ...]
    anonymous: tuple[SourceLine, ...]
    no_comment: tuple[str, ...]
    disputed: tuple[DisputeLine, ...]
    focus: str | None = None  # the part a question asked about: "anonymous", "named", ...

    @property
    def anonymous_people(self) -> int:
        """People behind the anonymous sources whose number is stated."""
        return sum(line.people or 0 for line in self.anonymous)

    @property
    def focus_line(self) -> str | None:
        """The count a question asked about, said first ("2 anonymous source(s)."); None
        when the question asked for the whole sourcing."""
        people = f" ({self.anonymous_people} people where stated)" if self.anonymous_people else ""
        return {
            "anonymous": f"{len(self.anonymous)} anonymous source(s){people}.",
            "named": f"{len(self.named)} named source(s).",
            "all": f"{len(self.named)} named and {len(self.anonymous)} anonymous source(s).",
        }.get(self.focus or "")


def describe_sources(summary: Summary) -> SourcesAnswer:
    """The sourcing of a summary, speakers in order of first appearance."""
    counts = Counter(s.speaker for s in summary.statements)
    order = list(dict.fromkeys(s.speaker for s in summary.statements))
    named: list[SourceLine] = []
    anonymous: list[SourceLine] = []
    for ref in order:
        entry = summary.speaker(ref)
        line = _line(entry, counts[ref])
        if isinstance(entry, Source) and entry.kind is SourceKind.ANONYMOUS:
            anonymous.append(line)
        else:
            named.append(line)
    return SourcesAnswer(
        article=ArticleRecord(summary.article.id, summary.article.title, summary.article.outlet),
        named=tuple(named),
        anonymous=tuple(anonymous),
        no_comment=tuple(
            f"{summary.speaker_name(n.who)} ({RESPONSE_WORDS[n.response]})"
            for n in summary.sourcing.no_comment
        ),
        disputed=tuple(
            DisputeLine(
                d.claim,
                summary.speaker_name(d.claimed_by) if d.claimed_by else None,
                summary.speaker_name(d.disputed_by) if d.disputed_by else None,
                d.paragraph,
            )
            for d in summary.sourcing.disputed
        ),
    )


def _line(entry: Person | Source, statements: int) -> SourceLine:
    if isinstance(entry, Person):
        return SourceLine(entry.name, entry.role, None, statements)
    return SourceLine(entry.name, entry.affiliation, entry.count, statements)
