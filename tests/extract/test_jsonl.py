"""Batch mode: one line in, one line out; bad lines are reported and skipped."""

from __future__ import annotations

import io
import json

from bot.extract.jsonl import run_jsonl

GOOD = {"id": "a1", "text": "Harbour plan\n“We will open it in spring,” said Ana Ortiz."}


def test_good_and_bad_lines() -> None:
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"id": "a2"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "text": "Nothing said here at all."}),
    ]
    out, progress = io.StringIO(), io.StringIO()
    failed = run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, progress)
    assert failed == 3
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["a1", "a3"]
    assert results[0]["statements"][0] == {
        "speaker": "Ana Ortiz",
        "text": "We will open it in spring",
        "kind": "direct",
        "cue": "said",
        "paragraph": 1,
        "confidence": "named",
    }
    assert results[0]["provenance"]["origin"] == "extractor"
    assert results[0]["article"]["id"] == "a1"
    assert "text" not in results[0]
    report = progress.getvalue()
    assert "line 2: invalid JSON" in report
    assert "line 3: no 'text' string" in report
    assert "line 5: expected a JSON object" in report
    assert "2 articles, 3 failed" in report


def test_progress_every_n_articles() -> None:
    lines = "\n".join(json.dumps(dict(GOOD, id=f"a{i}")) for i in range(5))
    progress = io.StringIO()
    run_jsonl(io.StringIO(lines), io.StringIO(), progress, every=2)
    assert progress.getvalue().count("extract: ") == 3  # after 2, after 4, and the final line
