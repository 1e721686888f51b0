"""Paraphrase: 'X said (that) …', '…, X said.', 'The plan, aides said, is …', 'according to X'.

Cue words are located first (cheap set and substring tests), then anchored patterns are tried
only at those positions, so a sentence without a cue costs almost nothing.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from bot.core.text import TITLE_ABBREVIATIONS
from bot.extract.cues import (
    ADJUNCT,
    AUDIENCE,
    AUX,
    PARTICIPLE_CUE,
    PARTICIPLE_WORDS,
    REPORTING_CUE,
    REPORTING_WORDS,
    SPEECH_WORDS,
    cue_positions,
    quoted_as,
)
from bot.extract.lexicon import (
    CLAUSE_WORDS,
    IRREGULAR_PAST,
    NAMING_VERBS,
    NOT_SPEAKER_START,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    UPPER,
    WEEKDAYS,
    is_title_case,
)
from bot.extract.quotes import OPENING_MARKS, has_mark
from bot.extract.speakers import NUMBER_WORDS
from bot.extract.subjects import (
    clean_subject,
    lead_clauses_only,
    sentence_subject,
    strip_aux,
    strip_manner,
    valid_subject,
)

_INDIRECT_CUE = re.compile(
    r"(?P<cue>"
    + REPORTING_CUE
    + r")(?:(?P<adj>"
    + ADJUNCT
    + r"?)\s*,?\s*(?P<that>that)\b|\s*:|(?=\s))"
)
#: The end of a sentence after a cue: '…, X said (on Monday).'
#: Nothing but when after a cue, to the sentence's end ('said earlier this week.').
_ONLY_ADJUNCT = re.compile(
    r"\s*,?\s*(?:(?:on\s+)?(?:"
    + "|".join(WEEKDAYS)
    + r")(?:\s+(?:morning|afternoon|evening|night))?|"
    r"yesterday|today|tonight|recently|again|afterwards?|later|earlier"
    r"(?:\s+(?:this|in\s+the)\s+(?:week|month|year|day))?|(?:last|this)\s+(?:week|month|year|weekend))"
    r"\s*[.!?]?\s*$"
)
_CUE_AT_END = re.compile(r"(?P<cue>" + REPORTING_CUE + r")" + ADJUNCT + r"{0,2}\s*[.!?]?\s*$")
_AFTER_CONTENT_INVERTED = re.compile(
    r",\s*(?P<cue>said|says|added|wrote|writes|adds|noted|notes|explained|argued|according\s+to)\s+"
    r"(?P<spk>[^,;:“”\"]{1,90}?)(?:,\s+[^“”\"]{1,120})?\s*[.!?]?\s*$"
)
#: 'As the tabloid noted in an op-ed, the candidate …' (also after a sentence adverb set
#: off by a comma: 'Of course, as …', 'Indeed, as …')
_AS_LEAD = re.compile(
    r"^(?:(?:But|And|Yet|So|Still)\s+|[A-Z][a-z]+(?:\s+[a-z]+)?,\s+)?"
    r"[Aa]s\s+(?P<spk>[^,;:“”\"]{1,80}?)\s+(?:" + AUX + r"\s+)*"
    r"(?P<cue>" + REPORTING_CUE + r")\b[^,;“”\"]{0,60},\s+"
)

#: 'said so' then nothing or an adjunct ('so from the first day', 'so in a letter'): a
#: pro-form for words reported before, not content ('so many boats had come' is content).
_SAID_SO = re.compile(r"so\s+(?:" + "|".join(sorted(PREPOSITIONS)) + r")\b")
#: A role set off after the source where a sentence ends: ', the developer', ', a
#: spokeswoman for the port' (no clause: no comma or quotation mark in it).
_APPOSED_TO_END = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s+[^,;:“”\"]{1,80}$")
_WHOLE_CLAUSE_WORDS = 5  # words before 'according to' that make a whole clause, as a rule


def _not_after_abbreviation() -> str:
    """Lookbehinds that keep the full stop of 'Mr.', 'Sen.' or an initial from ending a
    phrase ('according to Sen. Ann Lund.'), as fixed-width alternatives of each length (a
    lookbehind cannot vary in width)."""
    by_length: dict[int, list[str]] = {1: ["[A-Z]"]}
    for word in sorted(TITLE_ABBREVIATIONS):
        by_length.setdefault(len(word), []).append(word.capitalize())
    return "".join(rf"(?<!\b(?:{'|'.join(words)}))" for _, words in sorted(by_length.items()))


_ACCORDING_ANY = re.compile(
    r",?\s*\baccording\s+to\s+(?P<spk>[^,;:“”\"]{1,100}?)(?=\s*(?:[,;:!?]|"
    + _not_after_abbreviation()
    + r"\.|$))"
)

#: A verb right after 'said that' makes 'that' the demonstrative subject of the content
#: ('Experts said that is unlikely'), not the conjunction that opens it.
_VERB_AFTER_THAT = re.compile(
    r"(?:is|was|would|will|could|can|should|might|must|has|had|does|did|means|meant|seems|"
    r"seemed|makes|made|remains|shows|showed)\b(?!-)|(?:is|was|would|wo|does|did|has)n[’']t\b"
)

#: 'that' and the punctuation between a cue and its content.
_THAT = re.compile(r"[\s,:]*(?:that\b\s*)?")

log = logging.getLogger(__name__)
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
        rest = sentence[self.gap[1] : self.end]
        kept = rest.startswith(",") and _PARTICIPLE_AFTER.match(rest, 1)
        joiner = ", " if kept else " "  # a comma kept before a participle ('A, X said, adding')
        return before + joiner + rest.lstrip(" ,")


def paraphrase(sentence: str) -> Paraphrase | None:
    """Find 'X said (that) …', '…, X said.', 'According to X, …' and '…, according to X.'."""
    end = len(sentence.rstrip(" .!?"))
    match = _ACCORDING_LEAD.match(sentence) if "ccording" in sentence else None
    if match:
        return Paraphrase(match.group("spk"), match.start("spk"), "according to", match.end(), end)
    reported = quoted_as(sentence) if "quoted" in sentence else None  # 'Y quoted X as saying'
    if reported:
        lead = _THAT.match(sentence, reported.end)  # (it matches nothing at worst)
        start = lead.end() if lead else reported.end
        if len(sentence[start:end].split()) >= 3:
            return Paraphrase(reported.speaker, reported.offset, reported.cue, start, end)
    match = _AS_LEAD.match(sentence)
    if match:
        found = clean_subject(match.group("spk"))
        if found and len(sentence[match.end() : end].split()) >= 3:
            return Paraphrase(
                found[0], match.start("spk") + found[1], match.group("cue"), match.end(), end
            )
    match = _ACCORDING_ANY.search(sentence) if "according to" in sentence else None
    if match and len(sentence[: match.start()].split()) + len(sentence[match.end() :].split()) >= 4:
        spk, gap = match.group("spk"), (match.start(), match.end())
        apposed = _APPOSED_TO_END.match(sentence, match.end(), end)
        whole = len(sentence[: match.start()].split()) >= _WHOLE_CLAUSE_WORDS
        if apposed and whole:
            # '…, according to Ann Lund, the developer.': her role, not the content (but
            # 'At 10 p.m., according to the log, the crew left …': the clause goes on)
            spk, gap = spk + apposed.group(), (match.start(), end)
        elif whole and sentence.startswith(", who ", match.end()):
            gap = (match.start(), end)  # '…, according to Bo Lind, who said …': about him
        return Paraphrase(spk, match.start("spk"), "according to", 0, end, gap)
    tail_checked = False
    for pos in cue_positions(sentence, REPORTING_WORDS, 600)[:4]:
        inserted = _parenthetical(sentence, pos, end)
        if inserted:
            return inserted
        match = _INDIRECT_CUE.match(sentence, pos)
        if not match:
            continue
        if not tail_checked and match.group("cue").split()[0] not in SPEECH_WORDS:
            # 'The council has backed the plan, its leader said.': a verb of belief or
            # action inside the content; the speech cue at the end attributes it
            tail_checked = True
            tail = after_content(sentence)
            if tail is not None and tail.cue.split()[0] in SPEECH_WORDS and tail.start == 0:
                return tail
        if _plural_noun_cue(sentence, match):
            continue  # 'gull attacks are rare', 'the claims are false': a noun
        before = sentence[:pos]
        if _after_possessive(before, match.group("cue")):
            continue  # 'crews voiced their hopes in letters': a noun
        if " who " in before[-40:] and _ANYONE_WHO.search(before, max(0, len(before) - 40)):
            continue  # 'sorry to anyone who may take it …': nobody in particular
        if _in_who_clause(before) and _MAIN_SAID.search(sentence, match.end()):
            continue  # 'X, who asked not to be named, said …': the relative clause's verb
        if _in_aside(before, match.group("cue")) and _MAIN_SAID.search(sentence, match.end()):
            continue  # 'X, asked about the strike, said …': the aside's participle
        if before.rstrip().endswith(",") and sentence[match.end() :].lstrip()[:1].isupper():
            inverted = after_content(sentence)  # '…, said Dante Scala, a professor.'
            if inverted:
                return inverted
        relative = _in_relative(sentence, before, match.end(), match.group("cue"))
        if relative:
            return relative
        if _ADJUNCT_AFTER_CUE.match(sentence, match.end()):  # (a cheap test before the call)
            fronted = _fronted_before_adjunct(sentence, before, match.end(), match.group("cue"))
            if fronted:
                return fronted
        named = (
            _NAME_BEFORE_WHO.search(before, max(0, len(before) - 90))
            if ", who " in before[-20:]
            else None
        )
        if named and valid_subject(named.group("name")):
            found = (named.group("name"), named.start("name"))  # '…, is Ana Reyes, who said'
        else:
            found = clean_subject(strip_manner(before), match.group("cue"))
        if not found and before.endswith(", who "):
            found = _antecedent(before[: -len(", who ")])  # 'a publicist, who said …'
        if not found and before.endswith((" and ", " but ")):
            found = sentence_subject(before)  # 'Obama met survivors and (but) said …'
        found = _usable(_relative_head(found))
        if not found:
            continue  # 'When asked about …, X said': the cue word was in the lead clause
        start = match.end()
        while start < len(sentence) and sentence[start] in " ,:":
            start += 1
        if match.group("that") and _VERB_AFTER_THAT.match(sentence, start):
            start = match.start("that")  # 'said that is unlikely': 'that' is the subject
        heard = _TO_AUDIENCE.match(sentence, start) if sentence.startswith("to ", start) else None
        if heard and not match.group("that"):
            start = heard.end()  # 'X confided to her that …': the audience is not the content
        if not match.group("that"):
            when = _WHEN_LEAD.match(sentence, start)
            start = when.end() if when else start  # 'X said on Monday the levy …'

        if end - match.end() < 26 and "," in before and _ONLY_ADJUNCT.match(sentence, match.end()):
            tail = after_content(sentence)  # 'A, X said earlier this week.': A is the content
            if tail is not None:
                return tail
        if len(sentence[start:end].split()) < 3 or sentence.startswith(("and ", "or "), start):
            continue  # 'state media reports and port sources said …': 'reports' was a noun
        if sentence[start : start + 1] in ('"', "“") and _names_a_title(
            sentence, start, match.group("cue")
        ):
            continue  # 'His show, called "The Show," ran …': a name given, nothing said
        if _SAID_SO.match(sentence, start):
            continue  # 'the mayor said so from the first day': 'so' stands for what was said
        if sentence.startswith("from ", start) and match.group("cue") in ("reported", "wrote"):
            continue  # 'Jo Lind reported from Tarnby.': a credit line, nothing reported
        if before.endswith(", who "):
            end = _relative_end(sentence, start, end)  # 'Ann Lee, who said …, left early.'
        return Paraphrase(found[0], found[1], match.group("cue"), start, end)
    return after_content(sentence)


#: A clause of time or manner right after a tail cue: '…, X said as she left the hall.'
_ADJUNCT_AFTER_CUE = re.compile(
    r",?\s+(?:as|when|while|after|before|because|since|until|once|though|although)\s+"
    r"(?:he|she|they|it|we|I|[A-Z])"
)


def _fronted_before_adjunct(sentence: str, before: str, after: int, cue: str) -> Paraphrase | None:
    """'The pier will open in May, Ana Reyes said as she left the hall.': the words before
    the comma are what was said, the clause after the cue only says when; without this the
    whole lead was read as the subject and the time clause as the content. The caller has
    matched ``_ADJUNCT_AFTER_CUE`` after the cue."""
    if cue.split(" ", 1)[0] not in SPEECH_WORDS:
        return None  # '…, the row vexes voters who believe that when …': no speech at all
    if has_mark(sentence[after:]):
        return None  # '…, X said as he began, "…"': the quote is what was said
    comma = before.rfind(", ")
    fronted = before[:comma].split()
    if comma < 0 or len(fronted) < 3:
        return None
    if fronted[0].lower() in PREPOSITIONS and "," in before[:comma]:
        return None  # 'At day's end, however, X said as …': a lead, not reported words
    found = clean_subject(before[comma + 2 :], cue)
    if found is None or found[1] != 0 or " said " in found[0]:
        return None
    return Paraphrase(found[0], comma + 2, cue, 0, comma)


def _names_a_title(sentence: str, start: int, cue: str) -> bool:
    """Does a naming verb ('called', 'dubbed') put a title in quotation marks at ``start``
    ('called "The Harbour Show,"'), every word capitalised but the small ones?"""
    if cue.split()[-1].lower() not in NAMING_VERBS:
        return False
    close = min(
        (i for i in (sentence.find('"', start + 1), sentence.find("”", start + 1)) if i > 0),
        default=-1,
    )
    words = sentence[start + 1 : close].split() if close > 0 else []
    return 0 < len(words) <= 8 and is_title_case(words)


#: A subordinate clause opening the sentence: 'While critics argue that …, the mayor …'.
#: 'As X noted, …' is not here: there X is the source of the main clause (``_AS_LEAD``).
_LINKS = ("But", "And", "Yet", "So")
#: When or where the words were said, between the cue and content without 'that' ('said on
#: Monday the levy …', 'said in a letter the …'); not before a verb, where the time is
#: the content's subject ('said Monday was the worst day').
_WHEN_LEAD = re.compile(
    r"(?:(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?|(?:last|this)\s+(?:week|month|year)|"
    r"earlier\s+this\s+(?:week|month|year)|in\s+(?:a|an)\s+(?:written\s+)?"
    r"(?:statement|interview|email|letter))\s+"
    r"(?!(?:is|was|were|will|would|has|had|could|should|might|may|and|or|but)\b)(?=[a-zA-Z“\"])"
)
_CONJUNCTIONS = ("While", "Although", "Though", "Whereas", "When", "After", "Because", "Since",
                 "Once", "Until", "Before", "Even as", "Even though")  # fmt: skip
_SUBORDINATE = re.compile(
    r"(?:(?:" + "|".join(_LINKS) + r")\s+)?(?:(?:Even|Just)\s+)?"
    r"(?:" + "|".join(c.replace(" ", r"\s+") for c in _CONJUNCTIONS) + r")\s+(?=[A-Za-z])"
)
#: The words such a sentence can open with: one set test spares most sentences the pattern.
_SUBORDINATE_STARTS = frozenset({*_LINKS, "Even", "Just", *(c.split()[0] for c in _CONJUNCTIONS)})


_ASKED = ("asked ", "pressed ", "questioned ")


def subordinate(sentence: str) -> tuple[Paraphrase, int] | None:
    """'While critics argue that the fare is too high, the mayor …': the reported clause of
    a subordinate clause that opens the sentence, and the offset where the main clause
    starts (after its comma). The clause's subject must open it and the content end at the
    comma, so the main clause keeps its own attribution.
    """
    if sentence.split(" ", 1)[0] not in _SUBORDINATE_STARTS:
        return None  # one set test for most sentences
    match = _SUBORDINATE.match(sentence)
    if not match:
        return None
    comma = sentence.find(", ", match.end())
    if comma < 0 or sentence.startswith(_ASKED, match.end()):
        return None  # 'When asked why Ortiz decided to …,': a question put, not a statement
    found = paraphrase(sentence[match.end() : comma])
    if (
        found is None
        or found.gap is not None
        or found.speaker_offset > 0
        or found.start == 0
        or len(sentence[match.end() + found.start : comma].split()) < 3
    ):
        return None
    at = match.end()
    shifted = Paraphrase(
        found.speaker, at + found.speaker_offset, found.cue, at + found.start, at + found.end
    )
    return shifted, comma + 2


#: 'a deadline that several insiders said went unnoticed': the speaker between a relative
#: pronoun and the cue, the content a verb phrase whose subject is the relative pronoun.
_RELATIVE_SPEAKER = re.compile(r"(?:^|[\s,])(?:that|which|what)\s+(?P<spk>[^,;:“”\"]{2,60}?)\s*$")
_VERB_FIRST = re.compile(
    r"(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must|did|does|"
    r"to|[a-z]{2,}ed|(?!this\b|thus\b|less\b|unless\b|across\b|perhaps\b)[a-z]{3,}s)\b"
)


_NOT_IN_RELATIVE_SUBJECT = CLAUSE_WORDS - {"and", "or"}


def _in_relative(sentence: str, before: str, after: int, cue: str) -> Paraphrase | None:
    """'a strike that executives said could hurt earnings', 'which a review said was
    careless': the words after the cue up to the clause's comma, said by the phrase
    after the relative pronoun (when it reads as a subject and the words start with a verb).
    """
    if "that " not in before and "which " not in before and "what " not in before:
        return None
    match = _RELATIVE_SPEAKER.search(strip_aux(before), max(0, len(before) - 80))
    if match is None or not valid_subject(match.group("spk")):
        return None
    words = match.group("spk").lower().split()
    if not _NOT_IN_RELATIVE_SUBJECT.isdisjoint(words) or (
        len(words) > 1 and words[-1] in PRONOUNS and words[-2] != "of"
    ):
        return None  # 'the divides he (hoped …)', 'the emails will not be': no subject
    start = after
    while start < len(sentence) and sentence[start] == " ":
        start += 1
    first = sentence[start : start + 20].split(" ", 1)[0]
    if not (_VERB_FIRST.fullmatch(first) or first in IRREGULAR_PAST) or first == "that":
        return None
    stop = [at for at in (sentence.find(",", start), sentence.find(";", start)) if at > 0]
    end = min(stop) if stop else len(sentence.rstrip(" .!?"))
    if len(sentence[start:end].split()) < 3:
        return None
    return Paraphrase(match.group("spk"), match.start("spk"), cue, start, end)


def _plural_noun_cue(sentence: str, match: re.Match[str]) -> bool:
    """Is the cue word a plural noun ('attacks', 'claims', 'reports') followed by its verb?"""
    return match.group("cue") in _NOUN_CUES and sentence.startswith(
        (" were ", " are "), match.end("cue")
    )


def _after_possessive(before: str, cue: str) -> bool:
    """Does a possessive determiner come right before the cue word ('their hopes', 'his
    claims')? Then the word is a noun. 'her' is also an object ('heard her say'), so after
    it only a word in -s counts ('her fears')."""
    last = before[-8:].rsplit(None, 1)[-1].lower() if before.strip() else ""
    if last not in POSSESSIVES or before[-1:] != " ":
        return False
    return last != "her" or cue.split()[0].endswith("s")


#: Cue words that are also plural nouns.
_NOUN_CUES = frozenset(
    """attacks claims reports accounts warnings charges comments remarks statements tweets
    posts notes responses replies complaints promises threats""".split()  # noqa: SIM905
)


#: An indefinite pronoun's relative clause before a cue: 'anyone who may take …'.
_ANYONE_WHO = re.compile(
    r"\b(?:anyone|anybody|everyone|everybody|someone|somebody)\s+who\s+"
    r"(?:(?:might|may|could|would|will|can|should|ever|still|now)\s+)*$",
    re.IGNORECASE,
)


def _in_who_clause(before: str) -> bool:
    """Is the cue inside a 'who'/'which' clause begun since the last comma ('X, who asked
    …', 'X, a Republican who has refused to endorse Y, said')?"""
    since = before[before.rfind(",") + 1 :]
    return " who " in since or " which " in since or since.startswith(("who ", "which "))


#: Participles that open an aside between a subject and its speech verb.
_ASIDE_PARTICIPLES = frozenset("asked pressed questioned speaking responding writing".split())  # noqa: SIM905


def _in_aside(before: str, cue: str) -> bool:
    """Does the cue open an aside set off by a comma ('X, asked about Y, said …', 'X, when
    asked, said …', 'X, speaking on Monday, said …')?"""
    head = before.rstrip()
    for lead in (" when", " if", " once"):
        head = head.removesuffix(lead)
    return head.endswith(",") and cue.split()[0] in _ASIDE_PARTICIPLES


def _relative_end(sentence: str, start: int, end: int) -> int:
    """Where a 'who said …' clause ends: at the comma before the main clause's verb."""
    for match in _MAIN_VERB.finditer(sentence, start, end):
        word = match.group("verb")
        if word.endswith(("ed", "s")) or word in IRREGULAR_PAST:
            return match.start()
    return end


_MAIN_VERB = re.compile(r",\s+(?:" + AUX + r"\s+)*(?P<verb>[a-z]+)\b(?![^,]*,)")


_TO_AUDIENCE = re.compile(
    r"to\s+(?:" + AUDIENCE + r"|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
    r"\s*,?\s+that\s+"
)
#: The main clause's speech verb after a relative clause: '…, said', '…, told'.
_MAIN_SAID = re.compile(
    r",\s+(?:" + AUX + r"\s+)*(?:said|says|told|tells|added|adds|wrote|writes)\b"
)
#: Words after which the noun phrase a 'who' clause hangs on begins.
_BEFORE_ANTECEDENT = frozenset("by from with to of for and as at on in than like".split())  # noqa: SIM905


#: A name run right before ', who ' (after a verb or a preposition): the relative
#: pronoun's antecedent, whatever the clause before it ('The one held is Ana Reyes, who').
_NAME_BEFORE_WHO = re.compile(
    r"(?:^|\s)(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.’'-]*), who "
    r"(?:(?:had|has|have|would|will|did|does|was|is|also|later|then)\s+){0,2}$"
)


def _antecedent(head: str) -> tuple[str, int] | None:
    """The speaker of '…, who said': the noun phrase right before the comma (after the last
    preposition, at most eight words), its quotation marks removed."""
    spans = [(m.start(), m.group()) for m in re.finditer(r"\S+", head)]
    words = [w for _, w in spans]
    for k in range(len(words) - 1, max(-1, len(words) - 9), -1):
        if k and words[k - 1].lower() not in _BEFORE_ANTECEDENT:
            continue
        phrase = " ".join(words[k:]).replace('"', "").replace("“", "").replace("”", "")
        phrase = " ".join(phrase.split())
        if phrase[:1].isupper() or phrase.split(" ", 1)[0] in ("the", "a", "an"):
            return (phrase, spans[k][0]) if valid_subject(phrase) else None
    return None


_SOFT_START = frozenset("just only even also perhaps maybe probably nearly almost".split())  # noqa: SIM905


def _approximate(words: list[str]) -> bool:
    """'About 9 percent', 'Around 400 residents': a preposition before a number is an
    approximation of the subject's size, not the start of an adverbial."""
    return (
        words[0].lower() in ("about", "around", "roughly", "approximately", "over")
        and len(words) > 1
        and (words[1][:1].isdigit() or words[1].lower() in NUMBER_WORDS)
    )


def _relative_head(found: tuple[str, int] | None) -> tuple[str, int] | None:
    """'Voters who backed the levy said …' reads 'Voters who' as the subject of 'backed':
    a subject that runs into a restrictive relative pronoun (no comma before it) is the noun
    phrase the pronoun hangs on. (After a comma the apposition rules take the name.)"""
    if not found or " " not in found[0]:
        return found
    head, last = found[0].rsplit(None, 1)
    if last.lower() not in ("who", "that") or head.endswith(","):
        return found
    return (head, found[1]) if valid_subject(head) else None


def _usable(found: tuple[str, int] | None) -> tuple[str, int] | None:
    """A subject that can be a speaker: 'Just 28 percent of voters' -> '28 percent of voters';
    'In a subsequent (note)' or 'When (asked)' is an adverbial, not a subject."""
    if not found:
        return None
    words = found[0].split()
    first = words[0].lower().strip(",")
    if (first in _SOFT_START or _approximate(words)) and len(words) > 1:
        return found[0][len(words[0]) :].lstrip(), found[1] + found[0].find(words[1])
    if first in NOT_SPEAKER_START and first not in ("he", "she", "they", "we", "i", "it"):
        return None
    return found


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
    if inverted and not valid_subject(inverted.group("spk").strip()):
        return None  # 'Ana Ruiz, 63, said she wanted change, but …': content, not a speaker
    if inverted and _SUBJECT_WITH_APPOSITION.match(sentence[:comma]):
        return None  # 'Jim Walsh, a specialist at MIT, said the deal, which …': the subject
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
    if _PARTICIPLE_AFTER.match(sentence, close) and sentence[close - 2 : close] == ", ":
        # 'A, X said, adding that B': keep the comma before the participle, which then
        # splits B off as the same speaker's second statement
        return Paraphrase(spk, spk_at, cue, 0, end, (comma, close - 2))
    if inverted and _APPOSITION_END.match(sentence, close, end):
        return None  # '…, said Ana Ortiz, the harbour chief.': an apposition, not more content
    if sentence.startswith(OPENING_MARKS, close) and lead_clauses_only(sentence[: comma + 2]):
        # 'After meeting Tom Reyes, Holm said, "…"': the words before are a lead clause, and
        # the quote after the cue is all that was said
        return Paraphrase(spk, spk_at, cue, close, end)
    return Paraphrase(spk, spk_at, cue, 0, end, (comma, close))


#: ', adding that …' after a tail cue: a participle of saying ('asked her' is no participle,
#: 'citing a source' reports no words).
_PARTICIPLE_AFTER = re.compile(
    r"\s*(?:and\s+)?(?!citing\b)(?=[a-z]+ing\b)(?:" + PARTICIPLE_CUE + r")\b"
)
#: A name and its apposition, the whole text before ', said': the sentence's subject.
_SUBJECT_WITH_APPOSITION = re.compile(
    r"^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+of\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?"
    r",\s+(?:a|an|the|who|whose)\s[^,;:“”\"]{1,120}$"
)
_APPOSITION_END = re.compile(r"(?:a|an|the|who|whose|one)\s[^,;:“”\"]*$")


@functools.lru_cache(maxsize=256)  # ``paraphrase`` may ask about one sentence up to four times
def after_content(sentence: str) -> Paraphrase | None:
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
    if match and _SUBJECT_WITH_APPOSITION.match(sentence[:comma]):
        match = None  # 'Gov. Ann Holt of Ohio, a Republican, said the crews …': the subject
    if match:
        # 'X, a fellow, said Trump could sue.': 'Trump could sue' is the content, not a speaker;
        # '…, said an activist who asked not to be named.': the speaker before its clause
        spk = _WHO_CLAUSE.split(match.group("spk").strip(), maxsplit=1)[0]
        if valid_subject(spk) and not _PERFECT.search(spk):
            return Paraphrase(spk, match.start("spk"), match.group("cue"), 0, comma)
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


#: 'X, who …, said Mr. Reyes had erred': an auxiliary after the name makes it the content.
_PERFECT = re.compile(r"\s(?:has|had|have|did|does)\s")
_WHO_CLAUSE = re.compile(r"\s+(?:who|whose)\s")
_PARTICIPLE_CONTENT = re.compile(
    r",(?P<mark>''|[”\"’'])?\s*(?:and\s+)?(?P<cue>" + PARTICIPLE_CUE + r")\s*(?:that\s+)?(?=\S)"
)


def participle(sentence: str) -> tuple[str, int, int, int] | None:
    """', saying (that) …' inside a sentence: cue, content start and end, and where the words
    before the participle end (the subject is the speaker). The comma may close a quote
    first ('"… doomed," adding, "…"'), and 'by saying' may open the sentence's content
    ('by saying, "…"' after 'X responded': nothing before it)."""
    for pos in cue_positions(sentence, PARTICIPLE_WORDS, 800):
        comma = sentence.rfind(",", max(0, pos - 8), pos)
        if comma < 0:
            by = _BY_BEFORE.search(sentence, max(0, pos - 5), pos)
            by = by or _MEDIUM_BEFORE.search(sentence, max(0, pos - 40), pos)
            if by:
                match = _BY_PARTICIPLE.match(sentence, pos)  # '… by saying it "calls …"'
                if match:
                    end = len(sentence.rstrip(" .!?"))
                    return match.group("cue"), match.end(), end, by.start()
            continue
        match = _PARTICIPLE_CONTENT.match(sentence, comma)
        if match:
            before = match.end("mark") if match.group("mark") else comma + 1
            return match.group("cue"), match.end(), len(sentence.rstrip(" .!?")), before
    return None


def inside_participle(sentence: str, begin: int, found: Paraphrase) -> bool:
    """Is the cue ``found`` part of what an earlier participle reports ('X sent an email
    saying that tallies in A and B show …'), with no new clause between them?"""
    early = participle(sentence[begin:])
    if early is None:
        return False
    start = begin + early[1]
    between = sentence[start : found.speaker_offset]
    # a new clause (', though Y said …') or a quote ('saying, "…," but he denied') between
    # them gives the later cue a subject of its own
    return (
        start <= found.speaker_offset and not _NEW_CLAUSE.search(between) and not has_mark(between)
    )


#: 'with 30 percent of voters saying (that) …': the absolute construction names its own
#: speaker between 'with' and the participle.
_WITH_PARTICIPLE = re.compile(
    r"\bwith\s+(?P<spk>[^,;:“”\"]{1,80}?)\s+(?P<cue>"
    + PARTICIPLE_CUE
    + r")\s*,?\s*(?:that\s+)?(?=\S)"
)


_DASHED = re.compile(r"\s[-—–]\s|[—–]")


def with_participle(sentence: str) -> Paraphrase | None:
    """'…, with 22 percent saying they would not back him': the words after the participle,
    said by the phrase after 'with' when it reads as a subject."""
    if "with " not in sentence:
        return None
    for pos in cue_positions(sentence, PARTICIPLE_WORDS, 800):
        at = sentence.rfind("with ", max(0, pos - 86), pos)
        match = _WITH_PARTICIPLE.match(sentence, at) if at >= 0 else None
        if match is None or match.start("cue") != pos:
            continue
        spk = match.group("spk")
        end = len(sentence.rstrip(" .!?"))
        if (
            valid_subject(spk)
            and not _DASHED.search(spk)
            and spk.rsplit(" ", 1)[-1] not in PREPOSITIONS  # 'Trump this week after'
            and len(sentence[match.end() : end].split()) >= 3
        ):
            return Paraphrase(spk, match.start("spk"), match.group("cue"), match.end(), end)
    return None


#: 'X issued a statement (on Monday) saying …': the medium the participle reports from,
#: with no comma before it.
_MEDIUM_BEFORE = re.compile(
    r"\s(?:a|an)\s+(?:[a-z]+\s+)?(?:statement|letter|tweet|post|email|e-mail|release|note|"
    r"memo|message|video|leaflet|flyer|newsletter)(?:\s+(?:on\s+)?(?:"
    + "|".join(WEEKDAYS)
    + r"|today|yesterday|earlier|later))?\s+$"
)
_BY_PARTICIPLE = re.compile(r"(?P<cue>" + PARTICIPLE_CUE + r")\s*(?:that\s+)?(?=\S)")
#: 'by' right before a participle, at the content's start or after a word: 'by saying'.
_BY_BEFORE = re.compile(r"(?:^|\s)by\s+[^\w\s]?$")


_COORDINATED = re.compile(
    r"\s(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?P<cue>" + REPORTING_CUE + r")"
    r"(?:\s+that\b|\s*,)?\s+(?=\S)"
)
_NEW_CLAUSE = re.compile(r"(?:,|;)\s+(?:while|but|and|whereas|though|although)\s+")


def coordinated(content: str) -> tuple[int, str, int] | None:
    """'… A and suggested that B': the same speaker's second statement, as (end of the first
    content, cue, start of the second). The first may be a few words ('claimed victory and
    argued that …'): the caller decides whether it is a statement of its own."""
    for pos in cue_positions(content, REPORTING_WORDS, None):
        start = max(0, pos - 12)
        match = _COORDINATED.search(content, start, pos + 80)
        if match and match.start("cue") == pos and content[: match.start()].strip():
            return match.start(), match.group("cue"), match.end()
    return None


def second_clause(content: str) -> tuple[int, int, Paraphrase] | None:
    """'… A, while 22 percent said B': a new subject with its own cue starts a second
    statement: where the first content ends, where the clause starts, and its paraphrase."""
    for match in _NEW_CLAUSE.finditer(content):
        begin = match.end()
        adverb = _CLAUSE_ADVERB.match(content, begin)  # '…, but ultimately Marr thinks B'
        begin = adverb.end() if adverb else begin
        rest = content[begin:]
        if len(content[: match.start()].split()) < 3 or not cue_positions(
            rest, REPORTING_WORDS, 80
        ):
            continue
        found = paraphrase(rest)
        if found and found.start > 0 and found.gap is None:
            return match.start(), begin, found
    return None


#: An adverb between a clause's conjunction and its named subject.
_CLAUSE_ADVERB = re.compile(r"(?:[a-z]+ly|then|later|now|still|also|soon)\s+(?=[" + UPPER + r"])")
