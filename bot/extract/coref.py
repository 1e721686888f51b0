"""Pronoun speakers: who "he" is in '"…," he said', read the way a reader does.

News writes the speaker's name as the subject of a sentence shortly before a pronoun refers
back to them ("Cruz admitted his pick was political. '…,' he said."). So the sentences before
the pronoun are searched nearest first, each from its start (the subject comes first), for a
person of the pronoun's gender who is not inside quotation marks, not a possessive ("Trump's
plan") and not the object of a preposition ("a lecture from Obama"). A sentence whose subject
is itself a pronoun of that gender continues the previous resolution. This is a small,
deterministic take on the classic Hobbs search, over one window of text per pronoun.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.core.text import is_abbreviation, sentence_ends
from bot.extract.gender import gender_of, pronoun_gender
from bot.extract.keypoints import is_furniture
from bot.extract.lexicon import (
    COUNTRIES,
    NOT_FIRST,
    POSSESSIVES,
    PRONOUNS,
    QUESTION_WORDS,
    UPPER,
)
from bot.extract.paragraphs import attribution_follows
from bot.extract.paraphrase import after_content
from bot.extract.quotes import CLOSING_MARKS, find_quotes, has_mark
from bot.extract.speakers import (
    People,
    SpeakerRef,
    classify,
    clean_word,
    split_name,
    surname_of,
)
from bot.extract.subjects import sentence_subject

log = logging.getLogger(__name__)

#: How far back (characters) a pronoun looks for its person.
WINDOW = 1200
#: How many sentences back, and across how many paragraph breaks.
MAX_SENTENCES = 8
MAX_BREAKS = 3
_MENTION = re.compile(
    r"\b(?:(?P<pro>[Hh]e|[Ss]he)\b|(?P<name>["
    + UPPER
    + r"][\w’'-]*\.?(?:\s+(?:de|van|von|al|bin|la|del|da)?\s*"
    r"[" + UPPER + r"][\w’'-]*\.?)*))"
)
_AFTER_PREPOSITION = frozenset(
    """of for to with by against from about on at in into over under toward towards between
    like than as behind beside via per upon among versus vs""".split()  # noqa: SIM905
)
#: Capitalised objects of a preposition listed up to an 'and' (or 'or'): 'in The Times,
#: TIME and ' before a name makes it one more object, not a subject.
_LISTED_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|on|at|from|by|with|for|to|of|about)\s+"
    r"(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*\s*,\s+)*[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*"
    r",?\s+(?:and|or)\s+$"
)
_POSSESSIVE = re.compile(r"^[’']s?\b")
_DETERMINERS = frozenset("the a an this that these those every each".split())  # noqa: SIM905
_LEADING = frozenset(
    """and but so then also yet or nor now still meanwhile however besides after before when
    while if as because though although since until unless once even later earlier today
    yesterday tonight afterwards afterward instead""".split()  # noqa: SIM905
)
#: A name used as a modifier ("the Clinton campaign") is not the person.
_MODIFIED = frozenset(
    """campaign campaigns administration camp team foundation rally rallies era presidency
    supporters allies aides staff staffers advisers voters backers surrogates organization
    headquarters plan plans proposal policies policy years victory nomination""".split()  # noqa: SIM905
)
_VERBISH = re.compile(r"^[a-z]+(?:ed|s)$")


def blank_quotes(window: str) -> str:
    """The window with quoted words replaced by spaces (offsets kept): names inside a
    quotation are what someone said, not who is speaking."""
    if not has_mark(window):
        return window
    pieces: list[str] = []
    for line in window.split("\n"):
        last = 0
        for q in find_quotes(line, single=False):
            pieces.append(line[last : q.start])
            pieces.append(_blank(line[q.start : q.end]))
            last = q.end
        pieces.append(line[last:])
        pieces.append("\n")
    return "".join(pieces)[: len(window)]


def _blank(quote: str) -> str:
    """Spaces for a quotation, but for the comma that closes it ('"…," Holm said'): the
    frame after the quote still reads as one ('…, Holm said.')."""
    if len(quote) > 2 and quote[-2] == "," and quote[-1] in CLOSING_MARKS:
        return " " * (len(quote) - 1) + ","
    return " " * len(quote)


@dataclass(slots=True)
class Layout:
    """Paragraphs already read for earlier pronouns: quotes blanked, sentence starts."""

    paragraphs: dict[int, tuple[str, list[int]]] = field(default_factory=dict)

    def paragraph(self, text: str, start: int) -> tuple[str, list[int]]:
        """The paragraph starting at ``start``, blanked and split (cached)."""
        found = self.paragraphs.get(start)
        if found is None:
            end = text.find("\n", start)
            original = text[start : len(text) if end < 0 else end]
            found = _split(blank_quotes(original), original)
            self.paragraphs[start] = found
        return found


def quoted_at(people: People, pos: int) -> bool:
    """Is the character at ``pos`` inside a quotation? (The paragraph's blanked copy is
    cached, so asking about many mentions of one paragraph reads it once.)"""
    layout = people.layout
    if not isinstance(layout, Layout):
        layout = people.layout = Layout()
    start = people.text.rfind("\n", 0, pos) + 1
    blanked, _ = layout.paragraph(people.text, start)
    at = pos - start
    return at < len(blanked) and blanked[at] == " " and not people.text[pos].isspace()


def _split(blanked: str, original: str) -> tuple[str, list[int]]:
    """The blanked paragraph and its sentence starts, by the one splitter (bot.core.text).

    A sentence that opens with a quote starts where the quote does, though the blanked copy
    has spaces there ('… before the final. "…," added the 31-year-old.': the name before the
    quote is in the sentence before, not in the description's own)."""
    ends = sentence_ends(blanked)
    if blanked is original or len(blanked) != len(original):
        return blanked, [0, *ends]  # no quote blanked (``blank_quotes`` returned the text)
    known = set(ends)
    for match in _QUOTE_OPENS_SENTENCE.finditer(original):
        end = match.end()
        if end in known or blanked[match.end("mark") - 1] != " ":
            continue  # a boundary already, or a mark the blanking kept (no quote of its own)
        if match.group("stop") == "." and is_abbreviation(original, match.start()):
            continue  # 'Mr. "…"'
        ends.append(end)
    for match in _QUOTE_CLOSES_SENTENCE.finditer(original):
        # '"…," he said, "… despicable." Holm said …': the stop inside the blanked quote
        # still ends the sentence, unless a frame of that quote follows it
        end = match.end()
        if end in known or blanked[match.start()] != " ":
            continue
        if not attribution_follows(original, end, asked=match.group("stop") != "."):
            ends.append(end)
    return blanked, [0, *sorted(set(ends))]


#: A sentence end right before an opening quotation mark and a capital: where a sentence
#: that opens with a quote starts (the splitter's rule, ``bot.core.text.SENTENCE_END``).
_QUOTE_OPENS_SENTENCE = re.compile(
    r"(?P<stop>[.!?…])[.!?…]*[\"”'’)\]]*(?=\s+(?P<mark>[\"“‘'«])[\"“‘'«]*[A-Z0-9])"
)


#: A sentence end inside a quotation that closes it, before a capital.
_QUOTE_CLOSES_SENTENCE = re.compile(r"(?P<stop>[.!?])[\"”’']+(?=\s+[A-Z])")


def _paragraph_starts(text: str, pos: int) -> list[int]:
    """Starts of the paragraph holding ``pos`` and of the ones before it, nearest first."""
    out: list[int] = []
    end = pos
    while len(out) <= MAX_BREAKS and end >= 0 and pos - end <= WINDOW:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip() or not out:
            out.append(start)
        end = start - 1
    return out


def resolve(people: People, pos: int, pronoun: str) -> str | None:
    """The full name of the person a he/she pronoun at ``pos`` refers to, or None."""
    found = resolve_where(people, pos, pronoun)
    return found[0] if found else None


def resolve_where(people: People, pos: int, pronoun: str) -> tuple[str, int] | None:
    """The full name a he/she pronoun at ``pos`` refers to and where the sentence naming
    that person starts, or None. For the pronoun framing the quote it follows ('"…," he
    said') a sentence just before that closes with a reporting frame gives its speaker, the
    one who spoke last; a narrating pronoun ('He then left') goes on with the subject."""
    want = pronoun_gender(pronoun)
    if want is None:
        return None
    framed = _AFTER_QUOTE.search(people.text, max(0, pos - 4), pos) is not None
    for blanked, start, end, para_start in _sentences_before(people, pos, MAX_SENTENCES):
        found = None
        if para_start + end < pos:
            found = _asked_in(people, blanked, start, end, para_start, want)
        found = found or _subject_in(people, blanked, start, end, para_start, want, framed=framed)
        if found:
            people.gender.setdefault(found, want)
            return found, para_start + start
        # past a sentence with the same pronoun ('He then left.') the chain reads subjects:
        # a frame further back ('…, the paper reported.') names no antecedent of it
        framed = framed and not _has_pronoun(blanked, start, end, want)
    return None


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
#: A question put to a named person: 'asked Abdullah if (whether, about, why …)'.
_ASKED_PERSON = re.compile(
    r"\basked\s+(?P<name>[" + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+){0,2})\s+"
    r"(?:" + "|".join(sorted(QUESTION_WORDS)) + r")\b"
)


