"""Key points: whole sentences of the story, never page furniture, chosen for coverage."""

from __future__ import annotations

import pytest

from bot.extract import extract_summary
from bot.extract.keypoints import is_clean, strip_dateline

ARTICLE = "\n\n".join(
    [
        "Harbour town opens its new sea wall",
        "HARBOURTON (Reuters) - The town of Harbourton opened a new sea wall on Tuesday after "
        "three winters of flooding had closed the harbour road.",
        "Scroll down for video of the opening ceremony on the quay.",
        "The mayor cut a ribbon as the tide came in, pictured above with council staff. "
        "(Photo: Getty Images)",
        "RELATED: Ten towns that lost their harbour to the sea.",
        "The wall cost the council about 12 million euros and took two years to build on the "
        "old breakwater.",
        "Here is what residents said about the wall:",
        "Engineers say the wall will hold back a storm surge of up to four metres for at "
        "least fifty years.",
        "Follow our coverage at https://example.org/harbour and @harbourtonnews for updates.",
        "Fishermen, who had moved their boats to a neighbouring port, plan to return to the "
        "harbour in the spring.",
    ]
)

JUNK = [
    "Scroll down for video of the opening ceremony on the quay.",
    "RELATED: Ten towns that lost their harbour to the sea.",
    "Here is what residents said about the wall and the new road:",
    "Follow our coverage at https://example.org/harbour for all the updates.",
    "The mayor thanked the builders in a post on the town page @harbourtonnews today.",
    'The mayor wrote: "A great day for the town and everyone who lives here" — Ana Ortiz (@ana) May 2.',
    "The mayor cut a ribbon as the tide came in (Photo: Getty Images) on Tuesday.",
    "<p>The mayor cut a ribbon as the tide came in on Tuesday.</p>",
    "which the mayor said would be the first of many such walls along the coast",
    "CNN's Ana Ortiz contributed to this report about the wall.",
    "FILE - In this March 3, 2024 photo, the mayor speaks to reporters at the town hall.",
    "People walk past the new sea wall in the harbour on Tuesday. REUTERS/Ana Ortiz",
    "Residents watch the tide come in over the old quay wall. Photograph: Tom Weller/Getty",
    "Image copyright Harbourton Council Image caption The new wall runs along the quay.",
    "Copyright 2025 The Harbourton Ledger. All rights reserved for every single story.",
    "This material may not be published, broadcast, rewritten or redistributed in any way.",
    "Sign up for our morning newsletter to get the harbour news in your inbox every day.",
    "Advertisement Continue reading the main story about the wall and the harbour road.",
    "Ten Towns That Lost Their Harbour to the Sea and What They Did Next.",
    "View this post on Instagram: the mayor at the opening of the wall on the quay.",
    "This story has been updated with comments from the mayor and the council staff.",
    "Watch: the tide comes in over the new wall for the first time in three winters.",
    "Politics | Harbourton | The new sea wall opens after three winters of floods.",
    "The mayor opens the wall on the quay in the rain. Credit...Tom Weller for the Ledger",
    "Our Standards: The Harbourton Ledger Trust Principles apply to every story we print.",
    "The Ledger may receive a share from purchases made via links on this harbour page.",
]


@pytest.mark.parametrize("sentence", JUNK)
def test_furniture_and_fragments_are_not_key_points(sentence: str) -> None:
    assert not is_clean(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The wall cost the council about 12 million euros and took two years to build.",
        "Watchdog groups said the wall would leave the harbour water dirtier than before.",
        "Photographers lined the quay as the mayor cut the ribbon on Tuesday morning.",
        "U.S. Senator Ana Ortiz and Harbourton Mayor Tom Weller met at the quay on Friday.",
        "More than 300 residents came to the opening of the wall on Tuesday morning.",
    ],
)
def test_plain_story_sentence_is_clean(sentence: str) -> None:
    assert is_clean(sentence)


def test_colon_datelines_are_cut() -> None:
    assert strip_dateline("HARBOURTON: The town opened its wall.") == "The town opened its wall."


def test_datelines_are_cut() -> None:
    assert strip_dateline("(CNN)Ferries to the isles ran late again.") == (
        "Ferries to the isles ran late again."
    )
    assert strip_dateline("LONDON (Reuters) - Prices rose.") == "Prices rose."
    assert strip_dateline("Prices rose in London (Reuters) on Monday.") == (
        "Prices rose in London (Reuters) on Monday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Tarnby (CNN)Ferries to the isles ran late again.",
        "Port Elvan, Tarnland (CNN)Ferries to the isles ran late again.",
        "Elm Cove, Tarn Isles, Tarnland (CNN)Ferries to the isles ran late again.",
        "(Harbour Weekly)Ferries to the isles ran late again.",
        "TARNBY, Tarn., Dec. 11 (UPI) — Ferries to the isles ran late again.",
        "Dec 29 (Reuters) - Ferries to the isles ran late again.",
    ],
)
def test_a_place_in_title_case_a_day_or_a_glued_outlet_is_part_of_the_dateline(
    line: str,
) -> None:
    assert strip_dateline(line) == "Ferries to the isles ran late again."
    text = f"{line} The harbour board met on Monday to plan a new timetable for the winter."
    summary = extract_summary(text, published=None)
    assert summary.article.title == "Ferries to the isles ran late again"
    assert summary.lede == "Ferries to the isles ran late again."


def test_a_name_before_a_dash_is_no_dateline() -> None:
    line = "Senator Ana Lind — who chairs the harbour board — said the ferries ran late."
    assert strip_dateline(line) == line


