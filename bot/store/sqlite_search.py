"""Full-text search over statements on SQLite FTS5, fast at a million statements.

FTS5 intersects posting lists by walking them, so a phrase holding a word that most
statements contain ("the", "said") costs tens of milliseconds at a million rows however rare
its other words are. So a phrase or all-words search asks FTS5 only for the intersection of
its selective words (the rarest, while their counts in the ``terms`` table add up to at
most ``PROBE_POSTINGS``) or, for a phrase, of its rarest adjacent word pairs
(``statement_pairs``, counted in ``pair_terms``; "of the" is common, "the whole" much less
so), checks the whole phrase or word set on those candidates here as FTS5 yields them,
newest first, until enough hold it, and caches a probe's candidates for the next ask. Only
an all-words query of common words alone is left to FTS5 itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections import OrderedDict
from collections.abc import Generator, Sequence
from typing import Any

from bot.core.library import SearchMode, StatementRecord
from bot.core.summary import Confidence, StatementKind
from bot.core.text import fold, search_words

PROBE_POSTINGS = 60_000  # postings FTS5 walks for a probe at most (about 2.4 ms at 1M)
PROBE_WORDS = 3  # selective words intersected by FTS5
CANDIDATES = 1_000  # at most this many statements holding them are checked here
CHECK_BATCH = 50  # candidates' texts read per round, newest first
PAIRS = "\x00pairs"  # marks a probe of word pairs (statement_pairs) rather than words
RANKED_MATCHES = 200  # bm25 scores every match: rank only when the matches are this few

STATEMENT_COLUMNS = """
    s.article_id, a.title, a.outlet, s.speaker_key, sp.name, sp.role, s.text, s.kind, s.cue,
    s.said_when, s.paragraph, s.verified, s.published, s.confidence
"""
STATEMENT_JOINS = """
    JOIN articles a ON a.id = s.article_id
    JOIN speakers sp ON sp.article_id = s.article_id AND sp.local_id = s.local_id
