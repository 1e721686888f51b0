"""Direct-quote predictions broken down by how their speaker was found (``confidence``).

Usage: python bench/extract/by_confidence.py EVAL.jsonl PRED.jsonl

For each confidence (named, pronoun, carried, inferred, unknown) it counts the extractor's
direct statements matched (the eval scorer's own matching, imported from the ``score.py``
next to EVAL) to direct gold with a named speaker and a right / wrong speaker, matched to
other gold, or unmatched. The last line is name=value pairs.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from matched import from_argv, matched_articles  # noqa: E402


def main(argv: list[str]) -> int:
    args = from_argv(argv, "by_confidence", __doc__ or "")
    if args is None:
        return 2
    scorer, eval_path, pred_path = args
    counts: Counter[tuple[str, str]] = Counter()
    for article in matched_articles(scorer, eval_path, pred_path):
        quotes, golds, statements, items = (
            article.quotes,
            article.golds,
            article.statements,
            article.items,
        )
        owner = {i: j for j, (i, _) in article.pairs.items()}
        for i, st in enumerate(statements):
            if st.get("kind") != "direct":
                continue
            j = owner.get(i)
            if j is None:
                result = "unmatched"
            elif not golds[j].named:
                result = "gold_unnamed"
            elif quotes[j]["kind"] != "direct":
                result = "gold_not_direct"
            else:
                ok = scorer.speaker_correct(golds[j].speaker, items[i].speaker)
                result = "right" if ok else "wrong"
            counts[(st.get("confidence") or "?", result)] += 1
    kinds = sorted({k for k, _ in counts})
    results = ("right", "wrong", "gold_not_direct", "gold_unnamed", "unmatched")
    for kind in kinds:
        print(kind, " ".join(f"{r}={counts[(kind, r)]}" for r in results))
    right = sum(counts[(k, "right")] for k in kinds if k != "unknown")
    wrong = sum(counts[(k, "wrong")] for k in kinds if k != "unknown")
    print(f"speaker_accuracy_direct_without_unknown={right / max(right + wrong, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
