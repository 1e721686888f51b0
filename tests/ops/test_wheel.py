"""The operator's path, end to end: build the wheel, install it in a fresh venv (what pipx
does), then `briefbot init` and `briefbot run --console` in an empty folder.

Marked ``wheel`` (building and installing takes about a minute): `pytest -m wheel` runs it,
and .ci/run does so once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.wheel


def sh(*args: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "DISCORD_", "BRIEFBOT_", "DATABASE_URL", "PYTHON"))
    }
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = sh(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT, cwd=ROOT)
    assert built.returncode == 0, built.stderr[-3000:]
    [path] = out.glob("briefbot-*.whl")
    return path


def test_the_wheel_carries_the_shipped_files_and_no_tests(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (ROOT / "bot" / "cli" / "shipped.txt").read_text("utf-8").split():
        assert f"bot/_shipped/{name}" in names
        packaged = zipfile.ZipFile(wheel).read(f"bot/_shipped/{name}")
        assert packaged == (ROOT / name).read_bytes()
    assert "bot/cli/shipped.txt" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_installed_from_the_wheel_init_then_run_in_an_empty_folder(
    wheel: Path, tmp_path: Path
) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    bin_dir = environment / "bin"
    installed = sh(
        bin_dir / "pip", "install", "--quiet", "-c", ROOT / "constraints.txt", wheel, cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    briefbot = bin_dir / "briefbot"
    folder = tmp_path / "empty"
    folder.mkdir()

    assert sh(briefbot, "--version", cwd=folder).stdout.startswith("briefbot ")
    before = sh(briefbot, "preview", cwd=folder)
    assert before.returncode == 2 and "run `briefbot init` here" in before.stderr

    created = sh(briefbot, "init", cwd=folder)
    assert created.returncode == 0, created.stderr
    assert (folder / "config" / "slack-manifest.yml").is_file()
    checked = sh(briefbot, "check", cwd=folder)
    assert checked.returncode == 0, checked.stderr
    assert "briefs: 1 valid, 0 problem(s)" in checked.stdout

    ran = sh(briefbot, "run", "--console", cwd=folder, stdin="who Rubio\nsources\n")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("Briefing · ")
    assert "Marco Rubio, U.S. Secretary of State" in ran.stdout
    assert (folder / "data" / "briefbot.sqlite3").is_file()
