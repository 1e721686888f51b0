"""Logging: JSON lines off a terminal, text on one, and Bolt's spurious warning gone."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.logs import configure_logging, wants_json


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    configure_logging("INFO", "auto", stream)
    log = logging.getLogger("bot.test")
    log.info("hello %s", "world", extra={"feeds": 2})
    log.debug("not shown")
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("failed")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "INFO" and first["logger"] == "bot.test"
    assert first["message"] == "hello world" and first["feeds"] == 2
    assert first["time"].endswith("+00:00")
    assert second["level"] == "ERROR" and "ValueError: boom" in second["exception"]


def test_text_on_a_terminal_and_when_asked() -> None:
    terminal = Terminal()
    configure_logging("WARNING", "auto", terminal)
    logging.getLogger("bot.test").warning("careful")
    assert terminal.getvalue().rstrip().endswith(" WARNING bot.test: careful")
    assert wants_json("json", terminal) and not wants_json("text", io.StringIO())


def test_chatty_libraries_stay_at_warning_under_info() -> None:
    configure_logging("INFO", "text", io.StringIO())
    assert logging.getLogger("apscheduler").getEffectiveLevel() == logging.WARNING
    configure_logging("DEBUG", "text", io.StringIO())
    assert logging.getLogger("apscheduler").getEffectiveLevel() == logging.DEBUG


def test_bolts_token_will_be_unused_warning_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bolt reads SLACK_BOT_TOKEN itself and warned at every start beside our own client."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    stream = io.StringIO()
    configure_logging("INFO", "text", stream)
    AsyncApp(client=AsyncWebClient(token="xoxb-test"), signing_secret="s", name="test")
    logging.getLogger("slack_bolt.AsyncApp").warning("a real warning")
    assert "will be unused" not in stream.getvalue()
    assert "a real warning" in stream.getvalue()
