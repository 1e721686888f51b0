"""Statement extraction on small invented texts: quote styles, speaker positions, resolution."""

from __future__ import annotations

import pytest

from bot.extract import ExtractedStatement, extract_statements, extract_summary
from bot.extract.speakers import classify, is_name_like
from bot.extract.subjects import sentence_subject

TITLE = "Council votes on the harbour plan\n"


def _only(text: str, kind: str = "direct") -> ExtractedStatement:
    found = [s for s in extract_statements(TITLE + text) if s.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "body",
    [
        '"The harbour plan is dead," said Mayor Ana Ortiz, a member of the Green Party.',
        "“The harbour plan is dead,” said Mayor Ana Ortiz, a member of the Green Party.",
        "''The harbour plan is dead,'' said Mayor Ana Ortiz, a member of the Green Party.",
    ],
)
def test_quote_marks_straight_curly_and_doubled_apostrophes(body: str) -> None:
    st = _only(body)
    assert st.text == "The harbour plan is dead"
    assert st.speaker == "Ana Ortiz"
    assert st.cue == "said"
    assert st.ref is not None and st.ref.role is not None
    assert "Mayor" in st.ref.role and "Green Party" in st.ref.role


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("“We will build it,” said Tom Reyes.", "said"),
        ("“We will build it,” Tom Reyes said.", "said"),
        ("Tom Reyes said: “We will build it.”", "said"),
        ("Tom Reyes told reporters, “We will build it.”", "told reporters"),
        ("Tom Reyes sounded confident on Monday, adding: “We will build it.”", "adding"),
        ("According to Tom Reyes, “We will build it.”", "according to"),
    ],
)
def test_speaker_in_every_position(body: str, cue: str) -> None:
    st = _only(body)
    assert st.speaker == "Tom Reyes"
    assert st.text.rstrip(",.") == "We will build it"
    assert st.cue == cue


def test_multi_sentence_quote_stays_whole() -> None:
    st = _only("“It is late. It is expensive. It is wrong,” said Lena Park.")
    assert st.text == "It is late. It is expensive. It is wrong"


def test_split_quote_and_follow_on_sentence_are_one_statement() -> None:
    st = _only("“We lost,” said Lena Park. “We will try again next year.”")
    assert st.speaker == "Lena Park"
    assert st.text == "We lost … We will try again next year."


def test_multi_paragraph_quote_takes_speaker_from_next_paragraph() -> None:
    text = (
        "The debate ran late.\n\n“We cannot accept this bill. It punishes the poor.\n\n"
        "“And we will vote against it,” said Senator Jane Doe."
    )
    found = [s for s in extract_statements(TITLE + text) if s.kind == "direct"]
    assert [(s.speaker, s.paragraph) for s in found] == [("Jane Doe", 2), ("Jane Doe", 3)]
    assert found[0].text == "We cannot accept this bill. It punishes the poor."


def test_bare_quote_paragraph_continues_previous_speaker() -> None:
    text = "“The budget is fine,” said Omar Haddad.\n“Nobody will lose their job.”"
    found = extract_statements(TITLE + text)
    assert [(s.speaker, s.paragraph) for s in found] == [("Omar Haddad", 1), ("Omar Haddad", 2)]


def test_pronoun_and_surname_resolve_to_full_name() -> None:
    text = (
        "Finance Minister Karen Blix presented the budget on Tuesday.\n"
        "“This is a prudent plan,” Blix said.\n"
        "She said that taxes would not rise next year."
    )
    found = extract_statements(TITLE + text)
    assert [(s.speaker, s.kind) for s in found] == [
        ("Karen Blix", "direct"),
        ("Karen Blix", "indirect"),
    ]
    assert found[1].text == "taxes would not rise next year"


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("Tom Reyes said that the bridge would open in May.", "Tom Reyes", "said"),
        ("Tom Reyes told Reuters the bridge would open in May.", "Tom Reyes", "told Reuters"),
        ("The bridge would open in May, according to Tom Reyes.", "Tom Reyes", "according to"),
        ("The bridge would open in May, Tom Reyes said.", "Tom Reyes", "said"),
        ("Tom Reyes warned that the bridge would open late.", "Tom Reyes", "warned"),
        ("Tom Reyes denied that the bridge would open late.", "Tom Reyes", "denied"),
        (
            "Tom Reyes has acknowledged that the bridge would open late.",
            "Tom Reyes",
            "acknowledged",
        ),
    ],
)
def test_indirect_speech(body: str, speaker: str, cue: str) -> None:
    st = _only(body, "indirect")
    assert st.speaker == speaker
    assert st.cue == cue
    assert "bridge would open" in st.text
    assert speaker not in st.text


def test_partial_quote_keeps_fragments_in_quotation_marks() -> None:
    st = _only("Tom Reyes said the plan was “a disgrace” and would “never pass.”", "partial")
    assert st.text == "the plan was “a disgrace” and would “never pass.”"


def test_unnamed_sources_with_counts_and_no_comment() -> None:
    text = (
        "Three people familiar with the talks said the deal was close.\n"
        "A senior Treasury official said the bank would not be sold.\n"
        "The ministry and the bank did not respond to requests for comment. "
        "The union declined to comment."
    )
    summary = extract_summary(TITLE + text)
    counts = {s.name: (s.kind.value, s.count) for s in summary.sources}
    assert counts["Three people familiar with the talks"] == ("anonymous", 3)
    assert counts["A senior Treasury official"] == ("anonymous", 1)
    no_comment = [(n.who, n.response.value) for n in summary.sourcing.no_comment]
    assert no_comment == [
        ("The ministry", "did_not_respond"),
        ("the bank", "did_not_respond"),
        ("The union", "declined"),
    ]


def test_plain_narration_yields_no_statements() -> None:
    text = "The harbour opened in 1901. Ships still dock there every morning."
    assert extract_statements(TITLE + text) == []


def test_quote_inside_paraphrase_before_the_speaker_is_partial() -> None:
    st = _only("The plan is “a disaster for the harbour,” Ana Ortiz said.", "partial")
    assert st.speaker == "Ana Ortiz"
    assert st.text == "The plan is “a disaster for the harbour,”"


def test_parenthetical_attribution_and_according_to_mid_sentence() -> None:
    found = extract_statements(
        TITLE + "The harbour, aides said, will reopen in June.\n"
        "Ships will dock at night, according to the port authority, starting next week."
    )
    assert [(s.speaker, s.text, s.cue) for s in found] == [
        ("aides", "The harbour will reopen in June", "said"),
        ("the port authority", "Ships will dock at night starting next week", "according to"),
    ]


def test_labelled_transcript_line() -> None:
    st = _only("MAYOR ORTIZ: We will reopen the harbour in June.")  # verbatim: direct
    assert st.speaker == "Ortiz"
    assert st.ref is not None and st.ref.role == "Mayor"
    assert st.cue == ":"
    assert st.text == "We will reopen the harbour in June."


def test_pronouns_resolve_to_the_nearest_person_of_their_gender() -> None:
    text = (
        "Senator Anna Berg and Mayor Tom Weller toured the new harbour wall on Monday.\n\n"
        "Weller praised the builders and the budget.\n\n"
        '"We finished it a month early and under budget," he said.\n\n'
        'Berg was less sure. "The real test is the first winter storm," she said.\n\n'
        "Mrs. Berg's office later released the inspection report.\n\n"
        '"Nobody should cross the wall during a storm warning," she added.\n'
    )
    found = {s.text.split()[0]: (s.speaker, s.confidence) for s in extract_statements(TITLE + text)}
    assert found["We"] == ("Tom Weller", "pronoun")
    assert found["The"] == ("Anna Berg", "pronoun")
    assert found["Nobody"] == ("Anna Berg", "pronoun")  # not the man named last


@pytest.mark.parametrize(
    ("woman", "man"), [("Ingrid Sand", "Matteo Ferri"), ("Madeleine Roux", "Giorgio Ferri")]
)
def test_international_given_names_tell_the_gender(woman: str, man: str) -> None:
    """Given names common outside the English-speaking world: 'she' skips the man named
    last for the woman before him."""
    text = (
        f"Chancellor {woman} and her deputy {man} toured the new harbour wall on Monday.\n\n"
        f"{man} thanked the builders.\n\n"
        '"The real test is the first winter storm," she said.\n'
    )
    found = extract_statements(TITLE + text)
    assert [(s.speaker, s.confidence) for s in found] == [(woman, "pronoun")]


def test_a_frame_after_a_partial_quote_names_whom_the_next_pronoun_means() -> None:
    """'… take time to "calm down," Holm said.' closes with its frame as much as '…, Holm
    said.': the 'she' of the next quote is Holm, not the woman named before her."""
    text = (
        "Mayor Ana Ortiz opened the session and port director Lena Holm spoke next.\n\n"
        'Ortiz is poised to win the vote. The row will take time to "calm down," Holm said '
        "in an interview.\n\n"
        '"The board is tired of the whole affair," she said.\n'
    )
    found = extract_statements(TITLE + text)
    assert [(s.speaker, s.text) for s in found if s.kind == "direct"] == [
        ("Lena Holm", "The board is tired of the whole affair")
    ]


def test_quotes_with_unusual_cues_and_split_pieces_are_found() -> None:
    text = (
        "The port authority met the unions on Friday, said Chair Lena Holm.\n\n"
        '"This deal protects every single job on the docks," Holm fumed, "and nobody will lose a shift."\n\n'
        'Union leader Ravi Patel wrote on Twitter: "We will sign it next week in the town hall."\n\n'
        '"Ports are the lungs of this city and we will keep them breathing."\n'
    )
    found = {s.text.split()[0]: (s.speaker, s.confidence) for s in extract_statements(TITLE + text)}
    assert found["This"][0] == "Lena Holm"
    assert any(
        s.startswith("and nobody") or "nobody will lose" in s
        for s in [st.text for st in extract_statements(TITLE + text) if st.speaker == "Lena Holm"]
    )
    assert found["We"][0] == "Ravi Patel"
    assert found["Ports"] == ("Ravi Patel", "carried")


def test_paraphrase_after_a_lead_clause_with_a_cue_like_word() -> None:
    text = (
        "In a note to staff, Ana Ortiz said the ferry timetable would change in the spring.\n\n"
        "When asked about the fares, Tom Weller said he expects them to stay low all year.\n\n"
        "Just 28 percent of voters said they had heard of the new ferry line at all.\n"
    )
    found = {s.speaker: s.text for s in extract_statements(TITLE + text) if s.kind == "indirect"}
    assert found["Ana Ortiz"].startswith("the ferry timetable would change")
    assert found["Tom Weller"].startswith("he expects them to stay low")
    assert found["28 percent of voters"].startswith("they had heard of the new ferry")


def test_it_and_they_go_to_the_last_organisation_or_group() -> None:
    text = (
        "The Harbour Authority said in a statement that the ferry would start in May.\n\n"
        '"The boats are ready and the crews are trained for the route," it added.\n\n'
        "Ana Ortiz welcomed the news.\n\n"
        '"It is about time somebody ran a boat to the islands," it said.\n'
    )
    found = {s.text.split()[0]: s.speaker for s in extract_statements(TITLE + text)}
    assert found["The"] == "The Harbour Authority"
    assert found["It"] == "it"  # two paragraphs on, with a person between: left unresolved


def test_unusual_speech_verbs_are_cues() -> None:
    text = (
        '"Please keep the night ferry running for the nurses," implored Dr. Mei Tanaka.\n\n'
        '"This is the worst timetable the islands have ever had," fumes Jon Eriksen.\n'
    )
    found = {s.speaker: s.confidence for s in extract_statements(TITLE + text)}
    assert found == {"Mei Tanaka": "named", "Jon Eriksen": "named"}


def test_a_subject_with_an_apposition_before_a_colon_quote() -> None:
    text = 'Or, as Piet Olsen, a former harbour master, put it: "The sea always wins in the end."\n'
    (st,) = extract_statements(TITLE + text)
    assert (st.speaker, st.confidence) == ("Piet Olsen", "inferred")


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        # the content starts with a name: 'said Lee could …' is not an inverted 'said Lee'
        (
            "Ruth Okafor, a fellow at the Harbour Institute, said Lee could appeal the ruling.",
            "Ruth Okafor",
            "Lee could appeal the ruling",
        ),
        (
            "Tom Brandt, a supporter of the mayor, said Lee's plan was close to theft.",
            "Tom Brandt",
            "Lee's plan was close to theft",
        ),
        (
            "Rosa Lind, 63, a voter raised in Tarnland, said she wanted change, but not this plan.",
            "Rosa Lind",
            "she wanted change",
        ),
    ],
)
def test_a_name_opening_the_content_is_not_an_inverted_speaker(
    body: str, speaker: str, words: str
) -> None:
    found = [s for s in extract_statements(TITLE + body) if s.kind == "indirect"]
    assert found, body
    assert found[0].speaker == speaker
    assert found[0].text.startswith(words)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # 'But X, noting …, said': 'But X,' is not a lead clause to drop
        (
            'But Senator Paul Grant, noting the size of the deficit, said, "Let me tell you, we '
            'cannot keep spending money we do not have."',
            "Paul Grant",
        ),
        # a role with the name set off by commas: the person, not 'the mayor'
        (
            'The mayor, Tom Reed, thanked the volunteers, telling them, "You are the best crew '
            'this city has ever had."',
            "Tom Reed",
        ),
        (
            'A spokeswoman, Lia Marsh, declined the request, saying, "We do not comment on open '
            'cases at all."',
            "Lia Marsh",
        ),
    ],
)
def test_speaker_named_after_a_conjunction_or_a_role(body: str, speaker: str) -> None:
    st = _only(body)
    assert st.speaker == speaker
    assert st.confidence == "named"


def test_a_reporting_sentence_after_a_closed_quote_is_its_own_sentence() -> None:
    body = (
        'Holt says Reed "has a record of keeping the harbour open." He warns that the '
        "budget is far too small for the harbour."
    )
    found = extract_statements(TITLE + body)
    warned = [s for s in found if s.cue == "warns"]
    assert len(warned) == 1
    assert warned[0].text == "the budget is far too small for the harbour"
    assert all("warns" not in s.text for s in found)


def test_two_reported_clauses_split_when_one_holds_a_quote() -> None:
    body = (
        'Holt says she respects Reed\'s "grit and patience" but argues that he cannot '
        "deliver on his plans.\n\n"
        'Holt says the plan failed badly but argues that it "was worth a try for the city."'
    )
    found = [(s.kind, s.cue, s.text) for s in extract_statements(TITLE + body)]
    assert found == [
        ("partial", "says", 'she respects Reed\'s "grit and patience"'),
        ("indirect", "argues", "he cannot deliver on his plans"),
        ("indirect", "says", "the plan failed badly"),
        ("partial", "argues", 'it "was worth a try for the city."'),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The port handled 2,000 ships last year, according to the harbour board's tally.",
            "the harbour board's tally",
        ),
        (
            "According to early figures from harbour polls conducted for the Harbour Times and local "
            "radio by Lind Research, most voters in both towns want a new bridge.",
            "early figures from harbour polls",
        ),
    ],
)
def test_according_to_a_tally_or_a_long_source_phrase(body: str, speaker: str) -> None:
    st = _only(body, "indirect")
    assert st.speaker == speaker
    assert st.cue == "according to"


@pytest.mark.parametrize(
    "body",
    [
        '"The harbour will carry the region next year," Lind said, adding: "They are set to '
        'help every town down the coast."',
        '"The harbour will carry the region next year," Lind said before adding: "They are '
        'set to help every town down the coast."',
        '"The harbour will carry the region next year," Lind said. "They are set to help '
        'every town down the coast," she added.',
    ],
)
def test_a_second_piece_with_its_own_cue_is_its_own_statement(body: str) -> None:
    found = [(s.speaker, s.cue, s.text) for s in extract_statements(TITLE + body)]
    assert [(spk, text.rstrip(".")) for spk, _, text in found] == [
        ("Lind", "The harbour will carry the region next year"),
        ("Lind", "They are set to help every town down the coast"),
    ]
    assert found[0][1] == "said" and found[1][1] in ("adding", "added")


def test_a_piece_without_a_cue_still_joins_the_quote_before_it() -> None:
    body = '"We will win," Lind said. "Nobody in this town doubts it any more."'
    found = [(s.speaker, s.text) for s in extract_statements(TITLE + body)]
    assert found == [("Lind", "We will win … Nobody in this town doubts it any more.")]


def test_a_verb_that_introduces_the_next_quote_starts_a_sentence() -> None:
    body = (
        'Holt backed the ban because "boats should not enter the harbour at night." '
        'Reed says, "That is a fair rule for the town to make."'
    )
    found = [(s.speaker, s.kind, s.text) for s in extract_statements(TITLE + body)]
    assert ("Reed", "direct", "That is a fair rule for the town to make.") in found
    assert all("Reed says" not in text for _, _, text in found)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the speaker stands inside a parenthesis that opens before the quote
        (
            "Most historians see the flood for what it was (Tom Lind, who wrote the town's "
            'history, once said, "It came back every spring, first to the port, then the mills").',
            "Tom Lind",
        ),
        # 'Alongside …,' is a lead clause; the verb ends a determiner subject
        (
            "Alongside calls for action from the unions, a senior council member said Holt must "
            'choose, saying, "At some point she is going to have to say where she stands."',
            "a senior council member",
        ),
    ],
)
def test_speaker_inside_an_aside_or_after_a_lead_clause(body: str, speaker: str) -> None:
    assert _only(body).speaker == speaker


def test_a_lead_clause_after_a_dateline_is_dropped_from_the_subject() -> None:
    # the lead patterns are anchored at the offset they are tried from, not only at 0
    body = (
        "HARBOURTON, Md. - Rallying hundreds of dock workers who are struggling to get by, "
        "Ann Holt tried to calm them and promised to rebuild the pier by the spring."
    )
    speakers = {s.speaker for s in extract_statements(TITLE + body)}
    assert speakers == {"Ann Holt"}


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        # a lead phrase without its comma before the name
        (
            'In that speech Reed said, "If there is one thing we learn, it is that bridges matter."',
            "Reed",
            "said",
        ),
        ('On Monday Reed told reporters, "We will open the bridge in two weeks."', "Reed", None),
        (
            'In a statement the company said, "We will open the bridge in two weeks."',
            "the company",
            "said",
        ),
        # 'is quoted as saying', and cue verbs the first lists lacked
        (
            '"Naturally I worry, since the other side is slow," Lia Marsh is quoted as '
            "saying in a speech.",
            "Lia Marsh",
            "quoted as saying",
        ),
        (
            '"Get ready for the afterlife," one person commented on one of his posts.',
            "one person",
            "commented",
        ),
        ('"We had no choice at all," Lia Marsh confided.', "Lia Marsh", "confided"),
        # the owner before a name is not part of it
        ('"The plan will not work," the institute\'s Jim Walsh said.', "Jim Walsh", "said"),
        ('"The plan will not work," Harbour Institute\'s Jim Walsh said.', "Jim Walsh", "said"),
    ],
)
def test_lead_phrases_passive_quoting_and_new_cue_verbs(
    body: str, speaker: str, cue: str | None
) -> None:
    st = _only(body)
    assert st.speaker == speaker
    if cue is not None:
        assert st.cue == cue


