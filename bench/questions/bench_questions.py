"""Benchmark: plain-language questions answered through the real `ask` path, scored.

Loads the shipped briefs and this folder's invented stories into a SQLite store through the
loader (as `briefbot ask` does), answers every question of an evaluation set with
``answer_text`` and renders it as `ask` prints it. A question is right when the first answer
names the expected speaker (or asks which one, or says nobody said it, as expected) and the
rendered answer shows the expected words. A first answer naming someone other than the
expected speaker is counted apart: it must be 0.

    python bench/questions/bench_questions.py [--set FILE] [--briefs DIR] [--now ISO-TIME]

The last line holds the headline figures as name=value pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.adapters.console.render import render
from bot.core.answers import (
    AmbiguousAnswer,
    Answer,
    DisputesAnswer,
    NoCommentAnswer,
    NotFoundAnswer,
    ProfileAnswer,
    SaidAnswer,
    SpeakerAnswer,
    TopicAnswer,
)
from bot.core.questions import answer_text
from bot.core.text import fold
from bot.loader import sync_folder
from bot.store import open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NOW = dt.datetime(2025, 12, 23, 9, 0, tzinfo=dt.UTC)
AMBIGUOUS, NOBODY = "AMBIGUOUS", "NOBODY"


@dataclass(frozen=True)
class Case:
    """One question with what its answer must hold."""

    question: str
    speaker: str | None
    words: str | None


@dataclass(frozen=True)
class Outcome:
    """How one question was answered."""

    case: Case
    first: str | None  # the speaker the first answer names, AMBIGUOUS, NOBODY or None
    text: str
    millis: float

    @property
    def right(self) -> bool:
        """Expected speaker first (if any) and expected words shown."""
        speaker_ok = self.case.speaker is None or self.first == self.case.speaker
        words_ok = not self.case.words or fold(self.case.words) in fold(self.text)
        return speaker_ok and words_ok

    @property
    def wrong_speaker(self) -> bool:
        """A person or source named first who is not the one expected."""
        named = self.first not in (None, AMBIGUOUS, NOBODY)
        return named and self.case.speaker is not None and self.first != self.case.speaker


def first_speaker(reply: Answer) -> str | None:
    """Who the answer presents first."""
    match reply:
        case SpeakerAnswer():
            return reply.speakers[0].name if reply.speakers else None
        case SaidAnswer():
            return reply.matches[0].statement.speaker_name
        case TopicAnswer():
            return reply.statements[0].speaker_name if reply.statements else NOBODY
        case ProfileAnswer():
            return reply.speaker.name
        case AmbiguousAnswer() if reply.what == "speaker":
            return AMBIGUOUS
        case NotFoundAnswer():
            return NOBODY
        case NoCommentAnswer() | DisputesAnswer():
            return None
    return None


def load_cases(path: Path) -> list[Case]:
    """The evaluation set: a YAML list of {q, speaker, words}."""
    entries = yaml.safe_load(path.read_text("utf-8"))
    return [Case(e["q"], e.get("speaker"), e.get("words")) for e in entries]


async def run(cases: list[Case], folders: list[Path], now: dt.datetime = NOW) -> list[Outcome]:
    """Answer every case against a store loaded with the briefs of ``folders``."""
    with tempfile.TemporaryDirectory() as scratch:
        briefs = Path(scratch) / "briefs"
        briefs.mkdir()
        for folder in folders:
            for brief in folder.glob("*.yaml"):
                shutil.copy(brief, briefs / brief.name)
        store = await open_store(f"sqlite:///{Path(scratch) / 'bench.sqlite3'}")
        try:
            report = await sync_folder(store, briefs)
            if not report.ok:
                raise SystemExit(f"briefs did not load: {report.errors}")
            outcomes = []
            for case in cases:
                started = time.perf_counter()
                reply = await answer_text(store, case.question, now=now)
                millis = (time.perf_counter() - started) * 1000
                outcomes.append(Outcome(case, first_speaker(reply), render(reply), millis))
            return outcomes
        finally:
            await store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=HERE / "questions.yaml")
    parser.add_argument("--briefs", type=Path, action="append", default=[])
    parser.add_argument("--verbose", action="store_true", help="print every answer")
    parser.add_argument(
        "--now", type=dt.datetime.fromisoformat, default=NOW, help="when the questions are asked"
    )
    args = parser.parse_args()
    folders = [ROOT / "briefs", HERE / "briefs", *args.briefs]
    outcomes = asyncio.run(run(load_cases(args.set), folders, args.now))
    for outcome in outcomes:
        if not outcome.right or args.verbose:
            mark = "ok  " if outcome.right else "FAIL"
            print(
                f"{mark} {outcome.case.question!r}: expected {outcome.case.speaker!r} / "
                f"{outcome.case.words!r}; first {outcome.first!r}",
                file=sys.stderr,
            )
            if not outcome.right:
                print("     " + outcome.text.replace("\n", "\n     ")[:600], file=sys.stderr)
    right = sum(o.right for o in outcomes)
    wrong = sum(o.wrong_speaker for o in outcomes)
    timings = sorted(o.millis for o in outcomes)
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(
        f"questions={len(outcomes)} right={right} accuracy_pct={100 * right / len(outcomes):.1f} "
        f"wrong_first_speaker={wrong} p50_ms={statistics.median(timings):.2f} p95_ms={p95:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
