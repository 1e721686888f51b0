"""``briefbot migrate-store``: a SQLite install copied into PostgreSQL, verified, re-runnable."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bot.core.answers import said, who
from bot.extract import extract_summary
from bot.loader import sync_folder
from bot.store import open_store
from bot.store.feeds import FeedState
from bot.store.ledger import (
    ChannelHealth,
    Claim,
    DeliveryStatus,
    Outcome,
    SlotKey,
    Subscription,
)

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2025, 12, 20, 7, 0, 2, 500, tzinfo=dt.UTC)
SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)


def migrate(source: str, target: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "BRIEFBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "migrate-store", "--from", source, "--to", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


async def make_install(path: Path, briefs_dir: Path) -> None:
    """A SQLite store as a running bot leaves it: articles, ledger, subscriptions, feeds."""
    store = await open_store(f"sqlite:///{path}")
    try:
        assert (await sync_folder(store, briefs_dir)).ok
        for n in range(3):
            key = SlotKey("morning", f"slack:C{n}", SLOT)
            claim = Claim("host:1:x", NOW + dt.timedelta(minutes=2), NOW)
            assert await store.insert_delivery(key, f"dk{n}", claim)
            if n:
                outcome = Outcome(DeliveryStatus.DELIVERED, 1, message_id=f"m{n}")
                assert await store.finish_delivery(key, "host:1:x", outcome, NOW)
        missed = SlotKey("morning", "slack:C0", SLOT - dt.timedelta(days=1))
        assert await store.record_missed([(missed, "dk-missed")], "down", NOW) == 1
        await store.put_subscription(
            Subscription("discord:7", "0 9 * * 1-5", "Asia/Tokyo", "u1", NOW)
        )
        await store.mark_failing(ChannelHealth("slack:C9", "forbidden", "403 from Slack", NOW))
        await store.set_schedule_mark("morning", NOW)
        await store.save_feed_state(
            FeedState("courier", "https://x.example/rss", '"e1"', None, NOW)
        )
        await store.mark_entry("courier", "guid-1", "https://x.example/1", "a1")
    finally:
        await store.close()


async def test_copy_verifies_and_answers_alike_and_is_safe_to_rerun(
    tmp_path: Path, briefs_dir: Path, postgres_url: str
) -> None:
    source_path = tmp_path / "old.sqlite3"
    await make_install(source_path, briefs_dir)
    source_url = f"sqlite:///{source_path}"
    first = migrate(source_url, postgres_url)
    assert first.returncode == 0, first.stderr
    assert "articles: 3 in source, 3 in target, 3 written: ok" in first.stdout
    assert "deliveries: 4 in source, 4 in target, 4 written: ok" in first.stdout
    assert "s3cret" not in first.stdout + first.stderr

    old, new = await open_store(source_url), await open_store(postgres_url)
    try:
        assert await new.deliveries(limit=10) == await old.deliveries(limit=10)
        assert await new.subscriptions() == await old.subscriptions()
        assert await new.failing_channels() == await old.failing_channels()
        assert await new.schedule_mark("morning") == await old.schedule_mark("morning")
        assert await new.feed_state("courier") == await old.feed_state("courier")
        known = await new.known_entries("courier", ["guid-1"], ["https://x.example/1"])
        assert known.ids == {"guid-1"} and known.links == {"https://x.example/1"}
        for question in ("Rubio", "white house official", "Keller", "Zelensky"):
            assert await who(new, question) == await who(old, question)
        for words in ("tremendous progress", "closer than ever", "the war", "tremendos"):
            assert await said(new, words) == await said(old, words)

        # The old install went on a little: one delivery finished, a subscription changed.
        key = SlotKey("morning", "slack:C0", SLOT)
        done = Outcome(DeliveryStatus.DELIVERED, 2, message_id="m0")
        assert await old.finish_delivery(key, "host:1:x", done, NOW)
        await old.put_subscription(Subscription("discord:7", "0 7 * * *", "UTC", "u2", NOW))
    finally:
        await old.close()
        await new.close()

    again = migrate(source_url, postgres_url)
    assert again.returncode == 0, again.stderr
    assert "articles: 3 in source, 3 in target, 0 written: ok" in again.stdout
    assert "deliveries: 4 in source, 4 in target, 4 written: ok" in again.stdout
    new = await open_store(postgres_url)
    try:
        row = await new.delivery(SlotKey("morning", "slack:C0", SLOT))
        assert row is not None and (row.status, row.message_id) == (DeliveryStatus.DELIVERED, "m0")
        sub = await new.subscription("discord:7")
        assert sub is not None and sub.cron == "0 7 * * *"
        assert len(await new.articles()) == 3
    finally:
        await new.close()


async def test_bad_arguments_are_one_clear_line(tmp_path: Path, postgres_url: str) -> None:
    missing = migrate(f"sqlite:///{tmp_path / 'nope.sqlite3'}", postgres_url)
    assert missing.returncode == 2
    assert (
        missing.stderr.strip()
        == f"error: --from: no SQLite database at {tmp_path / 'nope.sqlite3'}"
    )
    assert not (tmp_path / "nope.sqlite3").exists()  # the source is never created
    wrong = migrate(postgres_url, postgres_url)
    assert wrong.returncode == 2 and "the source must be sqlite:///" in wrong.stderr
    (tmp_path / "x.sqlite3").write_bytes(b"")
    target = migrate(f"sqlite:///{tmp_path / 'x.sqlite3'}", "mysql://h/db")
    assert target.returncode == 2 and "the target must be postgresql://" in target.stderr
    unreachable = migrate(
        f"sqlite:///{tmp_path / 'x.sqlite3'}", "postgresql://u:s3cret@127.0.0.1:1/db"
    )
    assert unreachable.returncode == 2
    assert "not a briefbot SQLite store" in unreachable.stderr  # source checked first
    good = tmp_path / "good.sqlite3"
    await (await open_store(f"sqlite:///{good}")).close()
    down = migrate(f"sqlite:///{good}", "postgresql://u:s3cret@127.0.0.1:1/db")
    assert down.returncode == 2 and "s3cret" not in down.stderr
    assert down.stderr.startswith("error: cannot connect to PostgreSQL at u@127.0.0.1:1/db: ")
    assert len(down.stderr.strip().splitlines()) == 1


async def test_copy_carries_each_statements_confidence(tmp_path: Path, postgres_url: str) -> None:
    """A guessed speaker stays "probably X" after migrate-store (made-up article)."""
    text = (
        "Harbour council backs the ferry plan\n\n"
        "Council leader Maria Lund opened the debate on Tuesday.\n\n"
        '"This is the day the islands stop being an afterthought," said Maria Lund.\n\n'
        '"We have waited long enough for a boat that runs on time," she said.\n'
    )
    source_path = tmp_path / "old.sqlite3"
    old = await open_store(f"sqlite:///{source_path}")
    try:
        await old.put(extract_summary(text, article_id="ferry"), content_hash="h", origin=None)
    finally:
        await old.close()
    result = migrate(f"sqlite:///{source_path}", postgres_url)
    assert result.returncode == 0, result.stderr
    new = await open_store(postgres_url)
    try:
        keys = [s.key for s in await new.speakers_named("maria lund")]
        found = {r.text.split()[0]: r.speaker_shown for r in await new.statements_of(keys, 5)}
        assert found == {"This": "Maria Lund", "We": "probably Maria Lund"}
    finally:
        await new.close()