def test_said_with_only_an_adjunct_is_no_statement_but_introduces_the_next_quote() -> None:
    body = (
        "Sam Lau, the director of the party, said in a statement. "
        '"There are no paper ballots to recount, and we will not look for any."\n\n'
        "Tom Reed said on its website.\n\n"
        "Tom Reed said at least four people were hurt."
    )
    found = extract_statements(TITLE + body)
    assert [(s.speaker, s.kind, s.confidence) for s in found] == [
        ("Sam Lau", "direct", "carried"),
        ("Tom Reed", "indirect", "named"),
    ]
    assert found[1].text == "at least four people were hurt"


@pytest.mark.parametrize(
    "body",
    [
        "Freddy Reed confided to her that his parents had panicked about the move.",
        "Freddy Reed explained to the city council that his parents had panicked about the move.",
        "Freddy Reed said to reporters that his parents had panicked about the move.",
    ],
)
def test_the_audience_after_to_is_not_part_of_the_paraphrase(body: str) -> None:
    st = _only(body, "indirect")
    assert (st.speaker, st.text) == ("Freddy Reed", "his parents had panicked about the move")


def test_a_name_after_a_place_and_its_where_clause_is_the_subject() -> None:
    body = (
        "When Ann Holt moved to Elm Heights, Tarnby, the quiet enclave where the family "
        "lived, Freddy Reed confided to her that his parents had panicked about the move.\n\n"
        "John Smith, who lives in Paris, France, said the plan would fail."
    )
    assert [s.speaker for s in extract_statements(TITLE + body)] == ["Freddy Reed", "John Smith"]


def test_paragraphs_joined_into_one_line_keep_a_continuing_quote_with_its_speaker() -> None:
    # some feeds and corpora join paragraphs with a space: a quote that ran on to the next
    # paragraph shows as '… now. "I have …' with no closing mark before the next opening one
    body = (
        '"I wanted to reassure you," Ana Ortiz told the website. "It looks far worse than it '
        'is, and I am fine now. "I have had a hard few weeks out at sea. '
        '"I was sorry that I could not race for my crew tonight," she said. Later she left.'
    )
    found = extract_statements(TITLE + body)
    assert [s.speaker for s in found] == ["Ana Ortiz", "Ana Ortiz"]
    assert "I have had a hard few weeks out at sea." in found[0].text
    assert found[1].text == "I was sorry that I could not race for my crew tonight"
    assert not any("Later she left" in s.text for s in found)


def test_a_straight_quote_inside_an_open_quote_does_not_close_it() -> None:
    body = (
        'Tom Reed wrote: "The answer to a second vote in less than three weeks is "NO" and it '
        'will stay that way." The council met on Friday.'
    )
    st = _only(body)
    assert st.speaker == "Tom Reed"
    assert st.text.startswith("The answer to a second vote") and st.text.endswith("stay that way.")


def test_modals_leave_the_subject_and_passives_are_no_statements() -> None:
    body = (
        "Mr. Vane of Tarn Bank doesn't expect a deal before the spring at the earliest.\n\n"
        "The office has been faulted since the loss of the ferry.\n\n"
        '"We owe it to the crews to make sure this ruling does not stand," Ivo Marr stated.'
    )
    found = extract_statements(TITLE + body)
    assert [(s.speaker, s.kind) for s in found] == [("Vane", "indirect"), ("Ivo Marr", "direct")]
    assert found[0].text == "a deal before the spring at the earliest"
    assert found[1].ref is not None and found[1].ref.kind == "person"  # 'King' ends a name


def test_a_question_opening_before_a_name_is_not_a_given_name() -> None:
    body = (
        "Was Mohammed Reza known to the police? "
        '"If someone is going to carry out an attack, then they will find a way," he said.'
    )
    assert _only(body).speaker == "Mohammed Reza"


def test_manner_adverbs_before_a_cue_and_to_which_leads() -> None:
    body = (
        '"I was a kid then," the Nigerian singer finally says.\n\n'
        'To which Ana Ortiz responded: "You would not be on this show if it was not for that '
        'song."\n\n'
        "The ministry strongly denies that the talks have failed."
    )
    found = extract_statements(TITLE + body)
    assert [s.speaker for s in found] == ["the Nigerian singer", "Ana Ortiz", "The ministry"]


@pytest.mark.parametrize("phrase", ["Special Forces", "the National Guard", "Harbour Bank"])
def test_forces_guards_and_banks_are_organisations_not_people(phrase: str) -> None:
    ref = classify(phrase)
    assert ref is not None and ref.kind == "organisation"


def test_a_speech_cue_ending_the_sentence_outranks_a_verb_of_belief_inside_it() -> None:
    body = (
        "The council has backed the harbour plan after a long debate, its leader said on "
        "Tuesday.\n\nThe mayor has criticized the deal, but the governor defended it, aides said."
    )
    found = extract_statements(TITLE + body)
    assert [(s.speaker, s.cue, s.text) for s in found] == [
        ("its leader", "said", "The council has backed the harbour plan after a long debate"),
        ("aides", "said", "The mayor has criticized the deal, but the governor defended it"),
    ]


@pytest.mark.parametrize(
    ("body", "speaker", "role"),
    [
        (
            "Councillor Jane Smith said: “This is a good day for the town.”",
            "Jane Smith",
            "Councillor",
        ),
        ("Labour MP Kim Hart tweeted: “Great news for the harbour!”", "Kim Hart", "Labour MP"),
        ("“We will win the league,” said Arsenal striker Tom Reed.", "Tom Reed", "Arsenal striker"),
        ("“We were still hopeful,” Headmaster Ulrich Wessel said.", "Ulrich Wessel", "Headmaster"),
    ],
)
def test_british_and_sports_titles_are_roles_not_names(body: str, speaker: str, role: str) -> None:
    st = _only(body)
    assert st.speaker == speaker
    assert st.ref is not None and st.ref.role is not None and role in st.ref.role


def test_appositions_after_possessive_and_kinship_roles_name_the_person() -> None:
    body = (
        "Mayor Ana Ortiz spoke first.\n\n"
        "Tate's deputy, Rosa Lind, emailed the council that the vote would stand.\n\n"
        "The state's attorney general, Dana White, said she would review the vote.\n\n"
        "Ortiz's husband, Carlos, said the family would stay."
    )
    found = extract_statements(TITLE + body)
    assert [s.speaker for s in found] == ["Rosa Lind", "Dana White", "Carlos Ortiz"]


def test_relative_clause_verbs_and_bare_adjuncts_are_not_attributions() -> None:
    body = (
        "Mayor Ana Ortiz fumed at the vote.\n\n"
        "The harbour master, who asked not to be named because he was not authorized to "
        "speak, said the plan had been rushed."
    )
    found = extract_statements(TITLE + body)
    assert [(s.speaker, s.cue, s.text) for s in found] == [
        ("The harbour master", "said", "the plan had been rushed")
    ]


def test_definite_descriptions_resolve_to_the_mention_that_carries_the_role() -> None:
    body = (
        "Sen. Ann Holt of Ohio campaigned in Dayton on Monday. Her rival, businessman Tom "
        "Reed, 58, stayed in Columbus, and former Gov. Jim Park stayed home.\n\n"
        '"We are going to win this state," the senator said.\n\n'
        '"She has had twelve years and nothing to show for it," the 58-year-old told supporters.\n\n'
        "Acme Corp., the state's largest employer, backed Reed. "
        '"He understands business," the company said in a statement.\n\n'
        '"I am not worried at all," the Ohio Democrat said.\n\n'
        '"We need more jobs," the spokesman said.\n\n'
        '"I stay out of it," the former governor said. "It is their race," the governor said.'
    )
    found = [(s.speaker, s.confidence) for s in extract_statements(TITLE + body)]
    assert found == [
        ("Ann Holt", "pronoun"),
        ("Tom Reed", "pronoun"),
        ("Acme Corp.", "pronoun"),
        ("the Ohio Democrat", "named"),  # the text never said Holt is a Democrat
        ("the spokesman", "named"),  # a new, unnamed source
        ("Jim Park", "pronoun"),
        ("the governor", "named"),  # the former governor is not 'the governor'
    ]


def test_a_description_skips_names_inside_quotes_and_title_case_headlines() -> None:
    text = (
        "Former Harbour Pollster Says Reed Is In Trouble\n\n"
        "Pollster Doug Schoen was a guest on the morning show. He said Tom Reed was losing.\n\n"
        '"Nobody trusts Tom Reed, the councillor, any more," the pollster said.'
    )
    assert [s.speaker for s in extract_statements(text)][-1] == "Doug Schoen"


def test_a_prominent_role_with_no_earlier_title_is_the_subject_just_before() -> None:
    body = (
        "Ana Ortiz visited the harbour on Monday. She spoke for an hour.\n\n"
        '"I do not want his endorsement," the candidate added.\n\n'
        "Ben Tate stayed at home all day.\n\n"
        '"We need more jobs," the spokesman said.'
    )
    found = [(s.speaker, s.confidence) for s in extract_statements(TITLE + body)]
    assert found == [("Ana Ortiz", "pronoun"), ("the spokesman", "named")]


@pytest.mark.parametrize("verb", ["began", "held", "sent", "took"])
def test_an_irregular_past_ends_a_determiner_subject(verb: str) -> None:
    body = (
        f"The billionaire businessman {verb} the meeting early, saying the plan would fail badly."
    )
    assert _only(body, "indirect").speaker == "The billionaire businessman"


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        (
            'The rumour was squashed by a "Harbour" publicist, who said Reed has agreed to '
            "stay on the board for another year.",
            "a Harbour publicist",
            "Reed has agreed to stay on the board for another year",
        ),
        (
            "Ann Lee, who said the plan was rushed, left the meeting early.",
            "Ann Lee",
            "the plan was rushed",
        ),
        (
            "In a news release, TARNCO said the skipper must take more steps before sailing.",
            "TARNCO",
            "the skipper must take more steps before sailing",
        ),
    ],
)
def test_who_clauses_and_acronym_subjects(body: str, speaker: str, text: str) -> None:
    st = _only(body, "indirect")
    assert (st.speaker, st.text) == (speaker, text)


def test_by_saying_attaches_the_paraphrase_to_the_subject() -> None:
    body = "Reed answered the critics by noting that the harbour had never been busier."
    found = [(s.speaker, s.cue, s.text) for s in extract_statements(TITLE + body)]
    assert ("Reed", "noting", "the harbour had never been busier") in found
    assert ("Reed", "answered", "the critics") in found  # the first part loses nothing but 'by …'


@pytest.mark.parametrize("word", ["The", "Former", "Adding", "Wednesday", "This"])
def test_a_lone_function_word_is_no_speaker(word: str) -> None:
    assert classify(word) is None


def test_a_compass_surname_still_speaks() -> None:
    assert _only('"This is the first rollback of its kind," West said.').speaker == "West"


def test_a_subject_with_its_apposition_is_not_an_inverted_parenthesis() -> None:
    body = (
        "Jim Walsh, a specialist on the harbour program at the state university, said the "
        "deal, which commits the city to lift its fees, does not rise to the level of a treaty.\n\n"
        "The plan, said Doyle, would fail within a year."
    )
    found = [(s.speaker, s.text[:12]) for s in extract_statements(TITLE + body)]
    assert found == [("Jim Walsh", "the deal, wh"), ("Doyle", "The plan wou")]


def test_a_capitalised_name_after_the_is_not_a_description() -> None:
    body = (
        "All in all, the city will return more money than it collects.\n\n"
        "According to the Harbour Bank, about 12 percent of the cargo is insured."
    )
    assert [s.speaker for s in extract_statements(TITLE + body)] == ["the Harbour Bank"]


def test_the_company_falls_back_only_to_a_proper_name_subject() -> None:
    body = (
        "Harbour Freight Ltd. opposed the bill on Monday.\n\n"
        '"We call on other businesses to join us," the company said.\n\n'
        "All in all, the city will return more money than it collects.\n\n"
        '"We expect to recover our costs within a year," the company said.'
    )
    assert [s.speaker for s in extract_statements(TITLE + body)] == [
        "Harbour Freight Ltd.",  # 'opposed the bill'
        "Harbour Freight Ltd.",
        "Harbour Freight Ltd.",  # the company named before, not 'All in all'
    ]


def test_quotes_after_adding_a_dash_gloss_or_a_colon_paraphrase_keep_the_speaker() -> None:
    body = (
        '"The key group is older voters," said Jo Harlan, chair of the party. "Reed has '
        'to keep their support. Holt has to win them back" - by a wide margin, he meant.\n\n'
        'Later, Ivo Marr stated that the report "was not good." Adding, "Like with all '
        'scandals, what they really did is never that bad."\n\n'
        "Tam Eaton, who voted for both parties, said that given the field of candidates:\n\n"
        '"There is only one choice here. He spends his own money."'
    )
    found = [
        (s.speaker, s.confidence) for s in extract_statements(TITLE + body) if s.kind == "direct"
    ]
    assert found == [
        ("Jo Harlan", "named"),
        ("Ivo Marr", "carried"),
        ("Tam Eaton", "named"),
    ]


def test_a_place_and_weekday_end_a_lead_phrase_but_on_thursday_stays_in_the_subject() -> None:
    body = (
        "At the town hall in Elmford, Tarnshire Monday, the Reed supporter retorted: "
        '"There is a quiet bench for sailors who sail just because they can."\n\n'
        "The files released on Thursday, which covered the years from 2011, showed that the "
        "mayor had known about the leak."
    )
    assert [s.speaker for s in extract_statements(TITLE + body)] == [
        "the Reed supporter",
        "The files released on Thursday",
    ]


@pytest.mark.parametrize("verb", ["deny", "admit", "acknowledge", "confirm", "concede"])
def test_bare_speech_verbs_after_a_plural_subject(verb: str) -> None:
    st = _only(
        f"Harbour officials {verb} that the pier has been closed since the storm.", "indirect"
    )
    assert (st.speaker, st.cue) == ("Harbour officials", verb)


def test_bare_verbs_of_stance_after_a_plural_subject() -> None:
    st = _only(
        "Harbour unions oppose the plan to close the pier before the summer season.", "indirect"
    )
    assert (st.speaker, st.cue) == ("Harbour unions", "oppose")


def test_a_cue_inside_a_closed_quote_is_the_quote_not_a_frame() -> None:
    body = (
        '"We will rebuild the pier," Ana Ortiz said.\n\n'
        '"We deny any wrongdoing at all, and we will prove it in court."'
    )
    found = [(s.speaker, s.kind, s.confidence) for s in extract_statements(TITLE + body)]
    assert found == [("Ana Ortiz", "direct", "named"), ("Ana Ortiz", "direct", "carried")]


def test_a_transcript_label_keeps_an_organisation_acronym() -> None:
    body = "We spoke with the writer.\n\nCNN: What can readers expect from your next book?"
    assert _only(body).speaker == "CNN"


def test_a_place_subject_is_not_who_a_pronoun_stands_for() -> None:
    body = (
        "Five women are still held by the police in Harbourton, an activist said. Harbourton "
        "traditionally cracks down on protests during the festival. "
        '"In other towns, doing such things is natural, while here you get detained," she said.'
    )
    assert _only(body).speaker != "Harbourton"


def test_a_pronoun_with_no_named_person_goes_to_the_unnamed_source_just_quoted() -> None:
    body = (
        "Five women are still held by the police, said an activist who asked not to be "
        'identified. "Here you get detained for asking questions," she said.\n\n'
        "A crowd gathered outside the station."
    )
    found = [(s.speaker, s.confidence) for s in extract_statements(TITLE + body)]
    assert found == [("an activist", "named"), ("an activist", "pronoun")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Harbour experts and city officials said the pier was unsafe.", "Harbour experts and city officials"),
        ("Tom Reyes and other critics say the pier plan is too costly.", "Tom Reyes and other critics"),
    ],
)  # fmt: skip
def test_a_subject_of_two_conjoined_people_phrases(body: str, speaker: str) -> None:
    assert _only(body, "indirect").speaker == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Two in three said they would ride the new ferry.", "Two in three"),
        ("In the harbour poll, those surveyed said the ferry fare is too high.", "those surveyed"),
    ],
)
def test_a_poll_share_is_a_subject(body: str, speaker: str) -> None:
    assert _only(body, "indirect").speaker == speaker


def test_a_plural_head_noun_after_a_determiner_is_the_subject_of_saying() -> None:
    body = "The harbour engineers kept the survey private, saying the pier was unsafe."
    st = _only(body, "indirect")
    assert (st.speaker, st.cue) == ("The harbour engineers", "saying")
    body = "His aides scrambled to respond, saying the mayor had been misquoted."
    assert _only(body, "indirect").speaker == "His aides"


def test_a_determiner_before_a_surname_is_no_given_name() -> None:
    body = (
        "Ann Holt leads the harbour board.\n\n"
        "Some Holt allies argue otherwise.\n\n"
        "Holt has said that the pier was never unsafe."
    )
    assert _only(body, "indirect").speaker == "Ann Holt"


@pytest.mark.parametrize("opener", ["Though Holt", "What Holt", "Does Holt", "Suddenly I"])
def test_a_sentence_opener_before_a_surname_is_no_given_name(opener: str) -> None:
    body = (
        "Ann Holt leads the harbour board.\n\n"
        f"{opener} keeps quiet about the ferry.\n\n"
        "Holt has said that the pier was never unsafe."
    )
    assert _only(body, "indirect").speaker == "Ann Holt"


def test_a_reported_subordinate_clause_before_the_main_clause() -> None:
    body = "While harbour critics argue that the new fare is too high, the mayor kept it."
    st = _only(body, "indirect")
    assert (st.speaker, st.cue, st.text) == ("harbour critics", "argue", "the new fare is too high")
    body = "Although Ann Holt said that the pier was safe, officials said it would not last."
    found = [(s.speaker, s.text) for s in extract_statements(TITLE + body)]
    assert found == [("Ann Holt", "the pier was safe"), ("officials", "it would not last")]


