"""Batch mode: JSON lines of articles in, JSON lines of statements and summaries out.

One bad line must not lose a long run, so every failure is reported on the progress stream
with its line number and the run continues.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import IO, Any, Protocol

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
    for that text (the line's ``published`` first, then the text's date, then ``published``)."""
    text = record["text"]
    analysis = analyse(text)
    summary = build_summary(
        analysis,
        text,
        article_id=str(record["id"]) if record.get("id") is not None else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        published=_published(record),
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        default_published=published,
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


def extract_line(
    numbered: tuple[int, str], *, published: dt.date | None = None, brief: bool = False
) -> tuple[str | None, str | None]:
    """One input line → (its output JSON line, or the error to report). Runs in workers too.

    With ``brief`` the output is the whole summary (what ``--out`` writes as a brief file)
    rather than the scorer's statement list.
    """
    number, line = numbered
    record, error = _parse(line, number)
    if record is None:
        return None, error
    try:
        if brief:
            summary = record_summary(record, published)[1]
            return summary.model_dump_json(exclude_none=False), None
        out = process_record(record, published)
    except Exception as exc:  # one article must not stop the batch
        log.exception("extraction failed on line %d", number)
        return None, f"line {number}: extraction failed (id {record.get('id')!r}): {exc}"
    return json.dumps(out, ensure_ascii=False), None


class Progress(Protocol):
    """Where a batch reports: each line done or failed, then the end."""

    def advance(self, ok: bool, error: str | None) -> None: ...

    def finish(self) -> None: ...


class PlainProgress:
    """Plain lines on a stream: every error, a count every ``every`` articles, the total.

    With ``total`` known the count says how far along and the time left.
    """

    def __init__(self, stream: IO[str], *, every: int = PROGRESS_EVERY, total: int | None = None):
        self.stream, self.every, self.total = stream, every, total
        self.started = time.perf_counter()
        self.done = self.failed = 0

    def advance(self, ok: bool, error: str | None) -> None:
        if error:
            self.failed += 1
            self.stream.write(f"error: {error}\n")
        if not ok:
            return
        self.done += 1
        if self.done % self.every == 0:
            self.stream.write(f"extract: {self._count()}\n")
            self.stream.flush()

    def _count(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = f"{self.done / elapsed:.0f}/s"
        if not self.total:
            return f"{self.done} articles ({rate})"
        seen = self.done + self.failed
        left = max(self.total - seen, 0) * elapsed / max(seen, 1)
        share = 100 * seen // self.total
        return f"{self.done}/{self.total} articles ({share}%), {rate}, ETA {left:.0f}s"

    def finish(self) -> None:
        elapsed = time.perf_counter() - self.started
        self.stream.write(
            f"extract: done, {self.done} articles, {self.failed} failed, {elapsed:.2f}s\n"
        )
        self.stream.flush()


Worker = Callable[[tuple[int, str]], tuple[str | None, str | None]]


def _results(
    numbered: Iterable[tuple[int, str]], jobs: int, worker: Worker
) -> Iterator[tuple[str | None, str | None]]:
    """extract_line over the lines in input order, in ``jobs`` worker processes when > 1.

    Lines are handed out in windows so that a huge file is never held in memory whole.
    """
    if jobs <= 1:
        yield from map(worker, numbered)
        return
    window = jobs * 32
    # forkserver: the caller may run threads (a progress bar's refresh), which fork must not copy.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending = list(itertools.islice(numbered, window))
        while pending:
            yield from pool.map(worker, pending, chunksize=4)
            pending = list(itertools.islice(numbered, window))


def run_jsonl(
    in_stream: IO[str],
    out_stream: IO[str],
    progress_stream: IO[str],
    *,
    every: int = PROGRESS_EVERY,
    jobs: int = 1,
    progress: Progress | None = None,
    published: dt.date | None = None,
    on_summary: Callable[[Summary], None] | None = None,
) -> int:
    """Extract every line of ``in_stream``; returns the number of lines that failed.

    ``published`` is the date for lines that give none. With ``on_summary`` each summary is
    handed to it (``--out`` writes brief files) instead of written as a JSON line.
    """
    report = progress or PlainProgress(progress_stream, every=every)
    failed = 0
    numbered = ((n, line) for n, line in enumerate(in_stream, start=1) if line.strip())
    worker = functools.partial(extract_line, published=published, brief=on_summary is not None)
    for output, error in _results(numbered, jobs, worker):
        if output is not None and on_summary is not None:
            on_summary(Summary.model_validate_json(output))
        elif output is not None:
            out_stream.write(output + "\n")
        failed += error is not None
        report.advance(output is not None, error)
    report.finish()
    return failed
