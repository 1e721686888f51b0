"""Direct quotes whose annotated speaker is a bare pronoun, reported apart (issue 10).

Usage: python bench/extract/pronoun_recall.py EVAL.jsonl PRED.jsonl

The eval scorer leaves pronoun speakers out of speaker scoring (it cannot tell whether "he"
was resolved to the right person); this prints how many of those quotes the extractor finds,
how many it attributes to a person (not left as a pronoun or unknown), and by which route
(the ``confidence`` of each statement). Resolution accuracy itself is measured on the
hand-resolved set by ``bench_pronouns.py``. Uses the scorer's own matching (imported from the
``score.py`` next to EVAL). The last line is name=value pairs.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    eval_path, pred_path = Path(argv[1]), Path(argv[2])
    spec = importlib.util.spec_from_file_location("score", eval_path.parent / "score.py")
    if spec is None or spec.loader is None:
        print(f"pronoun_recall: no score.py next to {eval_path}", file=sys.stderr)
        return 2
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load_jsonl(str(eval_path))
    preds = {r["id"]: r.get("statements") or [] for r in scorer.load_jsonl(str(pred_path))}
    total = found = person = 0
    routes: Counter[str] = Counter()
    for article in gold:
        quotes = article["quotes"]
        golds = [scorer.make_item(q["quote"], q["speaker"], q["kind"]) for q in quotes]
        statements = preds.get(article["id"], [])
        items = [
            scorer.make_item(s.get("text"), s.get("speaker"), s.get("kind")) for s in statements
        ]
        pairs = scorer.match(items, golds, 0.5)
        for j, q in enumerate(quotes):
            if q["kind"] != "direct" or not q.get("speaker_is_pronoun"):
                continue
            total += 1
            if j not in pairs:
                continue
            found += 1
            st = statements[pairs[j][0]]
            routes[st.get("confidence") or "?"] += 1
            speaker = (st.get("speaker") or "").lower()
            person += bool(speaker) and speaker not in ("he", "she", "they", "it", "we", "i")
    print(f"routes: {dict(routes.most_common())}")
    print(
        f"pronoun_direct={total} found={found} recall={found / max(total, 1):.3f} "
        f"attributed_to_a_name={person / max(found, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
