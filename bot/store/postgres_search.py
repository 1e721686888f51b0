"""Full-text and fuzzy search on PostgreSQL: a GIN-indexed tsvector and pg_trgm.

The answers are SQLite's (``sqlite_search``): a phrase or all-words search returns the newest
matching statements (by insertion order), an any-word search ranks by bm25 when few
statements match and is newest first otherwise. How each is found differs:

- The index is asked only for the query's rarest words or adjacent pairs (a pair is far
  rarer than its words), as many as pay for their posting lists (``plan``); the whole query
  (a phrase: ``<->``, word order checked on the stored positions) is checked on what it
  returns.
- GIN returns matches in no useful order, and visiting each costs a heap page, so the
  newest are looked for in a window of the newest statements first: GIN's bitmap
  intersected with the primary key's range, so a common word's newest matches cost a few
  hundred visits, not its whole posting list (``_matching``). A wider window and then the
  whole table follow in the same statement, so a wrong estimate costs time, not answers.
  Each statement's words are also indexed tagged with its era (blocks of ``ERA``
  statements, migration 0012), so a window may be asked of GIN by its eras: GIN then reads
  only those eras' postings of the probe, and the heap is visited only for the probe's
  matches in them.
- bm25 is computed here with FTS5's formula from the counts the store keeps, so that the
  ranked order is the one SQLite gives.
- Typos: the core's trigram rule, over pg_trgm's candidates where the server has it (see
  Vocabulary).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.fuzzy import MIN_SHARED, TrigramIndex, is_own_nearest, trigrams
from bot.core.library import SearchMode, StatementRecord
from bot.core.text import fold
from bot.store.postgres_db import PostgresDatabase, quote_identifier
from bot.store.postgres_words import (
    all_query,
    any_query,
    era_query,
    pair,
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

# The planner's costs (microseconds, measured on the 1M bench store, data in the OS cache):
HEAP_ROW_US = 50.0  # a bitmap scan's visit of a statement anywhere (its page mostly cold)
WINDOW_ROW_US = 14.0  # ... of one of the newest (every question reads those: mostly cached)
GIN_ENTRY_US = 0.25  # GIN reading one statement id of the rarest probe lexeme's postings
GIN_SKIP_US = 0.03  # ... and of each other probe lexeme's (GIN skips through those, often cold)
KEY_ENTRY_US = 0.05  # the primary key's bitmap of a window, per statement in it
ERA_LOOKUP_US = 2.0  # GIN finding one lexeme of one era (migration 0012's index)
# Every statement a window holds that matches the probe is a heap page to visit (at 1M most
# of them cold: 0.1-0.5 ms each on this VM), so the first window is sized close to the matches
# wanted and each next one only doubles: a short window costs one more GIN lookup (its pages
# cached), a wide one visits statements nobody reads. Measured at 1M (120 searches of each
# kind): heap pages per search, phrase 18 -> 9, all words 40 -> 18, any word (50) 186 -> 77
# against a first window of 4 times and growth 4.
WINDOW_MATCHES = 1.25  # the first window should hold this many times the matches wanted
WINDOW_GROWTH = 2  # each window is this many times wider than the one before
WINDOWS = 6  # windows at most, before the whole table (the last 32 times the first)
ERA = 32768  # statements per era (id / ERA), as migration 0012 tags the words with
# what a search part returns of each statement: what STATEMENT_COLUMNS and STATEMENT_JOINS
# read of it ("s."), and the id it is ordered by
HIT_COLUMNS = (
    "s.id, s.article_id, s.speaker_key, s.local_id, s.text, s.kind, s.cue, s.said_when,"
    " s.paragraph, s.verified, s.published, s.confidence"
)
NEAR_CUTOFF = 75  # the score ``vocabulary_near`` asks of a word (as the SQLite store does)
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's constants


@dataclass(frozen=True)
class Totals:
    """What the store holds in all, read with the word counts: statements (for rates and
    bm25), their words (bm25's average length), and the newest statement id (where the
    search windows end)."""

    statements: int = 0
    tokens: int = 0
    newest: int = 0


@dataclass(frozen=True)
class Plan:
    """How to find the newest matches: the ``probe`` lexemes GIN intersects, and the
    ``window`` of newest statements to look in first (0: all at once), and whether GIN is
    asked for the windows' eras."""

    probe: list[str]
    window: int
    eras: bool = False  # the windows asked of GIN by their eras (migration 0012)
    share: float = 1.0  # the expected share of statements holding the probe


