"""The eval scorer's own matching, shared by the breakdown scripts (``by_confidence.py``,
``pronoun_recall.py``, ``by_gold_speaker.py``): the ``score.py`` next to the eval file is
imported, not copied, so every breakdown counts exactly what the scorer counts."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any


@dataclass
class Matched:
    """One article: gold quotes and predicted statements as written and as scorer items,
    and the scorer's pairs at threshold 0.5 (gold index → (statement index, shared words))."""

    quotes: list[dict[str, Any]]
    golds: list[Any]
    statements: list[dict[str, Any]]
    items: list[Any]
    pairs: dict[int, tuple[int, int]]


def load_scorer(eval_path: Path) -> ModuleType | None:
    """The ``score.py`` beside the eval file, imported; None when there is none."""
    spec = importlib.util.spec_from_file_location("score", eval_path.parent / "score.py")
    if spec is None or spec.loader is None or not (eval_path.parent / "score.py").exists():
        return None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def from_argv(argv: list[str], name: str, usage: str) -> tuple[ModuleType, Path, Path] | None:
    """The scorer, eval and prediction paths of a breakdown script's ``EVAL PRED`` arguments;
    None (after saying why on stderr) when they are wrong."""
    if len(argv) != 3:
        print(usage, file=sys.stderr)
        return None
    eval_path, pred_path = Path(argv[1]), Path(argv[2])
    scorer = load_scorer(eval_path)
    if scorer is None:
        print(f"{name}: no score.py next to {eval_path}", file=sys.stderr)
        return None
    return scorer, eval_path, pred_path


def matched_articles(scorer: ModuleType, eval_path: Path, pred_path: Path) -> Iterator[Matched]:
    """Every eval article with its predictions matched by the scorer."""
    preds = {r["id"]: r.get("statements") or [] for r in scorer.load_jsonl(str(pred_path))}
    for article in scorer.load_jsonl(str(eval_path)):
        quotes = article["quotes"]
        golds = [
            scorer.make_item(q["quote"], q["speaker"], q["kind"], q.get("speech_cue"),
                             q.get("speaker_is_pronoun"))
            for q in quotes
        ]  # fmt: skip
        statements = preds.get(article["id"], [])
        items = [
            scorer.make_item(s.get("text"), s.get("speaker"), s.get("kind")) for s in statements
        ]
        yield Matched(quotes, golds, statements, items, scorer.match(items, golds, 0.5))
