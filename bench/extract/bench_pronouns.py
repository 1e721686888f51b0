"""Pronoun resolution on a hand-resolved set: is '"…," he said' given to the right person?

Usage: python bench/extract/bench_pronouns.py [EVAL.jsonl] [SET.jsonl]

``pronouns.jsonl`` (next to this file) lists direct quotes of the shared PolNeAR train
articles whose annotated speaker is a bare pronoun (he/she), each with the full name of the
person it refers to, resolved by hand by reading the article: ``{"id", "event", "speaker"}``,
where ``event`` is the annotation's ``brat_event``. It holds no article text; the quotes are
looked up in the eval file, which stays outside the repository.

For each item the extractor's statement that best covers the quote (the scorer's overlap rule:
at least half of the shorter text and three shared words) is compared with the full name:
``strict`` needs every word of the full name in the predicted speaker ("Hillary Clinton", not
"Clinton"), ``lenient`` is the eval scorer's one-word rule. The last line is name=value pairs.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from bot.extract import extract_statements

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
_WORD = re.compile(r"[^\W_]+")
_TITLES = frozenset("mr mrs ms dr sen rep gov president senator".split())  # noqa: SIM905


def _default_eval() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "eval" / "polnear-train.jsonl"
        if path.is_file():
            return path
    return ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower().replace("’", "").replace("'", ""))


def _overlap(a: Counter[str], b: Counter[str]) -> tuple[float, int]:
    shared = sum((a & b).values())
    smaller = min(sum(a.values()), sum(b.values())) or 1
    return shared / smaller, shared


def strict(gold: str, pred: str) -> bool:
    """Every word of the hand-written full name is in the predicted speaker."""
    want = [t for t in _tokens(gold) if t not in _TITLES]
    have = set(_tokens(pred))
    return bool(want) and all(t in have for t in want)


def lenient(gold: str, pred: str) -> bool:
    """The eval scorer's rule in short: the surname is among the predicted words."""
    want, have = _tokens(gold), _tokens(pred)
    return bool(want and have) and (want[-1] in have or have[-1] in want)


def main(argv: list[str]) -> int:
    eval_path = Path(argv[1]) if len(argv) > 1 else _default_eval()
    set_path = Path(argv[2]) if len(argv) > 2 else HERE / "pronouns.jsonl"
    if not eval_path.is_file() or not set_path.is_file():
        print(f"bench_pronouns: not found: {eval_path} or {set_path}", file=sys.stderr)
        return 2
    items = [json.loads(line) for line in set_path.open(encoding="utf-8") if line.strip()]
    wanted = {item["id"] for item in items}
    articles = {}
    with eval_path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in wanted:
                articles[record["id"]] = record
    found = ok_strict = ok_lenient = 0
    misses: list[str] = []
    statements = {aid: extract_statements(a["text"]) for aid, a in articles.items()}
    for item in items:
        article = articles[item["id"]]
        quote = next(q for q in article["quotes"] if q["brat_event"] == item["event"])
        gold = Counter(_tokens(quote["quote"]))
        if sum(gold.values()) < 3:
            continue  # the extractor promises quotes of three words or more
        best = None
        for st in statements[item["id"]]:
            share, shared = _overlap(gold, Counter(_tokens(st.text)))
            fits = share >= 0.5 and shared >= min(3, sum(gold.values()))
            if fits and (best is None or share > best[0]):
                best = (share, st.speaker)
        if best is None:
            misses.append(f"{item['id']} {item['event']}: no statement")
            continue
        found += 1
        ok_strict += strict(item["speaker"], best[1])
        ok_lenient += lenient(item["speaker"], best[1])
        if not strict(item["speaker"], best[1]):
            misses.append(f"{item['id']} {item['event']}: {best[1]!r} for {item['speaker']!r}")
    for miss in misses:
        print(miss)
    n = sum(1 for m in misses if m.endswith("no statement")) + found
    print(
        f"items={n} articles={len(articles)} found={found} "
        f"resolution_strict={ok_strict / max(found, 1):.3f} "
        f"resolution_lenient={ok_lenient / max(found, 1):.3f} "
        f"end_to_end_strict={ok_strict / max(n, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
