"""Subjects: the noun phrase before a cue, or at the start of a clause, that names a speaker.

Leading conjunctions, time phrases and adverbial clauses are stripped; what remains must read
like a noun phrase. Plain string work and anchored regexes over one sentence at most.
"""

from __future__ import annotations

import functools
import logging
import re

from bot.extract.cues import (
    AUX,
    PARTICIPLE_WORDS,
    SPEECH_WORDS,
)
from bot.extract.gender import is_given_name
from bot.extract.lexicon import (
    ANON_WORDS,
    ARTICLE_WORD,
    DOCUMENT_WORDS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    LY_NOUNS,
    MONTHS,
    NOT_SPEAKER_START,
    PERSON_NOUNS,
    PREPOSITIONS,
    QUANTIFIERS,
    SUBORDINATORS,
    TITLES,
    WEEKDAYS,
    is_person_noun,
)
from bot.extract.lexicon import BARE_FORCES as _BARE_FORCES
from bot.extract.lexicon import CLAUSE_WORDS as _CLAUSE_WORDS
from bot.extract.lexicon import DETERMINERS as _DETERMINERS
from bot.extract.lexicon import SUBJECT_PRONOUNS as _SUBJECT_PRONOUNS

_LEAD = re.compile(
    r"(?:(?:But|And|So|Yet|Still|However|Meanwhile|Instead|Now|Then|Also|Indeed|Separately|"
    r"Moreover|Similarly|Likewise|Again|Finally|Later|Earlier|Previously|Today|Yesterday|"
    r"Tuesday|Monday|Wednesday|Thursday|Friday|Saturday|Sunday|Or|Plus|Asked|Instead|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Recently|More\s+recently|Most\s+recently|Lately|Ultimately|Overall|Initially|"
    r"Nevertheless|Nonetheless|Regardless|Additionally|Furthermore|Notably|Importantly|"
    r"Interestingly|Specifically|Otherwise|Privately|Publicly|Separately)\b,?\s+)+"
)
_LEAD_CLAUSE = re.compile(
    r"(?:(?:On|In|At|During|After|Soon|Shortly|Before|Last|This|Speaking|Asked|When|While|Since|"
    r"Following|Responding|Appearing|Writing|Addressing|Campaigning|Earlier|Later|Afterward|"
    r"Afterwards|Back|Over|Under|Through|From|With|Without|For|Like|Unlike|As|Despite|"
    r"Although|Though|If|Because|By|Even|Yet|Still|But|And|Pressed|Questioned|Interviewed|"
    r"Reached|Contacted|Reacting|Commenting|Standing|Sitting|Taking|Turning|The\s+next|The\s+following|"
    r"A\s+(?:short\s+|few\s+)?(?:day|week|month|year|time|moment|minute|hour)s?|"
    r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Thirty|Fifty|Several|"
    r"Many|\d+)\s+(?:day|week|month|year|decade|hour|minute)s?\s+(?:ago|later|earlier)|[A-Z][a-z]+(?:ed|ing)(?=\s+[a-z])|"
    # a present participle after an adverb ('Hastily blaming …,'; not 'Daly replied …'),
    # an irregular past one ('Known as …,')
    r"(?:[A-Z][a-z]+ly\s+[a-z]+ing|" + "|".join(IRREGULAR_PARTICIPLES) + r")(?=\s+[a-z])|"
    r"Each|Every|Hours|Days|Weeks|Months|Years|Minutes|Moments|Contrary|Thanks|Due|Compared|"
    r"Amid|Among|Alongside|Against|Beyond|Besides|Outside|Inside|Within|Across|Throughout|Given|"
    r"Regardless|Until|Upon|Along|Apart|Aside|Except|Of|About|Regarding|Concerning)\b[^,]{0,90},\s+)+"
)

#: A dateline opening the first paragraph: 'HARBOURTON, Dec. 20, 2025 — ', 'LONDON (AP) — '.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:,\s+\d{4})?\s*(?:\([^()]{1,30}\)\s*)?[—–-]+\s+"
)

#: Lead words that also open a lead clause ('Later on Sunday, …', 'Last week, …').
_BOTH = frozenset("Later Earlier Then Today Yesterday Asked Instead Still Yet But And".split())  # noqa: SIM905

log = logging.getLogger(__name__)
_AUX_WORDS = frozenset(re.findall(r"[A-Za-z]+", AUX))
_COPULAS = frozenset("is are was were am be been being".split())  # noqa: SIM905


#: Modals and negated auxiliaries before a verb of belief ('Mr. Peck doesn't expect …',
#: 'one might think …'): not part of the subject.
_MODALS = frozenset(
    "could would should can cannot can't don't doesn't didn't won't wouldn't couldn't might "  # noqa: SIM905
    "must shall".split()
)

#: A person pronoun with a contracted 'has' or 'is' before a cue: the pronoun is the subject.
_CONTRACTED = frozenset({"he's", "she's", "He's", "She's"})