def _asked_in(
    people: People, window: str, start: int, end: int, begin: int, want: str
) -> str | None:
    """'Zakaria asked Abdullah if …. "…," he answered': the person asked in a sentence that
    opens with the asker is the one who answers."""
    if window.find("asked ", start, end) < 0:
        return None
    asked = _ASKED_PERSON.search(window, start, end)
    if asked is None or not _asker_opens(window[start : asked.start()]):
        return None
    return _person(people, asked.group("name"), begin + asked.start("name"), want)


def _asker_opens(before: str) -> bool:
    """Does the sentence open with the asker ('Zakaria asked …', 'The host then asked …'),
    not with a clause that reports a question asked ('What got to her, she said, was …')?"""
    words = before.split()
    return 1 <= len(words) <= 4 and "," not in before


#: A closing quotation mark right before a pronoun: '"…," he said'.
_AFTER_QUOTE = re.compile(r"[\"”’']\s*$")


def _has_pronoun(window: str, start: int, end: int, want: str) -> bool:
    """Does the sentence hold a he/she of gender ``want`` outside quotation marks?"""
    return any(pronoun_gender(m.group()) == want for m in _PRONOUN.finditer(window, start, end))


def recent_subject(people: People, pos: int, want: str | None, most: int = 3) -> str | None:
    """The person who is the subject of one of the ``most`` sentences before ``pos`` (in
    this paragraph or the one before), nearest first, of gender ``want`` if given: whom a
    description with no earlier role refers to ('Trump said … The candidate added, "…"')."""
    for blanked, start, end, para_start in _sentences_before(people, pos, most + 1, paragraphs=2):
        if para_start + end >= pos:
            continue  # the description's own sentence: a name before it is in a lead clause
        if is_furniture(blanked[start:end]):
            continue  # 'Jo Lind via Getty Images.': a photo credit names no subject
        found = _subject_in(people, blanked, start, end, para_start, want)
        if found:
            return found
    return None


