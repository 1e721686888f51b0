"""Slack's HTTP endpoint under hostile or unlucky input (issue 13, faults 1 and 12).

Everything goes through the real server on a local port: raw sockets for what aiohttp's
client would refuse to send (half-sent heads, non-ASCII header values), signed requests for
the rest, and the local fake Slack to count what was posted.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import socket
import urllib.parse
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.adapters.slack.adapter import SlackAdapter
from bot.adapters.slack.admin import Admins
from bot.adapters.slack.config import EVENTS_PATH, SlackConfig
from bot.adapters.slack.poster import build_slack_poster
from bot.errors import ConfigError
from bot.store import Store, open_store
from tests.slack.conftest import ALLOWED, FORM, SlackClient, make_context, settle, sign
from tests.slack.fake_slack import FakeSlack

BRIEFING_TS = "1766200000.000001"
QUICK = {"idle_seconds": 0.5, "body_seconds": 0.5}


@pytest.fixture
def quick_config(slack_config: SlackConfig) -> SlackConfig:
    """The test config with short deadlines, so that timeouts show within a test."""
    return dataclasses.replace(slack_config, **QUICK)  # type: ignore[arg-type]


@pytest.fixture
async def quick(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, quick_config: SlackConfig
) -> AsyncIterator[SlackClient]:
    """The app in HTTP mode with short deadlines."""
    async with running(loaded_store, tmp_path / "a", fake_slack, quick_config) as client:
        yield client


@dataclasses.dataclass
class running:  # noqa: N801  (used like a function: ``async with running(...)``)
    """One replica: a Slack adapter in HTTP mode on its own port, over the given store."""

    store: Store
    data_dir: Path
    fake: FakeSlack
    config: SlackConfig

    async def __aenter__(self) -> SlackClient:
        context = make_context(self.store, self.data_dir)
        posters = {"slack": build_slack_poster(context, self.config)}
        self._adapter = SlackAdapter(context, self.config, Admins.of([ALLOWED]), posters)
        await self._adapter.__aenter__()
        self._session = aiohttp.ClientSession()
        url = f"http://127.0.0.1:{self._adapter.port}{EVENTS_PATH}"
        self.client = SlackClient(self._session, url, self.fake)
        return self.client

    async def __aexit__(self, *exc: object) -> None:
        await settle()
        await self._session.close()
        await self._adapter.__aexit__(None, None, None)


def port_of(client: SlackClient) -> int:
    return int(urllib.parse.urlsplit(client.url).port or 0)


async def raw(port: int, data: bytes, *, wait: float = 3.0) -> bytes:
    """Send raw bytes and return everything the server sends until it closes (or ``wait``)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    try:
        async with asyncio.timeout(wait):
            return await reader.read()
    finally:
        writer.close()


def request(body: bytes, headers: dict[str, str], content_type: str = FORM) -> bytes:
    head = [
        f"POST {EVENTS_PATH} HTTP/1.1",
        "Host: 127.0.0.1",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        "Connection: close",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"\xff\xfe\x00not utf-8 \xc3\x28", FORM),
        (b"payload=notjson", FORM),
        (b"[1, 2, 3]", "application/json"),
        (DEEP.encode(), "application/json"),
        (b"payload=" + urllib.parse.quote(DEEP).encode(), FORM),
        (b"command=%2Fbrief&text=post", FORM),
    ],
    ids=["not-utf8", "payload-notjson", "json-array", "deep-json", "deep-payload", "form"],
)
async def test_unsigned_malformed_bodies_get_401_without_a_traceback(
    slack: SlackClient, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    headers = {"Content-Type": content_type}
    async with slack.session.post(slack.url, data=body, headers=headers) as response:
        assert response.status == 401
    assert errors_logged(caplog) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=" + "0" * 64},
        {"X-Slack-Request-Timestamp": "1766200000", "X-Slack-Signature": "v0=ü"},
        {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=" + "0" * 64},
        {"X-Slack-Request-Timestamp": "-1", "X-Slack-Signature": "v0=" + "0" * 64},
    ],
    ids=["timestamp-abc", "signature-non-ascii", "timestamp-huge", "timestamp-negative"],
)
async def test_bad_signature_header_values_get_401(
    slack: SlackClient, caplog: pytest.LogCaptureFixture, headers: dict[str, str]
) -> None:
    body = slack.command_body("who Rubio").encode()
    response = await raw(port_of(slack), request(body, headers))
    assert status_of(response) == 401
    assert errors_logged(caplog) == []
    assert slack.fake.calls("respond") == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("payload=notjson", FORM),
        ("payload=%5B1%5D", FORM),
        ("[1, 2, 3]", "application/json"),
        (DEEP, "application/json"),
        ("nothing=here", FORM),
    ],
    ids=["payload-notjson", "payload-array", "json-array", "deep-json", "unknown-form"],
)
async def test_signed_malformed_bodies_get_400_without_a_traceback(
    slack: SlackClient, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    status, _ = await slack.post(body, content_type)
    assert status == 400
    assert errors_logged(caplog) == []


async def test_signed_command_without_channel_gets_a_clean_400(
    slack: SlackClient, caplog: pytest.LogCaptureFixture
) -> None:
    form = urllib.parse.parse_qs(slack.command_body("who Rubio"))
    del form["channel_id"]
    status, text = await slack.post(urllib.parse.urlencode(form, doseq=True), FORM)
    assert (status, text) == (400, "slash command without channel_id")
    assert errors_logged(caplog) == []
    assert "KeyError" not in caplog.text


async def test_a_half_sent_head_is_closed_after_the_idle_deadline(quick: SlackClient) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(quick))
    writer.write(f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slack".encode())
    await writer.drain()
    async with asyncio.timeout(5):  # default aiohttp: open for an hour
        assert await reader.read() == b""
    writer.close()


async def test_an_idle_connection_is_closed_after_the_idle_deadline(quick: SlackClient) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(quick))
    async with asyncio.timeout(5):
        assert await reader.read() == b""
    writer.close()