def strip_manner(text: str) -> str:
    """Drop one manner adverb before a cue ('…," the singer finally says', 'Moscow strongly
    denies that …').

    Not in the frame before a quote: there 'Moscow strongly denies — "…"' is a clause of
    its own, and the quote's speaker is named after it.
    """
    head, _, last = text.rstrip().rpartition(" ")
    if (
        head
        and len(last) > 4
        and last.endswith("ly")
        and last[:1].islower()
        and last.isalpha()
        and last not in LY_NOUNS
    ):
        return head
    return text


def strip_aux(text: str) -> str:
    """Drop auxiliaries and adverbs before a cue ('has also', 'later'), from the right.

    A plain loop over the last words: a right-anchored regex would be retried at every
    position of a long prefix.
    """
    text = text.rstrip()
    while True:
        cut = text.rfind(" ")
        last = text[cut + 1 :]
        if last.replace("’", "'") in _CONTRACTED:  # 'she’s said', 'he's told reporters'
            return text[: len(text) - 2]
        if cut < 0 or (last not in _AUX_WORDS and last.replace("’", "'") not in _MODALS):
            return text
        text = text[:cut].rstrip()


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
_BE_END = re.compile(r"\s+(?:is|was|were|are|has\s+been|had\s+been|have\s+been)$")
#: A place then a bare weekday ends a lead phrase ('At the meeting in Hudson, New Hampshire
#: Monday, the aide retorted'); 'The trove released on Thursday, which …' stays a subject.
_PLACE_THEN_DAY = re.compile(r"[A-Z][\w.’'-]*\s+(?:" + "|".join(WEEKDAYS) + r")$")
_PRO_END = (" he", " she", " they", " we", " I")
#: A result clause before the cue: 'so heated that', 'such a mess that' (its subject speaks).
_RESULT_CLAUSE = re.compile(r"\b(?:so|such)\s[^;:“”\"]{1,80}\sthat\s+(?=[A-Za-z])")
_CLAUSE_PRONOUN = re.compile(
    r"(?:\b(?:in|with|by|for|through)\s+which|\bwhere|\bwhen|\bwhereupon|\bas)\s+"
    r"(?P<pro>he|she|they|we|I)$"
)
#: A pronoun opening a clause of reason or concession before a cue ('…, though she said …',
#: 'because he believes …'): the clause's subject, never the main clause before it. 'since'
#: is left out: it is mostly time ('since he announced his candidacy').
_REASON_PRONOUN = re.compile(r"\b(?:because|(?:al)?though|whereas)\s+(?P<pro>he|she|they|we|I)$")


_CONJOINED = re.compile(r",\s+(?:and|but|or|so|yet|while|as|(?:al)?though|whereas|because)\s+")
_RELATIVE = re.compile(r",?\s+(?:who|whose|which|that)\s")


#: 'is alleged to (have)' before a cue ('have' is stripped with the other auxiliaries):
#: what others say the subject said, still the subject's words.
_HEARSAY_END = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:alleged|reported|said|believed|thought|understood|known|"
    r"rumou?red|claimed)\s+to$"
)
#: 'what X calls': a subject between 'what' and the cue, a name or a determiner phrase.
_WHAT_SUBJECT = re.compile(
    r"\bwhat\s+(?P<spk>(?:the\s|a\s|an\s|[A-Z])[^,;:“”\"]{1,50}|he|she|they|we|I)$"
)
#: Cues that give a name to something ('what the museum calls "…"').
_NAMING_CUES = frozenset("calls called call dubs dubbed terms termed".split())  # noqa: SIM905
#: A participle after a document noun ('Court papers filed', 'Emails released'): the
#: subject ends at the noun.
_DOCUMENT_PARTICIPLE = re.compile(
    r"\b(?:documents|papers|records|filings|emails|reports|files|transcripts|data)"
    r"(?P<participle>\s+(?:filed|released|obtained|published|unsealed|posted|leaked|reviewed))$"
)


