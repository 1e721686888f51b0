"""Benchmark: typo correction on PostgreSQL, pg_trgm's candidates against the in-process index.

On a store built by ``bench_answers.py`` (``--stores postgres``), misspells seeded vocabulary
words and times ``Vocabulary.near`` three ways: right after a change with the in-process
index only (the lookup waits for the index over every word to be built), right after a
change with pg_trgm (the lookup asks the database; the index is built in the background),
and each lookup once warm, by pg_trgm alone and by the in-process index. The corrections of
both ways are compared on every word (they must be the same).

    python bench/answers/bench_pg_trgm.py [--url postgresql://postgres@127.0.0.1/briefbot_bench_1000000]
        [--lookups 300] [--changes 5]

The last line holds the figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_answers import percentile, typo  # noqa: E402

from bot.store.postgres import _trigrams_schema  # noqa: E402
from bot.store.postgres_db import PostgresDatabase  # noqa: E402
from bot.store.postgres_search import Vocabulary  # noqa: E402


async def run(url: str, lookups: int, changes: int) -> dict[str, float]:
    database = await PostgresDatabase.connect(url)
    try:
        schema = await _trigrams_schema(database)
        if schema is None:
            raise SystemExit("this database has no pg_trgm index on terms (migration 0006)")
        words = [row[0] for row in await database.rows("SELECT term FROM terms")]
        rng = random.Random(5)
        queries = [typo(rng, rng.choice(words)) for _ in range(lookups)]
        first_local, first_trgm = [], []
        for change in range(changes):  # a fresh Vocabulary is the state right after a change
            local = Vocabulary(None)
            started = time.perf_counter()
            await local.near(database, (False, change), queries[change], 1)
            first_local.append((time.perf_counter() - started) * 1000)
            remote = Vocabulary(schema)
            started = time.perf_counter()
            await remote.near(database, (False, change), queries[change], 1)
            first_trgm.append((time.perf_counter() - started) * 1000)
            await remote.close()
        local, remote = Vocabulary(None), Vocabulary(schema, in_process=False)
        await local.near(database, (False, 0), queries[0], 1)  # counts and index built
        await remote.near(database, (False, 0), queries[0], 1)
        timings: dict[str, list[float]] = {"local": [], "trgm": []}
        differ = 0
        for query in queries:
            found = {}
            for name, vocabulary in (("local", local), ("trgm", remote)):
                started = time.perf_counter()
                found[name] = await vocabulary.near(database, (False, 0), query, 5)
                timings[name].append((time.perf_counter() - started) * 1000)
            differ += found["local"] != found["trgm"]
        return {
            "first_after_change_local_ms": statistics.median(first_local),
            "first_after_change_trgm_ms": statistics.median(first_trgm),
            "warm_local_p50_ms": statistics.median(timings["local"]),
            "warm_local_p95_ms": percentile(timings["local"], 95),
            "warm_trgm_p50_ms": statistics.median(timings["trgm"]),
            "warm_trgm_p95_ms": percentile(timings["trgm"], 95),
            "different_corrections": float(differ),
            "words": float(len(words)),
        }
    finally:
        await database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", default="postgresql://postgres@127.0.0.1:5432/briefbot_bench_1000000"
    )
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--changes", type=int, default=5)
    args = parser.parse_args()
    figures = asyncio.run(run(args.url, args.lookups, args.changes))
    print(" ".join(f"{name}={value:.2f}" for name, value in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
