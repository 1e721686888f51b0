"""Fixtures for the Slack adapter: the fake Web API, the running app, signed requests to it."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
import urllib.parse
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.admin import Admins
from bot.adapters.slack.config import EVENTS_PATH, SlackConfig
from bot.adapters.slack.poster import build_slack_poster
from bot.context import Context
from bot.settings import Secrets, Settings
from bot.store import Store
from tests.conftest import NOW
from tests.slack.fake_slack import FakeSlack, dumps

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-fake-bot-token"
CHANNEL = "C0123ABCD"
DM_CHANNEL = "D0123DIRECT"  # the bot's direct conversation with USER
USER = "U0USER"
ALLOWED = "U0ALLOWED"  # on the configured allow-list


def sign(
    body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None
) -> dict[str, str]:
    """Slack's v0 signature headers for a raw body."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{stamp}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class SlackClient:
    """Sends requests to the running app the way Slack does: signed HTTP POSTs."""

    session: aiohttp.ClientSession
    url: str
    fake: FakeSlack

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        signature: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        """POST a raw body, signed unless ``signature`` overrides it; return status and text."""
        sent = {"Content-Type": content_type, **(signature or sign(body)), **(headers or {})}
        async with self.session.post(self.url, data=body.encode(), headers=sent) as response:
            return response.status, await response.text()

    def command_body(self, text: str, *, user: str = USER, name: str = "cmd") -> str:
        """A /brief slash command as Slack posts it (a form)."""
        return urllib.parse.urlencode(
            {
                "token": "legacy",
                "team_id": "T1",
                "team_domain": "newsroom",
                "channel_id": CHANNEL,
                "channel_name": "briefings",
                "user_id": user,
                "user_name": "reader",
                "command": "/brief",
                "text": text,
                "api_app_id": "A1",
                "response_url": self.fake.response_url(name),
                "trigger_id": "1.2.3",
            }
        )

    async def command(self, text: str, **kwargs: Any) -> tuple[int, str]:
        """Send ``/brief <text>``."""
        return await self.post(self.command_body(text, **kwargs), FORM)

    async def click(self, action_id: str, value: str, *, message_ts: str) -> tuple[int, str]:
        """Click a button under the message ``message_ts`` in the channel."""
        payload = {
            "type": "block_actions",
            "user": {"id": USER, "team_id": "T1"},
            "team": {"id": "T1", "domain": "newsroom"},
            "api_app_id": "A1",
            "channel": {"id": CHANNEL, "name": "briefings"},
            "container": {"type": "message", "message_ts": message_ts, "channel_id": CHANNEL},
            "message": {"type": "message", "ts": message_ts, "user": "UBOT", "text": "Briefing"},
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b1",
                    "value": value,
                    "action_ts": "1766200100.000001",
                }
            ],
            "response_url": self.fake.response_url("click"),
            "trigger_id": "1.2.4",
        }
        return await self.post(urllib.parse.urlencode({"payload": dumps(payload)}), FORM)

    def mention_body(self, text: str, *, thread_ts: str | None, event_id: str = "Ev1") -> str:
        """An app_mention event callback."""
        event = {
            "type": "app_mention",
            "user": USER,
            "text": text,
            "ts": "1766200200.000100",
            "channel": CHANNEL,
            "event_ts": "1766200200.000100",
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return event_body(event, event_id)

    def dm_body(self, text: str, *, event_id: str = "EvDM1", **extra: Any) -> str:
        """A message.im event: someone wrote to the bot directly (``extra``: subtype, bot_id)."""
        event = {
            "type": "message",
            "channel_type": "im",
            "user": USER,
            "text": text,
            "ts": "1766200300.000100",
            "channel": DM_CHANNEL,
            "event_ts": "1766200300.000100",
            **extra,
        }
        return event_body(event, event_id)

    async def click_ephemeral(self, action_id: str, value: str) -> tuple[int, str]:
        """Click a button under a reply only this user sees (an answer to /brief)."""
        payload = {
            "type": "block_actions",
            "user": {"id": USER, "team_id": "T1"},
            "team": {"id": "T1", "domain": "newsroom"},
            "api_app_id": "A1",
            "channel": {"id": CHANNEL, "name": "briefings"},
            "container": {
                "type": "message",
                "message_ts": "1766200400.000100",
                "channel_id": CHANNEL,
                "is_ephemeral": True,
            },
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b1",
                    "value": value,
                    "action_ts": "1766200400.000101",
                }
            ],
            "response_url": self.fake.response_url("click"),
            "trigger_id": "1.2.5",
        }
        return await self.post(urllib.parse.urlencode({"payload": dumps(payload)}), FORM)


def event_body(event: dict[str, Any], event_id: str) -> str:
    """An Events API callback wrapping ``event``."""
    return dumps(
        {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": 1766200200,
            "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
    )


FORM = "application/x-www-form-urlencoded"


def make_context(store: Store, data_dir: Path, *, app_token: str | None = None) -> Context:
    """A context on a store with a fixed clock and fake Slack secrets."""
    secrets = Secrets(
        slack_bot_token=SecretStr(BOT_TOKEN),
        slack_signing_secret=SecretStr(SIGNING_SECRET),
        slack_app_token=SecretStr(app_token) if app_token else None,
    )
    return Context(Settings(data_dir=data_dir), secrets, store, clock=lambda: NOW)


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    """The fake Web API on an ephemeral port."""
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def slack_config(fake_slack: FakeSlack) -> SlackConfig:
    """Config pointing the clients at the fake, the app on an ephemeral local port."""
    return SlackConfig(api_url=fake_slack.base_url, port=0, host="127.0.0.1", timeout=2)


@pytest.fixture
async def slack(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, slack_config: SlackConfig
) -> AsyncIterator[SlackClient]:
    """The app running in HTTP mode on the shipped briefs, and a way to talk to it.

    Its store is ``loaded_store``, so tests can check what admin commands changed there.
    """
    context = make_context(loaded_store, tmp_path / "data")
    posters = {"slack": build_slack_poster(context, slack_config)}
    adapter = SlackAdapter(context, slack_config, Admins.of([ALLOWED]), posters)
    async with adapter, aiohttp.ClientSession() as session:
        yield SlackClient(session, f"http://127.0.0.1:{adapter.port}{EVENTS_PATH}", fake_slack)
        await settle()


async def settle(seconds: float = 2.0) -> None:
    """Let listeners still running after their ack finish before the loop closes."""
    current = asyncio.current_task()
    async with asyncio.timeout(seconds):
        while any(not t.done() for t in asyncio.all_tasks() if t is not current):
            pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
            if all(_is_server(t) for t in pending):
                return
            await asyncio.sleep(0.01)


def _is_server(task: asyncio.Task[Any]) -> bool:
    """Tasks of aiohttp's servers, which live until their runner is cleaned up."""
    return "RequestHandler" in repr(task.get_coro()) or "start_server" in repr(task.get_coro())
