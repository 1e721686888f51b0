"""Quotes found and attributed on articles with no quote annotation (other outlets).

The CNN articles of ``../shared/eval/summaries/`` carry no who-said-what annotation, but
every quoted passage in them is a candidate statement: this scan pairs straight quotation
marks, keeps passages of three words or more that are neither titles (most words
capitalised) nor short scare quotes (under six words, no closing punctuation), and counts
how many some extracted statement holds (60 % of the passage's words; the statement holding
most of them is the passage's) and how many of those have a speaker the extractor named or
resolved. It is a rough, unannotated check of how the
rules carry to another outlet, whose articles come as one paragraph each; pairing marks
across an odd one shifts, so a few passages are reporter's text between two quotes.

    .venv/bin/python bench/extract/quote_scan.py [ARTICLES.jsonl] [--show miss|nospk|named] [--seed N]

``--show named`` prints found passages with the speaker given, to check speakers by hand.

Runs the extractor itself (``run_jsonl``, as ``briefbot extract --jsonl`` does); the last
line gives the figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
from pathlib import Path

from bench_keypoints import default_data  # a sibling script: this folder is on sys.path

from bot.extract.jsonl import run_jsonl

_QUOTE = re.compile(r'"([^"]{3,2000}?)"')
_WORD = re.compile(r"[\w']+")
#: Share of a passage's words a statement must hold to count as finding it.
HOLDS = 0.6


def _passages(text: str) -> list[tuple[int, int, set[str]]]:
    """Quoted passages worth a statement: (start, end, their words)."""
    out = []
    for match in _QUOTE.finditer(text):
        raw = _WORD.findall(match.group(1))
        if len(raw) < 3:
            continue
        if sum(w[:1].isupper() for w in raw) >= 0.6 * len(raw):
            continue  # a title
        if len(raw) < 6 and not match.group(1).rstrip().endswith((",", ".", "?", "!")):
            continue  # a scare quote
        out.append((match.start(), match.end(), {w.lower() for w in raw}))
    return out


def _best(words: set[str], statements: list[tuple[set[str], dict]]) -> dict | None:
    """The statement holding the most of the passage's words (at least ``HOLDS`` of them),
    the shortest of those on a tie: a long statement of another speaker may hold most of a
    short passage's common words too, and the first one that does is not its statement."""
    best, key = None, (0, 0)
    for held, st in statements:
        shared = len(words & held)
        if shared >= HOLDS * len(words) and (shared, -len(held)) > key:
            best, key = st, (shared, -len(held))
    return best


def scan(articles: list[dict], predictions: dict[str, list[dict]]) -> tuple[int, list, list, list]:
    """Count passages; return the total, the missed ones, the found ones with no speaker and
    the found ones with a speaker (the context followed by the speaker and how it was found)."""
    total, missed, unnamed, named = 0, [], [], []
    for article in articles:
        text = article["text"]
        statements = [
            ({w.lower() for w in _WORD.findall(st["text"])}, st)
            for st in predictions.get(article["id"], [])
        ]
        for start, end, words in _passages(text):
            total += 1
            found = _best(words, statements)
            context = f"{text[max(0, start - 160) : start]} [[{text[start:end][:200]}]]"
            if found is None:
                missed.append(context)
            elif not found["speaker"] or found.get("confidence") == "unknown":
                unnamed.append(context)
            else:
                after = text[end : end + 120]
                named.append(
                    f"{context}{after}  =>  {found['speaker']} ({found.get('confidence')})"
                )
    return total, missed, unnamed, named


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=default_data())
    parser.add_argument("--show", choices=("miss", "nospk", "named"), help="print 25 sampled cases")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.articles.exists():
        print(f"quote_scan: articles not found: {args.articles}", file=sys.stderr)
        return 2
    lines = args.articles.read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    out = io.StringIO()
    run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, io.StringIO())
    predictions = {
        row["id"]: row.get("statements", []) for row in map(json.loads, out.getvalue().splitlines())
    }
    total, missed, unnamed, named = scan(articles, predictions)
    if args.show:
        cases = {"miss": missed, "nospk": unnamed, "named": named}[args.show]
        for case in random.Random(args.seed).sample(cases, min(25, len(cases))):
            print("--", case.replace("\n", " "))
    found = total - len(missed)
    print(
        f"articles={len(articles)} passages={total} found={found / max(total, 1):.3f} "
        f"with_speaker={(found - len(unnamed)) / max(total, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