def test_a_trailing_source_keeps_the_whole_sentence_with_its_subordinate_clause() -> None:
    body = "When Holt refused to resign, the board began to push her out, according to aides."
    found = [(s.speaker, s.cue) for s in extract_statements(TITLE + body)]
    assert found == [("aides", "according to")]


def test_with_and_a_participle_names_its_own_speaker() -> None:
    body = "The mayor gained ground, with 30 percent of riders saying the ferry has improved."
    st = _only(body, "indirect")
    assert (st.speaker, st.cue, st.text) == (
        "30 percent of riders",
        "saying",
        "the ferry has improved",
    )


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        (
            "Ferry crews walked out on March 15, a strike that harbour officials said could "
            "delay the summer timetable.",
            "harbour officials",
            "could delay the summer timetable",
        ),
        (
            "The ferry was late again, in what many skippers said was a sign of wider decay.",
            "many skippers",
            "was a sign of wider decay",
        ),
    ],
)
def test_a_speaker_inside_a_relative_clause(body: str, speaker: str, text: str) -> None:
    st = _only(body, "indirect")
    assert (st.speaker, st.text) == (speaker, text)


@pytest.mark.parametrize("aside", ["however", "for example", "in fact"])
def test_a_sentence_adverb_after_the_subject_is_no_part_of_the_speaker(aside: str) -> None:
    st = _only(f"Harbour officials, {aside}, said the pier was unsafe.", "indirect")
    assert st.speaker == "Harbour officials"


def test_a_capitalised_will_before_a_surname_is_a_given_name() -> None:
    body = "Harbour board chairman Will Tarrant, for example, said the ferry was late."
    assert _only(body, "indirect").speaker == "Will Tarrant"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("In the port, half of ferry riders said they were angry.", "half of ferry riders"),
        ("Three-quarters of the riders said the ferry was late.", "Three-quarters of the riders"),
        ("About 9 percent said they had no preference.", "9 percent"),
    ],
)
def test_poll_fractions_and_approximate_shares_are_subjects(body: str, speaker: str) -> None:
    assert _only(body, "indirect").speaker == speaker


def test_a_lower_case_aside_after_a_lead_clause_is_skipped() -> None:
    body = "Among ferry riders, however, 61 percent said the timetable was fine."
    assert _only(body, "indirect").speaker == "61 percent"


@pytest.mark.parametrize(
    "body",
    [
        "Tom Reyes, who runs the ferry line, said Mr. Lind had misled the crews.",
        "Gov. Tom Reyes of Ohio, a Republican who has refused to endorse Lind, said the crews "
        "deserved better.",
    ],
)
def test_a_subject_with_a_relative_apposition_is_not_inverted(body: str) -> None:
    st = _only(body, "indirect")
    assert st.speaker == "Tom Reyes"
    assert st.cue == "said"


def test_speaker_classification_stays_cached() -> None:
    """classify runs for every statement and every pronoun candidate: it must stay cached."""
    assert hasattr(classify, "cache_info")


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("a harbour survey released on Thursday", "document"),
        ("a ferry poll in Harbourton", "document"),
        ("Ann Holt", "person"),
    ],
)
def test_a_day_or_a_place_closing_a_source_phrase_is_no_person(phrase: str, kind: str) -> None:
    ref = classify(phrase)
    assert ref is not None and ref.kind == kind


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Reluctantly, Tom Reyes said the pier would close.", "Tom Reyes"),
        ("Kelly, a ferry captain, said the pier was unsafe.", "Kelly"),
    ],
)
def test_a_sentence_adverb_opening_the_sentence_is_no_speaker(body: str, speaker: str) -> None:
    assert _only(body, "indirect").speaker == speaker


def test_a_labelled_headline_is_no_direct_quote() -> None:
    """A title line 'Name: ‘…’' trims what was said (headline style): partial, not direct."""
    text = (
        "Ann Holt: ‘We Will Rebuild The Harbour Wall’\n\n"
        "Mayor Ann Holt promised on Monday to rebuild the harbour wall before winter.\n\n"
        "HOLT: We will rebuild it before the first storm.\n"
    )
    found = {s.paragraph: s for s in extract_statements(text)}
    assert found[0].speaker == "Ann Holt" and found[0].kind == "partial"
    assert found[2].kind == "direct"  # a transcript line in the body stays verbatim


def test_a_name_line_closing_the_quote_signs_it() -> None:
    """'"… / Jo Lind, Harbour Institute."': the name line that closes the quote is its
    speaker, over nobody and over the speaker carried from the paragraph before."""
    text = (
        "Economists were divided on the harbour plan.\n\n"
        '"The plan will pay for itself within a decade, if the ferries keep running.\n'
        'Mara Quist, Harbour Institute."\n\n'
        '"Ships will dock at night," said Tom Reyes, the port manager.\n\n'
        '"Nobody has priced the dredging, and the council knows it.\n'
        'Ivo Brandt, Coastal Trust."\n'
    )
    found = {s.text.split()[0]: s.speaker for s in extract_statements(TITLE + text)}
    assert found["The"] == "Mara Quist"
    assert found["Nobody"] == "Ivo Brandt"
    assert found["Ships"] == "Tom Reyes"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Tom Reyes said the plan was sound. More from Reyes: "
            '"The ferries will run every hour, and the fares will stay low."',
            "Tom Reyes",
        ),
        (
            "Fares were the sticking point -More from Reyes: "
            '"The ferries will run every hour, and the fares will stay low."',
            "Reyes",
        ),
        (
            'According to the Harbour Times: "The council voted six to one for the plan, '
            'after a long night."',
            "the Harbour Times",
        ),
    ],
)
def test_more_from_and_according_to_before_a_colon_name_the_source(body: str, speaker: str) -> None:
    assert _only(body).speaker == speaker


def test_a_headline_credited_with_by_is_no_statement() -> None:
    """Newsletters list pieces as 'LABEL—"Headline," by Outlet's Author: "excerpt"': the
    headline is no one's words; a quote credited with 'said' still is."""
    text = (
        'LATE NIGHT—"Ferries will run all night from next week, the council says," by the '
        "Courier's Jo Lind: http://example.com/ferries.\n\n"
        '—"Why the harbour wall keeps falling down in every storm," by Harbour Weekly\'s '
        "Ann Holt.\n\n"
        '"The ferries will run all night from next week," said Tom Reyes.\n'
    )
    found = extract_statements(TITLE + text)
    assert [s.speaker for s in found] == ["Tom Reyes"]


def test_an_organisation_paraphrase_ending_in_a_colon_announces_the_next_quote() -> None:
    text = (
        "At a briefing on Tuesday, the ferry board said of the new timetable and the two "
        "extra boats it has ordered for the summer season:\n\n"
        '"The timetable doubles the crossings at dawn and keeps the night boat running."\n'
    )
    assert _only(text).speaker == "the ferry board"


def test_a_quoted_title_inside_the_frame_after_the_quote_keeps_the_frame() -> None:
    body = (
        '"The ferry was late again and nobody told us why," harbour pilot Tom Reyes, wearing a '
        'cap and "Save the Pier" badges, said on Monday.'
    )
    st = _only(body)
    assert (st.speaker, st.text) == ("Tom Reyes", "The ferry was late again and nobody told us why")


def test_a_host_named_after_the_outlet_belongs_to_the_audience() -> None:
    """'told Harbour Radio host Jim Lee' is one audience: the quote after it is whole."""
    st = _only(
        "Asked about the delays, former port director Ann Holt told Harbour Radio host Jim "
        "Lee, “The new pier will be finished by spring, whatever the council says!”"
    )
    assert st.speaker == "Ann Holt"
    assert st.text == "The new pier will be finished by spring, whatever the council says!"
    assert st.cue == "told Harbour Radio host Jim Lee"
    para = _only(
        "Ann Holt told Harbour Radio host Jim Lee that the plan was “written on sand.”", "partial"
    )
    assert para.text.startswith("the plan was")


@pytest.mark.parametrize(
    ("body", "kind", "text"),
    [
        (
            'Reyes replied evenly, "I think the mayor has not read the plan at all."',
            "direct",
            "I think the mayor has not read the plan at all.",
        ),
        ('Holt told the harbour news agency simply, "We are done."', "direct", "We are done."),
        (
            'Reyes said the plan was fine, "but the ferries will not run."',
            "partial",
            'the plan was fine, "but the ferries will not run."',
        ),
        (
            'Reyes recalled telling the crew, "We sail at dawn, whatever the weather does."',
            "partial",
            'telling the crew, "We sail at dawn, whatever the weather does."',
        ),
    ],
)
def test_a_short_adjunct_before_a_whole_quote_leaves_it_direct(
    body: str, kind: str, text: str
) -> None:
    st = _only(body, kind)
    assert st.text == text


@pytest.mark.parametrize(
    "lead",
    [
        "Harbour College's Ann Holt agreed.",
        "Ann Holt, a pollster, was blunter.",
        "Ann Holt shook her head.",
    ],
)
def test_a_bare_quote_after_a_named_lead_in_sentence_is_that_persons(lead: str) -> None:
    text = (
        '"The vote is far from settled," said Tom Reyes, editor of the Harbour Courier.\n\n'
        f'{lead} "Ferry fares will have to rise before the summer."\n'
    )
    found = {s.text.split()[0]: s.speaker for s in extract_statements(TITLE + text)}
    assert found == {"The": "Tom Reyes", "Ferry": "Ann Holt"}


def test_a_question_or_a_description_before_a_bare_quote_keeps_the_last_speaker() -> None:
    text = (
        '"The vote is far from settled," said Tom Reyes, editor of the Harbour Courier.\n\n'
        'Was the council listening? "Ferry fares will have to rise before the summer."\n'
    )
    found = {s.text.split()[0]: s.speaker for s in extract_statements(TITLE + text)}
    assert found["Ferry"] == "Tom Reyes"


@pytest.mark.parametrize(
    ("body", "kind", "text"),
    [
        (
            'When the pier reopens next spring, Dr. Holt added, "it will bring the fishing boats '
            'back to the old quay."',
            "partial",
            'When the pier reopens next spring, "it will bring the fishing boats back to the old quay."',
        ),
        (
            'At the same time, the aide added, "nobody on the council has costed the dredging '
            'yet."',
            "direct",
            "nobody on the council has costed the dredging yet.",
        ),
        (
            'Despite the criticism of the budget, Holt said that "the harbour fund has never been '
            'in better shape."',
            "direct",
            "the harbour fund has never been in better shape.",
        ),
    ],
)
def test_a_lower_case_quote_after_an_inverted_frame_finishes_the_lead_clause(
    body: str, kind: str, text: str
) -> None:
    assert _only(body, kind).text == text


def test_calling_after_a_clause_attributes_the_name_given() -> None:
    """', calling him "…"' is a participle of attribution like ', saying "…"'."""
    st = _only(
        'At the harbour meeting, Holt turned on Reyes, calling him "a danger to every crew."',
        "partial",
    )
    assert (st.speaker, st.cue, st.text) == ("Holt", "calling", 'him "a danger to every crew."')


def test_accusing_after_a_clause_is_a_statement_of_its_own() -> None:
    found = extract_statements(
        TITLE + "Holt wrote to the council on Monday, accusing its members of hiding the true "
        "costs of the pier."
    )
    assert [(s.cue, s.text) for s in found][-1] == (
        "accusing",
        "its members of hiding the true costs of the pier",
    )


def test_citing_after_a_clause_is_a_statement_of_its_own() -> None:
    found = extract_statements(
        TITLE + "Ann Holt defended the delay on the pier vote, citing the cost of the new sea wall."
    )
    assert [(s.speaker, s.cue, s.text) for s in found][-1] == (
        "Ann Holt",
        "citing",
        "the cost of the new sea wall",
    )


def test_a_relative_clause_ending_in_an_adverb_keeps_the_source() -> None:
    """'according to a port official who spoke privately': the -ly word ends the relative
    clause, not a subject ('Moscow strongly' is still no speaker)."""
    ref = classify("a port official who spoke privately")
    assert ref is not None and ref.kind == "anonymous"
    assert classify("Moscow strongly") is None
    st = _only(
        "The ferry company will raise its fares in the spring, according to a port official "
        "who spoke privately.",
        "indirect",
    )
    assert st.cue == "according to"


def test_a_label_before_a_sourced_line_is_a_topic_not_a_speaker() -> None:
    found = extract_statements(
        TITLE + "Ferries: Holt's plan has the support of 14 captains against 3 for Reyes, "
        'according to Harbour Radio. "We want the night boat back," said Tom Lind.\n'
    )
    assert [s.speaker for s in found] == ["Harbour Radio", "Tom Lind"]


@pytest.mark.parametrize("mark", ['"', "”", "''"])
def test_a_participle_after_a_closing_quote_starts_a_second_statement(mark: str) -> None:
    """'… the plan "was doomed," adding, "…"': the comma before the participle may stand
    inside the quote; the whole quote after it is a direct statement of its own."""
    opening = "“" if mark == "”" else mark
    found = extract_statements(
        TITLE + f"Jo Lind said the council {opening}had a reckless plan for the docks,{mark} "
        f"adding, {opening}It lost every vote in the harbour and everyone who fishes here.{mark}"
    )
    assert [(s.speaker, s.kind, s.cue) for s in found] == [
        ("Jo Lind", "partial", "said"),
        ("Jo Lind", "direct", "adding"),
    ]
    close = '"' if mark == '"' else "”"  # doubled apostrophes are shown as curly marks
    assert (
        found[0].text
        == f"the council {close.replace('”', '“')}had a reckless plan for the docks,{close}"
    )
    assert found[1].text == "It lost every vote in the harbour and everyone who fishes here."


def test_by_saying_at_the_start_of_the_content_leaves_a_whole_quote_direct() -> None:
    """'Holt responded by saying, "…"': nothing is reported before the participle."""
    st = _only(
        'Ann Holt responded by saying, "The board must look again at the levy, or the ferries '
        'will stop before the storm season."'
    )
    assert (st.speaker, st.cue) == ("Ann Holt", "saying")
    assert st.text.startswith("The board must look again")


def test_a_sentence_ends_after_doubled_apostrophes_before_a_new_frame() -> None:
    """'… ''our quarrel this winter.'' But, Ms. Holt said, ''…''': a paper that writes its
    quotation marks as two apostrophes ends sentences after them as after any other mark."""
    found = extract_statements(
        TITLE + "Councillor Ann Holt was blunt about the rift, what she called ''our quarrel "
        "this winter.'' But, Ms. Holt said, ''a town is a series of bargains.''"
    )
    direct = [s for s in found if s.kind == "direct"]
    assert [(s.speaker, s.text) for s in direct] == [
        ("Ann Holt", "our quarrel this winter."),  # 'what she called': her own words
        ("Ann Holt", "a town is a series of bargains."),
    ]
    assert all("bargains" not in s.text for s in found if s.kind != "direct")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("In a storm, engineers said the floods along the quay are often small.", "engineers"),
        (
            "Local farmers and shop owners say the harbour levy is far too high.",
            "Local farmers and shop owners",
        ),
        (
            "But harbour engineers and port attorneys said the pier is highly unsafe.",
            "harbour engineers and port attorneys",
        ),
    ],
)
def test_unnamed_groups_of_people_are_speakers(body: str, speaker: str) -> None:
    """Trades and communities reported without names ('engineers said', 'farmers and shop
    owners say') are unnamed sources, after a lead phrase and in conjoined subjects too."""
    st = _only(body, "indirect")
    assert st.speaker == speaker
    assert st.cue in ("said", "say")


def test_a_concessive_clause_holds_its_own_speaker() -> None:
    """'The mayor won, though Mrs. Holt said …': the subject after 'though' said it, not
    the main clause; a pronoun after 'because' before a speech verb is the subject too."""
    st = _only("The mayor won the vote, though Mrs. Ann Holt said she doubted the crews would mind.",
               "indirect")  # fmt: skip
    assert (st.speaker, st.text) == ("Ann Holt", "she doubted the crews would mind")
    found = extract_statements(
        TITLE + "Ann Holt spoke first. The board delayed the levy, in part because she told "
        "members the ferries would stop in the storm season."
    )
    assert [(s.speaker, s.text) for s in found if s.kind == "indirect"] == [
        ("Ann Holt", "the ferries would stop in the storm season")
    ]


def test_a_pronoun_after_because_is_the_subject_of_its_clause() -> None:
    """'… trusted the mayor, because he believes …': the pronoun, resolved, holds the view;
    the main clause's words are no speaker's name."""
    found = extract_statements(
        TITLE + "Tom Reyes spoke first. The dock unions have never trusted the mayor, in part "
        "because he believes the levy would close the ferries."
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Tom Reyes", "the levy would close the ferries")
    ]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Ann Holt said that is highly unlikely before the winter.",
         "that is highly unlikely before the winter"),
        ("Ann Holt said that wouldn’t help the ferries at all.",
         "that wouldn’t help the ferries at all"),
        ("Ann Holt said that voters would back the levy in May.",
         "voters would back the levy in May"),
    ],
)  # fmt: skip
def test_a_verb_after_said_that_makes_that_the_subject(body: str, text: str) -> None:
    """'said that is unlikely': a demonstrative 'that' is part of what was said."""
    assert _only(body, "indirect").text == text


@pytest.mark.parametrize("comma", ["", ","])
def test_a_second_verb_after_but_keeps_the_subject(comma: str) -> None:
    """'Reyes put off the vote(,) but said …': the subject of the first verb said it."""
    st = _only(
        f"Tom Reyes put off deciding on the levy{comma} but said the board could come back "
        "later with that request.",
        "indirect",
    )
    assert (st.speaker, st.text) == (
        "Tom Reyes",
        "the board could come back later with that request",
    )


@pytest.mark.parametrize("lead", ["Of the levy", "About the new levy", "Regarding the levy"])
def test_a_topic_lead_is_no_part_of_the_subject(lead: str) -> None:
    """'Of the levy, Holt said …': a topic phrase opens the sentence before its subject."""
    st = _only(f"{lead}, Ann Holt said voters would find it very hard to accept.", "indirect")
    assert (st.speaker, st.text) == ("Ann Holt", "voters would find it very hard to accept")


@pytest.mark.parametrize(
    "subject", ["Aides to Mayor Holt", "People close to the mayor", "An adviser to the board"]
)
def test_a_role_linked_by_to_is_one_subject(subject: str) -> None:
    """'Aides to Holt say …': 'to' links the role to its person; it opens no infinitive."""
    st = _only(f"{subject} say the harbour levy will be dropped before the winter.", "indirect")
    assert (st.speaker, st.text) == (subject, "the harbour levy will be dropped before the winter")


