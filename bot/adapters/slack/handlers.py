"""The Slack listeners: /brief, the follow-up buttons and app mentions, registered explicitly.

Each handler acknowledges first (Slack waits 3 s at most), then parses, asks the core, renders
and replies. ``deliver`` is the error edge: a user's mistake becomes a friendly reply, anything
else is logged with its traceback and answered with a short apology.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.admin import Admins, run_admin
from bot.adapters.slack.blocks import Message, entities
from bot.adapters.slack.poster import SlackPoster
from bot.adapters.slack.render import QUOTES_ACTION, SOURCES_ACTION, render, render_notice
from bot.context import Context
from bot.core.answers import answer
from bot.core.briefing import BriefingSpec
from bot.core.commands import Command, Verb, parse
from bot.delivery.poster import Poster
from bot.errors import UserInputError
from bot.observability.metrics import time_command

log = logging.getLogger(__name__)

Reply = Callable[[Message], Awaitable[None]]
Body = dict[str, Any]

APOLOGY = "Sorry, something went wrong on our side while answering that. Please try again later."
MAX_REPLIES = 5  # a response_url takes at most 5 posts
MAX_FOLLOW_UPS = 5  # articles answered for one button click
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
_WHO_SAID = re.compile(r"^who\s+said\s+(.+)$", re.IGNORECASE | re.DOTALL)


@dataclass
class Deps:
    """What the handlers need: the context, how briefings look, who administers, the posters."""

    context: Context
    spec: BriefingSpec
    admins: Admins
    posters: Mapping[str, Poster]


def register(app: AsyncApp, deps: Deps) -> None:
    """Attach every briefbot listener to the Bolt app (redeliveries are skipped by the
    adapter's store-backed middleware, shared by replicas)."""
    app.command("/brief")(_on_brief(deps))
    app.action(QUOTES_ACTION)(_on_button(deps, Verb.QUOTES))
    app.action(SOURCES_ACTION)(_on_button(deps, Verb.SOURCES))
    app.event("app_mention")(_on_mention(deps))


def _on_brief(deps: Deps) -> Callable[..., Awaitable[None]]:
    async def on_brief(
        ack: AsyncAck, command: Body, respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        parsed = parse(command.get("text") or "")
        channel, user = command["channel_id"], command["user_id"]
        work = answer_command(deps, client, parsed, channel=channel, user=user)
        with time_command("slack", parsed.verb.value):
            await deliver(_ephemeral(respond), work)

    return on_brief


def _on_button(deps: Deps, verb: Verb) -> Callable[..., Awaitable[None]]:
    async def on_button(ack: AsyncAck, body: Body, action: Body, client: AsyncWebClient) -> None:
        await ack()
        channel = body["channel"]["id"]
        message = body.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts") or body["container"]["message_ts"]
        ids = str(action.get("value") or "").split()[:MAX_FOLLOW_UPS]
        await deliver(_in_thread(client, channel, thread), follow_up(deps, verb, ids))

    return on_button


def _on_mention(deps: Deps) -> Callable[..., Awaitable[None]]:
    async def on_mention(event: Body, client: AsyncWebClient) -> None:
        parsed = mention_command(event.get("text") or "")
        channel, user = event["channel"], event.get("user", "")
        reply = _in_thread(client, channel, event.get("thread_ts") or event["ts"])
        await deliver(reply, answer_command(deps, client, parsed, channel=channel, user=user))

    return on_mention


async def answer_command(
    deps: Deps, client: AsyncWebClient, command: Command, *, channel: str, user: str
) -> list[Message]:
    """The messages answering a command: admin verbs go to delivery, the rest to the core."""
    if command.is_admin:
        return await run_admin(
            deps.context, deps.admins, deps.posters, client, command, channel=channel, user=user
        )
    return await ask_core(deps, command)


async def ask_core(deps: Deps, command: Command) -> list[Message]:
    """A read-only command answered by the core and rendered."""
    context = deps.context
    return render(await answer(command, context.store, now=context.now(), spec=deps.spec))


async def follow_up(deps: Deps, verb: Verb, article_ids: Sequence[str]) -> list[Message]:
    """A button's answer: who said what, or the sourcing, for each article it names."""
    messages: list[Message] = []
    for article_id in article_ids:
        messages += await ask_core(deps, Command(verb, article_id))
    return messages


def mention_command(text: str) -> Command:
    """The command in a mention: the bot's name removed; "who said X" asks who said X."""
    words = _MENTION.sub(" ", text).strip()
    said = _WHO_SAID.match(words)
    return Command(Verb.SAID, said.group(1).strip()) if said else parse(words)


async def deliver(reply: Reply, work: Awaitable[list[Message]]) -> None:
    """Send the work's messages; turn failures into a friendly note or a logged apology."""
    try:
        messages = await work
    except UserInputError as err:
        messages = [render_notice(f":warning: {entities(str(err))}")]
    except Exception:
        log.exception("answering a Slack request failed")
        messages = [render_notice(APOLOGY)]
    for message in messages[:MAX_REPLIES]:
        await reply(message)


def _ephemeral(respond: AsyncRespond) -> Reply:
    async def reply(message: Message) -> None:
        response = await respond(response_type="ephemeral", **message.payload())
        if response.status_code != 200:
            log.warning("response_url refused a reply: HTTP %s", response.status_code)

    return reply


def _in_thread(client: AsyncWebClient, channel: str, thread_ts: str) -> Reply:
    poster = SlackPoster(client)

    async def reply(message: Message) -> None:
        await poster.send(channel, message, thread_ts=thread_ts)

    return reply
