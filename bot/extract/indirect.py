"""Paraphrase and labelled lines: statements without (or only partly in) quotation marks.

'X said (that) …', '…, according to X', participial '…, saying …' and transcript lines
('TRUMP: …'). Quoted fragments inside the paraphrase make it a partial quote.
"""

from __future__ import annotations

import logging
import re

from bot.extract import paraphrase
from bot.extract.cues import PARTICIPLE_WORDS, SPEECH_WORDS, has_cue, when_of
from bot.extract.fallback import unknown_statement
from bot.extract.keypoints import is_credit_line, is_furniture
from bot.extract.paragraphs import Paragraph, Sentence
from bot.extract.quotes import QuoteSpan, find_quotes, has_mark, normalise_marks, strip_marks
from bot.extract.records import ExtractedStatement, ReadingState, make_statement
from bot.extract.sources import no_comment_object
from bot.extract.speakers import label_name
from bot.extract.subjects import DATELINE, sentence_subject

log = logging.getLogger(__name__)


def indirect_statements(sentence: Sentence, state: ReadingState) -> list[ExtractedStatement]:
    """Paraphrase: reporting verb, 'according to', or a participial 'saying …'."""
    text = sentence.text
    if "ccording to" not in text and not has_cue(text):
        return []  # no cue word at all: nothing to attribute
    if is_credit_line(text):
        return []  # 'CNN's Jo Lind reported from Tarnby.': who wrote the story
    lead = paraphrase.subordinate(text)
    if lead is None or (has_mark(text) and _inside_quote(text, lead[0].speaker_offset)):
        return _reported(sentence, state, 0)
    clause, main = lead
    whole = paraphrase.paraphrase(text)
    if whole is not None and whole.start == 0:
        return _reported(sentence, state, 0)  # 'When …, Grayson began …, aides said.': all theirs
    first = _statement_for(state, clause.speaker, sentence.start + clause.speaker_offset,
                           clause.content(text), clause.cue, sentence)  # fmt: skip
    return ([first] if first else []) + _reported(sentence, state, main)


def _reported(sentence: Sentence, state: ReadingState, begin: int) -> list[ExtractedStatement]:
    """The sentence's paraphrase (and a second one or a participle after it) whose content
    starts at or after ``begin``: before it is a subordinate clause already reported."""
    text = sentence.text
    found = paraphrase.paraphrase(text)
    if found and found.start < begin:
        found = None
    if found and found.speaker_offset > 0 and paraphrase.inside_participle(text, begin, found):
        found = None  # 'X sent an email saying that A and B show …': the cue is X's words
    if found and has_mark(text) and _inside_quote(text, found.speaker_offset):
        return []  # '"We deny any wrongdoing at all."': the quote's own words, not a frame
    out: list[ExtractedStatement] = []
    if found:
        content = found.content(text)
        made = _statement_for(state, found.speaker, sentence.start + found.speaker_offset,
                              content, found.cue, sentence)  # fmt: skip
        if made:
            out.append(made)
            extra = paraphrase.participle(content)
            if extra and made.ref is not None:
                cue, a, b, cut = extra
                more = _statement_for(state, found.speaker, sentence.start + found.speaker_offset,
                                      content[a:b], cue, sentence)  # fmt: skip
                if more and len(more.text.split()) >= 3:
                    first = content[:cut].strip(" ,")
                    if first and not _TIME_ONLY.match(first):  # 'On Thursday, X said, saying'
                        out[0] = _replace_text(made, content[:cut])
                    else:  # 'X responded by saying, "…"': the participle's words are all
                        out.pop()
                    out.append(more)
            if len(out) == 1 and made.kind in ("indirect", "partial") and found.gap is None:
                saved = state.nearest(made)
                try:
                    cut, more_found = _second(state, found, content, sentence)
                finally:
                    state.restore(saved)
                if more_found and len(content[:cut].split()) < 3:
                    out = more_found  # 'X claimed victory and argued that …': one statement
                elif more_found:
                    out[0] = _replace_text(made, content[:cut])
                    out.extend(more_found)
        return out
    main = text[begin:]
    absolute = paraphrase.with_participle(main)
    if absolute:
        at = sentence.start + begin + absolute.speaker_offset
        made = _statement_for(state, absolute.speaker, at, absolute.content(main), absolute.cue,
                              sentence)  # fmt: skip
        return [made] if made else []
    extra = paraphrase.participle(main)
    if extra:
        subject = sentence_subject(main)
        cue, a, b, _ = extra
        if subject and len(main[a:b].split()) >= 3:
            at = sentence.start + begin + subject[1]
            made = _statement_for(state, subject[0], at, main[a:b], cue, sentence)
            if made:
                out.append(made)
    return out