@pytest.mark.parametrize("around", ["people close to Holt", "an aide to Holt", "friends of Holt"])
def test_people_around_a_named_person_are_not_that_person(around: str) -> None:
    """'…, people close to Holt say': unnamed sources, whom answers must not read as Holt."""
    found = extract_statements(
        TITLE + f"Ann Holt spoke first. The levy will be dropped before the winter, {around} said."
    )
    assert [(s.speaker, s.text) for s in found] == [
        (around, "The levy will be dropped before the winter")
    ]


def test_a_clause_after_a_lead_word_in_lower_case_is_a_lead() -> None:
    """'Still, while the port …, officials say …': the clause after 'Still,' opens in lower
    case and is no part of the subject."""
    st = _only(
        "Still, while the port cannot block every storm, officials say the sea wall needs raising.",
        "indirect",
    )
    assert (st.speaker, st.text) == ("officials", "the sea wall needs raising")


def test_a_short_object_before_and_a_second_cue_is_no_statement() -> None:
    """'Reyes claimed victory and argued the ferry …': the words before 'and argued' are the
    object of the first verb; the statement is what he argued."""
    st = _only(
        "In a speech from the quay, Tom Reyes claimed victory and argued the ferry plan "
        "would pay for itself.",
        "indirect",
    )
    assert (st.speaker, st.cue, st.text) == (
        "Tom Reyes",
        "argued",
        "the ferry plan would pay for itself",
    )


def test_a_clause_after_a_closing_quote_that_opens_with_when_is_a_new_sentence() -> None:
    """'"…." When her family asked, she smiled.': the speech verb after the quote belongs
    to a new sentence's clause, so the quote is still the previous speaker's."""
    found = extract_statements(
        TITLE + '"The levy is fair," the mayor’s family wrote on the town notice board. "We '
        'knew she would pick the harbour. She grew up on the boats." When her family asked, '
        "she smiled."
    )
    assert [(s.speaker, s.text) for s in found if s.kind == "direct"] == [
        (
            "the mayor’s family",
            "The levy is fair … We knew she would pick the harbour. She grew up on the boats.",
        )
    ]


@pytest.mark.parametrize(
    "gloss", ["since the port opened in May", "referring to the count of the harbour board"]
)
def test_a_quote_with_the_reporters_gloss_after_it_continues_the_speaker(gloss: str) -> None:
    """'"We count …" since the port opened.': the words after the quote add context and
    name nobody, so the quote goes on with the speaker of the sentence before."""
    found = extract_statements(
        TITLE + 'The board fined 12 captains, the harbour board said. "Our own count of '
        f'missed buoys runs to the hundreds, not the dozens on paper" {gloss}.'
    )
    quoted = [s for s in found if "missed buoys" in s.text]
    assert [(s.speaker, s.confidence) for s in quoted] == [("the harbour board", "carried")]


def test_a_leftover_quote_goes_on_with_the_speaker_before_it_not_a_later_one() -> None:
    """In a text without paragraph breaks the leftover quote is attributed after the whole
    text was read: the speaker it continues is the one before it, not the last one named."""
    found = extract_statements(
        TITLE + '"The ferry owners may sign by spring," a harbour negotiator said. "Nobody '
        'wants the boats idle, but the owners want a bigger share" referring to the fares. '
        "Dock clerks from the port said the haggling may last until May."
    )
    quoted = [s for s in found if "bigger share" in s.text]
    assert [s.speaker for s in quoted] == ["a harbour negotiator"]


@pytest.mark.parametrize(
    ("frame", "speaker"),
    [
        ("Holt said of the port board in February, when the board balked at the books", "Holt"),
        ("Miller, once a ferry pilot on the night boats, said softly over the radio", "Miller"),
        (
            "Holt shouted, a cry the dockers took up on the quay and carried home to the town",
            "Holt",
        ),
    ],
)
def test_a_long_frame_after_a_question_names_its_speaker(frame: str, speaker: str) -> None:
    """'"Who gave them the keys?" Holt said of the board in May, when …': after a
    question the frame may go on, and the sentence does not end at the question mark (the
    frame read as a sentence of its own gave a second, empty statement)."""
    found = extract_statements(TITLE + f'"Who gave them the keys to the harbour?" {frame}.')
    assert [(s.kind, s.speaker, s.text, s.confidence) for s in found] == [
        ("direct", speaker, "Who gave them the keys to the harbour?", "named")
    ]


def test_an_aside_after_the_cue_and_its_comma_keeps_the_frame_after_a_full_stop() -> None:
    """'"…." Holt said, a line she gave every crew on the quay that spring and the next.': the
    comma after the verb opens an aside, however long, not a sentence of its own."""
    found = extract_statements(
        TITLE + '"Every boat comes home before the storm." Ann Holt said, a line she gave '
        "every crew on the quay that spring and the next."
    )
    assert [(s.kind, s.speaker, s.text) for s in found] == [
        ("direct", "Ann Holt", "Every boat comes home before the storm.")
    ]


@pytest.mark.parametrize(("mark", "cue"), [(",", "said"), ("?", "asked")])
def test_a_new_report_after_a_closing_quote_is_a_sentence_of_its_own(mark: str, cue: str) -> None:
    """'"…?" Holt asked. But Holt also said on the radio that …': a new report, not the
    quote's frame, even after a question."""
    found = extract_statements(
        TITLE + f'"The port is open to every ship{mark}" Ann Holt {cue}. But Holt also said on '
        "the harbour radio that the levy will be dropped before the winter."
    )
    assert [(s.kind, s.speaker) for s in found] == [
        ("direct", "Ann Holt"),
        ("indirect", "Ann Holt"),
    ]
    assert found[1].text == "the levy will be dropped before the winter"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Britain’s Prince Harry spoke first. "The port is open to all," he said.', "Prince Harry"),
        ('Pope Francis spoke in Rome. "The port is open to all," Francis said.', "Pope Francis"),
        (
            'King Charles and Queen Camilla came. "The port is open to all," she said.',
            "Queen Camilla",
        ),
    ],
)
def test_a_regnal_title_is_part_of_a_one_word_name(text: str, speaker: str) -> None:
    """'Pope Francis', 'Prince Harry': the title goes with the given name as the person's
    name, and gives the gender a pronoun needs."""
    assert _only(text).speaker == speaker


@pytest.mark.parametrize("force", ["police", "state police"])
def test_police_without_a_determiner_are_a_speaker(force: str) -> None:
    """'"…," police said.': news names the police without 'the', as it does officials."""
    st = _only(f'"We must balance the needs of the town with the law," {force} said Thursday.')
    assert (st.speaker, st.confidence) == (force, "named")


def test_a_statement_saying_reports_what_its_issuer_said() -> None:
    """'Harbour police put out a statement on Friday saying …': the participle after the
    medium reports the issuer's words; the phrase before it is no subject of a later cue."""
    st = _only(
        "Harbour police put out a statement on Friday saying two divers were still missing.",
        "indirect",
    )
    assert (st.speaker, st.cue, st.text) == (
        "Harbour police",
        "saying",
        "two divers were still missing",
    )


def test_a_cue_inside_what_a_participle_reports_is_not_a_new_speaker() -> None:
    """'… mailed a leaflet saying that tallies in Dover and Lyme show …': 'show' is part
    of what the campaign said, not a statement of 'Lyme'."""
    st = _only(
        "The Holt campaign mailed a leaflet on Friday saying that tallies in Dover and Lyme "
        "show Holt and Reed far ahead of the rest.",
        "indirect",
    )
    assert (st.speaker, st.cue) == ("The Holt campaign", "saying")
    assert st.text.startswith("tallies in Dover and Lyme show")


@pytest.mark.parametrize(
    "opening", ["Wherever Ann Holt goes, crowds follow.", "For Ann Holt, the vote was a test."]
)
def test_a_name_after_a_sentence_word_is_a_person_for_pronouns(opening: str) -> None:
    """'Wherever Ann Holt goes, …': the sentence word is no given name, and the person
    named after it is who 'she' goes to."""
    st = _only(f'{opening} "The levy is fair to every household," she said.')
    assert st.speaker == "Ann Holt"


def test_a_place_after_a_preposition_is_no_person() -> None:
    """'At Harbour Park, …': a preposition before two capitalised words opens a place, so
    'she' finds nobody there."""
    st = _only(
        'At Harbour Park, the crowd waited. "The levy is fair to every household," she said.'
    )
    assert st.speaker == "she"


@pytest.mark.parametrize(
    ("frame", "speaker"),
    [
        ("al-Hamadi said", "al-Hamadi"),
        ("said Port Minister Adel al-Hamadi", "Adel al-Hamadi"),
    ],
)
def test_an_arabic_article_is_part_of_the_surname(frame: str, speaker: str) -> None:
    """'Adel al-Hamadi', 'al-Hamadi said': the lower-case article joined to the surname
    belongs to the name, which may open the subject."""
    assert _only(f'"The harbour will stay open to every fishing boat," {frame}.').speaker == speaker


def test_a_group_named_with_an_article_is_no_person_for_pronouns() -> None:
    """'Ansar al-Bahr' is a group: 'he' does not go to it."""
    st = _only(
        "Bo Reed said a band calling itself Ansar al-Bahr had seized the pier. "
        '"I hung up after two minutes," he said.'
    )
    assert st.speaker == "Bo Reed"


def test_police_and_officials_are_one_subject() -> None:
    """'…," police and port officials said': two unnamed sources joined by 'and'."""
    st = _only(
        '"A fuller list of the damaged boats comes next week," police and port officials said.'
    )
    assert st.speaker == "police and port officials"


@pytest.mark.parametrize("when", ["on Monday", "Monday", "last week", "in a statement"])
def test_when_the_words_were_said_is_no_part_of_the_content(when: str) -> None:
    """'The board said on Monday the levy would stay': the time or medium between the cue
    and a content without 'that' is the frame's."""
    st = _only(f"The port board said {when} the levy on ferries would stay.", "indirect")
    assert st.text == "the levy on ferries would stay"


def test_a_weekday_before_a_verb_is_the_contents_subject() -> None:
    """'Holt said Monday was the worst day …': there the weekday is what was talked about."""
    st = _only("Holt said Monday was the worst day of the year for the port.", "indirect")
    assert st.text == "Monday was the worst day of the year for the port"


@pytest.mark.parametrize("label", ["BREAKING", "Wow", "Exclusive", "Analysis", "Paid Notice"])
def test_headline_furniture_before_a_colon_is_no_speaker(label: str) -> None:
    """'BREAKING: Ferry Line Halts Night Crossings': page furniture, not a source; a name
    before the colon still is one."""
    found = extract_statements(f"{label}: Ferry Line Halts All Night Crossings To The Isle\nBody.")
    assert found == []
    named = extract_statements("Reed: Ferry Line Will Halt All Night Crossings\nBody.")
    assert [s.speaker for s in named] == ["Reed"]


def test_a_possessive_opening_a_kinship_apposition_takes_the_family_name() -> None:
    """'Her husband, Carl, agreed.' at a sentence start is the spouse, as 'her husband,
    Carl,' is mid-sentence."""
    found = extract_statements(
        TITLE + '"The tide took the whole garden," said Rosa Penhale, 61, who lives by the quay.\n'
        'Her husband, Carl, agreed. "Every last bean row," he said.'
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Rosa Penhale", "The tide took the whole garden"),
        ("Carl Penhale", "Every last bean row"),
    ]


def test_a_pronoun_given_to_the_last_speaker_teaches_the_gender() -> None:
    """'"…," he insisted' given to Voss makes Voss a man, so a later 'she' goes to the woman
    named since ('Kerrow, for her part, urged calm'), not back to Voss."""
    found = extract_statements(
        TITLE + 'Voss was blunt: "We will rebuild the slipway, whatever it costs."\n'
        '"The boats need that slipway," he insisted.\n'
        "Kerrow, for her part, urged calm.\n"
        '"Nobody should sail until the buoys are back," she said.'
    )
    assert [s.speaker for s in found] == ["Voss", "Voss", "Kerrow"]


def test_an_office_is_not_someone_the_article_gave_another_office() -> None:
    """'the mayor' a line after 'Ann Tregear, the port director,' is not Tregear; with no
    other office given, the subject just before still is (news style)."""
    other = extract_statements(
        TITLE + '"The north quay stays shut all winter," said Ann Tregear, the port director.\n'
        "The mayor said the closure would cost the town dearly."
    )
    assert [s.speaker for s in other] == ["Ann Tregear", "The mayor"]
    same = extract_statements(
        TITLE + "Ann Tregear said the north quay would stay shut all winter.\n"
        "The mayor said the closure would cost the town dearly."
    )
    assert [s.speaker for s in same] == ["Ann Tregear", "Ann Tregear"]


@pytest.mark.parametrize("aside", ["asked about the strike", "when asked", "speaking at the quay"])
def test_a_participle_aside_is_no_cue(aside: str) -> None:
    """'Owen, asked about the strike, said …': the main verb after the aside is the cue."""
    st = _only(f"Mayor Ivo Owen, {aside}, said he hoped the ferries would sail soon.", "indirect")
    assert (st.speaker, st.cue, st.text) == (
        "Ivo Owen",
        "said",
        "he hoped the ferries would sail soon",
    )


def test_a_wire_dateline_is_no_part_of_the_content() -> None:
    """'PORTHAVEN (Reuters) - A, the union said.': the dateline is the story's, not A's."""
    st = _only(
        "PORTHAVEN (Reuters) - Ferry crews extended their strike on Monday, their union said, "
        "as talks broke down.",
        "indirect",
    )
    assert st.text.startswith("Ferry crews extended their strike")


def test_according_to_a_source_with_an_abbreviation() -> None:
    """'according to papers filed with the U.K. Harbour Office.': the source runs past 'U.K.'."""
    st = _only(
        "The ferry had failed two checks, according to papers filed with the U.K. Harbour Office.",
        "indirect",
    )
    assert st.speaker == "papers filed with the U.K. Harbour Office"


def test_said_and_a_clause_after_a_closed_quote_is_a_new_statement() -> None:
    """'… "painful but needed." She said orders fell …': her next statement, not the frame
    of the quote before it; '"…." she said on Monday.' still is a frame."""
    found = extract_statements(
        TITLE + 'Laura Minsk told staff in a memo that the cuts were "painful but needed." '
        "She said orders had fallen by a third since spring.\n"
        '"We will build ships here for a hundred more years." she said on Monday.'
    )
    assert [(s.kind, s.text) for s in found] == [
        ("partial", 'the cuts were "painful but needed."'),
        ("indirect", "orders had fallen by a third since spring"),
        ("direct", "We will build ships here for a hundred more years."),
    ]
    assert {s.speaker for s in found} == {"Laura Minsk"}


@pytest.mark.parametrize(
    "frame",
    ["told employees in a memo that", "informed the board that", "assured residents that",
     "told the court that", "told the radio on Friday that", "told a local newspaper that",
     "told the state news agency"],
)  # fmt: skip
def test_the_audience_of_a_verb_of_telling_is_no_part_of_the_content(frame: str) -> None:
    st = _only(f"Holt {frame} the levy on ferries was fair.", "indirect")
    assert st.text == "the levy on ferries was fair"


@pytest.mark.parametrize("verb", ["shot back", "fired back", "hit back"])
def test_shot_back_that_is_a_cue(verb: str) -> None:
    """'Pell shot back that …' reports Pell's words; 'hit back at Quist' does not."""
    st = _only(f'Pell {verb} that Quist had "never run a stall in her life."', "partial")
    assert (st.speaker, st.text) == ("Pell", 'Quist had "never run a stall in her life."')
    assert extract_statements(TITLE + f"Pell {verb} at Quist over the fish market rents.") == []


def test_afterwards_between_the_cue_and_that_is_no_part_of_the_content() -> None:
    st = _only(
        "Ian Frew said afterwards that the debate had been the liveliest in years.", "indirect"
    )
    assert st.text == "the debate had been the liveliest in years"


def test_no_reply_to_a_message_seeking_comment_is_sourcing_not_a_statement() -> None:
    """'X did not reply to our message seeking comment' says nothing X said; it is listed as
    X not commenting. 'The chief, Sam Idris, declined' is one party, not two."""
    summary = extract_summary(
        TITLE + "A spokeswoman for the ferry line did not reply to our message seeking comment.\n"
        "The authority's chief executive, Sam Idris, declined to comment.\n"
        "Ivo Marr, a port spokesman, did not return calls seeking comment."
    )
    assert summary.statements == []
    assert [(n.who, n.response.value) for n in summary.sourcing.no_comment] == [
        ("A spokeswoman for the ferry line", "did_not_respond"),
        ("Sam Idris", "declined"),
        ("Ivo Marr", "did_not_respond"),
    ]


def test_a_first_line_ending_a_british_quote_is_the_body_not_a_title() -> None:
    """An article given without its headline may open with '‘…,’ said X. ‘….’': that line
    ends a sentence, so it is body text and its quote counts; a headline has no full stop."""
    found = extract_statements(
        "‘We will not open the north quay this winter,’ said Ann Tregear, the port director. "
        "‘The ferries cannot dock.’\nThe mayor said the decision was hard."
    )
    assert [(s.kind, s.speaker) for s in found] == [
        ("direct", "Ann Tregear"),
        ("indirect", "The mayor"),
    ]


@pytest.mark.parametrize("lead", ["", "Last Monday, "])
def test_media_without_a_determiner_is_a_subject(lead: str) -> None:
    """'state-owned media reported that …', like 'police said', needs no determiner."""
    st = _only(
        f"{lead}state-owned media reported that the mayor had shut the harbour to boats.",
        "indirect",
    )
    assert (st.speaker, st.text) == ("state-owned media", "the mayor had shut the harbour to boats")


def test_media_reports_as_a_noun_is_no_cue() -> None:
    """'State media reports and port sources described …': 'reports' is a noun there, so
    it opens no statement whose content starts with 'and'."""
    found = extract_statements(
        TITLE + "State media reports and port sources described the plan as doomed."
    )
    assert all(not s.text.startswith("and ") for s in found)
    assert all(s.speaker != "State media" for s in found)


def test_a_name_before_a_plural_noun_is_no_subject_for_a_pronoun() -> None:
    """'Tarn voles were counted …, she said': 'Tarn' modifies 'voles'; 'she' is the
    scientist named before."""
    found = extract_statements(
        TITLE + "Ann Liu has counted the burrows since May. Tarn voles were counted in every "
        'field by the loch, she said. "This winter the count fell by half," she added.'
    )
    assert [s.speaker for s in found] == ["Ann Liu", "Ann Liu"]