@functools.lru_cache(maxsize=256)  # frames and paraphrase try the same prefix again
def clean_subject(pre: str, cue: str = "") -> tuple[str, int] | None:
    """The subject noun phrase at the end of ``pre`` (text before a cue), with its offset.

    Leading conjunctions and adverbial clauses are dropped; what remains must read like a noun
    phrase (a name, a pronoun, a determiner phrase, optionally with an apposition). Failing
    that, a short name or pronoun after the last comma will do ('As for X, Bolton said').
    """
    original = pre
    pre = pre.rstrip(" ,")
    if pre.endswith(("--", "—", "–")):
        pre = _without_dash_aside(pre)
    pre = strip_aux(pre)
    hearsay = _HEARSAY_END.search(pre) if pre.endswith(" to") else None
    if hearsay:  # 'Tom Reyes is alleged to have told': Reyes
        pre = strip_aux(pre[: hearsay.start()])  # 'X also is reported to have
    filed = _DOCUMENT_PARTICIPLE.search(pre, max(0, len(pre) - 30)) if pre.endswith("ed") else None
    if filed:  # 'Court documents filed (Tuesday) say': the documents, not 'filed'
        pre = pre[: filed.start("participle")]
    if cue.startswith("quoted"):  # 'Marsh is quoted as saying': the subject before 'is'
        pre = _BE_END.sub("", pre)
    if pre.startswith(("As ", "as ")) and _as_subject(pre[3:], cue):
        # 'As Professor Foner put it: "…"', '"…," as Foner put it.', 'As one skipper on
        # the forum put it, "…"'
        return pre[3:], original.find(pre[3:])
    named_as = (
        _WHAT_SUBJECT.search(pre, max(0, len(pre) - 70))
        if cue.split(" ", 1)[0] in _NAMING_CUES and "what " in pre
        else None
    )
    if named_as and valid_subject(named_as.group("spk")):
        # 'banning what the harbour museum calls "…"': the subject of the relative clause
        return named_as.group("spk"), original.rfind(named_as.group("spk"))
    clause = _CLAUSE_PRONOUN.search(pre, max(0, len(pre) - 24)) if pre.endswith(_PRO_END) else None
    if clause is None and pre.endswith(_PRO_END):
        clause = _REASON_PRONOUN.search(pre, max(0, len(pre) - 24))
    if clause:  # '…, in which he declares', '… when she told reporters'
        return clause.group("pro"), clause.start("pro")
    if pre.endswith((" and", " but")):
        return sentence_subject(pre)  # 'The president noted …, and (but) added: "…"'
    result = _RESULT_CLAUSE.search(original) if "that " in original else None
    if result:
        # 'The row grew so loud that Mayor Ana Ortiz said, "…"': the speaker is the
        # subject of the result clause, not of the sentence
        inner = clean_subject(original[result.end() :], cue)
        return (inner[0], result.end() + inner[1]) if inner else None

    if pre[:2] in _BARE_LEAD_STARTS:
        bare = _BARE_LEAD.match(pre)
        bare = bare or _MEDIUM_LEAD.match(pre)
        if bare and valid_subject(bare.group("spk")):  # 'In that speech Clinton said, "…"'
            return bare.group("spk"), original.rfind(bare.group("spk"))
    found = _subject_after_leads(pre, original, _lead_end(pre))
    if found is None and pre.split(" ", 1)[0] in _BOTH:
        # 'But Senator Ann Holt, noting the deficit, said': 'But Ann Holt,' read as a lead
        # clause left only the apposition; the subject is the name after the conjunction.
        match = _LEAD.match(pre)
        if match:
            found = _subject_after_leads(pre, original, match.end())
    if found and ", " in found[0]:
        word, _, rest = found[0].partition(", ")
        if " " not in word and (rest.lower() in _SUBJECT_PRONOUNS or _set_off(word, rest)):
            # 'Well, she concedes': a word set off before a pronoun subject is an interjection,
            # as in ``sentence_subject``; 'First, harbour officials said', 'Frustrated, Lund
            # said': a sentence adverb or a participle, not a name with its apposition
            return rest, found[1] + len(word) + 2
    if found and ", " in found[0] and not original.rstrip().endswith(","):
        found = _name_after_apposition(found)
    return found


#: 'a Republican, ' before a name: the apposition of a name before it, not of the subject.
_INDEFINITE_APPOSITION = re.compile(r"(?:a|an)\s+[\w’'-]+(?:\s+[\w’'-]+){0,4}")


def _name_after_apposition(found: tuple[str, int]) -> tuple[str, int]:
    """'After meeting Tom Reyes, a Republican, Lena Holm said': the indefinite apposition
    belongs to the name before it, and the subject is the name after it. (With a comma after
    the name, 'a spokesman, Tom Reyes, said', the name is the apposition of the subject.)"""
    head, _, name = found[0].rpartition(", ")
    if (
        _INDEFINITE_APPOSITION.fullmatch(head)
        and _CAPITALISED_RUN.fullmatch(name)
        and len(name.split()) <= 4
        and _DAY_WORDS.isdisjoint(name.split())
    ):
        return name, found[1] + len(head) + 2
    return found


def _without_dash_aside(pre: str) -> str:
    """'Tom Vane -- who took the pictures --' before 'told': an aside set off by two dashes
    between the subject and its verb is no part of the subject."""
    mark = "--" if pre.endswith("--") else pre[-1]
    opening = pre.rfind(mark, 0, len(pre) - len(mark))
    if opening <= 0:
        return pre
    return pre[:opening].rstrip(" ,")


def _as_subject(rest: str, cue: str) -> bool:
    """The subject of 'As X said': a name; before 'put it' a phrase opened by a determiner
    too ('As one skipper on the forum put it'). Elsewhere such a phrase after 'as' opens a
    clause of time or reason ('as the week progressed, X said')."""
    if rest[:1].isupper():
        return valid_subject(rest)
    return cue.startswith("put") and rest.split(" ", 1)[0] in _DETERMINERS and valid_subject(rest)


#: Ordinals that open a sentence set off by a comma ('First, the council …').
_ORDINAL_OPENERS = frozenset("first second third fourth fifth firstly secondly thirdly".split())  # noqa: SIM905