#: A time phrase alone ('On Thursday', 'Last week'): no statement before a participle.
_TIME_ONLY = re.compile(r"(?:On|In|At|Earlier|Later|Last|This)(?:\s+[\w.]+){0,3}$")


def _inside_quote(text: str, pos: int) -> bool:
    """Does ``pos`` fall inside one of the sentence's closed quoted passages? (An unclosed
    one may hold its own attribution: '"There was no help, said Kessel, who …')."""
    return any(q.closed and q.start < pos < q.end for q in find_quotes(text))


def _second(
    state: ReadingState,
    found: paraphrase.Paraphrase,
    content: str,
    sentence: Sentence,
) -> tuple[int, list[ExtractedStatement]]:
    """A second statement in the same sentence: 'X said A and added that B' (same speaker)
    or 'X said A, while Y said B' (a new subject); the first keeps only A."""
    pos = sentence.start + found.speaker_offset
    same = paraphrase.coordinated(content)
    if same:
        end, cue, start = same
        more = _statement_for(state, found.speaker, pos, content[start:], cue, sentence)
        if more and len(more.text.split()) >= 3:
            return end, [more]
        return 0, []
    other = paraphrase.second_clause(content)
    if other:
        cut, at, sub = other
        rest = content[at:]
        where = sentence.start + found.start + at + sub.speaker_offset
        more = _statement_for(state, sub.speaker, where, sub.content(rest), sub.cue, sentence)
        if more and len(more.text.split()) >= 3:
            return cut, [more]
    return 0, []


def _replace_text(st: ExtractedStatement, text: str) -> ExtractedStatement:
    """The statement with only its first part (its marks made readable, as every
    statement's are); partial stays partial only if a quote is left."""
    kind = "indirect" if st.kind == "partial" and not has_mark(text) else st.kind
    return ExtractedStatement(st.speaker, normalise_marks(text.strip(" ,")), kind, st.cue, st.paragraph,
                              st.start, st.end, st.ref, st.when, st.confidence)  # fmt: skip


_ADJUNCT_START = frozenset("on in at during via through over after before while".split())  # noqa: SIM905


def _adjunct_only(content: str) -> bool:
    """'Swansea said on its website.', 'X fumed at the vote.': after a speech verb (not one
    of belief: 'believes in …'), a short prepositional phrase says where or when, not what."""
    words = content.rstrip(" .").split()
    return (
        len(words) <= 5
        and words[0] in _ADJUNCT_START
        and not (words[0] == "at" and words[1:2] == ["least"])
        and not has_mark(content)
    )


#: Most words an adjunct between the cue and a whole quote may have ('replied evenly, "…"',
#: 'told the news agency simply, "…"'); a longer lead is a reported clause of its own.
ADJUNCT_WORDS = 6


def _adjunct_lead(lead: list[str], content: str, quote: QuoteSpan) -> bool:
    """'told the news agency simply, "We are done."': a short lead set off by a comma before a
    quote that opens with a capital is an adjunct (manner, time, audience): the quote is
    whole. Not when the lead has 'that' or a cue of its own ('that in 2009, "…"', 'telling
    aides, "…"'): then it belongs to the reported words, or is a second attribution."""
    return (
        len(lead) <= ADJUNCT_WORDS
        and lead[-1].endswith(",")
        and content[quote.inner_start : quote.inner_start + 1].isupper()
        and not any(w.lower().strip(",") in _NOT_ADJUNCT for w in lead)
    )


#: Words that make a lead more than an adjunct: a clause ('that') or another cue.
_NOT_ADJUNCT = frozenset({"that"}) | SPEECH_WORDS | PARTICIPLE_WORDS


def _statement_for(
    state: ReadingState, phrase: str, pos: int, content: str, cue: str, sentence: Sentence
) -> ExtractedStatement | None:
    content = content.strip(" ,;:")
    dateline = DATELINE.match(content) if content[:2].isupper() else None
    if dateline:
        content = content[dateline.end() :]  # 'LONDON (Reuters) - A, the union said.'
    if len(content.split()) < 2 or no_comment_object(content):
        return None  # 'did not reply to our message seeking comment': sourcing, not a statement
    if cue.split(" ", 1)[0] in SPEECH_WORDS and _adjunct_only(content):
        # 'Lia Marsh said in a statement.' says nothing itself, but introduces the quote
        # that follows like a colon: remember her as the speaker, emit no statement.
        intro = make_statement(state, phrase, pos, content, "direct", cue, sentence)
        if intro is not None and intro.ref is not None and intro.ref.kind != "pronoun":
            state.last = intro
        return None
    quoted = find_quotes(content) if has_mark(content) else []
    kind = "partial" if quoted else "indirect"
    lead = content[: quoted[0].start].split() if quoted else []
    if (
        quoted
        and len(quoted) == 1
        and (not lead or lead[-1].lower() == "that" or _adjunct_lead(lead, content, quoted[0]))
        and not content[quoted[0].end :].strip(" .,")
    ):
        kind = "direct"
        content = strip_marks(content[quoted[0].start :])
    return make_statement(
        state, phrase, pos, normalise_marks(content), kind, cue, sentence, when_of(sentence.text)
    )


