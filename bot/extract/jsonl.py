"""Batch mode: JSON lines of articles in, JSON lines of statements and summaries out.

One bad line must not lose a long run, so every failure is reported on the progress stream
with its line number and the run continues.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from typing import IO, Any

from bot.core.summary import Summary
from bot.extract.statements import analyse
from bot.extract.summary import build_summary

log = logging.getLogger(__name__)

PROGRESS_EVERY = 100


def _published(record: dict[str, Any]) -> dt.date | None:
    raw = record.get("published") or record.get("publication_date")
    if not isinstance(raw, str):
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def record_summary(record: dict[str, Any], published: dt.date | None = None) -> tuple[Any, Summary]:
    """The analysis and summary of one line: the same summary ``briefbot extract FILE`` gives
    for that text (its own date first, then ``published``)."""
    text = record["text"]
    analysis = analyse(text)
    summary = build_summary(
        analysis,
        text,
        article_id=str(record["id"]) if record.get("id") is not None else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        published=_published(record) or published,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
    )
    return analysis, summary


def process_record(record: dict[str, Any], published: dt.date | None = None) -> dict[str, Any]:
    """One output object: the scorer's statement list plus the rest of the summary."""
    analysis, summary = record_summary(record, published)
    rest = summary.model_dump(mode="json", exclude={"text", "statements"})
    statements = [
        {
            "speaker": st.speaker or None,
            "text": st.text,
            "kind": st.kind,
            "cue": st.cue,
            "paragraph": st.paragraph,
            "confidence": st.confidence,
        }
        for st in analysis.statements
    ]
    return {"id": record.get("id"), "statements": statements, **rest}


def _parse(line: str, number: int) -> tuple[dict[str, Any] | None, str | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(record, dict):
        return None, f"line {number}: expected a JSON object with 'id' and 'text'"
    if not isinstance(record.get("text"), str):
        return None, f"line {number}: no 'text' string (id {record.get('id')!r})"
    return record, None


def run_jsonl(
    in_stream: IO[str],
    out_stream: IO[str],
    progress_stream: IO[str],
    *,
    every: int = PROGRESS_EVERY,
    published: dt.date | None = None,
    on_summary: Callable[[Summary], None] | None = None,
) -> int:
    """Extract every line of ``in_stream``; returns the number of lines that failed.

    ``published`` is the date for lines that give none. With ``on_summary`` each summary is
    handed to it (``--out`` writes brief files) instead of written as a JSON line.
    """
    started = time.perf_counter()
    done = failed = 0
    for number, line in enumerate(in_stream, start=1):
        if not line.strip():
            continue
        record, error = _parse(line, number)
        if record is not None:
            try:
                if on_summary is not None:
                    on_summary(record_summary(record, published)[1])
                else:
                    out = process_record(record, published)
                    out_stream.write(json.dumps(out, ensure_ascii=False) + "\n")
            except Exception as exc:  # one article must not stop the batch
                log.exception("extraction failed on line %d", number)
                error = f"line {number}: extraction failed (id {record.get('id')!r}): {exc}"
            else:
                done += 1
        if error:
            failed += 1
            progress_stream.write(f"error: {error}\n")
        if done and done % every == 0 and record is not None and not error:
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress_stream.write(f"extract: {done} articles ({rate:.0f}/s)\n")
            progress_stream.flush()
    elapsed = time.perf_counter() - started
    progress_stream.write(f"extract: done, {done} articles, {failed} failed, {elapsed:.2f}s\n")
    progress_stream.flush()
    return failed
