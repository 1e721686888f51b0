"""The trigram index finds misspelt strings without scoring every string."""

from __future__ import annotations

from bot.core.fuzzy import TrigramIndex, index_for, trigrams


def test_trigrams_are_padded() -> None:
    assert trigrams("ab") == {"  a", " ab", "ab "}


def test_near_finds_typos_best_first() -> None:
    index = TrigramIndex(
        ["volodymyr zelenskyy", "zelenskyy", "marco rubio", "rubio", "mike quigley"]
    )
    assert index.near("zelenksy", limit=2, cutoff=70)[0][0] == "zelenskyy"
    assert index.near("rubioo", limit=1, cutoff=80)[0][0] == "rubio"
    assert index.near("marcp rubio", limit=1, cutoff=80)[0][0] == "marco rubio"


def test_near_respects_cutoff_and_unrelated_queries() -> None:
    index = TrigramIndex(["anna keller", "mark keller", "daniel keller"])
    assert index.near("xylophone", limit=3, cutoff=60) == []
    assert all(score >= 90 for _, score in index.near("anna keller", limit=3, cutoff=90))


def test_index_is_reused_for_the_same_list_only() -> None:
    names = ["a b", "c d"]
    assert index_for(names) is index_for(names)
    assert index_for(list(names)) is not index_for(names)
