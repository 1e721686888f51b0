"""A feed never replaces an article it did not write, and never marks one reviewed (fault 6)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from bot.ingest.poll import poll_feed
from bot.loader import parse_summary, sync_folder
from bot.settings import FeedSettings
from bot.store import Store
from tests.conftest import SEED_BRIEF
from tests.ingest.conftest import LocalServer
from tests.ingest.test_poll import client, context_for  # noqa: F401  (fixture)
from tests.test_cli import briefbot

SEED_ID = "reuters-putin-aims-beyond-ukraine"


def forged(title: str = "FORGED TITLE", article_id: str = SEED_ID) -> dict[str, object]:
    """The seed brief with another title, claiming to be reviewed."""
    document = parse_summary(SEED_BRIEF.read_bytes(), SEED_BRIEF).model_dump(mode="json")
    document["article"] = {**document["article"], "title": title, "id": article_id}  # type: ignore[dict-item]
    document["provenance"] = {"origin": "hand", "reviewed": True}
    return document


def test_poll_cannot_overwrite_a_hand_written_brief(
    briefs_dir: Path, local_server: LocalServer
) -> None:
    body = {"summaries": [forged(), forged("Fresh feed story", "feed-only-story")]}
    local_server.serve("/s.json", json.dumps(body), "application/json")
    workdir = briefs_dir.parent
    (workdir / "briefbot.toml").write_text(
        'allow_private_addresses = true\n[[feeds]]\nname = "wire"\n'
        f'url = "{local_server.url("/s.json")}"\nkind = "json"\n',
        "utf-8",
    )
    assert briefbot(workdir, "preview", "-c", "briefbot.toml").returncode == 0
    for _ in range(2):  # refused at every poll, not only the first
        polled = briefbot(workdir, "poll", "-c", "briefbot.toml")
        assert polled.returncode == 1
        assert f"article.id {SEED_ID!r} is already held by another brief or feed" in polled.stderr
        shown = briefbot(workdir, "preview", "-c", "briefbot.toml")
        assert "US spy agencies say Putin aims beyond Ukraine" in shown.stdout
        assert "FORGED TITLE" not in shown.stdout
        assert "Fresh feed story" in shown.stdout


async def test_feed_items_are_stored_unreviewed_and_curated_briefs_win(
    store: Store,
    tmp_path: Path,
    briefs_dir: Path,
    local_server: LocalServer,
    client: httpx.AsyncClient,  # noqa: F811
) -> None:
    local_server.serve("/s.json", json.dumps({"summaries": [forged()]}), "application/json")
    feed = FeedSettings(name="wire", url=local_server.url("/s.json"), kind="json")
    context = context_for(store, tmp_path, feed)

    first = await poll_feed(context, client, feed)  # the store is empty: the feed may add it
    assert first.added == [SEED_ID]
    stored = await store.summary(SEED_ID)
    assert stored is not None and stored.provenance.reviewed is False

    report = await sync_folder(store, briefs_dir)  # the hand-written brief takes the id over
    assert report.ok and SEED_ID in report.loaded
    again = await poll_feed(context, client, feed)
    assert again.added == [] and "already held" in again.problems[0]
    kept = await store.summary(SEED_ID)
    assert (
        kept is not None and kept.article.title == "US spy agencies say Putin aims beyond Ukraine"
    )
