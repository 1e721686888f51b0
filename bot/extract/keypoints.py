"""Lede and key points, chosen extractively: the lead sentence plus the most central others.

Centrality is the mean document frequency of a sentence's content words, a cheap stand-in for
graph centrality that favours sentences sharing vocabulary with the rest of the article.
Sentences that are all quote, boilerplate or very short are not candidates.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

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
    r"^(?:by\s|\(?reporting\s+by|editing\s+by|read\s+(?:more|the\s+rest)|click\s+here|"
    r"follow\s|sign\s+up|advertisement|full\s+text|abstract|photo|image|watch|related)",
    re.IGNORECASE,
)
MIN_WORDS = 8
MAX_CHARS = 400
#: Only the first sentences compete: news puts what matters first, and it bounds the cost.
MAX_SENTENCES = 40


def _candidate(sentence: Sentence) -> bool:
    text = sentence.text
    if len(text.split()) < MIN_WORDS or len(text) > MAX_CHARS or _BOILERPLATE.match(text):
        return False
    return text[:1] not in "“\"'‘" and sentence.paragraph > 0


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def choose(sentences: list[Sentence], wanted: int = 3) -> tuple[str | None, list[str]]:
    """The lede and up to ``wanted`` key points, in article order."""
    candidates = [s for s in sentences[:MAX_SENTENCES] if _candidate(s)]
    if not candidates:
        fallback = [s for s in sentences if len(s.text.split()) >= 3 and s.paragraph > 0]
        candidates = fallback or sentences
    if not candidates:
        return None, []
    lede = candidates[0]
    freq: Counter[str] = Counter()
    bags = [_words(s.text) for s in candidates]
    for bag in bags:
        freq.update(set(bag))
    scored: list[tuple[float, int, Sentence]] = []
    for i, s in enumerate(candidates[1:], start=1):
        words = bags[i]
        if not words:
            continue
        centrality = sum(freq[w] for w in words) / (len(words) + 4)
        position = 1.0 / (1 + i / 4)
        scored.append((-(centrality + 2.0 * position), i, s))
    scored.sort()
    picked = sorted(scored[:wanted], key=lambda item: item[1])
    return lede.text, [s.text for _, _, s in picked]
