"""Benchmark: `who`, `said` and plain-question latency on stores of 1,000 and 1,000,000 statements.

Builds each store through the store's own ``put_many`` from validated summaries (so the
indexes are exactly the real ones), then answers a fixed, seeded
mix of queries through the real answer functions and reports p50/p95 per size. The target:
p95 under 20 ms at 1,000,000 statements, and at most 3x the p95 at 1,000; plain questions
through ``answer_text`` (the path every adapter takes) p95 under 50 ms at 1,000,000. With
``--stores sqlite,postgres`` the same data and queries run on both stores in one run
(PostgreSQL: databases ``briefbot_bench_<size>`` on ``--postgres-url``'s server, kept for
the next run like ``--store-dir``).

    python bench/answers/bench_answers.py [--sizes 1000,1000000] [--queries 400]
        [--stores sqlite,postgres] [--postgres-url postgresql://postgres@127.0.0.1/postgres]

The last line holds the headline figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.core.answers import SaidAnswer, said, who
from bot.core.questions import answer_text
from bot.core.summary import Summary
from bot.store import Store, open_store

FIRST = [
    "Anna",
    "Marco",
    "Li",
    "Omar",
    "Sofia",
    "Pavel",
    "Grace",
    "Kwame",
    "Ines",
    "Tomas",
    "Yuki",
    "Amara",
    "Lars",
    "Priya",
    "Diego",
    "Nadia",
    "Felix",
    "Zara",
    "Ivan",
    "Maya",
]
STEMS = ["son", "ez", "ova", "berg", "ski", "ton", "ley", "mann", "ini", "escu", "stad", "wick"]
SOURCE_NAMES = [
    "a senior official",
    "two people familiar with the matter",
    "a spokesperson",
    "three diplomats",
    "an aide",
    "one source",
]
STATEMENTS_PER_ARTICLE = 10
BATCH = 500  # articles per transaction, as a bulk import would write them


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """Made-up words; drawn with a Zipf-like weight so some are very common, as in news."""
    letters = "abcdefghijklmnoprstuvwy"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)}
    return sorted(words)


def surnames(rng: random.Random, count: int) -> list[str]:
    base = "bcdfghklmnprstvz"
    return [
        "".join(rng.choice(base) + rng.choice("aeiou") for _ in range(2)).title()
        + rng.choice(STEMS)
        for _ in range(count)
    ]


def generated(url: str, queries_file: Path, statements: int) -> tuple[list[str], list[str]]:
    """The store at ``url``, built unless a finished one is there (same seed, same data)."""
    if queries_file.exists() and asyncio.run(_finished(url, statements)):
        saved = json.loads(queries_file.read_text("utf-8"))
        return saved["people"], saved["phrases"]
    people, phrases = build(url, statements)
    queries_file.write_text(json.dumps({"people": people, "phrases": phrases}), "utf-8")
    return people, phrases


async def _finished(url: str, statements: int) -> bool:
    """Whether the store at ``url`` holds the whole generated data set."""
    if url.startswith("sqlite:") and not await asyncio.to_thread(
        Path(url.removeprefix("sqlite:///")).exists
    ):
        return False
    store = await open_store(url)
    try:
        return len(await store.articles()) == max(1, statements // STATEMENTS_PER_ARTICLE)
    finally:
        await store.close()


def build(url: str, statements: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Create a store with ``statements`` statements; return (person names, sample phrases)."""
    return asyncio.run(_build(url, statements, seed))


