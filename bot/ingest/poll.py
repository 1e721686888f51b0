"""One poll of the configured feeds: new entries become stored summaries.

An RSS or Atom entry's link is fetched (through the guarded client) and reduced to its text;
when that fails, the text the feed itself carries is used. The text goes through the
summariser and the summary joins the store under the origin ``feed:<name>:<entry id>``, so
it joins the next briefing. A JSON endpoint's summaries are stored as they are.

Each feed is polled on its own: one feed that is down, slow or malformed is reported and the
rest still run. ``poll_feeds`` polls the feeds concurrently (at most ``MAX_CONCURRENT_FEEDS``
at once), each fetch under the ingest deadline and each feed's whole poll under
``feed_deadline``, so no feed can hold up another for longer than that.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import httpx

from bot.context import Context
from bot.core.summary import Summary
from bot.errors import FetchError
from bot.ingest.articles import article_from_url, page_article
from bot.ingest.feeds import (
    FeedEntry,
    ParsedFeed,
    conditional_headers,
    next_state,
    parse_feed,
    parse_json_summaries,
)
from bot.ingest.fetch import FEED_TYPES, JSON_TYPES, Fetched, fetch
from bot.ingest.html import page_text
from bot.ingest.summarise import ArticleText, Summariser, article_id_for, offline_summary
from bot.observability.metrics import record_extracted, record_feed_poll
from bot.settings import FeedSettings, IngestSettings
from bot.store import Store

log = logging.getLogger(__name__)

#: New entries ingested per feed and poll; the rest wait for the next poll, so a feed that
#: suddenly lists a thousand items cannot stall the bot.
MAX_NEW_PER_POLL = 20
#: Feeds fetched at once by ``poll_feeds``: enough that a few slow feeds delay nobody.
MAX_CONCURRENT_FEEDS = 8


def feed_deadline(settings: IngestSettings) -> float:
    """Seconds one feed's poll may take: the feed itself and each new entry's page."""
    return settings.deadline_seconds * (1 + MAX_NEW_PER_POLL)


@dataclass
class FeedReport:
    """What one poll of one feed did."""

    feed: str
    added: list[str] = field(default_factory=list)
    known: int = 0
    not_modified: bool = False
    problems: list[str] = field(default_factory=list)


def unreviewed(summary: Summary) -> Summary:
    """The summary marked unreviewed: only an editor, never a feed, vouches for a summary."""
    if not summary.provenance.reviewed:
        return summary
    provenance = summary.provenance.model_copy(update={"reviewed": False})
    return summary.model_copy(update={"provenance": provenance})


def content_hash(text: str) -> str:
    """Hash of the text a summary was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Poller:
    """Everything one poll needs, so each step takes only the feed and the entry."""

    store: Store
    client: httpx.AsyncClient
    settings: IngestSettings
    summarise: Summariser
    now: dt.datetime

    async def poll(self, feed: FeedSettings) -> FeedReport:
        """Poll one feed; any failure becomes a problem in the report, never an exception.

        Anything but cancellation is caught: a feed is untrusted input, and an unforeseen
        failure in one (a parser bug, a store error) must not end the poll of the others.
        """
        report = FeedReport(feed.name)
        try:
            async with asyncio.timeout(feed_deadline(self.settings)):
                await self._poll(feed, report)
        except FetchError as err:
            log.warning("feed %s: %s", feed.name, err)
            report.problems.append(str(err))
        except TimeoutError:
            problem = f"poll abandoned after {feed_deadline(self.settings):g}s"
            log.warning("feed %s: %s", feed.name, problem)
            report.problems.append(problem)
        except Exception as err:  # isolation: see the docstring
            log.exception("feed %s: poll failed", feed.name)
            report.problems.append(f"poll failed: {type(err).__name__}: {err}")
        record_feed_poll(feed.name, added=len(report.added), problems=len(report.problems))
        return report

    async def _poll(self, feed: FeedSettings, report: FeedReport) -> None:
        previous = await self.store.feed_state(feed.name)
        accept = JSON_TYPES if feed.kind == "json" else FEED_TYPES
        headers = conditional_headers(previous, feed.url)
        fetched = await fetch(self.client, feed.url, self.settings, accept=accept, headers=headers)
        if fetched.not_modified:
            report.not_modified = True
        elif feed.kind == "json":
            await self._json(feed, fetched, report)
        else:
            await self._entries(feed, parse_feed(fetched), report)
        await self.store.save_feed_state(
            next_state(feed.name, feed.url, fetched, previous, self.now)
        )

    async def _json(self, feed: FeedSettings, fetched: Fetched, report: FeedReport) -> None:
        """Store each valid summary whose content changed since it was last stored."""
        summaries, problems = parse_json_summaries(fetched)
        report.problems += problems
        stored = {o.origin: o.content_hash for o in await self.store.origins(f"feed:{feed.name}:")}
        for summary in map(unreviewed, summaries):
            origin = f"feed:{feed.name}:{summary.article.id}"
            digest = content_hash(summary.model_dump_json())
            if stored.get(origin) == digest:
                report.known += 1
                continue
            if not await self._may_store(summary, origin, stored, report):
                continue
            await self.store.put(summary, content_hash=digest, origin=origin)
            await self.store.mark_entry(
                feed.name, summary.article.id, summary.article.url, summary.article.id
            )
            report.added.append(summary.article.id)

    async def _may_store(
        self, summary: Summary, origin: str, stored: Mapping[str, str], report: FeedReport
    ) -> bool:
        """Whether ``origin`` may write this article id: only if nothing else holds it.

        A feed is untrusted: an item reusing the id of a hand-written brief (or of another
        feed's article) would replace it at every poll. Such an item is refused and reported;
        the article that holds the id stays.
        """
        article_id = summary.article.id
        if origin in stored or await self.store.summary(article_id) is None:
            return True
        problem = (
            f"article.id {article_id!r} is already held by another brief or feed; "
            "item refused (a feed never replaces an article it did not write)"
        )
        log.warning("feed %s: %s", report.feed, problem)
        report.problems.append(problem)
        return False

    async def _entries(self, feed: FeedSettings, parsed: ParsedFeed, report: FeedReport) -> None:
        """Ingest the entries not seen before, by id in this feed or by link in any."""
        entries = parsed.entries
        known = await self.store.known_entries(
            feed.name, [e.entry_id for e in entries], [e.link for e in entries if e.link]
        )
        fresh = [e for e in entries if not known.known(e.entry_id, e.link)]
        report.known = len(entries) - len(fresh)
        stored: dict[str, str] | None = None
        for entry in fresh[:MAX_NEW_PER_POLL]:
            summary = await self._summary(feed, parsed, entry, report)
            if summary is None:
                continue
            summary, origin = unreviewed(summary), f"feed:{feed.name}:{entry.entry_id}"
            if stored is None:
                stored = {
                    o.origin: o.content_hash for o in await self.store.origins(f"feed:{feed.name}:")
                }
            if not await self._may_store(summary, origin, stored, report):
                continue
            await self.store.put(
                summary, content_hash=content_hash(summary.text or ""), origin=origin
            )
            await self.store.mark_entry(feed.name, entry.entry_id, entry.link, summary.article.id)
            report.added.append(summary.article.id)
            record_extracted("feed")

    async def _summary(
        self, feed: FeedSettings, parsed: ParsedFeed, entry: FeedEntry, report: FeedReport
    ) -> Summary | None:
        """The entry's summary, or None (reported; retried next poll) when it has no text."""
        try:
            article = await self._article(entry)
        except FetchError as err:
            log.warning("feed %s entry %s: %s", feed.name, entry.entry_id, err)
            report.problems.append(f"{entry.link or entry.entry_id}: {err}")
            return None
        key = entry.link or f"{feed.url}#{entry.entry_id}"
        article = ArticleText(
            text=article.text,
            article_id=article_id_for(key, entry.title or article.title),
            url=entry.link,
            title=entry.title or article.title,
            published=entry.published or article.published,
            fallback_published=self.now,  # only when neither the feed, page nor text dates it
            outlet=article.outlet or parsed.title,
            byline=(entry.author,) if entry.author else article.byline,
            topics=tuple(feed.topics),
        )
        return await self.summarise(article)

    async def _article(self, entry: FeedEntry) -> ArticleText:
        """The linked page's article text, else the text the feed entry carries."""
        if entry.link:
            try:
                return await article_from_url(self.client, entry.link, self.settings)
            except FetchError as err:
                if not entry.content_html:
                    raise
                log.info("using the feed's own text for %s: %s", entry.link, err)
        if not entry.content_html:
            raise FetchError("the entry has neither a link nor text")
        return page_article(page_text(f"<html><body>{entry.content_html}</body></html>"), None)