@pytest.mark.parametrize(
    "title", ["Sgt. 1st Class", "Petty Officer 2nd Class", "Maj.", "Det. Insp.", "Cpl."]
)
def test_military_and_police_ranks_are_no_part_of_the_name(title: str) -> None:
    st = _only(f'"We found the boat at dawn," said {title} Dan Marr.')
    assert st.speaker == "Dan Marr"


def test_a_topic_before_a_parenthetical_pronoun_attribution_is_no_speaker() -> None:
    """'The levy, he said, "cannot …"': the speaker is 'he' (the judge), not the levy."""
    found = extract_statements(
        TITLE + 'Judge Ivo Marr struck down the harbour levy. The levy, he said, "cannot be '
        'squared with the town charter."'
    )
    assert [(s.kind, s.speaker) for s in found] == [("direct", "Ivo Marr")]


def test_a_sentence_with_an_aside_attribution_after_a_quote_is_its_own() -> None:
    """'…veteran." The boys, he said, were laughing.': a new sentence with its own
    parenthetical attribution, not the frame of the quote before it."""
    found = extract_statements(
        TITLE + 'The skipper, Tom Pike, described the scene on Facebook as "two boys climbing '
        'over the war memorial." The boys, he said, were laughing at the crowd.'
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Tom Pike", 'the scene on Facebook as "two boys climbing over the war memorial."'),
        ("Tom Pike", "The boys were laughing at the crowd"),
    ]


def test_a_based_modifier_is_no_part_of_the_name() -> None:
    assert _only(
        '"We came to see the boats," said Leeds-based Ann Seymour, a painter.'
    ).speaker == ("Ann Seymour")


def test_a_full_name_before_a_verb_is_a_pronouns_antecedent_even_unmet() -> None:
    """'…, host David Marsh mocked the coach's tactics. "…," he said.': Marsh, named as a
    subject for the first time, is who 'he' is."""
    found = extract_statements(
        TITLE + "The row over the regatta widened on Friday, when, on the harbour radio, host "
        'David Marsh mocked the coach\'s tactics. "I cannot watch this any more," he said.'
    )
    assert [(s.kind, s.speaker) for s in found] == [("direct", "David Marsh")]


@pytest.mark.parametrize("group", ["Viewers", "Fans", "Spectators"])
def test_audience_groups_are_unnamed_sources_not_people(group: str) -> None:
    st = _only(f"{group} said the final had been the best match of the season.", "indirect")
    assert st.ref is not None and st.ref.kind == "anonymous"


@pytest.mark.parametrize(
    "role",
    [
        "Producer",
        "Comedian",
        "Filmmaker",
        "Billionaire",
        "Photographer",
        "Artist",
        "Oslo-born",
        "Cabinet-maker",
        "Co-founder",
    ],
)
def test_a_role_noun_opening_the_name_is_its_role(role: str) -> None:
    """'Producer Andy Wilman said': the capitalised role is no part of the name, nor a
    birthplace ('Oslo-born') or a hyphenated trade ('Cabinet-maker', 'Co-founder')."""
    st = _only(f'{role} Andy Wilman said the sketch was "a joke that went badly wrong."', "partial")
    assert st.speaker == "Andy Wilman"


def test_a_name_after_but_opens_the_subject_not_a_lead_clause() -> None:
    """'But Tom Exner, an engineer, thinks …': Exner is the subject (and later 'Exner'
    joins the full name), not his apposition."""
    found = extract_statements(
        TITLE + "But Tom Exner, an engineer who has charted the bay, thinks the divers are in "
        'the right place.\n"The north channel remains the best bet," Exner said.'
    )
    assert [s.speaker for s in found] == ["Tom Exner", "Tom Exner"]


def test_a_name_after_as_before_a_verb_is_a_pronouns_antecedent() -> None:
    """'…, as Mr. Reed proposed in March.' makes Reed the subject of a clause, so a
    'he' after it is Reed, not the man who spoke in the paragraph before."""
    found = extract_statements(
        TITLE + "Dan Reed, the chairman, said the pier would stay.\n"
        'Ivo Marr, the treasurer, said the cuts were "painful." "We can carry them," he said.\n'
        "The board wants to trim the ferry budget, as Mr. Reed proposed in March.\n"
        'Still he rejected talk of selling the pier. "This was hard," he said.'
    )
    assert [s.speaker for s in found][:3] == ["Dan Reed", "Ivo Marr", "Ivo Marr"]
    assert [(s.kind, s.speaker) for s in found][-1] == ("direct", "Dan Reed")


def test_a_word_only_ever_opening_sentences_is_no_surname_for_a_pronoun() -> None:
    """'Sometimes talks stall …. "…," he said.': 'Sometimes' before a verb-like word is no
    person; 'he' is the man named before. A surname also written mid-sentence still is
    one ('Voss admits …' after 'said Voss')."""
    found = extract_statements(
        TITLE + 'Ivo Marr, the harbour master, spoke to the crews. "Stay in port," he said.\n'
        'Sometimes talks stall for weeks. "We will keep talking," he said.'
    )
    assert [s.speaker for s in found] == ["Ivo Marr", "Ivo Marr"]
    named = extract_statements(
        TITLE + '"The slipway is finished," said Voss.\nVoss admits the cost ran over. '
        '"We paid for the storm," he said.'
    )
    assert [s.speaker for s in named] == ["Voss", "Voss", "Voss"]


def test_narration_after_a_closed_quote_is_no_frame() -> None:
    """'"…." Footage shot from a drone above the quay showed that …': a verb that is no cue
    and has an object is the reporter's next sentence; the quote stays the last speaker's."""
    found = extract_statements(
        TITLE + "Mayor Ruth Okafor said on Thursday that some boats had begun to move. "
        '"We have cleared the north channel," she told Harbour Radio. "It will take hours to '
        'clear the backlog. Still, the boats are running." Footage shot from a drone above the quay '
        "showed the first ferries leaving."
    )
    assert {s.speaker for s in found} == {"Ruth Okafor"}
    assert "It will take hours" in found[-1].text


@pytest.mark.parametrize(
    "tail",
    [
        "the move left some crews wondering who would pay.",
        "and Ivo Marr picked the old ferry song for the dance.",
        "the balloons drifted down over the quay.",
    ],
)
def test_a_clause_with_its_own_object_after_a_quote_names_no_speaker(tail: str) -> None:
    found = extract_statements(
        TITLE + f'"We will open the pier on time, whatever it costs," {tail}'
    )
    assert [s.speaker for s in found] == [""]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [("he smiled.", "Ivo Marr"), ("Marr remembers.", "Ivo Marr"), ("reacted Marr.", "Ivo Marr")],
)
def test_a_verb_that_ends_its_clause_after_a_quote_frames_it(tail: str, speaker: str) -> None:
    """'"…," he smiled.' / '"…," Marr remembers.' / '"…," reacted Marr.': no speech verb,
    but nothing after the verb, so the clause is the quote's frame."""
    found = extract_statements(
        TITLE + "Ivo Marr ran the harbour for thirty years.\n"
        f'"We always won and lost together on this quay," {tail}'
    )
    assert [s.speaker for s in found] == [speaker]


def test_a_noun_between_two_quotes_is_no_verb_of_the_first_word() -> None:
    """'"…," Harbour strategist Ivo Marr said the "…"': 'strategist' is no verb, so 'Harbour'
    is no speaker; the frame names Marr."""
    found = extract_statements(
        TITLE + '"The ferry vote was always going to be close," Harbour strategist Ivo Marr '
        'said, and the "real problem is that nobody on the board wanted to fight for it."'
    )
    assert {s.speaker for s in found} == {"Ivo Marr"}


def test_a_participle_cue_before_a_quote_names_the_sentence_subject() -> None:
    """'Mr. Lind came near to conceding that Tarn crews had struck, saying, ''…'' but he
    denied …': the words after the quote are no frame, so the quote is left over, and its
    'saying' is Lind's, not the 'that' clause's subject's (nor 'but he')."""
    found = extract_statements(
        TITLE + "Mr. Lind came near to conceding that Tarn crews had struck in the spring, "
        "saying, ''Nobody ever claimed the night shift on the north quay kept working through "
        "March,'' but he denied that any crew had deserted."
    )
    holding = [s.speaker for s in found if "Nobody ever claimed" in s.text]
    assert holding == ["Lind"]


def test_a_quote_piece_with_its_comma_is_not_repeated_by_the_leftovers() -> None:
    """'"A" -- an aside -- "B," he says.': the frame joins A and B; B is not also a
    leftover statement of its own (its comma once hid it from the coverage check)."""
    found = extract_statements(
        TITLE + "The mayor's pollster, Ivo Marr, thinks his candidate can still win. "
        '"I do not think the old view" -- that Okafor is seen as a harbour-town snob -- "is '
        'going to hold," he says.'
    )
    quotes = [s.text for s in found if s.kind == "direct"]
    assert quotes == ["I do not think the old view … is going to hold"]


def test_an_outlet_quoting_a_person_as_saying_gives_the_person() -> None:
    """'Harbour Radio quoted Marr as saying …': the words are Marr's, the outlet only reports
    them; so in a frame before or after a quote, and with 'telling' and an audience."""
    found = extract_statements(
        TITLE + "Ivo Marr, the harbour master, spoke on Monday.\n"
        "Harbour Radio quoted Marr as saying the port would reopen in May.\n"
        'The agency quoted him as saying: "We will not give up the north quay, whatever the '
        'board decides."\n'
        '"We are ready to talk, and we will stay at the table," the Courier quoted Ruth Okafor '
        "as telling the council."
    )
    assert [(s.kind, s.speaker) for s in found] == [
        ("indirect", "Ivo Marr"),
        ("direct", "Ivo Marr"),
        ("direct", "Ruth Okafor"),
    ]
    assert found[0].text == "the port would reopen in May"


def test_the_outlet_quoting_him_is_not_who_he_is() -> None:
    """'"…," the Courier quoted him as saying.': 'him' is never the subject of its own
    clause, so he is the man named before, not the outlet."""
    found = extract_statements(
        TITLE + "Harbour chief Arsen Lenko, addressing the port board, blamed the strikers for "
        "blocking the tugs. He asked Tarn for help.\n"
        '"You have left the whole fleet stuck at the quay for a week," Tarnpost quoted '
        "him as saying."
    )
    assert [(s.kind, s.speaker) for s in found][-1] == ("direct", "Arsen Lenko")


def test_and_before_a_frame_between_quotes_belongs_to_the_second() -> None:
    """'…, as when Tomas asks, "A?" and Mara answers, "B."': A is Tomas's (a speech verb
    right before it, in a 'when' clause), B is Mara's; 'and Mara answers' is not A's."""
    found = extract_statements(
        TITLE + 'The play has its sharp lines, as when Tomas asks, "Why would anyone trust a '
        'harbour pilot?" and Mara answers, "Because we alone know where the rocks are."'
    )
    assert [s.speaker for s in found] == ["Tomas", "Mara"]


def test_an_office_some_papers_capitalise_is_a_description() -> None:
    """'President Ann Holt … "…," the President said.': a capital does not make the office
    a name; the White House stays an organisation."""
    found = extract_statements(
        TITLE + "President Ann Holt spoke at the quay on Monday.\n"
        '"The harbour will stay open all winter," the President said.\n'
        '"We have seen the plans for the north quay," the White House said.'
    )
    assert [s.speaker for s in found] == ["Ann Holt", "the White House"]


@pytest.mark.parametrize(
    ("noun", "name"), [("Frenchman", "Eric Bouvier"), ("Slovenian", "Tina Zorko")]
)
def test_a_nationality_description_is_the_subject_just_named(noun: str, name: str) -> None:
    """'Meanwhile, Bouvier is focused on … "…," the Frenchman said.': papers refer back by
    nationality as by a role."""
    surname = name.split()[-1]
    found = extract_statements(
        TITLE + f"{name} led the team at the regatta. Meanwhile, {surname} is focused on "
        f'finding more pace for the next race.\n"There is still plenty of work to do on the '
        f'boat," the {noun} said in a team statement.'
    )
    assert [s.speaker for s in found] == [name]


def test_an_age_no_mention_gives_is_the_subject_before_the_quote() -> None:
    """'Anna Sorel, who also won the slalom, plans … "…," added the 31-year-old.': the
    article never gave her age; the subject of the sentence before the quote (in the same
    paragraph: the quote opens a sentence of its own) is who the age describes."""
    found = extract_statements(
        TITLE + "Dan Reed won the downhill by a second.\n"
        "Anna Sorel, who also won the giant slalom, plans to rest before the final. "
        '"It was a quick course and speed is maybe not my strong suit," added the 31-year-old.'
    )
    assert [(s.kind, s.speaker) for s in found][-1] == ("direct", "Anna Sorel")


def test_a_photo_credit_is_no_subject_for_a_description() -> None:
    """'Jo Lind via Getty Images.' between the story and '"…?" the 43-year-old wrote': the
    credit line names no one the description could refer to (and the comedian is two
    paragraphs back, out of a description's reach)."""
    found = extract_statements(
        TITLE + "Comedian Tom Okafor posted the clip on Thursday.\n"
        "Jo Lind via Getty Images.\n"
        '"Who taught the harbour master to sing?" the 43-year-old wrote under the clip.'
    )
    assert found[-1].speaker == "the 43-year-old"


def test_a_role_of_an_organisation_is_not_the_subject_just_named() -> None:
    """'Ivo Marr … The bureau's director said …': a possessive role ties the person to the
    bureau, not to the man the story was just about."""
    found = extract_statements(
        TITLE + "Ivo Marr was questioned by the harbour bureau in March.\n"
        "The bureau's director said the inquiry had found no ties between the two crews."
    )
    assert [s.speaker for s in found] == ["The bureau's director"]


@pytest.mark.parametrize("role", ["artist", "coach", "preacher"])
def test_a_prominent_role_without_a_mention_is_the_recent_subject(role: str) -> None:
    """'Ana Ortiz has carved every lost match into granite. The artist says, "…"'."""
    found = extract_statements(
        TITLE + "Ana Ortiz has carved every lost match of the harbour club into granite.\n"
        f'The {role} says of the work: "I guess it is a piece about pride and missed chances."'
    )
    assert [s.speaker for s in found] == ["Ana Ortiz"]


@pytest.mark.parametrize("name", ["Tarn Herald", "Harbour Channel", "Tarn Cup"])
def test_papers_channels_and_cups_are_no_people(name: str) -> None:
    ref = classify(name)
    assert ref is not None and ref.kind != "person"


def test_a_department_after_of_is_no_part_of_the_name() -> None:
    """'Harbour Police Deputy Chief of Marine Patrols Dave Orme said': the name
    starts at the given name; 'he' after it is Dave Orme too."""
    found = extract_statements(
        TITLE + "Harbour Police Deputy Chief of Marine Patrols Dave Orme said the key "
        "seizures sat in a legal grey area. Though some cases might be justified, he said, "
        '"in most cases, it will not be."'
    )
    assert {s.speaker for s in found} == {"Dave Orme"}


@pytest.mark.parametrize("adverb", ["Soon", "Sadly", "Already"])
def test_a_sentence_adverb_opens_no_name(adverb: str) -> None:
    """'Soon Abrams will have to sift …': the adverb is no given name of Abrams."""
    found = extract_statements(
        TITLE + "Ivo Abrams runs the harbour prize.\n"
        f"{adverb} Abrams will have to sift through the entries. Asked if he would go to the "
        'ball, Abrams demurs, saying "he would hate to steal the show."'
    )
    assert {s.speaker for s in found} == {"Ivo Abrams"}


def test_an_adverb_after_but_leaves_the_second_clause_its_subject() -> None:
    """'X said A, but ultimately Marr thinks B': two statements, as without the adverb."""
    found = extract_statements(
        TITLE + "Ivo Marr said the crews are decent folk and have a fair case, but ultimately "
        "Marr thinks their plan is flawed."
    )
    assert [s.text for s in found] == [
        "the crews are decent folk and have a fair case",
        "their plan is flawed",
    ]


@pytest.mark.parametrize(
    ("run", "person"), [("Tarn HYC", False), ("Jon Reese II", True), ("JO LIND", True)]
)
def test_a_bodys_initials_are_no_surname(run: str, person: bool) -> None:
    """'the Tarn HYC chapter': a club's initials after a place are no surname (a pronoun
    once resolved to 'Oklahoma SAE' that way); a Roman numeral and a transcript label in
    capitals still are names."""
    assert is_name_like(run) is person


def test_a_sentence_opener_before_a_name_is_no_antecedent() -> None:
    """'Under Marr, the harbour grew.' / 'Appearing Tuesday on Harbour Radio, Ana Lind …':
    neither 'Under Marr' nor 'Appearing Tuesday' is a person a pronoun could be."""
    found = extract_statements(
        TITLE + "Ivo Marr ran the port for ten years. Under Marr, the harbour grew fast. "
        '"I had a grand time on this quay and we won every regatta," he said.\n'
        "Appearing Tuesday on Harbour Radio, Ana Lind was asked about the fire. "
        '"It was hard on every one of us," she said.'
    )
    assert [s.speaker for s in found] == ["Ivo Marr", "Ana Lind"]


@pytest.mark.parametrize(
    ("run", "person"),
    [
        ("Okafor Square", False),
        ("Gulf War", False),
        ("Port Tarn", False),
        ("San Marro", False),
        ("Lind Sunday", False),
        ("Native American", False),
        ("American Greek", False),
        ("Oliver North", True),
        ("Joan Rivers", True),
        ("Eva Marie Saint", True),
    ],
)
def test_places_events_days_and_nationalities_are_no_names(run: str, person: bool) -> None:
    assert is_name_like(run) is person


def test_a_pronoun_and_its_verb_are_no_speaker_name() -> None:
    """'He paused, then said, "…"': the speaker is 'he' (the analyst named before), not
    'He paused'; 'She Googled herself' registers no person 'She Googled'."""
    found = extract_statements(
        TITLE + "Harbour analyst Dan Okoro grew up on the Tarnby quays. At first he struggled. "
        'He paused, then said, "I will take dull over the name the coast has any day."'
    )
    assert [s.speaker for s in found] == ["Dan Okoro"]
    assert not is_name_like("She Googled")


