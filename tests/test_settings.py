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


def test_every_key_can_come_from_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, 'timezone = "Europe/Berlin"\n[delivery]\nlease_seconds = 300\n')
    env = {
        "BRIEFBOT_TIMEZONE": "America/Santiago",
        "BRIEFBOT_LOG_LEVEL": "debug",
        "BRIEFBOT_LOG_FORMAT": "JSON",
        "BRIEFBOT_DELIVERY__GRACE_MINUTES": "15",
        "BRIEFBOT_BRIEFING__TITLE": "Evening",
        "BRIEFBOT_SLACK_ADMINS": '["U0123ABCD"]',
        "BRIEFBOT_MODEL__ENABLED": "true",
        "BRIEFBOT_MODEL_API_KEY": "not a config key",
        "BRIEFBOT_HEALTH_PORT": "8080",  # another part's variable: ignored here
    }
    settings = load_settings(path, env=env)
    assert settings.timezone == "America/Santiago"  # the environment wins over the file
    assert settings.log_level == "DEBUG" and settings.log_format == "json"
    assert settings.delivery.grace_minutes == 15
    assert settings.delivery.lease_seconds == 300  # the rest of the table is kept
    assert settings.briefing.title == "Evening"
    assert settings.slack_admins == ["U0123ABCD"]
    assert settings.model.enabled is True


def test_schedules_from_the_environment_as_json() -> None:
    schedules = '[{"name": "noon", "cron": "0 12 * * *", "channels": ["console"]}]'
    settings = load_settings(None, env={"BRIEFBOT_SCHEDULES": schedules})
    assert [s.name for s in settings.schedules] == ["noon"]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        (
            "BRIEFBOT_DELIVERY__GRACE_MINUTES",
            "soon",
            "BRIEFBOT_DELIVERY__GRACE_MINUTES: delivery.grace_minutes: Input should be a valid integer",
        ),
        ("BRIEFBOT_TIMEZONE", "Mars/Olympus", "BRIEFBOT_TIMEZONE: timezone: unknown IANA timezone"),
        (
            "BRIEFBOT_DELIVERY__COLOUR",
            "blue",
            "BRIEFBOT_DELIVERY__COLOUR: delivery.colour: Extra inputs are not permitted",
        ),
        ("BRIEFBOT_LOG_LEVEL", "loud", "BRIEFBOT_LOG_LEVEL: log_level: String should match"),
        ("BRIEFBOT_SLACK_ADMINS", "[oops", "BRIEFBOT_SLACK_ADMINS: slack_admins: Input should be"),
    ],
)
def test_a_bad_environment_value_names_the_variable(name: str, value: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(None, env={name: value})
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_default_log_level_shows_the_start_up_line_only_for_run() -> None:
    settings = load_settings(None, env={})
    assert settings.effective_log_level("run") == "INFO"
    assert settings.effective_log_level("ask") == "WARNING"
    loud = load_settings(None, env={"BRIEFBOT_LOG_LEVEL": "ERROR"})
    assert loud.effective_log_level("run") == "ERROR"


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not"),
    ],
)
def test_half_a_slack_configuration_is_refused(env: dict[str, str], problem: str) -> None:
    """Issue 13 fault 11: a bot token alone used to run the console quietly and exit 0."""
    with pytest.raises(ConfigError, match=problem) as caught:
        Secrets.from_env(env)
    assert "xoxb-1" not in str(caught.value) and "xapp-1" not in str(caught.value)
    assert Secrets.from_env({"SLACK_BOT_TOKEN": "x", "SLACK_APP_TOKEN": "y"}).slack
