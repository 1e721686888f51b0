"""Reporting cues: the verbs and phrases that attribute words to a speaker.

Kept in one place so that the direct-quote and the paraphrase extractors agree on what counts
as speech. ``SPEECH`` verbs introduce quotes; ``REPORTING`` adds verbs of belief, finding and
claim that newsrooms use for paraphrase ("polls show", "he believes").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from bot.extract.lexicon import BELIEF as _BELIEF
from bot.extract.lexicon import MONTHS as _MONTHS
from bot.extract.lexicon import PARTICIPLES_LIST as _PARTICIPLES
from bot.extract.lexicon import SPEECH_PAST as _SPEECH_PAST
from bot.extract.lexicon import SPEECH_PRESENT as _SPEECH_PRESENT
from bot.extract.lexicon import TELL as _TELL

SPEECH = sorted(set(_SPEECH_PAST + _SPEECH_PRESENT), key=len, reverse=True)
REPORTING = sorted(set(SPEECH + _BELIEF), key=len, reverse=True)
PARTICIPLES = sorted(set(_PARTICIPLES), key=len, reverse=True)

AUX = (
    r"(?:has|have|had|also|later|previously|once|repeatedly|then|again|often|publicly|"
    r"privately|recently|reportedly|would|will|only|even|further|simply|flatly|quickly|long|"
    r"never|always|just|already|since|first|separately|subsequently|told|would\s+later|"
    r"did|does|do|not|earlier|elsewhere|still|consistently|explicitly|correctly|falsely|"
    r"openly|bluntly|angrily|famously|memorably|frequently|told\s+reporters|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last\s+week|this\s+week)"
)
_PHRASES = r"|quoted\s+as\s+saying|put\s+it|puts\s+it|pointed\s+out|went\s+on\s+to\s+say|shot\s+back|fired\s+back|chimed\s+in|weighed\s+in|went\s+on"
SPEECH_RE = r"(?:" + "|".join(SPEECH) + _PHRASES + ")"
REPORTING_RE = (
    r"(?:" + "|".join(REPORTING) + r"|pointed\s+out|went\s+on\s+to\s+say|quoted\s+as\s+saying|"
    r"(?:shot|fired|hit)\s+back(?=\s*(?:,?\s*that\s|:)))"  # not 'hit back at Ortiz'
)
PARTICIPLE_RE = r"(?:" + "|".join(PARTICIPLES) + r"|pointing\s+out)"

TELL_RE = (
    r"(?:told|tells|tell|telling|asked|asks|ask|asking|informed|informs|assured|assures|"
    r"reminded|reminds|warned|warns|urged|urges)"
)
#: Objects of "told"/"asked": the audience, which belongs to the cue ("told Reuters", "told
#: Harbour Radio host Jim Lee").
AUDIENCE = (
    r"(?:(?:[A-Z][\w’'.-]*\s+)?(?:reporters|journalists|supporters|voters|donors|officials|"
    r"lawmakers|members|students|workers|leaders|employees|staff|staffers|residents|parents|"
    r"colleagues|investors|shareholders|analysts|listeners|viewers|readers|followers|customers|"
    r"delegates|activists|fans|teachers|investigators|prosecutors|jurors|senators|legislators|"
    r"advisers|advisors|aides|allies|friends|guests|troops|crews)|"
    # 'told her closest advisers', 'told his staff': a possessive audience
    r"(?:his|her|their|its|our|my)\s+(?:[a-z][\w’'-]*\s+){0,2}?(?:advisers|advisors|aides|"
    r"allies|friends|supporters|staff|staffers|colleagues|followers|fans|team|lawyers|family|"
    r"guests|troops|crew|crews|members|voters|donors|audience|listeners|viewers|readers|"
    r"students|employees|workers|cabinet|party|caucus|base)|"
    r"the\s+(?:court|jury|judge|board|committee|council|panel|senate|house|assembly|hearing|"
    r"inquiry|commission|parliament|congress|legislature)|"
    r"the\s+crowd|a\s+crowd|an\s+audience|the\s+audience|"
    r"him|her|them|me|us|you|the\s+[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}|"
    r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and|&)){0,5}"
    r"(?:\s+(?:host|anchor|reporter|correspondent|interviewer|moderator)\s+"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?|"
    r"(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:crowd|audience|rally|interviewer|reporter|"
    r"radio\s+host|host|group|gathering|conference|meeting|radio|newspaper|paper|station|"
    r"channel|broadcaster|magazine|programme|program|show|podcast|website|agency))"
)
#: 'Harbour Radio quoted Marr as saying …', 'the agency quoted him as telling the court':
#: the words are the quoted person's (the speaker sits inside the cue), the outlet only
#: reports them.
QUOTED_AS = re.compile(
    r"\bquoted\s+(?P<spk>him|her|them|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+as\s+"
    r"(?P<cue>saying|telling\s+" + AUDIENCE + r"|writing)(?![\w’'])"
)
#: The subject form of the object pronoun 'quoted him as saying' names.
SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}


class QuotedAs(NamedTuple):
    """A 'quoted X as saying' phrase: the speaker as a subject ('him' → 'he') and the
    offset to resolve it from, the cue, and where the phrase starts ('quoted') and ends."""

    speaker: str
    offset: int
    cue: str
    start: int
    end: int


def quoted_as(text: str, pos: int = 0) -> QuotedAs | None:
    """'… quoted X as saying' in ``text`` (from ``pos``), or None.

    A pronoun's offset is ``pos``, where the search began: an object pronoun never refers to
    the subject of its own clause ('the Courier quoted him': not the Courier), so whom it
    refers to is looked for before that clause."""
    match = QUOTED_AS.search(text, pos) if "quoted" in text else None
    if match is None:
        return None
    spk = match.group("spk")
    cue = "quoted as " + match.group("cue").split()[0]
    if spk in SUBJECT_FORM:
        return QuotedAs(SUBJECT_FORM[spk], pos, cue, match.start(), match.end())
    return QuotedAs(spk, match.start("spk"), cue, match.start(), match.end())


#: Participles after a frame that report more of what the speaker said ('…," X said,
#: adding that …'): a statement of the same speaker, and part of the frame's sentence.
ADDING_PARTICIPLES = frozenset("adding noting explaining arguing insisting warning".split())  # noqa: SIM905


#: Adjuncts that may stand between the cue and the content: time, manner, medium.
ADJUNCT = (
    r"(?:\s*,?\s*(?:on|in|at|during|last|this|earlier|later|late|early|before|after|while|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"recently|privately|publicly|then|again|also|flatly|repeatedly|once|via|over|through|of|about|"
    r"afterwards|afterward)"
    r"\b(?:(?!\sthat\s)[^,:;“”\"]){0,50}?)"
)
#: Between a cue and the quote it opens, a short manner phrase with 'with' too ('says, with
#: a smile, "…"'). Not before reported content, where 'with' opens an object of the verb
#: ('charged with murder', 'agreed with Lund that …').
QUOTE_ADJUNCT = r"(?:" + ADJUNCT + r"|\s*,?\s*with(?:\s+[a-z]+){1,3})"
_DIGIT = re.compile(r"\d")
WHEN = re.compile(
    r"\b(?:(?:on|last|this|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|yesterday|today|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)"
    r"\s+\d{1,2}(?:,\s+\d{4})?)(?:\s+(?:morning|afternoon|evening|night))?"
)


#: The first three letters of every month ``WHEN`` knows (all its abbreviations too).
_MONTH_STEMS = tuple(month[:3] for month in _MONTHS)


def when_of(frame: str) -> str | None:
    """When the words were said, if the attribution frame says ("on December 19")."""
    if "day" not in frame and (
        not _DIGIT.search(frame) or not any(stem in frame for stem in _MONTH_STEMS)
    ):
        # every form WHEN knows has a weekday, 'yesterday' or 'today', or a month and a
        # number: the pattern opens with \b, so a search tries every offset of the frame
        return None
    match = WHEN.search(frame)
    return match.group().strip() if match else None


#: A cue: a speech verb, or a verb of telling followed by its audience ("told Reuters").
SPEECH_CUE = r"(?:" + TELL_RE + r"\s+" + AUDIENCE + r"(?![\w’'])|" + SPEECH_RE + r")"
REPORTING_CUE = r"(?:" + TELL_RE + r"\s+" + AUDIENCE + r"(?![\w’'])|" + REPORTING_RE + r")"
PARTICIPLE_CUE = r"(?:" + TELL_RE + r"\s+" + AUDIENCE + r"(?![\w’'])|" + PARTICIPLE_RE + r")"


def _first_words(*groups: list[str]) -> frozenset[str]:
    return frozenset(w.split()[0] for group in groups for w in group)


#: First words of the cue phrases ('pointed out', 'shot back', 'put it', 'quoted as
#: saying'): cues only with the words that follow them.
PHRASE_HEADS = frozenset(
    ["pointed", "went", "shot", "fired", "hit", "chimed", "weighed", "put", "puts", "quoted"]
)
#: First words of every cue, for a cheap scan before the full pattern is tried.
SPEECH_WORDS = _first_words(
    SPEECH,
    _TELL,
    ["pointed", "went", "shot", "fired", "chimed", "weighed", "put", "puts", "quoted"],
)
REPORTING_WORDS = _first_words(
    REPORTING, _TELL, ["pointed", "went", "quoted", "shot", "fired", "hit"]
)
PARTICIPLE_WORDS = _first_words(PARTICIPLES, _TELL, ["pointing"])


_ALL_WORDS = SPEECH_WORDS | REPORTING_WORDS | PARTICIPLE_WORDS
_TRAILING = ',.:;?!—”"'
#: Cue words as whitespace-split tokens may appear, with trailing punctuation.
_VARIANTS = frozenset(w + p for w in _ALL_WORDS for p in ("", *_TRAILING))
SPEECH_VARIANTS = frozenset(w + p for w in SPEECH_WORDS for p in ("", ",", ".", ":", ";"))


@functools.lru_cache(maxsize=256)
def _present(text: str) -> frozenset[str]:
    """The cue-word tokens of ``text`` (with their trailing punctuation), split once per text:
    ``has_cue`` and ``_hits`` are asked about the same sentence one after the other."""
    return _VARIANTS.intersection(text.split())


@functools.lru_cache(maxsize=256)
def _hits(text: str) -> tuple[tuple[int, str], ...]:
    """Every cue word in ``text`` with its offset, scanned once per text.

    The words present are found with a set intersection over the whitespace tokens, then
    located with ``str.find``: both run in C, far faster than a regex over every character.
    """
    present = _present(text)
    if not present:
        return ()  # most sentences have no cue at all
    out: list[tuple[int, str]] = []
    for word in {token.rstrip(_TRAILING) for token in present}:
        size = len(word)
        at = text.find(word)
        while at >= 0:
            after = at + size
            if (at == 0 or not _word_char(text[at - 1])) and (
                after == len(text) or not _word_char(text[after])
            ):
                out.append((at, word))
            at = text.find(word, after)
    out.sort()
    return tuple(out)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "’'"


def has_cue(text: str) -> bool:
    """True when the text contains any cue word (a set test on its tokens, no positions)."""
    return bool(_present(text))


def cue_positions(
    text: str, words: frozenset[str], limit: int | None = None, begin: int = 0
) -> list[int]:
    """Offsets of cue words of ``words`` in ``text`` between ``begin`` and ``limit``."""
    hits = _hits(text)
    if not hits:
        return []
    end = len(text) if limit is None else limit
    return [pos for pos, word in hits if begin <= pos < end and word in words]
