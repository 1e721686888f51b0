"""SQLite and PostgreSQL give the same answers on the same data.

A seeded generator writes a few hundred articles whose words follow a Zipf-like weight (a
few words in most statements, as in news), with shared surnames, equal publication times,
replacements and removals, into both stores. Then every kind of question is asked of both,
from the store's own methods up to the core's ``who`` and ``said``, and the answers must be
equal: same records, same order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from bot.core.answers import said, who
from bot.core.library import SearchMode
from bot.core.summary import Summary
from bot.core.text import name_key, search_words
from bot.store import Store, open_store
from bot.store.postgres import PostgresStore
from bot.store.postgres_search import Vocabulary
from tests.store.backends import PostgresServer

pytestmark = pytest.mark.asyncio(loop_scope="module")

ARTICLES = 240
STATEMENTS = 8
FIRST = ["Anna", "Marco", "Li", "Omar", "Sofia", "Pavel", "Grace", "Ines"]
LAST = ["Berg", "Ruiz", "Novak", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Costa", "Haddad"]
SOURCES = ["a senior official", "two people familiar with the matter", "an aide", "one source"]


# Words pg_trgm splits or hashes unlike the core's trigrams (other scripts, mixed scripts):
# typo correction must treat them as SQLite does too.
FOREIGN = ["дом", "домик", "москва", "αθηνα", "modelь", "kievа", "stadtзал"]


def vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefgiklmnoprstuv"
    made = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(400)}
    return sorted(made | set(FOREIGN))


def generate(seed: int = 3) -> tuple[list[Summary], list[str]]:
    """Articles (in the order to write them) and sample texts of their statements."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    people = [f"{first} {last}" for first in FIRST for last in LAST]
    base = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    summaries, texts = [], []
    for number in range(ARTICLES):
        speakers = rng.sample(people, 3)
        lines = [
            " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(4, 16)))
            + rng.choice(["", ".", ", she said", " don't"])
            for _ in range(STATEMENTS)
        ]
        texts += lines
        summaries.append(
            Summary.model_validate(
                {
                    "article": {
                        "id": f"a{number:03d}",
                        "title": f"Story {number}",
                        "published": base + dt.timedelta(hours=number // 4),  # ties
                        "topics": [rng.choice(["energy", "trade", "war"])],
                    },
                    "lede": "Generated.",
                    "key_points": ["Generated."],
                    "people": [
                        {"id": f"p{i}", "name": name, "role": rng.choice(["Official", "Minister"])}
                        for i, name in enumerate(speakers)
                    ],
                    "sources": [{"id": "s", "name": rng.choice(SOURCES), "kind": "anonymous"}],
                    "statements": [
                        {
                            "speaker": rng.choice(["p0", "p1", "p2", "s"]),
                            "text": text,
                            "kind": rng.choice(["direct", "partial", "indirect"]),
                            "paragraph": position + 1,
                        }
                        for position, text in enumerate(lines)
                    ],
                }
            )
        )
    return summaries, texts


async def fill(store: Store, summaries: list[Summary]) -> None:
    """Batches, then replacements (fewer statements) and removals, as a store lives."""
    for start in range(0, len(summaries), 40):
        await store.put_many(
            [(s, "v1", f"file:/{s.article.id}") for s in summaries[start : start + 40]]
        )
    for summary in summaries[::7]:
        shorter = summary.model_copy(update={"statements": summary.statements[:3]})
        await store.put(shorter, content_hash="v2", origin=f"file:/{summary.article.id}")
    await store.remove([s.article.id for s in summaries[3::11]])


@pytest.fixture(scope="module")
def data() -> tuple[list[Summary], list[str]]:
    return generate()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stores(
    tmp_path_factory: pytest.TempPathFactory,
    postgres_server: PostgresServer,
    data: tuple[list[Summary], list[str]],
) -> AsyncIterator[tuple[Store, Store]]:
    """Both stores filled alike, once for the module (filling them takes seconds)."""
    postgres_server.empty()
    folder = tmp_path_factory.mktemp("parity")
    sqlite = await open_store(f"sqlite:///{folder / 'p.sqlite3'}")
    postgres = await open_store(postgres_server.url)
    try:
        for store in (sqlite, postgres):
            await fill(store, data[0])
        yield sqlite, postgres
    finally:
        await sqlite.close()
        await postgres.close()


def phrases(texts: list[str], rng: random.Random, count: int) -> list[list[str]]:
    """Word runs taken from statements, their reversals, and single words."""
    found = []
    for text in rng.sample(texts, count):
        tokens = search_words(text)
        start = rng.randrange(max(1, len(tokens) - 2))
        run = tokens[start : start + rng.randint(1, 4)]
        found += [run, run[::-1]]
    return found


async def both(stores: tuple[Store, Store], method: str, *args: Any, **kwargs: Any) -> Any:
    sqlite, postgres = stores
    expected = await getattr(sqlite, method)(*args, **kwargs)
    assert await getattr(postgres, method)(*args, **kwargs) == expected, (method, args, kwargs)
    return expected


async def test_search_gives_the_same_statements_in_the_same_order(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    rng = random.Random(5)
    hits = 0
    modes: tuple[SearchMode, ...] = ("phrase", "all", "any")
    for run in phrases(data[1], rng, 60):
        for mode in modes:
            for limit in (3, 50):
                hits += bool(await both(stores, "search", run, mode=mode, limit=limit))
    assert hits > 200  # the queries found things: the comparison is not of empty lists
    assert await both(stores, "search", ["nosuchword"], mode="any", limit=5) == []


async def test_speakers_words_and_typos_are_the_same(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    for name in ["Anna Berg", "Berg", "Okafor", "senior official", "aide", "official"]:
        await both(stores, "speakers_named", name_key(name))
    for words in (["official"], ["minister"], ["senior", "official"], ["berg"], ["people"]):
        found = await both(stores, "speakers_with_words", words)
        assert found or words == ["people"]
    assert sorted(await stores[0].speaker_names()) == sorted(await stores[1].speaker_names())
    rng = random.Random(9)
    for text in rng.sample(data[1], 40):
        word = max(search_words(text), key=len)
        typo = word[:1] + word[2:3] + word[1:2] + word[3:] if len(word) > 4 else word + "x"
        await both(stores, "vocabulary_near", typo, 1)
        await both(stores, "vocabulary_near", typo, 5)
    keys = [s.key for s in await stores[0].speakers_named("berg")]
    await both(stores, "statements_of", keys, 7)
    await both(stores, "count_statements_of", keys)
    await both(stores, "latest", 5, ["energy"])
    await both(stores, "articles")
    assert sorted(await stores[0].origins(), key=str) == sorted(await stores[1].origins(), key=str)


async def test_who_and_said_answer_alike(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    sqlite, postgres = stores
    rng = random.Random(13)
    questions = ["Anna Berg", "Berg", "Okafr", "senior official", "Nobody Here", "minister"]
    for question in questions:
        assert await who(postgres, question) == await who(sqlite, question), question
    for run in phrases(data[1], rng, 30):
        text = " ".join(run)
        assert await said(postgres, text) == await said(sqlite, text), text
        typo = text[:2] + text[3:] if len(text) > 6 else text
        assert await said(postgres, typo) == await said(sqlite, typo), typo


def misspellings(word: str) -> list[str]:
    """A word with neighbours swapped, a letter dropped, doubled or changed, and cut short."""
    found = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    found += [word[:i] + word[i + 1 :] for i in range(len(word))]
    found += [word[:i] + word[i] + word[i:] for i in range(len(word))]
    found += [word[:i] + "x" + word[i + 1 :] for i in range(len(word))]
    return found + [word[:3], word + "s"]


async def test_typo_corrections_are_the_same_for_short_long_and_foreign_words(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    """The PostgreSQL store finds candidates with pg_trgm where it can; corrections must
    still be SQLite's, for every kind of misspelling, at every length, in any script."""
    rng = random.Random(17)
    words = sorted({w for text in data[1] for w in search_words(text)})
    sample = rng.sample(words, 40) + [w for w in FOREIGN if w in words]
    corrected = 0
    for word in sample:
        for typo in misspellings(word):
            for limit in (1, 5):
                corrected += bool(await both(stores, "vocabulary_near", typo, limit))
    assert corrected > 1000
    for query in ["", "a", "ab", "дм", "mode", "modell", "Дом", "ÀTHENS", "kiev-a"]:
        await both(stores, "vocabulary_near", query, 5)


async def test_a_stored_word_is_its_own_correction_on_both_stores(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    """The PostgreSQL store answers a one-word lookup of a word it holds without looking
    (the word itself: the only one with fuzz.ratio 100); SQLite looks, and must agree, for
    words of any length and script, as typed or in capitals."""
    rng = random.Random(23)
    words = sorted({w for text in data[1] for w in search_words(text)})
    for word in rng.sample(words, 200) + [w for w in FOREIGN if w in words]:
        for query in (word, word.upper()):
            assert await both(stores, "vocabulary_near", query, 1) == [word], query


async def test_pg_trgm_alone_corrects_typos_as_sqlite_does(
    stores: tuple[Store, Store], data: tuple[list[Summary], list[str]]
) -> None:
    """The store asks pg_trgm only until its in-process index is built; here pg_trgm answers
    every lookup (the path right after a write), and must agree with SQLite all the same."""
    sqlite, postgres = stores
    assert isinstance(postgres, PostgresStore)
    database = postgres._database  # the store's own pool: the same server and data
    vocabulary = Vocabulary("public", in_process=False)
    rng = random.Random(19)
    words = sorted({w for text in data[1] for w in search_words(text)})
    corrected = 0
    for word in rng.sample(words, 40) + FOREIGN:
        for typo in misspellings(word):
            for limit in (1, 5):
                near = await vocabulary.near(database, (False, 0), typo, limit)
                assert near == await sqlite.vocabulary_near(typo, limit), (typo, limit)
                corrected += bool(near)
    assert corrected > 1000
