"""Lede and key points, chosen extractively: whole body sentences a reader can trust.

The lede is the first clean sentence of the body (news puts what matters first; lead-3 is a
strong baseline for exactly that reason), and it is also the first key point, because the
briefing shows the key points. The others are chosen for coverage: each next point is the
candidate whose content words best cover what the article talks about (document frequency),
discounted for words already covered by the points chosen so far, with a preference for early
sentences. Page furniture never competes: captions, "Scroll down for video", related-story
headlines, list intros ending in a colon, links, handles, embedded-tweet sign-offs, markup,
bylines and fragments. A dateline ("(CNN)", "LONDON (Reuters) -") is cut from the front.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from bot.extract.lexicon import MONTHS, WEEKDAYS
from bot.extract.paragraphs import Sentence

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z][a-z’'-]+")
_STOP = frozenset(
    """the a an and or but of to in on at for with by from as is was are were be been being
    that this these those it its he she they his her their we our you your i me my has have
    had not no will would can could should may might must do does did said says say told also
    than then there here which who whom whose what when where why how all any some more most
    about after before over into out up down just only very so such if while said""".split()  # noqa: SIM905
)
_BOILERPLATE = re.compile(
    r"^(?:(?:\(?reporting\s+by|editing\s+by|writing\s+by|additional\s+reporting|"
    r"read\s+(?:more|the\s+rest|also|next)|click\s+(?:here|to)|tap\s+(?:here|to)|follow|"
    r"sign\s+up|subscribe|advertisement|sponsored|full\s+text|abstract|photos?|images?|"
    r"pictures?|pictured|videos?|watch|listen|related|recommended|trending|see\s+also|"
    r"also\s+read|share\s+(?:this|on)|scroll|caption|file\s+photo|editor'?s\s+note|"
    r"this\s+(?:story|article|report)\s+(?:was|has|is|originally|first)|"
    r"an\s+earlier\s+version|copyright|last\s+(?:modified|updated)|view\s+(?:this|the)\s+post|"
    r"a\s+post\s+shared\s+by|this\s+content\s+is|download\s+(?:the|our)|"
    r"get\s+(?:our|the)\s+(?:free\s+)?(?:newsletter|app)|support\s+(?:our|independent))\b|"
    r"(?:more|latest|breaking|update[ds]?|correction|credit|illustration|composite|graphic|"
    r"published|posted|opinion|analysis|live)\s*:|file\s*[-–—:]|"
    # a time stamp line: 'Published 3 hours ago', 'Updated on 20 May', 'Posted Tuesday'
    r"(?:first\s+)?(?:published|updated|posted)\s+(?:on\s+|at\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+)?(?:\d|an?\s+(?:minute|hour|day|week)\s+ago|"
    r"yesterday|today|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"https?://|www\.|\b\w+\.(?:com|org|net|co\.uk)/|pic\.twitter\.com|(?<![\w.])@\w{2,}|"
    r"<[a-z/!][^>]*>|&[a-z]+;|&#\d+;|\{|\}|\s\|\s|\[\+?\]|scroll\s+down|"
    r"^(?:\([A-Z][\w ]{1,30}\))?\[[^\]]{3,120}\]\s*\.?$|"  # a note in brackets: '[Updated 9 p.m.]'
    r"click\s+(?:here|to)|continue\s+reading|contributed\s+to\s+this\s+report|"
    r"getty\s+images|shutterstock|\bap\s+photo\b|\bfile\s+photo\b|\(photo\b|photograph:|"
    r"image\s+(?:copyright|caption|source)|all\s+rights\s+reserved|credit(?:\.{3}|…)|"
    r"trust\s+principles|may\s+(?:receive|earn)\s+a\s+(?:share|commission)|"
    r"may\s+not\s+be\s+(?:published|reproduced|redistributed)|"
    r"\((?:pictured|left|right|centre|center|top|bottom|above|below)\b|"
    r"(?-i:\b(?:REUTERS|AFP|AP|EPA|Reuters|Getty)/)|\bvia\s+getty\b|"
    r"—\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*\s*\(@",
    re.IGNORECASE,
)
#: Title Case (function words capitalised inside the line) is a headline: a related story.
_TITLE_CASE_WORDS = frozenset(
    """The A An Is Are Was Were Be That This Their His Her Its It Will Has Have With For And
    But Not What How Why Who Your You Our We They After Over As In On At To By From Of
    Into""".split()  # noqa: SIM905
)
_TITLE_CASE = re.compile(r"\s(?:" + "|".join(sorted(_TITLE_CASE_WORDS)) + r")(?=\s)")
#: "(CNN)", "LONDON, England (CNN) --", "WASHINGTON (Reuters) -", "MOSCOW —": wire datelines
#: (a day may stand before the wire's name);
#: a place in title case only before a wire's name ("Kuala Lumpur (CNN)", "Sanaa, Yemen
#: (CNN)"), never before a dash ("Senator Lind — who …" is no dateline); and, at the very
#: start, any outlet in brackets glued to the first word ("(Harbour Weekly)The ferry …").
_WIRES = r"\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg)\)\s*(?:--|—|–|-)?\s*"
_PLACE_WORD = r"[A-Z][\w.'’-]*"
#: 'Dec. 11' in 'CAMBRIDGE, Mass., Dec. 11 (UPI) —' and 'Dec 29 (Reuters) -'.
_WIRE_DAY = r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*)?"
_DATELINE = re.compile(
    r"^(?:(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*)?"
    + _WIRE_DAY
    + r"(?:"
    + _WIRES
    + r"|(?<=[A-Z])\s+(?:--|—|–)\s+|(?<=[A-Z]):\s+)"
    rf"|{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:,\s*{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}){{0,2}}\s*"
    + _WIRES
    + r"|\([A-Z][\w&.'’ ]{1,30}\)(?=[A-Z\"“]))"
)
#: "By Ana Ortiz and Tom Weller" (not "By the time the wall opened, …", nor "By September,
#: it had …").
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?!(?:" + "|".join(MONTHS + WEEKDAYS) + r")\b)"
    r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}\s*(?:[,|]|$|and\s)"
)
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
MIN_WORDS = 8
MAX_CHARS = 400
#: Only the first sentences compete: news puts what matters first, and it bounds the cost.
MAX_SENTENCES = 40
#: How strongly an early position counts against coverage.
POSITION_WEIGHT = 1.5


def strip_dateline(text: str) -> str:
    """The sentence without a leading wire dateline."""
    match = _DATELINE.match(text)
    if not match or match.end() == 0:
        return text
    rest = text[match.end() :].lstrip()
    head = rest[:1]  # ('' is "in" every string: an empty rest keeps the text)
    return rest if head and (head.isupper() or head.isdigit() or head in '"“') else text


def is_bare_dateline(text: str) -> bool:
    """True for a wire dateline with nothing after it ("(CNN) —", "LONDON (Reuters) -")."""
    match = _DATELINE.match(text)
    return match is not None and match.end() > 0 and not text[match.end() :].strip(" -—–:")


_TRIGGER_CHARS = frozenset("/@<&{}(—|[")
#: Lower-case pieces one of which every furniture phrase without a trigger character holds
#: (specific, so that ordinary sentences rarely pay for the full pattern).
_TRIGGER_WORDS = (
    "scroll", "click", "contributed", "getty", "photo", "www", "continue reading",
    "shutterstock", "image c", "image s", "rights reserved", "may not be", "credit...",
    "credit…", "trust principles", "may receive", "may earn",
)  # fmt: skip


def is_furniture(text: str) -> bool:
    """Page furniture inside the sentence; cheap character and word tests guard the regex,
    which most sentences never need."""
    if _TRIGGER_CHARS.isdisjoint(text):
        lowered = text.lower()
        if not any(word in lowered for word in _TRIGGER_WORDS):
            return False
    return _FURNITURE.search(text) is not None


#: One clause of a story's credit line: 'CNN's Jo Lind reported from Tarnby', 'Ivo Marr
#: wrote this story in London', 'Ana Ortiz and Tom Weller reported and wrote from Oslo'.
_CREDIT_CLAUSE = (
    r"(?:(?:[A-Z][\w.’'-]*|and)\s+){1,8}?(?:reported|wrote)(?:\s+and\s+(?:reported|wrote))?"
    r"(?:\s+this\s+(?:story|report|article))?(?:\s+(?:from|in)\s+[A-Z][^,;]{0,40})?"
)
_CREDIT_LINE = re.compile(
    r"^" + _CREDIT_CLAUSE + r"(?:\s*[,;]?\s*(?:and|while)?\s+" + _CREDIT_CLAUSE + r")*\s*\.?$"
)


def is_credit_line(text: str) -> bool:
    """The story's credit line ('CNN's Jo Lind reported from Tarnby, and Ivo Marr wrote
    from London.'): who reported it, not what anyone said."""
    return ("reported" in text or "wrote" in text) and _CREDIT_LINE.match(text.strip()) is not None