def _set_off(word: str, rest: str) -> bool:
    """Is ``word`` in 'word, rest' a sentence adverb or a participle set off before the
    subject ``rest``, not a name with an apposition ('Lund, the developer')? An ordinal
    before any subject; a sentence word ('Meanwhile') or a participle ('Frustrated', not a
    given name such as 'Mohamed') only before a capitalised one, a name as a rule
    ('Here, an ocean away, they …' sets off a phrase, not the subject)."""
    lower = word.lower()
    if lower in _ORDINAL_OPENERS:
        return valid_subject(rest)
    if lower in NOT_SPEAKER_START or _participle(word):
        return rest[:1].isupper() and valid_subject(rest)
    return False


_WEEKDAYS_MONTHS = "|".join(WEEKDAYS + MONTHS)
#: A short lead phrase without its comma before a name: 'In that speech Clinton', 'On
#: Monday Reed'. Only lower-case words, numbers and dates may stand between, so that 'In
#: Iowa Trump' (a place, then a name) is never split in the wrong place.
_BARE_LEAD = re.compile(
    r"(?:In|At|On|To|During|After|Before|Since|Later|Earlier|Speaking|Writing)"
    r"(?:\s+(?:[a-z0-9][\w’'-]*|" + _WEEKDAYS_MONTHS + r")){1,6}\s+"
    r"(?P<spk>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})$"
)
#: 'In a statement the company said': a medium named before a determiner subject.
_MEDIUM_LEAD = re.compile(
    r"(?:In|On)\s+(?:a|an|his|her|its|their|the)\s+(?:[a-z]+\s+)?(?:statement|interview|tweet|"
    r"letter|email|post|speech|video|filing|release|op-ed|column|blog\s+post|memo|note)\s+"
    r"(?P<spk>(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$"
)
_BARE_LEAD_STARTS = frozenset("In At On To Du Af Be Si La Ea Sp Wr".split())  # noqa: SIM905


#: Clause openers that may follow a lead word in lower case ('Still, while …,'); not 'as',
#: whose clause holds the speaker ('Or, as Ann Holt put it:').
_LOWER_LEADS = tuple(
    w + " "
    for w in "while although though when after before if because even despite once until".split()  # noqa: SIM905
)


def _lead_end(pre: str) -> int:
    """Where the subject starts after a dateline, lead words and lead clauses."""
    offset, led = 0, False
    for i, pattern in enumerate((DATELINE, _LEAD_CLAUSE, _LEAD, _LEAD_CLAUSE, _LEAD)):
        if i == 0 and not pre[:2].isupper():
            continue
        if i == 1 and pre[offset:].split(" ", 1)[0] not in _BOTH:
            continue  # 'Later on Sunday, X': only a word of both lists needs the clause first
        match = pattern.match(pre, offset)
        if match is None and led and pre[offset : offset + 12].startswith(_LOWER_LEADS):
            # 'Still, while the port …, officials say': the clause after a lead word
            match = pattern.match(pre[:offset] + pre[offset].upper() + pre[offset + 1 :], offset)
        if match and i == 1 and _name_after_conjunction(pre[match.start() : match.end()]):
            match = None  # 'But Tom Exner, an engineer, thinks': the name is the subject
        led = i == 2 and match is not None
        if match:
            offset = match.end()
    offset = _past_place(pre, offset)
    offset = _after_aside(pre, offset) if offset else offset
    adverb = _ADVERB_LEAD.match(pre, offset)
    offset = adverb.end() if adverb else offset
    focus = _FOCUS.match(pre, offset) if pre[offset - 2 : offset] == ", " else None
    return focus.end() if focus else offset


#: 'a Republican, ' after a lead clause's last name: its apposition.
_TRAILING_APPOSITION = re.compile(r"(?:an?|the)\s+[^,]{1,40},\s+")


def lead_clauses_only(text: str) -> bool:
    """Is ``text`` (with its closing comma and space) lead clauses and nothing else, perhaps
    with the apposition of a name in them ('After meeting Tom Reyes, a Republican, ')?"""
    match = _LEAD_CLAUSE.match(text)
    if match is None:
        return False
    more = _TRAILING_APPOSITION.match(text, match.end())
    return (more.end() if more else match.end()) == len(text)


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*")
_DAY_WORDS = frozenset(WEEKDAYS + MONTHS)


def _name_after_conjunction(clause: str) -> bool:
    """'But Tom Exner, ': a conjunction and a capitalised run (not a date) before the comma
    open the subject and its apposition, not a lead clause."""
    body = clause.split(" ", 1)[1].rstrip(", ") if " " in clause else ""
    return (
        bool(body)
        and _CAPITALISED_RUN.fullmatch(body) is not None
        and _DAY_WORDS.isdisjoint(body.split())
    )


#: A sentence adverb opening the sentence ('Reluctantly, Reed said', 'Significantly, the
#: judge said'); the suffixes keep given names in -ly (Kelly, Beverly, Emily) out.
#: A focusing adverb after a lead clause and its comma: 'Alongside the calls, even a veteran
#: pilot said' (not 'But even a passing promise …', where the adverb opens a noun phrase).
_FOCUS = re.compile(r"(?:even|only|also)\s+(?=[A-Za-z])")
_ADVERB_LEAD = re.compile(
    r"[A-Z][a-z]{2,}(?:ally|ntly|tely|ously|ibly|ably|edly|ingly|ssly|fully|ctly),\s+"
)


