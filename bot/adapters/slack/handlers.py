"""The Slack listeners: /brief, the follow-up buttons, mentions and direct messages.

Each handler acknowledges first (Slack waits 3 s at most), then parses, asks the core, renders
and replies. Whatever a user types (``/brief what did Quigley say?``, ``@briefbot who Rubio``, a
direct message) goes through one function, ``ask_text``: admin commands to the delivery layer,
everything else to the core's question layer. ``deliver`` is the error edge: a user's mistake becomes a friendly reply, anything
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
from bot.adapters.slack.blocks import Message
from bot.adapters.slack.buttons import QUOTES_ACTION, SOURCES_ACTION, SPEAKER_ACTION
from bot.adapters.slack.poster import SlackPoster
from bot.adapters.slack.render import render, render_notice, render_problem
from bot.context import Context
from bot.core.answers import answer
from bot.core.briefing import BriefingSpec
from bot.core.commands import Command, Verb, parse
from bot.core.questions import answer_text
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
    app.action(SPEAKER_ACTION)(_on_button(deps, Verb.WHO))
    app.event("app_mention")(_on_mention(deps))
    app.event("message")(_on_direct_message(deps))


def _on_brief(deps: Deps) -> Callable[..., Awaitable[None]]:
    async def on_brief(
        ack: AsyncAck, command: Body, respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        channel, user = command.get("channel_id", ""), command.get("user_id", "")
        work = ask_text(deps, client, command.get("text") or "", channel=channel, user=user)
        await deliver(_ephemeral(respond), work)

    return on_brief


def _on_button(deps: Deps, verb: Verb) -> Callable[..., Awaitable[None]]:
    """A button under a briefing or an answer: answered where that message is.

    Under a channel message the answer goes to its thread; under a reply only the user can see
    (a /brief answer) it comes back the same way, through the click's response URL.
    """

    async def on_button(
        ack: AsyncAck, body: Body, action: Body, client: AsyncWebClient, respond: AsyncRespond
    ) -> None:
        await ack()
        value = str(action.get("value") or "")
        work = follow_up(deps, verb, [value] if verb is Verb.WHO else value.split())
        container = body.get("container") or {}
        if container.get("is_ephemeral"):
            await deliver(_ephemeral(respond), work)
            return
        message = body.get("message") or {}
        thread = message.get("thread_ts") or message.get("ts") or container.get("message_ts")
        await deliver(_in_thread(client, body["channel"]["id"], thread), work)

    return on_button


def _on_mention(deps: Deps) -> Callable[..., Awaitable[None]]:
    """``@briefbot …`` in a channel: answered in the thread it starts or belongs to."""

    async def on_mention(event: Body, client: AsyncWebClient) -> None:
        channel, user = event["channel"], event.get("user", "")
        reply = _in_thread(client, channel, event.get("thread_ts") or event["ts"])
        text = without_mentions(event.get("text") or "")
        await deliver(reply, ask_text(deps, client, text, channel=channel, user=user))

    return on_mention


def _on_direct_message(deps: Deps) -> Callable[..., Awaitable[None]]:
    """A message to the bot in its DM (``message.im``): answered in that conversation.

    Only a person's own new message is answered: edits, deletions and other subtypes, and every
    bot's messages (our own replies arrive here too), are ignored.
    """

    async def on_message(event: Body, client: AsyncWebClient) -> None:
        if not is_question_to_us(event):
            return
        channel, user = event["channel"], event.get("user", "")
        reply = _in_thread(client, channel, event.get("thread_ts"))
        text = without_mentions(event.get("text") or "")
        await deliver(reply, ask_text(deps, client, text, channel=channel, user=user))

    return on_message


def is_question_to_us(event: Body) -> bool:
    """A person's new message in a direct conversation with the bot."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool(event.get("channel"))
    )


async def ask_text(
    deps: Deps, client: AsyncWebClient, text: str, *, channel: str, user: str
) -> list[Message]:
    """The messages answering what a user typed: admin verbs to delivery, the rest to the core."""
    command = parse(text)
    if command.is_admin:
        if not channel:
            raise UserInputError("Slack did not say which channel this came from.")
        return await run_admin(
            deps.context, deps.admins, deps.posters, client, command, channel=channel, user=user
        )
    context = deps.context
    with time_command("slack", command.label):
        found = await answer_text(
            context.store, text, now=context.now(), spec=deps.spec, reader=context.question_reader
        )
    return render(found)


async def ask_core(deps: Deps, command: Command) -> list[Message]:
    """A read-only command answered by the core and rendered."""
    context = deps.context
    return render(await answer(command, context.store, now=context.now(), spec=deps.spec))


async def follow_up(deps: Deps, verb: Verb, arguments: Sequence[str]) -> list[Message]:
    """A button's answer: quotes or sourcing of each article it names, or a speaker's words."""
    messages: list[Message] = []
    for argument in arguments[:MAX_FOLLOW_UPS]:
        messages += await ask_core(deps, Command(verb, argument))
    return messages


def without_mentions(text: str) -> str:
    """The words of a mention or message, the ``<@U…>`` addresses removed."""
    return " ".join(_MENTION.sub(" ", text).split())


async def deliver(reply: Reply, work: Awaitable[list[Message]]) -> None:
    """Send the work's messages; turn failures into a friendly note or a logged apology."""
    try:
        messages = await work
    except UserInputError as err:
        messages = [render_problem(str(err))]
    except Exception:
        log.exception("answering a Slack request failed")
        messages = [render_notice(APOLOGY)]
    for message in messages[:MAX_REPLIES]:
        await reply(message)


def _ephemeral(respond: AsyncRespond) -> Reply:
    """Replies only the user sees; under a button they add to the answer, never replace it."""

    async def reply(message: Message) -> None:
        payload = message.payload()
        response = await respond(response_type="ephemeral", replace_original=False, **payload)
        if response.status_code != 200:
            log.warning("response_url refused a reply: HTTP %s", response.status_code)

    return reply


def _in_thread(client: AsyncWebClient, channel: str, thread_ts: str | None) -> Reply:
    poster = SlackPoster(client)

    async def reply(message: Message) -> None:
        await poster.send(channel, message, thread_ts=thread_ts)

    return reply
