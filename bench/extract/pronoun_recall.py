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

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from matched import from_argv, matched_articles  # noqa: E402


def main(argv: list[str]) -> int:
    args = from_argv(argv, "pronoun_recall", __doc__ or "")
    if args is None:
        return 2
    scorer, eval_path, pred_path = args
    total = found = person = 0
    routes: Counter[str] = Counter()
    for article in matched_articles(scorer, eval_path, pred_path):
        quotes, statements, pairs = article.quotes, article.statements, article.pairs
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
