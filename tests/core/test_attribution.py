"""How `said` compares a query with a statement's text."""

from __future__ import annotations

from bot.core.attribution import _plain


def _plain_by_hand(text: str) -> str:
    """The rule, one character at a time: letters and digits lowered (where lowering keeps
    one character), anything else a space; every position kept, for the match's span."""
    return "".join(c.lower() if c.isalnum() and len(c.lower()) == 1 else " " for c in text)


def test_plain_text_blanks_punctuation_and_keeps_positions() -> None:
    texts = [
        "".join(map(chr, range(128))),  # every ASCII character
        'Trump\'s team had made "tremendous progress" - at 10:30, in Kyiv!',
        "Zelenskyy\tsaid:\n“closer than ever”",  # typographic quotes: not ASCII
        "İstanbul ﬁnance Straße ǅemal 42",  # characters that lower to two, or not at all
        "",
    ]
    for text in texts:
        assert _plain(text) == _plain_by_hand(text)
        assert len(_plain(text)) == len(text)
    assert _plain("A-b_C9!") == "a b c9 "
