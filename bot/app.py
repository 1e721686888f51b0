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
from typing import TYPE_CHECKING, Any, TextIO

from bot.adapters.console import ConsoleAdapter, Output
from bot.context import Context
from bot.delivery.posters import build_posters
from bot.delivery.scheduler import DeliveryScheduler
from bot.delivery.service import DeliveryService
from bot.errors import ConfigError
from bot.ingest.question_model import open_question_reader
from bot.loader import SyncReport, sync_folder, watch_folder
from bot.observability.metrics import DeliveryMetrics
from bot.observability.readiness import Readiness
from bot.settings import Secrets, Settings
from bot.store import Store, StoreError, open_store

if TYPE_CHECKING:
    from bot.web.server import WebServer

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def open_context(settings: Settings, secrets: Secrets) -> AsyncIterator[Context]:
    """Open the store for a command and close it afterwards."""
    if settings.database_url is None:  # the default store: its folder is ours to make
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the data folder {settings.data_dir}: {err}") from err
    store = await open_store(settings.store_url)
    try:
        async with open_question_reader(settings, secrets) as reader:
            yield Context(settings, secrets, store, question_reader=reader)
    finally:
        await store.close()


async def sync_briefs(context: Context, output: Output) -> SyncReport:
    """Sync the briefs folder, reporting problems on stderr without stopping."""
    report = await sync_folder(context.store, context.settings.briefs_dir)
    _show(report, output)
    return report


def _show(report: SyncReport, output: Output) -> None:
    for error in report.errors:
        output.error(f"error: {error}")
    for warning in report.warnings:
        output.error(f"warning: {warning}")


@contextlib.asynccontextmanager
async def watching_briefs(context: Context, output: Output) -> AsyncIterator[None]:
    """While inside, edited, new and removed briefs reach the store (``watch_folder``)."""
    stop = asyncio.Event()
    task = asyncio.create_task(
        watch_folder(context.store, context.settings.briefs_dir, lambda r: _show(r, output), stop)
    )
    try:
        yield
    finally:
        stop.set()
        await task


def _install_signal_handlers(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


def describe_run(settings: Settings, secrets: Secrets, *, console: bool) -> str:
    """What this process runs, for the one start-up line: never a secret nor the store's URL."""
    running = []
    if console or not secrets.any_platform:
        running.append("console")
    else:
        if secrets.slack:
            running.append("slack (socket mode)" if secrets.slack_app_token else "slack (http)")
        if secrets.discord:
            running.append("discord")
    platforms = ", ".join(running)
    store = settings.store_url.partition(":")[0] or "unknown"
    schedules = ", ".join(
        f"{s.name} ({s.cron} {s.timezone}, {len(s.channels)} channel(s))"
        for s in settings.schedules
    )
    feeds = ", ".join(f"{f.name} (every {f.every_minutes} min)" for f in settings.feeds)
    return (
        f"platforms: {platforms}; store: {store}; briefs: {settings.briefs_dir}; "
        f"schedules: {schedules or 'none'}; feeds: {feeds or 'none'}"
    )


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
    if not console and (problem := secrets.platform_problem()):
        raise ConfigError(problem)  # never fall back to the console on a half-set platform
    stop = asyncio.Event()
    _install_signal_handlers(stop)
    async with AsyncExitStack() as stack:
        context = await stack.enter_async_context(open_context(settings, secrets))
        await sync_briefs(context, output)
        await stack.enter_async_context(watching_briefs(context, output))
        # Scheduled delivery; adapters add their poster with delivery.register(poster).
        delivery = DeliveryService(
            context, build_posters(context, output), events=DeliveryMetrics()
        )
        scheduler = await stack.enter_async_context(DeliveryScheduler(delivery))
        if settings.feeds:  # ingestion (trafilatura, httpx) is loaded only when feeds exist
            from bot.ingest.service import feed_polling

            await stack.enter_async_context(feed_polling(context, scheduler.scheduler))
        log.info("briefbot starting: %s", describe_run(settings, secrets, console=console))
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
        watch(context.readiness, context.store, scheduler)
        if not secrets.slack_http:  # in Slack's HTTP mode its server carries these routes
            await stack.enter_async_context(health_server(settings, context.readiness))
        if secrets.discord:  # gateway client (commands, buttons) and its scheduled-post poster
            from bot.adapters.discord.client import start_discord

            started: list[Any] = []  # not ready until the client exists and is connected
            context.readiness.add(
                "discord",
                lambda: bool(started) and started[0].is_ready() and not started[0].is_closed(),
            )
            started.append((await start_discord(stack, context, delivery)).client)
        if secrets.slack:  # HTTP endpoint or Socket Mode, and the Slack poster for delivery
            from bot.adapters.slack.adapter import start_slack

            await start_slack(stack, context, delivery)
        log.info("platforms configured; waiting for SIGTERM")
        await stop.wait()
    return 0


def health_server(settings: Settings, readiness: Readiness) -> WebServer:
    """The web server of ``/healthz``, ``/readyz`` and ``/metrics`` on ``[health] port``."""
    from bot.web.server import WebServer  # aiohttp only for the commands that serve

    health = settings.health
    return WebServer(health.host, health.port, readiness, setting="[health] port")


def watch(readiness: Readiness, store: Store, scheduler: DeliveryScheduler) -> None:
    """Register the readiness probes of the parts every mode has: the store, the scheduler."""

    async def store_answers() -> bool:
        await store.latest(1)
        return True

    readiness.add("store", store_answers)
    readiness.add("scheduler", lambda: bool(scheduler.scheduler.running))
