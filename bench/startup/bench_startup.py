"""Start-up time of `briefbot --help`: what an operator waits for before anything happens.

Each run is a fresh process (the import cost is the point), timed from spawn to exit; the
interpreter's own start (`python -c pass`) is measured alongside so that a slow machine
minute can be told from a slow import. Target (issue 12): under 0.3 s.

    .venv/bin/python bench/startup/bench_startup.py [--runs 30]

The last line: help_median_s, help_p90_s, help_min_s (wall), help_cpu_median_s (user +
system, less moved by other processes on a shared VM), python_median_s, runs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def timed(command: list[str], cpu: list[float] | None = None) -> float:
    """Wall seconds of one run; its CPU seconds (user + system) appended to ``cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def briefbot_command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m bot`."""
    script = Path(sys.executable).parent / "briefbot"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "bot"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="10 runs")
    args = parser.parse_args()
    runs = 10 if args.quick else args.runs
    help_command = [*briefbot_command(), "--help"]
    timed(help_command)  # warm the file cache and the bytecode
    help_times: list[float] = []
    python_times: list[float] = []
    help_cpu: list[float] = []
    for _ in range(runs):  # interleaved, so both see the same machine minute
        help_times.append(timed(help_command, help_cpu))
        python_times.append(timed([sys.executable, "-c", "pass"]))
    print(f"command: {' '.join(help_command)}", file=sys.stderr)
    print(
        f"help_median_s={statistics.median(help_times):.3f} "
        f"help_p90_s={percentile(help_times, 0.9):.3f} help_min_s={min(help_times):.3f} "
        f"help_cpu_median_s={statistics.median(help_cpu):.3f} "
        f"python_median_s={statistics.median(python_times):.3f} runs={runs}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