async def search_statements(
    db: PostgresDatabase,
    counts: dict[str, int],
    totals: Totals,
    words: Sequence[str],
    mode: SearchMode,
    limit: int,
    *,
    eras: bool = False,
) -> list[StatementRecord]:
    """Statements holding the words as a phrase, all of them, or any; ``counts`` are the
    word counts (cached by the store), so most questions cost one round trip; ``eras``:
    whether the words' index by era (migration 0012) is there."""
    tokens = fts_tokens(words)
    if not tokens:
        return []
    frequency = {t: counts[t] for t in tokens if t in counts}
    if mode == "any":
        return await _any_word(db, _rarest(tokens, frequency), frequency, totals, limit, eras=eras)
    if any(t not in frequency for t in tokens):
        return []  # a word no statement holds
    lexemes = dict(frequency)
    rate = _all_rate(frequency, tokens, totals.statements)
    whole = mode == "phrase" and len(tokens) > 1
    if whole:  # the index is asked for every pair: one never said finds nothing at once
        lexemes = _estimated_pairs(frequency, tokens, totals)
        rate = _phrase_rate(frequency, lexemes, tokens, totals.statements)
    query = phrase_query(tokens) if mode == "phrase" else all_query(tokens)
    chosen = plan(lexemes, rate, totals.statements, limit, whole=whole, eras=eras)
    return await _matching(db, chosen, all_query(chosen.probe), query, totals, limit)


def _all_rate(frequency: dict[str, int], tokens: Sequence[str], total: int) -> float:
    """The share of statements holding every token, as if words occurred independently."""
    rate = 1.0
    for token in dict.fromkeys(tokens):
        rate *= frequency[token] / max(total, 1)
    return rate


def _estimated_pairs(
    frequency: dict[str, int], tokens: Sequence[str], totals: Totals
) -> dict[str, int]:
    """How many statements hold each adjacent pair, estimated from its words' counts (a
    pair's counts live in a table of millions of rows, a cold page or two for every question
    to read; the estimate only sizes the window, so it changes the time, never the answer).
    A word in a share r of statements of n words each stands at a given place with chance
    q = -ln(1 - r) / n; two words side by side, somewhere among n - 1 places: 1 - e^(-(n-1) q q')."""
    size = max(totals.statements, 1)
    length = max(totals.tokens / size, 1.0)

    def chance(word: str) -> float:
        return -math.log(1.0 - min(frequency[word] / size, 0.999)) / length

    estimated: dict[str, int] = {}
    for first, second in zip(tokens, tokens[1:], strict=False):
        share = 1.0 - math.exp(-(length - 1.0) * chance(first) * chance(second))
        bound = min(frequency[first], frequency[second])
        estimated[pair(first, second)] = max(1, min(bound, math.ceil(share * size)))
    return estimated


def _phrase_rate(
    frequency: dict[str, int], pairs: dict[str, int], tokens: Sequence[str], total: int
) -> float:
    """The share of statements holding the phrase, each word depending on the one before
    (a chain of pairs: P(abc) = P(ab) P(bc) / P(b)); at most its rarest pair's."""
    size = max(total, 1)
    rate = pairs[pair(tokens[0], tokens[1])] / size
    for before, word in zip(tokens[1:], tokens[2:], strict=False):
        rate *= pairs[pair(before, word)] / max(frequency[before], 1)
    return min(rate, min(pairs.values()) / size)


def plan(  # noqa: PLR0913 (the search's figures and two switches)
    lexemes: dict[str, int],
    rate: float,
    total: int,
    limit: int,
    *,
    whole: bool = False,
    eras: bool = False,
) -> Plan:
    """What to ask the index and where to look first, by the measured costs.

    The window: the newest statements expected to hold ``WINDOW_MATCHES`` times ``limit``
    matches at ``rate`` (on a million statements, a common word's newest fifty are in the
    last few thousand); worth it when the primary key's range costs less than visiting the
    older statements the probe would return. The probe: the rarest lexemes, each one more
    while it pays for its posting list (GIN reads it whole) with fewer statements to visit;
    with ``whole``, every lexeme. With ``eras`` (the index of migration 0012) a window may be
    asked of GIN by its eras instead, reading only those eras' postings and visiting only
    the probe's matches in them (the window and up to an era more), with no key range: where
    that is cheapest, it is the plan."""
    window = min(total, math.ceil(WINDOW_MATCHES * limit / max(rate, 1e-12)))
    ordered = sorted(lexemes, key=lambda x: (lexemes[x], x))
    best, chosen = math.inf, Plan(ordered[:1], 0)
    reading, share = 0.0, 1.0
    covered: set[str] = set()  # the words the lexemes chosen so far hold
    for count, lexeme in enumerate(ordered, start=1):
        reading += lexemes[lexeme] * (GIN_SKIP_US if count > 1 else GIN_ENTRY_US)
        share *= _narrowing(lexeme, lexemes, covered, total)
        everywhere = reading + total * share * HEAP_ROW_US
        windowed = reading + window * (KEY_ENTRY_US + share * WINDOW_ROW_US)
        by_eras = _by_eras(reading, count, window, share, total) if eras else math.inf
        cost = min(everywhere, by_eras)  # the probe must pay off even where the planner
        if cost < best or whole:  # declines the window's bitmap (a wide one, often)
            best = cost
            use_eras = by_eras < min(everywhere, windowed)
            chosen = Plan(
                ordered[:count],
                window if use_eras or windowed < everywhere else 0,
                use_eras,
                share,
            )
    return chosen