#: A lead clause that ends on a place after a preposition ('At a rally in Kelsport, '),
#: and the one capitalised word after it, set off by a comma: the place's state or country.
_PLACE_END = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear)\s+(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.’'-]*,\s+$"
)
_PLACE_REST = re.compile(r"[A-Z][\w.’'-]*,\s+")


def _past_place(text: str, offset: int) -> int:
    """Past the state or country of a place the lead clause ended on ('At a rally in
    Kelsport, Maine, on Saturday, …', 'In Harbourton, Ohio, Reyes said'): read alone,
    the state would be the subject."""
    if not offset or text[offset - 2 : offset] != ", ":
        return offset
    rest = _PLACE_REST.match(text, offset)
    if rest is None or _PLACE_END.search(text, max(0, offset - 60), offset) is None:
        return offset
    end = rest.end()
    following = text[end : end + 12].split(" ", 1)[0].strip(",")
    if following[:1].isupper():
        return end  # 'In Harbourton, Ohio, Reyes said'
    if following not in _TIME_OPENERS:
        return offset  # 'In Harbourton, Reyes, a lawyer, said', '…, Reyes, without …'
    lead = _LEAD_CLAUSE.match(text[:end] + text[end].upper() + text[end + 1 :], end)
    return lead.end() if lead else end  # '…, Maine, on Saturday, the crowd …'


#: Lower-case words that open a time phrase after a place's state ('…, Ohio, on Monday,').
_TIME_OPENERS = frozenset(
    "on last this late early earlier later during after before".split()  # noqa: SIM905
)


def _after_aside(text: str, offset: int) -> int:
    """Past a sentence adverb set off after a lead clause ('Among her backers, however,
    61 percent said'): the lead patterns know only the capitalised sentence-initial form."""
    word, comma, _ = text[offset : offset + 16].partition(", ")
    return offset + len(word) + 2 if comma and word in NOT_SPEAKER_START else offset


def _subject_after_leads(pre: str, original: str, offset: int) -> tuple[str, int] | None:
    """The subject noun phrase of ``pre`` from ``offset`` on (see ``clean_subject``)."""
    subject = pre[offset:].strip()
    first_part, comma, rest = subject.partition(", ")
    if (
        comma
        and rest
        and (
            _TIME_WORDS.intersection(first_part.lower().split())
            or bool(_PLACE_THEN_DAY.search(first_part))  # '…, New Hampshire Monday, the aide'
        )
    ):
        offset, subject = offset + len(first_part) + 2, rest  # 'A short time later, Ms. Abedin'
    conjoined = _CONJOINED.split(subject)
    if len(conjoined) > 1:
        subject = conjoined[-1]  # 'X holds caucuses, and a new poll shows …': the poll
    inner = (
        _INNER_RELATIVE.search(subject) if ", which " in subject or ", that " in subject else None
    )
    if inner and valid_subject(inner.group("spk")):  # 'The changes, which officials said …'
        return inner.group("spk"), original.rfind(inner.group("spk"))
    if " where " in subject:
        parts = subject.split(", ")
        last = parts[-1]
        if (
            len(parts) >= 3
            and any(p.startswith("where ") or " where " in p for p in parts[1:-1])
            and last[:1].isupper()
            and len(last.split()) <= 4
            and valid_subject(last)
        ):
            return last, original.rfind(last)  # '…, Queens, where the family lived, Freddy said'
    if subject and valid_subject(subject):
        return subject, original.find(subject)
    relative = _RELATIVE.search(subject)
    if relative and valid_subject(subject[: relative.start()]):
        return subject[: relative.start()], original.find(subject)  # 'an official who spoke …'
    last = pre.rsplit(", ", 1)[-1].strip(' "”')
    words = last.split()
    named = bool(words) and (
        words[0][:1].isupper() or words[0].lower() in ("he", "she", "they", "i", "we")
    )
    if last != subject and 1 <= len(words) <= 6 and named and valid_subject(last):
        return last, original.rfind(last)
    joined = _AND_NAME.search(pre)
    if joined:  # '… he was copied on the questions and Gates said': a new clause's subject
        return joined.group("spk"), original.rfind(joined.group("spk"))
    return None


_INNER_RELATIVE = re.compile(r",\s+(?:which|that)\s+(?P<spk>[^,;:“”\"]{2,40})$")
_AND_NAME = re.compile(
    r"\s(?:and|but|while|whereas)\s+(?P<spk>he|she|they|we|I|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})$"
)


#: A role that belongs to someone through 'to' ('Aides to Holt', 'people close to the
#: mayor'): the 'to' links the noun phrase, it opens no infinitive or clause.
_ROLE_TO = re.compile(
    r"\b(aides?|advis[eo]rs?|counsel|spokes(?:man|woman|person)|ambassadors?|envoys?|"
    r"assistants?|consultants?|successors?|(?:people|sources?|those|someone|allies|friends|"
    r"officials|associates|insiders)\s+close(?:st)?)\s+to\s",
    re.IGNORECASE,
)


