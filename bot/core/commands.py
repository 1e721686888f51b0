"""The /brief command language, shared by every platform and the console.

``parse`` turns what a user typed ("/brief who Rubio", "who Rubio", "") into a ``Command``;
it never fails: an unknown word becomes a ``help`` command carrying the problem, so that every
adapter answers bad input with usage instead of an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# A leading address to the bot: "@briefbot", Slack's "<@U123>", Discord's "<@123>", "<@!1>", "<@&7>".
_ADDRESS = re.compile(r"^\s*(?:<@[!&]?[A-Za-z0-9]+(?:\|[^>]*)?>|@briefbot\b)[\s,:;.!-]*", re.I)


class Verb(StrEnum):
    """Every subcommand of /brief."""

    BRIEF = "brief"
    WHO = "who"
    SAID = "said"
    QUOTES = "quotes"
    SOURCES = "sources"
    HELP = "help"
    # Admin verbs: answered by the adapters and the scheduler, not by the core.
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    TIME = "time"
    POST = "post"
    PREVIEW = "preview"


ADMIN_VERBS = frozenset({Verb.SUBSCRIBE, Verb.UNSUBSCRIBE, Verb.TIME, Verb.POST})
NEEDS_ARGUMENT = frozenset({Verb.WHO, Verb.SAID})

USAGE: tuple[tuple[str, str], ...] = (
    ("/brief", "the latest briefing, now"),
    ("/brief who <person or source>", "what that speaker said, exact words first"),
    ("/brief said <words>", "who said those words (typos and fragments are fine)"),
    ("/brief quotes [article]", "every statement in an article, grouped by speaker"),
    ("/brief sources [article]", "how the story is sourced: named, anonymous, no comment"),
    ("/brief help", "this help"),
)
ADMIN_USAGE: tuple[tuple[str, str], ...] = (
    ("/brief subscribe <cron> [timezone]", "post briefings here on a schedule (admins)"),
    ("/brief time <cron> [timezone]", "change this channel's schedule (admins)"),
    ("/brief unsubscribe", "stop scheduled briefings here (admins)"),
    ("/brief post", "post the briefing to this channel now (admins)"),
    ("/brief preview", "show the briefing only to you"),
)


@dataclass(frozen=True)
class Command:
    """A parsed command: the verb, its argument text, and a problem to report if any."""

    verb: Verb
    argument: str = ""
    problem: str | None = None

    @property
    def is_admin(self) -> bool:
        """Whether only channel or server managers may run it."""
        return self.verb in ADMIN_VERBS

    @property
    def label(self) -> str:
        """What was asked, in one word for metrics: the verb, or "question" for free text."""
        return "question" if self.problem else self.verb.value


def strip_address(text: str) -> str:
    """The text without leading mentions of the bot ("<@U123> who Rubio" → "who Rubio")."""
    previous = None
    while previous != text:
        previous, text = text, _ADDRESS.sub("", text, count=1)
    return text.strip()


def parse(text: str) -> Command:
    """Parse the text of a /brief command; the leading "/brief" or "brief" and a leading
    mention of the bot are optional."""
    words = strip_address(text).split(maxsplit=1)
    if words and words[0].lower() in {"/brief", "brief"}:
        words = words[1].split(maxsplit=1) if len(words) > 1 else []
    if not words:
        return Command(Verb.BRIEF)
    head, argument = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
    try:
        verb = Verb(head)
    except ValueError:
        return Command(Verb.HELP, problem=f"Unknown command {words[0]!r}.")
    if verb is Verb.WHO and argument.lower().startswith("said "):
        verb, argument = Verb.SAID, argument[5:].strip()  # "who said X" asks who said X
    if verb in NEEDS_ARGUMENT and not argument:
        example = "Rubio" if verb is Verb.WHO else "tremendous progress"
        return Command(
            Verb.HELP,
            problem=f"'{verb} ' needs something to look for, e.g. /brief {verb} {example}",
        )
    return Command(verb, argument)
