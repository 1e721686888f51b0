"""bench/run_all: finds every benchmark by its name, reads its last line, judges each figure."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_run_all() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("run_all", str(ROOT / "bench" / "run_all"))
    spec = importlib.util.spec_from_loader("run_all", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_all"] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


def test_every_benchmark_is_found_by_its_name() -> None:
    run_all = load_run_all()
    found = run_all.discover(None)
    assert set(found) == {
        str(p.relative_to(ROOT / "bench")) for p in (ROOT / "bench").glob("*/bench_*.py")
    }
    assert "startup/bench_startup.py" in found
    assert run_all.discover("startup") == ["startup/bench_startup.py"]


def test_figures_verdicts_and_the_report() -> None:
    run_all = load_run_all()
    assert run_all.figures_of("noise a=1 b=2.5 c=x") == {"a": "1", "b": "2.5", "c": "x"}
    assert run_all.verdict("0.21", "<", 0.3) == "met"
    assert run_all.verdict("0.31", "<", 0.3) == "MISSED"
    assert run_all.verdict("n/a", "<", 0.3) == "not a number"
    config = {
        "targets": [
            {"bench": "x/bench_x.py", "figure": "speed", "op": ">=", "value": 5, "what": "x"},
            {"bench": "*/bench_*.py", "figure": "absent", "op": "<", "value": 1, "what": "y"},
        ]
    }
    outcomes = [
        run_all.Outcome("x/bench_x.py", 1.0, {"speed": "4"}, None, "speed=4"),
        run_all.Outcome("y/bench_y.py", 0.0, {}, "exit 2: boom", ""),
    ]
    text = run_all.report(outcomes, config, quick=True)
    assert "| x/bench_x.py | speed | 4 | >= 5 | MISSED | x |" in text
    assert "| y/bench_y.py | — | — | — | FAILED | exit 2: boom |" in text
    assert "| */bench_*.py | absent | — | < 1 | NOT RUN |" in text


def test_quick_mode_arguments() -> None:
    run_all = load_run_all()
    config = tomllib.loads((ROOT / "bench" / "targets.toml").read_text("utf-8"))
    quick = run_all.arguments("answers/bench_answers.py", config, quick=True)
    assert "1000000" not in " ".join(quick)
    assert run_all.arguments("startup/bench_startup.py", config, quick=True) == ["--quick"]
    assert "1000000" in " ".join(run_all.arguments("answers/bench_answers.py", config, False))


def test_a_quick_run_of_one_benchmark_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "REPORT.md"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run_all"),
            "--quick",
            "--only",
            "startup",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("benchmarks=1 failed=0")
    assert "| startup/bench_startup.py | help_median_s |" in out.read_text("utf-8")