def _sentences_before(
    people: People, pos: int, most: int, paragraphs: int | None = None
) -> Iterator[tuple[str, int, int, int]]:
    """The sentences before ``pos``, nearest first, at most ``most`` of them, from the
    paragraphs in reach (the first ``paragraphs`` only, if given): each as the blanked
    paragraph, the sentence's start and end in it, and the paragraph's start in the text."""
    layout = people.layout
    if not isinstance(layout, Layout):
        layout = people.layout = Layout()
    text = people.text
    seen = 0
    for para_start in _paragraph_starts(text, pos)[:paragraphs]:
        blanked, starts = layout.paragraph(text, para_start)
        limit = min(len(blanked), pos - para_start)
        for k in range(len(starts) - 1, -1, -1):
            start = starts[k]
            if start >= limit:
                continue
            end = min(limit, starts[k + 1] if k + 1 < len(starts) else len(blanked))
            yield blanked, start, end, para_start
            seen += 1
            if seen >= most:
                return


def _subject_in(
    people: People,
    window: str,
    start: int,
    end: int,
    begin: int,
    want: str | None,
    *,
    framed: bool = True,
) -> str | None:
    """The first fitting person mentioned in one sentence, the speaker of a closing frame
    first if ``framed``; '' stops the search."""
    speaker = _frame_speaker(people, window, start, end, begin, want) if framed else None
    if speaker:
        return speaker
    first, skipped_lead = True, False
    for match in _MENTION.finditer(window, start, end):
        before = window[max(start, match.start() - 20) : match.start()].split()
        last_word = before[-1].lower().strip(",") if before else ""
        after = window[match.end() : match.end() + 30]
        initial, first = first, False
        if (
            last_word in _AFTER_PREPOSITION
            and not _as_clause(last_word, after)
            and not _topic(before)
        ) or (last_word in _DETERMINERS or last_word in POSSESSIVES):
            continue
        if last_word in ("and", "or") and _LISTED_AFTER_PREPOSITION.search(
            window, max(start, match.start() - 90), match.start()
        ):
            continue  # 'appearing in The Times, TIME and Harbour Match': the last of objects
        if _opens_with_preposition(match.group(), after):
            continue  # 'In Mo Ping village, Feng is cooking': the run is a place, no subject
        if _POSSESSIVE.match(after) or match.group().endswith(("'s", "’s")):
            continue
        if (skipped_lead or match.group("pro")) and _in_lead_clause(window, start, match.start()):
            # 'When she took her prize, Moore mentioned …': the lead clause's pronoun is Moore,
            # after it, and the names it acts on are no subject ('Though he did not name Ortiz')
            skipped_lead = True
            continue
        if match.group("pro"):
            if want is None or pronoun_gender(match.group("pro")) == want:
                return None  # the chain goes on: who this pronoun is stands further back
            continue
        run, offset = _without_leading(match.group("name"))
        if (
            initial
            and run.startswith("For ")
            and after.startswith(",")
            and not window[start : match.start()].strip()
        ):
            topic = _topic_person(run[4:], want)  # 'For Lena Holm, the day is key'
            if topic:
                return topic
        following = [w.strip(",.;:") for w in after.split()[:2]]
        next_word = following[0] if following else ""
        if next_word.endswith("ly") and len(following) > 1:
            next_word = following[1]  # "Cruz openly admitted"
        elif initial and after.startswith(","):
            next_word = _after_aside(window, match.end(), end) or next_word
        if next_word in _MODIFIED:
            continue
        at = begin + match.start() + offset
        plural = _plural_noun(next_word, following[1] if len(following) > 1 else "")
        name = _person(people, run, at, want) or _relative(people, run, at, want)
        if name or (name := _named_subject(run, next_word, plural, want)):
            return name
        honorific = gender_of("", people.text[max(0, at - 6) : at])
        if (
            _bare_subject(people.text, run, initial, next_word, plural)
            and (want is None or honorific in (None, want))
            and not _place(people.text, run)
        ):
            return run.rstrip(".")  # a sentence's subject: 'Cruz admitted …'
    return None


