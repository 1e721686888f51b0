"""Settings: validated once, one message naming the key, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.settings import Secrets, load_settings

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefbot.toml"
    path.write_text(text, "utf-8")
    return path


def test_shipped_config_is_valid() -> None:
    settings = load_settings(ROOT / "config" / "briefbot.toml", env={})
    assert settings.briefs_dir == Path("briefs")
    assert settings.schedule("morning").timezone == "Europe/Berlin"
    assert settings.store_url == "sqlite:///data/briefbot.sqlite3"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('timezone = "Mars/Olympus"', "timezone: unknown IANA timezone 'Mars/Olympus'"),
        (
            "[briefing]\nmax_items = 0",
            "briefing.max_items: Input should be greater than or equal to 1",
        ),
        ("colour = 'blue'", "colour: Extra inputs are not permitted"),
        (
            '[[schedules]]\nname = "m"\ncron = "0 25 * * *"\nchannels = ["console"]',
            "schedules[0].cron: invalid cron '0 25 * * *'",
        ),
        (
            '[[schedules]]\nname = "m"\ncron = "0 8 * *"\nchannels = ["console"]',
            "schedules[0].cron: cron '0 8 * *' needs 5 fields",
        ),
        (
            '[[schedules]]\nname = "m"\ncron = "0 8 * * *"\nchannels = ["irc:#news"]',
            "schedules[0].channels[0]: String should match pattern",
        ),
        ("briefs_dir = [", "not valid TOML"),
        (
            '[[feeds]]\nname = "wire"\nurl = "https://a.example/rss"\n'
            '[[feeds]]\nname = "wire"\nurl = "https://b.example/rss"',
            "feeds: feed name 'wire' is used by more than one feed",
        ),
        (
            '[[feeds]]\nname = "wire:eu"\nurl = "https://a.example/rss"',
            "feeds: feed name 'wire:eu' must be non-empty and contain no ':'",
        ),
    ],
)
def test_bad_value_names_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = write(tmp_path, toml)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    message = str(caught.value)
    assert message.startswith(str(path)) and expected in message


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})


def test_environment_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, 'briefs_dir = "elsewhere"')
    env = {
        "BRIEFBOT_CONFIG": str(path),
        "BRIEFBOT_BRIEFS_DIR": "mine",
        "DATABASE_URL": "sqlite:///x.db",
    }
    settings = load_settings(None, env=env)
    assert settings.config_path == path
    assert settings.briefs_dir == Path("mine")
    assert settings.store_url == "sqlite:///x.db"


def test_unknown_schedule_lists_the_known_ones() -> None:
    settings = load_settings(ROOT / "config" / "briefbot.toml", env={})
    with pytest.raises(ConfigError, match="no schedule named 'evening' \\(known: morning\\)"):
        settings.schedule("evening")


def test_secrets_come_from_env_and_never_print() -> None:
    secrets = Secrets.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "s3cr3t", "DISCORD_TOKEN": " "}
    )
    assert secrets.slack and not secrets.discord
    assert "xoxb-secret" not in repr(secrets) and "s3cr3t" not in str(secrets)
    assert secrets.slack_bot_token is not None
    assert secrets.slack_bot_token.get_secret_value() == "xoxb-secret"
    assert not Secrets.from_env({}).any_platform
