"""The one tokeniser and the one sentence splitter, which every part imports."""

from __future__ import annotations

import pytest

from bot.core import text
from bot.core.text import first_sentence, fold, index_text, paragraphs, search_words, sentences
from bot.extract import paragraphs as extract_paragraphs


@pytest.mark.parametrize(
    ("word", "plain"),
    [
        ("Wałęsa", "walesa"),
        ("Hauptstraße", "hauptstrasse"),
        ("Øresund", "oresund"),
        ("Ærø", "aero"),
        ("Đoković", "dokovic"),
        ("Þór", "thor"),
        ("Zelenskyy’s", "zelenskyy's"),
        ("ÉCOLE", "ecole"),
    ],
)
def test_fold_gives_plain_letters_nfkd_alone_would_not(word: str, plain: str) -> None:
    assert fold(word) == plain


def test_search_words_split_at_anything_but_letters_and_digits() -> None:
    assert search_words("Trump's $400m snake_case U.S.-backed Wałęsa") == [
        "trump", "s", "400m", "snake", "case", "u", "s", "backed", "walesa",
    ]  # fmt: skip
    assert index_text("Hauptstraße, 2025!") == "hauptstrasse 2025"


@pytest.mark.parametrize(
    "passage",
    [
        "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
        "Dr. Jones, of St. Louis, said the U.K. would wait.",
        "J. R. Ewing spoke to the U.N. on Tuesday.",
        "Skipper T.S. Holt and J.M. Lund sailed on Tuesday.",
        "(CNN)A.J. Lund sailed home on Tuesday.",
    ],
)
def test_sentences_never_cut_at_abbreviations_or_initials(passage: str) -> None:
    assert sentences(passage) == [passage]


def test_sentences_cut_at_real_ends_with_closing_quotes() -> None:
    assert sentences('He left. "We will win." She stayed! Then? Yes.') == [
        "He left.",
        '"We will win."',
        "She stayed!",
        "Then?",
        "Yes.",
    ]


def test_first_sentence_keeps_mr_and_us_inside() -> None:
    passage = "Mr. Rubio told U.S. senators the deal was close. Talks resume Monday."
    assert first_sentence(passage, limit=55) == "Mr. Rubio told U.S. senators the deal was close…"


def test_the_extractor_uses_the_same_rules() -> None:
    assert extract_paragraphs.ABBREVIATIONS is text.ABBREVIATIONS
    (paragraph,) = extract_paragraphs.split_paragraphs("Mr. Lee met U.S. staff. They agreed.")[:1]
    cut = [s.text for s in extract_paragraphs.split_sentences(paragraph)]
    assert cut == sentences(paragraph.text)


def test_paragraphs_leave_out_the_title() -> None:
    body = "The Title\n\nFirst  para\ngoes on.\n\nSecond."
    assert paragraphs(body, title="The Title") == ["First para goes on.", "Second."]
