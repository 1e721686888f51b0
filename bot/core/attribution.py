"""Who said these words, faithfully: exact phrase, then every word, then approximate.

A ``said`` answer names a speaker, so it must never put words in someone's mouth. Matches come
in three levels: the exact phrase, all of the words (in any order), and words that are only
similar. The last level is shown only above ``APPROXIMATE_CUTOFF``, a similarity measured on
an evaluation set (``bench/questions/calibrate.py``: the lowest score at which no invented or
narrative sentence was matched), labelled approximate and ranked below the other two. When the
words are a claim that the article records as disputed, the claimant leads and the dispute is
attached, so a contested claim is never shown as settled.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from bot.core.library import Library, StatementRecord
from bot.core.replies import Answer, HelpAnswer, NotFoundAnswer, SaidAnswer, SaidMatch
from bot.core.sourcing import DisputeLine
from bot.core.summary import StatementKind, Summary
from bot.core.text import search_words
from bot.core.topics import STOPWORDS

SAID_FUZZY_CUTOFF = 70.0  # in-order similarity that marks a span in a statement
APPROXIMATE_CUTOFF = 89.0  # measured: see the module docstring and bench/README.md
CLAIM_CUTOFF = 80.0  # how close words must be to a recorded disputed claim
MAX_MATCHES = 5


async def said(library: Library, query: str) -> Answer:
    """Who said these words, best and most certain match first."""
    tokens = search_words(query)
    if not tokens:
        return HelpAnswer(problem="'said' needs some words, e.g. /brief said tremendous progress")
    found = await _search_words(library, tokens)
    loose = False
    held = tokens
    content = [t for t in tokens if t not in STOPWORDS]
    if not found and len(content) >= 2 and content != tokens:
        # "who said they can't get an answer": every word that carries meaning was said
        found = await library.search(content, mode="all", limit=MAX_MATCHES * 2)
        held = content
    if not found:
        corrected = await _corrected(library, tokens)
        if corrected != tokens:
            found, loose = await _search_words(library, corrected), True
            if found:  # what the statements hold: a "not" is looked for around these
                held = corrected
    if not found:
        found, loose = await library.search(tokens, mode="any", limit=50), True
    matches = rank_matches(query, found, loose=loose, words=held)
    matches = await _with_disputes(library, query, matches)
    if not matches:
        return NotFoundAnswer(query, "words")
    top = matches[:MAX_MATCHES]
    return SaidAnswer(query, tuple(top), approximate=all(m.approximate for m in top))


async def _search_words(library: Library, tokens: list[str]) -> list[StatementRecord]:
    phrase = await library.search(tokens, mode="phrase", limit=MAX_MATCHES * 2)
    if len(tokens) == 1 or len(phrase) >= MAX_MATCHES:
        return phrase
    return phrase + await library.search(tokens, mode="all", limit=MAX_MATCHES * 2)


async def _corrected(library: Library, tokens: list[str]) -> list[str]:
    """The words as probably meant. A space typed a letter early or late ("tremendou
    sprogress", "securit yguarantees") leaves two neighbouring unknown words that no spelling
    of each alone mends; it is moved back where both words it then splits are indexed (at
    most four more lookups, only for two unknown neighbours). Each word still unknown goes to
    its nearest indexed spelling."""
    nearest: dict[str, list[str]] = {}

    async def near(word: str) -> list[str]:
        if word not in nearest:
            nearest[word] = await library.vocabulary_near(word, 1)
        return nearest[word]

    async def known(word: str) -> bool:
        return await near(word) == [word]  # an indexed word is its own nearest

    words = list(tokens)
    for at in range(len(words) - 1):
        first, second = words[at], words[at + 1]
        if await known(first) or await known(second):
            continue  # one word misspelt is mended alone; a moved space breaks both
        for left, right in ((first[:-1], first[-1] + second), (first + second[0], second[1:])):
            if left and right and await known(left) and await known(right):
                words[at : at + 2] = [left, right]
                break
    return [word if await known(word) else (await near(word) or [word])[0] for word in words]


def similarity(query: str, text: str) -> tuple[float, tuple[int, int] | None]:
    """How well a text holds the query (0-100) and where, if in order: the best of an
    in-order match (which marks the span) and the words in any order."""
    wanted, plain = _plain(query), _plain(text)
    alignment = fuzz.partial_ratio_alignment(wanted, plain)
    in_order = alignment.score if alignment is not None else 0.0
    score = max(in_order, fuzz.token_set_ratio(wanted, plain))
    span = None
    if alignment is not None and in_order >= SAID_FUZZY_CUTOFF:
        span = (alignment.dest_start, alignment.dest_end)
    return score, span


def rank_matches(
    query: str,
    records: Sequence[StatementRecord],
    *,
    loose: bool = False,
    words: Sequence[str] | None = None,
) -> list[SaidMatch]:
    """Order statements: exact phrase, then all the words, then approximate (only above the
    measured cutoff); within a level by closeness, then direct quotes first."""
    tokens = search_words(query)
    wanted = set(words if words is not None else tokens)
    seen: set[tuple[str, int, str]] = set()
    matches: list[SaidMatch] = []
    for record in records:
        identity = (record.article_id, record.paragraph, record.text)
        if identity in seen:
            continue
        seen.add(identity)
        score, span = similarity(query, record.text)
        held = search_words(record.text)
        exact = _contains(held, tokens)
        if not exact and negated(tokens) != negated(_around(held, wanted)):
            continue  # "the upkeep was costed" is not what "had not costed the upkeep" says
        every_word = wanted <= set(held)
        approximate = not exact and not (every_word and not loose)
        if score < (APPROXIMATE_CUTOFF if approximate else SAID_FUZZY_CUTOFF):
            continue
        matches.append(SaidMatch(record, exact, score, span, approximate=approximate))
    matches.sort(key=lambda m: (not m.exact, m.approximate, -m.score, _kind_rank(m.statement)))
    return matches


_NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot", "t"}
)  # "t" is what is left of "don't", "can't", "wasn't"


def negated(words: Sequence[str]) -> bool:
    """Whether the words hold a negation: words that say the opposite never match as said."""
    return not _NEGATIONS.isdisjoint(words)


def _around(words: Sequence[str], wanted: set[str]) -> list[str]:
    """The stretch of a statement from the first to the last word asked about, with the word
    before it: where a "not" would turn those words around."""
    places = [i for i, w in enumerate(words) if w in wanted]
    if not places:
        return list(words)
    return list(words[max(0, places[0] - 1) : places[-1] + 1])


def _contains(words: Sequence[str], tokens: Sequence[str]) -> bool:
    """Whether the tokens stand in the words as one run (folded, so "Straße" is "strasse")."""
    size = len(tokens)
    return size > 0 and any(
        list(words[i : i + size]) == list(tokens) for i in range(len(words) - size + 1)
    )


# ASCII letters and digits lowered, every other ASCII character a space: what ``_plain`` does
# one character at a time, in one ``str.translate`` (a `said` ranks up to 50 statements, and
# the loop over their characters was most of its time outside the store at 1M statements)
_ASCII_PLAIN = {code: chr(code).lower() if chr(code).isalnum() else " " for code in range(128)}


def _plain(text: str) -> str:
    """Lower case with punctuation blanked, keeping every character's position for spans."""
    if text.isascii():
        return text.translate(_ASCII_PLAIN)
    return "".join(ch.lower() if ch.isalnum() and len(ch.lower()) == 1 else " " for ch in text)


def _kind_rank(record: StatementRecord) -> int:
    return [StatementKind.DIRECT, StatementKind.PARTIAL, StatementKind.INDIRECT].index(record.kind)


async def _with_disputes(library: Library, query: str, matches: list[SaidMatch]) -> list[SaidMatch]:
    """Attach recorded disputes to the matches they concern; words close to a disputed claim
    put the claimant's own statement first."""
    articles = list(dict.fromkeys(m.statement.article_id for m in matches[:MAX_MATCHES]))
    if not articles:
        return matches
    result = list(matches)
    for summary in await library.disputed(articles[:2]):
        result = _mark_disputes(summary, query, result)
    return result


def _mark_disputes(summary: Summary, query: str, matches: list[SaidMatch]) -> list[SaidMatch]:
    marked: list[SaidMatch] = []
    lead: list[SaidMatch] = []
    for match in matches:
        record = match.statement
        dispute = _dispute_of(summary, record)
        if dispute is None:
            marked.append(match)
            continue
        line, claimant = dispute
        updated = SaidMatch(
            record, match.exact, match.score, match.span, match.approximate, dispute=line
        )
        claim_score = fuzz.token_set_ratio(_plain(query), _plain(line.claim))
        (lead if claimant and claim_score >= CLAIM_CUTOFF else marked).append(updated)
    return lead + marked


def _dispute_of(summary: Summary, record: StatementRecord) -> tuple[DisputeLine, bool] | None:
    """The dispute this statement takes part in, and whether it is the claimant's."""
    if record.article_id != summary.article.id:
        return None
    for dispute in summary.sourcing.disputed:
        roles = {"claim": dispute.claimed_by, "dispute": dispute.disputed_by}
        for role, ref in roles.items():
            if ref is None or summary.speaker_name(ref) != record.speaker_name:
                continue
            same_place = dispute.paragraph is None or dispute.paragraph == record.paragraph
            close = fuzz.token_set_ratio(_plain(dispute.claim), _plain(record.text)) >= CLAIM_CUTOFF
            if not (same_place or (role == "claim" and close)):
                continue
            line = DisputeLine(
                dispute.claim,
                summary.speaker_name(dispute.claimed_by) if dispute.claimed_by else None,
                summary.speaker_name(dispute.disputed_by) if dispute.disputed_by else None,
                dispute.paragraph,
            )
            return line, role == "claim"
    return None
