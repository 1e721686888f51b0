"""Definite descriptions as speakers: 'the senator', 'the 58-year-old', 'the company'.

News names a speaker once ("Sen. Ann Holt", "businessman Tom Reed, 58,", "Acme Corp., the
state's largest employer,") and then refers back with a role or an age: '"…," the senator
said'. A reader resolves the description to the nearest earlier mention whose own words
carry that role; so does this module, when the earlier text says so (the title before the
name, the age or apposition after it). With no such mention, a prominent role ('the
candidate', 'the president') refers to the subject of a sentence just before, as it does in
news style after 'Trump said …'; a source role is never guessed: "the spokesman" of a new,
unnamed source stays "the spokesman".
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Callable

from bot.core.text import word_positions
from bot.extract.coref import quoted_at, recent_subject, sentence_before_with, subject_source
from bot.extract.lexicon import DEMONYMS, PERSON_NOUNS, WEEKDAYS
from bot.extract.speakers import People, SpeakerRef, classify, clean_word, is_body_name, surname_of
from bot.extract.subjects import sentence_subject

log = logging.getLogger(__name__)

#: How far back (characters) a description looks for the mention it refers to.
WINDOW = 3000
#: Most distinct people tried, nearest first.
MAX_PEOPLE = 10

_DESCRIPTION = re.compile(
    r"^[Tt]he\s+(?:(?P<age>\d{1,3})-year-old|(?P<mods>(?:[\w.’'-]+\s+){0,3}?)(?P<noun>[A-Za-z][\w-]*))$"
)
#: Roles a story gives someone it is about, not a new source: with no earlier mention of
#: the role, they refer to the subject just before ('the spokesman' stays unresolved).
_PROMINENT = frozenset(
    """senator governor president candidate nominee congressman congresswoman representative
    mayor judge billionaire businessman businesswoman mogul actor actress singer star
    incumbent challenger chancellor minister secretary king queen prince
    pope premier artist author writer novelist poet painter sculptor photographer designer
    filmmaker director producer rapper comedian musician preacher chef athlete champion
    coach manager player striker midfielder defender goalkeeper driver swimmer skier golfer
    boxer cyclist skipper captain rookie veteran""".split()  # noqa: SIM905
)
#: Family words: 'Ana Reyes, an aunt of the victim, … the aunt said' is Ana Reyes, when an
#: earlier mention says so (never guessed from the subject before).
_KIN = frozenset(
    """aunt uncle mother father sister brother son daughter wife husband widow widower cousin
    niece nephew grandmother grandfather grandson granddaughter""".split()  # noqa: SIM905
)
_NOUN_GENDER = {
    "actress": "f", "businesswoman": "f", "congresswoman": "f", "queen": "f",
    "actor": "m", "businessman": "m", "congressman": "m", "king": "m", "prince": "m",
}  # fmt: skip
#: Short forms a title takes before a name.
_ABBREVIATIONS = {
    "senator": ("sen", "senator"),
    "governor": ("gov", "governor"),
    "representative": ("rep", "representative", "congressman", "congresswoman"),
    "congressman": ("rep", "congressman", "representative"),
    "congresswoman": ("rep", "congresswoman", "representative"),
    "professor": ("prof", "professor"),
    "general": ("gen", "general"),
    "democrat": ("democrat", "democratic", "d"),
    "republican": ("republican", "gop", "r"),
}
#: Nouns for media outlets, which a story also names with the noun after the name
#: ('Harbour Weekly magazine').
_MEDIA_NOUNS = (
    "magazine", "tabloid", "newspaper", "website", "outlet", "station", "broadcaster", "network",
)  # fmt: skip
#: Nouns for organisations, and the endings of a company's name.
_ORG_NOUNS = frozenset(
    """company firm corporation group retailer bank agency organization organisation
    union maker manufacturer airline carrier employer giant insurer lender chain
    publisher""".split()  # noqa: SIM905
) | frozenset(_MEDIA_NOUNS)
_COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "giant", "maker", "employer"})
_COMPANY_NAME = re.compile(
    r"[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,4}\s+(?:Corp\.?|Inc\.?|Co\.|LLC|Ltd\.?|Company|"
    r"Corporation|Group|Holdings)(?![\w])"
)
_WORD = re.compile(r"[\w’'-]+")
#: 'the bureau's director': a role of someone tied to an organisation, not necessarily
#: the person the story was just about.
_POSSESSIVE_MOD = re.compile(r"[’']s?\s")
_WEEKDAYS = frozenset(WEEKDAYS)


def resolve(people: People, pos: int, phrase: str) -> tuple[str, str] | None:
    """(kind, name) that a description at ``pos`` refers to, or None when the text before
    does not say: kind is "person" or "organisation"."""
    match = _DESCRIPTION.match(phrase.strip())
    if match is None or not _described(match.group("noun") or "a"):
        return None  # 'the World Bank', 'the White House': a name, not a description
    start = max(0, pos - WINDOW)
    text = people.text
    if match.group("age"):
        age = match.group("age")
        person = _person_with(people, text, start, pos, lambda ctx: _has_age(ctx, age))
        # no mention gives the age (many stories never do): the subject just before, as
        # for a prominent role ('Sorel plans to rest … "…," added the 31-year-old.')
        person = person or recent_subject(people, pos, None)
        return ("person", person) if person else None
    noun = match.group("noun").lower()
    if noun in DEMONYMS:  # '"…," the Frenchman said': whom the story just named
        person = recent_subject(people, pos, _demonym_gender(noun))
        return ("person", person) if person else None
    if noun in _ORG_NOUNS:
        org = _organisation(text, start, pos, noun)
        if org is None and not _capitalised_mods(match.group("mods")):
            # 'Monsanto opposed the bill. "…," the company tweeted.' (not 'the Tarn Times
            # tabloid', which names itself)
            subject = subject_source(people, pos, frozenset({"organisation"}))
            org = subject[0] if subject else None
            if org is not None and (_title_only(people.text, org) or not _proper_name(org)):
                org = None
        return ("organisation", org) if org else None
    if noun in _INSTITUTIONS:
        named = _institution(text, start, pos, noun, _WORD.findall(match.group("mods") or ""))
        if named:
            return ("organisation", named)
    if noun not in PERSON_NOUNS and noun not in _KIN:
        return None
    forms = _ABBREVIATIONS.get(noun, (noun,))
    words = _WORD.findall(match.group("mods") or "")
    mods = [clean_word(w) for w in words if w[:1].isupper()]
    if "former" in words:
        mods.append("former")  # 'the former governor' is not the governor, and back
    person = _person_with(people, text, start, pos, lambda ctx: _has_role(ctx, forms, mods))
    if (
        person is None
        and noun in _PROMINENT
        and not _POSSESSIVE_MOD.search(match.group("mods") or "")
    ):
        # 'Trump said … The candidate added, "…"': no earlier mention gives the role, but the
        # story's subject a sentence or two before is who a prominent role refers back to
        person = recent_subject(people, pos, _NOUN_GENDER.get(noun))
        if person is not None and _other_office(noun, mods, people.roles.get(person), forms):
            person = None  # 'Holt, the port director, …' is not 'the mayor' a line later
    if person is None and noun in _PARTY_NOUNS:
        # 'Rep. Ana Ortiz said, "…" "…," the Tarn Republican added.': a party member goes on
        # from the sentence just before; further back, with no mention of the party, the
        # text does not say who is meant
        person = recent_subject(people, pos, None, most=1)
    return ("person", person) if person else None


#: Institutions whose name ends on the noun a story refers back with: 'Tarnby Harbour
#: Hospital … the hospital said'.
_INSTITUTIONS = frozenset(
    "hospital clinic center centre university college museum institute foundation".split()  # noqa: SIM905
)


def _institution(text: str, start: int, pos: int, noun: str, mods: list[str]) -> str | None:
    """The name before ``pos`` ending on the capitalised noun ('… Harbour Hospital'), with
    the description's other words in it ('the medical center': '… Medical Center'), when
    the window holds one such name only (two hospitals: no guess)."""
    words = [m.capitalize() for m in mods]
    found = {
        m.group().strip()
        for m in _institution_pattern(noun.capitalize()).finditer(text, start, pos)
        if all(w in m.group().split() for w in words)
        and len(m.group().split()) > len(words) + 1  # 'Burn Center' alone is the description
    }
    found = {f for f in found if f.split()[0] not in ("The", "A", "An")} or found
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=32)
def _institution_pattern(noun: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'])(?:[A-Z][\w&.’'-]*\s+){1,5}" + noun + r"\b")


def _described(noun: str) -> bool:
    """A description's noun: a common noun, or an office some papers capitalise ('the
    President', 'the King') or a nationality ('the Frenchman'); not a name ('the World
    Bank', 'the White House')."""
    low = noun.lower()
    return not noun[:1].isupper() or low in _CAPITALISED or low in DEMONYMS


