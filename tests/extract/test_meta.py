"""What the summary says about the article and its people: aliases, roles, dates, figures.

Every text here is made up.
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from bot.extract import extract_summary
from bot.extract.meta import article_date
from bot.extract.summary import name_form, slug

BRIDGE = "\n\n".join(
    [
        "City reopens the old river bridge",
        "Mr. Lind said the bridge would reopen on Monday after three years of repairs.",
        "Tom Lind, the city's chief engineer, said the span was safe for buses and lorries.",
        '"We rebuilt every beam of the span and we tested it twice," he told reporters.',
        '"The river traffic will return to normal within weeks," Lind said.',
        "Sen. Lind, 54, said that the city would pay for the work from its own budget.",
    ]
)


def test_aliases_are_the_name_forms_the_article_uses_never_pronouns() -> None:
    summary = extract_summary(BRIDGE, article_id="bridge")
    (lind,) = summary.people
    assert lind.name == "Tom Lind"
    assert set(lind.aliases) == {"Mr. Lind", "Lind", "Sen. Lind"}
    assert lind.role == "the city's chief engineer"  # an apposition, not the honorific "Mr."
    said = {st.text.split()[0]: st.speaker for st in summary.statements}
    assert said["We"] == lind.id  # the pronoun quote is his, but "he" is no alias


@pytest.mark.parametrize(
    ("phrase", "form"),
    [
        ("Mr. Lind", "Mr. Lind"),
        ("Lind, 54", "Lind"),
        ("Lind's", "Lind"),
        ("he", None),
        ("the engineer", None),
        ("Tom Lind", None),  # the name itself
        ("Council leader Tom Lind", None),  # a description around the name
        ("Ana Ortiz", None),  # somebody else
    ],
)
def test_name_form(phrase: str, form: str | None) -> None:
    assert name_form(phrase, "Tom Lind") == form


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("Published Dec. 20, 2025, 10:04 a.m. ET", "2025-12-20"),
        ("HARBOURTON, 20 December 2025 — ", "2025-12-20"),
        ("2025-12-20T10:00:00Z", "2025-12-20"),
        ("Updated Sept. 3", "2026-09-03"),  # AP leaves out the current year
        ("Sept. 3, 10:41 a.m.", "2026-09-03"),
        ("Published: Dec. 30", "2025-12-30"),  # ahead of today: last year's
    ],
)
def test_article_dates_itself(head: str, date: str) -> None:
    today = dt.date(2026, 12, 2)
    text = f"Harbour wall opens\n\n{head}\n\nThe town opened its new sea wall on Tuesday morning."
    assert str(article_date(text, today)) == date


def test_a_yearless_date_in_a_sentence_is_not_the_articles() -> None:
    text = "Harbour wall opens\n\nThe council will vote on the wall on Sept. 3 after a long debate."
    assert article_date(text, dt.date(2026, 12, 2)) is None


def test_a_date_deep_in_the_text_beats_today(caplog: pytest.LogCaptureFixture) -> None:
    filler = "The harbour road stayed closed for the winter while the work went on. " * 12
    text = f"Harbour wall opens\n\n{filler}\n\nThe wall was finished on Dec. 20, 2025, on time."
    summary = extract_summary(text, article_id="w")
    assert summary.article.published.date() == dt.date(2025, 12, 20)
    with caplog.at_level(logging.WARNING, logger="bot.extract.summary"):
        undated = extract_summary(f"Harbour wall opens\n\n{filler}", article_id="u")
    assert undated.article.published.date() == dt.datetime.now(dt.UTC).date()
    assert "no publication date" in caplog.text  # today is never a silent fallback


def test_title_as_written() -> None:
    text = "Harbour wall opens on time\n\nThe town opened its new sea wall on Tuesday morning."
    assert extract_summary(text).article.title == "Harbour wall opens on time"
    given = extract_summary("The town opened its wall.", title="Wall opens: what U.S. Steel did")
    assert given.article.title == "Wall opens: what U.S. Steel did"
    untitled = extract_summary(
        "The town opened its new sea wall on Tuesday morning, officials said."
    )
    assert not untitled.article.title.endswith(".")


@pytest.mark.parametrize(
    ("sentence", "value", "measure"),
    [
        ("The church counts 1.6 billion members of the Catholic Church worldwide, it said.",
         "1.6 billion", "members of the Catholic Church worldwide"),
        ("The storm left 12,000 homes without power across the northern coast on Monday.",
         "12,000 homes without power", "homes without power"),
        ("Officials said about 20 percent of the state's registered voters cast ballots early.",
         "about 20 percent", "about 20 percent"),  # no whole phrase within reach: none
        ("He won 52.3% of the vote in the first round of the race.", "52.3%", "the vote"),
    ],
)  # fmt: skip
def test_figures_are_whole_phrases(sentence: str, value: str, measure: str) -> None:
    (figure,) = extract_summary(f"Census\n\n{sentence}\n", article_id="c").key_figures
    assert (figure.value, figure.measure) == (value, measure)
    assert figure.measure.split()[-1].lower() not in {"of", "the", "across", "an", "entire"}


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Zürich", "zurich"),
        ("Київ", "kiiv"),
        ("Москва", "moskva"),
        ("Łódź", "lodz"),
        ("São Paulo", "sao-paulo"),
    ],
)
def test_ids_are_transliterated_not_dropped(name: str, ident: str) -> None:
    assert slug(name) == ident
    text = f"{name} opens a new tram line\n\nThe city opened its new tram line on Tuesday."
    assert extract_summary(text).article.id.startswith(f"{ident}-opens-a-new-tram-line")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Ivo Lund, Harbour Correspondent", ["Ivo Lund"]),
        ("By Ivo Lund and Ana Holt, Staff Writers", ["Ivo Lund", "Ana Holt"]),
        ("By Jo Lind, Reuters", ["Jo Lind"]),
        ("By Ivo Lund and Ana Holt", ["Ivo Lund", "Ana Holt"]),
    ],
)
def test_a_byline_names_its_writers_not_their_roles_or_wire(line: str, byline: list[str]) -> None:
    """'By Ivo Lund, Harbour Correspondent': the role after the name, like the wire a writer
    files for, is no second author."""
    text = "\n\n".join(["City reopens the old river bridge", line, BRIDGE.split("\n\n", 1)[1]])
    assert extract_summary(text, article_id="bridge").article.byline == byline


def test_a_photo_captions_date_is_not_the_articles() -> None:
    """'FILE PHOTO: Ferries at the quay, March 3, 2025. REUTERS/…': a caption dates its
    picture, so it is skipped; the article's own date line still counts."""
    caption = "FILE PHOTO: Ferries wait at the quay in Tarn, March 3, 2025. REUTERS/Jo Lind"
    body = "Ferry crews in Tarn returned to work on Monday after a six-day strike."
    today = dt.date(2026, 1, 10)
    assert article_date(f"Ferry strike ends\n{caption}\n{body}", today) is None
    dated = f"Ferry strike ends\nPublished 9 January 2026\n{caption}\n{body}"
    assert article_date(dated, today) == dt.date(2026, 1, 9)


def test_a_title_taken_from_the_first_sentence_has_no_dateline_and_keeps_initials() -> None:
    """A text with no title line, as wire copy comes: '(CNN)A.J. Lund …' is titled 'A.J.
    Lund …', not '(CNN)A.J'."""
    text = "(CNN)A.J. Lund sailed the Tarnby strait alone on Tuesday. He was 71."
    summary = extract_summary(text, article_id="a")
    assert summary.article.title == "A.J. Lund sailed the Tarnby strait alone on Tuesday"