def _by_eras(reading: float, lexemes: int, window: int, share: float, total: int) -> float:
    """The cost of asking a window by its eras (migration 0012): each lexeme's postings in
    those eras only (the window and up to an era more), a lookup per lexeme and era, and a
    visit per statement there holding the probe, or only per one in the window where the
    key's range of the window costs less (``_by_key``). Eras of everything are no use."""
    if window >= total:
        return math.inf
    spanned = min(total, window + ERA)
    eras = math.ceil(window / ERA) + 1
    visits = spanned * share * WINDOW_ROW_US
    if _by_key(window, spanned, share):
        visits = window * (KEY_ENTRY_US + share * WINDOW_ROW_US)
    return reading * spanned / total + eras * lexemes * ERA_LOOKUP_US + visits


def _by_key(width: int, spanned: int, share: float) -> bool:
    """Whether a window of ``width`` statements asked by its eras (``spanned`` statements)
    is worth intersecting with the key's range too: a bitmap of every statement in the
    window, against a visit of each statement of the eras outside the window that holds
    the probe. A narrow window in a full era, as a rule (at 1M, a word in 1 % of the
    statements within the newest 5,800: 2.1 ms by GIN and the key, 0.3 ms by its eras and
    the key), not a wide one."""
    return width * KEY_ENTRY_US < (spanned - width) * share * WINDOW_ROW_US


def _narrowing(lexeme: str, lexemes: dict[str, int], covered: set[str], total: int) -> float:
    """By how much asking the index for ``lexeme`` too narrows what it returns. A pair and
    its words are not independent: a word whose pair is already asked for narrows nothing,
    and a pair sharing a word with what is asked for narrows by its other word's chance
    given that one (P(bc | b)), as ``_phrase_rate`` chains them. Grows ``covered``."""
    parts = set(lexeme.split(" "))
    rate = lexemes[lexeme] / max(total, 1)
    for word in parts & covered:
        rate /= max(lexemes.get(word, total), 1) / max(total, 1)
    covered |= parts
    return min(rate, 1.0)


async def _matching(
    db: PostgresDatabase, chosen: Plan, probe: str, query: str, totals: Totals, limit: int
) -> list[StatementRecord]:
    """The newest ``limit`` statements matching ``query``, looked for in the plan's window
    of newest statements, then in windows ``WINDOW_GROWTH`` times wider, then everywhere.

    Each part asks GIN for the ``probe`` and checks the whole query on what it returns
    (``ts_match_vq`` is ``@@`` as a function, which the planner does not give the index: a
    common word in the index condition would make GIN read its whole posting list). In a
    window the planner intersects GIN's bitmap with the primary key's range, so only the
    window's statements are visited ("id + 0": it may not walk the key newest first instead,
    which its too hopeful estimate of a rare lexeme's statements would choose). The parts of a
    UNION ALL under a LIMIT run in order and only while rows are still wanted: when the
    window holds enough, nothing older is read; when an estimate was wrong, the next part
    finds the rest, so a plan changes the time, never the answer. The first window is one
    statement and the wider ones another, sent only when the first falls short (three times
    in four at 1M it does not).

    With the plan's ``eras``, each window asks the index of migration 0012 for the probe's
    lexemes tagged with the window's eras (``era_query``): GIN reads only those eras'
    postings, and returns only the statements of those eras that hold the probe; the key's
    range of the window is intersected with that only where the window is narrow in its eras
    (``_by_key``). Otherwise GIN decodes the probe's whole posting lists (at 1M a
    common word's 90,000 statements: 2.6 ms with every page cached, against 0.06 ms for its
    newest era) and either intersects them with the key's range of the window (a bitmap of
    every statement in it: 7-15 ms for windows of 140-190k) or visits every statement
    holding the probe, most of them older than the window. The range stays as a filter.
    Statements written since the totals were read (another replica's, before its change
    notice arrives) lie past the newest era asked for; a first part finds them by the key's
    range (empty, as a rule).

    Each part returns the columns an answer shows (``HIT_COLUMNS``), read from the heap page
    its check has just visited, rather than ids to look up again by the primary key: at 1M
    statements that second lookup's key pages were mostly cold (1.9-7.5 of them read per
    search, measured with ``profile_answers.py --pages``)."""
    edges = [totals.newest - chosen.window * WINDOW_GROWTH**step for step in range(WINDOWS)]
    edges = [edge for edge in edges if chosen.window and edge > 0]
    ends: list[int | None] = [None, *edges]
    parts: list[tuple[str, list[object]]] = []
    if chosen.eras and edges:  # eras end at the newest statement the totals know of, so
        ends = [totals.newest, *edges]  # any written since come first, by the key alone
        parts.append((_NEWER, [totals.newest, probe, query]))
    for upper, lower in zip(ends, [*ends[1:], None], strict=True):
        parts.append(_part(chosen, probe, query, upper, lower))
    # The first window holds the matches wanted as a rule (at 1M, 60 of 78 windowed searches
    # of the bench's phrases ran no part past it), and planning the wider ones costs 0.1-0.15
    # ms each even when they never run (0.37 ms for one part, 1.1 ms for eight), so they are
    # a second statement, sent only when the first falls short
    first = 2 if chosen.eras and edges else 1
    found = await _parts(db, parts[:first], limit)
    if len(found) < limit and parts[first:]:
        found += await _parts(db, parts[first:], limit - len(found))
    return statement_records(found)


