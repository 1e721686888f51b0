"""The command line end to end, as a user runs it: real processes, real stdin and stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def workdir(tmp_path: Path, briefs_dir: Path) -> Path:
    """A working directory with its own briefs/ and no config file: defaults apply."""
    return briefs_dir.parent


def briefbot(
    workdir: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL"))
    }
    environment |= env or {}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=workdir,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_ask_said_names_the_white_house_official(workdir: Path) -> None:
    result = briefbot(workdir, "ask", "said tremendous progress")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Said by: A White House official")
    assert "paragraph 7" in result.stdout
    assert (workdir / "data" / "briefbot.sqlite3").exists()


def test_ask_bad_input_exits_non_zero_with_usage(workdir: Path) -> None:
    result = briefbot(workdir, "ask", "frobnicate")
    assert result.returncode == 2
    assert "Unknown command 'frobnicate'." in result.stderr
    assert "/brief who <person or source>" in result.stderr
    assert result.stdout == ""


def test_console_run_prints_briefing_and_answers_stdin_until_eof(workdir: Path) -> None:
    result = briefbot(
        workdir,
        "run",
        "--console",
        stdin="/brief who Zelensky\nsaid cranes arrive\nnonsense here\n",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("1. US spy agencies say Putin aims beyond Ukraine") < out.index(
        "Volodymyr Zelenskyy"
    )
    assert "What will these security guarantees actually do?" in out
    assert "Said by: Daniel Keller" in out
    assert "Unknown command 'nonsense'." in out
    assert "\x1b[" not in out  # plain text when piped


def test_run_with_tokens_but_console_flag_still_uses_the_console(workdir: Path) -> None:
    result = briefbot(workdir, "run", "--console", stdin="who Rubio\n", env={"DISCORD_TOKEN": "x"})
    assert result.returncode == 0, result.stderr
    assert "Marco Rubio, U.S. Secretary of State" in result.stdout


def test_preview_and_config_option(workdir: Path, tmp_path: Path) -> None:
    config = tmp_path / "elsewhere" / "my.toml"
    config.parent.mkdir()
    config.write_text('[briefing]\ntitle = "Evening briefing"\nmax_items = 1\n', "utf-8")
    result = briefbot(workdir, "preview", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Evening briefing · ")
    assert "2. " not in result.stdout
    via_env = briefbot(workdir, "preview", env={"BRIEFBOT_CONFIG": str(config)})
    assert via_env.stdout.startswith("Evening briefing · ")


def test_check_reports_bad_briefs_and_exits_non_zero(workdir: Path) -> None:
    assert briefbot(workdir, "check").returncode == 0
    (workdir / "briefs" / "bad.yaml").write_text("article: {id: Bad Id}\n", "utf-8")
    result = briefbot(workdir, "check")
    assert result.returncode == 1
    assert "bad.yaml: article.id: String should match pattern" in result.stderr
    assert "3 valid, 1 problem(s)" in result.stdout


def test_bad_config_stops_start_up_with_one_message(workdir: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('timezone = "Nowhere/Land"\n', "utf-8")
    result = briefbot(workdir, "run", "--config", str(config))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {config}: timezone: unknown IANA timezone 'Nowhere/Land'"
    ]


def test_schema_prints_json_schema(workdir: Path) -> None:
    result = briefbot(workdir, "schema")
    assert result.returncode == 0
    assert '"title": "Summary"' in result.stdout


def test_extract_takes_a_publication_date(workdir: Path) -> None:
    article = workdir / "article.txt"
    article.write_text(
        'Harbour news\n\n"The ferry will run again in May," said Mayor Jo Park.\n', "utf-8"
    )
    dated = briefbot(workdir, "extract", str(article), "--published", "2025-03-02")
    assert dated.returncode == 0, dated.stderr
    assert "published: '2025-03-02T00:00:00Z'" in dated.stdout
    assert "The ferry will run again in May" in dated.stdout
    bad = briefbot(workdir, "extract", str(article), "--published", "March 2")
    assert bad.returncode == 2
    assert "--published 'March 2': expected a date like 2025-12-20" in bad.stderr


def test_console_run_stops_cleanly_on_immediate_eof(workdir: Path) -> None:
    """The scheduler's first catch-up may still be running: stopping waits, logs nothing."""
    for _ in range(3):
        result = briefbot(workdir, "run", "--console", stdin="")
        assert result.returncode == 0
        assert "Traceback" not in result.stderr and "ERROR" not in result.stderr
        assert result.stdout.startswith("Briefing · ")