async def poll_feed(
    context: Context,
    client: httpx.AsyncClient,
    feed: FeedSettings,
    *,
    summarise: Summariser = offline_summary,
) -> FeedReport:
    """Poll one feed once: what a scheduler job per feed (every ``every_minutes``) calls."""
    poller = Poller(context.store, client, context.settings.ingest, summarise, context.clock())
    return await poller.poll(feed)


async def poll_feeds(
    context: Context,
    client: httpx.AsyncClient,
    *,
    summarise: Summariser = offline_summary,
    on_report: Callable[[FeedReport], None] | None = None,
) -> list[FeedReport]:
    """Poll every configured feed once (``client`` from ``guarded_client``).

    ``on_report`` hears of each feed as soon as it is done (``briefbot poll`` prints it).
    """
    poller = Poller(context.store, client, context.settings.ingest, summarise, context.clock())
    slots = asyncio.Semaphore(MAX_CONCURRENT_FEEDS)

    async def bounded(feed: FeedSettings) -> FeedReport:
        async with slots:
            report = await poller.poll(feed)
        if on_report is not None:
            on_report(report)
        return report

    reports = list(await asyncio.gather(*(bounded(f) for f in context.settings.feeds)))
    for report in reports:
        log.info(
            "feed %s: %d added, %d known, %s, %d problems",
            report.feed,
            len(report.added),
            report.known,
            "not modified" if report.not_modified else "fetched",
            len(report.problems),
        )
    return reports