#: Words one of which every ``_ROLE_TO`` match holds, in lower case.
_ROLE_TO_STEMS = (
    "aide", "advis", "counsel", "spokes", "ambassador", "envoy", "assistant", "consultant",
    "successor", "close",
)  # fmt: skip


def _role_to_of(head: str) -> str:
    """'Aides to Holt' -> 'Aides of Holt' (see ``_ROLE_TO``). An ASCII head with none of the
    pattern's words is returned as it is: the case-blind pattern is slow to fail, and in
    ASCII text (only) lower-casing matches exactly what IGNORECASE would."""
    if head.isascii():
        low = head.lower()
        if not any(stem in low for stem in _ROLE_TO_STEMS):
            return head
    return _ROLE_TO.sub(r"\1 of ", head)


#: 'to' between capitalised words inside a name ('Committee to Guard Writers', 'Friends
#: to End Hunger'), no infinitive.
_NAME_TO = re.compile(r"\b([A-Z][\w’'-]*)\s+to\s+(?=[A-Z])")


def valid_subject(subject: str) -> bool:
    """Does this read like a subject noun phrase (with an optional apposition)?"""
    head, _, apposition = subject.partition(", ")
    if " to " in head:
        head = _role_to_of(head)
        head = _NAME_TO.sub(r"\1 of ", head)  # 'the Committee to Guard Writers': one name
    if '"' in head or "“" in head or "”" in head:
        return False
    if "(" in head:
        head = _PARTY.sub("", head)  # 'state Sen. Jo Holm (D)', 'Rep. Ann Lee (R-Texas)'
    if " and " in head and head.count(" and ") == 1:
        left, right = head.split(" and ")
        if left[-1:].isalpha() and left.split()[-1][:1].isupper() and right[:1].isupper():
            return valid_subject(left) and valid_subject(right)  # 'Ann Lee and Mayor Bo Li'
        if _people_conjunct(left) and _people_conjunct(right):
            return True  # 'Lawyers and legal experts said', 'Holt and other critics say'
        if _two_roles(left, right):
            return True  # 'the academy's manager and chief instructor Ana Reyes said'
    words = head.split()
    if words and words[-1].endswith(("’", "'", "’s", "'s")):
        return False  # 'The councils’ (plans)': a possessive, not a subject
    if len(words) == 1 and words[0].replace(",", "").isdigit():
        return False  # '… the May 4, 2019, letter, Ortiz': a year or an age is no subject
    if not words or len(words) > (12 if words[0].lower() in _DETERMINERS else 9):
        return False
    if apposition.count(" ") > 40:
        return False
    if apposition.split(" ", 1)[0].endswith(",") and apposition.split(",", 1)[0] in SUBORDINATORS:
        return False  # 'The row grew on Monday, when, …, Marsh': a clause, no apposition
    if len(words) == 1 and words[0].lower() in _SUBJECT_PRONOUNS:
        return True  # '"…," he said.'
    if len(words) == 1 and words[0].lower() in QUANTIFIERS:
        return True  # 'Some say …', 'Others said …'
    low = head.lower().replace(",", "").replace(".", "").split()
    if not low:
        return False  # punctuation only: ', ,'
    first = low[0]
    if not _NEVER_IN_SUBJECT.isdisjoint(low) or any(
        w in _SPEAKING_PARTICIPLES for w in head.split()[1:]
    ):  # lower case only: 'Typhoon Warning Center' is a name
        return False  # 'The police issued a statement saying they': a clause, no subject
    if first not in _DETERMINERS and not _CLAUSE_WORDS.isdisjoint(
        w.lower().strip(",.")
        for w, nxt in zip(words[1:], [*words[2:], ""], strict=False)
        if not _given(w, nxt)
    ):
        return False
    if first in _DETERMINERS and apposition and not _VERBS_OF_CLAUSE.isdisjoint(low[1:]):
        return False  # 'The pier will open in May, Ana Reyes': a clause, then the subject
    last = low[-1]
    if (
        _proportion(low)
        or first in _FRACTIONS
        or (first == "those" and len(low) in (2, 3) and low[1].endswith("ed"))
    ):
        return True  # poll shares: 'Two in three said', 'those surveyed say'
    if last in _DETERMINERS or last in _BAD_LAST:
        return False
    initial = words[0][:1]
    if initial.isupper() or initial.isdigit() or first in _DETERMINERS:
        return True
    if ARTICLE_WORD.match(words[0]) and len(words) <= 3:
        return True  # 'al-Jubeir said'

    if len(words) <= 3 and (last in ANON_WORDS or last in _BARE_FORCES):
        return True  # 'aides', 'senior officials', 'police', 'state police'
    if not apposition and _unnamed_of_place(low, words):
        return True  # 'city officials in Tarnby', 'police in Elm Cove'
    # 'fellow sailor Jo Lind said'; but a reporter's clause going on after a quote
    # ('"…" near boats in the Tarn Isles, a harbour official said': a place, no subject)
    return (
        len(words) <= 6
        and words[-1][:1].isupper()
        and first not in PREPOSITIONS
        and not any(w in PREPOSITIONS and w != "of" for w in low[1:])
    )