async def test_a_half_sent_body_gets_408_after_the_body_deadline(quick: SlackClient) -> None:
    body = quick.command_body("who Rubio").encode()
    whole = request(body, sign(body.decode()))
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(quick))
    writer.write(whole[: len(whole) - len(body) // 2])  # the head and half the body
    await writer.drain()
    async with asyncio.timeout(5):
        response = await reader.read()
    writer.close()
    assert status_of(response) == 408
    assert quick.fake.calls("respond") == []


async def test_a_signed_post_replayed_three_times_posts_once(slack: SlackClient) -> None:
    body = slack.command_body("post", user=ALLOWED)
    headers = sign(body)
    statuses = [(await slack.post(body, FORM, signature=headers))[0] for _ in range(4)]
    assert statuses == [200, 200, 200, 200]  # replays are acknowledged, and ignored
    await slack.fake.wait_for("respond")
    await asyncio.sleep(0.3)
    assert len(slack.fake.calls("chat.postMessage")) == 1
    assert len(slack.fake.calls("respond")) == 1


async def test_two_admin_commands_with_the_same_words_both_run(slack: SlackClient) -> None:
    await slack.command("post", user=ALLOWED, name="first")
    await slack.fake.wait_for("respond")
    await slack.command("post", user=ALLOWED, name="second")  # a new request, not a replay
    replies = await slack.fake.wait_for("respond", 2)
    assert [r.path for r in replies] == ["/respond/first", "/respond/second"]


async def test_replicas_share_what_was_handled(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, slack_config: SlackConfig
) -> None:
    """Two processes on one database: a replay or a redelivery reaching the other one is
    still recognised (the memory is in the store, not in a process)."""
    other = await open_store(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    try:
        async with (
            running(loaded_store, tmp_path / "a", fake_slack, slack_config) as first,
            running(other, tmp_path / "b", fake_slack, slack_config) as second,
        ):
            body = first.command_body("post", user=ALLOWED)
            headers = sign(body)
            assert (await first.post(body, FORM, signature=headers))[0] == 200
            assert (await second.post(body, FORM, signature=headers))[0] == 200
            mention = first.mention_body("<@UBOT> who Rubio", thread_ts=None, event_id="EvX")
            await first.post(mention, "application/json")
            retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
            await second.post(mention, "application/json", headers=retry)
            await fake_slack.wait_for("respond")
            await asyncio.sleep(0.3)
        posts = fake_slack.calls("chat.postMessage")
        assert len([p for p in posts if p.args.get("metadata")]) == 1  # the briefing, once
        assert len([p for p in posts if not p.args.get("metadata")]) == 1  # the answer, once
    finally:
        await other.close()


async def test_a_busy_port_is_one_config_error_naming_port(
    store: Store, tmp_path: Path, slack_config: SlackConfig
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        config = dataclasses.replace(slack_config, port=taken.getsockname()[1])
        adapter = SlackAdapter(make_context(store, tmp_path), config, Admins(), {})
        with pytest.raises(ConfigError) as raised:
            await adapter.__aenter__()
    message = str(raised.value)
    assert message.startswith(f"PORT {config.port}: cannot listen on 127.0.0.1:{config.port}")
    assert "in use" in message and "\n" not in message


async def test_bolt_does_not_warn_that_the_token_is_unused(
    store: Store,
    tmp_path: Path,
    slack_config: SlackConfig,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-fake-bot-token")  # what Bolt reads by itself
    adapter = SlackAdapter(make_context(store, tmp_path), slack_config, Admins(), {})
    with caplog.at_level(logging.WARNING):
        adapter.build_app()
    assert "unused" not in caplog.text


async def test_socket_mode_skips_a_redelivered_event(
    loaded_store: Store, tmp_path: Path, fake_slack: FakeSlack, slack_config: SlackConfig
) -> None:
    context = make_context(loaded_store, tmp_path / "data", app_token="xapp-fake-app-token")
    mention = json.loads(
        SlackClient(None, "", fake_slack).mention_body(  # type: ignore[arg-type]
            "<@UBOT> who Rubio", thread_ts=None, event_id="EvSocket"
        )
    )
    async with SlackAdapter(context, slack_config, Admins(), {}):
        for attempt in range(2):
            envelope = {
                "envelope_id": f"env-{attempt}",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": attempt,
                "retry_reason": "timeout" if attempt else "",
                "payload": mention,
            }
            await fake_slack.send_envelope(envelope)
        acks = await fake_slack.wait_for("socket", 2)
        await fake_slack.wait_for("chat.postMessage")
        await asyncio.sleep(0.3)
    assert {a.args["envelope_id"] for a in acks} == {"env-0", "env-1"}  # both acknowledged
    assert len(fake_slack.calls("chat.postMessage")) == 1  # answered once
