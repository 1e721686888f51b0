"""Reading feeds: RSS and Atom through feedparser, JSON summary endpoints through the schema.

A JSON summary endpoint answers ``{"summaries": [<summary>, …]}`` (or a bare list), each item
a document of the published schema (``briefbot schema``); items that do not validate are
reported and skipped, the others are used as they are, with no extraction.

Polling uses conditional GET: the ETag and Last-Modified a server sent are stored per feed and
sent back as If-None-Match and If-Modified-Since, so an unchanged feed costs one 304.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import feedparser
from pydantic import ValidationError

from bot.core.summary import Summary
from bot.errors import FetchError, describe_validation
from bot.ingest.fetch import Fetched
from bot.loader import MAX_DEPTH, nesting_depth
from bot.store.feeds import FeedState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    """One item of an RSS or Atom feed, as much as the feed tells about it."""

    entry_id: str
    link: str | None
    title: str | None
    published: dt.datetime | None
    author: str | None
    content_html: str | None


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's own title and its entries, in feed order."""

    title: str | None
    entries: list[FeedEntry]


def conditional_headers(state: FeedState | None, url: str) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the last poll of this same URL."""
    if state is None or state.url != url:
        return {}
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def next_state(
    name: str, url: str, fetched: Fetched, previous: FeedState | None, now: dt.datetime
) -> FeedState:
    """The validators to send next time: the new ones, or the old ones after a 304."""
    keep = previous if previous is not None and previous.url == url else None
    etag = fetched.headers.get("etag") or (keep.etag if keep else None)
    modified = fetched.headers.get("last-modified") or (keep.last_modified if keep else None)
    return FeedState(name, url, etag, modified, now)


def _when(entry: Mapping[str, Any]) -> dt.datetime | None:
    """feedparser's parsed date (a UTC struct_time) as an aware datetime; None for a date no
    calendar has (feedparser reads ``0000-00-00`` as 30 November of the year -1), as for an
    entry without a date, instead of an exception that lost the whole feed."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _content(entry: Mapping[str, Any]) -> str | None:
    """The fullest HTML the entry carries: content (Atom, content:encoded), else summary."""
    for block in entry.get("content") or []:
        value = block.get("value")
        if value:
            return str(value)
    summary = entry.get("summary")
    return str(summary) if summary else None


def _entry_id(entry: Mapping[str, Any]) -> str | None:
    """The entry's own id (guid), else its link, else a hash of its title."""
    for key in ("id", "link"):
        value = entry.get(key)
        if value:
            return str(value)
    title = entry.get("title")
    if title:
        return "title:" + hashlib.sha256(str(title).encode("utf-8")).hexdigest()[:16]
    return None


def _http_link(value: Any) -> str | None:
    """An http(s) link; feedparser offers an Atom entry's URN id as its link when it has none."""
    text = str(value or "").strip()
    return text if text.startswith(("http://", "https://")) and " " not in text else None


def _entry(entry: Mapping[str, Any]) -> FeedEntry | None:
    entry_id = _entry_id(entry)
    if entry_id is None:
        return None
    return FeedEntry(
        entry_id=entry_id,
        link=_http_link(entry.get("link")),
        title=str(entry["title"]).strip() if entry.get("title") else None,
        published=_when(entry),
        author=str(entry["author"]) if entry.get("author") else None,
        content_html=_content(entry),
    )


def parse_feed(fetched: Fetched) -> ParsedFeed:
    """Entries of an RSS or Atom document; FetchError when it is neither."""
    # A stream, never str or bytes: feedparser takes those for a URL or a file name and would
    # fetch or open it itself (a body of b"/etc/passwd" would read that file).
    parsed = feedparser.parse(
        io.BytesIO(fetched.body),
        response_headers={"content-type": fetched.media_type or "application/xml"},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no RSS or Atom entries"
        raise FetchError(f"{fetched.url} is not an RSS or Atom feed: {problem}")
    entries = [e for e in map(_entry, parsed.entries) if e is not None]
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return ParsedFeed(title=str(title) if title else None, entries=entries)


def parse_json_summaries(fetched: Fetched) -> tuple[list[Summary], list[str]]:
    """Valid summaries of a JSON endpoint and one problem line for each invalid item."""
    try:
        document = json.loads(fetched.text())
    except RecursionError as err:
        raise FetchError(f"{fetched.url} is not usable JSON: nested too deeply") from err
    except ValueError as err:  # JSONDecodeError, or an integer past Python's digit limit
        raise FetchError(f"{fetched.url} is not JSON: {err}") from err
    if nesting_depth(document) > MAX_DEPTH:
        raise FetchError(f"{fetched.url} is not usable JSON: nested more than {MAX_DEPTH} levels")
    items = document.get("summaries") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise FetchError(f'{fetched.url}: expected {{"summaries": [...]}} or a JSON list')
    summaries, problems = [], []
    for index, item in enumerate(items):
        try:
            summaries.append(Summary.model_validate(item))
        except ValidationError as err:
            problems.append(f"{fetched.url} summaries[{index}]: {describe_validation(err)}")
    return summaries, problems
