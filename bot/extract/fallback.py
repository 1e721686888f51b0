"""Quotes no attribution frame claimed: every quoted passage of three words or more is a statement.

The frame patterns know the common cues; news also writes '"…," Bozell answers', 'Schumer
tweeted: "…"', a quote in the middle of a sentence whose subject said it, or a quote standing
alone. Rather than lose those, each quoted passage left over is given the most likely speaker,
marked with how it was found (see ``records.CONFIDENCES``), so that an editor can check it and
an answer can say "probably". A short quote with no clause in it (a scare quote, a title) is
not a statement.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from bot.core.text import search_words
from bot.extract import frames
from bot.extract.cues import PHRASE_HEADS, REPORTING_WORDS, has_cue
from bot.extract.lexicon import (
    IRREGULAR_PAST,
    NAMING_VERBS,
    PREPOSITIONS,
    SUBORDINATORS,
    UPPER,
    is_title_case,
)
from bot.extract.paragraphs import Paragraph, Sentence
from bot.extract.quotes import QuoteSpan, has_mark, normalise_marks, strip_marks
from bot.extract.records import (
    ExtractedStatement,
    ReadingState,
    carried_statement,
    make_statement,
    tidy_quote,
)
from bot.extract.speakers import SpeakerRef, classify
from bot.extract.subjects import sentence_subject

log = logging.getLogger(__name__)

#: Fewest words a quoted passage needs to be a statement on its own.
MIN_WORDS = 3
#: A quote inside running text needs this many words, or a verb-like word, to be more than
#: a scare quote or a title.
CLAUSE_WORDS = 6
_NAME = (
    r"["
    + UPPER
    + r"][\w.’'-]*(?:\s+(?:de|van|von|al|bin|la|le|del|da)?\s*["
    + UPPER
    + r"][\w.’'-]*){0,3}"
)
#: Words a subject phrase never holds: a copula or an auxiliary ends it ('one deckhand is
#: heard to say' is 'one deckhand'; 'The FBI is' is no speaker).
_NOT_IN_SUBJECT = r"(?!(?:is|was|are|were|has|have|had|will|would|can|could)\b)"
_SUBJECT = (
    r"(?:he|she|they|it|we|I|(?:the|a|an|one|another|his|her|their|this)\s+"
    + _NOT_IN_SUBJECT
    + r"[\w-]+(?:\s+"
    + _NOT_IN_SUBJECT
    + r"[\w-]+){0,2}?|"
    + _NAME
    + ")"
)
_VERB = r"[a-z]{2,}(?:ed|es|s|d|t|ote|ang|ead|ood)"
#: '"…," Bozell answers.' / '"…," fumed the senator.' — any verb right after the quote.
_TAIL_ANY = re.compile(
    r"^\s*[,.!?—–-]*\s*(?:(?:and\s+)?(?P<spk>"
    + _SUBJECT
    + r")\s+(?:also\s+|later\s+|then\s+|simply\s+)?(?:(?:is|was|are|were)\s+(?=heard\b))?"
    r"(?P<cue>" + _VERB + r")\b|(?P<cue2>" + _VERB + r")\s+(?P<spk2>" + _SUBJECT + r")\b)"
)
_CLAUSE_HINT = re.compile(
    r"\b(?:is|are|was|were|be|been|am|have|has|had|do|does|did|will|would|can|could|should|"
    r"must|may|might|shall|i|we|you|they|he|she|it|my|our|your|not|n[’']t)\b|[’'](?:s|re|ve|ll|m|d)\b",
    re.IGNORECASE,
)
_PRONOUN_START = frozenset("he she they it we i".split())  # noqa: SIM905


def looks_like_clause(words: str) -> bool:
    """More than a scare quote or a title: long enough, or with a verb or pronoun in it."""
    tokens = words.split()
    n = len(tokens)
    if n < MIN_WORDS:
        return False
    if is_title(words):
        return False  # 'The Secret Soldiers of Benghazi', 'Meet the Press', 'March 11, 2016'
    return n >= CLAUSE_WORDS or _CLAUSE_HINT.search(words) is not None


def is_title(words: str) -> bool:
    """A title or a name in quotation marks: short, capitalised, no verb or pronoun."""
    tokens = words.split()
    return 0 < len(tokens) <= 12 and is_title_case(tokens) and _CLAUSE_HINT.search(words) is None


def uncovered_quotes(
    para: Paragraph,
    quotes: list[QuoteSpan],
    sentences: list[Sentence],
    found: list[ExtractedStatement],
    state: ReadingState,
) -> list[ExtractedStatement]:
    """Statements for the quoted passages of ``para`` that no statement in ``found`` holds."""
    if not quotes:
        return []
    covered = " ".join([normalise_marks(st.text) for st in found] + [w for _, w in state.pending])
    out: list[ExtractedStatement] = []
    for q in quotes:
        words = normalise_marks(strip_marks(para.text[q.inner_start : q.inner_end]))
        if len(words.split()) < MIN_WORDS:
            continue
        key = tidy_quote(words)[:40].strip()  # without the comma that tied it to a cue
        if key in covered or any(normalise_marks(st.text) in words for st in found):
            continue
        sentence = _sentence_at(sentences, para.start + q.start)
        if sentence is None:
            continue
        earlier = sorted(found + out, key=lambda st: st.start)  # this paragraph's so far
        made = _attribute(q, words, para, quotes, sentence, state, found=earlier)
        if made is not None:
            out.append(made)
            covered += " " + made.text
    return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= pos < sentence.end + 1:
            return sentence
    return sentences[-1] if sentences and pos >= sentences[-1].start else None


def _attribute(
    q: QuoteSpan,
    words: str,
    para: Paragraph,
    quotes: list[QuoteSpan],
    sentence: Sentence,
    state: ReadingState,
    *,
    found: list[ExtractedStatement],
) -> ExtractedStatement | None:
    """The most likely speaker of one leftover quote, with how sure that is.

    The frame of a quote is the text between it and its neighbouring quotes in the sentence:
    in '"A," X said, "B."' the frame before B names B's speaker too.
    """
    rel = sentence.start - para.start
    end = rel + len(sentence.text)
    before = [o for o in quotes if rel <= o.start and o.end <= q.start]
    after = [o for o in quotes if o.start >= q.end and o.start < end]
    head = para.text[before[-1].end if before else rel : q.start] if q.start > rel else ""
    tail = para.text[q.end : after[0].start if after else end]
    # '"Sisters & Brothers" and "Harbour Lights" alum Ana Berg …': the first of a list of
    # quoted titles, which stands no more alone than the last one does
    listed = bool(after) and tail.strip(" ,") in ("", "and", "or")
    alone = not head.strip(" —–-") and len(tail.split()) <= 1 and not before and not listed
    if not alone and not looks_like_clause(words):
        return None  # a scare quote or a title inside running text
    if not before and _BYLINE.match(tail) and _LABEL_ONLY.match(head):
        return None  # 'LATE NIGHT—"Ferries to run all night," by the Courier's Jo Lind': a headline
    if before:
        made = _from_match(
            _TAIL_ANY.match(head),
            para.start + before[-1].end,
            words,
            sentence,
            state,
            between=True,
        )
        if made is None:
            made = _from_frame(head, para.start + before[-1].end, words, sentence, state)
        if made is not None:
            return made  # the second piece of a split quote
    if not (after and _LEADS_ON.match(tail)):  # '"A?" and Vivian answers, "B."': B's frame
        made = _from_match(_TAIL_ANY.match(tail), para.start + q.end, words, sentence, state)
        if made is not None:
            return made
    if not before and _fronted_adverbial(head):
        carried = _carried(words, sentence, _speaker_before(sentence, found, state), state)
        return carried if carried is not None else unknown_statement(words, sentence)
    if head.strip(" —–-") and not before:
        at = para.start + (q.start - len(head))
        made = _from_head_frame(head, at, words, sentence, state)
        if made is None:
            made = _from_head(head, at, words, sentence, state)
        if made is not None:
            return made
    announced = state.announced
    if alone and announced and sentence.paragraph == announced[3] + 1:
        made = make_statement(state, announced[0], announced[1], words, "direct", announced[2],
                              sentence, None, "inferred")  # fmt: skip
        if made is not None and made.ref is not None and made.ref.kind in _SPEAKING:
            return made
    lone_head = not head.strip(" —–-") and not before
    if (
        alone
        or (before and not head.strip(" ,.—–-"))
        or (lone_head and _DASH_AFTER.match(tail))  # '"…" - increasing his share.'
        or (lone_head and _gloss_after(tail))  # '"…" since the town fell in May.'
        or (lone_head and _narration_after(words, tail))  # '"… goodness." Footage showed'
        or (not before and _ADDING.match(head))  # 'Adding, "…"': the last speaker goes on
    ):
        carried = _carried(words, sentence, _speaker_before(sentence, found, state), state)
        if carried is not None:
            return carried
    return unknown_statement(words, sentence)


#: Words after a quote that open the next quote's frame, not this one's.
_LEADS_ON = re.compile(r"\s*[,.!?]?\s*and\s")
#: A byline after a quote: '"…," by the Courier's Jo Lind' credits a piece, not a speaker.
_BYLINE = re.compile(r"\s*,?\s*by\s+(?:the\s+)?[" + UPPER + r"]")
#: Nothing before that quote but a newsletter's label and a dash ('LATE NIGHT—', '—').
_LABEL_ONLY = re.compile(r"\s*(?:[" + UPPER + r"][^a-z“”\"]{0,40})?[—–-]?\s*$")
#: After a quote that opens its sentence, a dash clause is the reporter's gloss, no cue.
_DASH_AFTER = re.compile(r"\s*[—–-]{1,2}\s+[a-z]")
#: A participle alone before a quote: the previous speaker goes on ('Adding, "…"').
_ADDING = re.compile(
    r"^\s*(?:And\s+|He\s+|She\s+)?(?:[Aa]dding|[Nn]oting|[Cc]ontinuing|[Ee]xplaining|"
    r"[Cc]oncluding|[Ww]arning)\s*[,:]?\s*$"
)


#: Words that may open a sentence before the phrase that leads into a quote.
_CONNECTORS = frozenset("and but yet still so".split())  # noqa: SIM905
#: Prepositions whose phrase names whose view the quote gives ('For Lund, "…"', 'To her,
#: "…"'): that is the speaker, not the one quoted before.
_VIEWPOINT = frozenset({"for", "to"})


def _fronted_adverbial(head: str) -> bool:
    """'And because of the skipper's record, "nobody dared to cross him."' / 'While the board
    signs some leases, "as every skipper here will tell you, …"': a phrase or a
    subordinate clause before a quote that is itself the main clause. It is the reporter's
    lead-in to more of the last speaker's words; a subject inside it ('the board') said
    nothing. A cue word in it makes it a frame ('As he liked to say,'), left to the
    patterns below."""
    text = head.strip()
    words = text.split()
    if not text.endswith(",") or "," in text[:-1] or not 1 < len(words) <= 12:
        return False
    first = words[0].lower()
    if first in _CONNECTORS:
        first = words[1].lower()
    if first in _VIEWPOINT or has_cue(text):
        return False  # 'As he liked to say, "…"', 'As he was led away Kim shouted, "…"'
    return first in PREPOSITIONS or first in SUBORDINATORS


def _gloss_after(tail: str) -> bool:
    """After a quote that opens its sentence, a phrase of the reporter's own that opens with
    a preposition or a participle ('"…" in Syria, and …', '"…" referring to the talks')
    adds context and no speaker: the quote is still the last speaker's."""
    first = tail.lstrip(" ,").split(" ", 1)[0]
    if not first[:1].islower():
        return False
    return first in PREPOSITIONS or (first.endswith("ing") and len(first) > 5)


