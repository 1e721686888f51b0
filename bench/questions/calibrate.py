"""Measure the confidence above which an approximate `said` match may be shown.

An approximate match (neither the phrase nor all its words) names a speaker for words they
did not say word for word, so the cutoff must let through real quotations that were misspelt,
shortened or reordered, and nothing nobody said. This runs the real `said` with the cutoff
off, over the shipped briefs and this folder's stories, and records for each query the best
score of an approximate match:

- true queries: 4-9 word pieces of stored statements with one word misspelt, dropped,
  replaced by an unrelated word, or two words swapped (the statement they came from must win);
- false queries: sentences nobody said, written by hand (the evaluation set's kind) and made
  up from the stores' own words at random, so they share vocabulary with real statements.

The cutoff is the lowest score above every false query's best (no false attribution); the
last line gives it with the share of true queries still found at it.

    python bench/questions/calibrate.py [seeds, default 19,20,21]
"""

from __future__ import annotations

import asyncio
import random
import shutil
import sys
import tempfile
from pathlib import Path

from bot.core import attribution
from bot.core.replies import SaidAnswer
from bot.loader import sync_folder
from bot.store import Store, open_store

HERE = Path(__file__).resolve().parent
SHIPPED_CUTOFF = attribution.APPROXIMATE_CUTOFF
ROOT = HERE.parent.parent
FALSE_CLAIMS = [
    "the wall will be finished next year",
    "Putin will invade Finland",
    "the mayor should resign",
    "Voltra will close its Dayton offices",
    "the governor promised more money for the plant",
    "the union accepted the offer",
    "the sea wall is too expensive to build",
    "Russia wants peace with Ukraine now",
    "the levy will be scrapped",
    "the drivers will return to work on Monday",
    "we will build the plant in Michigan instead",
    "the storm surge flooded the city hall",
    "the CIA confirmed the report",
    "Zelenskyy accepted the territorial concessions",
    "the finance ministry will pay for the wall",
    "the treasurer resigned over the levy",
    "the hydrologist supports the design",
    "Trump said the war is over",
    "Europe is not convinced at all",
    "nobody will pay the levy",
    "tax credits were never discussed",
    "the plant will employ five thousand people",
    "the strike is illegal",
    "the council rejected the sea wall",
    "the Baltics are safe",
    "the security guarantees are signed",
    "the night routes will be cancelled",
    "the port authority supports the wall",
    "Ohio offered Voltra nothing",
    "intelligence agencies disagree about Putin",
]


def _misspell(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def true_queries(rng: random.Random, statements: list[str]) -> list[tuple[str, str]]:
    """(query, statement it came from): pieces of statements, each changed once."""
    vocabulary = sorted({w for s in statements for w in s.split()})
    queries = []
    for text in statements:
        words = text.split()
        if len(words) < 5:
            continue
        for change in ("misspell", "drop", "replace", "swap"):
            size = min(len(words), rng.randint(4, 9))
            start = rng.randrange(len(words) - size + 1)
            piece = words[start : start + size]
            i = rng.randrange(len(piece))
            if change == "misspell":
                piece[i] = _misspell(rng, piece[i])
            elif change == "drop" and len(piece) > 4:
                del piece[i]
            elif change == "replace":
                piece[i] = rng.choice(vocabulary)
            elif change == "swap" and i + 1 < len(piece):
                piece[i], piece[i + 1] = piece[i + 1], piece[i]
            queries.append((" ".join(piece), text))
    return queries


def false_queries(rng: random.Random, statements: list[str]) -> list[str]:
    """Sentences nobody said: by hand, and random draws of the statements' own words."""
    vocabulary = sorted({w for s in statements for w in s.split()})
    made_up = [" ".join(rng.sample(vocabulary, rng.randint(4, 8))) for _ in range(200)]
    return FALSE_CLAIMS + made_up


async def best_approximate(store: Store, query: str) -> tuple[float, str | None]:
    """The best approximate match's score and text (0, None when there is none)."""
    reply = await attribution.said(store, query)
    if not isinstance(reply, SaidAnswer):
        return 0.0, None
    if any(not m.approximate for m in reply.matches):
        return -1.0, None  # the phrase or all its words were said: not an approximate case
    best = max(reply.matches, key=lambda m: m.score)
    return best.score, best.statement.text


async def measure(seed: int) -> tuple[list[tuple[float, bool]], list[float]]:
    attribution.APPROXIMATE_CUTOFF = 0.0  # see every candidate's score
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        briefs = Path(scratch) / "briefs"
        briefs.mkdir()
        for brief in [*(ROOT / "briefs").glob("*.yaml"), *(HERE / "briefs").glob("*.yaml")]:
            shutil.copy(brief, briefs / brief.name)
        store = await open_store(f"sqlite:///{Path(scratch) / 'c.sqlite3'}")
        try:
            await sync_folder(store, briefs)
            statements = sorted({r.text for s in await store.latest(50) for r in s.statements})
            positives = []
            for query, source in true_queries(rng, statements):
                score, text = await best_approximate(store, query)
                if score >= 0:
                    positives.append((score, text == source))
            negatives = []
            for query in false_queries(rng, statements):
                score, _text = await best_approximate(store, query)
                if score < 0 and query in FALSE_CLAIMS:
                    print(f"said word for word (all its words): {query!r}", file=sys.stderr)
                negatives.append(score if score >= 0 else 100.0 if query in FALSE_CLAIMS else 0.0)
            return positives, negatives
        finally:
            await store.close()


def main() -> int:
    seeds = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "19,20,21").split(",")]
    positives: list[tuple[float, bool]] = []
    negatives: list[float] = []
    for seed in seeds:  # several draws of made-up and changed queries
        more_true, more_false = asyncio.run(measure(seed))
        positives += more_true
        negatives += more_false
    cutoff = max(negatives, default=0.0) + 0.5
    found = sum(1 for score, right in positives if right and score >= cutoff)
    wrong = sum(1 for score, right in positives if not right and score >= cutoff)
    for threshold in (70, 75, 80, 85, 86, 88, 90):
        false = sum(1 for n in negatives if n >= threshold)
        true = sum(1 for s, r in positives if r and s >= threshold)
        print(f"cutoff {threshold}: false attributions {false}/{len(negatives)}, "
              f"true found {true}/{len(positives)}", file=sys.stderr)  # fmt: skip
    print(
        f"cutoff={cutoff:.1f} false_queries={len(negatives)} true_queries={len(positives)} "
        f"true_found_pct={100 * found / max(1, len(positives)):.1f} "
        f"true_matched_to_another_statement={wrong} shipped={SHIPPED_CUTOFF:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
