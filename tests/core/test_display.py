"""The one Unicode sanitiser both renderers use, and the one rule for linking an article."""

from __future__ import annotations

import pytest

from bot.core.display import clean, clean_line, link_url


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Ex\u202eecnalg\u202c", "Execnalg"),  # right-to-left override and its pop
        ("Jo\u2066hn\u2069 Smith", "John Smith"),  # isolates
        ("Sm\u200bith\ufeff\u2060", "Smith"),  # zero-width space, BOM, word joiner
        ("co\u00adop", "coop"),  # soft hyphen
        ("bell\x07 and \x1b[31m", "bell and [31m"),  # control characters
        ("line\nnext\ttab", "line\nnext\ttab"),  # newlines and tabs stay
        ("\u0645\u200c\u06cc", "\u0645\u200c\u06cc"),  # Persian: the non-joiner is spelling
        ("\u200cedge\u200d", "edge"),  # a joiner next to nothing is dropped
        ("Wałęsa, Hauptstraße", "Wałęsa, Hauptstraße"),
    ],
)
def test_clean_removes_only_what_cannot_be_seen(raw: str, shown: str) -> None:
    assert clean(raw) == shown


def test_clean_line_makes_one_line() -> None:
    assert clean_line(" a\n\u200bb \t c ") == "a b c"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a?x=1&y=2", "https://news.example/a?x=1&y=2"),
        ("https://news.example/story?y=<2>|3", "https://news.example/story?y=%3C2%3E%7C3"),
        ("HTTP://news.example/\u202ea", "HTTP://news.example/a"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("//evil.example", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_are_linked_and_markup_in_them_is_encoded(
    url: str | None, linked: str | None
) -> None:
    assert link_url(url) == linked
