"""Attribution rules of issue 10 on made-up texts: partial quotes, speakers, indirect cues."""

from __future__ import annotations

from bot.extract import ExtractedStatement, extract_statements, extract_summary

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


def test_question_quote_before_an_abbreviated_title_keeps_its_speaker() -> None:
    found = _all('"Was the wall not promised to us?" Mrs. Ana Ortiz said. "We got nothing."')
    assert [(s.kind, s.speaker) for s in found] == [("direct", "Ana Ortiz")]


def test_document_read_as_a_cue() -> None:
    found = _all('"The wall will hold for a century and more," read the council email.')
    assert [(s.kind, s.speaker) for s in found] == [("direct", "the council email")]


def test_long_frame_between_split_pieces_names_both() -> None:
    found = _all(
        '"They would be wrong about it," Tom Lind, a spokesman for the mayor, said in an '
        'interview on Sunday in Reno, Nev. "The reality is this goes to a vote."'
    )
    assert {s.speaker for s in found} == {"Tom Lind"}
    assert "goes to a vote" in " ".join(s.text for s in found)


def test_party_tag_and_paired_names_are_subjects() -> None:
    found = _all('"We are tying their hands for good," state Sen. Jo Holm (D) said on Monday.')
    assert [s.speaker for s in found] == ["Jo Holm"]
    found = _all('"We can only wonder at the delay," Ann Lee and Mayor Bo Marsh said.')
    assert [s.speaker for s in found] == ["Bo Marsh"]


def test_titles_and_names_in_quotes_are_not_statements() -> None:
    found = _all(
        '"It was a long night," Ana Ortiz told "Harbour Morning Show." Later she appeared on '
        '"Meet the Harbour Press" and "Good Evening Harbour Town."'
    )
    assert [s.text for s in found] == ["It was a long night"]


HARBOUR = """Flood defences top agenda in Harbourton

HARBOURTON, Dec. 20, 2025 — Maria Keller, the state's attorney general, said on Friday that \
the sea wall plan was "badly underfunded and years late."

"We have warned about this for a decade," Keller said. "Nobody listened."

Mayor Tom Lind disagreed. "The wall will be finished on time," he told reporters.
"""


def test_dateline_apposition_role_surname_alias_and_no_trailing_comma() -> None:
    summary = extract_summary(HARBOUR)
    keller = next(p for p in summary.people if p.name == "Maria Keller")
    assert keller.role == "the state's attorney general"
    assert keller.aliases == ["Keller"]
    by_text = {st.text: st for st in summary.statements}
    partial = by_text['the sea wall plan was "badly underfunded and years late."']
    assert (partial.kind.value, partial.speaker) == ("partial", keller.id)
    assert "The wall will be finished on time" in by_text


def test_indirect_cues_after_lead_phrases_inverted_and_parenthetical() -> None:
    cases = {
        "Contrary to her claims, authorities say the files were never opened.": "authorities",
        "Some say they hear the old rows of the port in the mayor's comments.": "Some",
        "In addition, according to the port office, nine more ships will dock.": "the port office",
        "Growth has not been this fast since 1984, said Dan Sala, a professor at the college.": (
            "Dan Sala"
        ),
    }
    for body, speaker in cases.items():
        found = [s for s in _all(body) if s.kind == "indirect"]
        assert [s.speaker for s in found] == [speaker], body
    found = _all(
        "Growth has not been this fast since 1984, said Dan Sala, a professor at the college."
    )
    assert found[0].text == "Growth has not been this fast since 1984"


def test_person_of_a_place_and_organisations_of_a_place() -> None:
    from bot.extract.speakers import classify

    ref = classify("Scott Haller of Cheyenne")
    assert ref is not None and (ref.kind, ref.name, ref.role) == (
        "person",
        "Scott Haller",
        "of Cheyenne",
    )
    ref = classify("Senator Ana Ortiz of Maine")
    assert ref is not None and (ref.kind, ref.name) == ("person", "Ana Ortiz")
    ref = classify("Bank of Harbourton")
    assert ref is not None and ref.kind == "organisation"
    ref = classify("Secretary of State Lind")
    assert ref is not None and (ref.kind, ref.name) == ("person", "Lind")
    ref = classify("German Ortega, a star of the play")
    assert ref is not None and ref.name == "German Ortega"


