"""Key points against editors' highlights, lead-3 in the same run, and a junk count.

Usage: python bench/extract/bench_keypoints.py [DATA.jsonl]   (or set BRIEFBOT_SUMMARIES)

DATA without ``highlights`` (e.g. ``../shared/eval/polnear-train.jsonl``): the junk count only.

DATA is the shared CNN/DailyMail sample (``../shared/eval/summaries/cnn-validation.jsonl``,
which stays outside the repository) with its ROUGE scorer ``score.py`` next to it (needs
``pip install rouge-score``). For every article the full ``extract_summary`` runs; its key
points and lead-3 (the first three sentences of the body, by the extractor's own splitter) are
written to /tmp and scored by that scorer in the same run. Every key point is also checked by
``junk_reasons`` below: the page furniture and fragments a reader must never see. The last
line is name=value pairs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bot.extract import extract_summary
from bot.extract.paragraphs import split_paragraphs, split_sentences

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = Path(os.environ.get("TMPDIR", "/tmp"))

_JUNK = {
    "caption": re.compile(
        r"^(?:photo|image|picture|video|caption|file photo|pictured|above|below|left|right)\b"
        r"[^.]{0,40}[:|]|\b(?:getty images|ap photo|file photo)\b|(?-i:\b(?:REUTERS|AFP)/)|"
        r"\((?:photo|pictured|left|right|center|centre)\b",
        re.IGNORECASE,
    ),
    "scroll/video": re.compile(r"scroll down|watch the video|click to|play video|video:", re.I),
    "related": re.compile(
        r"^(?:related|read more|read:|more:|see also|also read|watch:|latest:|opinion:)", re.I
    ),
    "list intro": re.compile(r":\s*$"),
    "link": re.compile(r"https?://|www\.|\b\w+\.(?:com|org|net|co\.uk)/|pic\.twitter\.com", re.I),
    "handle": re.compile(r"(?<![\w.])@\w{2,}"),
    "markup": re.compile(r"<[a-z/][^>]*>|&[a-z]+;|\[\s*\]|\{|\}|\|\s*\w+\s*\|"),
    "credit": re.compile(
        r"image copyright|image caption|photograph:|all rights reserved|shutterstock|"
        r"may not be (?:published|reproduced|redistributed)|^FILE\s*[-–—]|^credit:|via getty",
        re.I,
    ),
    "promo": re.compile(
        r"^(?:sign up|subscribe|advertisement|download the app|get (?:our|the) newsletter)|"
        r"continue reading|newsletter|view this post|a post shared by",
        re.I,
    ),
    "dateline": re.compile(  # 'Tokyo (CNN)Police …', '(Harbour Weekly)The …': not the story
        r"^[\w.,' -]{0,60}\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg)\)|^\([A-Z][\w&.' ]{1,30}\)[A-Z\"“]"
    ),
    "byline": re.compile(
        r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:[,|]|$|and\s)|"
        r"contributed to this report|^\(?[Rr]eporting by"
    ),
}
#: Function words a running sentence never capitalises mid-line; two of them: a headline.
_TITLE_CASE = frozenset(
    ["The", "Is", "Are", "That", "Their", "Its", "Will", "Has", "Have", "With", "For", "And"]
    + ["But", "Of", "To", "In", "On"]
)
_FRAGMENT_END = re.compile(r"[.!?…][\"”’')\]]*$")


def junk_reasons(point: str) -> list[str]:
    """Why a key point is not a clean sentence of the story (empty when it is)."""
    text = " ".join(point.split())
    reasons = [name for name, pattern in _JUNK.items() if pattern.search(text)]
    words = text.split()
    if (
        len(words) < 5
        or not _FRAGMENT_END.search(text)
        or not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'(")
    ):
        reasons.append("fragment")
    inner = [w for w in words[1:] if w in _TITLE_CASE]
    capitalised = sum(1 for w in words if w[:1].isupper())
    if len(inner) >= 2 and capitalised >= 0.6 * len(words):
        reasons.append("headline")  # Title Case throughout, not a title quoted in a sentence
    if "—" in text and re.search(r"—\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*\s*\(@\w+\)", text):
        reasons.append("tweet sign-off")
    return reasons


def lead3(text: str) -> list[str]:
    """The first three sentences of the body: the baseline to beat."""
    out: list[str] = []
    for para in split_paragraphs(text):
        if para.index == 0:
            continue
        for sentence in split_sentences(para):
            out.append(sentence.text)
            if len(out) == 3:
                return out
    return out


def _score(scorer: Path, data: Path, pred: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(scorer), str(data), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = result.stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (p.split("=", 1) for p in last.split()) if _number(v)}


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def default_data() -> Path:
    """The CNN sample: $BRIEFBOT_SUMMARIES, else ../shared/eval/summaries beside the checkout."""
    env = os.environ.get("BRIEFBOT_SUMMARIES")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "eval" / "summaries" / "cnn-validation.jsonl"
        if path.is_file():
            return path
    return ROOT.parent / "shared" / "eval" / "summaries" / "cnn-validation.jsonl"


def _has_highlights(data: Path) -> bool:
    with data.open(encoding="utf-8") as lines:
        first = next((line for line in lines if line.strip()), "{}")
    return "highlights" in json.loads(first)


def junk_only(data: Path) -> int:
    """Articles without highlights (e.g. the PolNeAR eval): the junk count alone."""
    junk: Counter[str] = Counter()
    examples: dict[str, str] = {}
    points_total = articles = 0
    for line in data.open(encoding="utf-8"):
        if not line.strip():
            continue
        record = json.loads(line)
        articles += 1
        for point in extract_summary(record["text"], article_id="a").key_points:
            points_total += 1
            for reason in junk_reasons(point):
                junk[reason] += 1
                examples.setdefault(reason, point[:160])
    for reason, count in junk.most_common():
        print(f"junk {reason}: {count}  e.g. {examples[reason]!r}")
    print(f"articles={articles} points={points_total} junk={sum(junk.values())}")
    return 0


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else default_data()
    scorer = data.parent / "score.py"
    if data.is_file() and not _has_highlights(data):
        return junk_only(data)
    if not data.is_file() or not scorer.is_file():
        print(f"bench_keypoints: not found: {data} or {scorer}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    ours_path, lead_path = OUT / "briefbot-keypoints.jsonl", OUT / "briefbot-lead3.jsonl"
    junk: Counter[str] = Counter()
    examples: dict[str, str] = {}
    points_total = 0
    wall, cpu = time.perf_counter(), time.process_time()
    with (
        ours_path.open("w", encoding="utf-8") as ours,
        lead_path.open("w", encoding="utf-8") as lead,
    ):
        for record in records:
            summary = extract_summary(record["text"], article_id="a")
            points = list(summary.key_points)
            points_total += len(points)
            for point in points:
                for reason in junk_reasons(point):
                    junk[reason] += 1
                    examples.setdefault(reason, point[:160])
            ours.write(json.dumps({"id": record["id"], "key_points": points}) + "\n")
            lead.write(json.dumps({"id": record["id"], "key_points": lead3(record["text"])}) + "\n")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mine, base = _score(scorer, data, ours_path), _score(scorer, data, lead_path)
    for reason, count in junk.most_common():
        print(f"junk {reason}: {count}  e.g. {examples[reason]!r}")
    print(f"keypoints: {mine}")
    print(f"lead-3:    {base}")
    print(
        f"articles={len(records)} points={points_total} junk={sum(junk.values())} "
        f"rouge1={mine.get('rouge1', 0):.2f} rouge2={mine.get('rouge2', 0):.2f} "
        f"rougeLsum={mine.get('rougeLsum', 0):.2f} lead3_rouge1={base.get('rouge1', 0):.2f} "
        f"lead3_rouge2={base.get('rouge2', 0):.2f} lead3_rougeLsum={base.get('rougeLsum', 0):.2f} "
        f"summary_seconds={wall:.2f} summary_cpu_seconds={cpu:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
