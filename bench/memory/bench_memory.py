"""Benchmark: what one command's start costs on stores of 1,000 and 1,000,000 statements.

Every command opens the store and syncs the briefs folder before it answers; that start must
cost in proportion to what changed, not to the store (issue 12: 1.08 GB RSS at 1,000,000
statements against 66 MB at 1,000). This runs ``briefbot ask "who <person>"`` as a real
process with an empty briefs folder against each store, and reads the child's peak RSS
(``wait4``: mapped database pages count) and wall time. Target: RSS at 1,000,000 statements
at most 1.2 times RSS at 1,000.

The stores are the answer benchmark's; build them once (about ten minutes for 1,000,000):

    python bench/answers/bench_answers.py --store-dir STORES
    python bench/memory/bench_memory.py --store-dir STORES [--runs 5]

The first run on each store is a warm-up (it also applies pending migrations) and is not
counted. The last line holds the headline figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one_start(store: Path, person: str, workdir: Path, source: Path) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one ``briefbot ask`` process."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL"))
    }
    env |= {
        "DATABASE_URL": f"sqlite:///{store}",
        "BRIEFBOT_BRIEFS_DIR": str(workdir / "briefs"),
        "PYTHONPATH": str(source),
    }
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", f"who {person}"],
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"briefbot ask failed on {store}: {errors.strip()}")
    return usage.ru_maxrss / 1024, elapsed  # ru_maxrss is in KiB on Linux


def measure(store: Path, runs: int, source: Path) -> dict[str, float]:
    """Median, min and max RSS and time over ``runs`` starts after one warm-up."""
    people = json.loads(queries_file(store).read_text("utf-8"))["people"]
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        (workdir / "briefs").mkdir()
        one_start(store, people[0], workdir, source)  # warm-up: migrations, page cache
        samples = [one_start(store, people[i % len(people)], workdir, source) for i in range(runs)]
    rss = [s[0] for s in samples]
    seconds = [s[1] for s in samples]
    return {
        "rss_mb": statistics.median(rss),
        "rss_min_mb": min(rss),
        "rss_max_mb": max(rss),
        "start_s": statistics.median(seconds),
        "start_min_s": min(seconds),
        "start_max_s": max(seconds),
    }


def queries_file(store: Path) -> Path:
    """The answer benchmark's record of a store's people (``bench-sqlite-<size>.queries.json``)."""
    size = store.stem.removeprefix("bench-")
    return store.with_name(f"bench-sqlite-{size}.queries.json")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store-dir", type=Path, required=True)
    parser.add_argument("--sizes", default="1000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT,
        help="checkout whose bot/ runs (compare another commit's start-up on the same stores)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    for size in sizes:
        store = args.store_dir / f"bench-{size}.sqlite3"
        if not queries_file(store).exists():
            raise SystemExit(
                f"{store} not built: python bench/answers/bench_answers.py --store-dir "
                f"{args.store_dir} --sizes {size}"
            )
        results[size] = measure(store, args.runs, args.source)
        figures = " ".join(f"{k}={v:.2f}" for k, v in results[size].items())
        print(f"statements={size} {figures}", file=sys.stderr)
    small, large = results[sizes[0]], results[sizes[-1]]
    print(
        f"small={sizes[0]} large={sizes[-1]} rss_small_mb={small['rss_mb']:.1f} "
        f"rss_large_mb={large['rss_mb']:.1f} rss_ratio={large['rss_mb'] / small['rss_mb']:.2f} "
        f"start_small_s={small['start_s']:.2f} start_large_s={large['start_s']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
