"""The full-text index splits and folds words exactly as queries do (migration 0007)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.core.answers import SaidAnswer, SpeakerAnswer, answer
from bot.core.commands import parse
from bot.core.summary import Summary
from bot.store import Store, open_store
from bot.store import sqlite as sqlite_store
from bot.store.migrations import Migration, migrations
from tests.conftest import NOW

GDANSK = Summary.model_validate(
    {
        "article": {"id": "gdansk", "title": "Veterans meet", "published": "2025-12-17"},
        "lede": "Veterans met.",
        "key_points": ["Veterans met."],
        "people": [{"id": "lw", "name": "Lech Wałęsa", "role": "Former Polish president"}],
        "statements": [
            {
                "speaker": "lw",
                "kind": "direct",
                "paragraph": 1,
                "text": "We marched down the Hauptstraße together; Øresund was far away.",
            }
        ],
    }
)


async def _ask(store: Store, text: str) -> object:
    return await answer(parse(text), store, now=NOW)


@pytest.mark.parametrize("query", ["said Hauptstraße", "said hauptstrasse", "said oresund"])
async def test_said_finds_words_with_letters_nfkd_keeps(store: Store, query: str) -> None:
    await store.put(GDANSK, content_hash="h", origin=None)
    reply = await _ask(store, query)
    assert isinstance(reply, SaidAnswer) and reply.matches[0].exact
    assert reply.matches[0].statement.speaker_name == "Lech Wałęsa"


async def test_who_walesa_finds_walesa_exactly(store: Store) -> None:
    await store.put(GDANSK, content_hash="h", origin=None)
    reply = await _ask(store, "who Walesa")
    assert isinstance(reply, SpeakerAnswer) and not reply.approximate
    assert reply.speakers[0].name == "Lech Wałęsa"


async def test_a_phrase_across_folded_letters_is_exact(store: Store) -> None:
    await store.put(GDANSK, content_hash="h", origin=None)
    reply = await _ask(store, "said marched down the hauptstrasse together")
    assert isinstance(reply, SaidAnswer) and reply.matches[0].exact


async def test_migration_0007_rebuilds_an_older_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store written before 0007 (unicode61 index) answers the folded words once reopened."""
    path = tmp_path / "old.sqlite3"

    def before_0007(dialect: str) -> list[Migration]:
        # The confidence column (0008) is written by today's put: the old store has it too.
        return [m for m in migrations(dialect) if m.version < 7 or m.version == 8]

    monkeypatch.setattr(sqlite_store, "migrations", before_0007)
    old = await open_store(f"sqlite:///{path}")
    await old.put(GDANSK, content_hash="h", origin=None)
    assert await old.search(["hauptstrasse"], mode="all", limit=5) == []  # the old index
    await old.close()
    monkeypatch.undo()

    store = await open_store(f"sqlite:///{path}")
    try:
        found = await store.search(["hauptstrasse"], mode="phrase", limit=5)
        assert [r.speaker_name for r in found] == ["Lech Wałęsa"]
        assert await store.search(["walesa"], mode="any", limit=5) == []  # names: not words
        reply = await _ask(store, "said we marched down")
        assert isinstance(reply, SaidAnswer) and reply.matches[0].exact
    finally:
        await store.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT COUNT(*) FROM reindex_pending").fetchone() == (0,)
    terms = dict(db.execute("SELECT term, docs FROM terms").fetchall())
    assert terms["hauptstrasse"] == 1 and "hauptstraße" not in terms
    db.close()
