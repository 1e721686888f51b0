"""Console output: styled on a terminal, plain when piped; the adapter driven through streams."""

from __future__ import annotations

import asyncio
import io

from bot.adapters.console import ConsoleAdapter, Output
from bot.core.briefing import BriefingSpec
from bot.store import Store
from tests.conftest import NOW


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_terminal_gets_a_bold_heading_and_pipes_get_plain_text() -> None:
    styled, plain = Terminal(), io.StringIO()
    Output(styled).show("Heading\nbody <!channel> [b]not markup[/b]")
    Output(plain).show("Heading\nbody <!channel> [b]not markup[/b]")
    assert "\x1b[1m" in styled.getvalue() and "Heading" in styled.getvalue()
    assert "[b]not markup[/b]" in styled.getvalue()  # article text is never rich markup
    assert plain.getvalue() == "Heading\nbody <!channel> [b]not markup[/b]\n\n"


async def test_adapter_answers_each_line_until_eof(loaded_store: Store) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(
        loaded_store, spec=BriefingSpec(), clock=lambda: NOW, output=Output(out)
    )
    stdin = io.StringIO("who Quigley\n\n/brief subscribe 0 8 * * *\nquit\nwho Rubio\n")
    await adapter.serve(stdin, asyncio.Event())
    text = out.getvalue()
    assert "Mike Quigley, Democratic Congressman" in text
    assert "briefbot post <schedule>" in text  # admin verbs point to the CLI
    assert "Marco Rubio" not in text  # nothing after quit


async def test_adapter_stops_when_asked(loaded_store: Store) -> None:
    out = io.StringIO()
    adapter = ConsoleAdapter(
        loaded_store, spec=BriefingSpec(), clock=lambda: NOW, output=Output(out)
    )
    stop = asyncio.Event()
    stop.set()
    await asyncio.wait_for(adapter.serve(io.StringIO("who Quigley\n"), stop), timeout=5)
    assert out.getvalue() == ""
