"""The feed half of the PostgreSQL store: conditional-GET validators and entries seen.

A mixin of ``PostgresStore``; arrays (``= ANY``) replace SQLite's batches of parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.store.feeds import FeedState, KnownEntries
from bot.store.postgres_db import PostgresDatabase
from bot.store.postgres_ledger import aware, utc


class PostgresFeeds:
    """Feed methods over the store's pool."""

    _database: PostgresDatabase

    async def feed_state(self, feed: str) -> FeedState | None:
        """The feed's stored validators, if it was polled before."""
        rows = await self._database.rows(
            "SELECT feed, url, etag, last_modified, polled_at FROM feed_state WHERE feed = %s",
            (feed,),
        )
        if not rows:
            return None
        name, url, etag, modified, polled = rows[0]
        return FeedState(name, url, etag, modified, utc(polled))

    async def save_feed_state(self, state: FeedState) -> None:
        """Insert or replace the feed's validators."""
        polled = aware(state.polled_at) if state.polled_at else None
        await self._database.execute(
            "INSERT INTO feed_state (feed, url, etag, last_modified, polled_at)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (feed) DO UPDATE SET url = excluded.url,"
            " etag = excluded.etag, last_modified = excluded.last_modified,"
            " polled_at = excluded.polled_at",
            (state.feed, state.url, state.etag, state.last_modified, polled),
        )

    async def known_entries(
        self, feed: str, entry_ids: Sequence[str], links: Sequence[str]
    ) -> KnownEntries:
        """Which of these entry ids (in this feed) and links (in any feed) were seen."""
        ids = await self._database.rows(
            "SELECT entry_id FROM feed_entries WHERE feed = %s AND entry_id = ANY(%s)",
            (feed, list(entry_ids)),
        )
        seen = await self._database.rows(
            "SELECT DISTINCT link FROM feed_entries WHERE link = ANY(%s)", (list(links),)
        )
        return KnownEntries(frozenset(r[0] for r in ids), frozenset(r[0] for r in seen))

    async def mark_entry(
        self, feed: str, entry_id: str, link: str | None, article_id: str | None
    ) -> None:
        """Remember an entry so that no later poll ingests it again."""
        await self._database.execute(
            "INSERT INTO feed_entries (feed, entry_id, link, article_id, seen_at)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (feed, entry_id) DO UPDATE SET"
            " link = excluded.link, article_id = excluded.article_id, seen_at = excluded.seen_at",
            (feed, entry_id, link, article_id, dt.datetime.now(dt.UTC)),
        )
