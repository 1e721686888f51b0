"""Key figures: numbers in the article and what they measure ("about 20% of … territory")."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.extract.paragraphs import Sentence

log = logging.getLogger(__name__)

#: Words that end what a number measures: "12,000 homes | in the north".
_STOPPERS = frozenset(
    """in on at and or but that which who this since to from by as than when while after before
    last next per is are was were be been has have had will would could can may might should
    said says went came rose fell grew dropped jumped increased decreased voted died""".split()  # noqa: SIM905
)
#: At most this many words after the number are read as what it measures.
MEASURE_WORDS = 6
_FIGURE = re.compile(
    r"(?P<q>\b(?i:about|around|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
    r"fewer\s+than|over|under|some|up\s+to|at\s+least|an\s+estimated|only|just)\s+)?"
    r"(?P<num>[$€£]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s*(?:%|percent\b|per\s+cent\b))?"
    r"(?:\s+(?:million|billion|trillion|thousand)\b)?)"
    r"(?P<rest>(?:\s+(?!(?:" + "|".join(sorted(_STOPPERS)) + r")\b)[A-Za-z][\w’'-]*)"
    r"{0," + str(MEASURE_WORDS) + r"})"
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w’'-]*)")
#: Prepositions a measure may be cut back to when it runs past MEASURE_WORDS.
_PREPOSITIONS = frozenset(
    """of for with without across into over under among between around through during near
    along within toward towards behind beyond against about like""".split()  # noqa: SIM905
)
_MONTHS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$"
)
_DIGIT = re.compile(r"\d")
_UNIT = re.compile(r"%|percent|per cent|million|billion|trillion|thousand|^[$€£]")


@dataclass(frozen=True, slots=True)
class FoundFigure:
    """A number as written, what it measures, and a compact form."""

    value: str
    measure: str
    short: str
    paragraph: int
    weight: float


#: Words a phrase cannot end on: "1.6 billion members of an entire" is cut mid-phrase.
_DANGLING = frozenset(
    """of a an the its their his her our my your this that these those entire whole all each
    every other new more most some any such own with without for into about against between
    among per like under over around nearly almost very across through during near along within
    toward towards behind beyond from to by at in on just only even still also""".split()  # noqa: SIM905
)


def _whole(words: list[str]) -> list[str]:
    """The words up to the last one a phrase can end on (drop a dangling tail)."""
    while words and words[-1].lower().strip(",;:") in _DANGLING:
        words = words[:-1]
    return words


def _complete(words: list[str], text: str, end: int) -> list[str]:
    """The words of a measure that was cut by the word limit, back to a phrase boundary:
    "members of the Catholic [Church …]" becomes "members"."""
    following = _NEXT_WORD.match(text, end)
    if len(words) < MEASURE_WORDS or not following:
        return words
    if following.group(1).lower() in _STOPPERS:
        return words
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _PREPOSITIONS:
            return words[:index]
    return words


def _measure(rest: str) -> str:
    """What the number counts: the words after it, without a leading 'of', as a whole phrase."""
    words = rest.split()
    if words and words[0] == "of":
        words = words[1:]
    return " ".join(_whole(words))


def find_figures(sentence: Sentence) -> list[FoundFigure]:
    """Numbers with a unit or a counted noun; years, dates and bare ordinals are skipped."""
    out: list[FoundFigure] = []
    text = sentence.text
    if not _DIGIT.search(text):
        return out
    for match in _FIGURE.finditer(text):
        num = match.group("num")
        digits = num.replace(",", "").strip("$€£ ")
        rest = " ".join(_complete(match.group("rest").split(), text, match.end()))
        year = "," not in num and re.fullmatch(r"(?:19|20)\d\d", digits)  # not 2,000 people
        if _MONTHS.search(text[: match.start("num")]) or year:
            continue
        if match.start("num") and text[match.start("num") - 1] in "-/:":
            continue
        unit = bool(_UNIT.search(num))
        if rest.startswith(("-", "th", "st", "nd", "rd")) or (not unit and not rest):
            continue
        measure = _measure(rest)
        if not measure and not unit:
            continue
        qualifier = (match.group("q") or "").strip()
        value = " ".join(p for p in (qualifier, num.strip()) if p)
        if not unit and measure:
            head = rest.split()[: 4 if rest.startswith("of ") else 3]  # "132 of them children"
            value = " ".join([value, *_whole(head)])
        short = (
            "~"
            if qualifier.lower()
            in ("about", "around", "roughly", "approximately", "nearly", "almost")
            else ""
        )
        short += " ".join([num.strip(), *_whole(rest.split())]).strip()
        weight = (2.0 if unit else 1.0) + min(len(digits), 9) / 10
        out.append(FoundFigure(value, measure or value, short, sentence.paragraph, weight))
    return out
