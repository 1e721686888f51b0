"""The command line: ``briefbot <subcommand>``. Each module adds its subcommands to ``app``."""

from __future__ import annotations

from bot.cli import (
    core,  # noqa: F401  (registers run, ask, preview, check, schema)
    delivery,  # noqa: F401  (registers post, status)
    discord,  # noqa: F401  (registers discord-invite)
    extract,  # noqa: F401  (registers extract, poll)
    health,  # noqa: F401  (registers healthcheck)
    init,  # noqa: F401  (registers init)
    store,  # noqa: F401  (registers migrate-store)
)
from bot.cli.base import app, main

__all__ = ["app", "main"]
