"""Admin operations behind the chat commands: subscribe, change time, unsubscribe, post now.

Adapters call these with a channel ref ("console", "slack:C0123ABCD", "discord:1122…").
Subscriptions live in the database, so they survive restarts and every running process sees
them: the leading scheduler hears of a change at once on PostgreSQL (``announce``) and
re-reads them every ``delivery.resync_seconds`` anyway. A bad channel, cron or
timezone raises ``UserInputError`` with a message fit to show the admin.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from pydantic import TypeAdapter, ValidationError

from bot.context import Context
from bot.delivery.cron import parse_cron
from bot.delivery.fanout import DeliveryResult
from bot.delivery.leader import announce
from bot.delivery.poster import Poster
from bot.delivery.schedules import Schedule, from_subscription
from bot.delivery.service import DeliveryService
from bot.errors import UserInputError
from bot.settings import ChannelRef
from bot.store.ledger import Subscription

log = logging.getLogger(__name__)
_CHANNEL = TypeAdapter(ChannelRef)

__all__ = ["Subscription", "change_time", "describe", "post_now", "subscribe", "unsubscribe"]


def check_channel(channel: str) -> str:
    """A valid channel ref, or UserInputError."""
    try:
        return _CHANNEL.validate_python(channel)
    except ValidationError as err:
        raise UserInputError(
            f"bad channel {channel!r}: expected console, slack:<ID> or discord:<ID>"
        ) from err


async def subscribe(
    context: Context, channel: str, *, cron: str, timezone: str, by: str
) -> Subscription:
    """Subscribe a channel (or replace its schedule); clears a failing mark, as a fix."""
    check_channel(channel)
    line = parse_cron(cron, timezone).expr  # UserInputError on a bad or never-firing cron
    subscription = Subscription(channel, line, timezone, by, context.clock())
    await context.store.put_subscription(subscription)
    if await context.store.clear_failing(channel):
        log.info("channel %s re-subscribed: no longer marked failing", channel)
    log.info("subscribed %s to %r in %s (by %s)", channel, cron, timezone, by)
    await announce(context.settings.store_url)
    return subscription


async def change_time(context: Context, channel: str, *, cron: str, timezone: str) -> Subscription:
    """Change a subscribed channel's cron and timezone; UserInputError if not subscribed."""
    check_channel(channel)
    line = parse_cron(cron, timezone).expr
    current = await context.store.subscription(channel)
    if current is None:
        raise UserInputError(f"{channel} is not subscribed; use subscribe first")
    changed = Subscription(channel, line, timezone, current.created_by, context.clock())
    await context.store.put_subscription(changed)
    log.info("schedule of %s changed to %r in %s", channel, cron, timezone)
    await announce(context.settings.store_url)
    return changed


def describe(subscription: Subscription) -> str:
    """A subscription in words for a confirmation: 'At 08:00 on Monday through Friday
    (Europe/Berlin), cron `0 8 * * 1-5`'."""
    words = parse_cron(subscription.cron, subscription.timezone).describe()
    return f"{words}, cron `{subscription.cron}`"


async def unsubscribe(context: Context, channel: str) -> bool:
    """Stop scheduled briefings in a channel; False when it was not subscribed."""
    check_channel(channel)
    removed = await context.store.delete_subscription(channel)
    log.info("unsubscribed %s (was subscribed: %s)", channel, removed)
    if removed:
        await announce(context.settings.store_url)
    return removed


async def post_now(context: Context, channel: str, posters: Mapping[str, Poster]) -> DeliveryResult:
    """Post the briefing to one channel now: an ad-hoc slot, through the ledger.

    An admin asking for a post is also how a failing channel is retried: the mark is cleared
    first, and set again if the platform still refuses.
    """
    check_channel(channel)
    schedule = await _schedule_for(context, channel)
    await context.store.clear_failing(channel)
    service = DeliveryService(context, dict(posters))
    return await service.deliver(schedule, context.clock(), adhoc=True)


async def _schedule_for(context: Context, channel: str) -> Schedule:
    """The channel's subscription schedule, else a one-channel ad-hoc one."""
    subscription = await context.store.subscription(channel)
    if subscription is not None:
        return from_subscription(subscription, context.settings)
    settings = context.settings
    spec = settings.briefing.spec()
    return Schedule(f"adhoc:{channel}", "0 0 1 1 *", settings.timezone, (channel,), spec)