def _frame_speaker(
    people: People, window: str, start: int, end: int, begin: int, want: str | None
) -> str | None:
    """'He could not stay, his friend Tom Vane said. "…," he said.': a sentence closed by
    a reporting frame is what the frame's speaker said, so a pronoun after it stands for
    that speaker, not for the reported clause's subject ('He', or 'The pilot's parents,
    Abel and Jane Moss, …, Vane said.')."""
    sentence = window[start:end]
    found = after_content(sentence)
    ref = classify(found.speaker) if found else None
    if found is None or ref is None or ref.kind != "person":
        return None
    at = begin + start + found.speaker_offset + max(0, found.speaker.rfind(ref.name))
    return _person(people, ref.name, at, want)


#: Subordinators that open a lead clause whose pronoun points ahead to the main subject.
_LEAD_SUBORDINATORS = frozenset(
    "when after as while before because although though if since once until".split()  # noqa: SIM905
)


def _in_lead_clause(window: str, start: int, at: int) -> bool:
    """Is ``at`` inside a lead clause opened by a subordinator ('When she …, Moore noted'),
    before the clause's comma? Such a pronoun stands for the main clause's subject."""
    head = window[start:at].lstrip()
    first = head.split(" ", 1)[0].lower()
    return first in _LEAD_SUBORDINATORS and "," not in head


def _topic(before: list[str]) -> bool:
    """'As for Krivic, he feels …': the name after 'as for' is the topic the sentence goes
    on about, not an object."""
    return len(before) >= 2 and before[-1].lower() == "for" and before[-2].lower() == "as"


