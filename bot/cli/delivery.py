"""Delivery subcommands: post a schedule's latest slot, and show delivery status."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.base import ConfigOption, app, run_async, settings_from

if TYPE_CHECKING:
    from bot.adapters.console import Output
    from bot.delivery.fanout import DeliveryResult
    from bot.settings import Secrets, Settings


@app.command()
def post(
    schedule: Annotated[str, typer.Argument(help="Schedule name (config or sub:<channel>).")],
    config: ConfigOption = None,
    force: Annotated[bool, typer.Option("--force", help="Open a new ad-hoc slot.")] = False,
    retry_failing: Annotated[
        bool, typer.Option("--retry-failing", help="Try channels marked failing again.")
    ] = False,
) -> None:
    """Deliver the schedule's latest slot to every channel lacking it; 0 when all hold it."""
    settings, secrets = settings_from(config, needs_briefs=True)
    run_async(_post(settings, secrets, schedule, force=force, retry_failing=retry_failing))


async def _post(
    settings: Settings, secrets: Secrets, name: str, *, force: bool, retry_failing: bool
) -> int:
    from bot import app as application
    from bot.adapters.console import Output
    from bot.delivery.commands import post_schedule
    from bot.delivery.posters import build_posters
    from bot.delivery.service import DeliveryService
    from bot.observability.metrics import DeliveryMetrics

    output = Output()
    async with application.open_context(settings, secrets) as context:
        await application.sync_briefs(context, output)
        service = DeliveryService(context, build_posters(context, output), events=DeliveryMetrics())
        result = await post_schedule(service, name, force=force, retry_failing=retry_failing)
    return _report(result, output)


def _report(result: DeliveryResult, output: Output) -> int:
    """One line per channel on stderr; exit 1 naming the channels that lack the slot."""
    for o in result.outcomes:
        note = "(already)" if o.already and o.delivered else (o.message_id or "")
        problem = " ".join(p for p in (o.reason, o.detail) if p)
        output.error(f"{o.channel}: {o.status} {note if o.delivered else problem}".rstrip())
    if result.ok:
        return 0
    failed = ", ".join(o.channel for o in result.failed)
    output.error(
        f"error: {result.schedule} slot {result.slot.astimezone(dt.UTC):%Y-%m-%d %H:%M}Z not delivered to {failed}"
    )
    return 1


@app.command()
def status(config: ConfigOption = None) -> None:
    """Schedules and next fire times, recent deliveries, missed slots, failing channels."""
    settings, secrets = settings_from(config)
    run_async(_status(settings, secrets))


async def _status(settings: Settings, secrets: Secrets) -> int:
    from bot import app as application
    from bot.adapters.console import Output
    from bot.delivery.service import DeliveryService
    from bot.delivery.status import delivery_status, render_status

    output = Output()
    async with application.open_context(settings, secrets) as context:
        service = DeliveryService(context)
        report = await delivery_status(service, context.clock())
    output.show(render_status(report))
    return 0