def _unnamed_of_place(low: list[str], words: list[str]) -> bool:
    """Unnamed sources placed by 'in', 'at' or 'from' and a capitalised place: at most two
    lower-case words before the sources' noun, at most three words of place after it."""
    for i, word in enumerate(low[:3]):
        if word in ANON_WORDS or word in _BARE_FORCES:
            place = words[i + 2 :]
            return (
                i + 2 < len(low)
                and low[i + 1] in ("in", "at", "from")
                and len(place) <= 3
                and all(w[:1].isupper() for w in place)
                and all(w.islower() and not w.endswith(("ing", "ed")) for w in words[:i])
            )  # not 'telling supporters in Tarnby': a clause
    return False


def _given(word: str, following: str) -> bool:
    """A capitalised 'Will' or 'May' before a capitalised surname ('Chairman Will Tarrant')
    is a given name, not the modal that makes a phrase a clause."""
    return (
        word[:1].isupper()
        and not word.isupper()
        and following[:1].isupper()
        and word.lower() not in NOT_SPEAKER_START
    )


#: Shares of a group that polls report as subjects: 'half of riders said', 'three-quarters
#: of the voters said', 'a majority say' (after its determiner).
_FRACTIONS = frozenset(
    "half third quarter three-quarters two-thirds one-third one-quarter majority majorities "  # noqa: SIM905
    "plurality minority".split()
)


def _proportion(low: list[str]) -> bool:
    """A poll share ending in its base ('two in three', 'nearly four in 10'), the way
    surveys are reported: the number words are determiners elsewhere, so the phrase would
    otherwise end on a determiner and be refused."""
    return len(low) in (3, 4) and low[-2] == "in" and (low[-1].isdigit() or low[-1] in _DETERMINERS)


def _two_roles(left: str, right: str) -> bool:
    """'business manager and chief instructor Ana Reyes': one person with two roles, the
    first ending in a role noun (the anchor), the second a lower-case role ('chief
    instructor', which need not be listed) before a capitalised name."""
    left_words, right_words = left.split(), right.split()
    if not (1 <= len(left_words) <= 5 and 3 <= len(right_words) <= 6):
        return False
    if not is_person_noun(left_words[-1].lower()) or not right_words[-1][:1].isupper():
        return False
    return right_words[0].isalpha() and right_words[0].islower() and valid_subject(right)


def _people_conjunct(part: str) -> bool:
    """One side of a conjoined subject that names people: a short phrase ending in a
    capitalised word, a people noun ('experts', 'officials') or 'others'.

    A clause ending in a common noun ('The bill passed and aides said') is no conjunct, so
    only phrases that end where a speaker's head would stand are joined.
    """
    words = part.split()
    if not words or len(words) > 4:
        return False
    last = words[-1]
    if last[:1].isupper():
        return last[-1:].isalpha() and valid_subject(part)
    low = last.lower()
    if low not in ANON_WORDS and low not in QUANTIFIERS and low not in _BARE_FORCES:
        return False
    return _CLAUSE_WORDS.isdisjoint(w.lower() for w in words) and not (
        PREPOSITIONS.intersection(w.lower() for w in words[:1])
    )


_PARTY = re.compile(r"\s*\([^()]{1,24}\)")
_NEVER_IN_SUBJECT = frozenset(
    "that which is was were are to if because been".split() + sorted(_MODALS)  # noqa: SIM905
)
#: '… saying', '… noting': a participle of speech inside a phrase makes it a clause.
_SPEAKING_PARTICIPLES = frozenset(w for w in PARTICIPLE_WORDS if w.endswith("ing"))
#: Copulas and modals: after a determiner phrase they make it a clause ('The pier will open').
_VERBS_OF_CLAUSE = frozenset("is are was were will would can could should must might".split())  # noqa: SIM905
_BAD_LAST = frozenset("of for with and in on at".split())  # noqa: SIM905


_SUBJECT_VERB = re.compile(r"\s+(?:" + AUX + r"\s+)*(?P<verb>[a-z][a-z’'-]+)\b")


