"""The command line end to end, as a user runs it: real processes, real stdin and stdout."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
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


def test_version_and_short_help(workdir: Path) -> None:
    version = briefbot(workdir, "--version")
    assert version.returncode == 0
    assert re.fullmatch(r"briefbot \d+\.\d+\.\d+\S*\n", version.stdout)
    short = briefbot(workdir, "-h")
    assert short.returncode == 0
    assert "init" in short.stdout and "--version" in short.stdout
    assert briefbot(workdir, "run", "-h").stdout == briefbot(workdir, "run", "--help").stdout


def test_help_imports_no_ingestion_nor_platform_sdk() -> None:
    """briefbot --help used to import trafilatura (122 ms) and the SDKs for every command."""
    probe = (
        "import sys\n"
        "from bot.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ['trafilatura', 'httpx', 'discord', 'slack_bolt', 'apscheduler', 'rich',"
        " 'pydantic', 'aiohttp']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", [["preview"], ["check"], ["ask", "who Rubio"], ["run"]])
def test_no_config_says_how_to_create_one(tmp_path: Path, command: list[str]) -> None:
    """Installed outside the repository, these failed with 'briefs folder not found'."""
    result = briefbot(tmp_path, *command)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: no config found and no briefs/ folder: run `briefbot init` here to create "
        "config/briefbot.toml and briefs/ (or --config)"
    ]


def test_init_writes_the_shipped_files_then_the_bot_runs(tmp_path: Path) -> None:
    created = briefbot(tmp_path, "init")
    assert created.returncode == 0, created.stderr
    for name in ("config/briefbot.toml", "config/slack-manifest.yml"):
        assert (tmp_path / name).read_bytes() == (ROOT / name).read_bytes()
    [brief] = (tmp_path / "briefs").iterdir()
    assert brief.read_bytes() == (ROOT / "briefs" / brief.name).read_bytes()
    assert "briefbot check && briefbot run --console" in created.stdout
    assert briefbot(tmp_path, "check").returncode == 0
    result = briefbot(tmp_path, "run", "--console", stdin="who Rubio\n")
    assert result.returncode == 0, result.stderr
    assert "Marco Rubio, U.S. Secretary of State" in result.stdout


def test_init_keeps_what_exists_unless_forced(tmp_path: Path) -> None:
    config = tmp_path / "site" / "config" / "briefbot.toml"
    config.parent.mkdir(parents=True)
    config.write_text("# mine\n", "utf-8")
    kept = briefbot(tmp_path, "init", "site")
    assert f"kept (exists) {Path('site/config/briefbot.toml')}" in kept.stdout
    assert "next: cd site && briefbot check" in kept.stdout
    assert config.read_text("utf-8") == "# mine\n"
    briefbot(tmp_path, "init", "site", "--force")
    assert config.read_bytes() == (ROOT / "config" / "briefbot.toml").read_bytes()


def test_run_without_platform_or_terminal_exits_non_zero(workdir: Path) -> None:
    """In a container this printed the briefing and exited 0, looking healthy."""
    result = briefbot(workdir, "run", stdin="who Rubio\n")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: no platform configured and no terminal")
    assert line.endswith("or pass --console")
    assert result.stdout == ""


def test_a_slack_token_alone_is_refused_in_one_line(workdir: Path) -> None:
    """Issue 13 fault 11: it quietly ran the console and exited 0."""
    result = briefbot(workdir, "run", env={"SLACK_BOT_TOKEN": "xoxb-canary-123"})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: environment: SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET "
        "(HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is: set one of them, or unset "
        "SLACK_BOT_TOKEN"
    ]


def test_dotenv_is_read_and_the_environment_wins(workdir: Path) -> None:
    (workdir / ".env").write_text(
        "BRIEFBOT_BRIEFING__TITLE=From dotenv\nBRIEFBOT_BRIEFING__MAX_ITEMS=1\n", "utf-8"
    )
    result = briefbot(workdir, "preview")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("From dotenv · ") and "2. " not in result.stdout
    winning = briefbot(workdir, "preview", env={"BRIEFBOT_BRIEFING__TITLE": "From env"})
    assert winning.stdout.startswith("From env · ")


def test_run_logs_one_json_start_up_line_and_no_secret(workdir: Path) -> None:
    result = briefbot(
        workdir, "run", "--console", env={"DISCORD_TOKEN": "canary-token-42"}, stdin=""
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stderr.splitlines()]
    [start] = [r for r in records if r["message"].startswith("briefbot starting")]
    assert start["level"] == "INFO" and start["logger"] == "bot.app"
    assert "platforms: console; store: sqlite; briefs: briefs;" in start["message"]
    assert "schedules: none; feeds: none" in start["message"]
    assert "canary-token-42" not in result.stderr
    text = briefbot(workdir, "run", "--console", env={"BRIEFBOT_LOG_FORMAT": "text"}, stdin="")
    assert re.search(r" INFO bot\.app: briefbot starting: platforms: console", text.stderr)


def test_a_full_disk_after_the_database_exists_is_one_line(workdir: Path) -> None:
    """Issue 13 fault 9: the disk filling while the store writes ended in a traceback."""
    assert briefbot(workdir, "check").returncode == 0
    assert briefbot(workdir, "ask", "who Rubio").returncode == 0  # the store now exists
    database = workdir / "data" / "briefbot.sqlite3"
    extra = (workdir / "briefs" / "reuters-putin-aims-beyond-ukraine.yaml").read_text("utf-8")
    for n in range(8):  # new articles the next sync must write
        (workdir / "briefs" / f"copy-{n}.yaml").write_text(
            extra.replace("id: reuters-putin-aims-beyond-ukraine", f"id: copy-{n}"), "utf-8"
        )
    limit = database.stat().st_size + 4096

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a short write instead of a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    environment = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "who Rubio"],
        cwd=workdir,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
        preexec_fn=small_disk,
    )
    # The sync is reported in one line and the command still answers from the stored data.
    assert result.returncode == 0, result.stderr
    assert "Marco Rubio" in result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: ")
    assert "disk" in result.stderr.splitlines()[-1]