def _demonym_gender(noun: str) -> str | None:
    """'Frenchman' is a man, 'Frenchwoman' a woman; 'the Slovenian' says nothing."""
    if noun.endswith("woman"):
        return "f"
    return "m" if noun.endswith("man") and noun != "german" else None


#: Offices one person holds at a time: 'the mayor' is not someone the article called the
#: port director or 'Sen.'. Campaign roles ('the candidate') and descriptions ('the
#: businessman') go with any office, so they are not here.
_OFFICES = frozenset(
    """senator governor president congressman congresswoman representative mayor judge
    chancellor minister secretary king queen prince pope premier""".split()  # noqa: SIM905
)
#: A party member, referred back to by the party ("the Tarn Republican").
_PARTY_NOUNS = frozenset({"republican", "democrat"})
#: Offices a paper may capitalise in a description ('the President said').
_CAPITALISED = (
    _OFFICES
    | frozenset(
        "emperor duke duchess emir sheikh princess archbishop cardinal speaker".split()  # noqa: SIM905
    )
    | _PARTY_NOUNS
)
#: Words of a recorded role that say nothing of an office.
_NOT_OFFICE = frozenset(
    "mr mrs ms miss dr republican democrat democratic independent former".split()  # noqa: SIM905
)


def _other_office(noun: str, mods: list[str], role: str | None, forms: tuple[str, ...]) -> bool:
    """The article gave the person another office or job ('Holt, the port director,',
    'Sen. Ann Holt'), so an office description ('the mayor', 'the president') is not them;
    'the former congressman' may well be today's senator."""
    if not role or noun not in _OFFICES or "former" in mods:
        return False
    words = [clean_word(w) for w in _WORD.findall(role)]
    if any(f in words for f in forms):
        return False
    return any(w in PERSON_NOUNS and w not in _NOT_OFFICE for w in words)