async def _build(url: str, statements: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    people = sorted(
        {f"{rng.choice(FIRST)} {last}" for last in surnames(rng, max(50, statements // 50))}
    )
    phrases: list[str] = []
    batch: list[tuple[Summary, str, str | None]] = []
    store = await open_store(url)
    day = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for number in range(max(1, statements // STATEMENTS_PER_ARTICLE)):
        texts = [
            " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 30)))
            for _ in range(STATEMENTS_PER_ARTICLE)
        ]
        if rng.random() < 0.02 or not phrases:
            tokens = rng.choice(texts).split()
            start = rng.randrange(max(1, len(tokens) - 4))
            phrases.append(" ".join(tokens[start : start + rng.randint(2, 4)]))
        summary = article(
            rng, number, day + dt.timedelta(minutes=number), rng.sample(people, 3), texts
        )
        batch.append((summary, str(number), None))
        if len(batch) == BATCH:
            await store.put_many(batch)
            batch = []
    await store.put_many(batch)
    await store.close()
    if not url.startswith("sqlite:"):
        analyse(url)
    return people, phrases


def analyse(url: str) -> None:
    """Refresh the planner's statistics and the visibility map after a bulk load, as an
    operator would (autovacuum gets there too, minutes later): index-only scans (the
    speaker index, the covering indexes of titles and names) need pages marked all-visible."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def article(
    rng: random.Random, number: int, published: dt.datetime, speakers: list[str], texts: list[str]
) -> Summary:
    """One generated summary: three named people and one unnamed source share its statements."""
    people = [{"id": f"p{i}", "name": name, "role": "Official"} for i, name in enumerate(speakers)]
    ids = [p["id"] for p in people] + ["s"]
    return Summary.model_validate(
        {
            "article": {"id": f"a{number}", "title": f"Story {number}", "published": published},
            "lede": "Generated.",
            "key_points": ["Generated."],
            "people": people,
            "sources": [{"id": "s", "name": rng.choice(SOURCE_NAMES), "kind": "anonymous"}],
            "statements": [
                {
                    "speaker": rng.choice(ids),
                    "text": text,
                    "kind": rng.choice(["direct", "partial", "indirect"]),
                    "paragraph": position + 1,
                }
                for position, text in enumerate(texts)
            ],
        }
    )


def typo(rng: random.Random, text: str) -> str:
    """Swap two neighbouring letters, as fast typists do."""
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def queries(
    rng: random.Random, people: list[str], phrases: list[str], count: int
) -> list[tuple[str, str]]:
    """A seeded mix: full names, surnames, typos, role words; phrases, fragments, typos."""
    mix: list[tuple[str, str]] = []
    for _ in range(count):
        person = rng.choice(people)
        phrase = rng.choice(phrases)
        mix.append(
            rng.choice(
                [
                    ("who", person),
                    ("who", person.split()[-1]),
                    ("who", typo(rng, person)),
                    ("who", "senior official"),
                    ("said", phrase),
                    ("said", " ".join(phrase.split()[:2])),
                    ("said", typo(rng, phrase)),
                ]
            )
        )
    return mix


QUESTION_NOW = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)


def questions(
    rng: random.Random, people: list[str], phrases: list[str], count: int
) -> list[tuple[str, str]]:
    """A seeded mix of plain questions of every common form, over the generated data."""
    mix: list[tuple[str, str]] = []
    for _ in range(count):
        person = rng.choice(people)
        phrase = rng.choice(phrases)
        word = rng.choice(phrase.split())
        surname = person.split()[-1]
        mix.append(
            (
                "ask",
                rng.choice(
                    [
                        f"what did {person} say?",
                        f"@briefbot what has {surname} said this week?",
                        f"what did {person} say about {word}?",
                        f"who said {phrase}?",
                        f'who said "{typo(rng, phrase)}"',
                        f"who is {person}?",
                        f"did {person} comment?",
                        f"what did {surname} say about {word} in story {rng.randrange(99)}",
                    ]
                ),
            )
        )
    return mix


async def _ask(store: Store, text: str) -> object:
    return await answer_text(store, text, now=QUESTION_NOW)


async def measure(
    urls: dict[int, str],
    data: dict[int, tuple[list[str], list[str]]],
    count: int,
    rounds: int,
) -> dict[int, dict[str, float]]:
    """Time the query mix on every size ``rounds`` times, the sizes' rounds interleaved
    (small, large, then large, small, …) so that whatever else the shared machine runs in
    those minutes slows both alike: the ratio compares the sizes, not two stretches of
    time. Each round has fresh queries, so caches do not carry over; the median of the
    rounds' percentiles is reported (a single round's p95 at 1,000 statements moves 2x)."""
    stores = {size: await open_store(url) for size, url in urls.items()}
    per_round: dict[int, list[dict[str, float]]] = {size: [] for size in urls}
    order = list(urls)
    for number in range(rounds):
        for size in order if number % 2 == 0 else order[::-1]:
            people, phrases = data[size]
            per_round[size].append(await _round(stores[size], people, phrases, count, number))
    results = {}
    for size, store in stores.items():
        exact = await phrases_found(store, data[size][1][:100])
        await store.close()
        rows = per_round[size]
        figures = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        spread = [r["p95_ms"] for r in rows]
        results[size] = {**figures, "p95_min_ms": min(spread), "p95_max_ms": max(spread),
                         "phrases_exact_pct": exact}  # fmt: skip
    return results


async def _round(
    store: Store, people: list[str], phrases: list[str], count: int, number: int
) -> dict[str, float]:
    """One round of ``who``/``said`` and plain questions, after a few untimed ones that
    warm the store's own caches (name list, vocabulary)."""
    mix = queries(random.Random(11 + number), people, phrases, count)
    for verb, text in mix[:20]:
        await (who(store, text) if verb == "who" else said(store, text))
    asked = questions(random.Random(23 + number), people, phrases, count // 2)
    for _verb, text in asked[:10]:
        await _ask(store, text)
    return {**await _timed(store, mix[20:]), **await _timed_questions(store, asked[10:])}


async def _timed(store: Store, mix: list[tuple[str, str]]) -> dict[str, float]:
    timings: dict[str, list[float]] = {"who": [], "said": []}
    for verb, text in mix:
        started = time.perf_counter()
        await (who(store, text) if verb == "who" else said(store, text))
        timings[verb].append((time.perf_counter() - started) * 1000)
    everything = timings["who"] + timings["said"]
    return {
        "p50_ms": statistics.median(everything),
        "p95_ms": percentile(everything, 95),
        "who_p95_ms": percentile(timings["who"], 95),
        "said_p95_ms": percentile(timings["said"], 95),
    }


async def _timed_questions(store: Store, mix: list[tuple[str, str]]) -> dict[str, float]:
    timings = []
    for _verb, text in mix:
        started = time.perf_counter()
        await _ask(store, text)
        timings.append((time.perf_counter() - started) * 1000)
    return {"ask_p50_ms": statistics.median(timings), "ask_p95_ms": percentile(timings, 95)}


async def phrases_found(store: Store, phrases: list[str]) -> float:
    """Share (%) of phrases taken from stored statements that come back as exact matches."""
    hits = 0
    for phrase in phrases:
        reply = await said(store, phrase)
        hits += isinstance(reply, SaidAnswer) and reply.matches[0].exact
    return 100.0 * hits / max(1, len(phrases))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def postgres_database(admin_url: str, name: str) -> str:
    """The URL of database ``name`` on the admin URL's server, created if missing."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))


def store_url(kind: str, folder: Path, size: int, admin_url: str) -> str:
    """Where the ``kind`` store of ``size`` statements lives."""
    if kind == "sqlite":
        return f"sqlite:///{folder / f'bench-{size}.sqlite3'}"
    return postgres_database(admin_url, f"briefbot_bench_{size}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,1000000")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--stores", default="sqlite", help="sqlite, postgres or both (comma)")
    parser.add_argument(
        "--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="a server where databases briefbot_bench_<size> may be created",
    )  # fmt: skip
    parser.add_argument(
        "--store-dir", type=Path, help="keep the generated stores here and reuse them next time"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = [k.strip() for k in args.stores.split(",")]
    results: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.store_dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in kinds:
            urls, data = {}, {}
            for size in sizes:
                urls[size] = store_url(kind, folder, size, args.postgres_url)
                started = time.perf_counter()
                queries_file = folder / f"bench-{kind}-{size}.queries.json"
                data[size] = generated(urls[size], queries_file, size)
                built = time.perf_counter() - started
                print(f"store={kind} statements={size} build_s={built:.1f}", file=sys.stderr)
            measured = asyncio.run(measure(urls, data, args.queries, args.rounds))
            for size, figures in measured.items():
                results[kind, size] = figures
                pairs = " ".join(f"{k}={v:.2f}" for k, v in figures.items())
                print(
                    f"store={kind} statements={size} people={len(data[size][0])} {pairs}",
                    file=sys.stderr,
                )
    print(" ".join(headline(kind, results[kind, sizes[0]], results[kind, sizes[-1]], sizes)
                   for kind in kinds))  # fmt: skip
    return 0


def headline(kind: str, small: dict[str, float], large: dict[str, float], sizes: list[int]) -> str:
    """One store's figures as name=value pairs (SQLite's names as before, others prefixed)."""
    ratio = large["p95_ms"] / small["p95_ms"] if small["p95_ms"] else float("inf")
    prefix = "" if kind == "sqlite" else f"{kind}_"
    pairs = {
        "small": sizes[0],
        "large": sizes[-1],
        "p95_small_ms": f"{small['p95_ms']:.2f}",
        "p95_large_ms": f"{large['p95_ms']:.2f}",
        "who_p95_large_ms": f"{large['who_p95_ms']:.2f}",
        "said_p95_large_ms": f"{large['said_p95_ms']:.2f}",
        "ratio": f"{ratio:.2f}",
        "phrases_exact_pct_large": f"{large['phrases_exact_pct']:.0f}",
        "ask_p50_large_ms": f"{large['ask_p50_ms']:.2f}",
        "ask_p95_large_ms": f"{large['ask_p95_ms']:.2f}",
    }
    if kind != "sqlite":
        pairs.pop("small")
        pairs.pop("large")
    return " ".join(f"{prefix}{name}={value}" for name, value in pairs.items())


if __name__ == "__main__":
    sys.exit(main())
