"""Plain questions in the console and through `briefbot ask`: the same text as chat."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

from bot.adapters.console import ConsoleAdapter, Output
from bot.core.briefing import BriefingSpec
from bot.store import Store
from tests.conftest import NOW


async def test_console_answers_plain_questions_and_old_commands(loaded_store: Store) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(
        loaded_store, spec=BriefingSpec(), clock=lambda: NOW, output=Output(out)
    )
    stdin = io.StringIO(
        "@briefbot what did Quigley say about the Europeans?\n"
        "did the port authority comment?\n"
        "who said “tremendous progress”?\n"
        "what did Keller say about the flood?\n"
        "who Rubio\n"
        "frobnicate\n"
    )
    await adapter.serve(stdin, asyncio.Event())
    text = out.getvalue()
    assert "“The Europeans are convinced of it." in text
    assert "No: the port authority gave no comment." in text
    assert "Said by: A White House official" in text
    assert "Anna Keller is the one who spoke about flood." in text
    assert "Marco Rubio, U.S. Secretary of State" in text
    assert "Unknown command 'frobnicate'." in text and "Traceback" not in text


def test_briefbot_ask_takes_a_plain_question(briefs_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "what did the governor say about the package?"],
        cwd=briefs_dir.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "DATABASE_URL"))
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ruth Alvarez, Governor of Ohio — 1 statement")
    assert '"generous and final" package' in result.stdout