def _topic_person(run: str, want: str | None) -> str | None:
    """The person a sentence opened by 'For Lena Holm,' is about, when the run is a
    person's name whose gender (if known) fits: the pronoun after goes on with her."""
    ref = classify(run)
    if ref is None or ref.kind != "person" or " " not in ref.name:
        return None
    gender = gender_of(ref.name)
    return ref.name if want is None or gender in (None, want) else None


def _opens_with_preposition(run: str, after: str) -> bool:
    """A capitalised run opened by a preposition at a sentence start ('In Mo Ping', 'At
    Tarnby Quay', 'Like Reyes'): the object of the preposition, as after a lower-case one;
    but 'For Ann Holt, the day …' sets up the person the sentence is about."""
    first, _, rest = run.partition(" ")
    low = first.lower()
    return bool(rest) and low in _AFTER_PREPOSITION and low != "for" and not _as_clause(low, after)


_ASIDE = re.compile(
    r",\s+(?:for (?:his|her) part|in turn|too|meanwhile|however|though),\s+([a-z]+)"
)


def _after_aside(window: str, at: int, end: int) -> str | None:
    """'Quinn, for her part, urged calm.': the word after a short aside set off by commas
    right after the name, which is where a sentence-opening subject's verb stands."""
    match = _ASIDE.match(window, at, end)
    return match.group(1) if match else None


def _named_mid_sentence(text: str, word: str) -> bool:
    """A surname the article also writes inside a sentence ('said Cruz', 'Sen. Cruz'): the
    test for a bare subject before a word in -s, which may be a plural noun as well as a
    verb; a capitalised word found only at sentence starts ('Sometimes talks stall') is an
    ordinary word, not a person a pronoun can stand for."""
    return (
        re.search(r"(?:[a-z,;:]|[A-Z][a-z]{0,3}\.)\s+" + re.escape(word) + r"\b", text) is not None
    )


def _place(text: str, word: str) -> bool:
    """A country, or a word the article also writes after 'in', 'to' or 'from', is a place
    ('Israel considers …', 'Tarnby cracks down …', 'in Tarnby'), not a person a pronoun
    can stand for."""
    return clean_word(word) in COUNTRIES or (
        re.search(
            r"\b(?:in|to|from|across|near|around)\s+" + re.escape(word.rstrip(".")) + r"\b", text
        )
        is not None
    )


#: Words after which a word ending in -s was a plural noun, not a verb ('Tarn voles were').
_AFTER_PLURAL = frozenset(
    "were are have had can could will would do did may might must should".split()  # noqa: SIM905
)


def _as_clause(word: str, after: str) -> bool:
    """'…, as Mr. Reed proposed in March': after 'as' and before a verb the name opens a
    clause as its subject; it is no object of a preposition ('as Reed's aide')."""
    if word != "as":
        return False
    following = after.split()[:1]
    return bool(following) and _VERBISH.match(following[0].strip(",.;:")) is not None


def _plural_noun(next_word: str, then: str) -> bool:
    """'Tarn voles were …': a word in -s before an auxiliary is a plural noun, so the
    capitalised word before it is a modifier, not a subject before its verb."""
    return next_word.endswith("s") and then in _AFTER_PLURAL


def _named_subject(run: str, next_word: str, plural: bool, want: str | None) -> str | None:
    """'…, host David Marsh mocked the coach's tactics.': a full name the article
    has not met as a speaker, before a verb, whose given name has the pronoun's gender."""
    name, _ = split_name(run.rstrip("."))
    words = name.split()
    if not 2 <= len(words) <= 3 or not _VERBISH.match(next_word) or plural:
        return None
    gender = gender_of(name)
    return name if gender is not None and gender == want else None


def _bare_subject(text: str, run: str, initial: bool, next_word: str, plural: bool) -> bool:
    """A lone capitalised word opening a sentence before a verb: 'Cruz admitted …'; not a
    name used as a modifier before a plural noun (``plural``: 'Tarn voles were counted …')."""
    if (
        not initial
        or " " in run
        or not _VERBISH.match(next_word)
        or next_word in ("is", "was", "has")
        or plural
    ):
        return False
    low = run.lower().rstrip(".")
    if low in PRONOUNS or low in NOT_FIRST or low in _LEADING or low in _DETERMINERS:
        return False
    ref = classify(run)
    if ref is None or ref.kind != "person":
        return False
    # 'Sometimes talks stall': a word before an -s word (noun or verb) must also stand
    # mid-sentence somewhere; the whole-text search runs last, as the dearest test
    return not next_word.endswith("s") or _named_mid_sentence(text, run.rstrip("."))


