"""The running bot sees edited, new and removed briefs (issue 13 fault 7).

A real ``briefbot run`` console process: the briefs folder changes under it and the next
``/brief`` typed on stdin shows the change, without a restart.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot.loader import sync_folder, watch_folder
from bot.store import Store

SEED = "reuters-putin-aims-beyond-ukraine.yaml"
VOLTRA = "wire-voltra-ohio-plant.yaml"
VOLTRA_TITLE = "Voltra delays Ohio battery plant as subsidy talks stall"


class Console:
    """A ``briefbot run`` process whose stdout lines arrive on a queue."""

    def __init__(self, workdir: Path) -> None:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL"))
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--console"],
            cwd=workdir,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def seen(self, deadline: float) -> str:
        """Everything printed until ``deadline`` (monotonic) or a pause in the output."""
        text = ""
        while time.monotonic() < deadline:
            try:
                text += self.lines.get(timeout=0.3)
            except queue.Empty:
                if text:
                    return text
        return text

    def briefing_until(self, condition: object, seconds: float = 20.0) -> str:
        """Ask for the briefing until its text satisfies ``condition`` (bounded)."""
        deadline = time.monotonic() + seconds
        shown = ""
        while time.monotonic() < deadline:
            self.send("/brief")
            shown = self.seen(min(deadline, time.monotonic() + 3))
            if condition(shown):  # type: ignore[operator]
                return shown
            time.sleep(0.3)
        raise AssertionError(f"briefing never changed as expected; last:\n{shown}")

    def close(self) -> tuple[int, str]:
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=30)
        self.pump.join(timeout=5)
        assert self.process.stdout is not None and self.process.stderr is not None
        errors = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return code, errors


def test_running_console_sees_edited_new_and_removed_briefs(briefs_dir: Path) -> None:
    console = Console(briefs_dir.parent)
    try:
        first = console.briefing_until(lambda text: VOLTRA_TITLE in text)
        assert "Edited headline" not in first

        seed = briefs_dir / SEED
        seed.write_text(
            seed.read_text("utf-8").replace(
                "title: US spy agencies say Putin aims beyond Ukraine", "title: Edited headline"
            ),
            "utf-8",
        )
        console.briefing_until(lambda text: "Edited headline" in text)

        voltra = (briefs_dir / VOLTRA).read_text("utf-8")
        (briefs_dir / "new-story.yaml").write_text(
            voltra.replace("id: wire-voltra-ohio-plant", "id: new-story").replace(
                VOLTRA_TITLE, "A brand new story"
            ),
            "utf-8",
        )
        console.briefing_until(lambda text: "A brand new story" in text)

        (briefs_dir / VOLTRA).unlink()
        console.briefing_until(lambda text: VOLTRA_TITLE not in text and "new story" in text)

        (briefs_dir / "broken.yaml").write_text("article: [", "utf-8")
        console.briefing_until(lambda text: "A brand new story" in text)
    finally:
        code, errors = console.close()
    assert code == 0, errors
    assert "broken.yaml: not valid YAML" in errors  # reported while running, not fatal
    assert "Traceback" not in errors


async def test_watcher_stops_promptly_and_survives_the_folder_vanishing(
    store: Store, briefs_dir: Path
) -> None:
    import asyncio
    import shutil

    await sync_folder(store, briefs_dir)
    reports: list[object] = []
    stop = asyncio.Event()
    task = asyncio.create_task(
        watch_folder(store, briefs_dir, reports.append, stop, debounce_ms=50, resync_seconds=0.5)
    )
    await asyncio.sleep(0.5)
    shutil.rmtree(briefs_dir)
    await asyncio.sleep(1.5)
    assert not task.done()  # still watching (or polling), no exception escaped
    stop.set()
    await asyncio.wait_for(task, timeout=5)
