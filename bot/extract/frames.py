"""Attribution frames: find the speaker phrase and cue around a quote.

Each function takes the text outside the quoted words (the "frame") and returns the speaker
phrase as written plus the cue, or None. They are plain anchored regular expressions over short
strings (a sentence at most), so the cost is linear in the article.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from bot.extract.cues import (
    ADJUNCT,
    PARTICIPLE_CUE,
    QUOTE_ADJUNCT,
    SPEECH_CUE,
    SPEECH_RE,
    SPEECH_WORDS,
    cue_positions,
    quoted_as,
)
from bot.extract.paraphrase import after_content
from bot.extract.subjects import clean_subject, sentence_subject, strip_manner, valid_subject


@dataclass(frozen=True, slots=True)
class Frame:
    """A speaker phrase as written and the cue that attributes the words to it."""

    speaker: str
    cue: str
    speaker_offset: int  # offset of the phrase inside the frame text


_TAIL_VERB_FIRST = re.compile(
    r"^\s*[,.!?—–'’-]*\s*(?P<cue>" + SPEECH_RE + r")\s+(?P<spk>[^;:!?“”\"]{1,140}?)"
    r"(?:,?\s+(?:(?:said|says)\b|in\s+(?:an?|his|her|their|its)\s+|even\s+(?:though|if|as|when|after|while)\s|on\s+|at\s+|during\s+|told\s+|to\s+|while\s+|after\s+|before\s+|about\s+|with\s+|"
    r"adding|noting|referring|saying|explaining|arguing|pointing|citing|who\s|whose\s|which\s|"
    r"when\s|as\s|but\s|and\s|because\s|although\s|though\s|where\s)[^“”\"]*)?\s*[.!?]?\s*$"
)
_SPEECH_CUE_AT = re.compile(r"(?P<cue>" + SPEECH_CUE + r")\b")
_LEADING_PUNCT = re.compile(r"^\s*[,.!?—–'’-]*\s*")
_TAIL_ACCORDING = re.compile(
    r"^\s*[,.!?—–-]*\s*(?P<cue>according\s+to)\s+(?P<spk>[^;:!?“”\"]{1,120}?)\s*[.!?]?\s*$"
)

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)  # a sentence's tail is asked about up to three times
def tail_frame(tail: str) -> Frame | None:
    """Speaker after a quote: '…," said X, a Y.' / '…," X said.' / '…," according to X.'"""
    tail = tail[:300]
    reported = quoted_as(tail)  # '…," the agency quoted him as saying.'
    if (
        reported
        and _OUTLET_BEFORE.match(tail[: reported.start])
        and _ENDS.match(tail, reported.end)
    ):
        return Frame(reported.speaker, reported.cue, reported.offset)
    for pattern in (_TAIL_ACCORDING, _TAIL_VERB_FIRST):
        match = pattern.match(tail)
        if match:
            spk = match.group("spk").strip(" ,")
            return Frame(spk, match.group("cue"), match.start("spk"))
    for pos in cue_positions(tail, SPEECH_WORDS, 170)[:2]:
        match = _SPEECH_CUE_AT.match(tail, pos)
        if not match or _hearsay(tail, match):
            continue  # 'X is alleged to have said': the cue is the verb after 'to'
        lead = _LEADING_PUNCT.match(tail)
        begin = lead.end() if lead else 0
        found = clean_subject(strip_manner(tail[begin:pos]), match.group("cue"))
        if found:
            return Frame(found[0], match.group("cue"), begin + found[1])
        return None
    return None


def _hearsay(tail: str, match: re.Match[str]) -> bool:
    """'is alleged to (have)', 'is said to have': a cue word that only says others report it."""
    after = match.end()
    if tail.startswith((" to have ", " to be "), after):
        return True
    return match.group("cue") in _HEARSAY and tail.startswith(" to ", after)


_HEARSAY = frozenset({"alleged", "reported", "claimed", "rumored", "rumoured"})


#: Before 'quoted X as saying' after a quote: the outlet, a few words ('…," the Harbour
#: Courier quoted', not a clause of narration).
_OUTLET_BEFORE = re.compile(r"^\s*[,.!?—–-]*\s*[^;:!?“”\"]{1,60}?\s+$")
#: What may follow a frame's cue to the end of its sentence: adjuncts, no new clause.
_ENDS = re.compile(
    r"(?:\s+(?:in|on|at|during|after|before|to|from|by|last|this|of)\b[^;:!?“”\"]{0,80}?)?\s*[.!?]?\s*$"
)


_HEAD_CUE = re.compile(
    r"(?P<cue>" + SPEECH_CUE + r")(?P<adj>" + QUOTE_ADJUNCT + r"{0,2})"
    r"\s*(?:[:,]|\s+that|—|–)?\s*$"
)
_HEAD_PARTICIPLE = re.compile(
    r",[”\"’']?\s*(?:and\s+)?(?:then\s+)?(?P<cue>"
    + PARTICIPLE_CUE
    + r")"
    + ADJUNCT
    + r"{0,2}\s*(?:[:,]|\s+that)?\s*$"
)
#: 'Despite Brandt saying, "…"': a preposition, then the named subject of a gerund cue.
_HEAD_GERUND = re.compile(
    r"^\s*(?:Despite|After|Before|Upon|Without)\s+(?P<spk>(?:[A-Z]|the\s|a\s|an\s)[^,:;“”\"]{0,60}?)\s+(?P<cue>"
    + PARTICIPLE_CUE
    + r")\s*[:,]?\s*$"
)
#: 'Tweeted Ivo Lund, the harbour master: "…"': a sentence opened by its cue, the speaker
#: after it (up to an apposition), and a colon.
_HEAD_INVERTED = re.compile(
    r"(?:^|[.!?]\s+)(?P<cue>[A-Z][a-z]{2,})\s+(?P<spk>(?:[A-Z]|the\s|a\s|an\s)[^,:;“”\"]{1,60}?)"
    r"(?:,[^:“”\"]{0,120})?:\s*$"
)
_HEAD_ACCORDING = re.compile(
    r"(?:^|,\s*)(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>[^,:“”\"]{1,120})[,:]\s*$"
)
#: Between a head's cue and its quote: 'that', a colon or a comma.
_LEADS_INTO_QUOTE = re.compile(r"\s*(?:that\s*)?[:,—–]?\s*$")
#: The writer's aside between the cue and the quote ('X declared, and I quote, "…"'): the quote
#: stays X's, the 'I' is no speaker.
_QUOTE_ASIDE = re.compile(r"(?<=,)\s*(?:and\s+)?(?:I|we)\s+quote\s*,\s*$")
#: Each paragraph of a quoted excerpt opens with a mark that no mark closes; it is no part of
#: any subject before a cue inside the excerpt.
_EXCERPT_MARKS = ('"', "“")
_HEAD_COLON = re.compile(r"(?P<cue>:)\s*$")
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2}"
_NAME_ANY = r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}"
#: A name alone before a colon after a dash or at the start, 'From the report:', or 'More
#: from Lind:' (the quote goes on with the source just quoted or cited).
_NAMED_COLON = re.compile(
    r"(?:(?:^|\s[-—–]\s*)(?P<name>" + _NAME + r")|(?:^|\s)(?:[Mm]ore\s+)?[Ff]rom\s+"
    r"(?P<doc>the\s+(?:[\w-]+\s+){0,2}(?:report|study|statement|letter|memo|ruling|"
    r"filing|complaint|indictment|survey|poll|analysis|email|release))|"
    r"(?:^|\s)[Ff]rom\s+(?P<owner>" + _NAME_ANY + r")[’']s\s+(?:[\w-]+\s+){0,2}(?:post|"
    r"statement|letter|tweet|speech|remarks|email|op-ed|column|book|memo|interview)|"
    r"(?:^|[\s—–-])[Mm]ore\s+from\s+(?P<more>" + _NAME_ANY + r"(?:\s+and\s+" + _NAME_ANY + r")?))"
    r"\s*:\s*$"
)


def head_frame(head: str) -> Frame | None:
    """Speaker before a quote: 'X said: "…' / 'X, asking: "…' / 'According to X, "…'."""
    head = head[-400:]
    writer = _QUOTE_ASIDE.search(head) if "quote" in head else None
    if writer:
        head = head[: writer.start()]
    paren = head.rfind("(")
    if paren > head.rfind(")"):  # '… recognise it (Lemkin once said, "…")': inside the aside
        aside = head_frame(head[paren + 1 :])
        if aside is not None:
            return Frame(aside.speaker, aside.cue, aside.speaker_offset + paren + 1)
    match = _HEAD_ACCORDING.search(head) if "ccording" in head else None
    if match:
        return Frame(match.group("spk").strip(), match.group("cue"), match.start("spk"))
    reported = quoted_as(head, max(0, len(head) - 200))  # 'The agency quoted him as saying: "'
    if reported and _LEADS_INTO_QUOTE.match(head, reported.end):
        return Frame(reported.speaker, reported.cue, reported.offset)
    for pos in reversed(cue_positions(head, SPEECH_WORDS)[-3:]):
        match = _HEAD_CUE.match(head, pos)
        if match:
            found = clean_subject(head[:pos], match.group("cue"))
            if found:
                return Frame(found[0], match.group("cue"), found[1])
            if head[:1] in _EXCERPT_MARKS:  # the mark opening an excerpt's paragraph
                found = clean_subject(head[1:pos], match.group("cue"))
                if found:
                    return Frame(found[0], match.group("cue"), found[1] + 1)
            break
    comma = head.rfind(",", 0, max(0, len(head) - 3))
    match = _HEAD_PARTICIPLE.match(head, comma) if comma >= 0 else None
    if match:
        inner = head[: match.start()]
        said = after_content(inner)  # 'They will meet, Spicer said, adding, "…"'
        if said:
            return Frame(said.speaker, match.group("cue"), said.speaker_offset)
        found = sentence_subject(inner)
        if found:
            return Frame(found[0], match.group("cue"), found[1])
    match = _HEAD_INVERTED.search(head[-160:]) if head.rstrip().endswith(":") else None
    if match and match.group("cue").lower() in SPEECH_WORDS and valid_subject(match.group("spk")):
        at = len(head) - len(head[-160:]) + match.start("spk")  # 'Tweeted Ivo Lund, …: "…"'
        return Frame(match.group("spk"), match.group("cue").lower(), at)
    match = _HEAD_GERUND.match(head) if comma < 0 else None
    if match and valid_subject(match.group("spk")):
        return Frame(match.group("spk"), match.group("cue"), match.start("spk"))
    match = _HEAD_COLON.search(head)
    if match:
        named = _NAMED_COLON.search(head[-120:])  # '… - Jo M. Lind: "…"', 'From the report: "…"'
        if named:
            group = next(g for g in ("name", "doc", "owner", "more") if named.group(g))
            at = len(head) - len(head[-120:]) + named.start(group)
            return Frame(named.group(group), ":", at)
    if match and len(head.split()) <= 12:
        found = sentence_subject(head[: match.start()])
        if found:
            return Frame(found[0], ":", found[1])
    return None
