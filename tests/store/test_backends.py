"""The two-store test setup itself: no reachable server means failures that say why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_suite(**env: str) -> subprocess.CompletedProcess[str]:
    """pytest on one store test, in a child process with this environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_TEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
         "tests/store/test_feeds.py::test_feed_state_is_replaced"],
        cwd=ROOT, env=environment | env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip


def test_no_server_fails_the_postgres_half_with_a_clear_message() -> None:
    result = run_suite(BRIEFBOT_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:1/postgres")
    assert result.returncode == 1, result.stdout
    assert "1 passed, 1 error" in result.stdout  # sqlite ran; postgres failed, not skipped
    assert "PostgreSQL is not reachable at postgres@127.0.0.1:1" in result.stdout
    assert "skipped" not in result.stdout


def test_developers_may_opt_out_explicitly() -> None:
    result = run_suite(BRIEFBOT_TEST_POSTGRES="0")
    assert result.returncode == 0, result.stdout
    assert "1 passed" in result.stdout and "error" not in result.stdout
    assert "store tests: sqlite ONLY (BRIEFBOT_TEST_POSTGRES=0" in result.stdout
