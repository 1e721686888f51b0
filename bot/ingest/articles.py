"""Article text from wherever it comes: a URL (fetched through the guard), a file, stdin.

Each way in ends in an ``ArticleText`` for a summariser, and each refuses what is not an
article with a FetchError that names the problem: binary data, no text, the wrong content type.
"""

from __future__ import annotations

import logging
import re

import httpx

from bot.core.text import has_words
from bot.errors import FetchError
from bot.ingest.fetch import HTML_TYPES, decode, fetch, looks_binary
from bot.ingest.html import Page, page_text
from bot.ingest.summarise import ArticleText, article_id_for
from bot.settings import IngestSettings

log = logging.getLogger(__name__)

_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<article|<p[\s>])", re.I)
#: Types a URL may answer with; plain text is an article as it is.
ARTICLE_TYPES = HTML_TYPES | {"text/plain"}


def looks_like_html(data: bytes) -> bool:
    """An HTML document or fragment, judged by its first tag."""
    return bool(_HTML_START.match(data[:1024]))


def text_article(data: bytes, *, name: str, charset: str | None = None) -> str:
    """Decoded plain text; FetchError for binary data or a document with no words."""
    if looks_binary(data):
        raise FetchError(f"{name}: binary data, not article text")
    text = decode(data, charset).replace("\r\n", "\n").strip()
    if not has_words(text):
        raise FetchError(f"{name}: empty, no article text")
    return text


def article_from_bytes(
    data: bytes, *, name: str, url: str | None = None, charset: str | None = None
) -> ArticleText:
    """An article from a file's or a response's bytes: HTML through trafilatura, else text."""
    if not looks_like_html(data) or looks_binary(data):
        return ArticleText(text=text_article(data, name=name, charset=charset), url=url)
    return page_article(page_text(text_article(data, name=name, charset=charset), url), url)


def page_article(page: Page, url: str | None) -> ArticleText:
    """What a page gives: text, title, date, site and author; an id from its URL."""
    return ArticleText(
        text=page.text,
        url=url,
        title=page.title,
        published=page.published,
        outlet=page.site,
        byline=(page.author,) if page.author else (),
        article_id=article_id_for(url, page.title) if url else None,
    )


async def article_from_url(
    client: httpx.AsyncClient, url: str, settings: IngestSettings
) -> ArticleText:
    """Fetch a page through the guarded client and reduce it to its article."""
    fetched = await fetch(client, url, settings, accept=ARTICLE_TYPES)
    if fetched.media_type == "text/plain":
        text = text_article(fetched.body, name=fetched.url, charset=fetched.charset)
        return ArticleText(text=text, url=fetched.url, article_id=article_id_for(fetched.url, None))
    if looks_binary(fetched.body):
        raise FetchError(f"{fetched.url}: binary data, not an HTML page")
    page = page_text(fetched.text(), fetched.url)
    log.info("fetched %s: %d characters of article text", fetched.url, len(page.text))
    return page_article(page, url)
