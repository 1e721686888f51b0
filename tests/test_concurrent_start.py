"""Several processes starting at once on a fresh database (issue 13 fault 8).

Each one syncs the briefs folder first; before the fix two of them could both find an article
missing and both insert it, and one died with ``UNIQUE constraint failed: articles.id``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import BRIEFS
from tests.test_cli import briefbot

PROCESSES = 6
WORKER = Path(__file__).resolve().parent / "start_worker.py"
ROUNDS = 3


def test_concurrent_first_starts_all_succeed(tmp_path: Path) -> None:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL"))
    }
    failures: list[str] = []
    for round_number in range(ROUNDS):
        workdir = tmp_path / f"round{round_number}"
        shutil.copytree(BRIEFS, workdir / "briefs")
        starts = [
            subprocess.Popen(
                [sys.executable, str(WORKER), "ask", "who Keller"],
                cwd=workdir,
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        for process in starts:  # every worker has imported bot and waits on stdin
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        for process in starts:  # release them together
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in starts:
            out, err = process.communicate(timeout=120)
            if process.returncode != 0 or "Keller" not in out:
                failures.append(f"round {round_number}: exit {process.returncode}: {err[-300:]}")
        again = briefbot(workdir, "ask", "sources")
        assert again.returncode == 0, again.stderr
    assert not failures, failures
