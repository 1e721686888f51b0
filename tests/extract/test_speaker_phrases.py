"""Speaker phrases the frame patterns must read as a person or an organisation: a role
before a name, and the adjectives, interjections, labels and dates that are no speaker."""

from __future__ import annotations

import pytest

from bot.extract import ExtractedStatement, extract_statements
from bot.extract.speakers import classify, is_name_like

TITLE = "Council votes on the harbour plan\n"


def _direct(text: str) -> list[ExtractedStatement]:
    return [s for s in extract_statements(TITLE + text) if s.kind == "direct"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "Liberal presidential candidate Ana Ortiz went straight to the quay, telling the "
            "crowd: “The ferries will run all night and nobody will lose a job.”",
            "Ana Ortiz",
        ),
        (
            "Billionaire developer Tom Reyes took the stage at the harbour, adding: “We will "
            "build the new pier before the winter storms come.”",
            "Tom Reyes",
        ),
        (
            "Green Party candidate Lena Park answered at once, writing: “The harbour "
            "plan is dead and the council knows it.”",
            "Lena Park",
        ),
    ],
)
def test_role_words_between_party_and_name_lead_to_the_name(body: str, name: str) -> None:
    found = _direct(body)
    assert [s.speaker for s in found] == [name]


def test_word_set_off_before_a_pronoun_subject_is_no_speaker() -> None:
    text = (
        "Ana Ortiz spoke after the vote.\n\nHonestly, she went further, adding: “The ferries "
        "will run on time every day of the year.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_interjection_before_a_colon_does_not_announce_a_speaker() -> None:
    text = (
        "Ana Ortiz said the ferries are safe.\n\nListen, it gets stranger:\n\n“The ferries will run "
        "on time every day of the year, and nobody will lose a job.”"
    )
    (st,) = _direct(text)
    assert st.speaker != "Listen"
    assert st.ref is not None and st.ref.kind != "person"


def test_colon_intro_subject_stands_at_a_clause_start() -> None:
    text = (
        "In response to the sudden loss of the ferry, Mayor Ana Ortiz issued the following "
        "statement:\n\n“The ferries will run on time every day of the year, and nobody will "
        "lose a job.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_sentence_adverb_before_as_x_observed_keeps_x_as_the_source() -> None:
    text = (
        "Of course, as Jo Lind of the Harbour Courier observed, the real winner was not the "
        "mayor, it was the ferry itself:\n\n“The new ferry carried more passengers in a week "
        "than the old one did in a year.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Jo Lind"]


@pytest.mark.parametrize(
    "body",
    [
        "In the May 4, 2019, letter, Ortiz wrote, “The ferries will run on time every day of "
        "the year.”",
        "Asked about the plan for Reyes, 45, Ortiz said: “There will always be a ferry to the "
        "island.”",
    ],
)
def test_a_year_or_an_age_before_the_name_is_not_the_speaker(body: str) -> None:
    assert [s.speaker for s in _direct(body)] == ["Ortiz"]


@pytest.mark.parametrize("phrase", ["2019", "45", "1,200"])
def test_a_number_is_never_a_speaker(phrase: str) -> None:
    text = f"“The ferries will run on time every day of the year,” {phrase} said."
    assert all(s.speaker != phrase for s in extract_statements(TITLE + text))


@pytest.mark.parametrize("phrase", ["March 1", "Tuesday 14", "May 4, 2019"])
def test_a_date_is_never_a_speaker(phrase: str) -> None:
    assert classify(phrase) is None


def test_an_upper_case_marker_line_is_no_pronoun_antecedent() -> None:
    text = (
        "ABSTRACT.\n\nMayor Ana Ortiz defended the harbour plan at the council.\n\nFULL TEXT.\n\n"
        "“We will build the pier before the winter storms come,” she said."
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_transcript_labels_in_capitals_name_the_person_as_written_in_prose() -> None:
    text = (
        "JO LIND: We will build the pier before the winter.\n\nTOM REYES: Nobody believes "
        "that any more.\n\nLIND: The money is there and the plans are ready."
    )
    assert [s.speaker for s in _direct(text)] == ["Jo Lind", "Tom Reyes", "Jo Lind"]


@pytest.mark.parametrize("label", ["Full Transcript:", "Video Transcript:"])
def test_a_transcript_label_is_a_document_not_a_person(label: str) -> None:
    text = (
        f"Mayor Ana Ortiz spoke at the harbour on Monday.\n\n{label}\n\n“We will build the "
        "pier before the winter storms come, and the ferries will run all night.”"
    )
    (st,) = _direct(text)
    assert st.ref is not None and st.ref.kind == "document"
    assert "Transcript" in st.speaker


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "As the storm hit the town the ferry crews stayed at home while Tom Reyes marched "
            "to the quay, “Nobody is going to stop this boat from sailing tonight.”",
            "Tom Reyes",
        ),
        (
            "The crowd cheers, and then Ana Ortiz continues: “We will build the pier before "
            "the winter storms come.”",
            "Ana Ortiz",
        ),
        (
            "Or, as Jo Lind, a former harbour master, put it: “The sea does not wait for the "
            "council to make up its mind.”",
            "Jo Lind",
        ),
        (
            "The row over the pier grew so loud at the council that Mayor Ana Ortiz said, "
            "“We will take the vote again after the winter storms.”",
            "Ana Ortiz",
        ),
        (
            "It was so cold on the quay after the gale that Tom Reyes joked: “We may need a "
            "second fleet just to find the first one.”",
            "Tom Reyes",
        ),
        (
            "Alongside the calls from the quay, even a veteran harbour pilot criticised the "
            "plan, saying, “Nobody has asked the crews what the new wall will do to the tides.”",
            "a veteran harbour pilot",
        ),
    ],
)
def test_the_clause_nearest_the_quote_names_its_speaker(body: str, name: str) -> None:
    assert [s.speaker for s in _direct(body)] == [name]