def _part(
    chosen: Plan, probe: str, query: str, upper: int | None, lower: int | None
) -> tuple[str, list[object]]:
    """The search part for statements with ``lower`` < id <= ``upper`` (None: no bound),
    and its parameters but the limit. The key's range is a bitmap to intersect GIN's with
    in a window; a filter only ("+ 0") for everything older than the windows (most of the
    table), and for a window asked by its eras unless it is narrow in them (``_by_key``)."""
    spanned = _eras(lower, upper) if chosen.eras and upper is not None else []
    indexed = lower is not None
    words, asked = "s.words", probe
    if spanned and upper is not None and lower is not None:  # (spanned implies both bounds)
        indexed = _by_key(upper - lower, len(spanned) * ERA, chosen.share)
        # the index's own expression, and the probe's lexemes tagged as it tags them
        words, asked = f"era_words(s.words, s.id / {ERA})", era_query(probe, spanned)
    key = "s.id" if indexed else "s.id + 0"
    window = (f" AND {key} <= %s" if upper is not None else "") + (
        f" AND {key} > %s" if lower is not None else ""
    )
    sql = (
        f"(SELECT {HIT_COLUMNS} FROM statements s WHERE {words} @@ %s::tsquery"
        f" AND ts_match_vq(s.words, %s::tsquery){window} ORDER BY s.id + 0 DESC LIMIT %s)"
    )
    return sql, [asked, query, *(v for v in (upper, lower) if v is not None)]


# Statements newer than the newest the totals know of (another replica's, written since): by
# the key alone, newest first. Not by GIN: where PostgreSQL keeps a generic plan for this
# prepared statement, it cannot see that the key's range holds none, and would have GIN decode
# a common word's whole posting list to intersect with it (3.2 ms at 1M, against 0.01 ms).
_NEWER = (
    f"(SELECT {HIT_COLUMNS} FROM statements s WHERE s.id > %s"
    " AND ts_match_vq(s.words, %s::tsquery) AND ts_match_vq(s.words, %s::tsquery)"
    " ORDER BY s.id DESC LIMIT %s)"
)


async def _parts(
    db: PostgresDatabase, parts: list[tuple[str, list[object]]], limit: int
) -> list[tuple[object, ...]]:
    """The first ``limit`` statements of the parts, in their order (a UNION ALL under a
    LIMIT runs a part only while rows are still wanted), newest first, with their article
    and speaker; the parts are id ranges from the newest down, so the rows of a later call
    are all older than an earlier one's."""
    found = " UNION ALL ".join(sql for sql, _ in parts)
    params = [value for _, values in parts for value in (*values, limit)]
    sql = (
        f"SELECT {STATEMENT_COLUMNS} FROM (SELECT * FROM ({found}) part LIMIT %s) s"
        f" {STATEMENT_JOINS} ORDER BY s.id DESC"
    )
    return list(await db.rows(sql, (*params, limit)))


