"""The console adapter: the zero-setup default and the end-to-end test harness."""

from bot.adapters.console.adapter import ConsoleAdapter
from bot.adapters.console.output import Output

__all__ = ["ConsoleAdapter", "Output"]
