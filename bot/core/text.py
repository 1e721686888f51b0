"""Text normalisation shared by the speaker index, full-text search, briefings and extraction.

One definition of "the same words" keeps the store's index and the answers' ranking in step:
a name typed as "Zelenskyy", "zelenskyy" or "Zelenskyy's" must land on the same key, and
"Hauptstraße" or "Wałęsa" typed plainly must find the indexed word. One sentence splitter
(the abbreviation-aware rules below, which the extractor also uses) keeps briefings and
embeds from cutting a quote at "Mr." or "U.S.".
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[\w]+(?:['’][\w]+)*", re.UNICODE)
_SEARCH_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits; "_" splits like space
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_ARTICLES = frozenset({"a", "an", "the"})
# Letters that NFKD does not decompose into a plain letter and a mark: ł is not l + stroke.
_PLAIN_LETTERS = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h",
        "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ß": "ss", "ẞ": "SS",
    }
)  # fmt: skip


#: Invisible formatting characters pasted in with web text (direction marks, zero-width
#: spaces and joiners, soft hyphens, the byte-order mark): they split words and stand
#: between a quote and its frame ('…,"\u200e said X') without being seen.
_INVISIBLE = re.compile(
    "[\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def without_invisible(text: str) -> str:
    """The text without invisible formatting characters (see ``_INVISIBLE``); a regex in C
    rather than ``str.translate``, which looks every character of a long text up in a dict."""
    if text.isascii() or _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub("", text)


def fold(text: str) -> str:
    """Lower-case, strip accents, plain forms of ł/ø/æ/đ/ß, unified apostrophes, so that
    comparisons (and the full-text index) ignore them."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("’", "'").casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, possessives removed ("Trump's" → "trump")."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(fold(text))]


def search_words(text: str) -> list[str]:
    """The folded words of a text as the full-text index holds them ("Trump's" → trump, s).

    Queries and indexed statements must split alike, or a phrase with an apostrophe would
    never match; this is the one definition both use (SQLite indexes ``index_text``).
    """
    return _SEARCH_TOKEN.findall(fold(text))


def index_text(text: str) -> str:
    """The text as the full-text index stores it: its search words joined by spaces, so the
    index's own tokenizer (FTS5 ``ascii``) only has to split at the spaces."""
    return " ".join(search_words(text))


def name_key(name: str) -> str:
    """Canonical key of a name or phrase: folded words, no leading article."""
    tokens = words(name)
    while tokens and tokens[0] in _LEADING_ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def singular(word: str) -> str:
    """A crude singular, enough to let "sources" find "one source" and "officials" an official."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


SENTENCE_END = re.compile(r"[.!?…]+[\"”'’)\]]*(?:(?=\s+[\"“'‘(\[]*[A-Z0-9])|\s*$)")
#: Titles, ranks and suffixes of people, which end in a full stop inside a name ("Sen. Ann
#: Lund", "Det. Insp. Bo Lind", "Al Reyes Jr."): the name rules' as well as the splitter's.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt cmdr cdr adm amb
    msgr maj cpl pvt brig det insp supt st jr sr prof rev hon messrs""".split()  # noqa: SIM905
)
#: Words that end in a full stop without ending the sentence.
ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset(
    [
        "u.s",
        "u.k",
        "u.n",
        "d.c",
        "n.y",
        "l.a",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "v",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "ft",
        "mt",
        "gop",
        "calif",
        "fla",
        "ill",
        "mass",
        "mich",
        "minn",
        "pa",
        "tenn",
        "tex",
        "va",
        "wash",
        "wis",
        "ariz",
        "colo",
        "conn",
        "ga",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mo",
        "nev",
        "okla",
        "ore",
        "s.c",
        "n.c",
        "n.h",
        "n.j",
        "n.m",
    ]
)


def has_words(text: str) -> bool:
    """Whether the text holds a letter or a digit at all (not only marks and punctuation)."""
    return _SEARCH_TOKEN.search(text) is not None


def word_positions(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    r"""Offsets of ``word`` standing whole in ``text[start:end]``, as
    ``re.finditer(r"\b" + re.escape(word) + r"\b", text, start, end)`` finds them.

    ``str.find`` runs in C; a pattern that opens with ``\b`` has no literal prefix for the
    regex engine to skip ahead with, so it is tried at every offset of a long text. As in the
    pattern, the character before ``start`` counts and the one at ``end`` does not; ``word``
    must not be empty.
    """
    stop = len(text) if end is None else min(end, len(text))
    size = len(word)
    out: list[int] = []
    at = text.find(word, start, stop)
    while at >= 0:
        after = at + size
        if _boundary(text, at, stop) and _boundary(text, after, stop):
            out.append(at)
            at = text.find(word, after, stop)
        else:
            at = text.find(word, at + 1, stop)
    return out


def _boundary(text: str, at: int, stop: int) -> bool:
    r"""``\b`` at ``at``: a word character on one side only (none counted at ``stop``)."""
    before = at > 0 and _is_word_char(text[at - 1])
    return before != (at < stop and _is_word_char(text[at]))


def _is_word_char(ch: str) -> bool:
    r"""A character ``\w`` matches in a str pattern: a letter, a digit or '_'."""
    return ch.isalnum() or ch == "_"


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial ("J.")."""
    # Only the last 7 characters are searched (not back to the text's start for each stop):
    # a word with no break in them is longer than 6 and no abbreviation anyway.
    lo = max(0, dot - 7)
    begin = (
        max(
            text.rfind(" ", lo, dot),
            text.rfind("(", lo, dot),
            text.rfind(")", lo, dot),  # '(CNN)A.J.'
            text.rfind("“", lo, dot),
        )
        + 1
    )
    if not begin and lo:
        return False
    word = text[begin:dot]
    if not word or len(word) > 6:
        return False
    if len(word) == 1:
        return word.isupper()
    return word.lower() in ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


#: Initials run together: 'A.J' of 'A.J. Lund', 'T.S' of 'T.S. Holt'.
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end: terminal punctuation (and closing quotes) before
    a capital or the end, unless the full stop closes an abbreviation or an initial."""
    ends = []
    for match in SENTENCE_END.finditer(text):
        if match.group() == "." and is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    return ends


def sentences(text: str) -> list[str]:
    """Split text into sentences (see ``sentence_ends``): never at "Mr." or "U.S."."""
    text = text.strip()
    cuts = [0, *sentence_ends(text)]
    if cuts[-1] != len(text):
        cuts.append(len(text))
    parts = (text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False))
    return [p for p in parts if p]


def first_sentence(text: str, *, limit: int) -> str:
    """The text if short enough, else its leading whole sentences marked with an ellipsis.

    Never cuts inside a sentence: if even the first sentence is over the limit it is returned
    whole, and the caller's budget decides whether it is shown at all.
    """
    if len(text) <= limit:
        return text
    chosen: list[str] = []
    for sentence in sentences(text):
        if chosen and len(" ".join([*chosen, sentence])) > limit:
            break
        chosen.append(sentence)
    head = " ".join(chosen)
    if head == text.strip():
        return head
    return head.rstrip(".…,;: ") + "…"


def paragraphs(text: str, *, title: str | None = None) -> list[str]:
    """An article's body paragraphs (blank-line separated), numbered from 1 by the caller:
    a first block that is the title is left out, as the summaries count paragraphs."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    if blocks and title is not None and fold(blocks[0]) == fold(" ".join(title.split())):
        blocks = blocks[1:]
    return blocks
