"""Seen requests: one atomic insert-if-absent with a retention, shared by every process."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from bot.store import open_store
from bot.store.base import Store
from tests.conftest import NOW

KEEP = dt.timedelta(minutes=10)


async def test_a_key_is_new_once_within_its_retention(store: Store) -> None:
    assert await store.mark_seen("slack-event:Ev1", now=NOW, keep=KEEP) is True
    later = NOW + dt.timedelta(minutes=9)
    assert await store.mark_seen("slack-event:Ev1", now=later, keep=KEEP) is False
    assert await store.mark_seen("slack-event:Ev2", now=later, keep=KEEP) is True


async def test_an_expired_key_is_new_again(store: Store) -> None:
    assert await store.mark_seen("k", now=NOW, keep=KEEP) is True
    assert await store.mark_seen("k", now=NOW + KEEP, keep=KEEP) is True
    assert await store.mark_seen("k", now=NOW + KEEP, keep=KEEP) is False


async def test_two_connections_agree_on_who_saw_it_first(tmp_path: Path) -> None:
    """Two stores on one file stand for two replicas: exactly one wins each key."""
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first, second = await open_store(url), await open_store(url)
    try:
        keys = [f"slack-event:Ev{i}" for i in range(20)]
        answers = await asyncio.gather(
            *(s.mark_seen(k, now=NOW, keep=KEEP) for k in keys for s in (first, second))
        )
        assert sum(answers) == len(keys)
        assert all(a != b for a, b in zip(answers[::2], answers[1::2], strict=True))
    finally:
        await first.close()
        await second.close()
