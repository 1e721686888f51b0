"""Plain questions answered from the store: every form, across articles, faithful answers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.core.answers import (
    AmbiguousAnswer,
    BriefingAnswer,
    DisputesAnswer,
    HelpAnswer,
    NoCommentAnswer,
    NotFoundAnswer,
    ProfileAnswer,
    QuotesAnswer,
    SaidAnswer,
    SpeakerAnswer,
    TopicAnswer,
)
from bot.core.attribution import APPROXIMATE_CUTOFF
from bot.core.query import Intent, Query
from bot.core.questions import answer_text
from bot.core.sourcing import SourcesAnswer
from bot.loader import sync_folder
from bot.store import Store
from tests.conftest import BRIEFS

# The question benchmark's invented stories: one copy, shared with bench/questions.
STORIES = Path(__file__).resolve().parents[2] / "bench" / "questions" / "briefs"
NOW = dt.datetime(2025, 12, 23, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
async def stories(store: Store, tmp_path: Path) -> Store:
    """The shipped briefs plus two invented stories (a second Lind, two Okafors, the Ohio
    governor on another day, the Harbourton mayor on a later day)."""
    folder = tmp_path / "stories"
    folder.mkdir()
    for brief in [*BRIEFS.glob("*.yaml"), *STORIES.glob("*.yaml")]:
        shutil.copy(brief, folder / brief.name)
    report = await sync_folder(store, folder)
    assert report.ok, report.errors
    return store


async def ask(store: Store, text: str) -> object:
    return await answer_text(store, text, now=NOW)


async def test_what_did_x_say_about_t(stories: Store) -> None:
    reply = await ask(stories, "@briefbot what did Quigley say about the Europeans?")
    assert isinstance(reply, SpeakerAnswer)
    assert reply.speakers[0].name == "Mike Quigley" and reply.topic == "Europeans"
    assert [r.text[:24] for r in reply.statements] == ["The Europeans are convin"]


async def test_a_role_reference_finds_the_person(stories: Store) -> None:
    for text, name in [
        ("what did the governor say about the package?", "Ruth Alvarez"),
        ("what did Voltra's chief executive tell reporters?", "Daniel Keller"),
        ("What did Voltra's CEO say", "Daniel Keller"),
        ("what did the hydrologist warn?", "Tomas Lind"),
        ("what did the mayor say?", "Anna Keller"),
        ("what did the union leader say?", "Grace Okafor"),
    ]:
        reply = await ask(stories, text)
        assert isinstance(reply, SpeakerAnswer), text
        assert reply.speakers[0].name == name, text


async def test_one_speaker_across_articles_newest_first_with_dates(stories: Store) -> None:
    reply = await ask(stories, "what has Anna Keller said?")
    assert isinstance(reply, SpeakerAnswer) and len(reply.speakers) == 1
    articles = [r.article_id for r in reply.statements]
    assert articles[0] == "ledger-harbourton-levy" and articles[-1] == "ledger-harbourton-sea-wall"
    assert all(r.published is not None for r in reply.statements)
    dates = [r.published for r in reply.statements]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]


async def test_the_same_governor_in_two_stories_is_one_speaker(stories: Store) -> None:
    reply = await ask(stories, "what has Governor Alvarez said?")
    assert isinstance(reply, SpeakerAnswer) and len(reply.speakers) == 1
    assert {r.article_id for r in reply.statements} == {
        "courier-millbrook-strike",
        "wire-voltra-ohio-plant",
    }


async def test_time_windows_filter_by_statement_day_or_article_date(stories: Store) -> None:
    this_week = await ask(stories, "what has the mayor said this week?")
    assert isinstance(this_week, SpeakerAnswer)
    assert {r.article_id for r in this_week.statements} == {"ledger-harbourton-levy"}
    sunday = await ask(stories, "what did Grace Okafor say on December 14?")
    assert isinstance(sunday, SpeakerAnswer)  # said "on Sunday", in Monday's article
    assert [r.when for r in sunday.statements] == ["on Sunday"]
    nothing = await ask(stories, "what has Zelenskyy said this week?")
    assert isinstance(nothing, SpeakerAnswer) and not nothing.statements
    assert nothing.note == "Nothing from Volodymyr Zelenskyy this week in the stored articles."


async def test_a_topic_settles_an_ambiguous_name_and_says_so(stories: Store) -> None:
    reply = await ask(stories, "what did Keller say about the flood?")
    assert isinstance(reply, SpeakerAnswer) and reply.speakers[0].name == "Anna Keller"
    assert reply.note is not None and "Anna Keller is the one who spoke about flood" in reply.note
    taxes = await ask(stories, "which Keller spoke about property taxes?")
    assert isinstance(taxes, SpeakerAnswer) and taxes.speakers[0].name == "Mark Keller"
    wages = await ask(stories, "what did Okafor say about wages?")
    assert isinstance(wages, SpeakerAnswer) and wages.speakers[0].name == "Grace Okafor"


async def test_an_ambiguous_name_without_a_deciding_topic_asks_which(stories: Store) -> None:
    for text in ["what did Keller say?", "what did Lind say about the levy?", "who is Okafor?"]:
        reply = await ask(stories, text)
        assert isinstance(reply, AmbiguousAnswer), text


async def test_a_story_narrows_the_speaker(stories: Store) -> None:
    reply = await ask(stories, "what did Keller say in the Voltra story?")
    assert isinstance(reply, SpeakerAnswer) and reply.speakers[0].name == "Daniel Keller"
    assert {r.article_id for r in reply.statements} == {"wire-voltra-ohio-plant"}


async def test_nothing_about_the_topic_is_said_honestly(stories: Store) -> None:
    reply = await ask(stories, "what did Rubio say about floods?")
    assert isinstance(reply, SpeakerAnswer) and not reply.statements
    assert reply.note == "Nothing from Marco Rubio about floods in the stored articles."


async def test_who_said_exact_and_all_words(stories: Store) -> None:
    exact = await ask(stories, 'who said "the cranes arrive"?')
    assert isinstance(exact, SaidAnswer) and exact.matches[0].exact
    assert exact.matches[0].statement.speaker_name == "Daniel Keller"
    every = await ask(stories, "who said the Poles are convinced?")
    assert isinstance(every, SaidAnswer)
    best = every.matches[0]
    assert not best.exact and not best.approximate and best.statement.speaker_name == "Mike Quigley"


@pytest.mark.parametrize(
    "text",
    [
        "who said the wall will be finished next year?",
        "who said Putin will invade Finland?",
        "who said the mayor should resign",
    ],
)
async def test_who_said_never_attributes_words_nobody_said(stories: Store, text: str) -> None:
    reply = await ask(stories, text)
    if isinstance(reply, SaidAnswer):  # only approximate matches above the measured cutoff
        assert all(m.approximate and m.score >= APPROXIMATE_CUTOFF for m in reply.matches)
    else:
        assert isinstance(reply, NotFoundAnswer) and reply.what == "words"


async def test_approximate_matches_rank_below_exact_and_all_words(stories: Store) -> None:
    reply = await ask(stories, "said we will not build on promises Ohio")
    assert isinstance(reply, SaidAnswer)
    levels = [(not m.exact, m.approximate) for m in reply.matches]
    assert levels == sorted(levels)


async def test_a_disputed_claim_puts_the_claimant_first_and_shows_the_dispute(
    stories: Store,
) -> None:
    reply = await ask(stories, "who said the national government will cover half of the cost?")
    assert isinstance(reply, SaidAnswer)
    best = reply.matches[0]
    assert best.statement.speaker_name == "two officials in the city's finance department"
    assert best.dispute is not None and best.dispute.disputed_by == "the finance ministry"


async def test_no_comments_and_did_x_comment(stories: Store) -> None:
    port = await ask(stories, "did the port authority comment?")
    assert isinstance(port, NoCommentAnswer) and port.subject == "the port authority"
    assert [(n.name, n.response) for n in port.lines] == [
        ("the port authority", "declined to comment")
    ]
    voltra = await ask(stories, "who gave no comment on the Voltra story?")
    assert isinstance(voltra, NoCommentAnswer)
    assert [n.name for n in voltra.lines] == ["United Auto Workers"]
    rubio = await ask(stories, "did Rubio comment?")
    assert isinstance(rubio, SpeakerAnswer) and rubio.note is not None
    assert rubio.note.startswith("Yes")


async def test_source_counts_and_anonymous_speakers(stories: Store) -> None:
    counted = await ask(stories, "how many anonymous sources in the Putin story?")
    assert isinstance(counted, SourcesAnswer) and counted.focus == "anonymous"
    assert len(counted.anonymous) == 7
    anonymous = await ask(stories, "who spoke anonymously about the levy?")
    assert isinstance(anonymous, TopicAnswer) and anonymous.anonymous_only
    assert [r.speaker_name for r in anonymous.statements] == ["three council staff members"]


async def test_disputes_by_words_and_by_story(stories: Store) -> None:
    by_words = await ask(stories, "who disputes that Voltra asked for $400m?")
    assert isinstance(by_words, DisputesAnswer) and len(by_words.items) == 1
    item = by_words.items[0]
    assert (item.dispute.claimed_by, item.dispute.disputed_by) == (
        "two people briefed on the negotiations",
        "Voltra",
    )
    assert item.claim_words is not None and "additional $400m" in item.claim_words.text
    by_story = await ask(stories, "what is disputed in the strike story?")
    assert isinstance(by_story, DisputesAnswer)
    assert [i.dispute.claimed_by for i in by_story.items] == ["Grace Okafor"]


async def test_who_is_x(stories: Store) -> None:
    reply = await ask(stories, "who's the hydrologist?")
    assert isinstance(reply, ProfileAnswer) and reply.speaker.name == "Tomas Lind"
    assert reply.total == 2 and len(reply.articles) == 2


async def test_who_was_quoted_and_topic_briefings(stories: Store) -> None:
    quoted = await ask(stories, "who was quoted in the sea wall story?")
    assert isinstance(quoted, QuotesAnswer) and quoted.article.id == "ledger-harbourton-sea-wall"
    briefing = await ask(stories, "brief me on the bus strike")
    assert isinstance(briefing, BriefingAnswer)
    assert [i.title for i in briefing.briefing.items] == [
        "Millbrook bus drivers strike over pay and night shifts"
    ]
    latest = await ask(stories, "what's the latest on Ohio?")
    assert isinstance(latest, BriefingAnswer)
    assert any("Voltra" in i.title for i in latest.briefing.items)


async def test_who_said_what_about_a_topic(stories: Store) -> None:
    reply = await ask(stories, "who talked about night shifts?")
    assert isinstance(reply, TopicAnswer)
    assert reply.statements[0].speaker_name == "three drivers"


async def test_unreadable_text_says_what_it_understood_and_the_closest_command(
    stories: Store,
) -> None:
    reply = await ask(stories, "frobnicate the wibble")
    assert isinstance(reply, HelpAnswer) and reply.problem is not None
    assert "frobnicate the wibble" in reply.problem and reply.suggestion == (
        "/brief said frobnicate the wibble"
    )


async def test_a_loosely_worded_question_naming_someone(stories: Store) -> None:
    reply = await ask(stories, "according to Quigley, what do the Poles think?")
    assert isinstance(reply, SpeakerAnswer) and reply.speakers[0].name == "Mike Quigley"
    assert "Poles" in reply.statements[0].text


async def test_a_model_reading_is_used_and_any_failure_falls_back(stories: Store) -> None:
    async def reads(text: str) -> Query:
        return Query(intent=Intent.SPEAKER, speaker="Rubio")

    async def fails(text: str) -> Query:
        raise ValueError("model down")

    modelled = await answer_text(stories, "gibberish only a model reads", now=NOW, reader=reads)
    assert isinstance(modelled, SpeakerAnswer) and modelled.speakers[0].name == "Marco Rubio"
    fallback = await answer_text(stories, "what did Quigley say?", now=NOW, reader=fails)
    assert isinstance(fallback, SpeakerAnswer) and fallback.speakers[0].name == "Mike Quigley"


@pytest.mark.parametrize(
    "text",
    [
        "what did Putin's spokesman say?",
        "what did the Voltra spokesperson say?",
        "what did Trump's wife say?",
        "what did the Ohio mayor say?",
        "what did the German chancellor say?",
    ],
)
async def test_a_reference_to_someone_unstored_names_nobody(stories: Store, text: str) -> None:
    reply = await ask(stories, text)
    assert isinstance(reply, NotFoundAnswer) and reply.what == "speaker", text


async def test_whom_they_told_settles_a_shared_surname(stories: Store) -> None:
    reply = await ask(stories, "what did Keller tell reporters?")
    assert isinstance(reply, SpeakerAnswer) and reply.speakers[0].name == "Daniel Keller"
    assert reply.note is not None and "told reporters" in reply.note


@pytest.mark.parametrize(
    "text",
    ["who said the council had costed the upkeep?", "who said the upkeep was costed"],
)
async def test_words_that_drop_a_negation_are_not_attributed(stories: Store, text: str) -> None:
    reply = await ask(stories, text)  # Mark Keller said the council had NOT costed the upkeep
    if isinstance(reply, SaidAnswer):
        assert all(m.statement.speaker_name != "Mark Keller" for m in reply.matches)
    else:
        assert isinstance(reply, NotFoundAnswer)


async def test_an_overlong_question_gets_a_one_line_reason(stories: Store) -> None:
    reply = await ask(stories, "who said " + "words " * 400)
    assert isinstance(reply, HelpAnswer) and reply.problem is not None
    assert reply.problem.startswith("That question is 2409 characters long")