def _narration_after(words: str, tail: str) -> bool:
    """A quote that ends its own sentence ('."') followed by a capitalised sentence that
    proved no frame of it, maybe after a dash ('"…." -- And the pier …'): the sentence is the
    reporter's next one, and the quote stands alone, as the last speaker's words."""
    return words.rstrip().endswith((".", "!", "?")) and tail.lstrip(" —–-")[:1].isupper()


_SPEAKING = frozenset({"person", "pronoun", "organisation", "anonymous", "document", "group"})


def _from_match(  # noqa: PLR0913 (the match, where it is, and the reading state)
    match: re.Match[str] | None,
    base: int,
    words: str,
    sentence: Sentence,
    state: ReadingState,
    *,
    between: bool = False,
) -> ExtractedStatement | None:
    """The speaker ``_TAIL_ANY`` found after a quote, or ``between`` two quotes."""
    if match is None or not _plausible_tail(match, between=between):
        return None
    group = "spk" if match.group("spk") else "spk2"
    spk = match.group(group)
    cue = match.group("cue") or match.group("cue2")
    conf = "pronoun" if spk.lower() in _PRONOUN_START else "named"
    made = make_statement(state, spk, base + match.start(group), words, "direct", cue, sentence,
                          None, conf)  # fmt: skip
    return (
        made if made is not None and made.ref is not None and made.ref.kind in _SPEAKING else None
    )


