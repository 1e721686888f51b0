"""Core subcommands: run, ask, preview, check, schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.base import ConfigOption, app, fail, run_async, settings_from

if TYPE_CHECKING:
    from bot.core.summary import Summary
    from bot.settings import Secrets, Settings

NO_PLATFORM = (
    "no platform configured and no terminal to read commands from: set SLACK_BOT_TOKEN with "
    "SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode), or DISCORD_TOKEN; "
    "or pass --console"
)


@app.command()
def run(
    config: ConfigOption = None,
    console: Annotated[
        bool, typer.Option("--console", help="Use the console even when platform tokens are set.")
    ] = False,
) -> None:
    """Run the bot: Slack and/or Discord when tokens are set, else the console on a terminal.

    Without tokens and without a terminal (a container, a PaaS) there is nothing to run:
    exiting non-zero makes that visible instead of looking healthy while nothing is posted.
    """
    from bot import app as application

    settings, secrets = settings_from(config, command="run", needs_briefs=True)
    if not (console or secrets.any_platform or sys.stdin.isatty()):
        raise fail(NO_PLATFORM)
    run_async(application.run(settings, secrets, console=console or not secrets.any_platform))


@app.command()
def ask(
    command: Annotated[
        str,
        typer.Argument(help='A question or /brief command, e.g. "what did Rubio say?".'),
    ],
    config: ConfigOption = None,
) -> None:
    """Answer one question or command on stdout and exit."""
    settings, secrets = settings_from(config, needs_briefs=True)
    run_async(_ask(settings, secrets, command))


async def _ask(settings: Settings, secrets: Secrets, text: str) -> int:
    from bot import app as application
    from bot.adapters.console import Output
    from bot.adapters.console.render import render
    from bot.core.answers import HelpAnswer
    from bot.core.commands import parse
    from bot.core.questions import answer_text

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
    settings, secrets = settings_from(config, needs_briefs=True)
    run_async(_preview(settings, secrets))


async def _preview(settings: Settings, secrets: Secrets) -> int:
    from bot import app as application
    from bot.adapters.console import Output
    from bot.adapters.console.render import render_briefing
    from bot.core.answers import latest_briefing

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
    from bot.core.verify import check_quotes
    from bot.errors import BriefError
    from bot.loader import load_folder

    settings, _ = settings_from(config, needs_briefs=True)
    try:
        loaded, errors = load_folder(settings.briefs_dir)
    except BriefError as err:
        raise fail(str(err)) from None
    problems = [str(e) for e in errors]
    problems += [f"{path}: {m.describe()}" for path, s in loaded for m in check_quotes(s)]
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    for line in review_lines(loaded):
        typer.echo(line)
    where = settings.config_path or "defaults"
    typer.echo(f"config {where}: ok; briefs: {len(loaded)} valid, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


def review_lines(loaded: Sequence[tuple[object, Summary]]) -> list[str]:
    """Statements whose speaker the extractor guessed, for an editor to check (not errors)."""
    from bot.core.library import shown_speaker
    from bot.core.summary import Confidence

    lines: list[str] = []
    for path, summary in loaded:
        for index, st in enumerate(summary.statements):
            if st.low_confidence or st.confidence is Confidence.UNKNOWN:
                name = summary.speaker_name(st.speaker)
                words = st.text if len(st.text) <= 60 else st.text[:57] + "..."
                lines.append(
                    f"review: {path}: statements[{index}] paragraph {st.paragraph}: "
                    f"{shown_speaker(name, st.confidence)} ({st.confidence}): {words!r}"
                    if st.confidence is not Confidence.UNKNOWN
                    else f"review: {path}: statements[{index}] paragraph {st.paragraph}: "
                    f"speaker unknown: {words!r}"
                )
    return lines


@app.command()
def schema() -> None:
    """Print the JSON Schema of the structured article summary."""
    from bot.core.summary import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
