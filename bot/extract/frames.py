"""Attribution frames: find the speaker phrase and cue around a quote or in a sentence.

Each function takes the text outside the quoted words (the "frame") and returns the speaker
phrase as written plus the cue, or None. They are plain anchored regular expressions over short
strings (a sentence at most), so the cost is linear in the article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.extract.cues import (
    ADJUNCT,
    AUX,
    PARTICIPLE_CUE,
    PARTICIPLE_WORDS,
    REPORTING_CUE,
    REPORTING_WORDS,
    SPEECH_CUE,
    SPEECH_RE,
    SPEECH_WORDS,
    cue_positions,
)
from bot.extract.lexicon import ANON_WORDS, PREPOSITIONS
from bot.extract.lexicon import CLAUSE_WORDS as _CLAUSE_WORDS
from bot.extract.lexicon import DETERMINERS as _DETERMINERS

log = logging.getLogger(__name__)

_LEAD = re.compile(
    r"^(?:(?:But|And|So|Yet|Still|However|Meanwhile|Instead|Now|Then|Also|Indeed|Separately|"
    r"Moreover|Similarly|Likewise|Again|Finally|Later|Earlier|Previously|Today|Yesterday|"
    r"Tuesday|Monday|Wednesday|Thursday|Friday|Saturday|Sunday|Or|Plus|Asked|Instead|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Recently|More\s+recently|Most\s+recently|Lately|Ultimately|Overall|Initially)\b,?\s+)+"
)
_LEAD_CLAUSE = re.compile(
    r"^(?:(?:On|In|At|During|After|Before|Last|This|Speaking|Asked|When|While|Since|"
    r"Following|Responding|Appearing|Writing|Addressing|Campaigning|Earlier|Later|Afterward|"
    r"Afterwards|Back|Over|Under|Through|From|With|Without|For|Like|Unlike|As|Despite|"
    r"Although|Though|If|Because|By|Even|Yet|Still|But|And|Pressed|Questioned|Interviewed|"
    r"Reached|Contacted|Reacting|Commenting|Standing|Sitting|Taking|Turning|The\s+next|The\s+following|"
    r"A\s+(?:short\s+|few\s+)?(?:day|week|month|year|time|moment|minute|hour)s?|[A-Z][a-z]+(?:ed|ing)(?=\s+[a-z])|"
    r"Each|Every|Hours|Days|Weeks|Months|Years|Minutes|Moments)\b[^,]{0,90},\s+)+"
)
_AUX_WORDS = frozenset(re.findall(r"[A-Za-z]+", AUX))


def strip_aux(text: str) -> str:
    """Drop auxiliaries and adverbs before a cue ('has also', 'later'), from the right.

    A plain loop over the last words: a right-anchored regex would be retried at every
    position of a long prefix.
    """
    text = text.rstrip()
    while True:
        cut = text.rfind(" ")
        if cut < 0 or text[cut + 1 :] not in _AUX_WORDS:
            return text
        text = text[:cut].rstrip()


@dataclass(frozen=True, slots=True)
class Frame:
    """A speaker phrase as written and the cue that attributes the words to it."""

    speaker: str
    cue: str
    speaker_offset: int  # offset of the phrase inside the frame text


_TIME_WORDS = frozenset(
    [
        "later",
        "earlier",
        "ago",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "morning",
        "night",
        "evening",
        "afternoon",
        "cycle",
        "moment",
        "then",
        "meanwhile",
    ]  # noqa: SIM905
)
_CONJOINED = re.compile(r",\s+(?:and|but|or|so|yet|while|as)\s+")
_RELATIVE = re.compile(r",?\s+(?:who|whose|which|that)\s")


def clean_subject(pre: str) -> tuple[str, int] | None:
    """The subject noun phrase at the end of ``pre`` (text before a cue), with its offset.

    Leading conjunctions and adverbial clauses are dropped; what remains must read like a noun
    phrase (a name, a pronoun, a determiner phrase, optionally with an apposition). Failing
    that, a short name or pronoun after the last comma will do ('As for X, Bolton said').
    """
    original = pre
    pre = pre.rstrip(" ,")
    pre = strip_aux(pre)
    if pre.endswith((" and", ", and")):
        return sentence_subject(pre)  # 'The president noted …, and added: "…"'

    offset = 0
    for pattern in (_LEAD, _LEAD_CLAUSE, _LEAD):
        match = pattern.match(pre, offset)
        if match:
            offset = match.end()
    subject = pre[offset:].strip()
    first_part, comma, rest = subject.partition(", ")
    if comma and rest and _TIME_WORDS.intersection(first_part.lower().split()):
        offset, subject = offset + len(first_part) + 2, rest  # 'A short time later, Ms. Abedin'
    conjoined = _CONJOINED.split(subject)
    if len(conjoined) > 1:
        subject = conjoined[-1]  # 'X holds caucuses, and a new poll shows …': the poll
    if subject and _valid_subject(subject):
        return subject, original.find(subject)
    relative = _RELATIVE.search(subject)
    if relative and _valid_subject(subject[: relative.start()]):
        return subject[: relative.start()], original.find(subject)  # 'an official who spoke …'
    last = pre.rsplit(", ", 1)[-1].strip(' "”')
    words = last.split()
    named = bool(words) and (
        words[0][:1].isupper() or words[0].lower() in ("he", "she", "they", "i", "we")
    )
    if last != subject and 1 <= len(words) <= 6 and named and _valid_subject(last):
        return last, original.rfind(last)
    return None


def _valid_subject(subject: str) -> bool:
    """Does this read like a subject noun phrase (with an optional apposition)?"""
    head, _, apposition = subject.partition(", ")
    if '"' in head or "“" in head or "”" in head:
        return False
    words = head.split()
    if not words or len(words) > 9 or apposition.count(" ") > 40:
        return False
    low = head.lower().replace(",", "").replace(".", "").split()
    first = low[0]
    if not _NEVER_IN_SUBJECT.isdisjoint(low):
        return False
    if first not in _DETERMINERS and not _CLAUSE_WORDS.isdisjoint(low[1:]):
        return False
    last = low[-1]
    if last in _DETERMINERS or last in _BAD_LAST:
        return False
    initial = words[0][:1]
    if initial.isupper() or initial.isdigit() or first in _DETERMINERS:
        return True
    if len(words) <= 3 and last in ANON_WORDS:
        return True  # 'aides', 'senior officials'
    return len(words) <= 6 and words[-1][:1].isupper() and first not in PREPOSITIONS


_NEVER_IN_SUBJECT = frozenset("that which is was were are to if because".split())  # noqa: SIM905
_BAD_LAST = frozenset("of for with and in on at".split())  # noqa: SIM905


_TAIL_VERB_FIRST = re.compile(
    r"^\s*[,.!?—–-]*\s*(?P<cue>" + SPEECH_RE + r")\s+(?P<spk>[^;:!?“”\"]{1,140}?)"
    r"(?:,?\s+(?:in\s+an?\s+|on\s+|at\s+|during\s+|told\s+|to\s+|while\s+|after\s+|before\s+|"
    r"adding|noting|referring|saying|explaining|arguing|pointing|citing|who\s|whose\s|which\s|"
    r"when\s|as\s|but\s|and\s|because\s|although\s|though\s|where\s)[^“”\"]*)?\s*[.!?]?\s*$"
)
_SPEECH_CUE_AT = re.compile(r"(?P<cue>" + SPEECH_CUE + r")\b")
_LEADING_PUNCT = re.compile(r"^\s*[,.!?—–-]*\s*")
_TAIL_ACCORDING = re.compile(
    r"^\s*[,.!?—–-]*\s*(?P<cue>according\s+to)\s+(?P<spk>[^;:!?“”\"]{1,120}?)\s*[.!?]?\s*$"
)


def tail_frame(tail: str) -> Frame | None:
    """Speaker after a quote: '…," said X, a Y.' / '…," X said.' / '…," according to X.'"""
    tail = tail[:300]
    for pattern in (_TAIL_ACCORDING, _TAIL_VERB_FIRST):
        match = pattern.match(tail)
        if match:
            spk = match.group("spk").strip(" ,")
            return Frame(spk, match.group("cue"), match.start("spk"))
    for pos in cue_positions(tail, SPEECH_WORDS, 170)[:2]:
        match = _SPEECH_CUE_AT.match(tail, pos)
        if not match:
            continue
        lead = _LEADING_PUNCT.match(tail)
        begin = lead.end() if lead else 0
        found = clean_subject(tail[begin:pos])
        if found:
            return Frame(found[0], match.group("cue"), begin + found[1])
        return None
    return None


_HEAD_CUE = re.compile(
    r"(?P<cue>" + SPEECH_CUE + r")(?P<adj>" + ADJUNCT + r"{0,2})"
    r"\s*(?:[:,]|\s+that|—|–)?\s*$"
)
_HEAD_PARTICIPLE = re.compile(
    r",\s*(?:and\s+)?(?:then\s+)?(?P<cue>"
    + PARTICIPLE_CUE
    + r")"
    + ADJUNCT
    + r"{0,2}\s*(?:[:,]|\s+that)?\s*$"
)
_HEAD_ACCORDING = re.compile(
    r"(?:^|,\s*)(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>[^,“”\"]{1,120}),\s*$"
)
_HEAD_COLON = re.compile(r"(?P<cue>:)\s*$")


def head_frame(head: str) -> Frame | None:
    """Speaker before a quote: 'X said: "…' / 'X, asking: "…' / 'According to X, "…'."""
    head = head[-400:]
    match = _HEAD_ACCORDING.search(head) if "ccording" in head else None
    if match:
        return Frame(match.group("spk").strip(), match.group("cue"), match.start("spk"))
    for pos in reversed(cue_positions(head, SPEECH_WORDS)[-3:]):
        match = _HEAD_CUE.match(head, pos)
        if match:
            found = clean_subject(head[:pos])
            if found:
                return Frame(found[0], match.group("cue"), found[1])
            break
    comma = head.rfind(",", 0, max(0, len(head) - 3))
    match = _HEAD_PARTICIPLE.match(head, comma) if comma >= 0 else None
    if match:
        inner = head[: match.start()]
        said = _after_content(inner)  # 'They will meet, Spicer said, adding, "…"'
        if said:
            return Frame(said.speaker, match.group("cue"), said.speaker_offset)
        found = sentence_subject(inner)
        if found:
            return Frame(found[0], match.group("cue"), found[1])
    match = _HEAD_COLON.search(head)
    if match and len(head.split()) <= 12:
        found = sentence_subject(head[: match.start()])
        if found:
            return Frame(found[0], ":", found[1])
    return None


_SUBJECT_VERB = re.compile(r"\s+(?:" + AUX + r"\s+)*(?P<verb>[a-z][a-z’'-]+)\b")


def sentence_subject(clause: str) -> tuple[str, int] | None:
    """The subject at the start of a clause: the words before its first lower-case verb.

    A name ('Zelenskyy voiced …'), a pronoun, or a determiner phrase ('A spokeswoman for the
    committee emailed …'); a lone capitalised function word or an upper-case dateline is not
    a subject.
    """
    offset = 0
    for pattern in (_LEAD, _LEAD_CLAUSE, _LEAD):
        match = pattern.match(clause, offset)
        if match:
            offset = match.end()
    words = clause[offset:].split()
    if not words:
        return None
    first = words[0].lower()
    if first in ("he", "she", "they", "i", "we", "it"):
        return words[0], offset
    take: list[str] = []
    determiner = first in _DETERMINERS
    for word in words[:10]:
        low = word.lower().strip(",")
        if take and word[:1].islower() and low not in _NOUN_LINKS and not determiner:
            break
        if (
            take
            and determiner
            and (word.endswith(",") or (low.endswith(("ed", "s")) and low not in _NOUN_LINKS))
        ):
            if word.endswith(","):
                take.append(word)
            break
        take.append(word)
    subject = " ".join(take).rstrip(",")
    if not subject or not (subject[:1].isupper() or determiner):
        return None
    if (len(take) == 1 and (first in PREPOSITIONS or first in _NOT_SUBJECT)) or subject.isupper():
        return None
    return subject, offset


_NOUN_LINKS = frozenset("of de van von al for the".split())  # noqa: SIM905
_NOT_SUBJECT = frozenset(
    "a an the when where what why how this that these those there here some many from".split()  # noqa: SIM905
)


_INDIRECT_CUE = re.compile(
    r"(?P<cue>"
    + REPORTING_CUE
    + r")(?:(?P<adj>"
    + ADJUNCT
    + r"?)\s*,?\s*(?P<that>that)\b|\s*:|(?=\s))"
)
#: The end of a sentence after a cue: '…, X said (on Monday).'
_CUE_AT_END = re.compile(r"(?P<cue>" + REPORTING_CUE + r")" + ADJUNCT + r"{0,2}\s*[.!?]?\s*$")
_AFTER_CONTENT_INVERTED = re.compile(
    r",\s*(?P<cue>said|says|added|wrote|writes|adds|noted|notes|explained|argued|according\s+to)\s+"
    r"(?P<spk>[^,;:“”\"]{1,90}?)(?:,\s+[^“”\"]{1,120})?\s*[.!?]?\s*$"
)
#: 'As the tabloid noted in an op-ed, the candidate …'
_AS_LEAD = re.compile(
    r"^(?:(?:But|And|Yet|So|Still)\s+)?[Aa]s\s+(?P<spk>[^,;:“”\"]{1,80}?)\s+(?:" + AUX + r"\s+)*"
    r"(?P<cue>" + REPORTING_CUE + r")\b[^,;“”\"]{0,60},\s+"
)
_ACCORDING_ANY = re.compile(
    r",?\s*\baccording\s+to\s+(?P<spk>[^,;:“”\"]{1,100}?)(?=\s*(?:[,;:.!?]|$))"
)
_ACCORDING_LEAD = re.compile(r"^(?:\w+\s+)?[Aa]ccording\s+to\s+(?P<spk>[^,“”\"]{1,120}),\s+")


@dataclass(frozen=True, slots=True)
class Paraphrase:
    """A paraphrase found in a sentence: speaker phrase, cue, content offsets in the sentence."""

    speaker: str
    speaker_offset: int
    cue: str
    start: int
    end: int
    gap: tuple[int, int] | None = None  # a parenthetical ', X said,' cut out of the content

    def content(self, sentence: str) -> str:
        """The paraphrased words, without the attribution."""
        if self.gap is None:
            return sentence[self.start : self.end]
        before = sentence[self.start : self.gap[0]].rstrip(" ,")
        return before + " " + sentence[self.gap[1] : self.end].lstrip(" ,")


def paraphrase(sentence: str) -> Paraphrase | None:
    """Find 'X said (that) …', '…, X said.', 'According to X, …' and '…, according to X.'."""
    end = len(sentence.rstrip(" .!?"))
    match = _ACCORDING_LEAD.match(sentence)
    if match:
        return Paraphrase(match.group("spk"), match.start("spk"), "according to", match.end(), end)
    match = _AS_LEAD.match(sentence)
    if match:
        found = clean_subject(match.group("spk"))
        if found and len(sentence[match.end() : end].split()) >= 3:
            return Paraphrase(
                found[0], match.start("spk") + found[1], match.group("cue"), match.end(), end
            )
    match = _ACCORDING_ANY.search(sentence) if "according to" in sentence else None
    if match and len(sentence[: match.start()].split()) >= 3:
        spk = match.group("spk")
        return Paraphrase(
            spk, match.start("spk"), "according to", 0, end, (match.start(), match.end())
        )
    for pos in cue_positions(sentence, REPORTING_WORDS, 600)[:4]:
        inserted = _parenthetical(sentence, pos, end)
        if inserted:
            return inserted
        match = _INDIRECT_CUE.match(sentence, pos)
        if not match:
            continue
        before = sentence[:pos]
        found = clean_subject(before)
        if not found and before.endswith(" and "):
            found = sentence_subject(before)  # 'Obama met survivors and said …'
        if not found:
            continue
        start = match.end()
        while start < len(sentence) and sentence[start] in " ,:":
            start += 1
        if len(sentence[start:end].split()) < 3:
            continue
        return Paraphrase(found[0], found[1], match.group("cue"), start, end)
    return _after_content(sentence)


_PARENTHESIS_END = re.compile(r"(?P<cue>" + REPORTING_CUE + r")" + ADJUNCT + r"?,\s")
_INVERTED_PARENTHESIS = re.compile(
    r"(?P<cue>said|says|added|wrote|argued|noted)\s+(?P<spk>[^,;:“”\"]{1,60}),\s"
)


def _parenthetical(sentence: str, pos: int, end: int) -> Paraphrase | None:
    """'The plan, aides said, is …' / 'The plan, said Doyle, would …': the words around it."""
    comma = sentence.rfind(", ", max(0, pos - 80), pos)
    if comma < 0 or sentence.find(",", pos, pos + 80) < 0 or comma < 8:
        return None
    inverted = _INVERTED_PARENTHESIS.match(sentence, pos) if comma + 2 == pos else None
    if inverted:
        spk, spk_at, close = inverted.group("spk"), inverted.start("spk"), inverted.end()
        cue = inverted.group("cue")
    else:
        tail = _PARENTHESIS_END.match(sentence, pos)
        found = clean_subject(sentence[comma + 2 : pos]) if tail else None
        if not tail or not found:
            return None
        spk, spk_at, close = found[0], comma + 2 + found[1], tail.end()
        cue = tail.group("cue")
    if len(sentence[close:end].split()) < 2:
        return None
    return Paraphrase(spk, spk_at, cue, 0, end, (comma, close))


def _after_content(sentence: str) -> Paraphrase | None:
    """'…, X said.' and '…, said X.' and '…, according to X.' at the end of a sentence."""
    base = max(0, len(sentence) - 260)
    cues = cue_positions(sentence, REPORTING_WORDS, None, base)
    if "according" not in sentence[base:] and not cues:
        return None
    comma = len(sentence)
    for _ in range(3):
        comma = sentence.rfind(",", base, comma)
        if comma < 0:
            return None
        found = _after_at(sentence, comma, [p for p in cues if comma < p <= comma + 100])
        if found:
            return found
    return None


def _after_at(sentence: str, comma: int, cues: list[int]) -> Paraphrase | None:
    """Try '…, said X.' then '…, X said.' with the cue at one of ``cues``."""
    if len(sentence[:comma].split()) < 3:
        return None
    match = _AFTER_CONTENT_INVERTED.match(sentence, comma)
    if match:
        spk_at = match.start("spk")
        return Paraphrase(match.group("spk").strip(), spk_at, match.group("cue"), 0, comma)
    for pos in cues:
        end = _CUE_AT_END.match(sentence, pos)
        if not end:
            continue
        phrase = strip_aux(sentence[comma + 1 : pos])
        if "," in phrase or ";" in phrase:
            continue
        found = clean_subject(phrase)
        if found:
            return Paraphrase(found[0], comma + 1 + found[1], end.group("cue"), 0, comma)
    return None


_PARTICIPLE_CONTENT = re.compile(
    r",\s*(?:and\s+)?(?P<cue>" + PARTICIPLE_CUE + r")\s*(?:that\s+)?(?=\S)"
)


def participle(sentence: str) -> tuple[str, int, int] | None:
    """', saying (that) …' inside a sentence: cue and content start, speaker is the subject."""
    for pos in cue_positions(sentence, PARTICIPLE_WORDS, 800):
        comma = sentence.rfind(",", max(0, pos - 8), pos)
        if comma < 0:
            continue
        match = _PARTICIPLE_CONTENT.match(sentence, comma)
        if match:
            return match.group("cue"), match.end(), len(sentence.rstrip(" .!?"))
    return None
