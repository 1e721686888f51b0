"""Knowing, without asking the database, whether any replica changed the articles.

Every write to the articles ends with ``NOTIFY briefbot_articles`` (delivered at commit to
every listening connection, on any machine). Each store keeps one dedicated connection that
LISTENs and counts the notifications; a cache filled at count ``n`` is current while the
count is still ``n``. If that connection cannot be opened or is lost, ``live`` turns False
and the caches ask for ``store_stats.version`` on every use instead (one round trip), so a
lost listener costs speed, never correctness.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import psycopg

log = logging.getLogger(__name__)

CHANNEL = "briefbot_articles"


class ChangeWatch:
    """A LISTEN connection and the number of changes it has heard of."""

    def __init__(self) -> None:
        self.generation = 0
        self.live = False
        self._connection: psycopg.AsyncConnection[tuple[object, ...]] | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self, url: str) -> None:
        """Open the listening connection; on failure stay not live (and say so once)."""
        try:
            self._connection = await psycopg.AsyncConnection.connect(url, autocommit=True)
            await self._connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as err:
            log.warning("no change notifications (%s): caches will ask the database", err)
            await self._close_connection()
            return
        self.live = True
        self._task = asyncio.create_task(self._listen(), name="briefbot-store-changes")

    async def _listen(self) -> None:
        assert self._connection is not None
        try:
            async for _ in self._connection.notifies():
                self.generation += 1
        except psycopg.Error as err:
            log.warning("lost change notifications (%s): caches will ask the database", err)
        finally:
            self.live = False
            self.generation += 1

    async def close(self) -> None:
        """Stop listening."""
        self.live = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._close_connection()

    async def _close_connection(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
