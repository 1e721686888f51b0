"""Who-said-what answers on the shipped briefs, through the SQLite store's indexes."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.answers import (
    AmbiguousAnswer,
    BriefingAnswer,
    HelpAnswer,
    NotFoundAnswer,
    QuotesAnswer,
    SaidAnswer,
    SpeakerAnswer,
    answer,
    said,
    who,
)
from bot.core.attribution import _corrected
from bot.core.commands import parse
from bot.core.sourcing import SourcesAnswer
from bot.core.summary import StatementKind
from bot.store import Store

NOW = dt.datetime(2025, 12, 20, 8, 0, tzinfo=dt.UTC)
ZELENSKYY_QUESTION = (
    "There’s a question I still can’t get an answer to: What will these security guarantees "
    "actually do?"
)


async def ask(store: Store, text: str) -> object:
    return await answer(parse(text), store, now=NOW)


async def test_said_tremendous_progress_names_the_white_house_official(loaded_store: Store) -> None:
    reply = await ask(loaded_store, "said tremendous progress")
    assert isinstance(reply, SaidAnswer)
    best = reply.matches[0]
    assert best.statement.speaker_name == "A White House official"
    assert best.exact and best.statement.paragraph == 7
    assert best.statement.kind is StatementKind.PARTIAL
    start, end = best.span or (0, 0)
    assert best.statement.text[start:end].lower() == "tremendous progress"


@pytest.mark.parametrize(
    ("query", "speaker"),
    [
        ("tremendus progres", "A White House official"),  # typos
        ("Putin wants more", "Mike Quigley"),  # a fragment
        ("the cranes arrive", "Daniel Keller"),
        ("not costed the upkeep", "Mark Keller"),  # paraphrase words
        ("PUTIN WANTS TO TAKE THE WHOLE COUNTRY", "Marco Rubio"),
        ("progress progress tremendous", "A White House official"),  # repeated words
    ],
)
async def test_said_finds_the_speaker(loaded_store: Store, query: str, speaker: str) -> None:
    reply = await said(loaded_store, query)
    assert isinstance(reply, SaidAnswer), reply
    assert reply.matches[0].statement.speaker_name == speaker


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (["tremendou", "sprogress"], ["tremendous", "progress"]),  # the space a letter early
        (["tremendousp", "rogress"], ["tremendous", "progress"]),  # ... and late
        (["tremendus", "progres"], ["tremendous", "progress"]),  # no moved space: each mended
        (["tremendous", "progress"], ["tremendous", "progress"]),  # nothing to mend
    ],
)
async def test_said_mends_a_moved_space_and_misspelt_words(
    loaded_store: Store, typed: list[str], meant: list[str]
) -> None:
    assert await _corrected(loaded_store, typed) == meant


async def test_said_with_a_moved_space_finds_every_statement_of_the_words(
    loaded_store: Store,
) -> None:
    """Both statements holding "security guarantees", best first, shown as approximate (the
    words typed are not the words said); the one with a "can't" far from them is not taken
    for a negation of them."""
    reply = await said(loaded_store, "securit yguarantees")
    assert isinstance(reply, SaidAnswer), reply
    speakers = [m.statement.speaker_name for m in reply.matches]
    assert speakers[:2] == ["Volodymyr Zelenskyy", "diplomats and sources"]
    assert reply.approximate and not any(m.exact for m in reply.matches)


async def test_said_phrase_with_an_apostrophe_is_exact(loaded_store: Store) -> None:
    reply = await said(loaded_store, "Trump’s team had made")
    assert isinstance(reply, SaidAnswer)
    assert reply.matches[0].exact
    assert reply.matches[0].statement.speaker_name == "A White House official"


async def test_said_exact_phrase_ranks_first(loaded_store: Store) -> None:
    reply = await said(loaded_store, "security guarantees")
    assert isinstance(reply, SaidAnswer)
    assert all(m.exact for m in reply.matches[:2])
    assert reply.matches[0].statement.speaker_name == "Volodymyr Zelenskyy"


async def test_said_nothing_like_it(loaded_store: Store) -> None:
    reply = await said(loaded_store, "quantum marmalade")
    assert isinstance(reply, NotFoundAnswer) and reply.what == "words"


@pytest.mark.parametrize(
    "query", ["Zelensky", "Zelenskiy", "zelenskyy", "Volodymyr Zelenskyy", "Zelenksy"]
)
async def test_who_finds_zelenskyy_by_any_spelling(loaded_store: Store, query: str) -> None:
    reply = await who(loaded_store, query)
    assert isinstance(reply, SpeakerAnswer), reply
    assert reply.speakers[0].name == "Volodymyr Zelenskyy"
    assert reply.statements[0].text == ZELENSKYY_QUESTION  # exact words first
    assert reply.statements[0].kind is StatementKind.DIRECT
    assert reply.statements[0].paragraph == 11
    assert reply.total == 3
    assert reply.approximate == (query == "Zelenksy")


async def test_who_rubio_by_surname_and_role(loaded_store: Store) -> None:
    for query in ("Rubio", "Secretary of State"):
        reply = await who(loaded_store, query)
        assert isinstance(reply, SpeakerAnswer), query
        assert reply.title == "Marco Rubio, U.S. Secretary of State"
        assert reply.statements[0].when == "on December 19"


async def test_who_shared_surname_is_ambiguous(loaded_store: Store) -> None:
    reply = await who(loaded_store, "Keller")
    assert isinstance(reply, AmbiguousAnswer)
    assert {c.split(",")[0] for c in reply.candidates} == {
        "Anna Keller",
        "Mark Keller",
        "Daniel Keller",
    }
    chosen = await who(loaded_store, "Daniel Keller")
    assert isinstance(chosen, SpeakerAnswer) and chosen.total == 2


async def test_who_role_words_find_unnamed_sources(loaded_store: Store) -> None:
    reply = await who(loaded_store, "White House official")
    assert isinstance(reply, SpeakerAnswer)
    assert reply.speakers[0].anonymous and reply.speakers[0].count == 1
    assert "tremendous progress" in reply.statements[0].text
    group = await who(loaded_store, "sources")
    assert isinstance(group, SpeakerAnswer)
    assert {
        "six sources familiar with the report",
        "two sources familiar with the matter",
        "one source",
    } <= {s.name for s in group.speakers}


async def test_who_unknown_suggests_nothing_silly(loaded_store: Store) -> None:
    reply = await who(loaded_store, "Xiomara Qwerty")
    assert isinstance(reply, NotFoundAnswer) and reply.what == "speaker"


async def test_sources_of_the_sample_article(loaded_store: Store) -> None:
    reply = await ask(loaded_store, "sources putin aims")
    assert isinstance(reply, SourcesAnswer)
    anonymous = {line.name: line.people for line in reply.anonymous}
    assert anonymous["six sources familiar with the report"] == 6
    assert anonymous["two sources familiar with the matter"] == 2
    assert anonymous["one source"] == 1
    assert anonymous["A White House official"] == 1
    assert [n.split(" (")[0] for n in reply.no_comment] == [
        "Office of the Director of National Intelligence",
        "CIA",
        "Russian embassy",
    ]
    assert all("did not respond" in n for n in reply.no_comment)
    assert {line.name for line in reply.named} >= {
        "Mike Quigley",
        "Marco Rubio",
        "Volodymyr Zelenskyy",
    }
    (dispute,) = reply.disputed
    assert (dispute.claimed_by, dispute.disputed_by) == ("one source", "other diplomats")


async def test_quotes_grouped_by_speaker_in_order(loaded_store: Store) -> None:
    reply = await ask(loaded_store, "quotes reuters-putin-aims-beyond-ukraine")
    assert isinstance(reply, QuotesAnswer)
    names = [g.name for g in reply.groups]
    assert names[0] == "six sources familiar with the report"
    assert len(names) == len(set(names))
    assert sum(len(g.statements) for g in reply.groups) == 20
    assert all(s.verified is not False for g in reply.groups for s in g.statements)


async def test_article_defaults_to_latest_and_ambiguity_is_reported(loaded_store: Store) -> None:
    latest = await ask(loaded_store, "quotes")
    assert isinstance(latest, QuotesAnswer)
    assert latest.article.id == "reuters-putin-aims-beyond-ukraine"
    unclear = await ask(loaded_store, "sources a")
    assert isinstance(unclear, AmbiguousAnswer) and unclear.what == "article"
    missing = await ask(loaded_store, "quotes zzzzzz")
    assert isinstance(missing, NotFoundAnswer) and missing.what == "article"


async def test_brief_and_help(loaded_store: Store) -> None:
    brief = await ask(loaded_store, "")
    assert isinstance(brief, BriefingAnswer) and len(brief.briefing.items) == 3
    assert brief.briefing.items[0].article_id == "reuters-putin-aims-beyond-ukraine"
    usage = await ask(loaded_store, "dance")
    assert isinstance(usage, HelpAnswer) and usage.problem == "Unknown command 'dance'."


async def test_empty_store_answers_politely(store: Store) -> None:
    reply = await ask(store, "quotes")
    assert isinstance(reply, NotFoundAnswer) and reply.what == "articles"
    brief = await ask(store, "")
    assert isinstance(brief, BriefingAnswer) and brief.briefing.items == ()


async def test_speaker_suggestions_are_one_per_speaker(loaded_store: Store) -> None:
    from bot.core.suggest import suggest_speakers

    zel = await suggest_speakers(loaded_store, "Zel")
    assert [s.value for s in zel] == ["Volodymyr Zelenskyy"]  # not once per alias
    assert zel[0].label == "Volodymyr Zelenskyy, Ukrainian President"
    kellers = await suggest_speakers(loaded_store, "kel")
    assert {s.value for s in kellers} == {"Anna Keller", "Mark Keller", "Daniel Keller"}
    assert len(await suggest_speakers(loaded_store, "", limit=5)) == 5
