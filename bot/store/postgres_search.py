"""Full-text and fuzzy search on PostgreSQL: a GIN-indexed tsvector and pg_trgm.

The answers are SQLite's (``sqlite_search``): a phrase or all-words search returns the newest
matching statements (by insertion order), an any-word search ranks by bm25 when few
statements match and is newest first otherwise. How each is found differs:

- The index is asked only for the query's rarest words or adjacent pairs (a pair is far
  rarer than its words); the whole query (a phrase: ``<->``, word order checked on the stored
  positions) is checked on what it returns, so GIN reads short posting lists only.
- When even the rarest word or pair is in very many statements, walking the statements newest
  first and testing each is cheaper than reading the index, and the planner is told so.
- bm25 is computed here with FTS5's formula from the counts the store keeps, so that the
  ranked order is the one SQLite gives.
- Typos: the core's trigram rule, over pg_trgm's candidates where the server has it (see
  Vocabulary).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.core.fuzzy import MIN_SHARED, TrigramIndex, trigrams
from bot.core.library import SearchMode, StatementRecord
from bot.core.text import fold
from bot.store.postgres_db import PostgresDatabase, quote_identifier
from bot.store.postgres_words import (
    all_query,
    any_query,
    pairs_of,
    phrase_query,
)
from bot.store.sqlite_search import (
    RANKED_MATCHES,
    STATEMENT_COLUMNS,
    STATEMENT_JOINS,
    _rarest,
    fts_tokens,
    statement_records,
)

WALK_FACTOR = 1.0  # walk newest first when it should read fewer rows than the index returns
PROBE = 2  # rarest words or pairs the index looks up (the second only if selective)
SELECTIVE = 20_000  # a word or pair in at most this many statements is cheap for GIN
NEAR_CUTOFF = 75  # the score ``vocabulary_near`` asks of a word (as the SQLite store does)
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's constants


async def search_statements(
    db: PostgresDatabase,
    counts: dict[str, int],
    total: int,
    words: Sequence[str],
    mode: SearchMode,
    limit: int,
) -> list[StatementRecord]:
    """Statements holding the words as a phrase, all of them, or any; ``counts`` are the
    word counts (cached by the store), so most questions cost one round trip."""
    tokens = fts_tokens(words)
    if not tokens:
        return []
    frequency = {t: counts[t] for t in tokens if t in counts}
    if mode == "any":
        return await _any_word(db, _rarest(tokens, frequency), frequency, limit)
    if any(t not in frequency for t in tokens):
        return []  # a word no statement holds
    lexemes = dict(frequency)
    pairs: list[str] = []
    if mode == "phrase" and len(tokens) > 1:
        pairs = list(dict.fromkeys(pairs_of(tokens)))
        pair_frequency = await _pair_counts(db, pairs)
        if any(p not in pair_frequency for p in pairs):
            return []  # two of its words never stand side by side
        lexemes.update(pair_frequency)
    query = phrase_query(tokens) if mode == "phrase" else all_query(tokens)
    rarest = sorted(lexemes, key=lexemes.__getitem__)
    probe = [rarest[0], *(x for x in rarest[1:PROBE] if lexemes[x] <= SELECTIVE)]
    walk = _walk_is_cheaper(lexemes, pairs if mode == "phrase" and len(tokens) > 1 else tokens,
                            lexemes[probe[0]], total, limit)  # fmt: skip
    return await _matching(db, all_query(probe), query, limit, walk=walk)


def _walk_is_cheaper(
    lexemes: dict[str, int], parts: Sequence[str], probed: int, total: int, limit: int
) -> bool:
    """Whether reading statements newest first until ``limit`` match reads fewer rows than
    the index returns for the probe. The match rate is estimated as if words (or, for a
    phrase, its pairs) occurred independently; the answer is the same either way."""
    if total <= 0:
        return False
    rate = 1.0
    for part in dict.fromkeys(parts):
        rate *= lexemes[part] / total
    return limit / max(rate, 1e-12) * WALK_FACTOR < probed


async def _matching(
    db: PostgresDatabase, probe: str, query: str, limit: int, *, walk: bool
) -> list[StatementRecord]:
    """The newest ``limit`` statements matching ``query``: the index finds those holding the
    ``probe`` (its rarest words or pairs), and the whole query is checked on each of them
    (``ts_match_vq`` is ``@@`` as a function, which the planner does not give the index: a
    common word in the index condition would make GIN read its whole posting list)."""
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS}"
        " WHERE s.words @@ %s::tsquery AND ts_match_vq(s.words, %s::tsquery)"
        " ORDER BY s.id {order} DESC LIMIT %s"
    )
    if not walk:  # "id + 0": the planner may not walk the primary key hoping for early hits
        found = await db.rows(sql.replace("{order}", "+ 0"), (probe, query, limit))
        return statement_records(found)
    sql = sql.replace("{order}", "")
    async with db.transaction() as connection:  # every word is common: walk newest first
        await connection.execute("SET LOCAL enable_bitmapscan = off")
        cursor = await connection.execute(sql, (probe, query, limit))
        return statement_records(await cursor.fetchall())


async def _pair_counts(db: PostgresDatabase, pairs: Sequence[str]) -> dict[str, int]:
    """How many statements hold each pair (absent: none)."""
    sql = "SELECT pair, docs FROM pair_terms WHERE pair = ANY(%s)"
    return {pair: int(docs) for pair, docs in await db.rows(sql, (list(pairs),))}


async def _any_word(
    db: PostgresDatabase, tokens: list[str], frequency: dict[str, int], limit: int
) -> list[StatementRecord]:
    """Statements with any of the words; bm25 order when few match, else newest first."""
    if not tokens:
        return []
    if sum(frequency[t] for t in tokens) > RANKED_MATCHES:
        return await _matching(db, any_query(tokens), any_query(tokens), limit, walk=False)
    sql = (
        f"SELECT s.id, s.tokens, {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS}"
        " WHERE s.words @@ %s::tsquery ORDER BY s.id"
    )
    rows = await db.rows(sql, (any_query(tokens),))
    totals = await db.rows("SELECT statements, tokens FROM store_stats WHERE id = 1")
    statements, all_tokens = (int(v) for v in totals[0])
    unique = list(dict.fromkeys(tokens))
    scored = [
        (bm25(fts_tokens([row[8]]), row[1], unique, frequency, statements, all_tokens), row)
        for row in rows
    ]
    scored.sort(key=lambda pair: (pair[0], pair[1][0]))  # rank, then oldest first (as FTS5)
    return statement_records([row[2:] for _, row in scored[:limit]])


def bm25(
    words: Sequence[str],
    length: int,
    phrases: Sequence[str],
    hits: dict[str, int],
    rows: int,
    total_tokens: int,
) -> float:
    """FTS5's ``bm25()`` of one row for single-word phrases (lower is better), step by step
    as fts5_aux.c computes it, so that equal scores stay equal and order as they do there."""
    average = total_tokens / rows if rows else 0.0
    score = 0.0
    for phrase in phrases:
        idf = math.log((rows - hits[phrase] + 0.5) / (hits[phrase] + 0.5))
        if idf <= 0.0:
            idf = 1e-6
        frequency = float(words.count(phrase))
        score += idf * (
            (frequency * (BM25_K1 + 1.0))
            / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * float(length) / average))
        )
    return -1.0 * score


class Vocabulary:
    """Every indexed word with its count, re-read when the data changes (``mark``: see
    ``PostgresStore._mark``), and typo correction over those words.

    Corrections follow the SQLite store's rule exactly: ``TrigramIndex.near`` (words sharing
    a third of the query's trigrams, then ``fuzz.ratio`` of at least 75). With pg_trgm (its
    GIN index on ``terms``, migration 0006) the database finds the candidates and the same
    rule scores them, so no question waits for the in-process index over every word to be
    built after a change. That gives the same corrections because the candidates are a
    superset of what the rule can accept:

    - for a word of ASCII letters and digits, pg_trgm's trigrams are the core's (both pad a
      word with two spaces before and one after; the core folds, pg_trgm lower-cases);
    - a word the rule accepts shares at least ``needed`` of the query's ``n`` trigrams, and
      ``fuzz.ratio`` of 75 bounds its length (at most 5/3 of the query's), hence its trigram
      count, hence from below the pg_trgm similarity (shared / union) it can have:
      ``similarity_floor``. The lookup asks for every word at or above that floor;
    - words pg_trgm would split or hash differently (anything not ASCII) are never left to
      it: they are scored in process, from a small index of their own.

    A 4-letter query's floor is low (one shared trigram is enough), which is why pg_trgm with
    one fixed threshold changed answers or read thousands of words; the floor per query keeps
    long words' lookups short. Queries that are not plain ASCII use the in-process index.
    The counts also spare search a round trip.
    """

    def __init__(self, trigrams_schema: str | None = None) -> None:
        self._counts: dict[str, int] = {}
        self.statements = 0  # how many statements in all, read with the counts
        self._index: TrigramIndex | None = None
        self._foreign: TrigramIndex | None = None  # the words pg_trgm is not asked about
        self._mark: tuple[bool, int] | None = None
        self._near_sql = None
        if trigrams_schema is not None:
            operator = f"OPERATOR({quote_identifier(trigrams_schema)}.%%)"
            self._near_sql = f"SELECT term FROM terms WHERE term {operator} %s"

    async def counts(self, db: PostgresDatabase, mark: tuple[bool, int]) -> dict[str, int]:
        """How many statements hold each word."""
        if mark != self._mark:
            rows = await db.rows("SELECT term, docs FROM terms")
            self._counts, self._mark = {t: int(n) for t, n in rows}, mark
            self._index = self._foreign = None
            totals = await db.rows("SELECT statements FROM store_stats WHERE id = 1")
            self.statements = int(totals[0][0])
        return self._counts

    async def near(
        self, db: PostgresDatabase, mark: tuple[bool, int], word: str, limit: int
    ) -> list[str]:
        """Indexed words spelt like ``word``, closest first."""
        counts = await self.counts(db, mark)
        query = fold(word)
        if self._near_sql is not None and self._index is None and plain(query):
            near = await self._near_in_database(db, query, limit)
        else:
            if self._index is None:
                self._index = TrigramIndex(list(counts))
            near = self._index.near(query, limit=limit, cutoff=NEAR_CUTOFF)
        return [term for term, _ in near]

    async def _near_in_database(
        self, db: PostgresDatabase, query: str, limit: int
    ) -> list[tuple[str, float]]:
        """The core rule over pg_trgm's candidates and the words it is not asked about."""
        assert self._near_sql is not None
        floor = similarity_floor(query, NEAR_CUTOFF) - FLOOR_MARGIN
        rows = await db.rows_after(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, false)",
            (f"{max(floor, 0.0):.6f}",),
            self._near_sql,
            (query,),
        )
        if self._foreign is None:
            self._foreign = TrigramIndex([t for t in self._counts if not plain(t)])
        found = TrigramIndex([row[0] for row in rows]).near(query, limit=limit, cutoff=NEAR_CUTOFF)
        found += self._foreign.near(query, limit=limit, cutoff=NEAR_CUTOFF)
        found.sort(key=lambda pair: (-pair[1], pair[0]))  # TrigramIndex's order
        return found[:limit]


FLOOR_MARGIN = 1e-4  # pg_trgm compares in single precision: ask a little below the floor


def plain(word: str) -> bool:
    """Whether pg_trgm sees ``word`` as the core does: one word of ASCII letters and digits."""
    return word.isascii() and word.isalnum()


def similarity_floor(query: str, cutoff: float) -> float:
    """The least pg_trgm similarity (shared / union of trigram sets) with ``query`` of any
    plain word that ``TrigramIndex.near(query, cutoff=cutoff)`` can accept: it shares at
    least ``needed`` trigrams, and ``fuzz.ratio`` >= cutoff allows at most
    ``len * (200 - cutoff) / cutoff`` letters (the ratio is at most 200 * shorter / total),
    so at most one trigram more than that."""
    size = len(trigrams(query))
    needed = max(1, int(size * MIN_SHARED))
    longest = math.floor(len(query) * (200 - cutoff) / cutoff + 1e-9) + 1  # +1: to be safe
    return needed / (size + longest + 1 - needed)
