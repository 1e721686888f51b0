"""Attribution rules of issue 10 on made-up texts: partial quotes, speakers, indirect cues."""

from __future__ import annotations

from bot.extract import ExtractedStatement, extract_statements

TITLE = "Sea wall plan before the harbour council\n\n"


def _all(body: str) -> list[ExtractedStatement]:
    return extract_statements(TITLE + body)


def test_quote_finishing_a_reported_clause_is_a_partial_quote() -> None:
    found = _all('Mayor Ana Ortiz said the sea wall plan was "badly underfunded and years late."')
    assert [(s.kind, s.speaker) for s in found] == [("partial", "Ana Ortiz")]
    assert found[0].text == 'the sea wall plan was "badly underfunded and years late."'


def test_clause_going_on_after_the_quote_is_a_partial_quote() -> None:
    found = _all('"We are saddened and angry" by the closure, said Ana Ortiz, the harbour chief.')
    assert [(s.kind, s.speaker) for s in found] == [("partial", "Ana Ortiz")]
    assert found[0].text == '"We are saddened and angry" by the closure'


def test_quote_after_cue_that_or_colon_stays_direct() -> None:
    for body in (
        'Ana Ortiz said on Monday that "the wall will not be ready this year."',
        'Ana Ortiz said: "The wall will not be ready this year."',
        'It has been overlooked: "The wall will not be ready this year," Ana Ortiz wrote.',
    ):
        found = _all(body)
        assert [(s.kind, s.speaker) for s in found] == [("direct", "Ana Ortiz")], body
        assert found[0].text.startswith(("the wall", "The wall")), body
