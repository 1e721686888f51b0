"""The Typer application, shared options, and the error boundary of every subcommand.

Start-up time matters (``briefbot --help`` is the first thing an operator runs), so this module
and every command module import only typer and the standard library at the top: settings,
the store, the adapters and ingestion are imported inside the commands that need them.
Typer's rich help is off for the same reason (rich alone costs ~0.2 s to import).
"""

from __future__ import annotations

import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from bot.settings import Secrets, Settings

app = typer.Typer(
    name="briefbot",
    help="News briefings and who-said-what answers for Slack, Discord and the console.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
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

INIT_HINT = "run `briefbot init` here to create config/briefbot.toml and briefs/"


def package_version() -> str:
    """The installed distribution's version (a source checkout without metadata says so)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefbot")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"briefbot {package_version()}")
        raise typer.Exit(0)


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """News briefings and who-said-what answers for Slack, Discord and the console."""


def settings_from(
    config: Path | None, *, command: str = "command", needs_briefs: bool = False
) -> tuple[Settings, Secrets]:
    """Load and validate settings and secrets once (``.env`` first); configure logging.

    ``needs_briefs`` commands refuse a missing briefs folder here, with the way out, instead
    of failing later deep in the loader.
    """
    from bot.logs import configure_logging
    from bot.settings import Secrets, load_settings, read_dotenv

    environment = read_dotenv()
    settings = load_settings(config, environment)
    secrets = Secrets.from_env(environment)
    configure_logging(settings.effective_log_level(command), settings.log_format)
    if needs_briefs and not settings.briefs_dir.is_dir():
        raise fail(_missing_briefs(settings))
    return settings, secrets


def _missing_briefs(settings: Settings) -> str:
    if settings.config_path is None:
        return f"no config found and no {settings.briefs_dir}/ folder: {INIT_HINT} (or --config)"
    return (
        f"{settings.briefs_dir}: briefs folder not found "
        f"(briefs_dir in {settings.config_path}; `briefbot init` writes an example)"
    )


def run_async(coroutine: Coroutine[Any, Any, int]) -> None:
    """Run a subcommand's coroutine and exit with its code; known failures end in one line."""
    import asyncio

    from bot.cli.errors import one_line

    try:
        code = asyncio.run(coroutine)
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as err:
        line = one_line(err)
        if line is None:
            raise  # a bug: keep the traceback
        raise fail(*line) from None
    raise typer.Exit(code)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a problem on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def main() -> None:
    """Console-script entry point: known failures end as one line and an exit code."""
    try:
        app()
    except Exception as err:
        from bot.cli.errors import one_line

        line = one_line(err)
        if line is None:
            raise  # a bug: keep the traceback
        message, code = line
        typer.echo(f"error: {message}", err=True)
        sys.exit(code)
