"""Console adapter: print the briefing, then answer questions and /brief commands typed on
stdin until EOF."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import TextIO

from bot.adapters.console.output import Output
from bot.adapters.console.render import render, render_briefing
from bot.core.answers import latest_briefing
from bot.core.briefing import Briefing, BriefingSpec
from bot.core.commands import parse
from bot.core.library import Library
from bot.core.questions import QueryReader, answer_text

log = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]
ADMIN_HINT = (
    "Admin commands act on chat channels. In the console use `briefbot post <schedule>` "
    "and `briefbot status`."
)


class ConsoleAdapter:
    """Answers commands from a text stream and prints briefings to an ``Output``."""

    def __init__(
        self,
        library: Library,
        *,
        spec: BriefingSpec,
        clock: Clock,
        output: Output,
        reader: QueryReader | None = None,
    ) -> None:
        self._library = library
        self._reader = reader
        self._spec = spec
        self._clock = clock
        self._output = output

    async def show_briefing(self, briefing: Briefing | None = None) -> None:
        """Print a briefing (the current one unless given)."""
        if briefing is None:
            briefing = await latest_briefing(self._library, spec=self._spec, now=self._clock())
        self._output.show(render_briefing(briefing))

    async def handle(self, line: str) -> None:
        """Answer one typed command or question, in the same words as chat."""
        if parse(line).is_admin:
            self._output.show(ADMIN_HINT)
            return
        reply = await answer_text(
            self._library, line, now=self._clock(), spec=self._spec, reader=self._reader
        )
        self._output.show(render(reply))

    async def serve(self, stream: TextIO, stop: asyncio.Event) -> None:
        """Answer each line of ``stream`` until EOF or ``stop`` is set."""
        lines = _line_queue(stream)
        while not stop.is_set():
            next_line = asyncio.ensure_future(lines.get())
            stopped = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({next_line, stopped}, return_when=asyncio.FIRST_COMPLETED)
            for task in (next_line, stopped):
                if task not in done:
                    task.cancel()
            if next_line not in done:
                return
            line = next_line.result()
            if line is None:
                return
            if line.strip() and line.strip().lower() not in {"quit", "exit"}:
                await self.handle(line)
            elif line.strip():
                return


def _line_queue(stream: TextIO) -> asyncio.Queue[str | None]:
    """Lines of a blocking stream delivered to the loop by a daemon thread; None marks EOF.

    A daemon thread, not ``asyncio.to_thread``: a read blocked on a terminal must not keep
    the process alive after Ctrl-C or SIGTERM.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        try:
            for line in stream:
                loop.call_soon_threadsafe(queue.put_nowait, line)
        except (OSError, ValueError) as err:  # closed or unreadable stdin ends the session
            log.debug("stdin closed: %s", err)
        finally:
            with contextlib.suppress(RuntimeError):  # the loop is already closed
                loop.call_soon_threadsafe(queue.put_nowait, None)

    threading.Thread(target=pump, name="console-stdin", daemon=True).start()
    return queue
