"""Hostile input: empty, huge, binary and unbalanced text must neither crash nor blow up."""

from __future__ import annotations

import random
import time

import pytest

from bot.core.summary import Summary
from bot.extract import extract_statements, extract_summary
from bot.extract.subjects import valid_subject


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\x00\x00"])
def test_empty_text(text: str) -> None:
    assert extract_statements(text) == []
    summary = extract_summary(text, article_id="empty")
    assert isinstance(summary, Summary)
    assert summary.statements == []


def test_binary_garbage_gives_a_valid_summary() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(200_000)).decode("utf-8", errors="replace")
    summary = extract_summary(garbage)
    assert isinstance(summary, Summary)
    assert summary.article.title


def test_unbalanced_quotation_marks_do_not_swallow_the_article() -> None:
    text = (
        "Title of the story\n"
        "“This opening mark never closes, said nobody in particular.\n"
        "“The road will reopen on Friday,” said Ana Ortiz.\n"
        'Stray closing mark” here, and a " lone straight one.\n'
        "Tom Reyes said the bridge would open in May."
    )
    found = extract_statements(text)
    assert ("Ana Ortiz", "The road will reopen on Friday") in [(s.speaker, s.text) for s in found]
    assert any(s.speaker == "Tom Reyes" and s.kind == "indirect" for s in found)


def _article(paragraphs: int) -> str:
    para = (
        "“We will open the harbour next spring,” said Mayor Ana Ortiz, a member of the Green "
        "Party. Tom Reyes said that the bridge would cost about 20% more than planned. "
        "The union declined to comment."
    )
    return "Harbour plan\n" + "\n".join(para for _ in range(paragraphs))


def test_huge_text_is_linear() -> None:
    small, big = _article(2_700), _article(27_000)
    assert len(big) > 5_000_000
    started = time.perf_counter()
    extract_statements(small)
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    found = extract_statements(big)
    big_time = time.perf_counter() - started
    assert len(found) == 2 * 27_000
    assert big_time < 20 * small_time + 2.0  # ten times the text, not a hundred times the time


def test_huge_single_paragraph_with_one_open_quote() -> None:
    text = "Headline\n“" + "word " * 1_000_000
    started = time.perf_counter()
    extract_summary(text)
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (".\nThe ferry board said the crossing would reopen on Monday.", None),
        ("(CNN) —\nThe ferry board said the crossing would reopen on Monday.", None),
        ("(CNN)", "Untitled article"),
        ("“’", "Untitled article"),
    ],
)
def test_a_title_line_without_words_is_no_title(text: str, title: str | None) -> None:
    """Found by fuzzing: a lone '.' or a bare dateline became an empty (invalid) title."""
    summary = extract_summary(text, published=None)
    expected = title or "The ferry board said the crossing would reopen on Monday"
    assert summary.article.title == expected
    assert all(point.strip() for point in summary.key_points)


def test_stray_quotation_marks_open_no_empty_statement() -> None:
    text = "“’\n\n“’ ‘\n\nThe ferry board said the crossing would reopen on Monday."
    summary = extract_summary(text)
    assert [st.text for st in summary.statements] == ["the crossing would reopen on Monday"]


@pytest.mark.parametrize("phrase", [".", ". ,", ". .", ".."])
def test_a_subject_of_punctuation_alone_is_no_subject(phrase: str) -> None:
    assert valid_subject(phrase) is False