def test_a_note_in_brackets_is_no_key_point() -> None:
    text = (
        "(CNN)[Update, posted 7:15 a.m. local time] . The harbour board met on Monday "
        "to plan a new timetable for the winter ferries. Ana Lind, who chairs the board, said "
        "the first boats would leave at six. Fares stay the same until the spring, she said."
    )
    summary = extract_summary(text, published=None)
    assert not any("Update" in point for point in summary.key_points)
    assert summary.lede.startswith("The harbour board met on Monday")


def test_key_points_start_with_the_lede_and_skip_junk() -> None:
    summary = extract_summary(ARTICLE, article_id="wall")
    assert summary.lede.startswith("The town of Harbourton opened a new sea wall")
    assert summary.key_points[0] == summary.lede
    assert len(summary.key_points) == 3
    for point in summary.key_points:
        assert is_clean(point), point
        assert point in ARTICLE.replace("HARBOURTON (Reuters) - ", "")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published Dec. 20, 2025, 10:04 a.m.", "2025-12-20"),
        ("Updated 20 December 2025", "2025-12-20"),
        ("Posted 5 Sept 2024 by the desk", "2024-09-05"),
        ("Filed 2025-12-20T10:00:00Z", "2025-12-20"),
        ("December 20, 2025", "2025-12-20"),
    ],
)
def test_dates_in_the_text(line: str, date: str) -> None:
    text = f"Harbour wall opens\n\n{line}\n\nThe town opened its new sea wall on Tuesday morning."
    assert str(extract_summary(text, article_id="w").article.published)[:10] == date


def test_title_as_written_and_ids_transliterated() -> None:
    text = "Zürich mayor opens the new tram line.\n\nThe mayor opened the tram line on Tuesday."
    summary = extract_summary(text)
    assert summary.article.title == "Zürich mayor opens the new tram line"
    assert summary.article.id.startswith("zurich-mayor-opens")
    text = (
        "Talks resume\n\n"
        '"We will keep talking until there is peace," said Володимир Зеленський on Monday.\n'
    )
    summary = extract_summary(text, article_id="talks")
    assert [p.id for p in summary.people] == ["volodimir-zelenskiy"]


def test_figures_are_whole_phrases() -> None:
    text = (
        "Church census published\n\n"
        "The church counts 1.6 billion members of an entire continent, and about 20% of the "
        "vote went to the reform slate on Sunday.\n"
    )
    figures = {f.value: f for f in extract_summary(text, article_id="c").key_figures}
    assert figures["1.6 billion"].measure == "members of an entire continent"
    assert figures["about 20%"].short == "~20% of the vote"


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    assert is_clean("By the time the wall opened, the harbour road had been closed for months.")
    assert not is_clean("By Ana Ortiz and Tom Weller, Harbourton Ledger staff writers.")


@pytest.mark.parametrize("when", ["September", "Monday"])
def test_a_sentence_opening_with_by_and_a_month_or_day_is_not_a_byline(when: str) -> None:
    """'By September, the storm had …' dates the sentence; it credits nobody."""
    sentence = f"By {when}, the storm had closed 3,700 berths along the Tarnby coast."
    assert is_clean(sentence)
    figures = extract_summary(f"Storm season\n\n{sentence}\n", article_id="s").key_figures
    assert [f.value for f in figures] == ["3,700 berths"]


@pytest.mark.parametrize(
    "stamp", ["Published 3 hours ago", "Updated 12 May 2025", "Posted Tuesday at 9 am"]
)
def test_a_time_stamp_line_gives_no_key_figure_or_key_point(stamp: str) -> None:
    """'Published 3 hours ago' is the page's, not the story's: '3 hours ago' is no figure."""
    text = (
        f"Ferry cut confirmed\n\n{stamp}\n\n"
        "The Tarnby harbour board confirmed that 14 winter crossings will be cut from January.\n"
    )
    summary = extract_summary(text, article_id="f")
    assert [f.value for f in summary.key_figures] == ["14 winter crossings"]
    assert not is_clean(stamp + " on the harbour board website.")


def test_a_count_written_like_a_year_with_a_comma_is_a_figure() -> None:
    """'2,000 residents' is a count; '2000' alone may be a year and is left out."""
    text = (
        "Pier petition\n\nFirst published on Tue 3 Dec 2024 10.00 GMT\n\n"
        "More than 2,000 residents signed a petition against the sale of the Tarnby pier.\n"
    )
    figures = extract_summary(text, article_id="p").key_figures
    assert [f.value for f in figures] == ["More than 2,000 residents signed"]


def test_a_number_before_a_comma_measures_nothing_after_the_comma() -> None:
    """'Ivo Lund, 52, said …' gives no figure '52, said'; '$45,000, the fee' is '$45,000'."""
    text = (
        "Pier fees\n\nSkipper Ivo Lund, 52, said the council charged at least $45,000, "
        "the highest fee on the coast, for a berth at the Tarnby pier.\n"
    )
    figures = extract_summary(text, article_id="f").key_figures
    assert [f.value for f in figures] == ["at least $45,000"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "The club said 48 of its own skippers had quit the Tarnby regatta.",
            "48 of its own skippers",
        ),
        ("The ballot lists 17 candidates with just two seats to fill.", "17 candidates"),
    ],
)
def test_a_figure_keeps_its_of_and_drops_a_dangling_word(sentence: str, value: str) -> None:
    """'48 of its own skippers', not '48 its own'; '17 candidates', not '… with just'."""
    figures = extract_summary(f"Regatta\n\n{sentence}\n", article_id="r").key_figures
    assert [f.value for f in figures] == [value]
