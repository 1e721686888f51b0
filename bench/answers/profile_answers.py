"""Where the `who`/`said` time goes on a PostgreSQL bench store, by kind of question.

Runs the query mix of ``bench_answers.py`` (same seeds, same queries) on a store it built
and reports, per kind of question (full name, surname, misspelt name, role phrase, phrase,
its first two words, misspelt phrase): p50, p95 and max of the question's time, its round
trips and the time spent waiting on them, and how many of the slowest 5 % of all questions
are of that kind. ``--seed`` other than 11 asks fresh questions (pages the bench's own have not
warmed); ``--detail N`` lists the N slowest questions with each statement's time, and
``--explain-over MS`` adds the server's plan (rows, buffers read and hit) of every statement
slower than MS (auto_explain, as a superuser); ``--pages`` has every statement explained and
sums, per kind of question, the blocks each relation gave from the shared buffers (hit) and
from outside them (read: the OS cache or the disk), a question's mean.

    python bench/answers/profile_answers.py --url postgresql://postgres@127.0.0.1/briefbot_bench_1000000
        --queries-file /tmp/briefbot-bench/bench-postgres-1000000.queries.json [--rounds 5]
        [--seed 11] [--detail 20] [--explain-over 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_answers import percentile, typo  # noqa: E402

from bot.core.answers import said, who  # noqa: E402
from bot.store import open_store, postgres_db  # noqa: E402
from bot.store.postgres_db import Connection, PostgresDatabase  # noqa: E402

KINDS = ["name", "surname", "name typo", "role", "phrase", "two words", "phrase typo"]


def labelled(
    rng: random.Random, people: list[str], phrases: list[str], count: int
) -> list[tuple[str, str, str]]:
    """``bench_answers.queries`` with each question's kind: the same draws, in order."""
    mix = []
    for _ in range(count):
        person = rng.choice(people)
        phrase = rng.choice(phrases)
        options = [
            ("who", person),
            ("who", person.split()[-1]),
            ("who", typo(rng, person)),
            ("who", "senior official"),
            ("said", phrase),
            ("said", " ".join(phrase.split()[:2])),
            ("said", typo(rng, phrase)),
        ]
        index = rng.choice(range(len(options)))
        mix.append((KINDS[index], *options[index]))
    return mix


def explain_over(milliseconds: float, notes: list[str], *, as_json: bool = False) -> None:
    """Have the server explain (with row counts and buffers) every statement slower than
    ``milliseconds``, as notices collected into ``notes`` (auto_explain; needs a superuser)."""
    configure = postgres_db._configure
    extra = ["SET auto_explain.log_format = json", "SET auto_explain.log_timing = off"]

    async def explaining(connection: Connection) -> None:
        await configure(connection)
        for setting in (
            "LOAD 'auto_explain'",
            f"SET auto_explain.log_min_duration = {milliseconds}",
            "SET auto_explain.log_analyze = on",
            "SET auto_explain.log_buffers = on",
            "SET auto_explain.log_level = notice",
            *(extra if as_json else []),
        ):
            await connection.execute(setting)
        connection.add_notice_handler(lambda note: notes.append(note.message_primary or ""))

    postgres_db._configure = explaining  # type: ignore[assignment]


def blocks(note: str) -> Counter[str]:
    """The shared blocks each relation of one auto_explain JSON plan gave: "name hit" and
    "name read", each node's own (EXPLAIN's figures include the node's children)."""
    found: Counter[str] = Counter()
    start = note.find("{")
    if start < 0:
        return found

    def walk(node: dict[str, Any]) -> None:
        children = node.get("Plans", [])
        name = node.get("Index Name") or node.get("Relation Name") or node["Node Type"]
        for kind in ("hit", "read"):
            key = f"Shared {kind.title()} Blocks"
            own = node.get(key, 0) - sum(child.get(key, 0) for child in children)
            if own:
                found[f"{name} {kind}"] += own
        for child in children:
            walk(child)

    walk(json.loads(note[start:])["Plan"])
    return found


class Meter:
    """Counts the store's round trips and the time spent in them (wraps PostgresDatabase)."""

    def __init__(self) -> None:
        self.trips = 0
        self.waited = 0.0
        self.statements: Counter[str] = Counter()
        self.calls: list[tuple[str, float]] = []  # the current question's, with their ms
        self.notes: list[str] = []  # auto_explain's plans, when asked for

    def install(self) -> None:
        for name in ("rows", "rows_after"):
            original = getattr(PostgresDatabase, name)
            setattr(PostgresDatabase, name, self._wrapped(original))

    def _wrapped(self, original: Any) -> Any:
        meter = self

        async def wrapped(db: PostgresDatabase, *args: Any) -> Any:
            started = time.perf_counter()
            try:
                return await original(db, *args)
            finally:
                meter.trips += 1
                meter.waited += time.perf_counter() - started
                sql = args[2] if original.__name__ == "rows_after" else args[0]
                head = " ".join(str(sql).split())[:60]
                meter.statements[head] += 1
                meter.calls.append((head, (time.perf_counter() - started) * 1000))
                meter.calls += [("PLAN " + note, 0.0) for note in meter.notes]
                meter.notes.clear()

        return wrapped