def _headline(text: str) -> bool:
    """Title Case: two or more function words capitalised after the first word ("Ten Towns
    That Lost Their Harbour"), which running sentences, even full of names, never have. A
    capital after a colon or an opening quote starts a sentence and does not count."""
    found = 0
    for match in _TITLE_CASE.finditer(text):
        if text[match.start() - 1] not in ':"“':
            found += 1
            if found == 2:
                return True
    return False


def is_boilerplate(text: str) -> bool:
    """A sentence of the page around the story: a label, a byline, a time stamp, furniture
    or a credit line. No key point, and no key figure, is taken from it."""
    return (
        _BOILERPLATE.match(text) is not None
        or _BYLINE.match(text) is not None
        or is_furniture(text)
        or is_credit_line(text)
    )


def is_clean(text: str) -> bool:
    """A whole sentence of the story, not page furniture or a fragment."""
    words = text.split()
    if len(words) < MIN_WORDS or len(text) > MAX_CHARS or _headline(text):
        return False
    if is_boilerplate(text):
        return False
    if text.rstrip().endswith(":") or not _TERMINAL.search(text.rstrip()):
        return False  # a list intro, or a sentence cut short
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'("


def _candidate(sentence: Sentence) -> bool:
    text = sentence.text
    return sentence.paragraph > 0 and text[:1] not in "“\"'‘" and is_clean(text)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def _tidy(text: str) -> str:
    """One line, no space before a final full stop ('… report .')."""
    text = " ".join(text.split())
    return re.sub(r"\s+([.!?,;:])", r"\1", text)


