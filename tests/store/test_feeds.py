"""Feed state on both stores: validators replaced, entries known by id in a feed or by link."""

from __future__ import annotations

import datetime as dt

from bot.store import Store
from bot.store.feeds import FeedState

POLLED = dt.datetime(2025, 12, 18, 9, 0, 0, 250000, tzinfo=dt.UTC)


async def test_feed_state_is_replaced(store: Store) -> None:
    assert await store.feed_state("courier") is None
    await store.save_feed_state(FeedState("courier", "https://a.example/rss", '"v1"', None, None))
    replaced = FeedState("courier", "https://b.example/rss", None, "Thu, 18 Dec 2025", POLLED)
    await store.save_feed_state(replaced)
    assert await store.feed_state("courier") == replaced


async def test_known_entries_by_id_within_a_feed_and_by_link_anywhere(store: Store) -> None:
    await store.mark_entry("courier", "guid-1", "https://a.example/1", "article-1")
    await store.mark_entry("courier", "guid-2", None, None)
    await store.mark_entry("wire", "guid-3", "https://a.example/3", None)
    known = await store.known_entries(
        "courier",
        ["guid-1", "guid-2", "guid-3", "new"],
        ["https://a.example/3", "https://a.example/new"],
    )
    assert known.ids == {"guid-1", "guid-2"}  # guid-3 is another feed's id
    assert known.links == {"https://a.example/3"}
    assert known.known("guid-3", "https://a.example/3")
    assert not known.known("new", None)
    many = [f"id-{n}" for n in range(1200)]  # more than one batch of parameters
    for entry in many[::300]:
        await store.mark_entry("courier", entry, None, None)
    found = await store.known_entries("courier", many, [])
    assert found.ids == set(many[::300])
    again = await store.known_entries("courier", [], [])
    assert (again.ids, again.links) == (frozenset(), frozenset())