def test_neither_before_a_surname_is_no_given_name() -> None:
    text = (
        "Ana Ortiz and Tom Reyes left the harbour office at noon. Neither Ortiz nor Reyes "
        "spoke to reporters.\n\nOn Monday, Ortiz appeared on the radio, saying, “The harbour "
        "plan is dead and the council knows it.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_a_conjunction_and_then_before_a_pronoun_is_no_part_of_the_speaker() -> None:
    text = (
        "Ana Ortiz spoke at the harbour on Monday. And then she said, “We will build the pier "
        "before the winter storms come.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_a_phrase_opened_by_a_preposition_is_no_speaker() -> None:
    text = (
        "Alongside harbour calls for a delay, even a senior council official said the mayor "
        "must choose, saying, “At some point she will have to say where she stands.”"
    )
    assert all(not s.speaker.startswith("Alongside") for s in extract_statements(TITLE + text))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "At a harbour festival in Kelsport, Maine, on Saturday, Ana Ortiz spoke for an "
            "hour, adding: “We will build the pier before the winter storms come.”",
            "Ana Ortiz",
        ),
        (
            "In Harbourton, Ohio, Tom Reyes told reporters, “Nobody is going to stop this boat "
            "from sailing.”",
            "Tom Reyes",
        ),
        (
            "In Harbourton, Jo Lind, a lawyer, told reporters, “The council has broken its own "
            "rules again.”",
            "Jo Lind",
        ),
    ],
)
def test_the_state_after_a_lead_clause_place_is_not_the_subject(body: str, name: str) -> None:
    assert [s.speaker for s in _direct(body)] == [name]


def test_a_possessive_determiner_inside_the_subject_is_no_verb() -> None:
    text = (
        "Some of his supporters went further, adding: “The council has broken its own rules "
        "again and again.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Some of his supporters"]


def test_a_role_before_an_apposed_name_leads_to_the_name() -> None:
    text = (
        "In early October, Ortiz’s Harbour campaign director, Tom Reyes, reached out to the "
        "board, writing in an email: “We want to use this as soon as we can.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Tom Reyes"]


def test_an_indefinite_pronoun_subject_is_no_person_for_a_description() -> None:
    text = (
        "Was Ana Ortiz right about the pier? Nobody knows.\n\n“We will build it before the "
        "winter,” the mayor said."
    )
    assert [s.speaker for s in _direct(text)] == ["Ana Ortiz"]


