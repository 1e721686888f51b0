"""A progress bar for long batches on a terminal (rich); plain lines stay for pipes and logs."""

from __future__ import annotations

from types import TracebackType
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class BarProgress:
    """``bot.extract.jsonl.Progress`` drawn as a bar with total, rate and ETA on stderr."""

    def __init__(self, stream: IO[str], total: int | None, *, label: str = "extract") -> None:
        self.console = Console(file=stream)
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            redirect_stdout=False,  # results go to stdout untouched, the bar to stderr
            redirect_stderr=False,
        )
        self.task = self.bar.add_task(label, total=total)
        self.done = self.failed = 0

    def __enter__(self) -> BarProgress:
        self.bar.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.bar.stop()

    def advance(self, ok: bool, error: str | None) -> None:
        if error:
            self.failed += 1
            self.console.print(f"error: {error}", markup=False, highlight=False)
        self.done += ok
        self.bar.advance(self.task)

    def finish(self) -> None:
        self.bar.stop()
        self.console.print(
            f"extract: done, {self.done} articles, {self.failed} failed", highlight=False
        )


def is_terminal(stream: IO[str]) -> bool:
    """A real terminal (not a pipe, a file or a test's capture)."""
    return hasattr(stream, "isatty") and stream.isatty()