def _person_with(
    people: People, text: str, start: int, pos: int, fits: Callable[[tuple[str, str]], bool]
) -> str | None:
    """The nearest person named between ``start`` and ``pos``, outside quotes, whose
    mention's context fits."""
    seen: list[str] = []
    for at in range(bisect.bisect_left(people.positions, pos) - 1, -1, -1):
        name = people.names[at]
        if name in seen or not _WEEKDAYS.isdisjoint(name.split()):
            continue
        seen.append(name)
        if len(seen) > MAX_PEOPLE:
            return None
        for mention in _mentions(text, name, start, pos):
            if quoted_at(people, mention) or _in_headline(text, mention):
                continue  # a name someone said is no speaker; a headline is all capitals
            if fits(_context(text, mention, mention + len(surname_of(name)), pos)):
                return name
    return None


def _mentions(text: str, name: str, start: int, end: int) -> list[int]:
    """Where the person's surname (or full name) stands between start and end, last first."""
    found = word_positions(text, surname_of(name), start, end)
    found.reverse()
    return found


def _proper_name(name: str) -> bool:
    """'Acme Corp.', 'Bank of America': capitalised words and connectors ('All in all' is not)."""
    words = name.split()
    return all(w[:1].isupper() or w in ("of", "and", "&", "for", "de") for w in words)


