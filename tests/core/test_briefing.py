"""Briefings: content, order, and the character budget that drops whole pieces only."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.briefing import (
    Budget,
    compose_briefing,
    item_lines,
    item_size,
    make_item,
    select_articles,
)
from bot.core.summary import Summary
from bot.core.text import first_sentence

NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)


def test_seed_item_has_the_product_example_parts(seed_summary: Summary) -> None:
    briefing = compose_briefing([seed_summary], now=NOW, title="Morning briefing")
    assert briefing.heading == "Morning briefing · Sat 20 Dec 2025"
    (item,) = briefing.items
    assert item.credit == "Reuters, Tamilla Hasanova"
    assert [q.speaker for q in item.quotes] == ["Quigley", "Zelenskyy", "Rubio"]
    assert item.quotes[0].words == "The intelligence has always been that Putin wants more"
    assert item.quotes[2].words.endswith("take the whole country…")
    assert item.no_comment == ("ODNI", "CIA", "Russian embassy")
    assert item.disputed == ("Guarantees tied to Ukraine ceding territory",)
    assert "Russia holds ~20% of Ukraine" in item.figures
    assert len(item.points) == 2  # the third point gave way to the notes


def test_items_never_exceed_the_item_budget_and_quotes_stay_whole(seed_summary: Summary) -> None:
    for limit in (200, 300, 450, 600, 900):
        item = compose_briefing([seed_summary], now=NOW, budget=Budget(limit, 10_000)).items[0]
        assert item_size(item) <= limit or (len(item.points) == 1 and not item.quotes)
        originals = [s.text for s in seed_summary.statements]
        for quote in item.quotes:
            words = quote.words.removesuffix("…")
            assert any(text.startswith(words) for text in originals), quote.words
        assert all(point in seed_summary.key_points for point in item.points)


def test_total_budget_shortens_items_then_drops_whole_ones(seed_summary: Summary) -> None:
    copies = [
        seed_summary.model_copy(
            update={"article": seed_summary.article.model_copy(update={"id": f"copy-{n}"})}
        )
        for n in range(4)
    ]
    full = item_size(make_item(seed_summary))
    roomy = compose_briefing(copies, now=NOW, budget=Budget(10_000, full * 4))
    assert [item_size(i) for i in roomy.items] == [full] * 4
    shorter = compose_briefing(copies, now=NOW, budget=Budget(10_000, 2_400))
    assert len(shorter.items) == 4 and shorter.omitted == 0
    assert all(item_size(i) <= 600 for i in shorter.items)
    tight = compose_briefing(copies, now=NOW, budget=Budget(10_000, 500))
    assert len(tight.items) == 2 and tight.omitted == 2
    assert sum(item_size(i) for i in tight.items) <= 500


def test_briefing_is_deterministic(seed_summary: Summary) -> None:
    first = compose_briefing([seed_summary], now=NOW)
    second = compose_briefing([seed_summary], now=NOW)
    assert first == second
    assert item_lines(first.items[0]) == item_lines(second.items[0])


def test_select_articles_newest_first_and_by_topic(seed_summary: Summary) -> None:
    older = seed_summary.model_copy(
        update={
            "article": seed_summary.article.model_copy(
                update={
                    "id": "older",
                    "published": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                    "topics": ["energy"],
                }
            )
        }
    )
    assert [s.article.id for s in select_articles([older, seed_summary])] == [
        seed_summary.article.id,
        "older",
    ]
    assert [s.article.id for s in select_articles([older, seed_summary], topics=["ENERGY"])] == [
        "older"
    ]


def test_naive_now_is_refused(seed_summary: Summary) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        compose_briefing([seed_summary], now=dt.datetime(2025, 12, 20))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short.", 50, "Short."),
        ("One two. Three four five six.", 12, "One two…"),
        (
            "A very long single sentence without a stop",
            10,
            "A very long single sentence without a stop",
        ),
    ],
)
def test_first_sentence_never_cuts_inside_a_sentence(text: str, limit: int, expected: str) -> None:
    assert first_sentence(text, limit=limit) == expected


def test_a_quote_the_article_does_not_contain_is_left_out(seed_summary: Summary) -> None:
    statements = [
        s.model_copy(update={"text": "Putin wants everything"})
        if s.text == "The intelligence has always been that Putin wants more"
        else s
        for s in seed_summary.statements
    ]
    altered = seed_summary.model_copy(update={"statements": statements})
    item = compose_briefing([altered], now=NOW).items[0]
    assert "Putin wants everything" not in [q.words for q in item.quotes]
    assert [q.speaker for q in item.quotes][0] == "Quigley"  # his other, verified quote