def test_someone_is_an_unnamed_source_not_a_person() -> None:
    ref = classify("Someone")
    assert ref is not None and ref.kind == "anonymous"


def test_and_i_quote_after_the_cue_leaves_the_speaker_before_it() -> None:
    text = (
        "Ann Holt declared, and I quote, “The ferries are for tourists now.” "
        "Harbour people will not forget it."
    )
    assert [s.speaker for s in _direct(text)] == ["Ann Holt"]


@pytest.mark.parametrize(
    "body",
    [
        "“The pier will be rebuilt by the spring,” she’s told reporters.",
        "“The pier will be rebuilt by the spring,” she's said more than once.",
    ],
)
def test_a_contracted_has_after_a_pronoun_leaves_the_pronoun_the_subject(body: str) -> None:
    text = "Ann Holt has run the harbour board since May.\n\n" + body
    assert [s.speaker for s in _direct(text)] == ["Ann Holt"]


@pytest.mark.parametrize("word", ["I’ve", "I'm", "We'd", "You’re"])
def test_a_contracted_pronoun_opening_a_quoted_sentence_is_no_person(word: str) -> None:
    ref = classify(word)
    assert ref is None or ref.kind != "person"
    assert not is_name_like(f"{word} Lind")


def test_a_possessive_subject_gives_the_owner_by_name() -> None:
    ref = classify("Mr. Holt’s")
    assert ref is not None and ref.name == "Holt"
    text = (
        "Jo Lind spoke first. Then Mr. Holt's eyes filled as he remembered the town and asked "
        "the crowd to back the pier.\n\n''Again and again, you have lifted me up,'' he said."
    )
    assert all("'s" not in s.speaker for s in extract_statements(TITLE + text))


@pytest.mark.parametrize("lead", ["Nine years ago", "12 years earlier"])
def test_a_counted_time_phrase_opening_the_sentence_is_no_speaker(lead: str) -> None:
    text = (
        f"Tom Reyes spoke at the quay. {lead}, he sided with Ann Holt against Jo Lind and said, "
        "“Jo Lind has done nothing for the harbour.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Tom Reyes"]


def test_a_lone_number_word_opening_the_sentence_is_no_person() -> None:
    text = (
        "Tom Reyes spoke at the quay. Two weeks later, he sided with Ann Holt against Jo Lind "
        "and said, “Jo Lind has done nothing for the harbour.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Tom Reyes"]
    assert not is_name_like("Two")


def test_a_convention_is_no_person_for_a_pronoun() -> None:
    text = (
        "Mayor Ann Holt’s address at the Harbour National Convention was short and "
        "sharp.\n\nShe spoke for ten minutes, ending:\n\n“Jo Lind is the one to run "
        "this harbour after me.”"
    )
    assert [s.speaker for s in _direct(text)] == ["Ann Holt"]
    ref = classify("National Convention")
    assert ref is not None and ref.kind != "person"


def test_a_lower_case_role_before_an_apposed_name_after_a_quote_leads_to_the_name() -> None:
    text = "“The pier will be rebuilt by the spring,” the harbour board’s chief executive, Ann Holt, said."
    assert [s.speaker for s in _direct(text)] == ["Ann Holt"]


@pytest.mark.parametrize("cue", ["admits that", "said,"])
def test_a_word_set_off_before_a_pronoun_before_a_cue_is_an_interjection(cue: str) -> None:
    text = (
        f"Tom Reyes runs the port. Well, he {cue} “the fees cost the small boats too "
        "much.” The council will vote in May."
    )
    assert [s.speaker for s in extract_statements(TITLE + text)] == ["Tom Reyes"]


