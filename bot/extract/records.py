"""What the reading loop produces and remembers: statements, and the state between sentences.

``make_statement`` is the one place a speaker phrase becomes a statement: the phrase is
classified, pronouns and surnames are resolved to the person, the cue is tidied.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bot.extract.paragraphs import Sentence
from bot.extract.speakers import PERSON_PRONOUNS, People, SpeakerRef, classify

log = logging.getLogger(__name__)

HAS_MARK = re.compile(r"''|``|[\"“”«»„]")


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """One statement: ``speaker`` is the display name with pronouns resolved."""

    speaker: str
    text: str
    kind: str  # "direct" | "partial" | "indirect"
    cue: str | None
    paragraph: int
    start: int
    end: int
    ref: SpeakerRef | None = None
    when: str | None = None


@dataclass
class ReadingState:
    """What the extractor remembers while reading: people and the last speaker."""

    people: People
    last: ExtractedStatement | None = None
    announced: tuple[str, int, str, int] | None = None  # 'X responded:' ending a paragraph
    pending: list[tuple[Sentence, str]] = field(default_factory=list)


def _display(ref: SpeakerRef, pos: int, state: ReadingState) -> tuple[str, SpeakerRef]:
    """The name a reader would use; pronouns and surnames resolved to the full name."""
    if ref.kind == "person":
        full = state.people.add(ref.name, pos, ref.role, record=False)
        role = ref.role or state.people.roles.get(full)
        return full, SpeakerRef("person", full, role, 1, ref.phrase)
    if ref.kind == "pronoun" and ref.name in PERSON_PRONOUNS:
        candidate = state.people.last_before(pos)
        if candidate is None and state.last and state.last.ref and state.last.ref.kind == "person":
            candidate = state.last.speaker
        if candidate:
            return candidate, SpeakerRef(
                "person", candidate, state.people.roles.get(candidate), 1, ref.phrase
            )
    return ref.name, ref


def make_statement(
    state: ReadingState, phrase: str, pos: int, text: str, kind: str, cue: str | None,
    sentence: Sentence, when: str | None = None,
) -> ExtractedStatement | None:  # fmt: skip
    ref = classify(phrase)
    if ref is None or not text.strip():
        return None
    if cue:
        cue = " ".join(cue.split()).strip(" .,;") or cue
        if cue.startswith("According"):
            cue = "a" + cue[1:]
    name, ref = _display(ref, pos, state)
    return ExtractedStatement(
        name, text.strip(), kind, cue, sentence.paragraph, sentence.start, sentence.end, ref, when
    )
