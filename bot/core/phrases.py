"""The parts of a question around its form: which story, when, about what.

"… in the Voltra story", "… this week", "… on December 19", "about the flood": taken off
the question before the grammar's forms read the rest, or read from what follows a form's
verb, and cleaned into the slots of a ``Query``.
"""

from __future__ import annotations

import re

STORY_WORD = r"(?:story|stories|article|piece|report|coverage|item|news|reporting)"

_STORY = re.compile(
    rf"(?:^|\s+)(?:in|on|from|for|about|of|regarding|within|inside)\s+(?:the\s+|this\s+|that\s+)?"
    rf"(?P<s>(?:(?!\b(?:in|on|from|about|of|for)\s)[^?]){{1,60}}?)\s+{STORY_WORD}$",
    re.I,
)
_STORY_LEAD = re.compile(
    rf"^(?:in|on|from|for|about|regarding)\s+(?:the\s+)?(?P<s>[^,]{{1,60}}?)\s+{STORY_WORD}"
    rf"\s*[,:;-]\s*",
    re.I,
)


def take_story(text: str) -> tuple[str | None, str]:
    """A story named at the end or the start ("… in the Voltra story") and the rest."""
    found = _STORY.search(text)
    if found:
        return story_name(found["s"]), text[: found.start()].strip()
    found = _STORY_LEAD.match(text)
    if found:
        return story_name(found["s"]), text[found.end() :].strip()
    return None, text


def story_name(name: str) -> str:
    name = re.sub(r"^(?:the|this|that|a|an)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"(?:'s|s')$", "", name)


_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_WHEN = re.compile(
    rf"(?:^|\s+)(?P<when>(?:(?:so far |earlier )?this (?:week|month)|last week|"
    rf"(?:in |during |over )?the (?:past|last) (?:week|seven days|7 days)|past week|today|"
    rf"yesterday|(?:on |last |this )?{_WEEKDAY}|(?:on |since )?(?:the )?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?[a-z]{{3,9}}\.?|[a-z]{{3,9}}\.? \d{{1,2}}(?:st|nd|"
    rf"rd|th)?)(?:,? \d{{4}})?|(?:on )?\d{{4}}-\d{{2}}-\d{{2}}))(?=$|\s|[,;?])",
    re.I,
)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def take_when(text: str) -> tuple[str | None, str]:
    """A time phrase outside quotation marks ("this week", "on Friday") and the rest."""
    if '"' in text:
        return None, text
    for found in _WHEN.finditer(text):
        phrase = found["when"]
        bare_number = re.search(r"\d", phrase) and not re.search(r"\d{4}-", phrase)
        if bare_number and not _MONTH_WORD.search(phrase):
            continue  # "4.5 metres" is no date
        rest = (text[: found.start()] + " " + text[found.end() :]).strip()
        rest = re.sub(r"\s+(?:on|since|from|in|during)$", "", " ".join(rest.split()))
        return phrase.strip(), rest
    return None, text


_TOPIC_LEAD = re.compile(
    r"^(?:(?:to|with) )?(?:reporters|journalists|the press|the media|reuters|us|them|"
    r"people|anyone|everyone|him|her|the council|residents|voters|the public)?\s*"
    r"(?:about|on|regarding|concerning|over|re|with regard to|in regard to|in relation to|"
    r"when it comes to|as to|to|of|in response to|in reply to|around|towards?)\s+(?P<t>.+)$",
    re.I,
)
_STORY_REST = re.compile(rf"^(?:in|from|on)\s+(?:the\s+)?(?P<s>.+?)(?:\s+{STORY_WORD})?$", re.I)


def split_rest(rest: str) -> tuple[str | None, str | None]:
    """(topic, story) from what follows a form's verb: "about the flood", "in Voltra"."""
    rest = rest.strip(" ,.;:")
    rest = re.sub(
        r"^(?:(?:anything|something|a word|much|more|so far|exactly|recently|lately|"
        r"publicly|at all|new|else|further)\b\s*)+",
        "",
        rest,
        flags=re.I,
    )
    rest = re.sub(
        r"^(?:reporters|journalists|the press|reuters|the media|the (?:news)?paper|the ledger|"
        r"the courier|the wire|the outlet)$",
        "",
        rest,
        flags=re.I,
    )
    if not rest:
        return None, None
    if re.fullmatch(r"(?:about|on|of|regarding|to|over|with)", rest, flags=re.I):
        return None, None  # "what did Lind warn about?"
    found = _TOPIC_LEAD.match(rest)
    if found:
        return topic_name(found["t"]), None
    found = _STORY_REST.match(rest)
    if found:
        return None, story_name(found["s"])
    return topic_name(rest), None


def topic_name(text: str) -> str | None:
    """A topic without leading articles, trailing fillers or a dangling preposition."""
    text = re.sub(r"\s+(?:of|about|for|with|to|on|over)$", "", text.strip(" ?!."), flags=re.I)
    text = re.sub(
        r"^(?:the|a|an|this|that|these|those)\s+", "", text.strip(" ,.;:?!\"'"), flags=re.I
    )
    text = re.sub(r"\s+(?:at all|so far|lately|recently)$", "", text, flags=re.I)
    return text or None


def speaker_name(text: str) -> str:
    """A speaker reference without quotes or trailing "ever"."""
    return text.strip(" ,.;:?!\"'")
