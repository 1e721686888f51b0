"""The store interface and the factory that picks an implementation from a URL.

Every store answers the core's ``Library`` questions and adds the writes the loaders and the
scheduler need. Implementations: ``sqlite`` (embedded default) and ``postgresql`` (shared by
several replicas; needs the ``postgres`` extra).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bot.core.library import Library
from bot.core.summary import Summary
from bot.errors import BriefbotError
from bot.store.feeds import FeedStore
from bot.store.ledger import LedgerStore
from bot.store.seen import SeenStore


class StoreError(BriefbotError):
    """The store cannot be opened or used."""


@dataclass(frozen=True)
class StoredOrigin:
    """What the store holds for one origin (a file or URL): its article and content hash."""

    origin: str
    article_id: str
    content_hash: str


class Store(Library, LedgerStore, FeedStore, SeenStore, Protocol):
    """Library reads, the writes that keep it current, the delivery ledger, feed state and
    the requests already handled (shared by replicas)."""

    async def origins(self, prefix: str = "") -> list[StoredOrigin]:
        """The origins starting with ``prefix`` ("file:", "feed:<name>:"; "" for all) that the
        store holds an article for. Must cost in proportion to the origins returned, not to
        the store: every command's start-up calls it (an index on origin covering id and
        content hash)."""
        ...

    async def put(self, summary: Summary, *, content_hash: str, origin: str | None) -> None:
        """Insert or replace the article of this summary (a changed file replaces its article)."""
        ...

    async def put_many(self, items: Sequence[tuple[Summary, str, str | None]]) -> None:
        """Insert or replace several (summary, content hash, origin) in one transaction."""
        ...

    async def remove(self, article_ids: Sequence[str]) -> None:
        """Delete articles and everything indexed from them."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///relative`` or ``sqlite:////absolute`` URL."""
    rest = url.removeprefix("sqlite:///")
    if not rest or rest == url:
        raise StoreError(f"DATABASE_URL {url!r}: expected sqlite:///path/to/file.sqlite3")
    return Path(rest)


POSTGRES_SCHEMES = ("postgresql://", "postgres://")


async def open_store(url: str) -> Store:
    """Open the store a URL names, applying pending migrations."""
    if url.startswith("sqlite:"):
        from bot.store.sqlite import SqliteStore

        return await SqliteStore.open(sqlite_path(url))
    if url.startswith(POSTGRES_SCHEMES):
        try:
            from bot.store.postgres import PostgresStore
        except ImportError as err:
            raise StoreError(
                f"DATABASE_URL is PostgreSQL but {err.name} is not installed:"
                " pip install 'briefbot[postgres]'"
            ) from err
        return await PostgresStore.open(url)
    scheme = url.split(":", 1)[0]
    raise StoreError(
        f"DATABASE_URL: unsupported scheme {scheme!r} (use sqlite:///path or postgresql://…)"
    )