def choose(sentences: list[Sentence], wanted: int = 3) -> tuple[str | None, list[str]]:
    """The lede and up to ``wanted`` key points (the lede first), in article order."""
    candidates = [s for s in sentences[:MAX_SENTENCES] if _candidate(s)]
    if not candidates:  # a short or odd text: any sentence that is not furniture will do
        fallback = [
            s
            for s in sentences
            if len(s.text.split()) >= 3
            and s.paragraph > 0
            and not is_furniture(s.text)
            and not s.text.rstrip().endswith(":")
        ]
        candidates = fallback or [s for s in sentences if s.paragraph > 0] or sentences
    if not candidates:
        return None, []
    bags = [set(_words(s.text)) for s in candidates]
    freq: Counter[str] = Counter()
    for bag in bags:
        freq.update(bag)
    picked = [0]
    covered = set(bags[0])
    while len(picked) < min(wanted, len(candidates)):
        best, best_score = -1, 0.0
        for i in range(1, len(candidates)):
            if i in picked or not bags[i]:
                continue
            new = bags[i] - covered
            if len(new) < len(bags[i]) / 3:
                continue  # mostly repeats what is already said
            gain = sum(freq[w] for w in new) / (len(bags[i]) + 4)
            score = gain + POSITION_WEIGHT / (1 + i / 4)
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        picked.append(best)
        covered |= bags[best]
    texts = {i: _tidy(strip_dateline(candidates[i].text)) for i in picked}
    return texts[0], [texts[i] for i in sorted(picked)]
