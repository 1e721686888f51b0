"""Reading questions into queries: every form of the grammar table, with and without the
trimmings (mention, /brief, question mark, quotes, typos), and the old commands unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.grammar import FORMS, clean, correct_typos, understand
from bot.core.query import Intent, Query, query_schema, resolve_day, window


@pytest.mark.parametrize(("form", "example"), [(f, e) for f in FORMS for e in f.examples])
def test_every_form_reads_its_own_examples(form: object, example: str) -> None:
    assert understand(example).intent is form.intent  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what did Quigley say about the Europeans?",
         Query(intent=Intent.SPEAKER, speaker="Quigley", topic="Europeans")),
        ("what has Zelenskyy said this week?",
         Query(intent=Intent.SPEAKER, speaker="Zelenskyy", when="this week")),
        ("what did Putin say on Friday in the Putin story",
         Query(intent=Intent.SPEAKER, speaker="Putin", story="Putin", when="on Friday")),
        ("what did Voltra's chief executive tell reporters?",
         Query(intent=Intent.SPEAKER, speaker="Voltra's chief executive", words="reporters")),
        ("what did the governor warn about the package",
         Query(intent=Intent.SPEAKER, speaker="the governor", topic="package")),
        ("what did the hydrologist ask?", Query(intent=Intent.SPEAKER, speaker="the hydrologist")),
        ("who said that the wall is cheaper?",
         Query(intent=Intent.SAID, words="the wall is cheaper")),
        ('who said "the Poles are convinced"?',
         Query(intent=Intent.SAID, words="the Poles are convinced")),
        ("who said what about the flood?", Query(intent=Intent.TOPIC, topic="flood")),
        ("did the port authority comment?",
         Query(intent=Intent.COMMENTED, speaker="the port authority")),
        ("did Voltra respond?", Query(intent=Intent.COMMENTED, speaker="Voltra")),
        ("who declined to comment in the Voltra story?",
         Query(intent=Intent.NO_COMMENT, story="Voltra")),
        ("who didn't respond?", Query(intent=Intent.NO_COMMENT)),
        ("how many anonymous sources in the Putin story?",
         Query(intent=Intent.SOURCE_COUNT, count="anonymous", story="Putin")),
        ("how many named sources are there in the sea wall story",
         Query(intent=Intent.SOURCE_COUNT, count="named", story="sea wall")),
        ("who spoke anonymously about the levy?",
         Query(intent=Intent.ANONYMOUS, topic="levy")),
        ("who disputes that Voltra asked for $400m?",
         Query(intent=Intent.DISPUTES, words="Voltra asked for $400m")),
        ("what is disputed in the Voltra story?", Query(intent=Intent.DISPUTES, story="Voltra")),
        ("who is Tomas Lind?", Query(intent=Intent.PROFILE, speaker="Tomas Lind")),
        ("who was quoted in the sea wall story?", Query(intent=Intent.QUOTED, story="sea wall")),
        ("brief me on the sea wall", Query(intent=Intent.BRIEFING, topic="sea wall")),
        ("what's the latest on Ohio?", Query(intent=Intent.BRIEFING, topic="Ohio")),
        ("brief me", Query(intent=Intent.BRIEFING)),
    ],
)  # fmt: skip
def test_questions_read_into_queries(text: str, expected: Query) -> None:
    assert understand(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "what did Quigley say about the Europeans",
        "what did Quigley say about the Europeans?",
        "@briefbot what did Quigley say about the Europeans?",
        "<@U123ABC> what did Quigley say about the Europeans?",
        "<@!4242> what did Quigley say about the Europeans?",
        "<@U123|briefbot>: what did Quigley say about the Europeans?",
        "/brief what did Quigley say about the Europeans?",
        "hey, can you tell me what did Quigley say about the Europeans please?",
        "waht did Quigley siad about the Europeans",
        "What did Quigley say about the Europeans??",
    ],
)
def test_trimmings_do_not_change_the_reading(text: str) -> None:
    assert understand(text) == Query(intent=Intent.SPEAKER, speaker="Quigley", topic="Europeans")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("/brief who Rubio", "who Rubio"),
        ("who Zelensky", "who Zelensky"),
        ("brief who Rubio", "who Rubio"),
        ("said tremendous progress", "said tremendous progress"),
        ("sources", "sources"),
        ("help", "help"),
        ("who Said", "who Said"),
    ],
)
def test_old_command_forms_pass_through_unchanged(text: str, command: str) -> None:
    assert understand(text) == Query(intent=Intent.COMMAND, command=command)


def test_old_who_said_form_still_asks_who_said() -> None:
    assert understand("/brief who said closer than ever") == Query(
        intent=Intent.SAID, words="closer than ever"
    )


def test_typos_in_question_words_are_mended_but_names_are_not() -> None:
    assert correct_typos("waht did Quigly sayd") == "what did Quigly said"
    assert correct_typos("who said closer than ever") == "who said closer than ever"
    assert correct_typos("who gave no comment") == "who gave no comment"
    assert correct_typos("what did Waht say") == "what did Waht say"  # a capitalised name


def test_clean_strips_address_politeness_and_outer_punctuation() -> None:
    assert clean("<@U1> hi, could you tell me who said “tremendous progress”, thanks?") == (
        'who said "tremendous progress"'
    )


def test_unreadable_text_is_unknown_with_its_words() -> None:
    query = understand("frobnicate the wibble")
    assert query.intent is Intent.UNKNOWN and query.words == "frobnicate the wibble"


def test_time_windows_from_now() -> None:
    now = dt.datetime(2025, 12, 23, 9, tzinfo=dt.UTC)  # a Tuesday
    this_week = window("this week", now)
    assert this_week is not None and (this_week.start, this_week.end) == (
        dt.date(2025, 12, 22),
        dt.date(2025, 12, 23),
    )
    last = window("last week", now)
    assert last is not None and (last.start, last.end) == (
        dt.date(2025, 12, 15),
        dt.date(2025, 12, 21),
    )
    assert window("yesterday", now) is not None and window("yesterday", now).start == dt.date(
        2025, 12, 22
    )  # type: ignore[union-attr]
    assert window(None, now) is None and window("someday", now) is None


def test_days_resolve_against_the_article_date() -> None:
    friday = dt.date(2025, 12, 19)
    assert resolve_day("on Thursday", friday) == dt.date(2025, 12, 18)
    assert resolve_day("on Friday", friday) == friday
    assert resolve_day("on December 19", dt.date(2025, 12, 20)) == friday
    assert resolve_day("19 Dec 2025", dt.date(2026, 1, 5)) == friday
    assert resolve_day("in the morning", friday) is None


def test_the_query_schema_is_a_json_schema_of_the_intents() -> None:
    schema = query_schema()
    assert set(schema["required"]) == {"intent"}
    assert "speaker" in schema["properties"] and "$defs" in schema
