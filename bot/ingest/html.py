"""A web page reduced to its article: main text, title, author, date and site name.

trafilatura does the work (boilerplate removal, metadata from meta tags and JSON-LD); hand-
written stripping misses navigation, cookie banners and "related stories" and keeps them as
article text, which the extractor would then mine for quotes.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import trafilatura

from bot.errors import FetchError

log = logging.getLogger(__name__)

#: Below this many characters of main text a page is a stub, an index or an error page.
MIN_TEXT_CHARS = 80


@dataclass(frozen=True)
class Page:
    """What a page says about its article."""

    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    site: str | None = None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per block, blank-line separated; a repeated headline dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def page_text(html: str, url: str | None = None) -> Page:
    """The article in a page; FetchError when the page holds no article text."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Dates from the page's metadata only (meta tags, JSON-LD, <time>, the URL):
            # htmldate's extensive search guesses from the text and turns "Dec. 20, 2025"
            # into 2025-01-01; the extractor reads dates in the text itself, and better.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date().isoformat(),
            },
        )
    except (ValueError, TypeError, AttributeError) as err:  # lxml trips on some broken pages
        raise FetchError(f"cannot read the page {url or ''}: {err}".strip()) from err
    text = getattr(document, "text", None) or ""
    title = getattr(document, "title", None) or None
    body = _paragraphs(text, title)
    if len(body) < MIN_TEXT_CHARS:
        raise FetchError(f"no article text found in the page {url or ''}".rstrip())
    return Page(
        text=body,
        title=title,
        author=getattr(document, "author", None) or None,
        published=_date(getattr(document, "date", None)),
        site=getattr(document, "sitename", None) or None,
    )
