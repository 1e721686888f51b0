"""``briefbot discord-invite``: the invite URL with the minimal permissions and both scopes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import discord
import pytest
from typer.testing import CliRunner

from bot.cli import app

CLIENT_ID = "123456789012345678"


def query(url: str) -> dict[str, list[str]]:
    parts = urlsplit(url.strip())
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "discord.com", "/oauth2/authorize")
    return parse_qs(parts.query)


def test_invite_from_the_argument() -> None:
    result = CliRunner().invoke(app, ["discord-invite", CLIENT_ID])
    assert result.exit_code == 0, result.output
    found = query(result.output)
    assert found["client_id"] == [CLIENT_ID]
    assert found["scope"] == ["bot applications.commands"]
    granted = discord.Permissions(int(found["permissions"][0]))
    assert {name for name, on in granted if on} == {
        "read_messages",  # discord.py's name for View Channel
        "send_messages",
        "embed_links",
        "send_messages_in_threads",
        "read_message_history",
    }


def test_invite_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_CLIENT_ID", CLIENT_ID)
    result = CliRunner().invoke(app, ["discord-invite", "--guild-id", "800000000000000001"])
    assert result.exit_code == 0, result.output
    found = query(result.output)
    assert found["client_id"] == [CLIENT_ID]
    assert found["guild_id"] == ["800000000000000001"]


def test_invite_needs_a_client_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISCORD_CLIENT_ID", raising=False)
    result = CliRunner().invoke(app, ["discord-invite"])
    assert result.exit_code == 2
    assert "DISCORD_CLIENT_ID" in result.output
