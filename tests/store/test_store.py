"""The Store protocol, on both stores: replacement, cascades, search, caches, URLs.

Every test here runs as ``[sqlite]`` and ``[postgres]`` (see ``backends.py``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest

from bot.core.summary import Summary
from bot.store import StoreError, open_store
from bot.store.base import Store


async def eventually(check: Callable[[], Awaitable[None]], seconds: float = 5.0) -> None:
    """Run ``check`` until it passes (another process's change arrives by notification)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return await check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.01)


async def test_put_replaces_and_remove_cascades(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="one", origin="file:/x.yaml")
    fewer = seed_summary.model_copy(update={"statements": seed_summary.statements[:2]})
    await store.put(fewer, content_hash="two", origin="file:/x.yaml")
    assert [o.content_hash for o in await store.origins()] == ["two"]
    trump = [s.key for s in await store.speakers_named("trump")]
    putin = [s.key for s in await store.speakers_named("putin")]
    assert await store.count_statements_of(trump) == 1
    assert await store.count_statements_of(putin) == 0  # its statements went with the old version
    await store.remove([seed_summary.article.id])
    assert await store.articles() == []
    assert await store.speakers_named("putin") == []
    assert await store.search(["putin"], mode="any", limit=5) == []
    assert await store.vocabulary_near("putin", 1) == []  # word counts went with them


async def test_put_many_keeps_the_last_of_an_id_given_twice(
    store: Store, seed_summary: Summary
) -> None:
    fewer = seed_summary.model_copy(update={"statements": seed_summary.statements[:1]})
    await store.put_many([(seed_summary, "a", None), (fewer, "b", "file:/y.yaml")])
    assert [(o.article_id, o.content_hash) for o in await store.origins()] == [
        (seed_summary.article.id, "b")
    ]
    speaker = seed_summary.statements[0].speaker
    (found,) = [s for s in await store.search(["putin"], mode="any", limit=50)] or [None]
    assert found is None or found.paragraph == seed_summary.statements[0].paragraph
    assert len(await store.latest(5)) == 1
    assert speaker  # the one statement left is the first one's


async def test_one_person_shares_a_key_across_articles(store: Store, seed_summary: Summary) -> None:
    other = seed_summary.model_copy(
        update={"article": seed_summary.article.model_copy(update={"id": "second"})}
    )
    await store.put(seed_summary, content_hash="a", origin=None)
    await store.put(other, content_hash="b", origin=None)
    (rubio,) = await store.speakers_named("rubio")
    assert rubio.key == "person:marco rubio"
    assert await store.count_statements_of([rubio.key]) == 2
    officials = await store.speakers_named("white house official")
    assert len(officials) == 2  # an unnamed source belongs to its own article


@pytest.mark.parametrize(
    "hostile",
    ['"', "NEAR(a b)", "a OR", "* AND -", "col:text", "'); DROP TABLE statements; --",
     "a & !b", "x <-> y", "'\\'", "a:*"],
)  # fmt: skip
async def test_search_text_cannot_inject_query_syntax(loaded_store: Store, hostile: str) -> None:
    assert isinstance(await loaded_store.search([hostile], mode="all", limit=5), list)
    assert isinstance(await loaded_store.search([hostile], mode="phrase", limit=5), list)
    assert isinstance(await loaded_store.search([hostile], mode="any", limit=5), list)
    assert isinstance(await loaded_store.vocabulary_near(hostile, 3), list)
    assert await loaded_store.speakers_named(hostile) == []
    assert len(await loaded_store.articles()) == 3


async def test_latest_by_topic(loaded_store: Store) -> None:
    energy = await loaded_store.latest(5, ["energy"])
    assert [s.article.id for s in energy] == ["wire-voltra-ohio-plant"]
    assert len(await loaded_store.latest(2)) == 2


async def test_phrase_with_a_word_in_every_statement(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="a", origin=None)
    found = await store.search(["the", "war"], mode="phrase", limit=5)
    assert {r.speaker_name for r in found} == {"Marco Rubio", "A White House official"}
    assert await store.search(["war", "the"], mode="phrase", limit=5) == []


async def test_phrase_checks_word_order_and_adjacency(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="a", origin=None)
    (found,) = await store.search(["closer", "than", "ever"], mode="phrase", limit=3)
    assert found.paragraph == 7
    assert await store.search(["than", "closer", "ever"], mode="phrase", limit=3) == []
    assert await store.search(["closer", "ever"], mode="phrase", limit=3) == []  # not adjacent
    assert [r.paragraph for r in await store.search(["ever", "closer"], mode="all", limit=3)] == [7]
    assert await store.search(["Trump's", "team"], mode="phrase", limit=3)  # apostrophe splits


async def test_any_word_ranks_few_matches_by_relevance(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="a", origin=None)
    found = await store.search(["wants", "objectives"], mode="any", limit=10)
    texts = [r.text for r in found]
    assert texts and all("wants" in t or "objectives" in t for t in texts)
    assert "wants" in texts[0] and "objectives" in texts[0]  # holds both: the best match


async def test_vocabulary_near_corrects_a_typo(loaded_store: Store) -> None:
    assert await loaded_store.vocabulary_near("tremendos", 1) == ["tremendous"]
    assert await loaded_store.vocabulary_near("Trémendous", 1) == ["tremendous"]  # folded
    assert await loaded_store.vocabulary_near("zzzzqqq", 3) == []


async def test_speakers_with_words_newest_first(loaded_store: Store) -> None:
    found = await loaded_store.speakers_with_words(["official"])
    assert found and all("official" in (s.name + " " + (s.role or "")).lower() for s in found)
    assert await loaded_store.speakers_with_words(["white", "house", "official"])
    assert await loaded_store.speakers_with_words([]) == []


async def test_caches_follow_writes_from_another_process(
    store_url: str, seed_summary: Summary
) -> None:
    reader, writer = await open_store(store_url), await open_store(store_url)
    try:
        assert await reader.search(["tremendous"], mode="all", limit=5) == []
        assert "rubio" not in await reader.speaker_names()
        assert await reader.vocabulary_near("tremendos", 1) == []
        await writer.put(seed_summary, content_hash="a", origin=None)

        async def sees_the_article() -> None:
            found = await reader.search(["tremendous", "progress"], mode="phrase", limit=5)
            assert [r.speaker_name for r in found] == ["A White House official"]

        await eventually(sees_the_article)  # SQLite: at once; PostgreSQL: at the NOTIFY
        names = await reader.speaker_names()
        assert "rubio" in names
        assert await reader.speaker_names() is names  # unchanged data: the same list
        assert await reader.vocabulary_near("tremendos", 1) == ["tremendous"]
        await writer.remove([seed_summary.article.id])

        async def forgets_the_article() -> None:
            assert "rubio" not in await reader.speaker_names()

        await eventually(forgets_the_article)
    finally:
        await reader.close()
        await writer.close()


async def test_reopening_keeps_the_data(store_url: str, seed_summary: Summary) -> None:
    first = await open_store(store_url)
    await first.put(seed_summary, content_hash="a", origin="file:/x.yaml")
    await first.close()
    again = await open_store(store_url)  # migrations already applied: nothing re-run
    try:
        assert [o.origin for o in await again.origins()] == ["file:/x.yaml"]
        assert (await again.summary(seed_summary.article.id)) == seed_summary
        assert await again.summary("nope") is None
    finally:
        await again.close()


async def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unsupported scheme 'mysql'"):
        await open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="expected sqlite:///"):
        await open_store("sqlite:")