async def run(  # noqa: PLR0913
    url: str,
    people: list[str],
    phrases: list[str],
    count: int,
    rounds: int,
    detail: int = 0,
    explain: float | None = None,
    seed: int = 11,
    pages: bool = False,
) -> None:
    meter = Meter()
    meter.install()
    if pages:
        explain_over(0.0, meter.notes, as_json=True)
    elif explain is not None:
        explain_over(explain, meter.notes)
    read: defaultdict[str, Counter[str]] = defaultdict(Counter)
    store = await open_store(url)
    rows: list[tuple[str, float, int, float]] = []
    slow: list[tuple[float, str, str, list[tuple[str, float]]]] = []
    try:
        for number in range(rounds):
            mix = labelled(random.Random(seed + number), people, phrases, count)
            for _kind, verb, text in mix[:20]:
                await (who(store, text) if verb == "who" else said(store, text))
            for kind, verb, text in mix[20:]:
                trips, waited = meter.trips, meter.waited
                meter.calls = []
                started = time.perf_counter()
                await (who(store, text) if verb == "who" else said(store, text))
                spent = (time.perf_counter() - started) * 1000
                rows.append((kind, spent, meter.trips - trips, (meter.waited - waited) * 1000))
                slow.append((spent, kind, text, meter.calls))
                for head, _ms in meter.calls:
                    if pages and head.startswith("PLAN "):
                        read[kind] += blocks(head)
    finally:
        await store.close()
    report(rows)
    if pages:
        report_pages(rows, read)
    if detail:
        for spent, kind, text, calls in sorted(slow, reverse=True)[:detail]:
            print(f"{spent:6.2f} {kind:12} {text!r}")
            for head, ms in calls:
                print(f"       {ms:6.2f} {head}" if ms else head)


def report(rows: Sequence[tuple[str, float, int, float]]) -> None:
    cut = percentile([r[1] for r in rows], 95)
    slowest = Counter(r[0] for r in rows if r[1] >= cut)
    by_kind: defaultdict[str, list[tuple[str, float, int, float]]] = defaultdict(list)
    for row in rows:
        by_kind[row[0]].append(row)
    print(f"all: n={len(rows)} p50={statistics.median(r[1] for r in rows):.2f} p95={cut:.2f}")
    print(f"{'kind':12} {'n':>4} {'p50':>6} {'p95':>6} {'max':>6} {'trips':>5} {'db p50':>6}"
          f" {'db p95':>6} {'out p95':>7} {'in top5%':>8}")  # fmt: skip
    for kind in KINDS:
        got = by_kind.get(kind, [])
        if not got:
            continue
        spent = [r[1] for r in got]
        db = [r[3] for r in got]
        outside = [r[1] - r[3] for r in got]
        print(
            f"{kind:12} {len(got):4} {statistics.median(spent):6.2f} {percentile(spent, 95):6.2f}"
            f" {max(spent):6.2f} {statistics.mean(r[2] for r in got):5.2f}"
            f" {statistics.median(db):6.2f} {percentile(db, 95):6.2f}"
            f" {percentile(outside, 95):7.2f} {slowest[kind]:8}"
        )


def report_pages(
    rows: Sequence[tuple[str, float, int, float]], read: dict[str, Counter[str]]
) -> None:
    """Per kind, a question's mean blocks by relation: read (outside the shared buffers)
    and hit, most read first."""
    asked = Counter(row[0] for row in rows)
    for kind in KINDS:
        if kind not in read:
            continue
        got = read[kind]
        names = sorted({key.rsplit(" ", 1)[0] for key in got}, key=lambda n: -got[f"{n} read"])
        total = sum(got[f"{n} read"] for n in names) / asked[kind]
        print(f"{kind}: {total:.1f} blocks read a question")
        for name in names:
            print(
                f"    {name:28} read {got[f'{name} read'] / asked[kind]:6.1f}"
                f"  hit {got[f'{name} hit'] / asked[kind]:7.1f}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--queries-file", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11, help="11: the bench's own queries")
    parser.add_argument("--explain-over", type=float, help="plans of statements over N ms")
    parser.add_argument(
        "--pages", action="store_true", help="blocks read and hit by relation, per kind"
    )
    parser.add_argument("--detail", type=int, default=0, help="show the N slowest questions")
    args = parser.parse_args()
    saved = json.loads(args.queries_file.read_text("utf-8"))
    asyncio.run(
        run(
            args.url,
            saved["people"],
            saved["phrases"],
            args.queries,
            args.rounds,
            args.detail,
            args.explain_over,
            args.seed,
            args.pages,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
