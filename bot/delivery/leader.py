"""Leadership: exactly one scheduler firing across replicas, and schedule changes reaching it.

The scheduler asks a ``Leadership`` when it may fire and learns from it when another replica
changed the subscriptions; it does not know which database is behind it.

- SQLite (one host): ``SoloLeadership``. Every process leads; the delivery ledger's claims
  keep each slot posted once, and subscriptions are re-read every ``resync_seconds``.
- PostgreSQL: ``PostgresLeadership`` holds a session advisory lock on a dedicated connection.
  Followers try the lock every ``poll_seconds``; when the leader dies its connection closes,
  the server frees the lock and a follower takes over within about one poll. The leader
  checks its connection every ``heartbeat_seconds`` and steps down as soon as it fails, and
  the session's TCP keepalives make the server drop a leader that vanished silently (a dead
  host), so takeover stays within ``TAKEOVER_BOUND`` seconds. The same connection LISTENs on
  ``SCHEDULES_CHANNEL``; ``announce`` NOTIFYs it after a run-time subscription changes.
  The ledger's unique constraint stays the last guarantee if two ever overlap.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from typing import Any, Protocol

log = logging.getLogger(__name__)

SCHEDULES_CHANNEL = "briefbot_schedules"
LOCK_KEY = int.from_bytes(
    hashlib.blake2b(b"briefbot:delivery-scheduler", digest_size=8).digest(), "big", signed=True
)
POLL_SECONDS = 2.0
HEARTBEAT_SECONDS = 2.0
TAKEOVER_BOUND = 15.0  # documented bound: keepalive drop (≤ 11 s) + one poll
# Server side: a silent peer is dropped after idle 5 s + 3 probes 2 s apart (user-settable).
_KEEPALIVES = (
    "SET tcp_keepalives_idle = 5",
    "SET tcp_keepalives_interval = 2",
    "SET tcp_keepalives_count = 3",
)


def is_postgres(url: str) -> bool:
    """A PostgreSQL DATABASE_URL."""
    return url.startswith(("postgresql://", "postgres://"))


class Leadership(Protocol):
    """Whether this process may fire schedules, and news of schedule changes elsewhere."""

    async def acquire(self) -> None:
        """Wait until this process leads."""
        ...

    async def lost(self) -> None:
        """Return once leadership is lost (never, for a solo process)."""
        ...

    async def changed(self) -> None:
        """Return when another process announced a schedule change."""
        ...

    async def release(self) -> None:
        """Give leadership up and close what it holds."""
        ...


class SoloLeadership:
    """One host: every process leads; changes are found by the periodic resync."""

    async def acquire(self) -> None:
        """Leads at once."""

    async def lost(self) -> None:
        """Never lost."""
        await asyncio.Event().wait()

    async def changed(self) -> None:
        """Never announced: the resync reads subscriptions."""
        await asyncio.Event().wait()

    async def release(self) -> None:
        """Nothing held."""


class PostgresLeadership:
    """A session advisory lock on a dedicated connection, with LISTEN for schedule changes."""

    def __init__(
        self,
        url: str,
        *,
        key: int = LOCK_KEY,
        poll_seconds: float = POLL_SECONDS,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self._url = url
        self._key = key
        self._poll = poll_seconds
        self._heartbeat = heartbeat_seconds
        self._conn: Any = None  # psycopg.AsyncConnection, imported only when used
        self._watch: asyncio.Task[None] | None = None
        self._lost = asyncio.Event()
        self._changed = asyncio.Event()

    async def acquire(self) -> None:
        """Try the lock every poll until it is ours; connection failures are retried.

        A process that just lost the lock waits two polls first, so that a follower with a
        healthy connection takes over rather than the one whose connection failed.
        """
        if self._lost.is_set():
            await asyncio.sleep(2 * self._poll)
        while True:
            try:
                if await self._try_lock():
                    break
            except _db_errors() as err:  # the database is away: retry
                log.warning("scheduler lock: %s; retrying in %.0fs", _one_line(err), self._poll)
                await self._close()
            await asyncio.sleep(self._poll)
        self._lost.clear()
        self._watch = asyncio.create_task(self._watch_connection(), name="leader-heartbeat")
        log.info("scheduler lock acquired: this process fires the schedules")

    async def _try_lock(self) -> bool:
        if self._conn is None:
            self._conn = await _connect(self._url)
            for statement in _KEEPALIVES:
                await self._conn.execute(statement)
        cursor = await self._conn.execute("SELECT pg_try_advisory_lock(%s)", (self._key,))
        row = await cursor.fetchone()
        if not (row and row[0]):
            return False
        await self._conn.execute(f"LISTEN {SCHEDULES_CHANNEL}")
        return True

    async def _watch_connection(self) -> None:
        """Wait for notifications; between them, prove the connection (and so the lock) alive."""
        try:
            while True:
                async for _ in self._conn.notifies(timeout=self._heartbeat):
                    self._changed.set()
                async with asyncio.timeout(self._heartbeat + 1):
                    await self._conn.execute("SELECT 1")
        except asyncio.CancelledError:
            raise
        except _db_errors() as err:  # the connection died: the server has freed the lock
            log.warning("scheduler lock lost: %s", _one_line(err))
            await self._close()
            self._lost.set()

    @property
    def session_pid(self) -> int | None:
        """The server process of the lock's connection (for logs and for fail-over tests)."""
        return int(self._conn.info.backend_pid) if self._conn is not None else None

    async def lost(self) -> None:
        """Return once the lock's connection failed."""
        await self._lost.wait()

    async def changed(self) -> None:
        """Return at the next NOTIFY on the schedules channel."""
        await self._changed.wait()
        self._changed.clear()

    async def release(self) -> None:
        """Stop watching, unlock and close (closing alone would free the lock too)."""
        if self._watch is not None:
            self._watch.cancel()
            await asyncio.gather(self._watch, return_exceptions=True)
            self._watch = None
        if self._conn is not None and not self._conn.closed:
            with contextlib.suppress(Exception):
                await self._conn.execute("SELECT pg_advisory_unlock(%s)", (self._key,))
        await self._close()

    async def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                await self._conn.close()
            self._conn = None


def leadership_for(url: str) -> Leadership:
    """The leadership that suits the store a DATABASE_URL names."""
    return PostgresLeadership(url) if is_postgres(url) else SoloLeadership()


async def announce(url: str) -> None:
    """Tell the leading scheduler that subscriptions changed (PostgreSQL NOTIFY).

    A no-op on SQLite, where every process re-reads subscriptions at its resync. A failure is
    logged, not raised: the leader's resync still finds the change, only later.
    """
    if not is_postgres(url):
        return
    try:
        conn = await _connect(url)
        try:
            await conn.execute(f"NOTIFY {SCHEDULES_CHANNEL}")
        finally:
            await conn.close()
    except _db_errors() as err:
        log.warning("could not announce a schedule change: %s", _one_line(err))


async def _connect(url: str) -> Any:
    """An autocommit connection of its own (psycopg 3, imported only for PostgreSQL)."""
    import psycopg

    return await psycopg.AsyncConnection.connect(url, autocommit=True, connect_timeout=5)


def _db_errors() -> tuple[type[BaseException], ...]:
    """What a lost or refused database connection raises (evaluated only when one is raised)."""
    import psycopg

    return (psycopg.Error, OSError, TimeoutError)


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}"
