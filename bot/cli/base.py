"""The Typer application, shared options, and the error boundary of every subcommand."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.errors import BriefbotError
from bot.settings import Secrets, Settings, load_settings

app = typer.Typer(
    name="briefbot",
    help="News briefings and who-said-what answers for Slack, Discord and the console.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (default: $BRIEFBOT_CONFIG, else config/briefbot.toml).",
        dir_okay=False,
    ),
]

log = logging.getLogger("bot")


def settings_from(config: Path | None) -> tuple[Settings, Secrets]:
    """Load and validate settings once; configure logging from them."""
    settings = load_settings(config)
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    return settings, Secrets.from_env(os.environ)


def run_async(coroutine: Coroutine[Any, Any, int]) -> None:
    """Run a subcommand's coroutine; briefbot's own errors end it with one readable line."""
    try:
        code = asyncio.run(coroutine)
    except BriefbotError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    raise typer.Exit(code)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a problem on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BriefbotError as err:  # settings errors raised before a coroutine runs
        typer.echo(f"error: {err}", err=True)
        sys.exit(2)
