"""Fetching with limits: size (streamed), redirects, content types, charsets, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from bot.errors import FetchError
from bot.ingest.articles import ARTICLE_TYPES, article_from_url
from bot.ingest.fetch import HTML_TYPES, decode, fetch, looks_binary, media_type
from bot.ingest.http import guarded_client, make_client
from bot.settings import IngestSettings
from tests.ingest.conftest import ARTICLE_HTML, LocalServer, public_guard


class EndlessStream(httpx.AsyncByteStream):
    """A body that never ends; counts the chunks it was asked for."""

    def __init__(self) -> None:
        self.chunks = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            self.chunks += 1
            yield b"<p>" + b"x" * 16_380 + b"</p>"


def mock_client(settings: IngestSettings, handler: object) -> httpx.AsyncClient:
    return guarded_client(
        settings,
        allow_private=False,
        guard=public_guard("news.example"),
        transport=httpx.MockTransport(handler),  # type: ignore[arg-type]
    )


async def test_huge_response_is_abandoned_while_streaming(ingest_settings: IngestSettings) -> None:
    stream = EndlessStream()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=stream)

    async with mock_client(ingest_settings, handler) as client:
        with pytest.raises(FetchError, match="too large"):
            await fetch(client, "http://news.example/huge", ingest_settings, accept=HTML_TYPES)
    # 200 kB limit, 16 kB chunks: it stopped right after the limit, not at the end of time.
    assert stream.chunks <= ingest_settings.max_bytes // 16_000 + 2


async def test_declared_length_over_the_limit_is_refused_before_reading(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/big", b"a" * 300_000, "text/html")
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match=r"too large: 300,000 bytes"):
            await fetch(client, local_server.url("/big"), ingest_settings)


async def test_redirect_loop(local_server: LocalServer, ingest_settings: IngestSettings) -> None:
    local_server.serve("/a", b"", status=302, Location="/b")
    local_server.serve("/b", b"", status=302, Location="/a")
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match="redirect loop"):
            await fetch(client, local_server.url("/a"), ingest_settings)


async def test_too_many_redirects(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    for hop in range(6):
        local_server.serve(f"/r{hop}", b"", status=302, Location=f"/r{hop + 1}")
    local_server.serve("/r6", ARTICLE_HTML)
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match=r"too many redirects .*more than 3"):
            await fetch(client, local_server.url("/r0"), ingest_settings)
    assert len(local_server.requests) == 4  # the first request and three hops, no more


async def test_redirects_within_the_bound_are_followed(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/old", b"", status=301, Location="/new")
    local_server.serve("/new", ARTICLE_HTML)
    async with guarded_client(ingest_settings, allow_private=True) as client:
        fetched = await fetch(client, local_server.url("/old"), ingest_settings, accept=HTML_TYPES)
    assert fetched.url.endswith("/new")
    assert "ferry" in fetched.text()


async def test_non_html_content_is_refused(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/img", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match="image/png, not"):
            await article_from_url(client, local_server.url("/img"), ingest_settings)


async def test_binary_body_labelled_html_is_refused(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/fake", bytes(range(256)) * 20, "text/html")
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match="binary data"):
            await article_from_url(client, local_server.url("/fake"), ingest_settings)


async def test_http_error_status(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    async with guarded_client(ingest_settings, allow_private=True) as client:
        with pytest.raises(FetchError, match="HTTP 404"):
            await fetch(client, local_server.url("/missing"), ingest_settings, accept=ARTICLE_TYPES)


async def test_timeout_is_a_fetch_error(ingest_settings: IngestSettings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    async with mock_client(ingest_settings, handler) as client:
        with pytest.raises(FetchError, match="timed out"):
            await fetch(client, "http://news.example/slow", ingest_settings)


async def test_client_sends_user_agent_and_has_timeouts(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/page", ARTICLE_HTML)
    async with make_client(ingest_settings, guard=None) as client:
        assert client.timeout.read == ingest_settings.timeout_seconds
        await fetch(client, local_server.url("/page"), ingest_settings)
    assert local_server.requests[0].headers["user-agent"] == ingest_settings.user_agent


def test_charsets() -> None:
    assert media_type("text/html; charset=ISO-8859-1") == ("text/html", "iso-8859-1")
    assert decode("café".encode("latin-1"), "iso-8859-1") == "café"
    meta = '<html><head><meta charset="windows-1252"></head><body>café</body>'.encode("cp1252")
    assert "café" in decode(meta)
    assert decode("naïve".encode()) == "naïve"
    assert decode("caf\xe9 au lait".encode("latin-1"), "utf-8").startswith("caf")  # no crash
    assert decode(b"x", "no-such-charset") == "x"


def test_binary_detection() -> None:
    assert looks_binary(b"GIF89a\x00\x01")
    assert looks_binary(bytes(range(1, 32)) * 10)
    assert not looks_binary(b"Plain text,\tline two\n")
    assert not looks_binary("text".encode("utf-16"))
