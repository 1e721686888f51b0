"""The Dockerfile, compose file, Procfile and .dockerignore hold their promises.

No Docker engine runs here, so the files are checked for what they must say: a slim base,
a non-root user, the /data volume, a HEALTHCHECK through `briefbot healthcheck`, no secret
baked in, the store on a volume, PostgreSQL behind a profile. hadolint lints the Dockerfile.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAMES = re.compile(r"TOKEN|SECRET|PASSWORD|API_KEY", re.IGNORECASE)


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text("utf-8")
    logical = re.sub(r"\\\n", " ", text)
    found = []
    for line in logical.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            keyword, _, rest = stripped.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def last_stage(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    start = max(i for i, (keyword, _) in enumerate(found) if keyword == "FROM")
    return found[start:]


def test_images_are_slim_and_the_bot_runs_unprivileged() -> None:
    found = instructions()
    bases = [rest.split()[0] for keyword, rest in found if keyword == "FROM"]
    assert bases and all(re.fullmatch(r"python:3\.11-slim", base) for base in bases)
    final = last_stage(found)
    users = [rest for keyword, rest in final if keyword == "USER"]
    assert users, "the run stage must switch user"
    assert users[-1].split(":")[0] not in ("root", "0")
    assert ("VOLUME", '["/data"]') in final
    [health] = [rest for keyword, rest in final if keyword == "HEALTHCHECK"]
    assert health.endswith('CMD ["briefbot", "healthcheck"]')
    [command] = [rest for keyword, rest in final if keyword == "CMD"]
    assert command == '["briefbot", "run"]'
    env = " ".join(rest for keyword, rest in final if keyword == "ENV")
    assert "DATABASE_URL=sqlite:////data/" in env
    assert "BRIEFBOT_DATA_DIR=/data" in env  # the Discord sync state is written there too
    assert "BRIEFBOT_HEALTH_PORT=" in env


def test_no_secret_is_baked_into_the_image() -> None:
    for keyword, rest in instructions():
        if keyword in ("ENV", "ARG", "LABEL"):
            assert not SECRET_NAMES.search(rest), rest
        if keyword in ("COPY", "ADD"):
            assert ".env" not in shlex.split(rest), rest
    ignored = (ROOT / ".dockerignore").read_text("utf-8").split()
    for must in (".env", ".env.*", ".venv", ".git", "data", "*.sqlite3"):
        assert must in ignored


def test_the_build_copies_what_the_wheel_needs_and_installs_pinned() -> None:
    copied = " ".join(rest for keyword, rest in instructions() if keyword == "COPY")
    for needed in ("pyproject.toml", "setup.py", "MANIFEST.in", "constraints.txt", "bot"):
        assert needed in copied
    for name in (ROOT / "bot" / "cli" / "shipped.txt").read_text("utf-8").split():
        assert name.split("/")[0] in copied
    runs = " ".join(rest for keyword, rest in instructions() if keyword == "RUN")
    assert "--constraint constraints.txt" in runs and "--no-index" in runs
    ignored = set((ROOT / ".dockerignore").read_text("utf-8").split())
    assert not ignored & {"bot", "config", "briefs", "setup.py", "constraints.txt"}


def test_hadolint_passes() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run(
        [str(hadolint), "--no-color", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_runs_the_bot_with_its_store_and_postgres_behind_a_profile() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
    bot = compose["services"]["bot"]
    assert bot["build"] == "."
    assert any(volume.endswith(":/data") for volume in bot["volumes"])
    assert bot["environment"]["DATABASE_URL"] == "${DATABASE_URL:-sqlite:////data/briefbot.sqlite3}"
    for name, value in bot["environment"].items():
        if SECRET_NAMES.search(name):
            assert value == f"${{{name}:-}}", f"{name} must come from the environment"
    postgres = compose["services"]["postgres"]
    assert postgres["profiles"] == ["postgres"]
    assert postgres["image"].startswith("postgres:")
    assert bot["depends_on"]["postgres"]["required"] is False
    assert set(compose["volumes"]) >= {"briefbot-data", "briefbot-postgres"}


def test_procfile_types_match_what_binds_a_port() -> None:
    """`web` receives $PORT (Slack HTTP); Socket Mode and Discord bind none: `worker`."""
    types = dict(
        line.split(":", 1)
        for line in (ROOT / "Procfile").read_text("utf-8").splitlines()
        if line.strip()
    )
    assert {name: command.strip() for name, command in types.items()} == {
        "web": "briefbot run",
        "worker": "briefbot run",
    }