_LABEL = re.compile(
    r"^(?P<mark>[\"“])?(?P<spk>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s+(?P<words>\S.{8,})$",
    re.DOTALL,
)
_NOT_LABELS = frozenset(
    """note update updated editor correction photo photos source sources related read watch
    full text abstract partial transcript video image credit warning here q a contributing
    byline reporting editing latest reminder photograph photographs picture pictures
    illustration graphic standards photography""".split()  # noqa: SIM905
)
#: Whole labels that are page furniture of a headline ('BREAKING: …', 'Wow: …', 'Analysis:
#: …'), never a speaker; checked as the whole label, since 'Live' or 'Look' may be in a name.
_FURNITURE_LABELS = frozenset(
    """breaking exclusive wow look revealed bombshell boom busted analysis opinion editorial
    interview explainer factbox obituary commentary podcast live developing recap preview
    deaths""".split()  # noqa: SIM905
) | {"breaking news", "just in", "paid notice", "must see", "must watch", "fact check"}


#: The labels of an interview's answers ('A: …'); its questions ('Q: …') are the outlet's.
_ANSWER_LABELS = frozenset({"A", "Answer", "ANSWER"})


def _interview_answer(
    para: Paragraph, words: str, sentence: Sentence, state: ReadingState
) -> ExtractedStatement:
    """'A: …' in a question-and-answer interview: the words of the person interviewed, who
    is the first person the article names (its title or lead-in says who), a guess marked
    'inferred'; the speaker is unknown when it named nobody before."""
    interviewee = next((n for n in state.people.names if n in state.people.full_names), None)
    made = None
    if interviewee is not None:
        made = make_statement(
            state, interviewee, para.start, normalise_marks(words), "direct", ":", sentence,
            None, "inferred",
        )  # fmt: skip
    return made or unknown_statement(normalise_marks(words), sentence)


def labelled_line(
    para: Paragraph, sentences: list[Sentence], state: ReadingState
) -> ExtractedStatement | None:
    """'TRUMP: We will win.' / 'Insiders: Trump will rebound' — a line given to a named speaker."""
    match = _LABEL.match(para.text) if ":" in para.text[:48] else None
    if not match or not sentences:
        return None
    spk = match.group("spk")
    if spk in _ANSWER_LABELS and not match.group("mark") and para.index:
        return _interview_answer(para, match.group("words").strip(), sentences[0], state)
    if match.group("mark") and not (spk.isupper() and len(spk) > 1):
        return None  # a quoted excerpt of a transcript ('"LIND: …'), or a quote
    if (
        not set(spk.lower().split()).isdisjoint(_NOT_LABELS)
        or spk.split()[-1].lower().rstrip(".") in _NOT_LABELS
        or " ".join(spk.lower().replace("-", " ").split()) in _FURNITURE_LABELS
        or is_furniture(para.text)  # 'Our Standards: The Trust Principles.'
    ):
        return None
    words = match.group("words").strip()
    if match.group("mark"):  # the excerpt's marks: its paragraphs open with one, the last
        words = strip_marks(words)  # closes it
    if "according to" in words:
        return None  # 'Delegates: Holt leads by 40, according to the AP.': a topic, sourced
    quoted = find_quotes(words)
    kind = "partial" if quoted else "indirect"
    verbatim = para.index != 0  # a headline ('Lind: ‘We Will Build It’') trims what was said
    whole = len(quoted) == 1 and quoted[0].start == 0 and not words[quoted[0].end :].strip(" .,")
    if verbatim and whole:
        kind, words = "direct", strip_marks(words)
    elif verbatim and not quoted and spk.isupper() and len(spk) > 1:
        kind = "direct"  # a transcript line ('LIND: We will build it.') is the speaker's words
    name = label_name(spk) if spk.isupper() else spk
    start = para.start + match.start("spk")
    return make_statement(state, name, start, normalise_marks(words), kind, ":", sentences[0])