async def test_unreachable_postgres_is_one_clear_line_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        await open_store("postgresql://bot:s3cret-pw@127.0.0.1:1/briefbot")
    message = str(caught.value)
    assert message.startswith("cannot connect to PostgreSQL at bot@127.0.0.1:1/briefbot")
    assert "s3cret-pw" not in message and "\n" not in message


async def test_disputed_answers_which_articles_record_disputes(
    store: Store, seed_summary: Summary
) -> None:
    """``disputed`` returns the summaries that record disputes, in the order asked, and
    follows replacements (both stores answer it from a partial index of disputed articles)."""
    assert seed_summary.sourcing.disputed
    calm_article = seed_summary.article.model_copy(update={"id": "calm"})
    calm_sourcing = seed_summary.sourcing.model_copy(update={"disputed": []})
    calm = seed_summary.model_copy(update={"article": calm_article, "sourcing": calm_sourcing})
    other = seed_summary.model_copy(
        update={"article": seed_summary.article.model_copy(update={"id": "other"})}
    )
    for summary in (seed_summary, calm, other):
        await store.put(summary, content_hash="a", origin=None)
    seed_id = seed_summary.article.id
    assert await store.disputed([]) == []
    assert await store.disputed(["calm", "missing"]) == []
    assert await store.disputed(["other", "calm", seed_id]) == [other, seed_summary]
    assert await store.disputed([seed_id, "other"]) == [seed_summary, other]
    quiet = seed_summary.model_copy(update={"sourcing": calm_sourcing})
    await store.put(quiet, content_hash="b", origin=None)  # its disputes taken out
    assert await store.disputed([seed_id, "other"]) == [other]
    await store.put(seed_summary, content_hash="c", origin=None)  # and back
    assert await store.disputed([seed_id]) == [seed_summary]
