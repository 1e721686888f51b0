"""Speaker accuracy on direct quotes, split by how the annotation writes the speaker.

Usage: python bench/extract/by_gold_speaker.py EVAL.jsonl PRED.jsonl

PolNeAR annotates the speaker mention as written: after "Sen. Ann Holt …", the quote of
'"…," the senator said' has the gold speaker "the senator". The extractor resolves such a
description to the person ("Ann Holt"), as the issue asks and as the held-out sets score it,
so the eval scorer counts every right resolution as wrong. This script counts the matched
direct quotes with a named gold speaker (the scorer's own matching and speaker rule, imported
from the ``score.py`` next to EVAL) in two groups: gold written as a name, and gold written
as a definite description ("the …"); for the second it also counts how many predictions
replaced the description by a name. The last line is name=value pairs.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from matched import from_argv, matched_articles  # noqa: E402


def main(argv: list[str]) -> int:
    args = from_argv(argv, "by_gold_speaker", __doc__ or "")
    if args is None:
        return 2
    scorer, eval_path, pred_path = args
    counts: Counter[str] = Counter()
    for article in matched_articles(scorer, eval_path, pred_path):
        for j, (i, _) in article.pairs.items():
            gold, quote, statement = article.golds[j], article.quotes[j], article.statements[i]
            if not gold.named or quote["kind"] != "direct" or statement.get("kind") != "direct":
                continue
            group = "description" if quote["speaker"].strip().lower().startswith("the ") else "name"
            ok = scorer.speaker_correct(gold.speaker, article.items[i].speaker)
            counts[f"{group}_n"] += 1
            counts[f"{group}_right"] += ok
            predicted = (statement.get("speaker") or "").lower()
            counts[f"{group}_resolved"] += group == "description" and not predicted.startswith(
                "the "
            )
    for group in ("name", "description"):
        n = counts[f"{group}_n"]
        print(f"{group:12} n={n} right={counts[f'{group}_right']} "
              f"accuracy={counts[f'{group}_right'] / max(n, 1):.3f}")  # fmt: skip
    print(
        f"direct_n={counts['name_n'] + counts['description_n']} "
        f"accuracy_name_gold={counts['name_right'] / max(counts['name_n'], 1):.3f} "
        f"description_gold={counts['description_n']} "
        f"description_resolved={counts['description_resolved']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