"""


def fts_tokens(words: Sequence[str]) -> list[str]:
    """Words split and folded the way the FTS5 unicode61 tokenizer splits them."""
    return [t for w in words for t in search_words(w)]


def fts_query(words: Sequence[str], mode: SearchMode) -> str:
    """An FTS5 MATCH expression; every token is quoted, so user text cannot inject syntax."""
    tokens = fts_tokens(words)
    if not tokens:
        return ""
    if mode == "phrase":
        return '"' + " ".join(tokens) + '"'
    joiner = " AND " if mode == "all" else " OR "
    return joiner.join(f'"{t}"' for t in dict.fromkeys(tokens))


class CandidateCache:
    """Recent probe results: the ids of the statements holding the probe, newest first.

    A ``said`` question asks for the phrase and then for all the words, which probe the same
    rare word; the cache makes the second ask free. The store clears it on every write.
    """

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, ...], list[int]] = OrderedDict()

    def get(self, probe: tuple[str, ...]) -> list[int] | None:
        """The cached candidates of a probe, if any."""
        found = self._entries.get(probe)
        if found is not None:
            self._entries.move_to_end(probe)
        return found

    def put(self, probe: tuple[str, ...], candidates: list[int]) -> None:
        """Remember a probe's candidates, forgetting the oldest beyond the size."""
        self._entries[probe] = candidates
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (the statements changed)."""
        self._entries.clear()


def search_statements(
    db: sqlite3.Connection,
    words: Sequence[str],
    mode: SearchMode,
    limit: int,
    cache: CandidateCache | None = None,
) -> list[StatementRecord]:
    """Statements holding the words as a phrase, all of them, or any (runs on the DB thread)."""
    tokens = fts_tokens(words)
    if not tokens:
        return []
    frequency = document_frequency(db, tokens)
    if mode == "any":
        return _any_word(db, _rarest(tokens, frequency), frequency, limit)
    if any(t not in frequency for t in tokens):
        return []  # a word no statement holds: no phrase or all-words match
    cache = cache if cache is not None else CandidateCache()
    probe = _selective(tokens, frequency)
    if mode == "phrase" and len(tokens) > 1:
        pairs = [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
        pair_frequency = _counts(db, "pair_terms", "pair", pairs)
        if any(p not in pair_frequency for p in pairs):
            return []  # two of its words never stand side by side
        # A pair is in no more statements than either of its words, and its postings carry no
        # positions: even common pairs walk less than FTS5's own phrase match would.
        by_pairs = _selective(pairs, pair_frequency) or _by_count(pairs, pair_frequency)
        if not probe or pair_frequency[by_pairs[0]] < frequency[probe[0]]:
            probe = [PAIRS, *by_pairs[:PROBE_WORDS]]
    if probe:
        found = _probe(db, cache, tuple(probe), tokens, phrase=mode == "phrase", limit=limit)
        if found is not None:
            return _by_ids(db, found[:limit])
    return _native(db, tokens, mode, limit)  # only common words: let FTS5 walk them


def _selective(tokens: Sequence[str], frequency: dict[str, int]) -> list[str]:
    """The rarest tokens that FTS5 can intersect cheaply, or none.

    FTS5 walks every posting of an AND's words (about 40 ns each at a million statements,
    with no skipping), so what a probe costs is the sum of its words' counts: the rarest
    words are taken while that sum stays within ``PROBE_POSTINGS``. A rare word and a
    middling one (1,000 and 30,000 statements) make a good probe, though the second alone
    would not be one. Every word within the budget is worth its walk: checking a candidate
    here reads its text (about 5 us), as much as walking a hundred postings."""
    rarest = _by_count(tokens, frequency)
    probe: list[str] = []
    walked = 0
    for token in rarest[:PROBE_WORDS]:
        walked += frequency[token]
        if walked > PROBE_POSTINGS:
            break
        probe.append(token)
    if len(probe) > 1 or (probe and frequency[probe[0]] <= CANDIDATES):
        return probe
    return []


def _by_count(tokens: Sequence[str], frequency: dict[str, int]) -> list[str]:
    """The distinct tokens, rarest first."""
    return sorted(dict.fromkeys(tokens), key=frequency.__getitem__)


def _probe(
    db: sqlite3.Connection,
    cache: CandidateCache,
    probe: tuple[str, ...],
    tokens: Sequence[str],
    *,
    phrase: bool,
    limit: int,
) -> list[int] | None:
    """Ids, newest first, of up to ``limit`` statements holding the probe that hold the whole
    query; None when more than ``CANDIDATES`` statements hold the probe before ``limit`` of
    them are found to hold the query (FTS5's own match is cheaper then).

    The probe's statements come from FTS5 newest first, a batch at a time, and are checked as
    they come, so the walk over the probe's postings stops once ``limit`` hold the query: a
    query that many statements hold costs only its newest postings. A walk to the end is
    cached for the next ask."""
    cached = cache.get(probe)
    is_query = _probe_is_query(probe, tokens, phrase=phrase)
    seen: list[int] = []
    found: list[int] = []
    with contextlib.closing(_batches(db, probe, cached)) as batches:
        for batch in batches:
            seen += batch
            if len(seen) > CANDIDATES:
                return None
            found += batch if is_query else _holding(db, batch, tokens, phrase=phrase)
            if len(found) >= limit:
                return found[:limit]
    if cached is None:
        cache.put(probe, seen)
    return found


def _batches(
    db: sqlite3.Connection, probe: tuple[str, ...], cached: list[int] | None
) -> Generator[list[int], None, None]:
    """The ids of the statements holding the probe, newest first, ``CHECK_BATCH`` at a time:
    from the cache, or read from FTS5 as they are asked for (at most ``CANDIDATES`` + 1)."""
    if cached is not None:
        for start in range(0, len(cached), CHECK_BATCH):
            yield cached[start : start + CHECK_BATCH]
        return
    table, words = (
        ("statement_pairs", probe[1:]) if probe[0] == PAIRS else ("statements_fts", probe)
    )
    cursor = db.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?",
        (" AND ".join(f'"{w}"' for w in words), CANDIDATES + 1),
    )
    try:
        while rows := cursor.fetchmany(CHECK_BATCH):
            yield [rowid for (rowid,) in rows]
    finally:
        cursor.close()


def _holding(
    db: sqlite3.Connection, ids: Sequence[int], tokens: Sequence[str], *, phrase: bool
) -> list[int]:
    """Those of the statements (in the given order) whose text holds the query."""
    marks = ",".join("?" * len(ids))
    texts = dict(db.execute(f"SELECT id, text FROM statements WHERE id IN ({marks})", ids))
    return [i for i in ids if holds_text(texts.get(i, ""), tokens, phrase=phrase)]


def _probe_is_query(probe: tuple[str, ...], tokens: Sequence[str], *, phrase: bool) -> bool:
    """Whether holding the probe already means holding the query: a two-word phrase probed
    by its one pair, or all-words probed by every word."""
    if probe[0] == PAIRS:
        return phrase and len(tokens) == 2
    return not phrase and set(probe) == set(tokens)


def _native(
    db: sqlite3.Connection, tokens: Sequence[str], mode: SearchMode, limit: int
) -> list[StatementRecord]:
    """FTS5's own phrase or all-words match, newest first."""
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM statements_fts f"
        f" JOIN statements s ON s.id = f.rowid {STATEMENT_JOINS}"
        " WHERE statements_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?"
    )
    return statement_records(db.execute(sql, (fts_query(tokens, mode), limit)).fetchall())


