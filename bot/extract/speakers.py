"""Speakers: what kind of thing a speaker phrase names, and who a pronoun or surname means.

A reader wants "Vladimir Putin", not "he" or "Putin", so mentions of people are tracked in
reading order: a full name introduces a person, a later surname or pronoun refers back to the
most recent fitting person. Phrases that are not people (unnamed sources, organisations,
documents) are classified so the summary can report how a story is sourced.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass, field

from bot.core.text import TITLE_ABBREVIATIONS, word_positions
from bot.extract.cues import SPEECH_WORDS
from bot.extract.gender import gender_of, is_given_name, pronoun_gender
from bot.extract.lexicon import (
    ANON_WORDS,
    ARTICLE_WORD,
    BARE_FORCES,
    CLAUSE_WORDS,
    COORDINATORS,
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_WORDS,
    FAMILY_NAMES_FIRST,
    LY_NOUNS,
    MONTHS,
    NAME_ARTICLE,
    NATIONALITIES,
    NOT_SPEAKER_START,
    ORG_WORDS,
    PARTICIPLES_LIST,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    RELATION_WORDS,
    TITLES,
    UPPER,
    WEEKDAYS,
    is_person_noun,
)
from bot.extract.lexicon import NOT_FIRST as _NOT_FIRST
from bot.extract.lexicon import SUBJECT_PRONOUNS as _SUBJECT_PRONOUNS

log = logging.getLogger(__name__)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Words that make a capitalised run a title or role rather than part of a name.
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    "both": 2, "another": 1,
}  # fmt: skip
_TOKEN = re.compile(r"[\w’'.-]+")
#: The tails after the capital of the titles that end in a full stop inside a name ('Mr.',
#: 'Sen.', 'Det.'), longest first.
_TITLE_TAILS = "|".join(sorted({w[1:] for w in TITLE_ABBREVIATIONS}, key=lambda t: (-len(t), t)))
_NAME_TOKEN = (  # a capital, then: Mr. Mrs. Dr. Sen. Det. ... | U.S. | word
    r"[" + UPPER + r"](?:(?:" + _TITLE_TAILS + r")\.|\.(?:[A-Z]\.)*|[\w’'-]*+)"
)
#: Lower-case particles inside a name ('Chad le Roux', 'Ana de la Cruz'), one list for the
#: runs that find names and for the test of a name's shape.
NAME_PARTICLES = (
    "de",
    "van",
    "von",
    "bin",
    "al",
    "la",
    "le",
    "del",
    "da",
    "ten",
    "ter",
    "der",
    "den",
    "du",
    "di",
)
_PARTICLE = r"(?:" + "|".join(NAME_PARTICLES) + r")"
#: One or two particles ('le', 'von der') between two words of a name.
_PARTICLES = r"(?:" + _PARTICLE + r"\s+){1,2}"
_NAME_RUN = re.compile(
    r"(?:" + NAME_ARTICLE + r")?" + _NAME_TOKEN
    + r"(?:\s+(?:" + _PARTICLES + r"|" + NAME_ARTICLE + r")?" + _NAME_TOKEN + r")*"
)  # fmt: skip
_MULTI_RUN = re.compile(
    _NAME_TOKEN
    + r"(?:\s+(?:" + _PARTICLES + r"|" + NAME_ARTICLE + r")?" + _NAME_TOKEN + r")+"
)  # fmt: skip
#: A role before an apposed name: 'The group's executive director, Betty Bradley'.
_ROLE_HEAD = re.compile(
    r"^(?:The|A|An|Its|His|Her|Their|[A-Z][\w-]*[’']s)\s+(?:[\w’'-]+\s+){0,5}[a-z][\w-]*"
    # 'The envoy to Vell, Jo Li': the role may end on the place or body it serves
    r"(?:\s+(?:to|of|for|at|in|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?$"
)
#: The same with a capitalised office as its noun ('The Harbour Board Special Envoy to
#: Vell, Jo Li'): the noun must be a person noun ('The Tarn Port Authority, …' is none).
_ROLE_HEAD_TITLED = re.compile(
    r"^(?:The|A|An)\s+(?:[\w’'-]+\s+){0,5}?(?P<noun>[A-Z][\w-]*)"
    r"(?:\s+(?:to|of|for|at|in|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?$"
)
_OWNER_KIN = re.compile(
    r"^(?P<owner>[A-Z][\w-]+)[’']s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
    r"widow|widower)$"
)
_OF_PLACE = re.compile(r"^(?P<run>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r")+)\s+of\s+\S")
#: The same after lower-case role words ('former Gov. Jo Brown of Ohio').
_OF_PLACE_AFTER = re.compile(
    r"(?<=\s)(?P<run>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r")+)\s+of\s+\S"
)
#: An age set off after a name: 'Lorna Tessaly, 14,'.
_AGE_AFTER = re.compile(r",\s\d{1,3}[,.]")
_CAPITALISED = re.compile(r"[" + UPPER + r"][\w’'-]+")
#: The capitalised words right before a position ('Harbour ' before 'Guild').
_CAPITALISED_LEAD = re.compile(r"(?:[" + UPPER + r"][\w’'-]+\s+)+$")
#: A body's name opened before a phrase's last 'of' or 'for' ('the Ministry of', 'the
#: Department for').
_BODY_OF = re.compile(r"\b([" + UPPER + r"][\w-]+)\s+(?:of|for)$")
#: How far back a pronoun looks for a bare surname ("… Putin … he …").
LOOKBACK = 600
_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """A classified speaker phrase: ``kind`` is person, pronoun, anonymous, organisation,
    document or group."""

    kind: str
    name: str
    role: str | None = None
    count: int | None = None
    phrase: str = ""


#: Generational suffixes after a surname ('William Bruce Reese II', 'Harry B. Marr Jr.'), as
#: ``_clean`` leaves them.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname_at(words: list[str]) -> int:
    """The index of a run's surname: its last word, or the one before its generational
    suffixes ('King' in 'Dan Edward King Jr.')."""
    at = len(words) - 1
    while at > 0 and _clean(words[at]) in _SUFFIXES:
        at -= 1
    return at


def _suffix(name: str) -> str:
    """'jr' or 'sr' when a name ends with it, else '': a father and a son are two people
    ('Michael Okoro Sr.', 'Michael Okoro'); a numeral is often dropped by the same story
    ('Ivo Lind III' is 'Ivo Lind'), so it does not tell people apart."""
    last = _clean(name.rsplit(None, 1)[-1]) if name else ""
    return last if last in ("jr", "sr") else ""


@functools.lru_cache(maxsize=4096)  # asked again for each mention of a known name
def surname_of(name: str) -> str:
    """The family name of a full name as written, past a generational suffix ('Reese' of
    'William Bruce Reese II'): what a later mention of the person uses."""
    words = name.split()
    return words[_surname_at(words)] if words else name


@functools.lru_cache(maxsize=8192)
def _clean(word: str) -> str:
    """Lower-case word without surrounding punctuation or a possessive ending."""
    word = word.strip(".,;:").lower()
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word.rstrip("'’")


def clean_word(word: str) -> str:
    """Lower-case word without surrounding punctuation or a possessive ending."""
    return _clean(word)


@functools.lru_cache(maxsize=4096)
def split_name(run: str) -> tuple[str, str | None]:
    """Split a capitalised run such as "Democratic Congressman Mike Quigley" into name, role.

    The name is what follows the last title-like word; with no title word, the whole run is
    the name.
    """
    words = run.split()
    last_title = -1
    for i, word in enumerate(words[: _surname_at(words)]):  # 'King' of '… King Jr.' is no title
        low = _clean(word)
        if (
            low in TITLES
            or low in PERSON_NOUNS  # 'Producer Andy Wilman', 'Novelist Ann Lee'
            or (i == 0 and is_person_noun(low))  # 'Stylist Ann Lee' ('United Methodist …')
            or low in ORG_WORDS
            or low in NATIONALITIES
            or low in ("u.s", "u.n", "u.k")
            or word.endswith(("'s", "’s"))  # "MIT's Jim Walsh": the owner is not the name
            or ("-" in low and _hyphenated_role(low))  # 'London-based Seymour', 'Co-founder'
        ):
            last_title = i
    name = " ".join(words[last_title + 1 :])
    role = " ".join(words[: last_title + 1]) or None
    if role and " " not in name and last_title == 0 and _clean(words[0]) in NATIONALITIES:
        return run, None  # 'German Ortega': a given name that is also a nationality
    if role and " " not in name and _clean(words[last_title]) in REGNAL_TITLES:
        # 'Britain’s Prince Harry', 'Pope Francis': the title is part of a one-word name
        return f"{words[last_title]} {name}", " ".join(words[:last_title]) or None
    return name, role


def _hyphenated_role(low: str) -> bool:
    """A hyphenated word before a name that is a role: a base or a birthplace ('London-based',
    'Oslo-born'), or a trade whose last part is a role noun ('cabinet-maker', 'owner-breeder',
    'co-founder'); given names ('Jean-Paul') never are."""
    head = low.rpartition("-")[2]
    return head in _HYPHEN_ROLES or is_person_noun(head) or head.endswith(("maker", "breeder"))


_HYPHEN_ROLES = frozenset({"based", "born"})


#: Titles that go with a single given name and stay with it ('Pope Francis', 'King
#: Charles'), so the title is part of how the person is named.
REGNAL_TITLES = frozenset(
    "king queen prince princess pope emperor empress sultan emir sheikh sheik duke duchess".split()  # noqa: SIM905
)


def is_name_like(phrase: str) -> bool:
    """Two to four capitalised words (initials allowed) that are not an organisation."""
    words = phrase.split()
    if not 1 <= len(words) <= 4:
        return False
    for w in words:  # plain loops: this runs for every capitalised run of the article
        if not (w[:1].isupper() or w in NAME_PARTICLES or ARTICLE_WORD.match(w)):
            return False
    lows = [_clean(w) for w in words]
    last = _surname_at(words)  # 'Dan Edward King Jr.': the surname is the word before 'Jr.'
    for at, low in enumerate(lows):
        if low in ORG_WORDS or (
            low in TITLES
            and (at < last or low not in _SURNAME_TITLES)
            and not (at == 0 and len(words) == 2 and low in REGNAL_TITLES)
        ):
            return False
    if len(words) == 1 and (lows[0] in ANON_WORDS or lows[0] in NUMBER_WORDS):
        return False  # 'Someone', 'Officials': an unnamed source; 'Two (weeks later)': no name
    if len(words) > 1 and not _person_shaped(words, lows):
        return False
    if lows[0] in _THIRD_PERSON:
        return False  # 'She Googled herself': a pronoun and a capitalised verb
    if _contracted_pronoun(words[0]):
        return False  # 'I’ve', 'You’re' opening a quoted sentence: a pronoun, no name
    return lows[-1] not in DOCUMENT_WORDS  # 'Transcript', 'Video Transcript:'


def _person_shaped(words: list[str], lows: list[str]) -> bool:
    """Not a place, an event or a day ('Okafor Square', 'Gulf War', 'Port Tarn', 'Appearing
    Tuesday'), nor nationalities alone ('Native American', 'American Greek'), nor a body's
    initials after a word in lower case ('Tarn HYC'; a Roman numeral or a transcript
    label in capitals is a name)."""
    if lows[-1] in PLACE_HEADS or lows[0] in PLACE_OPENERS or not _WEEKDAYS.isdisjoint(words):
        return False
    last = words[-1]
    initials = 2 <= len(last) <= 4 and last.isupper() and last.isalpha() and last.strip("IVX")
    if initials and not words[0].isupper():
        return False
    return not _NATIONAL.issuperset(lows)


_WEEKDAYS = frozenset(WEEKDAYS)
#: Pronouns that stand for someone named elsewhere, never part of a name.
_THIRD_PERSON = frozenset({"he", "she", "they"})
_NATIONAL = NATIONALITIES | DEMONYMS | {"native"}


def _contracted_pronoun(word: str) -> bool:
    """'I'm', 'I’ve', 'We'd': a pronoun with a contracted verb, which a capital makes look
    like a one-word name."""
    cut = max(word.find("'"), word.find("’"))
    return cut > 0 and word[:cut].lower() in PRONOUNS


#: Title words that are also surnames when they end a name ('Howard King', 'Ann Bishop').
_SURNAME_TITLES = frozenset({"king", "prince", "bishop", "judge", "queen", "white", "major"})


def _count(words: list[str]) -> int | None:
    for word in words[:3]:
        low = word.lower()
        if low in NUMBER_WORDS:
            return NUMBER_WORDS[low]
        if low.isdigit() and 0 < int(low) < 10000:
            return int(low)
    return None


#: 'early figures from harbour polls conducted for X by Y': a source phrase too long to be a
#: speaker keeps its head, the words before the participle that says who made it.
_MADE_BY = re.compile(
    r"\s(?:conducted|obtained|released|published|commissioned|reviewed|issued|prepared|"
    r"compiled|seen|carried\s+out)\s+(?:by|for)\s"
)


#: Conjunctions a speaker phrase may come with from the sentence ('But Ortiz said').
_CONJUNCTIONS = COORDINATORS
#: Adverbs of sequence between such a conjunction and a pronoun subject.
_THEN = frozenset({"then", "now", "also", "still", "later", "again"})


#: Words that are never a speaker on their own.
_NO_LONE_SPEAKER = (
    (frozenset(_NOT_FIRST) - {"east", "west", "north", "south"})  # Cornel West speaks
    | frozenset(PARTICIPLES_LIST)
    | frozenset("the a an this that these those former adding asked".split())  # noqa: SIM905
    | frozenset("nobody everyone everybody anyone anybody none".split())  # noqa: SIM905
    | {day.lower() for day in WEEKDAYS}
    | {month.lower() for month in MONTHS if month != "May"}  # Theresa May speaks
)


def _speaker_shaped(words: list[str]) -> bool:
    """Reject adverbials and fragments that the frame patterns can mistake for a subject."""
    if "who" in words[1:]:  # 'a port official who spoke privately'
        words = words[: words.index("who", 1)]
    first, last = words[0].lower().strip(",.“”\"'‘’"), words[-1]
    if first in NOT_SPEAKER_START or last.endswith(("’s", "'s")) and len(words) == 1:
        return False
    if len(words) == 1 and first in _NO_LONE_SPEAKER:
        return False  # 'The', 'Former', 'Adding', 'Wednesday': a word left of a clause
    if _date_or_number(words):
        return False  # '2019', '45', 'March 1', 'May 4, 2019': a date or a number
    if last[:1].islower() and last.endswith("ly") and len(last) > 3 and last not in LY_NOUNS:
        return False  # 'Moscow strongly' (but 'the board's tally', 'his family')
    return not (len(words) == 1 and words[0].isupper() and len(words[0]) > 7)  # a dateline


def _date_or_number(words: list[str]) -> bool:
    """Numbers only, or a day or month name with a number ('March 1'): never a speaker."""
    if len(words) > 4 or not words[-1].strip(",.").isdigit():
        return False
    return all(w.strip(",.").isdigit() or w.strip(",.") in _CALENDAR for w in words)


#: Prepositions of time and place: the one word after them ends a source phrase ('a survey
#: released on Thursday', 'a poll in Iowa'), it does not name who spoke.
_TIME_PLACE_PREPOSITIONS = frozenset({"on", "in", "at", "from"})
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)


def _time_or_place(name: str, before: str) -> bool:
    """A one-word run that is a day, a month, or follows 'on/in/at/from' after other words."""
    if " " in name:
        return False
    return name in _CALENDAR or (
        " " in before and before.rsplit(" ", 1)[-1].lower() in _TIME_PLACE_PREPOSITIONS
    )


def _placed_unnamed(before: str) -> bool:
    """Words before a capitalised run that place unnamed sources in it ('Police in', 'city
    officials at'): the run is where they are, not who speaks."""
    words = [_clean(w) for w in before.split()]
    return (
        2 <= len(words) <= 4
        and words[-1] in _TIME_PLACE_PREPOSITIONS
        and (words[-2] in ANON_WORDS or words[-2] in BARE_FORCES)
        and all(_modifier(w) for w in words[:-2])  # not 'telling supporters in …', 'That's
    )  # why people in …': clauses


def _modifier(word: str) -> bool:
    """A word that may stand before the noun of unnamed sources ('city', 'local')."""
    return word.isalpha() and not word.endswith(("ing", "ed")) and word not in _NOT_MODIFIERS


_NOT_MODIFIERS = CLAUSE_WORDS | NOT_SPEAKER_START | {"why", "how", "what", "who"}


def _interjection(apposition: str) -> bool:
    """A sentence adverb set off by commas after the subject ('however', 'for example',
    'in turn', 'too'): it qualifies the sentence, it does not describe the speaker."""
    words = apposition.lower().split()
    return len(words) <= 3 and (words[0] in NOT_SPEAKER_START or apposition in ("too", "though"))


#: 'the institute's Jim Walsh', 'the team's meteorologist Jo Li': what stands before a name
#: after 'the' ends in a possessive, or in a possessive and the role it owns.
_OWNED_ROLE = re.compile(r"[’']s(?:\s+[a-z][\w-]*){0,3}$")


def _role_before(before: str) -> bool:
    """'the institute's Jim Walsh', 'the team's meteorologist Jo Li', 'the club chairman
    Jo Li': words after 'the' before a name are the person's role when they end in an
    owner or a role noun; 'the Bank of …' ends in neither and is no person, and after a
    preposition the name is another's ('the campaign of nominee Jo Li', 'the envoy to
    Tarnia', 'the fiancée of star Jo Li')."""
    words = before.split()
    if not PREPOSITIONS.isdisjoint(w.lower() for w in words):
        return before.endswith(("'s", "’s"))
    return _OWNED_ROLE.search(before) is not None or is_person_noun(_clean(words[-1]))


#: Unnamed people around a named one ('people close to', 'an aide to', 'allies of'): the
#: speaker is them, not the person named. A spokesman speaks for the person and stays theirs.
_AROUND_NAME = re.compile(
    r"\b(?:people|sources?|aides?|advis[eo]rs?|allies|friends|associates|insiders|officials|"
    r"someone|those)\s+(?:(?:close(?:st)?\s+)?to|of)$|"
    # 'a spokesman for Ana Reyes', 'lawyers for the Reyes family': who speaks for them
    r"\b(?:spokes(?:man|woman|person|people)|lawyers?|attorneys?|publicists?|"
    r"representatives?|counsel)\s+for$",
    re.IGNORECASE,
)


def _titled_role(head: str) -> bool:
    """Is ``head`` a role whose office is capitalised ('The Tarn Special Envoy to Vell'), or
    a short role with no determiner ending on a person noun ('Tarnian president')?"""
    match = _ROLE_HEAD_TITLED.match(head[:1].upper() + head[1:])
    if match is not None and match.group("noun").lower() in PERSON_NOUNS:
        return True
    words = head.split()
    return 1 < len(words) <= 5 and words[-1].islower() and words[-1] in PERSON_NOUNS


#: Interjections opening a sentence ('Yep, that says it all'): no source.
_NO_SOURCE_WORDS = frozenset("yep yes yeah nope well oh ok okay".split())  # noqa: SIM905
#: Single words that stand for unnamed sources however they are written ('Others say',
#: 'Another said', for another post or official): never a person's name.
_GROUP_WORDS = QUANTIFIERS | {"another"}


@functools.lru_cache(maxsize=4096)
def classify(phrase: str) -> SpeakerRef | None:
    """Classify a speaker phrase; None when it does not look like a speaker at all."""
    if "(" in phrase:
        phrase = _PARENTHESES.sub("", phrase)
    phrase = phrase.strip(" ,;:—–-")
    if not phrase or len(phrase) > 160:
        return None
    lead, _, rest = phrase.partition(" ")
    if rest and lead.lower() in _CONJUNCTIONS:
        phrase = rest  # 'But Ortiz', 'And the council': the conjunction is no part of it
        lead, _, rest = phrase.partition(" ")
        if lead.lower() in _THEN and rest.lower() in PRONOUNS:
            phrase = rest  # 'And then he', 'But now she'
    head, _, apposition = phrase.partition(", ")
    apposition = apposition.rstrip(", ") or ""
    if apposition and _interjection(apposition):
        phrase, apposition = head, ""  # 'Aides, however, said': no part of the speaker
    elif apposition.lower() in _SUBJECT_PRONOUNS:
        # 'The levy, he said, "…"': a topic set before a parenthetical attribution; the
        # speaker is the pronoun
        return SpeakerRef("pronoun", apposition.lower(), phrase=apposition)
    words = head.split()
    if len(words) > 14 and (made := _MADE_BY.search(head)) and made.start() > 0:
        head = head[: made.start()]
        words = head.split()
    low = [_clean(w) for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return SpeakerRef("pronoun", low[0], phrase=phrase)
    if len(words) == 1 and low[0] in _NO_SOURCE_WORDS:
        return None  # 'Yep, that says it all'
    if len(words) == 1 and low[0] in _GROUP_WORDS:
        return SpeakerRef("group", head, phrase=phrase)  # 'Others say', 'Many believe'
    if len(words) == 2 and low[0] in _THIRD_PERSON and words[1].islower():
        return SpeakerRef("pronoun", low[0], phrase=words[0])  # 'He paused, then said
    if len(words) == 2 and low[0] == "the" and low[1] in DEMONYMS:
        return SpeakerRef("group", head, phrase=phrase)  # 'the Frenchman': a description
    if words and _contracted_pronoun(words[0]):
        return None  # 'I’m' opening a sentence: the subject is the pronoun, never a name
    if not words or len(words) > 14 or not _speaker_shaped(words):
        return None
    # after a quote the role opens in lower case: '…," the board's chief, Jo Li, said'
    if apposition and (_ROLE_HEAD.match(head[:1].upper() + head[1:]) or _titled_role(head)):
        named = _NAME_RUN.fullmatch(apposition.split(", ", 1)[0].rstrip(" ,."))
        if named and " " in named.group() and is_name_like(named.group()):
            return SpeakerRef("person", named.group(), head, 1, phrase)  # 'The CEO, Jo Li'
        if named and " " in named.group():  # 'The chair, Dame Ana Ortiz': the name after it
            name, title = split_name(named.group())
            if title and " " in name and is_name_like(name):
                return SpeakerRef("person", name, head, 1, phrase)
        apposed = _named_body(head, apposition)
        if apposed is not None:
            return apposed  # 'The ruling party, the Harbour Democratic Party': the body by name
        kin = _OWNER_KIN.match(head) if named else None
        if named and kin and is_name_like(named.group()):  # "Ortiz's husband, Carlos"
            return SpeakerRef("person", f"{named.group()} {kin.group('owner')}", head, 1, phrase)
    placed = _OF_PLACE.match(head) if "of" in head else None
    lead = ""
    if placed is None and " of " in head:  # 'former Gov. Jo Brown of Ohio': after role words
        placed = _OF_PLACE_AFTER.search(head)
        lead = head[: placed.start("run")].strip() if placed else ""
        if placed and lead.split()[-1].lower() in PREPOSITIONS:
            # 'A spokesman for Mayor Jo Brown of Tarn': someone of that person's speaks
            if _names_unnamed(lead):
                return SpeakerRef("anonymous", phrase, None, _count(lead.split()), phrase)
            placed = None
        elif placed and all(w[:1].isupper() for w in lead.split()):
            placed = None  # a lead all in capitals is a name of its own ('Tarn Jo Brown of …')
    if placed:  # 'Scott Hawkins of Cheyenne', 'Gov. Jo Brown of Ohio': the person, from a place
        name, role = split_name(placed.group("run"))
        if name.startswith("The ") or (lead and not role and not is_given_name(name.split()[0])):
            name = ""  # after lower-case words, only a title or a known given name makes it a
            # person's ('the Sea Scouts of Tarn' is a body's name)
        if (" " in name or role) and is_name_like(name):  # 'Mr. Peck of SunTrust' too
            where = head[placed.end("run") :].strip()
            role = " ".join(r for r in (lead, role, where, apposition) if r) or None
            return SpeakerRef("person", name, role, 1, phrase)
    if head[:4] in ("the ", "The ") and _the_body(head, low):
        return SpeakerRef("organisation", head, None, None, phrase)
    runs = list(_NAME_RUN.finditer(head))
    last = runs[-1] if runs else None
    if last and last.end() >= len(head.rstrip(" .")) - 0:
        name, role = split_name(last.group())
        before = head[: last.start()].strip()
        if _AROUND_NAME.search(before):  # 'people close to Holt', 'an aide to Holt': not Holt
            count = _count(words)
            return SpeakerRef(
                "anonymous", phrase if len(phrase) < 100 else head, None, count, phrase
            )
        if _placed_unnamed(before):  # 'Police in Elm Cove', 'officials at Tarn Port'
            return SpeakerRef("anonymous", phrase, None, _count(words), phrase)
        if before.endswith(_DEPARTMENT_LEADS) and not role:
            name, department = _after_department(name)  # '… Chief of Marine Patrols
            before = f"{before} {department}" if department else before  # Dave Orme'
        if before:
            role = f"{before} {role}".strip() if role else before
        if apposition and not apposition.startswith(("who ", "which ")):
            role = f"{role}; {apposition}" if role else apposition
        plural_role = " " not in name and _clean(name).rstrip("s") in TITLES
        if (
            " " not in name
            and before.endswith(" of")
            and before[:1].isupper()
            and not TITLES.intersection(_clean(w) for w in before.split())
        ):
            if _names_unnamed(before):
                # 'An official at the Bank of Tarn', 'Supporters of Holt': unnamed people
                return SpeakerRef("anonymous", phrase, None, _count(words), phrase)
            return SpeakerRef("organisation", head, None, None, phrase)  # 'Bank of America'
        # 'a spokeswoman for the Ministry of Harbours', 'a lecturer at the College of
        # Tarn': one word after a body's 'X of' ends the body's name, no person's
        body = _BODY_OF.search(before) if " " not in name else None
        if (
            name
            and not (body and _clean(body.group(1)) in ORG_WORDS)
            and is_name_like(name)
            and not plural_role
            and (not before.lower().startswith("the ") or _role_before(before))
            and not _time_or_place(name, before)
        ):  # 'the Bank of …' is no person, 'the institute's Jim Walsh' is
            if name.endswith(("'s", "’s")):  # 'Mr. Holt's (eyes)': the owner, by name
                name = name[:-2]
            return SpeakerRef("person", name, role, 1, phrase)
    if not RELATION_WORDS.isdisjoint(low):
        return _relation(head, apposition, words, phrase)
    anon = next((i for i, w in enumerate(low) if w in ANON_WORDS), 99)
    doc = next((i for i, w in enumerate(low) if w in DOCUMENT_WORDS), 99)
    if doc + 1 < len(low) and low[doc + 1] in ORG_WORDS:
        doc = 99  # 'The ruling party', 'the polling firm': the word modifies a body
    if doc < anon:
        return _issuer(head, phrase) or SpeakerRef("document", head, None, None, phrase)
    if anon < 99:
        count = _count(words)
        return SpeakerRef("anonymous", phrase if len(phrase) < 100 else head, None, count, phrase)
    if any(w in ORG_WORDS for w in low) or (words[0][:1].isupper() and low[0] != "the"):
        return SpeakerRef("organisation", head, None, None, phrase)
    if low[0] in ("the", "a", "an", "his", "her", "their", "its", "some", "many", "several"):
        return SpeakerRef("group", head, None, _count(words), phrase)
    return SpeakerRef("group", head, None, None, phrase)


#: A body's name, 'the' optional before it: capitalised words and the small words inside
#: names ('the Union of Tarn Ferrymen', 'the Harbour League (HL)').
_BODY_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+(?:(?:of|for|and|on|de|the)\s+){0,2}[A-Z][\w.’'&-]*)*"
    r"(?:\s+\([A-Z]{2,}\))?"
)


def is_body_name(text: str) -> bool:
    """Does ``text`` read as a body's name: capitalised words, the small words inside names
    and an acronym after it, 'the' before it ('the Union of Tarn Ferrymen (UTF)')?"""
    return _BODY_NAME.fullmatch(text) is not None


def _named_body(head: str, apposition: str) -> SpeakerRef | None:
    """The organisation an apposition names after a description of it: 'The ruling party,
    the Harbour Democratic Party'; None unless the description is of a body too."""
    first = apposition.split(", ", 1)[0].rstrip(" ,.")
    if first[:4] not in ("the ", "The ") or not is_body_name(first):
        return None
    described = classify(head)
    if described is None or described.kind not in ("organisation", "group"):
        return None
    body = classify(first)
    if body is None or body.kind != "organisation":
        return None
    return SpeakerRef("organisation", body.name, head, None, first)


def _the_body(head: str, low: list[str]) -> bool:
    """'the Tarn Courier', 'The Tarn County Register': 'the' and two or more capitalised
    words with no title, role or owner among them name a body; no person's name takes 'the'."""
    return (
        len(low) >= 3  # 'the Khans', 'the Trump (campaign)': one word may be a family's
        and "’" not in head
        and "'" not in head  # 'The Post's Ana Ortiz': the owner's reporter
        and is_body_name(head)
        and not any(w in TITLES or is_person_noun(w) or w in REGNAL_TITLES for w in low[1:])
    )


def _relation(head: str, apposition: str, words: list[str], phrase: str) -> SpeakerRef:
    """'A cousin of the suspect', 'another friend, Lena Holm,': one person, by the name the
    apposition gives ('his wife, Ana Ortiz') or unnamed (never a body, as a capitalised
    'A …' at a sentence's start read before)."""
    named = classify(apposition) if apposition else None
    if named is not None and named.kind == "person":
        return SpeakerRef("person", named.name, head, 1, phrase)
    return SpeakerRef("anonymous", head, None, _count(words), phrase)


def _names_unnamed(words: str) -> bool:
    """Whether the words speak of unnamed people ('an official at', 'A spokesman for')."""
    return not ANON_WORDS.isdisjoint(_clean(w) for w in words.split())


#: 'a statement from X', 'the report by X': a document with its issuer named.
_ISSUED_BY = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:[\w.-]+\s+){0,2}?(?:statement|report|release|letter|email|"
    r"e-mail|tweet|post|memo|note)\s+(?:from|by)\s+(?P<who>\S.*)$"
)
_ISSUER_KINDS = frozenset({"person", "organisation", "group", "anonymous"})
#: When the document came out, after its issuer: 'by the Tarnby Herald late in 2013',
#: 'from the harbour board on Saturday'.
_ISSUED_WHEN = re.compile(
    r"\s+(?:on|in|at|to\s+be|earlier|later|last)\b(?=(?:\s+\S+){0,4}?\s+(?:\d{4}|"
    + "|".join(WEEKDAYS + MONTHS)
    + r")\b)"
)


def _issuer(head: str, phrase: str) -> SpeakerRef | None:
    """'a statement from the Tarn Coast Guard' -> the Tarn Coast Guard: the one whose words
    the document gives is the speaker, when it reads as one ('a post from January' does
    not)."""
    match = _ISSUED_BY.match(head)
    if match is None:
        return None
    who = match.group("who")
    when = _ISSUED_WHEN.search(who)
    ref = classify(who[: when.start()] if when else who)
    if ref is None or ref.kind not in _ISSUER_KINDS:
        return None
    return SpeakerRef(ref.kind, ref.name, ref.role, ref.count, phrase)


@dataclass
class People:
    """Person mentions in reading order, for resolving surnames and pronouns.

    Mentions arrive in reading order, so every list here is appended to and searched with
    bisect: the cost stays linear in the article even for megabytes of text.
    """

    surname_at: dict[str, list[int]] = field(default_factory=dict)
    surname_full: dict[str, list[str]] = field(default_factory=dict)
    distinct: dict[str, list[str]] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    full_names: set[str] = field(default_factory=set)
    #: Capitalised words the text also writes in lower case ('Young' and 'young').
    ordinary: dict[str, bool] = field(default_factory=dict)
    #: Full names by their first word: 'Li said' after 'Li Haoran', 'Ruth' after 'Ruth Lind'.
    first_words: dict[str, list[str]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    layout: object = None  # the pronoun resolver's view of the article (coref.Layout)
    text: str = ""

    @property
    def by_surname(self) -> dict[str, list[str]]:
        """Full names known for each surname."""
        return self.distinct

    def add(self, name: str, pos: int, role: str | None = None, *, record: bool = True) -> str:
        """Resolve a mention to the full name; with ``record``, remember it (in order)."""
        honorific = None
        bare = " " not in name and _clean(name) in self.distinct
        if " " not in name and not bare:
            name = self._knighted(name, pos, role) or name  # 'Dame Ana': Ana Ortiz
        if (bare or name not in self.gender) and (role or "M" in self.text[max(0, pos - 5) : pos]):
            honorific = gender_of("", f"{self.text[max(0, pos - 5) : pos]} {role or ''}")
        if honorific and bare:
            full = self.resolve_gendered(name, pos, honorific)  # 'Mrs. Clinton' is the woman
        else:  # a known full name resolves to itself: no call for the commonest case
            full = name if name in self.full_names else self.resolve_name(name, pos)
        if role and full not in self.roles:
            self.roles[full] = role
        if full not in self.gender and honorific and gender_of(full) in (None, honorific):
            self.gender[full] = honorific  # 'Mrs. Ana Ortiz', 'Congresswoman Ana Ortiz'
        if not record or (self.positions and pos < self.positions[-1]):
            return full
        parts = full.split()
        if len(parts) > 1:
            surname = _clean(surname_of(full))
            fulls = self.surname_full.setdefault(surname, [])
            if not fulls or fulls[-1] != full:
                self.surname_at.setdefault(surname, []).append(pos)
                fulls.append(full)
            known = self.distinct.setdefault(surname, [])
            if full not in known and len(known) < 16:
                known.append(full)
                self.full_names.add(full)
                self.first_words.setdefault(_clean(parts[0]), []).append(full)
        if not self.names or self.names[-1] != full:
            self.positions.append(pos)
            self.names.append(full)
        return full

    def _knighted(self, given: str, pos: int, role: str | None) -> str | None:
        """'Sir Tom', 'Dame Ana': these address a knight or dame by the given name, so the
        word is the given name of the latest full name that opens with it."""
        before = role or self.text[max(0, pos - 5) : pos]
        if not before.rstrip().endswith(("Sir", "Dame")):
            return None
        return next((n for n in reversed(self.names) if n.split()[0] == given and " " in n), None)

    def knows(self, surname: str) -> bool:
        """Whether the article named a person with this surname ('King' of 'Dan Edward King
        Jr.'): a one-word speaker that is a title or looks like a body is that person."""
        return _clean(surname) in self.distinct

    def resolve_name(self, name: str, pos: int) -> str:
        """The full name a surname (or title + surname) stands for near ``pos``."""
        if name in self.full_names:
            return name  # already a full name (the common case while scanning)
        words = name.split()
        if not words:
            return name
        key = _clean(surname_of(name))
        known = self.distinct.get(key)
        if not known:
            return (self._by_first_word(key) if len(words) == 1 else None) or name
        if len(words) > 1:
            given, suffix = _clean(words[0]), _suffix(name)
            same = [
                f
                for f in known
                if (_clean(f.split()[0]) == given and _suffix(f) == suffix)
                or f.endswith(" " + name)
            ]  # 'Michael Okoro Sr.' is not 'Michael Okoro', but 'Okoro Sr.' is 'Michael Okoro Sr.'
            if same or given.rstrip(".") not in TITLES:
                return same[-1] if same else name
        return self._first_named(key, pos)

    def _first_named(self, key: str, pos: int) -> str:
        """The full name a bare surname stands for: the first one the story introduced
        before ``pos`` (outside its title line, which may run a headline's words into a
        name). News keeps the bare surname for the person it is about and names a relative
        who shares it in full ('Ana Reyes … her father, Tomas Reyes, … Reyes said' is
        Ana Reyes)."""
        at = self.surname_at[key]
        fulls = self.surname_full[key]
        i = bisect.bisect_right(at, pos)
        title_end = self.text.find("\n")
        named = [f for f, p in zip(fulls[:i], at[:i], strict=True) if p > title_end]
        if len(set(named)) == 1:
            return named[0]  # the common case: one person of that surname
        first = next((f for f in named if not self._ordinary_word(f.split()[0])), None)
        return first or (fulls[i - 1] if i else fulls[0])

    def _ordinary_word(self, word: str) -> bool:
        """A capitalised word that opened a run at a sentence start but is no given name:
        the article writes it in lower case elsewhere ('Young Holt said' and 'young
        voters'); a given name the lists know ('Tom') counts as a name all the same."""
        low = word.lower()
        if low == word or is_given_name(word):
            return False
        found = self.ordinary.get(low)
        if found is None:  # one search of the text per word, whatever the number of names
            found = self.ordinary[low] = bool(word_positions(self.text, low))
        return found

    def _by_first_word(self, word: str) -> str | None:
        """'Li said' after 'Li Haoran', 'Ruth said' after 'Ruth Lind': a one-word name
        that is no known surname is the one full name the article opened with it, when that
        word is a family name written first or a given name; any other capitalised word
        ('Tarnby' of 'Tarnby Harbour') says nothing about who is meant."""
        fulls = self.first_words.get(word)
        if fulls is None or len(fulls) != 1:
            return None
        if word in FAMILY_NAMES_FIRST or is_given_name(word):
            return fulls[0]
        full = fulls[0]  # a given name the lists miss: the run must have been set up as a person
        return full if full in self.roles or self._aged(full) else None

    def _aged(self, full: str) -> bool:
        """'14-year-old Lorna Tessaly', 'Lorna Tessaly, 14,': an age marks the run a person."""
        at = self.text.find(full)
        if at < 0:
            return False
        return self.text.endswith("year-old ", max(0, at - 10), at) or bool(
            _AGE_AFTER.match(self.text, at + len(full))
        )

    def gender_for(self, full: str) -> str | None:
        """What the article or the given name says about a person's gender, if anything."""
        return gender_of(full) or self.gender.get(full)  # a given name outweighs a guess

    def resolve_gendered(self, surname: str, pos: int, gender: str | None) -> str:
        """The full name a bare surname stands for, preferring one of ``gender``.

        "Mrs. Clinton" after both Clintons were named is the woman, whoever came last.
        """
        key = _clean(surname)
        fulls = self.surname_full.get(key, [])
        at = self.surname_at.get(key, [])
        i = bisect.bisect_right(at, pos)
        before = fulls[:i] or fulls[:1]
        if gender:
            for full in reversed(before):
                if (self.gender_for(full) or gender) == gender:
                    return full
        return before[-1] if before else surname

    def resolve_pronoun(self, pos: int, pronoun: str) -> str | None:
        """The nearest person before ``pos`` whose gender fits the pronoun.

        Candidates are the surnames in the look-back window, then the recorded full names,
        nearest first; a person of unknown gender fits either pronoun, and the pronoun then
        teaches the person's gender for later pronouns.
        """
        want = pronoun_gender(pronoun)
        i = bisect.bisect_left(self.positions, pos)
        recorded = self.positions[i - 1] if i else -1
        window_start = max(recorded + 1, pos - LOOKBACK, 0)
        candidates: list[str] = []
        for m in reversed(list(_CAPITALISED.finditer(self.text, window_start, pos))):
            if _clean(m.group()) in self.distinct:
                full = self.resolve_name(m.group(), m.start())
                if self._after_the(full, m.start()):
                    continue
                honorific = gender_of("", self.text[max(0, m.start() - 5) : m.start()])
                if honorific and full not in self.gender:
                    self.gender[full] = honorific
                candidates.append(full)
        candidates.extend(
            self.names[k]
            for k in range(i - 1, max(-1, i - 13), -1)
            if not self._after_the(self.names[k], self.positions[k])
        )
        if want is None:
            return candidates[0] if candidates else None
        for candidate in candidates[:12]:
            known = self.gender_for(candidate)
            if known is None or known == want:
                if known is None:
                    self.gender[candidate] = want
                return candidate
        return None

    def _after_the(self, full: str, at: int) -> bool:
        """Is the name at ``at`` written after 'the' ('members of the Harbour Guild') with
        no gender known? Then it names a body or a people, not someone a 'he' or 'she'
        stands for."""
        if full in self.gender:
            return False
        lead = _CAPITALISED_LEAD.search(self.text, max(0, at - 60), at)
        start = lead.start() if lead else at
        return self.text[max(0, start - 4) : start].lower() == "the "

    def last_before(self, pos: int) -> str | None:
        """The most recently mentioned person before ``pos``, full name or bare surname."""
        i = bisect.bisect_left(self.positions, pos)
        recorded = self.positions[i - 1] if i else -1
        window_start = max(recorded + 1, pos - LOOKBACK, 0)
        surnames = [
            m
            for m in _CAPITALISED.finditer(self.text, window_start, pos)
            if _clean(m.group()) in self.distinct
        ]
        if surnames:
            last = surnames[-1]
            return self.resolve_name(last.group(), last.start())
        return self.names[i - 1] if i else None


def scan_people(text: str, people: People, base: int = 0) -> None:
    """Register every full name (two or more capitalised words that look like a person).

    Single surnames are not scanned here; ``People.last_before`` looks back for them only
    when a pronoun needs resolving, which is rare enough to be cheap.
    """
    text = _without_nicknames(text)
    for match in _MULTI_RUN.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "’'"):
            continue
        run = match.group()
        if "  " in run:
            run = " ".join(run.split())  # a nickname blanked out of it
        if run.isupper():  # 'FULL TEXT.', 'HARBOUR TV': a label or a brand, no person; but
            if start or not text[match.end() :].lstrip(" ").startswith(":"):
                continue
            run = label_name(run)  # a transcript speaker's label line ('JO LIND: …') is one
        found = _person_in_run(run)
        if found and text.endswith(_DEPARTMENT_BEFORE_RUN, 0, start):
            name, department = _after_department(found[0])
            if department:  # 'Deputy Chief of Marine Patrols Dave Orme', as ``classify`` reads it
                found = (name, found[1], found[2] + len(department) + 1)
        if found:
            name, role, at = found
            people.add(name, base + start + at, role)


#: A nickname in quotation marks between a given name and a surname: 'Teo "the Gull"
#: Lind', 'Rafe “Skip” Ortiz' (one capitalised word, and a one-word surname after it,
#: so that a quoted title or phrase between two names is none).
_NICKNAME = re.compile(
    r"(\b[" + UPPER + r"][a-z][\w’'-]*)( +[\"“](?:[Tt]he )?[" + UPPER + r"][\w’'-]*[\"”] +)"
    r"(?=[" + UPPER + r"][a-z][\w’'-]*(?![\w’'-]| +[" + UPPER + r"]))"
)


def _without_nicknames(text: str) -> str:
    """The text with quoted nicknames inside names blanked (offsets kept), so that
    'Teo "the Gull" Lind' registers Teo Lind, whom a later 'Lind said' is."""
    if not _may_hold_nickname(text):
        return text
    return _NICKNAME.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def _may_hold_nickname(text: str) -> bool:
    """A cheap test before the pattern (run on every paragraph): a mark after a space opens
    one or two words that close within 30 characters, and a capital follows the close."""
    for mark, close in (('"', '"'), ("“", "”")):
        at = text.find(mark)
        while at >= 0:
            end = text.find(close, at + 1, at + 30)
            if (
                end > 0
                and at
                and text[at - 1] == " "
                and text[end + 1 : end + 2] == " "
                and text[end + 2 : end + 3].isupper()
                and text.count(" ", at, end) <= 1
            ):
                return True
            at = text.find(mark, (end if end > 0 else at) + 1)
    return False


#: Words before a run that may open a department's name ('Chief of Marine Patrols Dave Orme').
_DEPARTMENT_LEADS = (" of", " for")
_DEPARTMENT_BEFORE_RUN = tuple(f"{lead} " for lead in _DEPARTMENT_LEADS)


def _after_department(run: str) -> tuple[str, str]:
    """'Marine Patrols Dave Orme' after 'Chief of': the department's name runs into
    the person's, who starts at the first known given name (a later one; the run's first
    word may be a department's as well as a given name); ('name', '') when none is known."""
    words = run.split()
    if len(words) < 3:
        return run, ""
    for at in range(1, len(words) - 1):
        if is_given_name(words[at]):
            return " ".join(words[at:]), " ".join(words[:at])
    return run, ""


def label_name(label: str) -> str:
    """'LIND' -> 'Lind', 'JO LIND' -> 'Jo Lind'; an organisation's acronym stays ('CNN')."""
    return " ".join(w if w.lower() in ORG_WORDS else w.title() for w in label.split())


@functools.lru_cache(maxsize=8192)
def _person_in_run(run: str) -> tuple[str, str | None, int] | None:
    """The person's name (and role) a capitalised run ends with, if any; cached per run."""
    name, role = split_name(_POSSESSIVE.sub("", run))
    first = name.split(" ", 1)
    if len(first) == 2 and " " in first[1] and _opens_clause(first[0].lower(), first[1]):
        name = first[1]  # 'Was Mohammed Emwazi …?', 'Wherever Ann Holt goes', 'For Ann Holt,'

    if (
        " " in name
        and is_name_like(name)
        and not _starts_sentence_word(name)
        and not name.endswith(" I")  # 'Suddenly I …': the writer, not a surname
    ):
        return name, role, run.rfind(name)
    return None


#: Words that open a question before a name ('Did Ann Lee know?').
_QUESTION_OPENERS = frozenset(
    "was is did does has had were are do why how what where would could should".split()  # noqa: SIM905
)


#: Sentence openers ('Though Reyes has …', 'What Sanders showed'): never a given name; 'Per'
#: is one.
_NOT_GIVEN = NOT_SPEAKER_START - {"per"}


#: Conjunctions that open a sentence before a name; never a given name. 'Meet' too, the
#: feature's imperative that introduces its subject ('Meet Ana Ortiz, the …').
_CONJUNCTION_OPENERS = frozenset({"but", "and", "yet", "nor", "meet"})
#: Conjunctions of time, which the preposition list holds too but which open a clause,
#: never a place, so the name after them needs no given name the lists know.
_TIME_CLAUSE = frozenset({"when", "while"})


def _opens_clause(word: str, rest: str) -> bool:
    """Is ``word`` a question's verb or a sentence word before the name ``rest``, not a
    given name? A preposition opens a place as often ('At Boca Park'), so it only counts
    before a known given name ('For Ann Holt, …')."""
    if word in _QUESTION_OPENERS or word in _CONJUNCTION_OPENERS or word in _TIME_CLAUSE:
        return True  # 'But Tom Exner, an engineer, …', 'When Nelda Lind heard …'
    if word in SPEECH_WORDS and not is_given_name(word):
        return True  # 'Tweeted Ivo Lund, …: "…"', 'Added Ann Holt:' (not 'Said Ali')
    if word not in _NOT_GIVEN:
        return False
    return word not in PREPOSITIONS or gender_of(rest) is not None


def _starts_sentence_word(name: str) -> bool:
    """A run opened by a sentence word or a determiner ('Some Holt allies', 'Another Reed
    aide') is no full name: registering 'Some Holt' would give every later 'Holt' to it."""
    first = name.split()[0].lower()
    return (
        first in _NOT_FIRST
        or first in DETERMINERS
        or first in _NOT_GIVEN
        or first in _QUESTION_OPENERS  # 'Does Rubio back it?'
    )