def test_a_country_is_no_antecedent_of_he() -> None:
    """'Israel considers the quay part of its waters … "…," he said.': a country acting as
    a subject is no person; he is the man named before (a guard: a country is no
    antecedent by the lexicon's COUNTRIES, not only when the article writes 'in Israel')."""
    found = extract_statements(
        TITLE + "Prime Minister Ivo Marr spoke at the new quay on Monday. Israel considers the "
        'quay part of its waters, while others do not. "The pressure back then was huge, but I '
        'held firm," he said.'
    )
    assert [s.speaker for s in found] == ["Ivo Marr"]


def test_a_participle_after_the_frame_reports_more_of_the_same_speaker() -> None:
    """'"A," Bates said, adding that B. "C."': B is Bates's statement in the reporter's
    words; A and C stay one run of his quotes."""
    found = extract_statements(
        TITLE + '"We are done with the quay fights for good," Bates said, adding that the club '
        'is weighing a way to post video of offenders. "Nobody wants them back."'
    )
    assert [(s.kind, s.speaker, s.text) for s in found] == [
        ("direct", "Bates", "We are done with the quay fights for good … Nobody wants them back."),
        ("indirect", "Bates", "the club is weighing a way to post video of offenders"),
    ]


def test_a_question_frame_goes_on_with_a_participle() -> None:
    """'"…?" Bates asks, adding that …': the frame after a question is one sentence with it
    even when the participle's clause is long, so the question is Bates's."""
    found = extract_statements(
        TITLE + "Later in the winter, the club says it called the police. "
        '"Who would have heard of these quay fights if nobody had filmed them?" Bates '
        "asks, adding that the club is weighing a way to post video of offenders."
    )
    assert [(s.kind, s.speaker) for s in found][1:] == [("direct", "Bates"), ("indirect", "Bates")]


def test_a_credit_line_is_no_statement_and_no_frame() -> None:
    """'"…." Harbour Radio's Jo Lind reported from Tarnby, and Ivo Marr wrote this story in
    London.': who reported the story, not who said the quote, and nothing reported."""
    found = extract_statements(
        TITLE + '"The raids are spreading fast," the mayor, Ruth Okafor, said. "We face attempts '
        "to stir up the quays.\" Harbour Radio's Jo Lind reported from Tarnby, and Ivo Marr "
        "wrote this story in London."
    )
    assert [(s.kind, s.speaker) for s in found] == [("direct", "Ruth Okafor")]
    assert "stir up the quays" in found[0].text


def test_a_pronoun_after_a_resolved_description_is_that_person() -> None:
    """'The President told the crowd that … . "…," he said.': the description named Tom Okafor in
    the sentence just before; the name the pronoun search would find (Lewis) is older."""
    found = extract_statements(
        TITLE + "President Tom Okafor came to the bridge on Saturday. Rep. Jon Lewis spoke "
        'first. "We must finish this work," said Lewis.\n'
        "The President told the crowd that, despite the changes, the town still has far to go. "
        '"Look around and you will see the past is still with us," he said.'
    )
    assert [(s.kind, s.speaker) for s in found][-2:] == [
        ("indirect", "Tom Okafor"),
        ("direct", "Tom Okafor"),
    ]


def test_invisible_marks_between_a_quote_and_its_frame_are_ignored() -> None:
    """'"\u200e…,"\u200e State Department spokeswoman Marie Holt said.': direction marks pasted
    in from a web page, invisible to the reader, no longer hide the frame (the quote went to
    the officials of the sentence before)."""
    found = extract_statements(
        TITLE + "Talks will go on for an extra day, officials said Tuesday. "
        '"\u200eWe have made enough progress to stay another day. Some hard issues are still'
        ' open,"\u200e State Department spokeswoman Marie Holt said.'
    )
    quotes = [(s.speaker, s.text) for s in found if s.kind == "direct"]
    assert quotes == [
        (
            "Marie Holt",
            "We have made enough progress to stay another day. Some hard issues are still open",
        )
    ]


def test_the_summary_text_is_the_text_without_invisible_marks() -> None:
    """Statements are checked against the summary's text: both leave the marks out."""
    summary = extract_summary(TITLE + '"The pier\u00ad will open in May," said Ivo\u200b Marr.')
    assert "\u00ad" not in summary.text and "\u200b" not in summary.text
    assert [s.text for s in summary.statements] == ["The pier will open in May"]


def test_a_surname_after_a_generational_suffix_joins_the_full_name() -> None:
    """'William Bruce Reese II … Reese said': the surname is the word before the numeral."""
    found = extract_statements(
        TITLE + "William Bruce Reese II sailed with the harbour club for a decade.\n"
        '"That whole club has to answer for the song," Reese said.'
    )
    assert [s.speaker for s in found] == ["William Bruce Reese II"]


def test_a_father_and_son_of_one_name_stay_two_people() -> None:
    """'Michael Okoro … His father, Michael Okoro Sr., … "…," Okoro Sr. said.': Sr. tells
    the father from the son."""
    found = extract_statements(
        TITLE + "Michael Okoro was hurt on the quay in August. His father, Michael Okoro Sr., "
        'spoke on Wednesday. "The last days have been hard on all of us," Okoro Sr. said.'
    )
    assert [s.speaker for s in found] == ["Michael Okoro Sr."]


def test_a_title_word_before_a_suffix_is_the_surname() -> None:
    """'the Rev. Dan Edward King Jr. … King said': 'King' is no title before 'Jr.', and an
    abbreviated rank ('Adm.') opens the role, not the name. A one-word speaker that is a
    title ('King', 'Bishop', 'Major') is the person of that surname the story named."""
    found = extract_statements(
        TITLE + "The march, led by the Rev. Dan Edward King Jr., reached the quay at noon. "
        '"The quay is ours again," King said.\n'
        "Adm. Harry B. Marr Jr. leads the harbour fleet. "
        '"Only a fool would call those shoals safe," he said.'
    )
    assert [s.speaker for s in found] == ["Dan Edward King Jr.", "Harry B. Marr Jr."]


@pytest.mark.parametrize("campaign", ["Bring Back Okoro", "Save Okoro", "Stop Okoro"])
def test_a_campaigns_name_is_no_person_for_the_surname(campaign: str) -> None:
    """'a "Bring Back Okoro" petition … Okoro said': the campaign is named after him, it is
    not a person the surname could stand for."""
    found = extract_statements(
        TITLE + f"Fans of Tom Okoro signed the {campaign} petition in their thousands. "
        '"I was mortified by it, and I still am," Okoro said.'
    )
    assert [s.speaker for s in found] == ["Tom Okoro"]


@pytest.mark.parametrize("title", ["Mr.", "Sen.", "Det.", "Cpl."])
def test_according_to_a_titled_name_closing_a_sentence(title: str) -> None:
    """'…, according to Sen. Ivo Lund.': the title's full stop ends neither the source nor
    the sentence, so the source is Lund and the content stops before 'according to'."""
    st = _only(f"The new pontoons cost the town two million kroner, according to {title} Ivo Lund.",
               kind="indirect")  # fmt: skip
    assert st.speaker == "Ivo Lund"
    assert st.text == "The new pontoons cost the town two million kroner"


def test_a_role_after_an_according_to_source_is_no_content() -> None:
    """'…, according to Ann Lund, the developer.': 'the developer' is her role; 'At ten,
    according to the log, the crew left …': there the words after the source go on."""
    summary = extract_summary(
        TITLE + "The price of the old ferry shed was never disclosed, according to Ann Lund, "
        "the developer.\n"
        "At ten, according to the harbour log, the crew left the quay for the outer shoals.\n"
        "The ferryman is held on a cash bond, according to prosecutor Bo Tarn, who said "
        "more charges could follow."
    )
    texts = [st.text for st in summary.statements]
    assert texts[0] == "The price of the old ferry shed was never disclosed"
    assert texts[1] == "At ten the crew left the quay for the outer shoals"
    assert texts[2] == "The ferryman is held on a cash bond"
    lund = next(p for p in summary.people if p.name == "Ann Lund")
    assert lund.role == "the developer"


def test_an_abbreviated_rank_opens_the_name_it_stands_before() -> None:
    """'said Det. Eskil Fjord of the Tarn police': 'Det.' is a rank like 'Sgt.', not the end
    of a name run, so the speaker is the detective."""
    st = _only('"We found the boat empty," said Det. Eskil Fjord of the Tarn police.')
    assert st.speaker == "Eskil Fjord"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("First, harbour officials said the vote would go ahead without the ferrymen.",
         "harbour officials"),
        ("Frustrated, Ivo Lund said he could not cross the quay without being stopped.",
         "Ivo Lund"),
        ("Ivo Berg, the developer, said the old ferry shed would have to go.", "Ivo Berg"),
    ],
)  # fmt: skip
def test_a_word_set_off_before_the_subject_is_no_name(body: str, speaker: str) -> None:
    """'First, harbour officials said …', 'Frustrated, Ivo Lund said …': an ordinal or a
    participle set off by a comma opens the sentence; it is no name with an apposition, as
    'Ivo Berg, the developer,' is."""
    assert _only(body, kind="indirect").speaker == speaker


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("Hastily blaming the storm for the delay, Ivo Tarn cast the fault on the council and "
         "stressed the danger that old pontoons pose to the fleet.", "Ivo Tarn",
         "the danger that old pontoons pose to the fleet"),
        ("Flattered by nearly every skipper at the quay and widely predicted to fund the new "
         "pier, Ivo Berg said on Friday that he would decide after the regatta.", "Ivo Berg",
         "he would decide after the regatta"),
    ],
)  # fmt: skip
def test_a_participle_clause_opening_the_sentence_holds_no_speaker(
    body: str, speaker: str, content: str
) -> None:
    """A participle's clause before the subject ('Hastily blaming …,', 'Flattered by …') is
    no speaker, and its verbs ('predicted') are no cue: the subject after it speaks."""
    st = _only(body, kind="indirect")
    assert (st.speaker, st.text) == (speaker, content)


def test_a_surname_in_ly_before_its_verb_is_still_the_speaker() -> None:
    """'Daly replied dryly, with a shrug: "…"': a surname in -ly before a verb is no adverb
    opening a participle's clause."""
    st = _only(
        "Ann Daly runs the ferry office. Daly replied dryly, with a shrug: "
        '"It can happen to anyone at the quay."'
    )
    assert st.speaker == "Ann Daly"


def test_a_quoted_transcript_excerpt_gives_each_line_to_its_label() -> None:
    """'Partial transcript as follows:' then paragraphs that open with a mark and a label
    ('"HOLT: …', '"BERG: …"'): each line is its labelled speaker's, without the label; the
    lead-in is a document, not a person named 'Partial'."""
    summary = extract_summary(
        TITLE + "The mayor was pressed on the storm at Thursday's debate.\n"
        "Partial transcript as follows:\n"
        '"HOLT: Mayor Berg, when the storm hit you told the harbour master the pier '
        "was safe. Did you mislead the ferrymen?\n"
        '"BERG: I have every sympathy for the ferrymen, but they are wrong. We were chasing '
        'news that changed by the hour."'
    )
    lines = [(st.speaker, st.kind.value, st.text) for st in summary.statements]
    assert lines == [
        ("holt", "direct", "Mayor Berg, when the storm hit you told the harbour master "
         "the pier was safe. Did you mislead the ferrymen?"),
        ("berg", "direct", "I have every sympathy for the ferrymen, but they are wrong. We were "
         "chasing news that changed by the hour."),
    ]  # fmt: skip
    assert all(p.name != "Partial" for p in summary.people)


def test_a_document_named_before_a_colon_is_the_source() -> None:
    """'Full transcript as follows: "…"': the document is the source, not a person 'Full'."""
    st = _only('Full transcript as follows: "The harbour belongs to the people who work on it."')
    assert st.speaker == "Full transcript"


def test_a_participle_before_a_quote_is_no_speaker() -> None:
    """'Written "in a time of storms," the charter is …': a past participle alone before a
    quote opens its clause; the quote is the charter's words, not a person 'Written''s."""
    summary = extract_summary(
        TITLE + 'A young ferryman, Ivo Lund, drafted the charter. Written "in a time of '
        'storms and debts," the charter sums up what the harbour stands for.'
    )
    assert summary.statements and all(st.speaker != "written" for st in summary.statements)
    assert all(p.name != "Written" for p in summary.people)


def test_an_interviews_answers_are_the_interviewees() -> None:
    """A question-and-answer interview: each 'A: …' is the words of the person the lead-in
    names (a guess, so 'inferred'), the 'Q: …' lines are the outlet's and no statement;
    with nobody named, the answers are still statements, of an unknown speaker."""
    interview = (
        "Q: Why did the talks fail at first?\n"
        "A: Because the union wanted more than the town can pay, and we told them early.\n"
        "Q: Will fares rise?\n"
        "A: Fares will go up a little next year, and less than people fear."
    )
    named = extract_statements(
        TITLE
        + "The mayor of Tarn, Ana Ortiz, spoke to Harbour Daily about the strike.\n"
        + interview
    )
    assert [(s.speaker, s.kind, s.confidence) for s in named] == [
        ("Ana Ortiz", "direct", "inferred"),
        ("Ana Ortiz", "direct", "inferred"),
    ]
    assert named[1].text == "Fares will go up a little next year, and less than people fear."
    anonymous = extract_statements(TITLE + "The interview was edited for length.\n" + interview)
    assert [(s.kind, s.confidence) for s in anonymous] == [("direct", "unknown")] * 2


def test_said_so_reports_nothing_new() -> None:
    """'… and the mayor said so from the first day': 'so' stands for words reported before,
    so there is no statement of 'so from the first day'; 'said so many boats had come' and
    'said so far three boats …' are content."""
    found = extract_statements(
        TITLE + "The union wanted more than the town could pay, and the mayor said so from "
        "the first day.\nThe skipper said so many boats had come that the quay was full.\n"
        "The pilot said so far three boats had come in."
    )
    assert [s.text.split()[:2] for s in found] == [["so", "many"], ["so", "far"]]


@pytest.mark.parametrize(
    ("body", "speaker", "kind"),
    [
        ("A spokeswoman for the Ministry of Harbours said the ferries would run.",
         "A spokeswoman for the Ministry of Harbours", "anonymous"),
        ("An official at the Bank of Tarn said the loan was safe.",
         "An official at the Bank of Tarn", "anonymous"),
        ("Former Gov. Jo Brown of Skarholm said the ferries would run.", "Jo Brown", "person"),
        ("Undecided voter Ann Holt of Skarholm said the ferries would run.", "Ann Holt", "person"),
        ("A spokesman for Mayor Jo Brown of Skarholm said the ferries would run.",
         "A spokesman for Mayor Jo Brown of Skarholm", "anonymous"),
        ("The Sea Scouts of Skarholm said the ferries would run.", "The Sea Scouts of Skarholm",
         "organisation"),
    ],
)  # fmt: skip
def test_the_word_after_of_is_a_place_or_a_bodys_name_not_a_person(
    body: str, speaker: str, kind: str
) -> None:
    """'the Ministry of Harbours', 'the Bank of Tarn': one word after a body's 'of' ends the
    body's name, so the speaker is the unnamed official, not a person 'Harbours'; 'former
    Gov. Jo Brown of Skarholm' is Jo Brown from a place, even after lower-case role words,
    but not when someone speaks for him, nor when no title or given name makes the run a
    person ('the Sea Scouts')."""
    st = _only(body, kind="indirect")
    assert st.ref is not None and (st.speaker, st.ref.kind) == (speaker, kind)


def test_british_forms_a_dame_by_her_given_name_and_a_department_for() -> None:
    """'The board's chair, Dame Ana Ortiz, told …' is Ana Ortiz (the honour before the name
    after the role), and so is a later 'Dame Ana' (a dame or knight goes by the given
    name); 'a spokeswoman for the Department for Harbours' is an unnamed official."""
    found = extract_statements(
        TITLE + "The board's chair, Dame Ana Ortiz, told Radio Tarn the rise could not be "
        "avoided.\nA spokeswoman for the Department for Harbours said ministers were "
        "watching the quay.\nOutside the town hall, Dame Ana insisted the board had no other "
        "way to pay for the pontoons."
    )
    assert [(s.speaker, s.ref.kind if s.ref else None) for s in found] == [
        ("Ana Ortiz", "person"),
        ("A spokeswoman for the Department for Harbours", "anonymous"),
        ("Ana Ortiz", "person"),
    ]


def test_nothing_someone_said_is_no_speaker() -> None:
    """'Nothing the mayor said "will calm …," one skipper said.': a phrase opened by
    'nothing' (or 'everything', 'anything', 'something') is the topic, not the speaker."""
    st = _only('Nothing the mayor said "will calm the ferrymen before the vote," one skipper said.')
    assert st.speaker == "one skipper"


@pytest.mark.parametrize(
    "frame", ["his brother Tom Moss said", "Moss's friend Peter Vane said", "said Peter Vane"]
)
def test_a_pronoun_after_a_closing_frame_is_that_frames_speaker(frame: str) -> None:
    """'He could not stay, his friend X said. "…," he said.': the pronoun framing the quote
    is the one who spoke last, not the reported clause's subject ('He' = Abel Moss)."""
    found = extract_statements(
        TITLE + f"Abel Moss left the harbour club in May. He could not stay on, {frame}. "
        '"Abel was very stubborn," he said.'
    )
    direct = [s for s in found if s.kind == "direct"]
    assert [s.speaker for s in direct] == [found[0].speaker]
    assert direct[0].speaker != "Abel Moss"


def test_a_narrating_pronoun_goes_on_with_the_subject_past_a_frame() -> None:
    """'Abel Moss spoke on the radio, the Tarnby Courier reported. He then said that …': a
    pronoun opening narration is the subject of the sentence before, not its source."""
    found = extract_statements(
        TITLE + "Abel Moss spoke on his radio show on Monday, Jo Lind reported. "
        'He then said that the quay should be "closed for good" by the council.'
    )
    assert {s.speaker for s in found if "quay" in s.text} == {"Abel Moss"}


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Stylist Dora Moss", "Dora Moss"),
        ("Hydrologist Jo Lind", "Jo Lind"),
        ("Technician Jo Lind", "Jo Lind"),
        ("the club's meteorologist Remy Vane", "Remy Vane"),
        ("the harbour board chairman Jo Lind", "Jo Lind"),
        ("Lars Blomqvist", "Lars Blomqvist"),
    ],
)
def test_a_role_before_a_name_is_no_part_of_it(phrase: str, name: str) -> None:
    """A trade shaped like one ('Stylist', '-ologist', '-ician') opening a run, and 'the'
    + an owner's role or a role noun before a name, are the person's role."""
    ref = classify(phrase)
    assert ref is not None and ref.kind == "person" and ref.name == name