def _eras(lower: int | None, upper: int) -> list[int]:
    """The eras of the window's statements (``lower`` < id <= ``upper``); none for the last
    part, which is everything older."""
    if lower is None:
        return []
    return list(range((lower + 1) // ERA, upper // ERA + 1))


async def _any_word(  # noqa: PLR0913 (the search's inputs, passed on to _matching)
    db: PostgresDatabase,
    tokens: list[str],
    frequency: dict[str, int],
    totals: Totals,
    limit: int,
    *,
    eras: bool = False,
) -> list[StatementRecord]:
    """Statements with any of the words; bm25 order when few match, else newest first."""
    if not tokens:
        return []
    query = any_query(tokens)
    if sum(frequency[t] for t in tokens) > RANKED_MATCHES:
        # every word's postings are read (any will do); the window keeps the visits few
        hits = min(sum(frequency[t] for t in dict.fromkeys(tokens)), totals.statements)
        lexemes = {query: hits}
        chosen = plan(
            lexemes, hits / max(totals.statements, 1), totals.statements, limit, eras=eras
        )
        return await _matching(db, chosen, query, query, totals, limit)
    # every match is scored, from its text alone; only the best are read in full (their
    # article and speaker rows are most of the pages a match costs)
    sql = "SELECT s.id, s.tokens, s.text FROM statements s WHERE s.words @@ %s::tsquery"
    rows = await db.rows(sql, (query,))
    unique = list(dict.fromkeys(tokens))
    scored = sorted(
        (bm25(fts_tokens([text]), length, unique, frequency, totals.statements, totals.tokens),
         number) for number, length, text in rows
    )  # fmt: skip
    best = [number for _, number in scored[:limit]]  # rank, then oldest first (as FTS5)
    if not best:
        return []
    sql = (
        f"SELECT s.id, {STATEMENT_COLUMNS} FROM statements s {STATEMENT_JOINS} WHERE s.id = ANY(%s)"
    )
    found = {row[0]: row[1:] for row in await db.rows(sql, (best,))}
    return statement_records([found[number] for number in best if number in found])


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
    built after a change: until that index is ready (it is built in a worker thread from the
    first lookup after a change) pg_trgm answers; then the in-process index does, a lookup
    there being cheaper than a round trip (0.3 ms against 1-30 ms, measured at 1M). The two
    give the same corrections because the database's candidates are a superset of what the
    rule can accept:

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

    def __init__(self, trigrams_schema: str | None = None, *, in_process: bool = True) -> None:
        """``trigrams_schema``: where pg_trgm lives, when ``terms`` has its index; with
        ``in_process`` False pg_trgm answers every plain lookup and no index is built."""
        self._in_process = in_process
        self._counts: dict[str, int] = {}
        self.totals = Totals()  # read with the counts
        self._index: TrigramIndex | None = None
        self._foreign: TrigramIndex | None = None  # the words pg_trgm is not asked about
        self._building: asyncio.Task[None] | None = None
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
            totals = await db.rows(
                "SELECT statements, tokens, (SELECT COALESCE(MAX(id), 0) FROM statements)"
                " FROM store_stats WHERE id = 1"
            )
            self.totals = Totals(*(int(value) for value in totals[0]))
        return self._counts

    async def near(
        self, db: PostgresDatabase, mark: tuple[bool, int], word: str, limit: int
    ) -> list[str]:
        """Indexed words spelt like ``word``, closest first."""
        counts = await self.counts(db, mark)
        query = fold(word)
        if is_own_nearest(query, counts, limit):  # before the database or the index is asked
            return [query]
        ready = self._index is not None and self._in_process
        if self._near_sql is not None and not ready and plain(query):
            self._build_index_in_background()
            near = await self._near_in_database(db, query, limit)
        else:
            if self._index is None:
                self._index = TrigramIndex(list(counts))
            near = self._index.near(query, limit=limit, cutoff=NEAR_CUTOFF)
        return [term for term, _ in near]

    def _build_index_in_background(self) -> None:
        """Start building the in-process index over the current words, unless under way;
        it serves the lookups once ready (and if the words have not changed meanwhile)."""
        if self._building is not None or not self._in_process:
            return
        mark, words = self._mark, list(self._counts)

        async def build() -> None:
            index = await asyncio.to_thread(TrigramIndex, words)
            if self._mark == mark:
                self._index = index

        def finished(_: object) -> None:
            self._building = None

        self._building = asyncio.get_running_loop().create_task(build())
        self._building.add_done_callback(finished)

    async def close(self) -> None:
        """Stop a build under way (its thread ends on its own; nothing waits for it)."""
        if self._building is not None:
            self._building.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._building

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
        found = TrigramIndex([row[0] for row in rows if plain(row[0])]).near(
            query, limit=limit, cutoff=NEAR_CUTOFF
        )
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