def holds_text(text: str, tokens: Sequence[str], *, phrase: bool) -> bool:
    """Whether a statement's text holds the tokens (as ``holds`` tells of its words).

    Every word the tokenizer yields is a piece of the folded text, so a token that is no
    substring of it rules the text out before it is split: most candidates of a probe lack a
    word the probe did not intersect, and splitting them was most of the check (9 of 14 µs a
    candidate at a million statements).
    """
    folded = fold(text)
    if any(token not in folded for token in tokens):
        return False
    return holds(search_words(text), tokens, phrase=phrase)


def holds(words: Sequence[str], tokens: Sequence[str], *, phrase: bool) -> bool:
    """Whether a statement's words have the tokens in this order (phrase) or anywhere."""
    if not phrase:
        return set(tokens) <= set(words)
    size, first = len(tokens), tokens[0]
    return any(
        words[i : i + size] == list(tokens)
        for i in range(len(words) - size + 1)
        if words[i] == first
    )


def document_frequency(db: sqlite3.Connection, tokens: Sequence[str]) -> dict[str, int]:
    """How many statements hold each token (absent: none)."""
    return _counts(db, "terms", "term", tokens)


def _counts(
    db: sqlite3.Connection, table: str, column: str, values: Sequence[str]
) -> dict[str, int]:
    unique = tuple(dict.fromkeys(values))
    sql = f"SELECT {column}, docs FROM {table} WHERE {column} IN ({','.join('?' * len(unique))})"
    return {value: int(docs) for value, docs in db.execute(sql, unique)}


def _rarest(tokens: Sequence[str], frequency: dict[str, int], keep: int = 4) -> list[str]:
    """The rarer words of a query; the commonest one alone if all are common."""
    known = sorted(dict.fromkeys(t for t in tokens if t in frequency), key=frequency.__getitem__)
    rare = [t for t in known if frequency[t] <= RANKED_MATCHES]
    return (rare or known[:1])[:keep]


def _any_word(
    db: sqlite3.Connection, tokens: list[str], frequency: dict[str, int], limit: int
) -> list[StatementRecord]:
    """Statements with any of the words; bm25 order when few match, else newest first."""
    if not tokens:
        return []
    ranked = sum(frequency[t] for t in tokens) <= RANKED_MATCHES
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM statements_fts f"
        f" JOIN statements s ON s.id = f.rowid {STATEMENT_JOINS}"
        f" WHERE statements_fts MATCH ? ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} LIMIT ?"
    )
    return statement_records(db.execute(sql, (fts_query(tokens, "any"), limit)).fetchall())


def _by_ids(db: sqlite3.Connection, ids: Sequence[int]) -> list[StatementRecord]:
    """Full records of these statements, in the given order."""
    if not ids:
        return []
    sql = (
        f"SELECT s.id, {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS}"
        f" WHERE s.id IN ({','.join('?' * len(ids))})"
    )
    rows = {row[0]: row[1:] for row in db.execute(sql, tuple(ids))}
    return statement_records([rows[i] for i in ids if i in rows])


def statement_records(rows: Sequence[Sequence[Any]]) -> list[StatementRecord]:
    """Rows of STATEMENT_COLUMNS as records."""
    return [
        StatementRecord(
            article_id=row[0],
            article_title=row[1],
            outlet=row[2],
            speaker_key=row[3],
            speaker_name=row[4],
            speaker_role=row[5],
            text=row[6],
            kind=StatementKind(row[7]),
            cue=row[8],
            when=row[9],
            paragraph=row[10],
            verified=None if row[11] is None else bool(row[11]),
            published=dt.datetime.fromisoformat(row[12]) if row[12] else None,
            confidence=Confidence(row[13]) if row[13] else None,
        )
        for row in rows
    ]