@pytest.mark.parametrize(
    "phrase",
    ["the campaign of nominee Jo Lind", "the club's envoy to Tarnia", "United Methodist Courier"],
)
def test_a_name_after_a_preposition_or_a_church_is_no_person_with_a_role(phrase: str) -> None:
    """'the campaign of nominee Jo Lind' is the campaign, 'the envoy to Tarnia' no person
    named Tarnia, and a church word in -ist inside a run is no trade."""
    ref = classify(phrase)
    assert ref is None or ref.kind != "person" or ref.name == phrase


def test_a_trade_before_a_name_in_a_frame() -> None:
    st = _only('Stylist Dora Moss is not convinced: "Both can be asked. Fine dresses too."')
    assert st.speaker == "Dora Moss"


@pytest.mark.parametrize("nickname", ['"the Gull"', "“Skip”", '"The Anchor"'])
def test_a_quoted_nickname_inside_a_name_leaves_the_full_name(nickname: str) -> None:
    """'Tom "the Gull" Moss … Moss recalls' and '… "…," he said': the full name is the
    given name and the surname around the nickname."""
    found = extract_statements(
        TITLE + f"Tom {nickname} Moss runs the harbour club. At the quay, Moss was cheered. "
        '"My first summer on the boats paid two pounds a week," Moss recalls.\n'
        f"Tom {nickname} Moss of Tarnby carried one of the flags. "
        '"We sang until the lamps went out," he said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Tom Moss", "Tom Moss"]


def test_a_quoted_phrase_between_two_names_is_no_nickname() -> None:
    """'… Jo Lind "Ahoy" Ann Reyes …': a quoted word before a two-word name joins no name."""
    found = extract_statements(
        TITLE + 'The crowd sang along with Jo Lind "Ahoy" Ann Reyes said. "It was a fine night."'
    )
    assert all(s.speaker != "Jo Reyes" for s in found)


@pytest.mark.parametrize(
    "after", ["Asked where he kept it, Moss waved at the quay.", "Moss waved."]
)
def test_a_bare_quote_after_a_question_put_to_someone_is_their_answer(after: str) -> None:
    """'"Do you own a boat?" Reyes asked Moss. "I think so, yes."': the answer is Moss's;
    another question after it goes on with the asker."""
    found = extract_statements(
        TITLE + 'Tom Moss sat down in the witness box. "Do you own a boat?" prosecutor Ann '
        f'Reyes asked Moss. "Two of them, yes." {after}\n'
        '"Where were you on Friday?" Ann Reyes asked Moss. "Was it the quay?"'
    )
    direct = [(s.speaker, s.text) for s in found if s.kind == "direct"]
    assert direct[:2] == [("Ann Reyes", "Do you own a boat?"), ("Tom Moss", "Two of them, yes.")]
    assert {speaker for speaker, _ in direct[2:]} == {"Ann Reyes"}


def test_a_long_office_before_the_name_still_frames_the_quote_before_it() -> None:
    """'"…?" Tarn County District Attorney Ann Reyes asked Moss.': six capitalised words
    before the verb are an office and a name, the frame of the question, not a sentence of
    its own (which left the question to the man named before and the answer to her)."""
    found = extract_statements(
        TITLE + 'Tom Moss sat down in the witness box. "Do you own a boat?" Tarn County '
        'District Attorney Ann Reyes asked Moss. "Two of them, yes." Asked where he kept '
        "them, Moss waved at the quay."
    )
    direct = [(s.speaker, s.text) for s in found if s.kind == "direct"]
    assert direct == [("Ann Reyes", "Do you own a boat?"), ("Tom Moss", "Two of them, yes.")]


def test_the_answer_to_a_question_asked_of_you_is_the_witness_quoted_before() -> None:
    """'"…," Lind told the court. "Did you see him again?" Reyes asked. "I did not."': the
    answer is the witness's; a rhetorical question with no 'you' goes on with the asker."""
    found = extract_statements(
        TITLE + '"I warned him about the tide and went home," Jo Lind told the court. '
        '"Did you see Abel Moss on the quay that night?" prosecutor Ann Reyes asked. "No, never."\n'
        '"The tide turned early," Jo Lind said. "Can we blame the crew?" Ann Reyes asked. '
        '"Nobody on the quay thinks so."'
    )
    direct = [(s.speaker, s.text) for s in found if s.kind == "direct"]
    assert direct[:3] == [
        ("Jo Lind", "I warned him about the tide and went home"),
        ("Ann Reyes", "Did you see Abel Moss on the quay that night?"),
        ("Jo Lind", "No, never."),
    ]
    assert [speaker for speaker, _ in direct[3:]] == ["Jo Lind", "Ann Reyes"]


def test_a_one_word_name_that_opens_one_full_name_is_that_person() -> None:
    """'Li Haoran … Li said': a family name written first; 'Ruth Okafor … Ruth said': a
    given name; a capitalised word that is neither ('Tarnby' of 'Tarnby Quays') is not."""
    found = extract_statements(
        TITLE + "Li Haoran runs the ferry line across the bay. "
        '"The ferries will run all winter," Li said.\n'
        "Ruth Okafor has fished off the quay for years. "
        '"Nobody asked the fishers," Ruth said.\n'
        "Tarnby Quays won the harbour contract in May. "
        '"We will start in June," Tarnby said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == [
        "Li Haoran",
        "Ruth Okafor",
        "Tarnby",
    ]


def test_the_end_of_the_reporters_clause_after_a_quote_is_no_speaker() -> None:
    """'… were "watching and waiting" near boats in the Tarn Isles, a harbour official told
    the Courier.': the words before the comma end the reported clause; the speaker is the
    official, and the partial quote is the bulletin's, as its own frame says."""
    found = extract_statements(
        TITLE + 'The bulletin also said officials were worried that smugglers were "watching '
        'and waiting" near boats in the Tarn Isles, a harbour official told the Courier.'
    )
    assert [s.speaker for s in found] == ["The bulletin"]


@pytest.mark.parametrize("role", ["fellow sailor", "chief of staff", "state police"])
def test_a_role_in_lower_case_before_a_name_still_opens_the_subject(role: str) -> None:
    st = _only(f'"We will sail at dawn," {role} Jo Lind said.')
    assert st.speaker == "Jo Lind"


def test_a_run_opened_by_a_preposition_is_no_antecedent() -> None:
    """'In Mo Ping village, Feng is cooking … "…," she says': 'In Mo Ping' is a place after
    a preposition, as 'in Mo Ping' would be; 'For Ann Holt, the day …' is about her."""
    found = extract_statements(
        "Mo Ping, Tarnia (TNN) Six-year-old Pip plays alone on the quay. His grandmother Feng "
        "Meiling, 72, looks after him. In Mo Ping, everyone under sixty has gone to the "
        'mainland. In Mo Ping village, Feng is cooking rice for the boy. "The boy needs his '
        'parents here," she says.\n'
        "Ann Holt sells nets. For Ann Holt, the day starts at four. "
        '"I like the quiet," she said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Feng Meiling", "Ann Holt"]


def test_a_family_name_written_first_is_the_antecedent_of_a_pronoun() -> None:
    """'Feng Meiling … Feng is sure she … "…," she says': the bare family name opening
    the sentence is Feng Meiling, not the woman named after her."""
    found = extract_statements(
        TITLE + "Feng Meiling, 72, sells fish on the quay. Her neighbour, Ruth Lind, sells "
        'nets. Feng is sure she cannot keep the stall for long. "The boy needs his parents here," '
        "she says."
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Feng Meiling"]


@pytest.mark.parametrize("opener", ["When", "While"])
def test_a_name_after_when_at_the_start_is_a_full_name(opener: str) -> None:
    """'When Nelda Smith Lind heard …, … "…," Lind wrote.': 'When' opens a clause; the
    name after it is registered though its given name is in no list."""
    found = extract_statements(
        TITLE + f"{opener} Nelda Smith Lind heard that her boys had lost the club's boat, "
        'she wrote to the paper. "They lost it and I am sorry," Lind wrote.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Nelda Smith Lind"]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("a statement from the Tarn Coast Guard", "the Tarn Coast Guard"),
        ("A report by the Tarnby Herald on Saturday", "the Tarnby Herald"),
        ("a release from the Tarnby police department", "the Tarnby police department"),
    ],
)
def test_a_document_with_its_issuer_named_is_the_issuers_words(phrase: str, name: str) -> None:
    """'…," a statement from the Tarn Coast Guard read': the coast guard speaks; when the
    document came out is no part of its issuer's name."""
    ref = classify(phrase)
    assert ref is not None and ref.name == name and ref.kind != "document"


def test_a_document_with_its_issuer_in_a_frame() -> None:
    found = extract_statements(
        TITLE + 'The divers "searched the whole bay twice," a statement from the Tarn Coast '
        "Guard read."
    )
    assert [s.speaker for s in found] == ["the Tarn Coast Guard"]


@pytest.mark.parametrize("cue", ["put it in 2010", "noted", "wrote in his memoir"])
def test_as_x_put_it_after_a_quote_is_its_frame(cue: str) -> None:
    """'The decision "left hundreds of idle sailors on the quay," as Jo P. Lind put it.':
    the 'as' clause after the quote names its speaker."""
    found = extract_statements(
        TITLE + 'The decision, taken in May, "left hundreds of angry and idle sailors on the '
        f'quay," as Jo P. Lind {cue}.\n'
        f'"It was the worst week the harbour had seen," as Jo P. Lind {cue}.'
    )
    assert [s.speaker for s in found] == ["Jo P. Lind", "Jo P. Lind"]


@pytest.mark.parametrize(
    "office", ["Assemblywoman", "County Recorder", "Secretary-Treasurer", "Coroner", "Clerk"]
)
def test_local_offices_before_a_name_are_titles(office: str) -> None:
    st = _only(f'"We made some bad mistakes at the quay," said {office} Helen Vane.')
    assert st.speaker == "Helen Vane"


def test_a_bare_surname_is_the_person_the_story_introduced_first() -> None:
    """'Ana Reyes … When her father, Tomas Reyes, ran the port … "…," Reyes said': news
    keeps the bare surname for the one the story is about and names a relative in full."""
    found = extract_statements(
        TITLE + "Ana Reyes spoke at the harbour club last week. When her father, Tomas Reyes, "
        'ran the port, the quay was busy. "We can make it busy again," Reyes said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Ana Reyes"]


def test_a_capitalised_ordinary_word_opening_a_run_is_no_first_name() -> None:
    """'Young Reyes …' at a sentence start (the story writes 'young' elsewhere) is no full
    name to prefer; a headline's run ('Rival Ana Reyes …') is none either."""
    found = extract_statements(
        "Rival Tomas Reyes Wins The Vote\n"
        "Young Reyes voters came out early. Ana Reyes, the mayor, lost to a young rival, "
        'Tomas Reyes. "We will be back," Reyes said.'
    )
    assert [s.speaker for s in found if s.kind == "direct"] == ["Ana Reyes"]


@pytest.mark.parametrize("particle", ["le", "la", "da", "del"])
def test_a_lower_case_particle_inside_a_name_keeps_the_full_name(particle: str) -> None:
    """'Chad le Roux … "…," le Roux tells the Courier': the particle belongs to the name,
    for the name's shape as for the run that finds it."""
    found = extract_statements(
        TITLE + f"Then along came Chad {particle} Roux, a swimmer from the bay. "
        f'"The strait is mine to cross," {particle} Roux tells the Courier.'
    )
    assert [s.speaker for s in found] == [f"Chad {particle} Roux"]


@pytest.mark.parametrize("manner", ["with emotion", "with a shrug", "with a wry smile"])
def test_a_manner_phrase_with_with_between_the_cue_and_its_quote(manner: str) -> None:
    """'The skipper turns to the deckhand and says, with emotion, "Bring her home."': a short
    quote after its cue is the subject's, however few its words; the manner phrase stands
    between the cue and the quote like a time phrase does."""
    found = extract_statements(
        TITLE + f'Skipper Maren Holt turns to the deckhand and says, {manner}, "Bring her home."'
    )
    assert [(s.speaker, s.text, s.kind) for s in found] == [
        ("Maren Holt", "Bring her home.", "direct")
    ]


def test_a_quote_after_one_framed_by_a_verb_that_is_no_cue_goes_with_it() -> None:
    """'"…," she giggles. "…"': 'giggles' is no cue word, so the first piece is attributed
    late, by the fallback; the second is hers too, not carried over her to the speaker of
    the paragraph before."""
    found = extract_statements(
        TITLE + '"The pier must stay open," Ivo Lund said.\n\n'
        'Maren Holt joined the college in May. "The tide tables are my favourite sums," she '
        'giggles. "Grandad showed me how to read them on the slipway."'
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Ivo Lund", "The pier must stay open"),
        (
            "Maren Holt",
            "The tide tables are my favourite sums … Grandad showed me how to read them on the slipway.",
        ),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "And because of the skipper's boxing record,",
        "While the board signs some leases,",
        "In the meantime,",
    ],
)
def test_a_phrase_or_clause_set_before_a_quote_leads_on_with_the_last_speaker(lead: str) -> None:
    """'"…," the pier warden said. And because of X, "…"': a fronted phrase or subordinate clause
    names no speaker (not 'the board' of 'While the board signs …'); the quote after it
    is the main clause, more of the last speaker's words."""
    found = extract_statements(
        TITLE
        + '"He kept a boathook by the door and he knew how to swing it," the pier warden said. '
        f'{lead} "nobody on the quay dared to cross him, and he knew it."'
    )
    assert [(s.speaker, s.confidence) for s in found] == [("the pier warden", "named")]
    assert found[0].text.endswith("… nobody on the quay dared to cross him, and he knew it.")


def test_a_lead_clause_with_a_cue_word_still_names_its_speaker() -> None:
    """'As Ana Berg likes to say, "…"': a subordinate clause with a cue word in it is a frame,
    not a lead-in to the last speaker's words."""
    found = extract_statements(
        TITLE + '"The pier must stay open," Ivo Lund said. '
        'As Ana Berg likes to say, "the tide waits for no council and no mayor."'
    )
    assert [s.speaker for s in found] == ["Ivo Lund", "Ana Berg"]


def test_the_first_of_a_list_of_quoted_titles_is_not_carried_as_a_quote() -> None:
    """'"Sisters & Brothers" and "Harbour Lights" alum Ana Berg co-stars …': a list of quoted
    titles, the first no more a statement than the last."""
    found = extract_statements(
        TITLE + '"The pier must stay open," Ivo Lund said.\n\n'
        '"Sisters & Brothers" and "Harbour Lights" alum Ana Berg co-stars as Cat Lund.'
    )
    assert [s.text for s in found] == ["The pier must stay open"]


def test_a_gloss_opened_by_except_after_a_quote_keeps_the_last_speaker() -> None:
    """'"…" except for the harbour cinema.': the reporter's gloss after a quote that opens its
    sentence, like one opened by any other preposition."""
    found = extract_statements(
        TITLE + '"Every two years we moved," Ivo Lund said. "There was nothing for a boy '
        'like me on the island" except for the harbour cinema.'
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Ivo Lund", "Every two years we moved … There was nothing for a boy like me on the island")
    ]


def test_as_a_described_speaker_put_it_names_the_speaker() -> None:
    """'As one skipper on a forum for Tarnby fishers put it, "…"': the phrase after 'as' is
    the speaker, a description as much as a name."""
    found = extract_statements(
        TITLE + "As one skipper on a forum for Tarnby fishers put it, "
        '"If the council cannot be honest, the fleet will vote them out."'
    )
    assert [s.speaker for s in found] == ["one skipper on a forum for Tarnby fishers"]


def test_as_a_clause_of_time_before_a_cue_is_no_speaker() -> None:
    """'As the week went on, the council said …': 'as' opens a clause of time there."""
    found = extract_statements(
        TITLE + "As the week went on, the harbour council said the pier would stay shut."
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("the harbour council", "the pier would stay shut")
    ]


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [("Despite Ivo Brandt saying,", "Ivo Brandt"), ("After the judge saying", "the judge")],
)
def test_the_subject_of_a_gerund_cue_after_a_preposition_said_the_quote(
    lead: str, speaker: str
) -> None:
    """'Despite Brandt saying, "…," the crew won.': the gerund's subject is the speaker."""
    found = extract_statements(
        TITLE + f'{lead} "your knots were tied far too slack," the crew won.'
    )
    assert [s.speaker for s in found] == [speaker]


def test_a_quote_followed_by_a_dash_and_a_new_sentence_goes_on_with_its_speaker() -> None:
    """'"…," Holt recalled. "…." -- And the festival …': the dash sets off the reporter's next
    sentence, which is no frame; the quote is more of Holt's words."""
    found = extract_statements(
        TITLE + '"Nobody expected him to choose that film," Ana Holt recalled. '
        '"I asked him twice. Ivo was never one for boats at all." -- And the pier festival '
        "almost did not happen."
    )
    assert [(s.speaker, s.text) for s in found] == [
        (
            "Ana Holt",
            "Nobody expected him to choose that film … I asked him twice. "
            "Ivo was never one for boats at all.",
        )
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Photograph: Ana Ortiz/Harbour Pictures",
        "Our Standards: The Harbour Trust Principles.",
        "Illustration: Ivo Lund for the Courier",
        "Photography: Ana Berg (Tarnby Pictures)",
    ],
)
def test_a_label_of_page_furniture_is_no_speaker(line: str) -> None:
    """A picture credit or a publisher's notice set as 'Label: …' says nothing."""
    found = extract_statements(
        TITLE + line + "\n\nThe council will vote on the harbour plan in March.\n"
    )
    assert found == []


@pytest.mark.parametrize(
    ("head", "speaker"),
    [
        ("Tweeted Ivo Lund, chairman of the Tarnby Sailing Club:", "Ivo Lund"),
        ("Added the harbour master:", "the harbour master"),
    ],
)
def test_a_sentence_opened_by_its_cue_names_the_speaker_after_it(head: str, speaker: str) -> None:
    """'Tweeted Ivo Lund, chairman of …: "…"': the cue comes first and is no given name."""
    found = extract_statements(
        TITLE + f'The pier was sold on Monday. {head} "Nobody needs to sink a popular boat."'
    )
    assert [(s.speaker, s.text) for s in found] == [
        (speaker, "Nobody needs to sink a popular boat.")
    ]


