"""Benchmark the offline extractor on the shared eval articles.

Usage: python bench/extract/bench_extract.py [EVAL.jsonl]   (or set BRIEFBOT_EVAL)

Times the fast path (``extract_statements``, what the batch scorer needs) and the full
summary (``extract_summary``, what ``briefbot extract`` writes) over every article, after a
short warm-up so that regex compilation is not counted; each is the best of
``BRIEFBOT_BENCH_RUNS`` passes (default 3). The last line is ``name=value`` pairs
for scripts; ``articles_per_second`` is the fast path's wall-clock rate.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bot.extract import extract_statements, extract_summary

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
WARM_UP = 20
RUNS = int(os.environ.get("BRIEFBOT_BENCH_RUNS", "3"))


def _eval_path(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    env = os.environ.get("BRIEFBOT_EVAL")
    return Path(env) if env else DEFAULT


def _load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def _time(fn: Callable[[str], object], texts: list[str], runs: int) -> tuple[float, float, int]:
    """Best wall and CPU seconds of ``runs`` passes of ``fn`` over all texts, and a count.

    The best of several passes (as ``timeit`` does) because a shared machine only ever adds
    time: the minimum is the closest to what the code itself costs.
    """
    for text in texts[:WARM_UP]:
        fn(text)
    best_wall = best_cpu = float("inf")
    count = 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        count = 0
        for text in texts:
            result = fn(text)
            count += len(result) if isinstance(result, list) else 1
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, count


def main(argv: list[str]) -> int:
    path = _eval_path(argv)
    if not path.is_file():
        print(
            f"bench_extract: eval file not found: {path}\n"
            "pass its path as the first argument or set BRIEFBOT_EVAL",
            file=sys.stderr,
        )
        return 2
    texts = _load(path)
    if not texts:
        print(f"bench_extract: no articles in {path}", file=sys.stderr)
        return 2
    n = len(texts)
    seconds, cpu, statements = _time(extract_statements, texts, RUNS)
    print(
        f"extract_statements: {n} articles, {statements} statements, {seconds:.2f}s wall, {cpu:.2f}s cpu"
    )
    summary_seconds, summary_cpu, _ = _time(extract_summary, texts, RUNS)
    print(f"extract_summary:    {n} articles, {summary_seconds:.2f}s wall, {summary_cpu:.2f}s cpu")
    print(
        f"articles={n} runs={RUNS} statements={statements} seconds={seconds:.2f} "
        f"articles_per_second={n / seconds:.0f} cpu_seconds={cpu:.2f} "
        f"summary_seconds={summary_seconds:.2f} summary_articles_per_second={n / summary_seconds:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
