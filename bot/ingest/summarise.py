"""From article text to a stored-ready summary: the offline extractor, or the model backend.

Ingestion knows things about an article that its text does not say (the URL, the feed's
topics, the site's name, the page's byline); ``complete`` adds them to whatever summary the
summariser produced, so that every source of summaries yields the same shape.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.core.summary import Summary

log = logging.getLogger(__name__)

_SLUG_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ArticleText:
    """Raw article text plus what its source already tells about it."""

    text: str
    article_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    outlet: str | None = None
    byline: tuple[str, ...] = ()
    topics: tuple[str, ...] = field(default=())
    #: The date to use when neither the source nor the text dates the article (``--published``,
    #: a poll's time): never put before a date the article itself gives.
    fallback_published: dt.date | dt.datetime | None = None


class Summariser(Protocol):
    """Anything that turns article text into a summary (offline extractor, model backend)."""

    async def __call__(self, article: ArticleText) -> Summary:
        """The summary of one article."""
        ...


def article_id_for(url: str, title: str | None) -> str:
    """A stable id for a fetched article: title words plus a hash of the URL (no collisions)."""
    words = _SLUG_WORD.findall((title or "").lower())[:8]
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return "-".join([*words, digest]) if words else f"article-{digest}"


def _extract(article: ArticleText) -> Summary:
    """Run the offline extractor (imported late: it is CPU work owned by bot.extract)."""
    from bot.extract import extract_summary

    summary: Summary = extract_summary(
        article.text,
        article_id=article.article_id,
        url=article.url,
        published=article.published,
        title=article.title,
        default_published=article.fallback_published,
    )
    return summary


async def offline_summary(article: ArticleText) -> Summary:
    """The offline extractor's summary, completed; runs in a thread to keep the loop free."""
    summary = await asyncio.to_thread(_extract, article)
    return complete(summary, article)


def complete(summary: Summary, article: ArticleText) -> Summary:
    """Add what the source knows (id, URL, outlet, byline, topics, text); validated again."""
    document: dict[str, Any] = summary.model_dump(mode="json")
    meta = document["article"]
    if article.article_id:
        meta["id"] = article.article_id
    if article.url and not meta.get("url"):
        meta["url"] = article.url
    if article.outlet:  # the page's or feed's own name beats a guess from the text or host
        meta["outlet"] = article.outlet
    if article.byline:
        meta["byline"] = list(article.byline)
    meta["topics"] = list(dict.fromkeys([*meta.get("topics", []), *article.topics]))
    if not document.get("text"):
        document["text"] = article.text
    return Summary.model_validate(document)
