"""Review flags through the store: a guessed speaker is "probably X" in every answer.

The store keeps each statement's ``confidence`` (SQLite migration 0008, PostgreSQL 0007), so
that who/said answers read from the index flag a guess just as the quotes answer, read from
the summary, does; console, Slack and Discord all show it from ``StatementRecord``.
Every test here runs as ``[sqlite]`` and ``[postgres]`` (see ``backends.py``).
"""

from __future__ import annotations

import json
import sqlite3

import psycopg

from bot.adapters.console.render import render as console
from bot.adapters.discord.render import render as discord_embeds
from bot.adapters.slack.render import render as slack_messages
from bot.core.answers import QuotesAnswer, SaidAnswer, SpeakerAnswer, answer, quotes
from bot.core.commands import parse
from bot.core.questions import answer_text
from bot.core.replies import Answer
from bot.core.summary import Confidence, Summary
from bot.extract import extract_summary
from bot.store import open_store
from bot.store.base import Store
from tests.conftest import NOW

# Made up: a named quote, a pronoun one, a carried one, then a second article by put_many.
FERRY = (
    "Harbour council backs the ferry plan\n\n"
    "Council leader Maria Lund opened the debate on Tuesday.\n\n"
    '"This is the day the islands stop being an afterthought," said Maria Lund.\n\n'
    '"We have waited long enough for a boat that runs on time," she said.\n\n'
    '"The timetable will be ready by the spring and the fares will stay low."\n'
)
PIERS = (
    "Piers to be rebuilt before winter\n\n"
    "Harbour master Piet Olsen inspected the piers on Monday.\n\n"
    '"Every plank on the north pier has to go before the storms arrive," he said.\n'
)


def ferry() -> Summary:
    return extract_summary(FERRY, article_id="ferry", published=NOW.date())


def piers() -> Summary:
    return extract_summary(PIERS, article_id="piers", published=NOW.date())


def everywhere(reply: Answer) -> list[str]:
    """The answer as each platform shows it: console text, Slack blocks, Discord embeds."""
    slack = json.dumps([m.payload() for m in slack_messages(reply)], ensure_ascii=False)
    discord = json.dumps([e.to_dict() for e in discord_embeds(reply)], ensure_ascii=False)
    return [console(reply), slack, discord]


async def test_statements_keep_their_confidence(store: Store) -> None:
    await store.put(ferry(), content_hash="a", origin=None)
    await store.put_many([(piers(), "b", None)])
    lund = [s.key for s in await store.speakers_named("maria lund")]
    found = {r.text.split()[0]: r.confidence for r in await store.statements_of(lund, 10)}
    assert found == {
        "This": Confidence.NAMED,
        "We": Confidence.PRONOUN,
        "The": Confidence.CARRIED,
    }
    (plank,) = await store.search(["plank"], mode="any", limit=5)
    assert (plank.speaker_name, plank.confidence) == ("Piet Olsen", Confidence.PRONOUN)
    assert plank.speaker_shown == "probably Piet Olsen"


async def test_who_and_said_show_a_guess_as_probably_on_every_platform(store: Store) -> None:
    await store.put(ferry(), content_hash="a", origin=None)
    who = await answer(parse("who Maria Lund"), store, now=NOW)
    assert isinstance(who, SpeakerAnswer)
    shown = {r.text.split()[0]: r.speaker_shown for r in who.statements}
    assert shown == {
        "This": "Maria Lund",
        "We": "probably Maria Lund",
        "The": "probably Maria Lund",
    }
    for text in everywhere(who):
        assert text.count("probably Maria Lund") == 2, text

    said = await answer(parse("said waited long enough for a boat"), store, now=NOW)
    assert isinstance(said, SaidAnswer)
    assert said.matches[0].statement.speaker_shown == "probably Maria Lund"
    for text in everywhere(said):
        assert "probably Maria Lund" in text, text

    named = await answer(parse("said the islands stop being an afterthought"), store, now=NOW)
    assert isinstance(named, SaidAnswer)
    for text in everywhere(named):
        assert "probably" not in text and "Maria Lund" in text


async def test_plain_language_questions_and_quotes_flag_the_same_statements(store: Store) -> None:
    await store.put(ferry(), content_hash="a", origin=None)
    asked = await answer_text(store, "what did Maria Lund say?", now=NOW)
    assert isinstance(asked, SpeakerAnswer)
    guessed = {r.text for r in asked.statements if r.low_confidence}
    reply = await answer_text(store, "who said the timetable will be ready by the spring?", now=NOW)
    assert isinstance(reply, SaidAnswer)
    assert reply.matches[0].statement.speaker_shown == "probably Maria Lund"

    listed = await quotes(store, "ferry")
    assert isinstance(listed, QuotesAnswer)
    groups = {g.name: {r.text for r in g.statements} for g in listed.groups}
    assert groups["probably Maria Lund"] == guessed  # the same two, from the summary
    assert len(groups["Maria Lund"]) == 1
    for text in everywhere(listed):
        assert "probably Maria Lund" in text


async def test_a_written_brief_has_no_flag(store: Store, seed_summary: Summary) -> None:
    await store.put(seed_summary, content_hash="a", origin=None)
    found = await store.search(["progress"], mode="any", limit=20)
    assert found and all(r.confidence is None and not r.low_confidence for r in found)
    assert all(r.speaker_shown == r.speaker_name for r in found)


async def test_rows_written_before_the_migration_read_as_named(store_url: str) -> None:
    """A store from before the confidence column: reopened, its rows are NULL (as named)."""
    store = await open_store(store_url)
    await store.put(ferry(), content_hash="a", origin=None)
    await store.close()
    if store_url.startswith("sqlite"):
        db = sqlite3.connect(store_url.removeprefix("sqlite:///"))
        db.execute("ALTER TABLE statements DROP COLUMN confidence")
        db.execute("DELETE FROM schema_migrations WHERE version = 8")
        db.commit()
        db.close()
    else:
        with psycopg.connect(store_url, autocommit=True) as db:
            db.execute("ALTER TABLE statements DROP COLUMN confidence")
            db.execute("DELETE FROM schema_migrations WHERE version = 7")
    store = await open_store(store_url)
    try:
        who = await answer(parse("who Maria Lund"), store, now=NOW)
        assert isinstance(who, SpeakerAnswer) and len(who.statements) == 3
        assert all(r.confidence is None for r in who.statements)
        await store.put(piers(), content_hash="b", origin=None)  # new rows carry it again
        (plank,) = await store.search(["plank"], mode="any", limit=5)
        assert plank.confidence is Confidence.PRONOUN
    finally:
        await store.close()
