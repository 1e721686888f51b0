"""The trigram index finds misspelt strings without scoring every string."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from bot.core import fuzzy
from bot.core.fuzzy import MIN_SHARED, TrigramIndex, index_for, trigrams


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


def _near_by_hand(
    strings: list[str], query: str, limit: int, cutoff: float
) -> list[tuple[str, float]]:
    """The rule ``near`` implements, one string at a time: enough shared trigrams, then
    ``fuzz.ratio`` at or above the cutoff; best score first, then alphabetical."""
    grams = trigrams(query)
    needed = max(1, int(len(grams) * MIN_SHARED))
    scored = []
    for text in strings:
        if len(grams & trigrams(text)) < needed:
            continue
        score = fuzz.ratio(query, text)
        if score >= cutoff and score:
            scored.append((text, score))
    scored.sort(key=lambda pair: (-pair[1], pair[0]))
    return scored[:limit]


@pytest.mark.parametrize("dense_share", [0.0, 1 / 64, 1.0], ids=["bits", "mixed", "lists"])
def test_near_is_the_rule_applied_to_every_string(
    dense_share: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made-up names sharing first names and surname endings (many candidates per query,
    equal scores, a name listed twice): the index answers exactly what scoring each string by
    hand answers, for typos, exact names, unrelated words and several cutoffs; with every
    trigram a bit set, every one a position list, and the two mixed."""
    monkeypatch.setattr(fuzzy, "DENSE_SHARE", dense_share)
    rng = random.Random(5)
    first = ["anna", "marco", "li", "omar", "sofia", "pavel", "grace", "ines"]
    endings = ["son", "ez", "ova", "berg", "ski", "ton"]
    surnames = ["".join(rng.choice("bdkmnprstv") + rng.choice("aeiou") for _ in range(2))
                + rng.choice(endings) for _ in range(300)]  # fmt: skip
    strings = [f"{rng.choice(first)} {last}" for last in surnames] + surnames
    strings.append(strings[0])
    index = TrigramIndex(strings)
    grams = set().union(*map(trigrams, strings))
    expected = {0.0: len(grams), 1.0: 0}.get(dense_share)
    assert index.bit_sets == expected if expected is not None else 0 < index.bit_sets < len(grams)
    queries = [rng.choice(strings) for _ in range(40)] + ["zzzz", "an", "anna"]
    queries += [_swap(rng, text) for text in queries[:40]]
    for query in queries:
        for limit, cutoff in ((1, 82.0), (5, 60.0), (50, 75.0)):
            assert index.near(query, limit=limit, cutoff=cutoff) == _near_by_hand(
                strings, query, limit, cutoff
            ), query


def _swap(rng: random.Random, text: str) -> str:
    spot = rng.randrange(len(text) - 1)
    return text[:spot] + text[spot + 1] + text[spot] + text[spot + 2 :]
