"""Quotes are checked word for word against the article text."""

from __future__ import annotations

from bot.core.summary import Statement, StatementKind, Summary
from bot.core.verify import check_quotes, statement_verified


def test_seed_quotes_all_verify(seed_summary: Summary) -> None:
    assert seed_summary.text is not None
    assert check_quotes(seed_summary) == []


def test_altered_quote_is_reported(seed_summary: Summary) -> None:
    statements = list(seed_summary.statements)
    index = next(i for i, s in enumerate(statements) if s.text.startswith("The intelligence has"))
    statements[index] = statements[index].model_copy(
        update={"text": "The intelligence has never been that Putin wants more"}
    )
    altered = seed_summary.model_copy(update={"statements": statements})
    (mismatch,) = check_quotes(altered)
    assert mismatch.index == index
    assert "statements[" in mismatch.describe() and "never been" in mismatch.describe()


def test_typography_does_not_matter_but_words_do() -> None:
    text = "She said: “It’s done — finally.”"
    same = Statement(
        speaker="x", text="It's done - finally.", kind=StatementKind.DIRECT, paragraph=1
    )
    other = Statement(
        speaker="x", text="It's over - finally.", kind=StatementKind.DIRECT, paragraph=1
    )
    indirect = Statement(speaker="x", text="anything", kind=StatementKind.INDIRECT, paragraph=1)
    assert statement_verified(same, text) is True
    assert statement_verified(other, text) is False
    assert statement_verified(indirect, text) is None
    assert statement_verified(same, None) is None