def _title_only(text: str, name: str) -> bool:
    """Named only in the article's first line, its title ('Council votes on …')."""
    first_line = text.find("\n")
    return 0 <= text.find(name) < first_line and text.find(name, first_line) < 0


def _in_headline(text: str, at: int) -> bool:
    """A mention in the article's first line when that is a title set in title case
    ('Former Clinton Pollster Says …'), where every word is capitalised and the title test
    cannot tell a title from a verb."""
    end = text.find("\n")
    if end < 0 or at >= end:
        return False
    words = text[:end].split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and capitals >= 0.8 * len(words)


def _context(text: str, begin: int, end: int, limit: int) -> tuple[str, str]:
    """The words before a mention (its title) and after it up to the sentence's end, never
    past ``limit`` (the description itself: 'Mika Brzezinski, the candidate stated' is the
    description's own sentence, not an apposition)."""
    before = text[max(0, begin - 60) : begin]
    after = text[end : min(end + 120, limit)]
    stop = min((i for i in (after.find(". "), after.find("\n")) if i >= 0), default=len(after))
    return before, after[:stop]


def _has_age(ctx: tuple[str, str], age: str) -> bool:
    before, after = ctx
    return bool(re.match(r"\s*,\s*" + age + r"\b", after)) or f"{age}-year-old" in before[-30:]


def _has_role(ctx: tuple[str, str], forms: tuple[str, ...], mods: list[str]) -> bool:
    """The title right before the name ('Sen. Ann Holt', 'former businessman Tom Reed') or
    in an apposition or party tag right after it ('Holt, the senator from Ohio,', 'Holt
    (D-Ohio)'); the description's capitalised words must be there too ('the Ohio
    senator')."""
    before, after = ctx
    near = _title_words(before)
    if after.lstrip()[:1] in (",", "("):
        apposition = re.split(r"\s(?:said|says|told|added)\b|[;:]", after, maxsplit=1)[0]
        near += [clean_word(w) for w in _WORD.findall(apposition)][:14]
    if not any(f in near for f in forms) or not all(m in near for m in mods):
        return False
    return "former" in mods or "former" not in near


#: Words that may stand between a title and the name: 'former Sen.', 'then-Gov.'.
_TITLE_FILLERS = frozenset("former then longtime retired outgoing incoming acting late".split())  # noqa: SIM905


def _title_words(before: str) -> list[str]:
    """The words of the title just before a name: back over the name's other capitalised
    words and fillers, up to the first lower-case word that is neither (kept: 'pollster' in
    'former Clinton pollster Doug Schoen'; 'said' stops it)."""
    out: list[str] = []
    for word in reversed(_WORD.findall(before)[-6:]):
        low = clean_word(word)
        out.append(low)
        if word[:1].isupper() or low in _TITLE_FILLERS:
            continue
        if low not in PERSON_NOUNS:
            break
    return out


#: A name before the lower-case noun that says what it is: 'Harbour Weekly magazine'.
_NAME_BEFORE_NOUN = re.compile(
    r"(?<![\w’'])(?!(?:The|An?)\s)(?P<name>[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3})\s+"
    r"(?P<noun>" + "|".join(_MEDIA_NOUNS) + r")\b"
)


def _capitalised_mods(mods: str | None) -> bool:
    return any(w[:1].isupper() for w in _WORD.findall(mods or ""))


