"""Fetch one URL with every limit enforced while the bytes arrive.

The body is read chunk by chunk and abandoned the moment it passes ``max_bytes`` (decoded
size, so a gzip bomb is stopped too); redirects are followed one hop at a time, each hop
checked by the client's address guard, and a redirect's own body is never read.

The client's timeout bounds each read, not the whole: a server dripping one byte a second
would never trip it. So every fetch (resolution, every redirect hop, headers and body) runs
under one overall deadline, ``deadline_seconds``.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from bot.errors import FetchError
from bot.settings import IngestSettings

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "text/html",  # some servers label every feed text/html; feedparser decides
        "text/plain",
    }
)
JSON_TYPES = frozenset({"application/json", "application/feed+json", "text/json"})
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Fetched:
    """A finished response: final URL, status, media type, charset, body, lower-case headers."""

    url: str
    status: int
    media_type: str
    charset: str | None
    body: bytes
    headers: Mapping[str, str]

    @property
    def not_modified(self) -> bool:
        """The server answered a conditional GET with 304: nothing new."""
        return self.status == 304

    def text(self) -> str:
        """The body decoded (declared charset, else the document's own, else UTF-8)."""
        return decode(self.body, self.charset)


def media_type(content_type: str) -> tuple[str, str | None]:
    """'text/html; charset=UTF-8' → ('text/html', 'utf-8')."""
    main, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return main.strip().lower(), charset


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def sniff_charset(body: bytes) -> str | None:
    """A charset the document declares in its first bytes (BOM, XML declaration, meta)."""
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = body[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return _known_codec(match.group(1).decode("ascii", "ignore"))
    return None


def looks_binary(body: bytes) -> bool:
    """An image, archive or executable, not text: NUL bytes or many control bytes up front.

    UTF-16 (with its BOM) is text despite its NULs; a few stray control characters are common
    in scraped text, so only a share above 5 % counts.
    """
    head = body[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS or byte == 127)
    return controls > max(1, len(head) // 20)


def decode(body: bytes, declared: str | None = None) -> str:
    """Text of a body; undecodable bytes become U+FFFD rather than failing the article."""
    charset = _known_codec(declared) or sniff_charset(body) or "utf-8"
    try:
        return body.decode(charset)
    except UnicodeDecodeError:
        fallback = "utf-8" if charset != "utf-8" else "cp1252"
        log.info("body is not valid %s; decoding as %s", charset, fallback)
        return body.decode(fallback, errors="replace")


async def _open(
    client: httpx.AsyncClient, url: str, headers: Mapping[str, str], max_redirects: int
) -> httpx.Response:
    """Send the request and follow redirects by hand; the caller closes the response."""
    try:
        request = client.build_request("GET", url, headers=dict(headers))
    except httpx.InvalidURL as err:
        raise FetchError(f"invalid URL {url!r}: {err}") from err
    seen = {str(request.url)}
    for _hop in range(max_redirects + 1):
        try:
            response = await client.send(request, stream=True, follow_redirects=False)
        except httpx.InvalidURL as err:  # httpx builds the next hop's request inside send
            raise FetchError(
                f"{request.url} redirects to a location that cannot be fetched ({err})"
            ) from err
        if not response.has_redirect_location or response.next_request is None:
            return response
        await response.aclose()
        request = response.next_request
        if str(request.url) in seen:
            raise FetchError(f"redirect loop fetching {url} (back to {request.url})")
        seen.add(str(request.url))
    raise FetchError(f"too many redirects fetching {url} (more than {max_redirects})")


async def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, read in chunks and abandoned once it passes the limit."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{response.url} is too large: {int(declared):,} bytes, over the "
            f"{max_bytes:,} byte limit"
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{response.url} is too large: over the {max_bytes:,} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_type(response: httpx.Response, accept: frozenset[str] | None) -> tuple[str, str | None]:
    kind, charset = media_type(response.headers.get("Content-Type", ""))
    if accept is not None and kind and kind not in accept:
        raise FetchError(
            f"{response.url} is {kind}, not {' or '.join(sorted(accept))}; nothing to read"
        )
    return kind, charset


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    settings: IngestSettings,
    *,
    accept: frozenset[str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET a URL within the limits; FetchError names the URL and the problem."""
    try:
        async with asyncio.timeout(settings.deadline_seconds):
            response = await _open(client, url, headers or {}, settings.max_redirects)
            try:
                return await _finish(response, settings, accept)
            finally:
                await response.aclose()
    except TimeoutError as err:
        raise FetchError(
            f"gave up fetching {url}: no complete answer within {settings.deadline_seconds:g}s"
        ) from err
    except httpx.TimeoutException as err:
        raise FetchError(f"timed out fetching {url} after {settings.timeout_seconds:g}s") from err
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as err:
        # InvalidURL and StreamError are not HTTPErrors: a redirect to "data:" raises the first.
        raise FetchError(f"cannot fetch {url}: {_problem(err)}") from err


def _problem(err: Exception) -> str:
    """The httpx error as one line; a redirect's bad Location is named as such."""
    text = " ".join(str(err).split()) or type(err).__name__
    return f"{type(err).__name__}: {text}"


async def _finish(
    response: httpx.Response, settings: IngestSettings, accept: frozenset[str] | None
) -> Fetched:
    """Status, type and size checks on an open response; its body read within the limit."""
    if response.status_code == 304:
        body = b""
        kind, charset = "", None
    elif not 200 <= response.status_code < 300:
        raise FetchError(f"HTTP {response.status_code} from {response.url}")
    else:
        kind, charset = _check_type(response, accept)
        body = await _read_limited(response, settings.max_bytes)
    return Fetched(
        url=str(response.url),
        status=response.status_code,
        media_type=kind,
        charset=charset,
        body=body,
        headers=dict(response.headers),
    )