def test_the_mark_opening_an_excerpt_paragraph_is_no_part_of_the_subject() -> None:
    text = (
        'From Ann Holt, writing in the Courier:\n\n"The harbour debate turned into a '
        'quarrel.\n\n"Harbour Radio’s Jo Lind waved off that defence as “pier fever” and '
        "said, “She needed to point at them because they wore work clothes.”"
    )
    assert [s.speaker for s in _direct(text)][-1] == "Jo Lind"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The ruling party, the Harbour Democratic Party, rejected the claim, saying the "
            "count was “fair and open to every observer who asked to watch it.”",
            "the Harbour Democratic Party",
        ),
        (
            "The ferry union, the Federation of Tarn Ferrymen (FTF), said the deal was “a "
            "fraud from the first page to the last.”",
            "the Federation of Tarn Ferrymen",
        ),
    ],
)
def test_a_body_named_in_the_apposition_after_its_description_is_the_speaker(
    sentence: str, speaker: str
) -> None:
    """'The ruling party, the Harbour Democratic Party, …': the body by its name, as 'The
    mayor, Ana Ortiz, …' gives the person ('ruling' there is no ruling of a court)."""
    found = extract_statements(TITLE + sentence)
    assert any(s.kind == "partial" for s in found)
    assert {(s.speaker, s.ref and s.ref.kind) for s in found} == {(speaker, "organisation")}


def test_a_document_word_before_a_body_noun_is_no_document() -> None:
    """'The ruling party' is a party; 'The ruling' alone is a court's ruling."""
    assert classify("The ruling party").kind == "organisation"
    assert classify("The ruling").kind == "document"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # a feature's 'Meet X' is no part of the name later quotes resolve to
            "Meet Ana Ortiz, the 31-year-old with the strangest job on the quay.\n\n"
            "“Nobody believes me when I say I count gulls for a living,” said Ortiz.",
            "Ana Ortiz",
        ),
        (  # a slip of the pen repeats the verb: 'said … Lund said in a release'
            "“Our crews face the storms every night of the winter,” said Harbour Service "
            "Director Mara J. Lund said in a news release.",
            "Mara J. Lund",
        ),
        (  # two particles inside a name
            "“I wanted to show the quay as it is, not as the posters paint it,” said the "
            "photographer Jonas von der Heide.",
            "Jonas von der Heide",
        ),
    ],
)
def test_words_around_a_name_stay_out_of_it(body: str, speaker: str) -> None:
    assert [s.speaker for s in _direct(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # an inverted frame ends before a concession and before the review it is in
            "“That was very hard for all of us on the quay,” said Tom Reyes even though he "
            "was not on the boat.",
            "Tom Reyes",
        ),
        (
            "“This film is a brave intervention into a debate that has simmered for years,” "
            "writes harbour critic Lena Holm in her review.",
            "Lena Holm",
        ),
        (  # hearsay: what others say the subject said is still the subject's
            "“We will finish the job at the port before the winter,” Tom Reyes is alleged "
            "to have told a friend in March.",
            "Tom Reyes",
        ),
        (
            "“We will finish the job at the port before the winter,” Tom Reyes is reported "
            "to have said.",
            "Tom Reyes",
        ),
        (  # an apposition after a lead clause's name belongs to that name
            "After meeting visiting board chair Tom Reyes, a Republican, Lena Holm said, "
            "“this plan as it stands is fulfilling our deepest fears.”",
            "Lena Holm",
        ),
    ],
)
def test_the_speaker_phrase_ends_where_the_name_does(body: str, speaker: str) -> None:
    assert [s.speaker for s in _direct(body)] == [speaker]


def test_a_lead_phrase_about_the_speaker_is_not_part_of_the_quote() -> None:
    """'After meeting X, Holm said, "this …"': the quote opens in lower case, but the lead
    tells what Holm did, so the quote is whole; 'When the pier reopens, Holm added, "it
    will …"' finishes the lead's clause and stays a partial quote."""
    [after] = extract_statements(
        TITLE + "After meeting with Tom Reyes, Lena Holm said, “this plan as it stands is "
        "fulfilling our deepest fears.”"
    )
    assert (after.kind, after.text) == (
        "direct",
        "this plan as it stands is fulfilling our deepest fears.",
    )
    [when] = extract_statements(
        TITLE + "When the pier reopens next spring, Lena Holm added, “it will be the busiest "
        "in the region.”"
    )
    assert when.kind == "partial" and when.text.startswith("When the pier reopens")
    [judging] = extract_statements(
        TITLE + "Judging the candidates by their polls alone, Lena Holm said, “is like "
        "judging a boat by its paint.”"
    )
    assert judging.kind == "partial" and judging.text.startswith("Judging")