def test_a_passive_is_heard_to_say_keeps_the_subject_whole() -> None:
    """'"…," one deckhand is heard to say.': the speaker is 'one deckhand', not 'one deckhand
    is'; nor is 'The board is' a speaker."""
    found = extract_statements(
        TITLE + '"We are almost at the pier," one deckhand is heard to say. "Is there a pulse?"'
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("one deckhand", "We are almost at the pier … Is there a pulse?")
    ]


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        ("Now the queues were longer still.", "the queues"),
        ("His answer was, ", "His answer"),
        ("The harbour report may be the board's way out.", "The harbour report"),
        ("Some skippers could not wait for the vote.", "Some skippers"),
    ],
)
def test_a_determiner_subject_ends_at_a_copula_or_a_modal(clause: str, subject: str) -> None:
    """'the needs are …' has the subject 'the needs': a copula or a modal is the verb."""
    found = sentence_subject(clause)
    assert found is not None and found[0] == subject


@pytest.mark.parametrize(
    "opening",
    [
        "Ferries must not sail at night under harbour law, the order states.",
        "The order states that ferries must not sail at night.",
        "Ferries must not sail at night, the court's verdict reads.",
    ],
)
def test_it_after_a_court_order_or_verdict_is_that_document(opening: str) -> None:
    """'the order', 'the verdict' are documents, the sources 'it' stands for."""
    body = (
        f"The court ruled on Monday. {opening} "
        '"Harbour clerks have a duty not to issue any licence against this law," it says. '
        "Clerks have five days to answer."
    )
    direct = _only(body)
    assert direct.speaker.lower().endswith(("order", "verdict"))
    assert direct.ref is not None and direct.ref.kind == "document"


def test_two_roles_before_a_name_are_one_person() -> None:
    body = (
        '"Halfway down, the boat lost its rudder," Tarn Sailing School business manager and '
        "chief instructor Ana Reyes told the Harbour Radio. Later she left."
    )
    assert _only(body).speaker == "Ana Reyes"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"There will be more news as the inquiry goes on," city officials in Tarnby said.',
         "city officials in Tarnby"),
        ('"There will be more news as the inquiry goes on," police and city officials in Tarnby '
         "said last week.", "police and city officials in Tarnby"),
        ("Police in Elm Cove said the pier would open in May.", "Police in Elm Cove"),
    ],
)  # fmt: skip
def test_unnamed_sources_placed_in_a_town_are_the_speakers(body: str, speaker: str) -> None:
    found = extract_statements(TITLE + body)
    assert [s.speaker for s in found] == [speaker]
    assert found[0].ref is not None and found[0].ref.kind == "anonymous"


def test_a_clause_before_people_in_a_place_is_no_speaker() -> None:
    found = extract_statements(TITLE + "That is why people in Elm Cove feel the pier is late.")
    assert all(s.speaker != "Elm Cove" for s in found)


@pytest.mark.parametrize(
    "body",
    [
        "A spokesman for Ana Reyes said the pier would open in May.",
        '"The pier will open in May," a lawyer for Ana Reyes said.',
        "Attorneys for Ana Reyes said the pier would open in May.",
    ],
)
def test_who_speaks_for_someone_is_the_speaker_not_them(body: str) -> None:
    (found,) = extract_statements(TITLE + body)
    assert found.speaker.lower().endswith("for ana reyes")
    assert found.ref is not None and found.ref.kind == "anonymous"


def test_they_later_in_a_sentence_is_its_first_speaker() -> None:
    body = (
        '"There will be more news as the inquiry goes on," harbour officials said. '
        "Lind's family members said they have watched the footage, and although it misses "
        "the crash, they said it is clear the skipper did nothing wrong."
    )
    found = [(s.speaker, s.text) for s in extract_statements(TITLE + body)]
    assert ("Lind's family members", "it is clear the skipper did nothing wrong") in found


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("The pier will open in May, Ana Reyes told her closest advisers.",
         "told her closest advisers"),
        ("Ana Reyes told her staff the pier would open in May.", "told her staff"),
    ],
)  # fmt: skip
def test_a_possessive_audience_belongs_to_the_cue(body: str, cue: str) -> None:
    st = _only(body, "indirect")
    assert (st.speaker, st.cue) == ("Ana Reyes", cue)
    assert st.text in ("The pier will open in May", "the pier would open in May")


@pytest.mark.parametrize(
    "body",
    [
        "The pier will open in May, Ana Reyes said as she left the hall.",
        "The pier will open in May, Ana Reyes told reporters when she left the hall.",
        "The pier will open in May, Mayor Ana Reyes told her advisers as she wrote the speech.",
    ],
)
def test_fronted_words_before_a_tail_cue_and_a_time_clause_are_the_statement(body: str) -> None:
    st = _only(body, "indirect")
    assert (st.speaker, st.text) == ("Ana Reyes", "The pier will open in May")


def test_a_lead_before_a_tail_cue_and_a_time_clause_is_no_statement() -> None:
    body = 'At the day\'s end, however, Ana Reyes said as she left, "Finally the pier is open."'
    assert _only(body).text == "Finally the pier is open."


@pytest.mark.parametrize(
    "body",
    [
        "The pier will open in May, harbour chief Ana Reyes said, adding that it cost little.",
        "The union will sit out the vote altogether, Ana Reyes said earlier this week.",
    ],
)
def test_a_clause_before_the_comma_is_no_subject_with_an_apposition(body: str) -> None:
    """A determiner phrase with a copula or modal is a clause ('The pier will open'): the
    subject is the name after its comma, and the clause is what was said."""
    found = [s for s in extract_statements(TITLE + body) if s.kind == "indirect"]
    assert found[0].speaker == "Ana Reyes"
    assert found[0].text.startswith(("The pier will open in May", "The union will sit out"))


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The union will sit out the vote, Ana Reyes said, adding that it cost too much.",
         "Ana Reyes"),
        ("The union will sit out the vote, harbour officials said, noting that it cost too "
         "much.", "harbour officials"),
    ],
)  # fmt: skip
def test_a_participle_after_a_tail_cue_is_a_second_statement(body: str, speaker: str) -> None:
    found = [(s.speaker, s.cue, s.text) for s in extract_statements(TITLE + body)]
    assert [(spk, text) for spk, _, text in found] == [
        (speaker, "The union will sit out the vote"),
        (speaker, "it cost too much"),
    ]


def test_asked_after_a_tail_cue_is_no_participle() -> None:
    body = "The guide who led her in asked her what she did, Ana Reyes said, recalling the day."
    texts = [s.text for s in extract_statements(TITLE + body)]
    assert "The guide who led her in" not in texts


@pytest.mark.parametrize("when", ["earlier this week", "on Monday", "last week", "yesterday"])
def test_a_tail_cue_followed_only_by_when_keeps_the_fronted_words(when: str) -> None:
    st = _only(f"The union will sit out the vote, Ana Reyes said {when}.", "indirect")
    assert (st.speaker, st.text) == ("Ana Reyes", "The union will sit out the vote")


def test_a_time_phrase_before_the_participle_is_no_statement() -> None:
    body = "On Thursday, Ana Reyes said, saying that the board was to blame for the delay."
    assert [s.text for s in extract_statements(TITLE + body)] == [
        "the board was to blame for the delay"
    ]


@pytest.mark.parametrize(
    "role",
    ["The Tarnian envoy to Vell", "The harbour master of Tarnby", "A spokeswoman for Tarn Ferries"],
)
def test_a_role_ending_on_its_place_before_a_name_in_commas(role: str) -> None:
    """'The envoy to Vell, Rafe Olsen, said Monday, "…"': the role ends on the place it
    serves; the speaker is the name set off after it, not the role."""
    st = _only(
        f"Officials in Tarnby backed away. {role}, Rafe Olsen, said Monday on Harbour TV, "
        '"This is a campaign and you should take it with a grain of salt."'
    )
    assert st.speaker == "Rafe Olsen"


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("asked defence lawyer Ana Reyes about the earlier hearing.", "Ana Reyes"),
        ("said Ana Reyes with a smile.", "Ana Reyes"),
    ],
)
def test_a_verb_first_tail_frame_ends_before_about_or_with(tail: str, speaker: str) -> None:
    """'"…?" asked X about the hearing.': the speaker ends before 'about' or 'with' (what
    was asked about, how it was said), as before 'on' or 'during'."""
    st = _only(f'Moss spoke at the trial on Monday. "Were you told what was in the crate?" {tail}')
    assert st.speaker == speaker


@pytest.mark.parametrize(
    "intro", ["14-year-old Lorna Tessaly on Monday", "Lorna Tessaly, 14, on Monday"]
)
def test_a_one_word_given_name_unknown_to_the_lists_after_an_age(intro: str) -> None:
    """'The mayor met 14-year-old Lorna Tessaly … "…," Lorna says': a given name the lists
    do not know is the full name it opens when an age marked that run as a person."""
    found = extract_statements(
        TITLE + f'The mayor met {intro}. Lorna was ill. "I am tired," Lorna says in the video.'
    )
    assert [s.speaker for s in found] == ["Lorna Tessaly"]


@pytest.mark.parametrize("role", ["Chief Medical Correspondent", "Senior Political Editor"])
def test_a_newsroom_role_in_capitals_before_a_name_is_no_part_of_it(role: str) -> None:
    """'Harbour TV Chief Medical Correspondent Ana Reyes said …': correspondent, editor,
    reporter and the like end a role before a name, as 'Producer' does."""
    st = _only(
        f"At the time, Harbour TV {role} Ana Reyes said the treatment meant she would "
        'need care for "weeks and months to come."',
        kind="partial",
    )
    assert st.speaker == "Ana Reyes"


@pytest.mark.parametrize("dash", ["--", "—"])
def test_a_dash_aside_between_the_subject_and_its_cue_is_skipped(dash: str) -> None:
    """'Photographer Tom Vane -- who took the pictures -- told reporters, "…"': the aside
    set off by dashes is no part of the subject; the speaker is the name before it."""
    st = _only(
        f"Earlier, photographer Tom Vane {dash} who took the pictures {dash} told reporters, "
        '"The winds are incredible and the pier is gone."'
    )
    assert st.speaker == "Tom Vane"


def test_a_participle_frame_keeps_an_arabic_article_in_the_subject_name() -> None:
    """'Rebel leader Abdul Karim al-Tarni spoke …, saying, "…"': the lower-case 'al-' opens
    the surname, it is no verb ending the subject."""
    found = extract_statements(
        TITLE + "Rebel leader Abdul Karim al-Tarni spoke live on Monday on Harbour TV, saying, "
        '"If any army tries to invade our port, we will fight."'
    )
    assert [s.speaker for s in found] == ["Abdul Karim al-Tarni"]


def test_a_role_adjective_before_a_role_noun_leads_to_the_name() -> None:
    """'Rebel supreme leader Abdul Karim al-Tarni spoke …, saying, "…"': 'supreme' before
    the role noun does not end the subject at 'Rebel'."""
    found = extract_statements(
        TITLE + "Rebel supreme leader Abdul Karim al-Tarni spoke live on Monday, saying, "
        '"If any army tries to invade our port, we will fight."'
    )
    assert [s.speaker for s in found] == ["Abdul Karim al-Tarni"]


@pytest.mark.parametrize(
    ("intro", "noun", "speaker"),
    [
        ("Ana Reyes, an aunt of Tom Moss, also found it hard.", "aunt", "Ana Reyes"),
        ("Her father Teo Reyes was at the pier.", "father", "Teo Reyes"),
    ],
)
def test_a_family_description_resolves_to_the_mention_that_gave_it(
    intro: str, noun: str, speaker: str
) -> None:
    """'Ana Reyes, an aunt of the victim, … "…," the aunt said.': a family word refers back
    to the mention whose apposition or title gave it, as 'the senator' does."""
    found = extract_statements(
        TITLE
        + f'The boat sank off Tarnby. {intro} "We are living with great pain," the {noun} said.'
    )
    assert [s.speaker for s in found] == [speaker]


def test_a_dutch_particle_joins_the_name_and_its_bare_surname() -> None:
    """'Pieter ten Vell … "…," ten Vell said': 'ten' (like 'van', 'de') is part of the
    name, and the bare 'ten Vell' resolves to the full name."""
    found = extract_statements(
        TITLE + "As a photographer, Pieter ten Vell is no stranger to harbours. "
        '"They keep the press away," ten Vell said.'
    )
    assert [s.speaker for s in found] == ["Pieter ten Vell"]


def test_a_quoted_title_in_the_frame_keeps_the_subject_before_it() -> None:
    """'"…," Tom Vane, editor of the "Tarn Gazette," told reporters.': the title belongs to
    the frame; the speaker is Tom Vane, not 'reporters' after the title's closing mark."""
    found = extract_statements(
        TITLE + '"The mood has changed," Tom Vane, editor of the "Tarn Gazette," told '
        "reporters on a call."
    )
    assert [(s.speaker, s.text) for s in found] == [("Tom Vane", "The mood has changed")]


def test_a_name_with_to_between_capitals_is_a_subject() -> None:
    """'"…," the Committee to Guard Writers said.': 'to' between capitalised words is part
    of an organisation's name, not an infinitive that makes the phrase a clause."""
    found = extract_statements(
        TITLE + 'No one was held. "The government must act in this case and others," '
        "the Committee to Guard Writers said after the death."
    )
    assert [s.speaker for s in found] == ["the Committee to Guard Writers"]


def test_a_capitalised_office_before_a_name_in_commas_is_the_role() -> None:
    """'The Tarn Special Representative to Vell, Rafe Olsen, said': a capitalised office
    (a person noun) before the name set off in commas is the role, the name the speaker."""
    st = _only(
        "Officials in Tarnby backed away. The Tarn Special Representative to Vell, Rafe Olsen, "
        'said the row "was of concern, but mostly a matter of words."',
        kind="partial",
    )
    assert st.speaker == "Rafe Olsen"


def test_a_who_clause_after_a_copula_is_spoken_by_the_name_before_who() -> None:
    """'The one held … is Ana Reyes, who had called for …': the speaker of the relative
    clause is the name right before 'who', not the whole copula clause."""
    found = extract_statements(
        TITLE + "No one was held. The only person held in the killing of Moss, the Tarn "
        "writer, is Ana Reyes, who had called for his death in posts."
    )
    assert [s.speaker for s in found] == ["Ana Reyes"]


def test_a_naming_verb_before_a_quoted_title_says_nothing() -> None:
    """'His show, called "The Harbour Hour," ran for years.': 'called' names the show, so
    'His show' is no speaker (nor is a later bare quote carried to it); 'called the plan
    "a disaster …"' still reports what was said."""
    found = extract_statements(
        TITLE + '"Jokes annoy people," Reyes said. His show, called "The Harbour Hour," ran '
        "for three seasons in Tarnby. The mayor called the plan "
        '"a disaster for the harbour and its boats."'
    )
    assert [s.speaker for s in found] == ["Reyes", "The mayor"]


def test_a_role_with_no_determiner_before_a_name_in_a_comma_is_the_role() -> None:
    """'Tarnian president, Ana Reyes condemned the attack: "…"': a short role ending on a
    person noun, set off before the name by a comma, is the role; the name speaks."""
    st = _only(
        "The envoy was hurt. Tarnian president, Ana Reyes condemned the attack: "
        '"This is an attack on the pact, and it can never be tolerated."'
    )
    assert st.speaker == "Ana Reyes"


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Tarnby Harbour Medical Center", "the medical center"),
        ("Tarnby Harbour Hospital", "the hospital"),
    ],
)
def test_an_institution_description_resolves_to_the_one_name_ending_on_it(
    name: str, description: str
) -> None:
    """'Surgeons at Tarnby Harbour Hospital … "…," the hospital said': the one name before
    it that ends on the noun (with the description's other words) is the speaker."""
    found = extract_statements(
        TITLE + f"Surgeons at {name} will operate on six people. "
        f'"The ages of the donors range from 26 to 70," {description} said in a statement.'
    )
    assert [s.speaker for s in found] == [name]


PULL_QUOTE = "We will not let the sea take this town, not this winter and not ever"


@pytest.mark.parametrize(
    ("pull", "speaker", "confidence"),
    [
        (f'"{PULL_QUOTE}."', "Ana Ortiz", "carried"),  # the page repeats her quote
        ('"Nobody on the quay believes the wall will be finished by spring."', "", "unknown"),
    ],
)
def test_a_quote_set_apart_that_repeats_a_later_one_is_its_speakers(
    pull: str, speaker: str, confidence: str
) -> None:
    """A pull quote with no frame takes the speaker of the quote it repeats, marked
    'carried' for review; a quote set apart that repeats nobody stays unknown."""
    found = extract_statements(
        TITLE + f"{pull}\n\nThe council voted on Monday to raise the sea wall by two metres."
        f'\n\n"{PULL_QUOTE}," Mayor Ana Ortiz said after the vote.'
    )
    assert [(s.speaker, s.confidence) for s in found] == [
        (speaker, confidence),
        ("Ana Ortiz", "named"),
    ]


@pytest.mark.parametrize(
    ("issuing", "speaker", "confidence"),
    [
        ("The Harbour Board issued a statement on Monday.", "The Harbour Board", "pronoun"),
        ("Mayor Ana Ortiz said in a joint statement that talks went on.", "Ana Ortiz", "pronoun"),
        ("Ortiz's parents, Rosa and Luis Ortiz, released a statement.", "the statement", "named"),
        ("Ana Ortiz and Tom Reyes released a statement.", "the statement", "named"),
    ],
)
def test_the_statement_quoted_is_its_issuers(issuing: str, speaker: str, confidence: str) -> None:
    """'X issued a statement. "…," the statement said.': the issuer named just before
    speaks, marked as resolved; not when the subject is someone's relatives or two people."""
    found = extract_statements(
        TITLE + f'{issuing}\n\n"We will reopen the quay when the wall is safe," the statement said.'
    )
    quoted = [s for s in found if s.kind == "direct"]
    assert [(s.speaker, s.confidence) for s in quoted] == [(speaker, confidence)]


@pytest.mark.parametrize("verb", ["called the plan", "said the plan was"])
def test_two_clauses_of_one_sentence_keep_their_own_speakers(verb: str) -> None:
    """'The board called the plan "…," and Mayor Ana Ortiz said "…"': each clause's
    quote is its own speaker's (the first was lost, or swallowed the second)."""
    found = extract_statements(
        TITLE + f'The harbour board {verb} "a disaster for every ferry on the coast," and '
        'Mayor Ana Ortiz said "the town will pay for it for years to come."'
    )
    assert [(s.speaker, s.kind) for s in found] == [
        ("The harbour board", "partial"),
        ("Ana Ortiz", "direct"),
    ]
    assert "Ortiz" not in found[0].text and "disaster" not in found[1].text
