"""Core subcommands: run, ask, preview, check, schema."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from bot import app as application
from bot.adapters.console import Output
from bot.adapters.console.render import render, render_briefing
from bot.cli.base import ConfigOption, app, fail, run_async, settings_from
from bot.core.answers import HelpAnswer, latest_briefing
from bot.core.commands import parse
from bot.core.questions import answer_text
from bot.core.summary import json_schema
from bot.core.verify import check_quotes
from bot.errors import BriefError
from bot.loader import load_folder
from bot.settings import Secrets, Settings


@app.command()
def run(
    config: ConfigOption = None,
    console: Annotated[
        bool, typer.Option("--console", help="Use the console even when platform tokens are set.")
    ] = False,
) -> None:
    """Run the bot: the console with no tokens set, Slack and/or Discord when they are."""
    settings, secrets = settings_from(config)
    run_async(application.run(settings, secrets, console=console))


@app.command()
def ask(
    command: Annotated[
        str,
        typer.Argument(help='A question or /brief command, e.g. "what did Rubio say?".'),
    ],
    config: ConfigOption = None,
) -> None:
    """Answer one question or command on stdout and exit."""
    settings, secrets = settings_from(config)
    run_async(_ask(settings, secrets, command))


async def _ask(settings: Settings, secrets: Secrets, text: str) -> int:
    output = Output()
    async with application.open_context(settings, secrets) as context:
        await application.sync_briefs(context, output)
        command = parse(text)
        if command.is_admin:
            raise fail(
                f"'{command.verb}' is an admin command for chat channels; see briefbot --help"
            )
        reply = await answer_text(
            context.store,
            text,
            now=context.now(),
            spec=settings.briefing.spec(),
            reader=context.question_reader,
        )
    if isinstance(reply, HelpAnswer) and reply.problem:
        output.error(render(reply))
        return 2
    output.show(render(reply))
    return 0


@app.command()
def preview(config: ConfigOption = None) -> None:
    """Print the current briefing."""
    settings, secrets = settings_from(config)
    run_async(_preview(settings, secrets))


async def _preview(settings: Settings, secrets: Secrets) -> int:
    output = Output()
    async with application.open_context(settings, secrets) as context:
        await application.sync_briefs(context, output)
        briefing = await latest_briefing(
            context.store, spec=settings.briefing.spec(), now=context.now()
        )
    output.show(render_briefing(briefing))
    return 0


@app.command()
def check(config: ConfigOption = None) -> None:
    """Validate the config and every brief; exit non-zero on any problem."""
    settings, _ = settings_from(config)
    try:
        loaded, errors = load_folder(settings.briefs_dir)
    except BriefError as err:
        raise fail(str(err)) from None
    problems = [str(e) for e in errors]
    problems += [f"{path}: {m.describe()}" for path, s in loaded for m in check_quotes(s)]
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    where = settings.config_path or "defaults"
    typer.echo(f"config {where}: ok; briefs: {len(loaded)} valid, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the structured article summary."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