def _from_frame(
    between: str, base: int, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement | None:
    """'"A," X, a spokesman for Y, said in an interview in Reno, Nev. "B."': the long frame
    between two pieces names the second piece's speaker too."""
    return _framed(frames.tail_frame(between), base, words, sentence, state)


def _framed(
    frame: frames.Frame | None, base: int, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement | None:
    """The quote's statement by the speaker a frame names, when that is someone who speaks."""
    if frame is None:
        return None
    made = make_statement(state, frame.speaker, base + frame.speaker_offset, words, "direct",
                          frame.cue, sentence)  # fmt: skip
    return (
        made if made is not None and made.ref is not None and made.ref.kind in _SPEAKING else None
    )


def _from_head_frame(
    head: str, base: int, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement | None:
    """'X came close to admitting that Tarn crews struck, saying, "…" but he denied …': a
    cue before the quote names its speaker even where the words after the quote are no frame
    (which is why the quote is left over): the subject of 'saying' is the sentence's, not
    the nearest clause's."""
    return _framed(frames.head_frame(head), base, words, sentence, state)


#: 'Beck joked, again using an accent, "…' / 'LeVell said: "…' — a subject and any verb.
#: A capitalised subordinator that opens a sentence before its subject: 'As Ana Berg likes
#: to say, "…"' (not a name 'As Ana Berg').
_OPENER = r"(?:(?:" + "|".join(sorted(w.capitalize() for w in SUBORDINATORS | {"as"})) + r")\s+)?"
_HEAD_ANY = re.compile(
    r"(?:^|[\s(])"
    + _OPENER
    + r"(?P<spk>"
    + _SUBJECT
    + r")(?:\s*\([^()]{1,12}\))?(?:,\s+(?:a|an|the|who)\s[^,“”\"]{1,80},)?(?:[’']s\s+[a-z]+)?\s+(?:\w+ly\s+)?(?P<cue>"
    + _VERB
    + r")\b[^“”\"]{0,90}?[:,—–-]?\s*$"
)


def _from_head(
    head: str, base: int, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement | None:
    """A quote after a clause: its subject (or the owner in "X's response was:") said it."""
    window = head[-200:]
    offset = max(0, len(head) - 200)
    match = _head_subject(window, offset == 0)
    if match:
        spk = match.group("spk")
        conf = "pronoun" if spk.lower() in _PRONOUN_START else "inferred"
        cue = ":" if head.rstrip().endswith(":") else match.group("cue")
        made = make_statement(state, spk, base + offset + match.start("spk"), words, "direct",
                              cue, sentence, None, conf)  # fmt: skip
        if made is not None and made.ref is not None and made.ref.kind in _SPEAKING:
            return made
    subject = sentence_subject(head)
    if subject is None:
        return None
    phrase = _OWNER.sub("", subject[0])
    conf = "pronoun" if phrase.lower() in _PRONOUN_START else "inferred"
    cue = ":" if head.rstrip().endswith(":") else None
    made = make_statement(state, phrase, base + subject[1], words, "direct", cue, sentence, None,
                          conf)  # fmt: skip
    return (
        made if made is not None and made.ref is not None and made.ref.kind in _SPEAKING else None
    )


_CLAUSE_OPENERS = frozenset(
    "and but while when as then so because after before that since though although where".split()  # noqa: SIM905
)


def _clause_start(before: str, at_start: bool) -> bool:
    """Can a subject stand here: the sentence start, after punctuation or a conjunction?"""
    before = before.rstrip()
    if not before:
        return at_start
    if before[-1] in ',;:—–-("“”':
        return True
    return before.rsplit(None, 1)[-1].lower() in _CLAUSE_OPENERS


def _head_subject(window: str, at_start: bool) -> re.Match[str] | None:
    """The subject + verb of ``window`` (text before a quote) whose subject said the quote.

    The first that stands at a clause start ('published a column two days ago', 'In
    answer to the sad news …', '… is a strange kind of loyalty …:' hold an object or a
    complement, not a subject), unless a later one, past its verb, opens a main clause
    nearer the quote ('As the storm hit …, Tom Reyes marched …', 'The crowd cheers, and
    then Ana Ortiz continues:'): that clause is the one the quote belongs to; so is any
    clause whose cue is a speech verb right before the quote ('The play has its sharp lines,
    as when Tomas asks, "…"')."""
    match = _HEAD_ANY.search(window)
    while match and not _clause_start(window[: match.start("spk")], at_start):
        match = _HEAD_ANY.search(window, match.start("spk") + 1)
    best = match
    while match:
        match = _HEAD_ANY.search(window, match.start("spk") + 1)
        if (
            match
            and best is not None
            and match.start("spk") >= best.end("cue")  # not inside the subject's apposition
            and (
                _main_clause_start(window[: match.start("spk")])
                or (
                    _quoting(match.group("cue").lower())
                    and _JUST_BEFORE.match(window, match.end("cue"))
                )
            )
        ):
            best = match
    return best


def _quoting(cue: str) -> bool:
    """A speech verb that quotes, not one that names ('what she called "…"')."""
    return cue in _CUE_VERBS and cue not in NAMING_VERBS


#: Nothing but the punctuation that leads into the quote.
_JUST_BEFORE = re.compile(r"\s*[:,—–-]?\s*$")


def _main_clause_start(before: str) -> bool:
    """After a comma, a dash or a coordinating conjunction: where the main clause's subject
    stands after a lead clause ('As the storm hit …, Tom Reyes marched …, "…"'), unlike a
    'that' clause, which holds what someone said."""
    before = before.rstrip()
    if not before:
        return False
    if before[-1] in ",;—–":
        return True
    return before.rsplit(None, 1)[-1].lower() in ("and", "but", "then", "while", "so")


def colon_intro(text: str) -> tuple[str, int] | None:
    """'Trump issued the following statement:' — who the next paragraph's quote belongs to."""
    if not text.endswith(":") or len(text.split()) > 30:
        return None
    window = text[-200:]
    offset = max(0, len(text) - 200)
    match = _head_subject(window, offset == 0)
    if match:
        return match.group("spk"), offset + match.start("spk")
    subject = sentence_subject(text)
    return (_OWNER.sub("", subject[0]), subject[1]) if subject else None


_SIGN_OFF = re.compile(r"^[-—–~]\s*(?P<spk>[A-Z][^,.;:!?]{1,60}?)\s*(?:[,.]|$)")
#: '"… / Jo Lind, Harbour Institute."': a line of a name (and affiliation) that closes the
#: quote opened the line before signs it, as pull quotes and newsletters set them.
_SIGN_OFF_CLOSE = re.compile(r"^(?P<spk>[A-Z][^,;:!?\"“”]{1,60}?)(?:,\s+[^\"“”]{1,80}?)?\.?[\"”]$")
#: How a quote's speaker was found when a sign-off line may name it instead: none was, or
#: (for a line that closes the quote, a surer sign than a dash) the last speaker was carried.
_SIGNABLE = frozenset({"unknown", "carried"})


def sign_offs(
    statements: list[ExtractedStatement], paragraphs: list[Paragraph], state: ReadingState
) -> list[ExtractedStatement]:
    """'"…" / — Bernie Sanders.': a dash line after a quote names the quote's speaker."""
    if not any(st.confidence in _SIGNABLE for st in statements):
        return statements
    names: dict[int, tuple[str, int]] = {}
    closing: set[int] = set()  # paragraphs whose quote the sign-off line closes
    for para in paragraphs:
        match = _SIGN_OFF.match(para.text)
        if match is None and para.text[-1] in '"”' and len(para.text) < 150:
            match = _SIGN_OFF_CLOSE.match(para.text)
            if match and (ref := classify(match.group("spk"))) and ref.kind != "person":
                match = None  # only a person's name signs a quote without a dash
            if match:
                closing.add(para.index - 1)
        if match:
            names[para.index - 1] = (match.group("spk"), para.start + match.start("spk"))
    if not names:
        return statements
    out: list[ExtractedStatement] = []
    for st in statements:
        signable = st.confidence == "unknown" or (
            st.confidence == "carried" and st.paragraph in closing
        )
        found = names.get(st.paragraph) if signable else None
        ref = classify(found[0]) if found else None
        if found and ref is not None and ref.kind in _SPEAKING:
            sentence = Sentence(st.paragraph, st.start, st.end, st.text)
            made = make_statement(state, found[0], found[1], st.text, st.kind, "—", sentence,
                                  None, "named")  # fmt: skip
            out.append(made or st)
        else:
            out.append(st)
    return out


_OWNER = re.compile(r"[’']s\s+\w+(?:\s+\w+)?$")


def _plausible_tail(match: re.Match[str], *, between: bool = False) -> bool:
    """Whether the clause after a quote is its frame, not the next piece of narration.

    A capitalised word after the quote must not start a new sentence ('The …'). A verb that
    is no cue frames the quote only where it ends its clause ('"…," he smiled.', 'Surat
    remembers.'), not where it has an object or a complement ('"…." Footage shot from a
    drone showed that …', 'the vote left the crews guessing …'). Put first, the verb must look
    like one ('"…," reacted Lind', not '"…" and Lind picked …', whose first word is 'and').
    ``between`` two quotes, the verb may lead into the second ('"…," X expressed a wish to
    "…"'): its object is that quote."""
    if match.group("spk"):
        cue = match.group("cue").lower()
        if between:  # '"A?" and Vivian answers, "B."', not '"A" and Lind picked "B"'
            led = match.group().lstrip(" ,.!?—–-").startswith("and ")
            return _speech_verb(cue) if led else _verb_like(cue)
        return cue in _CUE_VERBS or bool(_ENDS_CLAUSE.match(match.string, match.end()))
    spk = match.group("spk2") or ""
    return _verb_like(match.group("cue2").lower()) and spk.split()[0] not in (
        "The",
        "A",
        "An",
        "This",
        "That",
        "It",
    )


def _verb_like(word: str) -> bool:
    """A cue, or a past tense ('reacted', 'expressed', 'began'): not a noun or a function
    word that ``_VERB``'s endings also fit ('strategist', 'and', 'against')."""
    return _speech_verb(word) or word.endswith("ed") or word in IRREGULAR_PAST


def _speech_verb(word: str) -> bool:
    """A cue word, or the present tense of a cue the lexicon has in the past only ('answers':
    as a noun too common to be a cue everywhere, 'questions and answers')."""
    return word in _CUE_VERBS or (word.endswith("s") and word[:-1] + "ed" in _CUE_VERBS)


#: Cue words that frame a quote whatever follows them (not the heads of the phrases 'shot
#: back', 'put it', 'pointed out', 'quoted as saying', which need their second word).
_CUE_VERBS = REPORTING_WORDS - PHRASE_HEADS
#: What may follow a verb that ends its clause: an adverb or a particle ('he shot back',
#: 'he put it', 'smiled again', 'is heard to say', 'remembered thinking'), then the end of
#: the clause.
_ENDS_CLAUSE = re.compile(
    r"(?:\s+\w+ly)?(?:\s+(?:out|back|up|in|on|it|again|too|then|now|to\s+say|to\s+ask|"
    r"thinking|saying|asking|as\s+saying))?\s*(?:[.,;:!?—–]|--|$)"
)


#: Most words a lead-in sentence may have ('Harbour College's Ann Holt agreed.').
LEAD_IN_WORDS = 12


def lead_in(
    previous: Sentence | None, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement | None:
    """'Reyes said … / Holt agreed. "…"': a bare quote right after a short sentence of its
    paragraph whose subject is a named person (and which said nothing itself) is that
    person's, not the previous speaker's."""
    if (
        previous is None
        or previous.paragraph != sentence.paragraph
        or previous.start >= sentence.start
        or not previous.text.endswith(".")  # not a question, nor a cut before an initial
        or len(previous.text.split()) > LEAD_IN_WORDS
        or has_mark(previous.text)  # a quote of its own that found no speaker
        or (state.last is not None and state.last.start == previous.start)  # 'X said so.'
    ):
        return None
    subject = sentence_subject(previous.text)
    if subject is None:
        return None
    rest = previous.text[subject[1] + len(subject[0]) :].lstrip()
    if rest.startswith(","):  # 'Ann Holt, a pollster, was blunter.': past the apposition
        close = rest.find(",", 1)
        rest = rest[close + 1 :].lstrip() if close > 0 else ""
    if not rest[:1].islower():
        return None  # no verb after the subject ('Lind, a research firm.'): no clause
    named = classify(subject[0])
    if named is None or named.kind != "person":
        return None  # a name only: 'He nodded.', 'The captain nodded.' need resolving
    made = make_statement(state, subject[0], previous.start + subject[1], words, "direct",
                          None, sentence, None, "inferred")  # fmt: skip
    return made if made is not None and made.ref is not None and made.ref.kind == "person" else None


def _speaker_before(
    sentence: Sentence, found: list[ExtractedStatement], state: ReadingState
) -> ExtractedStatement | None:
    """The statement whose speaker a bare quote goes on with: the last one named before it
    or in its own sentence ('"Who are they?" Reed said of the firm in May, when …').

    Leftover quotes are attributed after their paragraph was read, when ``state.last`` may
    be a statement after the quote; in a text without paragraph breaks that is anyone
    later in the article.
    """
    earlier = next(
        (
            st
            for st in reversed(found)
            if st.start < sentence.end and st.ref is not None and st.ref.kind not in _NOT_NAMED
        ),
        None,
    )
    if earlier is not None:
        return earlier
    last = state.last
    return None if last is not None and last.paragraph == sentence.paragraph else last


_NOT_NAMED = frozenset({"pronoun", "unknown"})


def _carried(
    words: str, sentence: Sentence, last: ExtractedStatement | None, state: ReadingState
) -> ExtractedStatement | None:
    """A quote standing alone continues the speaker of the quote before it (or answers
    the question put in it: ``answer_to``)."""
    if last is None or last.ref is None or sentence.paragraph - last.paragraph > 1:
        return None
    if last.kind == "indirect" and last.paragraph != sentence.paragraph:
        return None
    answer = answer_to(last, words, sentence, state)
    if answer is not None:
        return answer
    return carried_statement(last, words, sentence, last.cue)


#: The cue of a question put to someone: 'asked Moss', 'asked him' (not 'asked reporters').
_ASKED = re.compile(
    r"^(?:asked|asks)\s+(?P<whom>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|him|her)$"
)


def answer_to(
    last: ExtractedStatement,
    words: str,
    sentence: Sentence,
    state: ReadingState,
    before: ExtractedStatement | None = None,
) -> ExtractedStatement | None:
    """'"Do you work?" Reyes asked Moss. "I think so, yes."': a bare quote right after a
    question put to someone is that person's answer, not more of the question; another
    question goes on with the asker ('"Why?" Reyes asked the board. "Who knew?"'). With
    no one named as asked ('"Did you see him?" Reyes asked. "I did not."'), the answer
    is the speaker quoted ``before`` the question, the witness or interviewee, if that is
    someone else and the question is put to 'you' (a rhetorical one, '"Can we win?" Reyes
    asked. "I don't know."', goes on with the asker)."""
    if last.kind != "direct" or not last.text.rstrip(' "”’').endswith("?"):
        return None
    if words.rstrip(' "”’').endswith("?"):
        return None
    if last.cue in ("asked", "asks"):
        if before is None or not _ADDRESSED.search(last.text):
            return None
        return _answered_by(before, last, words, sentence)
    asked = _ASKED.match(last.cue or "")
    if asked is None:
        return None
    whom = classify(asked.group("whom"))
    if whom is None or whom.kind not in ("person", "pronoun"):
        return None
    return make_statement(
        state,
        asked.group("whom"),
        last.start,
        words,
        "direct",
        None,
        sentence,
        confidence="carried",
    )


#: A question put to the one it is asked of.
_ADDRESSED = re.compile(r"\b[Yy]ou(?:r|rs|rself)?\b")


def _answered_by(
    witness: ExtractedStatement, question: ExtractedStatement, words: str, sentence: Sentence
) -> ExtractedStatement | None:
    """The answer as the words of the person quoted before the question, when that is a
    person other than the asker, quoted in this paragraph or the one before."""
    ref = witness.ref
    if ref is None or ref.kind != "person" or witness.speaker == question.speaker:
        return None
    if sentence.paragraph - witness.paragraph > 1:
        return None
    return carried_statement(witness, words, sentence, None)


UNKNOWN = SpeakerRef("unknown", "unknown speaker", None, None, "")


def unknown_statement(words: str, sentence: Sentence) -> ExtractedStatement:
    """A quote whose speaker the article does not let us recover."""
    return ExtractedStatement(
        "", tidy_quote(words), "direct", None, sentence.paragraph, sentence.start, sentence.end, UNKNOWN,
        None, "unknown",
    )  # fmt: skip


#: A repeated quote shares this much of the shorter one's words with its first telling.
_REPEAT_SHARE = 0.8
#: Fewer words than this are too common to tell a repetition from a chance likeness.
_REPEAT_WORDS = 5


def repeated_quotes(statements: list[ExtractedStatement]) -> list[ExtractedStatement]:
    """A quote with no speaker that repeats another one's words (a pull quote, the lead's
    quote told again in the body) is that speaker's, marked 'carried' for review.

    Pages set a striking quote apart from its paragraph with no frame; the article names its
    speaker where it first quotes it, before or after the repetition.
    """
    if not any(st.confidence == "unknown" for st in statements):
        return statements
    out = list(statements)
    bags: dict[int, frozenset[str]] = {}
    for i, st in enumerate(statements):
        if st.confidence != "unknown" or st.kind != "direct":
            continue
        source = _first_telling(i, statements, bags)
        if source is not None:
            out[i] = replace(st, speaker=source.speaker, ref=source.ref, cue=source.cue,
                             confidence="carried")  # fmt: skip
    return out


def _first_telling(
    i: int, statements: list[ExtractedStatement], bags: dict[int, frozenset[str]]
) -> ExtractedStatement | None:
    """The attributed statement in another paragraph that says most of the words of
    statement ``i`` (or whose words statement ``i`` says), if any; word sets are made only
    for statements that hold the quote's longest plain word (``bags`` keeps them), as
    folding every statement's words cost more than the rest of this pass."""
    quote = statements[i]
    bag = _bag(i, statements, bags)
    if len(bag) < _REPEAT_WORDS:
        return None
    longest = max((w for w in bag if w.isascii() and w.isalpha()), key=len, default="")
    for j, other in enumerate(statements):
        if (
            other.paragraph == quote.paragraph
            or other.confidence == "unknown"
            or not other.speaker
            or other.kind == "indirect"
            or longest not in other.text.lower()
        ):
            continue
        theirs = _bag(j, statements, bags)
        shorter = min(len(bag), len(theirs))
        if shorter >= _REPEAT_WORDS and len(bag & theirs) >= _REPEAT_SHARE * shorter:
            return other
    return None


def _bag(
    i: int, statements: list[ExtractedStatement], bags: dict[int, frozenset[str]]
) -> frozenset[str]:
    """The words of statement ``i``, made once."""
    found = bags.get(i)
    if found is None:
        found = bags[i] = frozenset(search_words(statements[i].text))
    return found
