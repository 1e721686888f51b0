"""The PostgreSQL speaker index: the same tables and rules as ``sqlite_speakers``, in batches.

A batch's speaker rows are folded in Python first (one upsert per key, name and word, with
the reference counts summed and the newest article's description kept), so a bulk import
costs a few statements per batch instead of several per speaker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.library import SpeakerRecord
from bot.core.summary import Summary
from bot.store.postgres_db import Connection
from bot.store.rows import SpeakerRow, published_key, speaker_rows

_COLUMNS = "k.key, k.name, k.is_person, k.anonymous, k.role, k.people, k.article_id"


@dataclass
class SpeakerDelta:
    """What a batch adds to (or takes from) the speaker index."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)  # speakers table rows
    keys: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # newest description
    refs: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str]] = field(default_factory=Counter)
    words: Counter[tuple[str, str]] = field(default_factory=Counter)
    latest: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def add(self, summary: Summary) -> None:
        """Count an article's speakers in; later or newer articles describe a key."""
        article_id, published = summary.article.id, published_key(summary)
        for row in speaker_rows(summary):
            self.rows.append(_speaker_row(article_id, row))
            described = (row.name, row.is_person, row.anonymous, row.role, row.people,
                         None if row.is_person else article_id, published)  # fmt: skip
            held = self.keys.get(row.key)
            if held is None or published >= held[-1]:
                self.keys[row.key] = described
            self.refs[row.key] += 1
            self._count("n", self.names, row.name_keys, row.key, published)
            self._count("w", self.words, row.words, row.key, published)

    def remove(self, summary: Summary) -> None:
        """Count an article's speakers out (its ``speakers`` rows cascade away)."""
        for row in speaker_rows(summary):
            self.refs[row.key] += 1
            for value in row.name_keys:
                self.names[(value, row.key)] += 1
            for value in row.words:
                self.words[(value, row.key)] += 1

    def _count(
        self,
        table: str,
        counts: Counter[tuple[str, str]],
        values: Iterable[str],
        key: str,
        published: str,
    ) -> None:
        for value in values:
            counts[(value, key)] += 1
            spot = (table, value, key)
            self.latest[spot] = max(self.latest.get(spot, published), published)


def _speaker_row(article_id: str, row: SpeakerRow) -> tuple[Any, ...]:
    return (article_id, row.local_id, row.key, row.name, row.is_person, row.anonymous,
            row.role, row.people)  # fmt: skip


async def unindex_speakers(db: Connection, delta: SpeakerDelta) -> None:
    """Take removed articles' speakers out of the counts, deleting rows nobody references."""
    for table, column, counts in (
        ("speaker_names", "name_key", delta.names),
        ("speaker_words", "word", delta.words),
    ):
        ordered = sorted(counts.items())
        values = [v for (v, _), _ in ordered]
        keys = [k for (_, k), _ in ordered]
        amounts = [n for _, n in ordered]
        await db.execute(
            f"UPDATE {table} t SET refs = t.refs - d.n FROM unnest(%s::text[], %s::text[],"
            f" %s::int[]) AS d(v, k, n) WHERE t.{column} = d.v AND t.key = d.k",
            (values, keys, amounts),
        )
        await db.execute(f"DELETE FROM {table} WHERE refs <= 0 AND key = ANY(%s)", (keys,))
    ordered_keys = sorted(delta.refs.items())
    await db.execute(
        "UPDATE speaker_keys t SET refs = t.refs - d.n FROM unnest(%s::text[], %s::int[])"
        " AS d(k, n) WHERE t.key = d.k",
        ([k for k, _ in ordered_keys], [n for _, n in ordered_keys]),
    )
    await db.execute(
        "DELETE FROM speaker_keys WHERE refs <= 0 AND key = ANY(%s)",
        ([k for k, _ in ordered_keys],),
    )


async def index_speakers(db: Connection, delta: SpeakerDelta) -> None:
    """Add a batch's speakers: rows, identities (newest description wins), names and words."""
    async with db.cursor() as cursor:
        await cursor.executemany(
            "INSERT INTO speakers (article_id, local_id, key, name, is_person, anonymous, role,"
            " people) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            delta.rows,
        )
    keys = sorted(delta.keys)
    described = [delta.keys[k] for k in keys]
    await db.execute(
        "INSERT INTO speaker_keys (key, name, is_person, anonymous, role, people, article_id,"
        " latest, refs) SELECT * FROM unnest(%s::text[], %s::text[], %s::bool[], %s::bool[],"
        " %s::text[], %s::int[], %s::text[], %s::text[], %s::int[])"
        " ON CONFLICT (key) DO UPDATE SET refs = speaker_keys.refs + excluded.refs,"
        " name = CASE WHEN excluded.latest >= speaker_keys.latest THEN excluded.name"
        " ELSE speaker_keys.name END,"
        " role = CASE WHEN excluded.latest >= speaker_keys.latest THEN excluded.role"
        " ELSE speaker_keys.role END,"
        " people = CASE WHEN excluded.latest >= speaker_keys.latest THEN excluded.people"
        " ELSE speaker_keys.people END,"
        " latest = GREATEST(speaker_keys.latest, excluded.latest)",
        (keys, *[[d[i] for d in described] for i in range(7)], [delta.refs[k] for k in keys]),
    )
    for table, column, tag, counts in (
        ("speaker_names", "name_key", "n", delta.names),
        ("speaker_words", "word", "w", delta.words),
    ):
        ordered = sorted(counts.items())
        await db.execute(
            f"INSERT INTO {table} ({column}, key, latest, refs) SELECT * FROM"
            " unnest(%s::text[], %s::text[], %s::text[], %s::int[])"
            f" ON CONFLICT ({column}, key) DO UPDATE SET refs = {table}.refs + excluded.refs,"
            f" latest = GREATEST({table}.latest, excluded.latest)",
            (
                [v for (v, _), _ in ordered],
                [k for (_, k), _ in ordered],
                [delta.latest[(tag, v, k)] for (v, k), _ in ordered],
                [n for _, n in ordered],
            ),
        )


FIND_NAMED = (
    f"SELECT {_COLUMNS}, n.name_key FROM speaker_names n JOIN speaker_keys k ON k.key = n.key"
    " WHERE n.name_key = %s ORDER BY n.latest DESC, n.key LIMIT %s"
)


def find_with_words_sql(words: Sequence[str]) -> tuple[str, list[str]]:
    """Speakers holding every word, newest first: the longest word's rows are walked in
    order and each other word is a primary-key probe (as in ``sqlite_speakers``)."""
    unique = sorted(dict.fromkeys(words), key=len, reverse=True)
    probes = "".join(
        " AND EXISTS (SELECT 1 FROM speaker_words o WHERE o.word = %s AND o.key = w.key)"
        for _ in unique[1:]
    )
    sql = (
        f"SELECT {_COLUMNS}, '' FROM speaker_words w JOIN speaker_keys k ON k.key = w.key"
        f" WHERE w.word = %s{probes} ORDER BY w.latest DESC, w.key LIMIT %s"
    )
    return sql, unique


def speaker_record(row: Sequence[Any]) -> SpeakerRecord:
    """A row of ``_COLUMNS`` plus the matched name as a record."""
    key, name, is_person, anonymous, role, people, article_id, matched = row
    return SpeakerRecord(
        key=key,
        name=name,
        is_person=bool(is_person),
        anonymous=bool(anonymous),
        role=role,
        count=people,
        article_id=article_id,
        matched=matched,
    )
