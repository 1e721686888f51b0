"""Persistent buttons: "Who said what" and "Sources" under a briefing, and the follow-ups
under an answer ("More from this speaker", "Sources of this story").

The article id (or the speaker's name key) travels in the button's ``custom_id``, and the
button classes are registered as ``DynamicItem``s in ``setup_hook``, so a button posted last
week still answers after any number of restarts: no view state is kept in memory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import discord

from bot.adapters.discord.render import BUTTON_LABEL, FollowUp
from bot.adapters.discord.replies import report_failure
from bot.adapters.discord.text import fit, inert
from bot.core.commands import Command, Verb
from bot.core.library import Library
from bot.core.text import name_key

CUSTOM_ID_LIMIT = 100
PREFIX = "brief"
_HASHED = "~"
_TEMPLATE = rf"{PREFIX}:(?P<verb>quotes|sources):(?P<article>[a-z0-9._~-]{{1,80}})"
_SPEAKER_TEMPLATE = rf"{PREFIX}:who:(?P<speaker>[^\n]{{1,80}})"
LABELS = {Verb.QUOTES: "Who said what", Verb.SOURCES: "Sources"}


@runtime_checkable
class Answering(Protocol):
    """What a button needs from the client: the library and a way to reply."""

    @property
    def library(self) -> Library:
        """The articles to answer from."""
        ...

    async def reply(
        self, interaction: discord.Interaction[Any], command: Command, *, ephemeral: bool = True
    ) -> None:
        """Answer a command on an interaction."""
        ...


@runtime_checkable
class HasResponder(Protocol):
    """A client that carries a responder (see ``client.BriefClient``)."""

    responder: Answering


def _secondary(label: str, custom_id: str) -> discord.ui.Button[Any]:
    """The look every follow-up button shares; the custom id says what it answers."""
    return discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id)


class ArticleButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=_TEMPLATE):
    """A button answering 'quotes' or 'sources' for one article, in a private reply."""

    def __init__(self, verb: Verb, article_ref: str, label: str | None = None) -> None:
        super().__init__(_secondary(label or LABELS[verb], f"{PREFIX}:{verb}:{article_ref}"))
        self.verb = verb
        self.article_ref = article_ref

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ArticleButton:
        """Rebuild the button from a press, whatever process posted it."""
        return cls(Verb(match["verb"]), match["article"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Answer privately, next to the message the button is under."""
        await _answer_press(interaction, self.verb, self.article_ref, resolve_ref)


class SpeakerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=_SPEAKER_TEMPLATE):
    """ "More from this speaker": what the speaker said, in a private reply."""

    def __init__(self, speaker_ref: str, label: str | None = None) -> None:
        super().__init__(
            _secondary(label or "More from this speaker", f"{PREFIX}:who:{speaker_ref}")
        )
        self.speaker_ref = speaker_ref

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> SpeakerButton:
        """Rebuild the button from a press, whatever process posted it."""
        return cls(match["speaker"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Answer privately, next to the answer the button is under."""
        await _answer_press(interaction, Verb.WHO, self.speaker_ref, resolve_speaker_ref)


Resolver = Callable[[Library, str], Awaitable[str]]


async def _answer_press(
    interaction: discord.Interaction[Any], verb: Verb, ref: str, resolve: Resolver
) -> None:
    """The one way a button answers: resolve what it names, then reply privately."""
    client = interaction.client
    if not isinstance(client, HasResponder):
        raise TypeError("briefbot's buttons need a client with a responder")
    try:
        argument = await resolve(client.responder.library, ref)
        await client.responder.reply(interaction, Command(verb, argument))
    except Exception as err:  # the edge: logged with its traceback, the user gets a reply
        await report_failure(interaction, err)


def article_ref(article_id: str) -> str:
    """The id itself when it fits in a custom_id, else a short hash of it."""
    if len(article_id) <= 80:
        return article_id
    return _HASHED + hashlib.sha256(article_id.encode()).hexdigest()[:20]


async def resolve_ref(library: Library, ref: str) -> str:
    """The article id behind a button's reference (a gone article answers "not found")."""
    if not ref.startswith(_HASHED):
        return ref
    for article in await library.articles():
        if article_ref(article.id) == ref:
            return article.id
    return ref


def speaker_ref(name: str) -> str:
    """The speaker's name key when it fits in a custom_id, else a short hash of it."""
    key = name_key(name)
    if 0 < len(key) <= 80:
        return key
    return _HASHED + hashlib.sha256(key.encode()).hexdigest()[:20]


async def resolve_speaker_ref(library: Library, ref: str) -> str:
    """The name key behind a speaker button (a gone speaker answers "not found")."""
    if not ref.startswith(_HASHED):
        return ref
    for key in await library.speaker_names():
        if speaker_ref(key) == ref:
            return key
    return ref


def answer_view(follow_ups: Sequence[FollowUp]) -> discord.ui.View:
    """The follow-up buttons under an answer."""
    view = discord.ui.View(timeout=None)
    for follow_up in follow_ups:
        label = fit(inert(follow_up.label), BUTTON_LABEL)
        if follow_up.verb is Verb.WHO:
            view.add_item(SpeakerButton(speaker_ref(follow_up.argument), label))
        else:
            view.add_item(ArticleButton(follow_up.verb, article_ref(follow_up.argument), label))
    return view


def briefing_view(article_ids: Sequence[str], first_number: int = 1) -> discord.ui.View:
    """Two buttons per article, numbered like the briefing when it shows several."""
    view = discord.ui.View(timeout=None)
    numbered = len(article_ids) > 1 or first_number > 1
    for number, article_id in enumerate(article_ids, start=first_number):
        for verb, label in LABELS.items():
            text = f"{label} ({number})" if numbered else label
            view.add_item(ArticleButton(verb, article_ref(article_id), text))
    return view
