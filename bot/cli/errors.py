"""The command line's last line of defence: known failures become one line and an exit code.

An operator's mistake or the machine's state (a bad config, a full disk, a port already
taken, a file that cannot be written) deserves one readable line, not a traceback. Anything
not recognised here is a bug and keeps its traceback: ``one_line`` returns None for it.

Exit codes: 2 for what the user can fix in the command or the config (briefbot's own
errors), 1 for the machine's state (disk, port, permissions, the store).
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator

from bot.errors import BriefbotError

MACHINE = 1
USAGE = 2

# SQLite reports a full disk (or a file-size limit) with these messages.
_SQLITE_DISK = ("database or disk is full", "disk i/o error")


def _chain(err: BaseException) -> Iterator[BaseException]:
    """The exception and its causes, outermost first (each once)."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        # ``raise … from None`` means the cause was already put into words: stop there.
        hidden = current.__suppress_context__ and current.__cause__ is None
        current = current.__cause__ or (None if hidden else current.__context__)


def _os_error(err: OSError) -> str | None:
    where = f"{err.filename}: " if err.filename else ""
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"{where}no space left on the device (free some disk space and start again)"
    if err.errno == errno.EADDRINUSE:
        return (
            f"cannot listen: {err.strerror or 'address already in use'} (set PORT to a free port)"
        )
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}{err.strerror or 'permission denied'}"
    return None


def _sqlite_error(err: sqlite3.Error) -> str | None:
    text = str(err).lower()
    if any(marker in text for marker in _SQLITE_DISK):
        return f"store: {err} (is the disk full?)"
    return None


def one_line(err: BaseException) -> tuple[str, int] | None:
    """(message, exit code) for a known failure, None for a bug."""
    for link in _chain(err):
        if isinstance(link, OSError) and (message := _os_error(link)):
            return message, MACHINE
        if isinstance(link, sqlite3.Error) and (message := _sqlite_error(link)):
            return message, MACHINE
    if isinstance(err, BriefbotError):
        return str(err), USAGE
    return None
