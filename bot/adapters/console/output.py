"""Where console text goes: rich styling on a terminal, plain text when piped."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text


class Output:
    """Writes rendered text; the first line of each block is a heading."""

    def __init__(self, stream: TextIO | None = None, *, rich: bool | None = None) -> None:
        self._stream = stream or sys.stdout
        use_rich = self._stream.isatty() if rich is None else rich
        self._console = Console(file=self._stream, highlight=False) if use_rich else None

    def show(self, text: str) -> None:
        """Write one block of text followed by a blank line."""
        if self._console is None:
            self._stream.write(text + "\n\n")
            self._stream.flush()
            return
        head, _, rest = text.partition("\n")
        block = Text(head, style="bold")
        if rest:
            block.append("\n" + rest)
        self._console.print(block, markup=False)
        self._console.print()

    def error(self, text: str) -> None:
        """Write a problem to stderr (plain), keeping stdout for answers."""
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
