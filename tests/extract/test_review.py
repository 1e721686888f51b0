"""Review flags: how each speaker was found, "probably X" in answers, the check listing."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from bot.cli import app
from bot.core.library import StatementRecord
from bot.core.summary import Confidence
from bot.extract import extract_statements, extract_summary

ARTICLE = (
    "Harbour council backs the ferry plan\n\n"
    "Council leader Maria Lund opened the debate on Tuesday.\n\n"
    '"This is the day the islands stop being an afterthought," said Maria Lund.\n\n'
    '"We have waited long enough for a boat that runs on time," she said.\n\n'
    '"The timetable will be ready by the spring and the fares will stay low."\n\n'
    "Later the harbour master, Piet Olsen, spoke.\n\n"
    '"Our crews are trained and the piers are ready for the new boats," Olsen fumed.\n\n'
    "The ferry line has a history.\n\n"
    '"Nobody ever wanted to pay for a second boat on this route at all."\n'
)


def _by_text() -> dict[str, tuple[str, str]]:
    return {s.text.split()[0]: (s.speaker, s.confidence) for s in extract_statements(ARTICLE)}


def test_each_statement_says_how_its_speaker_was_found() -> None:
    found = _by_text()
    assert found["This"] == ("Maria Lund", "named")
    assert found["We"] == ("Maria Lund", "pronoun")
    assert found["The"] == ("Maria Lund", "carried")
    assert found["Our"] == ("Piet Olsen", "named")  # an unusual cue, surname joined to the name
    assert found["Nobody"] == ("", "unknown")  # no speaker to recover, still a statement


def test_summary_carries_confidence_and_answers_say_probably() -> None:
    summary = extract_summary(ARTICLE, article_id="ferry")
    by_word = {st.text.split()[0]: st for st in summary.statements}
    assert by_word["This"].confidence is Confidence.NAMED
    assert not by_word["This"].low_confidence
    assert by_word["We"].low_confidence
    assert summary.speaker_name(by_word["Nobody"].speaker) == "Unknown speaker"
    named = StatementRecord.of(summary, by_word["This"], by_word["This"].speaker)
    guessed = StatementRecord.of(summary, by_word["We"], by_word["We"].speaker)
    assert named.speaker_shown == named.speaker_name == "Maria Lund"
    assert guessed.speaker_name == "Maria Lund"  # the name itself, for buttons and matching
    assert guessed.speaker_shown == "probably Maria Lund"


def test_old_briefs_without_confidence_still_load() -> None:
    summary = extract_summary(ARTICLE, article_id="ferry")
    data = summary.model_dump(mode="json")
    for st in data["statements"]:
        del st["confidence"]
    again = type(summary).model_validate(data)
    assert all(st.confidence is None and not st.low_confidence for st in again.statements)


def test_check_lists_statements_to_review(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    summary = extract_summary(ARTICLE, article_id="ferry")
    data = summary.model_dump(mode="json", exclude_none=True)
    (briefs / "ferry.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    config = tmp_path / "briefbot.toml"
    config.write_text(f'briefs_dir = "{briefs}"\ndata_dir = "{tmp_path / "data"}"\n', "utf-8")
    result = CliRunner().invoke(app, ["check", "-c", str(config)])
    review = [line for line in result.stdout.splitlines() if line.startswith("review:")]
    assert any("probably Maria Lund (pronoun)" in line for line in review)
    assert any("probably Maria Lund (carried)" in line for line in review)
    assert any("speaker unknown" in line and "Nobody" in line for line in review)
    assert not any("'This is the day" in line for line in review)


def test_an_unresolved_pronoun_is_an_unknown_speaker_not_a_lost_quote() -> None:
    text = (
        "Harbour plan\n\n"
        "The vote is on Friday.\n\n"
        '"We have waited for a boat that runs on time for far too long," she said.\n'
    )
    summary = extract_summary(text, article_id="plan")
    (st,) = summary.statements
    assert st.confidence is Confidence.UNKNOWN
    assert summary.speaker_name(st.speaker) == "Unknown speaker"
