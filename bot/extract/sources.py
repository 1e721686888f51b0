"""Sourcing: who did not respond or declined to comment, and which claims are disputed.

These sentences are not statements (nobody says anything), but readers ask about them
("did the CIA comment?"), so they are found with their own patterns.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.extract.paragraphs import Sentence

log = logging.getLogger(__name__)

_NO_RESPONSE = re.compile(
    r"\b(?:did\s+not|didn[’']t|could\s+not|couldn[’']t|would\s+not|wouldn[’']t|have\s+not|"
    r"has\s+not|had\s+not)\s+(?:immediately\s+)?(?:respond|reply|return)\w*\b"
)
_DECLINED = re.compile(
    r"\b(?:declined|refused|declining|refusing)\s+(?:to\s+(?:comment|respond|discuss|elaborate|"
    r"say|answer|be\s+interviewed)|comment)\b|\b(?:had|has|have)\s+no\s+(?:immediate\s+)?comment\b|"
    r"\b(?:would|will|did)\s+not\s+comment\b"
)
_UNAVAILABLE = re.compile(
    r"\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|\bwas\s+not\s+available\s+for\s+comment\b"
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|nor)\s+")
_LEADING = re.compile(r"^(?:(?:But|And|However|Meanwhile|Also|Both|Neither|Either)\b,?\s+)+")


@dataclass(frozen=True, slots=True)
class FoundNoComment:
    """A party that did not comment, as the article names it."""

    who: str
    response: str  # "did_not_respond" | "declined" | "unavailable"
    paragraph: int


def _maybe_no_comment(t: str) -> bool:
    """Cheap substring test (C speed) before any regex runs."""
    return (
        "comment" in t
        or "respon" in t
        or "reached" in t
        or "repl" in t
        or "return" in t
        or ("declin" in t or "refus" in t)
    )


def _maybe_dispute(t: str) -> bool:
    return (
        "disput" in t
        or "denie" in t
        or "contest" in t
        or "reject" in t
        or "challeng" in t
        or ("dismiss" in t or "disagree" in t)
    )


def _subject_list(before: str) -> list[str]:
    """The parties named before the 'did not respond': 'X, Y, and Z' → [X, Y, Z]."""
    clause = re.split(r"[;:]|\.\s", before)[-1]
    clause = clause.rsplit(" while ", 1)[-1].rsplit(" but ", 1)[-1]
    clause = _LEADING.sub("", clause.strip(" ,"))
    if not clause or len(clause.split()) > 25:
        return []
    parts = [p.strip(" ,") for p in _LIST_SPLIT.split(clause) if p and p.strip(" ,")]
    parts = [p for p in parts if p[:1].isupper() or p.split()[0].lower() in _PARTY_OPENERS]
    if len(parts) == 2 and not _CONJOINED.search(clause):
        described = [_description(p) for p in parts]
        if described.count(True) == 1:  # 'Sam Idris, the authority's chief, declined': one party
            parts = [parts[described.index(False)]]
    return [p for p in parts if len(p.split()) <= 12]


#: The few determiners that open a party's description ('the ministry', 'a spokesman'):
#: narrower than ``lexicon.DETERMINERS``, whose 'some' or 'two' open no single party.
_PARTY_OPENERS = ("the", "a", "an", "his", "her", "their")
_CONJOINED = re.compile(r"\s(?:and|or|nor)\s")


def _description(part: str) -> bool:
    """'the authority's chief executive', 'a board spokesman': a determiner and a lower-case
    word, which describes a party; 'The FDIC' names one."""
    words = part.split()
    return len(words) > 1 and words[0].lower() in _PARTY_OPENERS and words[1][:1].islower()


_NO_COMMENT_OBJECT = re.compile(
    r"^(?:to\s+)?(?:(?:a|an|the|our|his|her|their|repeated|several|multiple|\S+[’']s)\s+)*"
    r"(?:requests?|calls?|messages?|emails?|inquir\w*|questions?)\b.{0,60}\b(?:comment|seeking)|"
    r"^(?:to\s+)?comment\b\W*$"
)


def no_comment_object(content: str) -> bool:
    """'to our message seeking comment', 'calls asking for comment': the object of 'did not
    respond' or 'declined', which says nothing; the sourcing lists who did not comment."""
    return _NO_COMMENT_OBJECT.match(content.strip()) is not None


def find_no_comment(sentence: Sentence) -> list[FoundNoComment]:
    """'X, Y and Z did not respond to requests for comment' and its variants."""
    text = sentence.text
    if not _maybe_no_comment(text):
        return []
    for pattern, response in (
        (_NO_RESPONSE, "did_not_respond"),
        (_DECLINED, "declined"),
        (_UNAVAILABLE, "unavailable"),
    ):
        match = pattern.search(text)
        if not match:
            continue
        if response == "did_not_respond" and not re.search(
            r"comment|request|inquir|message|call|email|question",
            text[match.end() : match.end() + 80],
        ):
            continue
        before = text[: match.start()]
        before = re.sub(r"(?:\s+(?:also|immediately|still|yet))+\s*$", "", before)
        return [FoundNoComment(who, response, sentence.paragraph) for who in _subject_list(before)]
    return []


@dataclass(frozen=True, slots=True)
class FoundDispute:
    """A claim and who disputes it."""

    claim: str
    disputed_by: str | None
    paragraph: int
    start: int


_DISPUTE_AFTER = re.compile(
    r",?\s+(?:though|although|but|while)\s+(?P<by>[^,;]{1,80}?)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:disputed|denied|contested|rejected|dismissed|challenged|disagreed\s+with)\s+"
    r"(?:this|that|it|the\s+\w+)"
)
_DISPUTE_VERB = re.compile(
    r"^(?P<by>[A-Z][^,;]{0,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:strongly\s+|flatly\s+)?"
    r"(?:disputed|denied|disputes|denies|contested|rejected|rejects)\s+(?:the\s+)?"
    r"(?:claims?|allegations?|reports?|assertions?|accusations?|suggestions?|charges?)?\s*"
    r"(?:that\s+)?(?P<claim>.{12,})$"
)


def find_dispute(sentence: Sentence) -> FoundDispute | None:
    """'A said B, though others disputed this' / 'X denied (the claim) that …'."""
    text = sentence.text
    if not _maybe_dispute(text):
        return None
    match = _DISPUTE_AFTER.search(text)
    if match:
        claim = text[: match.start()]
        claim = re.sub(
            r"^.*?\b(?:said|says|told\s+\w+|argued|claimed)\s+(?:that\s+)?", "", claim, count=1
        )
        if len(claim.split()) >= 3:
            return FoundDispute(
                claim.strip(" ,"), match.group("by").strip(), sentence.paragraph, sentence.start
            )
    match = _DISPUTE_VERB.match(text)
    if match and len(match.group("by").split()) <= 8:
        claim = match.group("claim").rstrip(" .")
        return FoundDispute(claim, match.group("by").strip(), sentence.paragraph, sentence.start)
    return None