def _without_leading(run: str) -> tuple[str, int]:
    """'And Clinton' -> 'Clinton': a capitalised sentence word is not part of the name."""
    words = run.split()
    drop = 0
    while drop < len(words) - 1 and words[drop].lower() in _LEADING:
        drop += 1
    if not drop:
        return run, 0
    rest = " ".join(words[drop:])
    return rest, run.find(words[drop])


def _person(people: People, run: str, at: int, want: str | None) -> str | None:
    """A capitalised run as a known person of the wanted gender (or of unknown gender)."""
    run = run.rstrip(".")
    name, role = split_name(run)
    words = name.split()
    if not words:
        return None
    honorific = gender_of("", f"{people.text[max(0, at - 6) : at]} {role or ''}")
    family = surname_of(name)  # 'Marr' of 'Harry B. Marr Jr'
    # the run lost its full stop above, which may have been the one of 'Jr.'
    known = next((n for n in (name, f"{name}.") if n in people.full_names), None)
    if len(words) > 1 and known is not None:
        full = known
    elif clean_word(family) in people.distinct:
        full = people.resolve_gendered(family, at, honorific or want)
    elif len(words) == 1 and (first := people.resolve_name(name, at)) != name:
        full = first  # 'Feng is cooking' after 'Feng Meiling': a family name written first
    else:
        return None
    gender = honorific or people.gender_for(full)
    if gender is not None and want is not None and gender != want:
        return None
    return full


_KIN = re.compile(
    r"(?:(?P<pos>[Hh]is|[Hh]er|[Tt]heir)|(?P<owner>[" + UPPER + r"][\w-]+)[’']s?)\s+"
    r"(?P<kin>wife|husband|son|daughter|mother|father|brother|sister|widow|widower),\s*$"
)
_KIN_GENDER = {"wife": "f", "widow": "f", "mother": "f", "daughter": "f", "sister": "f",
               "husband": "m", "widower": "m", "father": "m", "son": "m", "brother": "m"}  # fmt: skip


def _relative(people: People, run: str, at: int, want: str | None) -> str | None:
    """'his wife, Jane, said': a given name in a kinship apposition takes the family name."""
    if " " in run:
        return None
    kin = _KIN.search(people.text, max(0, at - 40), at)
    if kin is None or (want is not None and _KIN_GENDER[kin.group("kin")] != want):
        return None
    owner = kin.group("owner") or people.last_before(kin.start())
    if not owner:
        return None
    family = owner.split()[-1]
    return None if family == run else f"{run.rstrip('.')} {family}"


def subject_source(
    people: People, pos: int, kinds: frozenset[str]
) -> tuple[str, SpeakerRef] | None:
    """'The harbour board met on Monday. "…," it said.': who "it" or "they" is, when no
    statement named them, is the subject of a sentence just before, if that subject is an
    organisation, a document or a group (``kinds``); a person subject ends the search."""
    for blanked, start, end, _ in _sentences_before(people, pos, 3, paragraphs=2):
        found = sentence_subject(blanked[start:end].strip())
        ref = classify(found[0]) if found else None
        if ref is not None and ref.kind in kinds:
            return found[0] if found else "", ref
        if ref is not None and ref.kind in ("person", "pronoun"):
            return None
    return None


def sentence_before_with(people: People, pos: int, pattern: re.Pattern[str]) -> str | None:
    """The nearest sentence before the one at ``pos`` (three at most, in this paragraph or
    the one before, quotes blanked) in which ``pattern`` finds something, stripped; None
    when there is none: where a description's document was issued ('… issued a
    statement.')."""
    for blanked, start, end, para_start in _sentences_before(people, pos, 3, paragraphs=2):
        if para_start + end >= pos:
            continue  # the description's own sentence
        sentence = blanked[start:end].strip()
        if pattern.search(sentence):
            return sentence
    return None