def test_a_question_put_in_a_lead_clause_is_no_statement() -> None:
    """'When asked why Ortiz decided to …, Tyler said, "…"': only Tyler said anything."""
    found = extract_statements(
        TITLE + "When asked why Ortiz decided to go after Reyes this past week, Tom Tyler "
        "said, “We still have a month left” before the vote."
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Tom Tyler", "“We still have a month left” before the vote")
    ]


def test_a_document_participle_is_no_part_of_the_speaker() -> None:
    [found] = extract_statements(
        TITLE + "Court documents filed Tuesday say Reyes will receive medication in jail, "
        "“including but not limited to painkillers as needed.”"
    )
    assert found.speaker == "Court documents"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # a party description refers back to the politician just named
            "Rep. Ana Ortiz, a member of the harbour committee, said in the weekly address, "
            "“Today nobody outside the board can tell what it decided.”\n\n"
            "“Opening the board's files is the one way to find out,” the Tarn "
            "Republican added.",
            "Ana Ortiz",
        ),
        (  # an outlet named with its kind: 'Harbour Weekly magazine'
            "Harbour Weekly magazine has withdrawn its piece on the mayor. “We take the "
            "piece down in full and say sorry to the mayor,” the magazine said on "
            "its website.",
            "Harbour Weekly",
        ),
    ],
)
def test_a_description_resolves_to_the_name_before(body: str, speaker: str) -> None:
    assert [s.speaker for s in _direct(body)][-1] == speaker


def test_a_description_that_names_itself_is_not_given_another_body() -> None:
    """'the nationalist Tarn Times tabloid noted': no other organisation is meant; 'a
    Tarn newspaper' is of a place, no name."""
    found = extract_statements(
        TITLE + "A Tarn newspaper called on the mayor to visit. Another reader said he "
        "hoped the ferry would run.\n\nBut as the nationalist Tarn Times tabloid noted in "
        "an op-ed, the mayor “has somehow won a few admirers on the quay.”"
    )
    assert found[-1].speaker == "the nationalist Tarn Times tabloid"


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [
        # a capitalised 'A' at a sentence's start made these bodies' names
        ("A cousin of the skipper", "anonymous", "A cousin of the skipper"),
        ("A neighbour", "anonymous", "A neighbour"),
        # the apposition names the relation
        ("another friend, Lena Holm", "person", "Lena Holm"),
        ("his wife, harbour pilot Ana Ortiz", "person", "Ana Ortiz"),
    ],
)
def test_a_relation_is_one_person_named_or_not(phrase: str, kind: str, name: str) -> None:
    ref = classify(phrase)
    assert ref is not None and (ref.kind, ref.name) == (kind, name)


def test_a_pronoun_goes_on_with_the_unnamed_source_who_spoke_last() -> None:
    """'Tom Labo said …. A cousin, who would not give a name, told reporters …. "…," he
    said': the cousin, who spoke after the sentence naming Labo, not Labo."""
    found = extract_statements(
        TITLE + "Tom Labo, the skipper's uncle, said the young man had moved to the city "
        "for work. A cousin of the skipper, who would not give a name, told reporters that "
        'the family was stunned. "We all feel it, though he was in the wrong," he said. '
        "He added that he could not explain how his cousin had changed."
    )
    assert [s.speaker for s in found] == ["Tom Labo"] + ["A cousin of the skipper"] * 3


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("The Tarn County Register", "organisation"),  # 'County' made 'Register' a surname
        ("the Tarn Courier", "organisation"),  # 'the' made a role of 'Tarn Courier'
        ("the Rev. Tom Reyes", "person"),
        ("The Courier's Lena Holm", "person"),
    ],
)
def test_the_and_capitalised_words_name_a_body(phrase: str, kind: str) -> None:
    ref = classify(phrase)
    assert ref is not None and ref.kind == kind


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Tarn museum joins a host of institutions banning what the harbour museum "
            "calls “long selfie poles.”",
            "the harbour museum",
        ),
        ("The board banned what Ana Ortiz has called “a plague of selfie sticks.”", "Ana Ortiz"),
    ],
)
def test_what_x_calls_gives_x(body: str, speaker: str) -> None:
    """'banning what the museum calls "…"': the name is the relative clause's subject's."""
    assert [s.speaker for s in _direct(body)] == [speaker]