def _organisation(text: str, start: int, pos: int, noun: str) -> str | None:
    """The nearest organisation the text called by that noun ('Acme Corp., the state's
    largest employer,'), or the nearest company name for 'the company'."""
    window = text[start:pos]
    best: tuple[int, str] | None = None
    apposed = re.compile(  # the noun ends the apposition: not 'Jo Li, a company spokeswoman'
        r"(?<!\bin )(?<!\bof )(?<!\bat )(?<!\bfrom )(?<!, )"
        r"(?P<name>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4}),\s+(?:the|a|an)\s+"
        r"(?:[\w’'-]+\s+){0,5}?" + re.escape(noun) + r"\s*[,.;]"
    )
    for match in apposed.finditer(window):
        best = (match.start(), match.group("name").rstrip(".,"))
    for match in _NAME_BEFORE_NOUN.finditer(window):  # 'Harbour Weekly magazine has …'
        before = window[max(0, match.start() - 30) : match.start()].split()
        if before and (before[-1][:1].isupper() or before[-1].lower() in ("a", "an")):
            continue  # 'a Tarn newspaper' is of a place; 'Lower Tarn newspaper' starts before
        if match.group("noun") == noun and (best is None or match.start() > best[0]):
            best = (match.start(), match.group("name"))
    if noun in _COMPANY_NOUNS:
        for match in _COMPANY_NAME.finditer(window):
            if best is None or match.start() > best[0]:
                best = (match.start(), match.group().rstrip(","))
    return best[1] if best else None


#: Documents a named body or person puts out and a story then quotes by their noun.
_ISSUED = frozenset({"statement", "letter", "release", "memo", "post", "email", "notice"})
#: A document referred back to ('the statement', 'the joint statement'): lower-case words.
_DOCUMENT_BACK = re.compile(r"^[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z]+)$")
#: Inside a subject, an owner's 's: "Ortiz's parents" issued it, not Ortiz.
_POSSESSIVE_INSIDE = re.compile(r"\w[’']s\b")


def issuer(people: People, pos: int, phrase: str) -> tuple[str, SpeakerRef] | None:
    """'The Harbour Board issued a statement on Monday. "…," the statement said.': who
    issued the document a description at ``pos`` refers back to: the subject of the nearest
    sentence before that issues it ('issued a statement', 'said in a statement', 'posted'
    for 'the post'), when that subject is a person by full name or an organisation by name."""
    match = _DOCUMENT_BACK.match(phrase.strip())
    if match is None or match.group("noun") not in _ISSUED:
        return None
    sentence = sentence_before_with(people, pos, _issuing(match.group("noun")))
    found = sentence_subject(sentence) if sentence else None
    if sentence is None or found is None or _POSSESSIVE_INSIDE.search(found[0]):
        return None  # "Ortiz's parents, …, released a statement": not Ortiz's
    if sentence[found[1] + len(found[0]) :].startswith((" and ", " & ")):
        return None  # 'Ana Ortiz and Tom Reyes released a statement': both issued it
    ref = classify(found[0])
    if ref is None or not _named_issuer(ref):
        return None
    return ref.name, SpeakerRef(ref.kind, ref.name, ref.role, ref.count, phrase)


@functools.lru_cache(maxsize=16)
def _issuing(noun: str) -> re.Pattern[str]:
    """'issued a statement', 'in a joint statement', 'posted' (for 'the post')."""
    verb = r"posted" if noun == "post" else r"(?:issued|released|sent|put\s+out|wrote|published)"
    return re.compile(
        r"\b(?:"
        + verb
        + r"\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}"
        + noun
        + r"|in\s+an?\s+(?:[\w-]+\s+){0,2}"
        + noun
        + r")\b"
        + (r"|\bposted\b" if noun == "post" else "")
    )


def _named_issuer(ref: SpeakerRef) -> bool:
    """A person by full name, or an organisation by a capitalised name ('the Harbour Board',
    not 'the board' or a junk run)."""
    if ref.kind == "person":
        return " " in ref.name
    return ref.kind == "organisation" and is_body_name(ref.name)
