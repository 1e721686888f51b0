"""The sample article: every quote, source count and no-comment the issue lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.summary import Origin, SourceKind, StatementKind, Summary, quoted_fragments
from bot.extract import extract_statements, extract_summary

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "putin-aims-beyond-ukraine.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def summary(text: str) -> Summary:
    return extract_summary(text, article_id="putin-aims-beyond-ukraine")


def _direct_by(summary: Summary, speaker_name: str) -> list[str]:
    return [
        st.text
        for st in summary.statements
        if st.kind is StatementKind.DIRECT and summary.speaker_name(st.speaker) == speaker_name
    ]


def test_summary_is_valid_and_marked_as_extracted(summary: Summary, text: str) -> None:
    again = Summary.model_validate(summary.model_dump())
    assert again == summary
    assert summary.provenance.origin is Origin.EXTRACTOR
    assert summary.provenance.reviewed is False
    assert summary.provenance.tool == "briefbot-extract"
    assert summary.text == text
    assert summary.article.id == "putin-aims-beyond-ukraine"


def test_article_facts(summary: Summary) -> None:
    assert summary.article.title.startswith("US spy agencies say Putin aims beyond Ukraine")
    assert summary.article.byline == ["Tamilla Hasanova"]
    assert summary.article.outlet == "Reuters"
    assert summary.lede.startswith("U.S. intelligence assessments continue to warn")
    assert 2 <= len(summary.key_points) <= 4


def test_quigley_quote_in_full_with_role(summary: Summary) -> None:
    (quote,) = _direct_by(summary, "Mike Quigley")
    assert quote.startswith("The intelligence has always been that Putin wants more")
    assert quote.endswith("The Baltics think they’re first.")
    quigley = next(p for p in summary.people if p.name == "Mike Quigley")
    assert quigley.role is not None
    assert "Democratic Congressman" in quigley.role
    assert "House Intelligence Committee" in quigley.role


def test_zelenskyy_question_resolved_to_full_name(summary: Summary) -> None:
    (quote,) = _direct_by(summary, "Volodymyr Zelenskyy")
    assert quote.endswith("What will these security guarantees actually do?")
    st = next(s for s in summary.statements if s.text == quote)
    assert st.cue == "asking"
    assert st.when == "on Thursday"
    assert st.paragraph == 11


def test_rubio_quote_with_date_and_role(summary: Summary) -> None:
    (quote,) = _direct_by(summary, "Marco Rubio")
    assert quote.startswith("I don’t know if Putin wants to do a deal")
    assert quote.endswith("They haven’t achieved those objectives.")
    st = next(s for s in summary.statements if s.text == quote)
    assert st.when == "on December 19"
    rubio = next(p for p in summary.people if p.name == "Marco Rubio")
    assert rubio.role == "U.S. Secretary of State"


def test_white_house_official_partial_quotes(summary: Summary) -> None:
    official = next(s for s in summary.sources if s.name == "A White House official")
    assert official.kind is SourceKind.ANONYMOUS
    assert official.count == 1
    assert official.affiliation == "White House"
    (st,) = [s for s in summary.statements if s.speaker == official.id]
    assert st.kind is StatementKind.PARTIAL
    assert quoted_fragments(st) == ["tremendous progress", "closer than ever,"]


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("Six sources familiar with the report", 6),
        ("Two sources familiar with the matter", 2),
        ("One source", 1),
    ],
)
def test_anonymous_sources_with_counts(summary: Summary, name: str, count: int) -> None:
    source = next(s for s in summary.sources if s.name == name)
    assert source.kind is SourceKind.ANONYMOUS
    assert source.count == count
    assert any(st.speaker == source.id for st in summary.statements)


def test_three_did_not_respond(summary: Summary) -> None:
    who = [(n.who, n.response.value, n.paragraph) for n in summary.sourcing.no_comment]
    assert who == [
        ("The Office of the Director of National Intelligence", "did_not_respond", 7),
        ("the CIA", "did_not_respond", 7),
        ("the Russian embassy", "did_not_respond", 7),
    ]


def test_disputed_claim(summary: Summary) -> None:
    (dispute,) = summary.sourcing.disputed
    assert dispute.claim == "the guarantees depend on Ukraine ceding territory"
    assert dispute.disputed_by == "other diplomats"
    assert dispute.claimed_by == "One source"


def test_key_figures(summary: Summary) -> None:
    values = {f.value: f.measure for f in summary.key_figures}
    assert values["about 20%"] == "Ukrainian territory"
    assert "800,000 troops" in values
    assert "about 6,000 square kilometres" in values


def test_pronoun_resolved_to_last_person(summary: Summary) -> None:
    st = next(s for s in summary.statements if s.text.startswith("his terms must be met"))
    assert summary.speaker_name(st.speaker) == "Vladimir Putin"
    assert st.kind is StatementKind.INDIRECT
    assert st.cue == "saying"


def test_fast_path_matches_summary(text: str, summary: Summary) -> None:
    fast = extract_statements(text)
    assert [s.text for s in fast if s.kind == "direct"] == [
        s.text for s in summary.statements if s.kind is StatementKind.DIRECT
    ]
    for st in fast:
        assert text[st.start : st.end].strip()
        assert st.paragraph >= 0
