"""What the reading loop produces and remembers: statements, and the state between sentences.

``make_statement`` is the one place a speaker phrase becomes a statement: the phrase is
classified, pronouns and surnames are resolved to the person, the cue is tidied.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from bot.extract import coref, descriptions
from bot.extract.gender import gender_of, pronoun_gender
from bot.extract.lexicon import ANON_WORDS, PERSON_NOUNS, RELATION_WORDS
from bot.extract.paragraphs import Sentence
from bot.extract.speakers import PERSON_PRONOUNS, People, SpeakerRef, classify

log = logging.getLogger(__name__)


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
    #: How the speaker was found: see ``CONFIDENCES``; the review flag of the summary.
    confidence: str = "named"


#: "named": a name at the cue; "pronoun": a pronoun or a description ('the senator')
#: resolved to a person or organisation; "carried": a quote
#: with no cue of its own, given to the previous speaker; "inferred": the subject of the
#: sentence that holds the quote, with no speech verb; "unknown": no speaker found.
CONFIDENCES = ("named", "pronoun", "carried", "inferred", "unknown")
LOW_CONFIDENCE = frozenset({"pronoun", "carried", "inferred", "unknown"})


#: The last two speakers, as ``ReadingState.nearest`` saves them.
_Saved = tuple[ExtractedStatement | None, ExtractedStatement | None]


@dataclass
class ReadingState:
    """What the extractor remembers while reading: people and the last speaker."""

    people: People
    _last: ExtractedStatement | None = None
    #: The last speaker before ``last``: whom a question ``last`` put may be answered by.
    earlier: ExtractedStatement | None = None
    announced: tuple[str, int, str, int] | None = None  # 'X responded:' ending a paragraph
    pending: list[tuple[Sentence, str]] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)  # article offsets, in order
    first_paragraph: int = 0  # the index of the first (0 when the article has a title)
    single: bool = False  # the article quotes with single marks (‘…,’ she said)
    #: The sentence just read when it gave no statement ('Holt agreed.'), for a bare quote
    #: right after it; None otherwise.
    previous: Sentence | None = None

    @property
    def last(self) -> ExtractedStatement | None:
        """The last statement with a known speaker."""
        return self._last

    @last.setter
    def last(self, statement: ExtractedStatement | None) -> None:
        if statement is not self._last:
            self.earlier = self._last
        self._last = statement

    def nearest(self, statement: ExtractedStatement) -> _Saved:
        """Let ``statement`` (a sentence's first clause's) stand as the last speaker while the
        rest of its sentence is read: 'X said A, and …, they said B' ('they' is X, not whoever
        spoke the sentence before). Returns what ``restore`` puts back: the sentence's
        statements are recorded as usual afterwards. (Plain calls, not a context manager:
        this runs for every second clause.)"""
        saved = (self._last, self.earlier)
        if statement.ref is not None and statement.ref.kind not in ("pronoun", "unknown"):
            self._last = statement
        return saved

    def restore(self, saved: _Saved) -> None:
        """Undo ``nearest``."""
        self._last, self.earlier = saved


def _display(ref: SpeakerRef, pos: int, state: ReadingState) -> tuple[str, SpeakerRef]:
    """The name a reader would use; pronouns and surnames resolved to the full name."""
    if ref.kind == "organisation" and " " not in ref.name and state.people.knows(ref.name):
        # 'King said' after 'the Rev. Dan Edward King Jr.': the title word is his surname
        ref = SpeakerRef("person", ref.name, None, 1, ref.phrase)
    if ref.kind == "person":
        full = state.people.add(ref.name, pos, ref.role, record=False)
        role = ref.role or state.people.roles.get(full)
        return full, SpeakerRef("person", full, role, 1, ref.phrase)
    if ref.kind == "pronoun" and ref.name in PERSON_PRONOUNS:
        found = coref.resolve_where(state.people, pos, ref.name)
        unnamed = _unnamed_since(state, ref.name, pos, found)
        if unnamed is not None and unnamed.ref is not None:
            return unnamed.speaker, unnamed.ref
        candidate = _described_subject(state, ref.name, found) or (found[0] if found else None)
        if candidate is None:
            candidate = state.people.resolve_pronoun(pos, ref.name)
        last = state.last
        if candidate is None and last and last.ref and last.ref.kind == "person":
            known = state.people.gender_for(last.speaker)
            want = pronoun_gender(ref.name)
            if known is None or want is None or known == want:
                candidate = last.speaker
                if known is None and want is not None:
                    state.people.gender[candidate] = want  # 'he' teaches later pronouns
        if candidate:
            return candidate, SpeakerRef(
                "person", candidate, state.people.roles.get(candidate), 1, ref.phrase
            )
        if last and last.ref and last.ref.kind in _UNNAMED and _one_source(last, pos, state):
            # '…, said an aide who asked not to be named. "…," she said'
            return last.speaker, last.ref
    if ref.kind in _DESCRIBED and ref.name[:4] in ("the ", "The "):
        described = descriptions.resolve(state.people, pos, ref.name)
        if described is not None:  # '"…," the senator said' after 'Sen. Ann Holt'
            kind, name = described
            role = state.people.roles.get(name) if kind == "person" else None
            return name, SpeakerRef(kind, name, role or ref.name, 1, ref.phrase)
    if ref.kind == "document" and ref.name[:4] in ("the ", "The "):
        issuer = descriptions.issuer(state.people, pos, ref.name)
        if issuer is not None:  # '… issued a statement. "…," the statement said'
            return issuer
    if ref.kind == "pronoun" and ref.name in _NON_PERSON_PRONOUNS:
        source = _recent_source(ref.name, pos, state)
        if source is not None:
            return source.speaker, source.ref or ref
        subject = coref.subject_source(state.people, pos, _NON_PERSON_PRONOUNS[ref.name])
        if subject is not None:
            return subject[1].name, subject[1]
    return ref.name, ref


def _described_subject(
    state: ReadingState, pronoun: str, found: tuple[str, int] | None
) -> str | None:
    """'The President said that … . "…," he said.': the last statement's speaker, when a
    description named them ('the President' resolved to Tom Okafor) more recently than
    the sentence the pronoun's name was found in; a description is no capitalised name, so
    the search for one passes over it to someone named before."""
    last = state.last
    if last is None or last.ref is None or last.ref.kind != "person":
        return None
    phrase = (last.ref.phrase or "").lower()
    if last.confidence != "pronoun" or not phrase.startswith("the "):
        return None  # not a resolved description ('the senator', 'the 25-year-old')
    if found is not None and found[1] >= last.start:
        return None  # the name is as recent as the description
    want = pronoun_gender(pronoun)
    known = state.people.gender_for(last.speaker)
    return last.speaker if known is None or want is None or known == want else None


def _unnamed_since(
    state: ReadingState, pronoun: str, pos: int, found: tuple[str, int] | None
) -> ExtractedStatement | None:
    """'Holm … A cousin, who would not give a name, told reporters that …. "…," he said':
    an unnamed source who spoke after the sentence naming the person found, in reach, is
    whom the pronoun stands for; the search for a name passes over a description."""
    last = state.last
    if found is None or last is None or last.ref is None or last.ref.kind not in _UNNAMED:
        return None
    if found[1] >= last.start or not _one_source(last, pos, state):
        return None
    if not _one_person(last.ref.phrase or last.speaker):
        return None  # 'a wave of visitors (finds)': no one person
    want = pronoun_gender(pronoun)
    known = gender_of("", last.ref.phrase or last.speaker)
    return last if known is None or want is None or known == want else None


_HEAD_END = re.compile(r"\s+(?:of|for|at|to|in|with|from|who|whose|close)\s|,")


def _one_person(phrase: str) -> bool:
    """Is the head noun of 'a cousin of …', 'an aide to …' one person?"""
    head = _HEAD_END.split(phrase, maxsplit=1)[0].split()
    noun = head[-1].lower() if head else ""
    return (
        noun in RELATION_WORDS
        or noun in PERSON_NOUNS
        or (noun in ANON_WORDS and not noun.endswith("s"))
    )


def _one_source(last: ExtractedStatement, pos: int, state: ReadingState) -> bool:
    """The last speaker is one unnamed person ('an aide', 'a spokeswoman') who spoke in this
    paragraph or the one before: whom 'he' or 'she' stands for when no named person fits."""
    words = ((last.ref.phrase if last.ref else "") or last.speaker).lower().split()
    return (
        len(words) >= 2
        and words[0] in ("a", "an", "one")
        and words[-1] not in _COLLECTIVE
        and _paragraph_of(pos, state) - last.paragraph <= 1
    )


_UNNAMED = frozenset({"anonymous", "group"})
#: Nouns for many people at once, never 'he' or 'she'.
_COLLECTIVE = frozenset(
    "crowd group team family panel committee board audience coalition couple delegation".split()  # noqa: SIM905
)


#: Speaker kinds a definite description ('the senator', 'the company') is classified as.
_DESCRIBED = frozenset({"group", "organisation", "anonymous"})
#: "it" is an organisation or a document; "they" a group, unnamed sources or an organisation.
_NON_PERSON_PRONOUNS = {
    "it": frozenset({"organisation", "document"}),
    "they": frozenset({"anonymous", "group", "organisation"}),
}


def _recent_source(pronoun: str, pos: int, state: ReadingState) -> ExtractedStatement | None:
    """'The company said … "…," it added': the last non-person speaker, when it spoke in this
    paragraph or the one before (no person spoke since, or ``state.last`` would be them)."""
    last = state.last
    if last is None or last.ref is None or last.ref.kind not in _NON_PERSON_PRONOUNS[pronoun]:
        return None
    return last if _paragraph_of(pos, state) - last.paragraph <= 1 else None


def _paragraph_of(pos: int, state: ReadingState) -> int:
    """The index of the paragraph holding article offset ``pos``."""
    return bisect.bisect_right(state.paragraph_starts, pos) - 1 + state.first_paragraph


def tidy_quote(words: str) -> str:
    """Quoted words without the comma that joined them to the attribution ('… on time,')."""
    return words.strip().rstrip(",;").rstrip()


def carried_statement(
    speaker: ExtractedStatement, words: str, sentence: Sentence, cue: str | None
) -> ExtractedStatement:
    """A quote with no frame of its own given to ``speaker`` (the one quoted before it, or
    the one who answers it), marked 'carried'."""
    return ExtractedStatement(
        speaker.speaker, tidy_quote(words), "direct", cue, sentence.paragraph, sentence.start,
        sentence.end, speaker.ref, None, "carried",
    )  # fmt: skip


def make_statement(
    state: ReadingState, phrase: str, pos: int, text: str, kind: str, cue: str | None,
    sentence: Sentence, when: str | None = None, confidence: str | None = None,
) -> ExtractedStatement | None:  # fmt: skip
    ref = classify(phrase)
    if ref is None or not text.strip():
        return None
    if cue:
        cue = " ".join(cue.split()).strip(" .,;") or cue
        if cue.startswith("According"):
            cue = "a" + cue[1:]
    if confidence is None:
        confidence = "pronoun" if ref.kind == "pronoun" else "named"
    described = ref.kind in _DESCRIBED or ref.kind == "document"
    name, ref = _display(ref, pos, state)
    if ref.kind == "pronoun":
        confidence = "unknown"  # a pronoun nobody in reach fits: the speaker is not known
    elif described and ref.phrase and name != ref.phrase and confidence == "named":
        confidence = "pronoun"  # resolved like a pronoun: 'the senator' -> Ann Holt
    return ExtractedStatement(
        name, tidy_quote(text) if kind == "direct" else text.strip(), kind, cue, sentence.paragraph, sentence.start, sentence.end, ref, when,
        confidence,
    )  # fmt: skip
