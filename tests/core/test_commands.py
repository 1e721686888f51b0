"""Parsing what users type after /brief."""

from __future__ import annotations

import pytest

from bot.core.commands import Verb, parse


@pytest.mark.parametrize(
    ("text", "verb", "argument"),
    [
        ("", Verb.BRIEF, ""),
        ("/brief", Verb.BRIEF, ""),
        ("brief who Rubio", Verb.WHO, "Rubio"),
        ("/brief who  Marco Rubio ", Verb.WHO, "Marco Rubio"),
        ("WHO zelensky", Verb.WHO, "zelensky"),
        ("said tremendous progress", Verb.SAID, "tremendous progress"),
        ("/brief who said closer than ever", Verb.SAID, "closer than ever"),
        ("who Said", Verb.WHO, "Said"),
        ("quotes", Verb.QUOTES, ""),
        ("sources voltra", Verb.SOURCES, "voltra"),
        ("subscribe 0 8 * * * Europe/Berlin", Verb.SUBSCRIBE, "0 8 * * * Europe/Berlin"),
    ],
)
def test_parse(text: str, verb: Verb, argument: str) -> None:
    command = parse(text)
    assert (command.verb, command.argument, command.problem) == (verb, argument, None)


def test_unknown_command_becomes_help_with_the_problem() -> None:
    command = parse("/brief whom Rubio")
    assert command.verb is Verb.HELP
    assert command.problem == "Unknown command 'whom'."


@pytest.mark.parametrize("text", ["who", "said   ", "/brief who"])
def test_missing_argument_becomes_help(text: str) -> None:
    command = parse(text)
    assert command.verb is Verb.HELP
    assert command.problem is not None and "needs something to look for" in command.problem


def test_admin_verbs_are_marked() -> None:
    assert parse("post").is_admin and parse("unsubscribe").is_admin
    assert not parse("who Rubio").is_admin and not parse("preview").is_admin