def test_pronoun_after_a_kinship_apposition_is_the_relative() -> None:
    found = _all(
        "Tom Lind spoke at the harbour on Monday. On the radio, his wife, Jane, asked for a vote. "
        '"Shutting people out of the vote is not smart," she said.'
    )
    direct = [s for s in found if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Jane Lind"]


def test_honorific_picks_the_namesake_of_that_gender() -> None:
    found = _all(
        "Bill Ortiz and Ana Ortiz toured the harbour. Mr. Ortiz spoke first. "
        '"The wall is late," Mrs. Ortiz said. "We were promised it in May," she added.'
    )
    assert {s.speaker for s in found if s.kind == "direct"} == {"Ana Ortiz"}


def test_pronoun_subject_of_a_relative_clause() -> None:
    found = _all(
        "Ana Ortiz is airing a new advert in the harbour towns, in which she declares, "
        '"The purpose of the wall is to keep every family safe."'
    )
    assert [(s.kind, s.speaker) for s in found] == [("direct", "Ana Ortiz")]


def test_pronoun_chain_is_not_broken_by_the_name_it_talks_about() -> None:
    found = _all(
        "Mayor Tom Lind met Ana Ortiz and Sam Reyes. Later Lind softened his tone. Asked who "
        'leads the council, he said Reyes. "I would say Sam for the time being," he said.'
    )
    direct = [s for s in found if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Tom Lind"]


def test_transcript_line_in_capitals_is_a_direct_quote() -> None:
    found = _all("LIND: We will build it on time.\nORTIZ: You said that last year.")
    assert [(s.kind, s.speaker) for s in found] == [("direct", "Lind"), ("direct", "Ortiz")]


def test_it_said_is_the_organisation_that_was_the_subject_just_before() -> None:
    found = _all('The harbour board issued a statement on Monday. "The wall is safe," it said.')
    assert [s.speaker for s in found] == ["The harbour board"]
    found = _all('Ana Ortiz met the board on Monday. "The wall is safe," it said.')
    assert [s.confidence for s in found] == ["unknown"]


def test_subjects_of_apposed_roles_relatives_and_new_clauses() -> None:
    cases = {
        "The group's executive director, Betty Bradley, said the visit was booked early.": (
            "Betty Bradley"
        ),
        "The changes, which officials said will start in May, will not apply to all.": (
            "officials"
        ),
        "He was copied on the letter and Gates said he spoke to Lind before replying.": "Gates",
        "Nevertheless, Lind said that in a close race he would back the wall.": "Lind",
    }
    for body, speaker in cases.items():
        assert [s.speaker for s in _all(body) if s.kind == "indirect"] == [speaker], body


def test_two_reported_clauses_in_one_sentence_are_two_statements() -> None:
    found = _all("Ortiz said the wall was late and added that the council had hidden the figures.")
    assert [(s.speaker, s.cue, s.text) for s in found] == [
        ("Ortiz", "said", "the wall was late"),
        ("Ortiz", "added", "the council had hidden the figures"),
    ]
    found = _all(
        "In the poll, 74 percent said they back the wall, while 22 percent said they might not."
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("74 percent", "they back the wall"),
        ("22 percent", "they might not"),
    ]


def test_opening_mark_typed_as_closing_mark_ends_the_quote() -> None:
    found = _all("“The wall is late and over budget,“ said Ana Ortiz, the harbour chief.")
    assert [(s.kind, s.speaker, s.text) for s in found] == [
        ("direct", "Ana Ortiz", "The wall is late and over budget")
    ]


def test_a_described_speaker_with_any_verb_before_the_quote() -> None:
    found = _all(
        "The Republican candidate appeared to state his plans by saying, "
        '"I am trying to save the harbour and every home around it."'
    )
    assert [s.speaker for s in found] == ["The Republican candidate"]


def test_colon_introductions_by_name_document_and_put_it() -> None:
    cases = {
        'As Professor Ana Ortiz put it: "The harbour does a better job than the council."': (
            "Ana Ortiz"
        ),
        'HIGHER TIDES THAN EXPECTED - Michael P. Lind: "At last the wall has started to rise."': (
            "Michael P. Lind"
        ),
        'More from the report: "Towns condition their plans on the tide tables."': "the report",
    }
    for body, speaker in cases.items():
        assert [(s.kind, s.speaker) for s in _all(body)] == [("direct", speaker)], body


def test_participle_after_a_quoted_word_and_leads_before_the_subject() -> None:
    cases = {
        'From Lind\'s Facebook post: "For the sake of our town, we must end the division."': (
            "Lind"
        ),
        'Ortiz needled the harbour "engineer," saying, "An engineer who builds on request!"': (
            "Ortiz"
        ),
        'Later on Sunday, Ortiz shared a plan called "Tides" on her page, writing "Allow me '
        'to do the research for the reporter."': "Ortiz",
    }
    for body, speaker in cases.items():
        assert [(s.kind, s.speaker) for s in _all(body)] == [("direct", speaker)], body


def test_fragment_quote_without_a_cue_or_a_speaker_is_a_partial_sentence() -> None:
    found = _all(
        'Under harbour law, trespass is committed when a person "enters the wall area without leave."'
    )
    assert [(s.kind, s.confidence) for s in found] == [("partial", "unknown")]
    assert found[0].text.startswith("Under harbour law, trespass is committed when a person")


def test_british_single_quotation_marks() -> None:
    found = _all(
        "‘We will build the wall on time,’ said Ana Ortiz, the harbour chief. "
        "‘The councils’ doubts don’t worry us,’ she added.\n\n"
        "Tom Lind said: ‘The council has failed every family in this town.’"
    )
    assert [(s.kind, s.speaker, s.text) for s in found] == [
        ("direct", "Ana Ortiz", "We will build the wall on time"),
        # a piece with a cue of its own ('she added') is its own statement, same speaker
        ("direct", "Ana Ortiz", "The councils’ doubts don’t worry us"),
        ("direct", "Tom Lind", "The council has failed every family in this town."),
    ]


def test_single_marks_in_a_double_quoting_article_are_not_quotes() -> None:
    found = _all(
        "\"We will build it,\" said Ana Ortiz.\n\nHer rivals call it the 'wall of shame' "
        "and say it will never be finished in time."
    )
    assert [s.kind for s in found] == ["direct", "indirect"]


def test_attitude_verbs_end_cues_and_documents() -> None:
    cases = {
        "Ortiz warned that the wall could fail in a storm.": ("Ortiz", "warned"),
        "Lind denied that the council had hidden the figures.": ("Lind", "denied"),
        "Reyes insisted the budget had never been cut.": ("Reyes", "insisted"),
        "The wall is safe for another decade, officials said.": ("officials", "said"),
        "The plan, the mayor acknowledged, was years late.": ("the mayor", "acknowledged"),
        "The report found that the wall was years late.": ("The report", "found"),
        "The wall will cost twice as much, according to the harbour board.": (
            "the harbour board",
            "according to",
        ),
    }
    for body, (speaker, cue) in cases.items():
        found = _all(body)
        assert [(s.kind, s.speaker, s.cue) for s in found] == [("indirect", speaker, cue)], body


def test_an_object_before_a_quote_is_not_its_speaker() -> None:
    found = _all(
        'The council published a column two days ago titled "Why the harbour wall will fail us".'
    )
    assert all(s.speaker != "a column two" for s in found)
    found = _all('Ana Ortiz shared the news on Monday: "We will build the wall this year."')
    assert [s.speaker for s in found] == ["Ana Ortiz"]


def test_a_pronoun_after_a_quote_ending_a_sentence_goes_to_the_next_subject() -> None:
    """'"…," he said, "… despicable." Belmon said …. "…," he said.': the full stop inside
    the closing quote ends the sentence, so the last 'he' is Belmon, the subject just before,
    not Holm, whose quote came a sentence earlier."""
    found = _all(
        "Harbour chief Tom Belmon said the crowd was calm. Leo Holm worried about it. "
        '"It is sad that someone used our march to hurt people," he said, "and to do '
        'something so cruel." Belmon said the quay is still tense. "Every crew here finds '
        'this hard to bear," he said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Leo Holm", "Tom Belmon"]


def test_a_request_after_a_quote_is_a_sentence_of_its_own() -> None:
    """'"…." The warning asked workers to "…"': a report of its own, not the first quote's
    frame."""
    found = _all(
        'The port source said that "smugglers are looking for help in the town to carry out '
        'these raids." The warning asked workers to "review what they post online for '
        'anything smugglers could use."'
    )
    assert [(s.speaker, s.kind) for s in found] == [
        ("The port source", "direct"),
        ("The warning", "partial"),
    ]


def test_anyone_who_might_find_something_says_nothing() -> None:
    """'sorry to "anyone who may take it badly"': a hypothetical reader is no
    speaker, and the sentence gives the body no other speaker's name for 'it' later."""
    found = _all(
        "The Harbour Race board has pulled its poster, saying sorry to "
        '"anyone who may take it as rude or unfair." "The board meant the poster as a joke '
        'about an old race," it added.'
    )
    assert [s.cue for s in found].count("find") == 0
    assert found[-1].speaker == "The Harbour Race board"


def test_the_last_of_a_prepositions_listed_objects_is_no_subject() -> None:
    """'appearing in The Harbour Times, TIME and Lena Match': the name after 'and' is one
    more outlet, so the later 'he' goes back to Reyes."""
    found = _all(
        "Tom Reyes is a harbour photographer. His photos soon ran in The Harbour "
        "Times, TIME and Lena Match -- but not before Reyes had escaped from the island on "
        'foot. He covered the storms. "When you are working in a storm, you are living '
        'moment to moment," he says.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Tom Reyes"]


def test_a_plural_noun_that_is_also_a_cue_reports_nothing() -> None:
    """'gull attacks were rare': 'attacks' is a noun before its verb, not a speech verb, so
    the quote after the narration goes on with the writer quoted before."""
    found = _all(
        '"The true cause is that a hunt brings men with guns," Ana Kipling '
        "wrote. I always sensed that gull attacks were quite rare in Tarn, but Kipling "
        'was handing out wisdom. "The birds all say that Man is the frailest creature on '
        'the shore."'
    )
    assert {s.speaker for s in found} == {"Ana Kipling"}
    assert "attacks" not in {s.cue for s in found}


def test_as_for_names_the_topic_the_pronoun_goes_on_with() -> None:
    """'As for Reyes, he feels …': the name after 'as for' is no object of a preposition
    but the sentence's topic, so 'he' there and after is Reyes."""
    found = _all(
        "Harbour photographer Tom Reyes travels each summer. Viewers later discover a hug "
        "at last year's Harbour Gathering in Tarn. As for Reyes, he feels that the series is "
        'not finished. "The series has no end. I keep going back because I enjoy it," he '
        "said."
    )
    assert [s.speaker for s in found] == ["Tom Reyes", "Tom Reyes"]


def test_the_person_asked_is_who_answers() -> None:
    """'"…." Reyes asked Ortiz if …. "…," he answered': the question is a sentence of its
    own, no frame of the quote before it, and the one asked is the one who answers."""
    found = _all(
        "Harbour host Tom Reyes interviewed Omar Ortiz, the port chief, on Sunday. A board "
        'spokesman vowed "a swift and total answer." Reyes asked Ortiz if the port\'s action '
        'had lived up to that promise. "Change of that size is not something that happens '
        'overnight," he answered.'
    )
    assert [(s.speaker, s.cue) for s in found] == [
        ("A board spokesman", "vowed"),
        ("Tom Reyes", "asked Ortiz"),
        ("Omar Ortiz", "answered"),
    ]


def test_a_pronoun_in_a_lead_clause_points_to_the_main_subject() -> None:
    """'When she took the prize, Ana Moore mentioned …': the 'she' of the lead clause is
    Moore, so a later 'she' goes to Moore, not back past her; the names a lead clause's
    pronoun acts on are no subject ('Though he did not name Rubin, he …')."""
    found = _all(
        'Tom Reyes and Lena Holm made the film together. "Lena was my soul mate," he said. '
        "When she took the Harbour Prize on stage in May for the part she played, Ana Moore "
        "mentioned Holm's absence. \"And last, to our crew, who wanted to stand here "
        'with me," she said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Tom Reyes", "Ana Moore"]
    found = _all(
        "Ted Ruiz won the state. Though he did not mention Mark Rubin by name, he made it "
        'clear that rivals should drop out. He asked them to "prayerfully consider" the '
        "future of their campaigns."
    )
    assert found[-1].speaker == "Ted Ruiz"


def test_a_cue_word_after_a_possessive_is_a_noun() -> None:
    """'voiced their hopes in letters': after 'their' (or 'his', or 'her' before a word in
    -s) the cue word is a noun, so nobody said 'in letters and on radio'."""
    found = _all(
        "These fans, and others from Tarn to Vell, had voiced their hopes in letters and on "
        "radio. The crews shared her fears about the storm with the council. Tom Reyes said "
        "his hopes were high."
    )
    assert [(s.speaker, s.text) for s in found] == [("Tom Reyes", "his hopes were high")]


def test_a_restrictive_who_is_not_part_of_the_speaker() -> None:
    """'The skippers who opposed the ban …': the speaker is the skippers, not 'The skippers
    who'; after a comma ('Ana Ortiz, who …') the apposition rules still take the name."""
    found = _all(
        "The skippers who opposed the ban last year have since come round. Ana Ortiz, who "
        "opposed the levy, said it was too high."
    )
    assert [s.speaker for s in found] == ["The skippers", "Ana Ortiz"]


def test_a_name_after_the_is_no_one_a_pronoun_stands_for() -> None:
    """'members of the Harbour Guild': a capitalised name after 'the' is a body or a people,
    so with no person named before, '"…," he said' stays unresolved instead of going to it;
    with one named, he is the one."""
    alone = _all(
        "By chance he landed in Vell, home to members of the Harbour Guild. "
        '"The best thing I did was to stop and listen," he said.'
    )
    assert [(s.speaker, s.confidence) for s in alone] == [("he", "unknown")]
    named = _all(
        "Tom Reyes sailed north in May. By chance he landed in Vell, home to members of "
        'the Harbour Guild. "The best thing I did was to stop and listen," he said.'
    )
    assert [s.speaker for s in named] == ["Tom Reyes"]


def test_for_and_a_name_opening_a_sentence_sets_up_whom_she_is() -> None:
    """'For Lena Holm, the songs are key. "…," she says.': the person the sentence is
    about is the 'she' after it, not the body named the sentence before."""
    found = _all(
        "Harbour Works made a new ramp. For Lena Holm, the procession and the songs are key "
        'to mending old harm. "The aim was to give the town what it did not get," she says.'
    )
    assert [s.speaker for s in found] == ["Lena Holm"]


def test_interjections_and_quantifiers_are_no_names() -> None:
    """'Yep, that says it all' has no speaker; 'Others say' and 'Another said' are unnamed
    sources, not people called Others or Another."""
    assert _all("The ramp was a hit. Yep, that pretty much says it all.") == []
    found = _all('Others say the pier is too short. Another said, "It will do for now."')
    assert [(s.speaker, s.ref.kind if s.ref else None) for s in found] == [
        ("Others", "group"),
        ("Another", "group"),
    ]
