"""The one place that wires the parts together and owns their start and stop.

Everything that must be closed (store, clients, adapters, scheduler) is entered into one
``AsyncExitStack``, so that SIGTERM, SIGINT, EOF on the console or an error all close them in
reverse order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import TextIO

from bot.adapters.console import ConsoleAdapter, Output
from bot.context import Context
from bot.delivery.posters import build_posters
from bot.delivery.scheduler import DeliveryScheduler
from bot.delivery.service import DeliveryService
from bot.ingest.question_model import open_question_reader
from bot.ingest.service import feed_polling
from bot.loader import SyncReport, sync_folder
from bot.settings import Secrets, Settings
from bot.store import open_store

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def open_context(settings: Settings, secrets: Secrets) -> AsyncIterator[Context]:
    """Open the store for a command and close it afterwards."""
    store = await open_store(settings.store_url)
    try:
        async with open_question_reader(settings, secrets) as reader:
            yield Context(settings, secrets, store, question_reader=reader)
    finally:
        await store.close()


async def sync_briefs(context: Context, output: Output) -> SyncReport:
    """Sync the briefs folder, reporting problems on stderr without stopping."""
    report = await sync_folder(context.store, context.settings.briefs_dir)
    for error in report.errors:
        output.error(f"error: {error}")
    for warning in report.warnings:
        output.error(f"warning: {warning}")
    return report


def _install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def run(
    settings: Settings,
    secrets: Secrets,
    *,
    console: bool,
    stdin: TextIO | None = None,
    output: Output | None = None,
) -> int:
    """Run the bot until stopped: console when asked or when no platform is configured."""
    output = output or Output()
    stop = asyncio.Event()
    _install_signal_handlers(stop)
    async with AsyncExitStack() as stack:
        context = await stack.enter_async_context(open_context(settings, secrets))
        await sync_briefs(context, output)
        # Scheduled delivery; adapters add their poster with delivery.register(poster).
        delivery = DeliveryService(context, build_posters(context, output))
        scheduler = await stack.enter_async_context(DeliveryScheduler(delivery))
        await stack.enter_async_context(feed_polling(context, scheduler.scheduler))
        if console or not secrets.any_platform:
            adapter = ConsoleAdapter(
                context.store,
                spec=settings.briefing.spec(),
                clock=context.now,
                output=output,
                reader=context.question_reader,
            )
            await adapter.show_briefing()
            await adapter.serve(stdin or sys.stdin, stop)
            return 0
        if secrets.discord:  # gateway client (commands, buttons) and its scheduled-post poster
            from bot.adapters.discord.client import start_discord

            await start_discord(stack, context, delivery)
        if secrets.slack:  # HTTP endpoint or Socket Mode, and the Slack poster for delivery
            from bot.adapters.slack.adapter import start_slack

            await start_slack(stack, context, delivery)
        log.info("platforms configured; waiting for SIGTERM")
        await stop.wait()
    return 0