def sentence_subject(clause: str) -> tuple[str, int] | None:
    """The subject at the start of a clause: the words before its first lower-case verb.

    A name ('Zelenskyy voiced …'), a pronoun, or a determiner phrase ('A spokeswoman for the
    committee emailed …'); a lone capitalised function word or an upper-case dateline is not
    a subject.
    """
    offset = _lead_end(clause)
    words = clause[offset:].split()
    if not words:
        return None
    first = words[0].lower()
    if first in _SUBJECT_PRONOUNS:
        return words[0], offset
    if len(words) > 1 and words[0][-1:] == "," and words[1].lower() in _SUBJECT_PRONOUNS:
        # 'Listen, it gets stranger:', 'Look, we …': a word set off before a pronoun subject
        # is an interjection or an adverb, not the subject
        return words[1], clause.index(words[1], offset + len(words[0]))
    take: list[str] = []
    determiner = first in _DETERMINERS
    skip = 0
    for at, word in enumerate(words[:10]):
        if skip:
            skip -= 1
            continue
        low = word.lower().strip(",")
        if (
            take
            and word[:1].islower()
            and low not in _NOUN_LINKS
            and not determiner
            and not (take[-1][:1].isupper() and ARTICLE_WORD.match(word))  # 'Ali al-Tarni'
        ):
            document = low in DOCUMENT_WORDS and not take[-1].endswith(("'s", "’s"))
            if (low in _BARE_FORCES or document) and len(take) <= 2:
                # 'Harbour police issued …', 'Partial transcript as follows': the head noun,
                # not the verb ('Lund's letter reads': Lund wrote it)
                take.append(word)
                continue
            skip = _roles_before_name(words, at)
            if not skip:
                break
            take.extend(words[at : at + skip])  # 'Republican presidential nominee Ann Holt'
            skip -= 1
            continue
        if (
            take
            and determiner
            and (
                low in _AUX_WORDS
                or low in _COPULAS
                or low in _MODALS
                or low == "may"
                or low in SPEECH_WORDS
                or low in IRREGULAR_PAST
            )
        ):
            break  # 'a senior official said …', 'the needs are …': the verb ends it
        if (
            take
            and determiner
            and (
                word.endswith(",")
                or (
                    len(take) > 1
                    and low.endswith(("ed", "s"))
                    and low not in _NOUN_LINKS
                    and low not in _DETERMINERS  # 'Some of his aides', 'one of its owners'
                    and not _verb_follows(low, words[at + 1 : at + 2])
                )
            )
        ):  # the word after the determiner is the head ('The departments declined')
            if word.endswith(","):
                take.append(word)
                take.extend(_name_apposition(words[at + 1 : at + 6]))
            break
        take.append(word)
    subject = " ".join(take).rstrip(",")
    if not subject or not (subject[:1].isupper() or determiner):
        return None
    if (len(take) == 1 and (first in PREPOSITIONS or first in _NOT_SUBJECT)) or subject.isupper():
        return None
    if len(take) == 1 and _participle(words[0]) and (len(words) == 1 or words[1] in PREPOSITIONS):
        # 'Flattered by every skipper and …', 'Written "in a time of storms," the charter':
        # a participle opens its clause (alone before a quote, or before a preposition)
        return None
    return subject, offset


def _participle(word: str) -> bool:
    """Does ``word`` read as a past participle ('Frustrated', 'Written') rather than a name:
    six letters or more in -ed or -en, and no given name ('Mohamed', 'Warren')."""
    return len(word) >= 6 and word.lower().endswith(("ed", "en")) and not is_given_name(word)


_NOUN_LINKS = frozenset("of de van von al for the".split())  # noqa: SIM905
#: Lower-case words of a role between a capitalised word and a name ('Democratic
#: presidential candidate', 'Harbour Party campaign manager').
_ROLE_WORDS = PERSON_NOUNS | TITLES


def _roles_before_name(words: list[str], at: int) -> int:
    """How many lower-case role words start at ``at`` and lead to a capitalised word (a
    name); 0 when they do not: the subject 'Republican' of 'Republican presidential nominee
    Ann Holt said' goes on to the name."""
    for end in range(at, min(at + 3, len(words) - 1)):
        word = words[end]
        low = word.lower().rstrip(",")
        if not word[:1].islower() or (low not in _ROLE_WORDS and low not in _ROLE_ADJECTIVES):
            return 0
        if words[end + 1][:1].isupper():
            return end + 1 - at if low in _ROLE_WORDS else 0
    return 0


#: Lower-case words that may stand before a role noun ahead of a name ('Rebel supreme
#: leader Ali al-Tarni'); the word just before the name must be a role.
_ROLE_ADJECTIVES = frozenset(
    "supreme senior top acting interim longtime spiritual political military religious".split()  # noqa: SIM905
)


def _verb_follows(word: str, after: list[str]) -> bool:
    """A plural noun, not a verb in -s, when a verb comes next ('the harbour engineers
    kept', 'the city workers said'): the head of a compound subject ends in -s too."""
    if not word.endswith("s") or not after:
        return False
    low = after[0].lower().strip(",")
    return low in _AUX_WORDS or low in SPEECH_WORDS or low in IRREGULAR_PAST or low.endswith("ed")


def _name_apposition(words: list[str]) -> list[str]:
    """A name set off by commas after a role ('The mayor, Tom Reed, thanked …', 'The ruling
    party, the Harbour League, said'): its words, so the speaker phrase carries the name and
    resolves to the person or the body, not to 'the mayor'."""
    lead = 1 if len(words) > 1 and words[0] == "the" and words[1][:1].isupper() else 0
    for end, word in enumerate(words[lead:], lead):
        if not word[:1].isupper():
            return []
        if word.endswith(","):
            return words[: end + 1] if end >= 1 else []
    return []


_NOT_SUBJECT = frozenset(
    "a an the when where what why how this that these those there here some many from".split()  # noqa: SIM905
)
