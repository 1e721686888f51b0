"""The question grammar: plain text → ``Query``, as a table of forms with their examples.

Each form is a pattern over the cleaned question with named slots (``x`` speaker, ``w`` words,
``t`` topic, ``s`` story, ``rest`` modifiers) and the sentences it must read; the examples
double as the parser's tests. Cleaning first takes off what every form may carry: a mention
of the bot, "/brief", politeness, quotation marks and small typos in the question's own words.
The table is tried in order, so the specific forms ("who said what about T") stand before the
general ones ("who X").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.commands import Verb, strip_address
from bot.core.phrases import STORY_WORD as _STORY_WORD
from bot.core.phrases import (
    speaker_name,
    split_rest,
    story_name,
    take_story,
    take_when,
    topic_name,
)
from bot.core.query import Intent, Query
from bot.core.typos import correct_typos

_SAY = (
    r"(?:say|said|says|saying|tell|told|ask|asked|warn|warned|claim|claimed|argue|argued|"
    r"think|thinks|mean|meant|add|added|note|noted|predict|predicted|comment|"
    r"suggest|suggested|insist|insisted|promise|promised|report|reported|admit|admitted|"
    r"explain|explained|complain|complained|accuse|accused|announce|announced|believe|"
    r"believed|believes|feel|felt|expect|expected|fear|feared|hope|hoped|want|wanted|deny|"
    r"denied|reject|rejected|acknowledge|acknowledged|concede|conceded|reveal|revealed|"
    r"confirm|confirmed|urge|urged|demand|demanded|propose|proposed|recommend|recommended|"
    r"describe|described|critici[sz]e|critici[sz]ed|blame|blamed|defend|defended|dismiss|"
    r"dismissed|repeat|repeated|write|wrote|estimate|estimated|insist|conclude|concluded|"
    r"call|called|label|labelled|labeled|threaten|threatened|pledge|pledged)"
)
_DID = r"(?:did|does|do|has|have|had|was|is|were|would|will)"
_COMMENT = (
    r"(?:comment|commented|respond|responded|reply|replied|react|reacted|answer|answered|"
    r"speak|spoke|say anything|said anything|give (?:a |any )?comment|make (?:a |any )?"
    r"(?:comment|statement)|weigh in|weighed in)"
)
_NO_COMMENT = (
    r"(?:declined?(?: to)? (?:comment|respond|answer|talk|speak|be interviewed)|refused?"
    r"(?: to)? (?:comment|respond|answer|talk|speak|be interviewed)|would(?: not|n't) "
    r"(?:talk|speak|say)|gave no comments?|give no comments?|had no comments?|would(?: not|n't) comment|"
    r"did(?: not|n't) (?:respond|comment|reply|answer|return|get back)|(?:has|have)"
    r"(?: not|n't) (?:responded|commented|replied)|could(?: not|n't) be reached|"
    r"no comments?|was unavailable|were unavailable|stayed silent|(?:is|are|was|were) "
    r"silent|said nothing|(?:not|never) respond(?:ed|ing)?|no response|not comment(?:ed|ing)?)"
)
_DISPUTE = (
    r"(?:disputes?|disputed|disputing|contests?|contested|denies|denied|deny|rejects?|"
    r"rejected|challenges?|challenged|disagrees?(?: with)?|disagreed(?: with)?|"
    r"pushe[sd] back (?:on|against)|push back (?:on|against)|contradicts?|contradicted|"
    r"refutes?|refuted|questions?|questioned|doubts?|doubted)\b"
)
_QUOTED = r"(?:quoted|cited|interviewed|speaking|speakers?|sources?|named)"
_BRIEF_ME = (
    r"(?:brief me|catch me up|fill me in|update me|bring me up to (?:date|speed)|"
    r"give me (?:a |the )?(?:briefing|summary|rundown|update|recap|lowdown)|"
    r"(?:a |the )?(?:briefing|summary|rundown|update|recap|lowdown)|summari[sz]e|recap|"
    r"what(?:'s| is| are) the (?:latest|news|update|story|situation|deal|state of play)|"
    r"(?:any|the) (?:latest|news|updates?)|latest|news|what(?:'s| is) new|"
    r"what(?:'s| is) (?:going on|happening)|what happened)"
)

Slots = dict[str, str]


@dataclass(frozen=True)
class Form:
    """One question form: its pattern, what it asks, and sentences it must read."""

    intent: Intent
    pattern: str
    examples: tuple[str, ...] = ()

    def match(self, text: str) -> Slots | None:
        """The slots of the text if this form reads it whole."""
        found = _compiled(self.pattern).fullmatch(text)
        return None if found is None else {k: v for k, v in found.groupdict().items() if v}


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The pattern with repeated slot names numbered (x, x2, ...), since each alternative of a
    form may name the same slot; ``_slot`` reads them back under the plain name."""
    seen: dict[str, int] = {}

    def number(found: re.Match[str]) -> str:
        name = found[1].rstrip("0123456789")
        seen[name] = seen.get(name, 0) + 1
        return f"(?P<{name}{seen[name] if seen[name] > 1 else ''}_>"

    return re.compile(re.sub(r"\(\?P<(\w+)>", number, pattern), re.I)


X = r"(?P<x>[^?]+?)"
# What may follow a speaker: a topic, a story, an audience ("told reporters about ...").
_REST_LEAD = (
    r"(?:about|on|regarding|concerning|over|re|to|in|from|with|when|as|of|towards?|around|"
    r"reporters|journalists|the press|the media|reuters|us|them|people|anyone|everyone|him|"
    r"her|the council|residents|voters|the public|anything|something|a word|much|more|"
    r"the paper|the newspaper|the ledger|the courier|the wire|the outlet|"
    r"so far|exactly|recently|lately|publicly|at all|after|before|during|while)"
)
SREST = rf"(?P<rest>(?:\s{_REST_LEAD}\b.*)?)"  # after a speaker: must not eat a name
REST = r"(?P<rest>(?:\s.*)?)"
FORMS: tuple[Form, ...] = (
    Form(
        Intent.ANONYMOUS,
        r"(?:is|are|was|were) (?:anyone|anybody|any sources?|there any(?: \w+)? sources?|"
        r"(?:any|some) (?:of the )?(?:sources|speakers|people)) (?:quoted )?(?:anonymous|"
        r"anonymously|unnamed|unidentified|not named)(?P<rest4>(?:\s.*)?)"
        r"|(?:who |which (?:\w+ ){0,2}?)(?:spoke|speaks|talked|was speaking|were speaking|"
        r"is speaking|are speaking|was quoted|were quoted|said|commented)(?: only)? "
        r"(?:anonymously|on (?:the )?condition of anonymity|without being named|"
        r"off the record|on background|without giving (?:a |their )?names?)(?P<rest>(?:\s.*)?)"
        r"|(?:who|what|which) (?:are|were|is|was) the (?:anonymous|unnamed|unidentified) "
        r"(?:sources?|speakers?|people|officials)(?P<rest2>(?:\s.*)?)"
        r"|(?:the |any )?(?:anonymous|unnamed) (?:sources?|speakers?|quotes)(?P<rest3>(?:\s.*)?)",
        ("who spoke anonymously about the plant?", "who were the anonymous sources?"),
    ),
    Form(
        Intent.SPEAKER,
        r"which (?P<x>(?!sources?\b|people\b|speakers?\b|officials?\b|organi[sz]ations?\b)"
        r"[^?]+?) (?:spoke|talked|said something|said anything|commented|was talking|"
        r"has spoken|has talked|mentioned|said) (?P<rest>(?:about|on|regarding|over)\s.*)",
        ("which Keller spoke about taxes?",),
    ),
    Form(
        Intent.TOPIC,
        r"(?:who|which (?:people|sources?|speakers?)) (?:said|says|had said) what(?P<rest>\s.*)?"
        r"|what (?:was|has been|is being|were people|did people|did anyone|did they) "
        r"(?:said|saying|say) (?P<rest2>(?:about|on|regarding|concerning|over|in)\s.*)"
        r"|who (?:talked|talks|spoke|speaks|commented|comments|mentioned|mentions|"
        r"discussed|discusses|weighed in|said anything|said something|has said anything|"
        r"had (?:something|anything) to say|was talking|is talking) "
        r"(?P<rest3>(?:about|on|regarding|concerning|over)\s.*)"
        r"|(?:quotes|statements|comments|reactions) (?P<rest4>(?:about|on|regarding|"
        r"concerning|over)\s.*)"
        r"|what (?:are|were|have|has|do|did) (?:people|they|others|folks|everyone|sources|"
        r"officials|critics|experts|residents|speakers) (?:been )?(?:saying|said|say|think)"
        r"(?P<rest6>\s.*)"
        r"|who (?:mentioned|mentions|discussed|discusses|raised|brought up|referred to|"
        r"talked of|spoke of|addressed) (?P<rest7>.+)"
        r"|(?:anyone|anybody|somebody|someone) (?:say|said|talk|mention|comment)(?:ed)? "
        r"(?:anything |something )?(?P<rest5>(?:about|on|regarding)\s.*)"
        r"|(?:did |has |does |have )?(?:anyone|anybody|somebody|someone|any\w*) (?:mention|"
        r"mentioned|mentions|bring up|brought up|raise|raised|cite|cited|discuss|discussed|"
        r"refer to|referred to|talk about|talked about|speak about|spoke about|say anything "
        r"about|said anything about|comment on|commented on) (?P<rest8>.+)",
        ("who said what about the flood?", "what was said about the sea wall?"),
    ),
    Form(
        Intent.NO_COMMENT,
        rf"(?:who |which (?:\w+ ){{0,2}}?|what (?:\w+ ){{0,2}}?|anyone |anybody |"
        rf"any\w* (?:\w+ ){{0,2}}?)"
        rf"(?:who |that )?(?:has |have |had |was |were |is |are )?{_NO_COMMENT}{REST}"
        rf"|(?:who |what |any )?(?:no[- ]comments?|non[- ]responses?|refusals?)(?:s)?{REST}"
        rf"|(?:who|which \w+) (?:was|were) (?:asked|contacted) for comment{REST}",
        ("who declined to comment on the Voltra story?", "who didn't respond?"),
    ),
    Form(
        Intent.COMMENTED,
        rf"(?:did|has|have|had|does|do|was|were|is) {X} (?:(?:ever |actually |even |already "
        rf"|publicly |officially )?(?:{_COMMENT}|decline to comment|refuse to comment|"
        rf"respond(?:ed)? to (?:a |the )?request(?:s)? for comment|asked for comment|"
        rf"reach(?:ed)? for comment|have (?:a |any )?comment|got (?:a |any )?comment))"
        rf"(?P<rest>(?:\s.*)?)"
        rf"|(?:whether|if) {X} (?:{_COMMENT}|has commented|had commented|has responded){REST}",
        ("did the port authority comment?", "has Voltra responded?"),
    ),
    Form(
        Intent.SOURCE_COUNT,
        r"how many (?P<count>anonymous|unnamed|unidentified|named|on[- ]the[- ]record|"
        r"on[- ]record|identified)? ?(?:sources?|people|speakers?|officials|voices)"
        r"(?P<rest>(?:\s.*)?)",
        ("how many anonymous sources in the Putin story?",),
    ),
    Form(
        Intent.DISPUTES,
        r"what(?:'s| is| was| were| are|s)? (?:being |been )?(?:disputed|contested|in dispute|"
        r"contentious|challenged|denied)(?P<rest>(?:\s.*)?)"
        r"|(?:which|what) (?:claims?|statements?|facts?|points?) (?:is |are |was |were )?"
        r"(?:being )?(?:disputed|contested|challenged|denied)(?P<rest2>(?:\s.*)?)"
        r"|(?:any|are there any|were there any|is there any|is there a|list the|show me the|"
        r"the) (?:disputes?|disputed claims?|contested claims?)(?P<rest3>(?:\s.*)?)"
        r"|disputes?(?P<rest4>(?:\s+(?:in|on|about|for)\s.*)?)"
        r"|(?:disputed|contested|challenged) (?:claims?|points?|statements?|facts?|figures?)"
        r"(?P<rest5>(?:\s+(?:in|on|about|for)\s.*)?)",
        ("what is disputed in the Voltra story?", "any disputes?"),
    ),
    Form(
        Intent.DISPUTES,
        rf"(?:who|which \w+|does anyone|did anyone|does anybody|did anybody|has anyone|"
        rf"is anyone|anyone) (?:has |had |is |was )?{_DISPUTE}(?: (?:the (?:claim|idea|"
        rf"report|suggestion|statement) )?(?:that|this|the claim that|whether)?)?"
        rf" ?(?P<w>.*)"
        rf"|is (?:it|the claim) (?:disputed|contested|true) that (?P<w2>.+)"
        rf"|is (?P<w3>.+) (?:disputed|contested)",
        ("who disputes that Voltra asked for $400m?",),
    ),
    Form(
        Intent.QUOTED,
        rf"(?:who|which people|which sources|what sources) (?:(?:was|were|is|are|got|gets|"
        rf"has been|have been) )?{_QUOTED}(?!\s+(?:as )?saying)(?P<rest>(?:\s.*)?)"
        rf"|(?:who|what people) (?:(?:spoke|talked|speaks|appears|appeared) )?(?:in|on) "
        rf"(?P<rest2>.*{_STORY_WORD}.*)"
        rf"|(?:who|what people|which people) (?:spoke|speaks|talked|talks|appears|appeared|"
        rf"features|featured|is in it|was in it|was interviewed|were interviewed|"
        rf"is mentioned|was mentioned|is named|was named)"
        rf"(?P<rest5>(?:\s.*)?)"
        rf"|(?:who|which people) (?:is|are|was|were)(?: there)?"  # "who is in the S story"
        rf"|(?:list|show|give)(?: me)? (?:all )?(?:the )?(?:quotes|speakers|sources|people "
        rf"quoted)(?P<rest3>(?:\s.*)?)"
        rf"|(?:the |all )?(?:quotes|speakers|who said what)(?P<rest4>\s(?:in|of|on)\s.*)"
        rf"|(?:the |all )?(?:speakers|people quoted|sources quoted|voices|quoted people)",
        ("who was quoted in the sea wall story?", "who said what in the Voltra story?"),
    ),
    Form(
        Intent.SOURCES,
        r"how (?:is|was|are|were) (?P<rest>.*) sourced|(?:the )?sourcing(?P<rest2>(?:\s.*)?)",
        ("how is the Voltra story sourced?",),
    ),
    Form(
        Intent.ABOUT,
        r"(?:tell me|talk to me|what do you know|what can you tell me|what do we know|"
        r"inform me|info|information) (?:about|on|regarding) (?P<x>.+)",
        ("tell me about the sea wall",),
    ),
    Form(
        Intent.BRIEFING,
        rf"{_BRIEF_ME}(?: (?:on|about|with|regarding|concerning|for|in|of|to|from))? "
        rf"(?P<t>.+)",
        ("brief me on the sea wall", "what's the latest on Ohio?"),
    ),
    Form(
        Intent.BRIEFING,
        r"(?:brief me|briefing|the briefing|today's briefing|morning briefing|"
        r"the latest|latest|news|headlines|what's new|what is new|what's happening|"
        r"what happened|give me the briefing|show me the briefing|catch me up|the news)",
        ("brief me", "what's new?"),
    ),
    Form(
        Intent.BRIEFING,
        r"(?!(?:what|whats|who|how|any|the|give|show)\b)(?P<t>[^?]+?) (?:briefing|summary|news|"
        r"update|updates|rundown|recap|latest)",
        ("sea wall briefing",),
    ),
    Form(
        Intent.PROFILE,
        r"who(?:'s| is| was| are| were|s) (?!said|quoted|disputing|the anonymous|behind|it\b|"
        r"responsible|the source|the author|saying|cited)"
        r"(?P<x>[^?]+?)"
        r"|what (?:is|was|'s) (?P<x2>.+?)(?:'s|s') (?:role|job|title|position)"
        r"|what does (?P<x3>.+?) do",
        ("who is Tomas Lind?", "who's the hydrologist?"),
    ),
    Form(
        Intent.SAID,
        r"(?:(?:who|which(?: \w+){0,2}|whose (?:words|quote|line) (?:is|are|was|were)|"
        r"who (?:is|was) (?:it )?(?:that|who)) )?(?:said|says|say|saying|is saying|was saying|"
        r"had said|has said|told|wrote|warned|claimed|called|stated|argued|believes|believed|"
        r"thinks|asked|accused|urged|blamed|insisted|predicted|promised|admitted|suggested|"
        r"(?:is |was |got |gets )?quoted (?:as )?saying|"
        r"said the words|uttered|used the words|(?:came up with|is behind|was behind)"
        r"(?: the (?:line|quote|phrase))?)(?: (?:that|this|the phrase|the line|the words|the "
        r"quote|it|out))?\s+(?P<w>.+)"
        r"|(?:whose|which) (?:words|quote|line|statement) (?:is|are|was|were) (?P<w2>.+)"
        r"|(?:where|what) (?:does|did|do) (?P<w3>.+) come from"
        r"|(?:who|what) (?:is|was) the (?:source|speaker|author) (?:of|for|behind) (?P<w4>.+)"
        r"|(?P<w5>.+?)[\s,.:;—–-]+(?:who|which \w+) (?:said|says|wrote) (?:that|this|it)",
        ('who said "the Poles are convinced"?', "who said that the wall is cheaper?"),
    ),
    Form(
        Intent.SPEAKER,
        rf"(?:and |so |but )?what (?:else )?(?:exactly |precisely )?{_DID} {X} "
        rf"(?:(?:actually |really |exactly |just |publicly |previously |recently |first "
        rf"|ever |already |originally )?(?:have to say|got to say|had to say|been saying|"
        rf"been telling|been arguing|been warning|{_SAY}|have|think of)){SREST}"
        rf"|what {X} (?:has |had |was |is )?(?:said|says|told|been saying|saying|thinks|"
        rf"warned|asked|thought|had to say|has to say){SREST}"
        rf"|what(?:'s| is| was| has| have|s) {X} (?:been )?(?:said|saying|say|told|telling|"
        rf"warning|arguing|asking|claiming){SREST}"
        rf"|(?:how|why) (?:did|does|has|have) {X} (?:respond|react|reply|answer|comment|"
        rf"put it|describe|explain|justify|defend){SREST}"
        rf"|what (?:are|were|is|was) {X}(?:'s|s'|’s) (?:words?|quotes?|statements?|comments?|"
        rf"remarks?|views?|position|stance|line|argument|case|take|thoughts?|response|"
        rf"reaction|points?|message){SREST}"
        rf"|(?:any |all |the |give me |show me |list |get |find |see )*(?:quotes?|statements?|"
        rf"comments?|remarks?|words|anything|something|everything|more) (?:from|by|of) "
        rf"{X}{SREST}"
        rf"|(?:did|has|have|had) {X} (?:say|said|tell|told|mention|mentioned|talk|talked|speak "
        rf"about|spoken about|comment on|commented on|discuss) (?P<rest2>(?:anything|something|"
        rf"a word|much|more)(?:\s.*)?)"
        rf"|(?:show me |give me |list |tell me )?(?:everything|all|anything|what) (?:that )?"
        rf"{X} (?:has |had |ever )?(?:said|says|told|stated){SREST}"
        rf"|what {_DID} {X} {_SAY} (?P<rest9>(?:the|a|an|his|her|their|its|this|that) .+)"
        rf"|what {_DID} {X} {_SAY} (?P<rest10>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?: about| of| "
        rf"over| on)?)"
        rf"|{X}(?:'s|s'|’s) (?:words?|quotes?|statements?|comments?|remarks?|views?|"
        rf"position|stance|take|response|reaction){SREST}",
        ("what did Quigley say about the Europeans?", "what has Zelenskyy said this week?"),
    ),
)

_FILLER_START = re.compile(
    r"^(?:(?:hey|hi|hello|ok|okay|so|um|uh|yo|please|pls|quick question|question|briefbot|bot|"
    r"can you|could you|would you|will you|can u|could u|i wonder|i was wondering|"
    r"i want to know|i'd like to know|i would like to know|do you know|any idea|remind me|"
    r"just|now|and|also|then|ok so|tell me|show me|let me know|find out|i need to know|"
    r"i'm curious|curious)\b[\s,:;.!-]*)+(?=(?:what|who|whom|which|whose|did|does|has|have|had|"
    r"how|is|are|was|were|whether|if|where|any|quotes?|brief|the|give|list)\b)",
    re.I,
)
_FILLER_END = re.compile(
    r"[\s,;:!.-]*\b(?:please|pls|thanks|thank you|thx|again|exactly|precisely|"
    r"for me|if you can|if you know|then|at all)$",
    re.I,
)


def clean(text: str) -> str:
    """The question without address, "/brief", politeness, outer punctuation or typos."""
    text = strip_address(text)
    text = re.sub(
        r"^/?brief(?=\s+(?:who|said|quotes|sources|help|preview)\b)\s*", "", text, flags=re.I
    )
    text = re.sub(r"^/brief\b\s*", "", text, flags=re.I)
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    text = text.replace("„", '"').replace("«", '"').replace("»", '"')
    text = " ".join(text.split())
    text = re.sub(r"\b(who|what)'s been\b", r"\1 has been", text, flags=re.I)
    text = re.sub(r"\b(who|what|how|where)'s\b", r"\1 is", text, flags=re.I)
    text = re.sub(r"\b(wh)ats\b", r"\1at is", text, flags=re.I)
    text = re.sub(
        r"\b(who|what|which|whose|where|how)\s+(?:exactly|actually|really|precisely|again)\b",
        r"\1",
        text,
        flags=re.I,
    )
    for _ in range(3):
        text = _FILLER_END.sub("", text.strip(" ?!.")).strip(" ?!.,")
        text = _FILLER_START.sub("", text)
    return correct_typos(text)


def understand(text: str) -> Query:
    """Read a question or command into a ``Query``; never fails (UNKNOWN when unreadable)."""
    cleaned = clean(text)
    if not cleaned:
        return Query(intent=Intent.BRIEFING)
    command = _old_command(cleaned)
    if command is not None:
        return command
    story, body = take_story(cleaned)
    when, body = take_when(body)
    for form in FORMS:
        slots = form.match(body)
        if slots is not None:
            query = _BUILDERS.get(form.intent, _generic)(form.intent, slots)
            if query is not None:
                return _with(query, story=story, when=when)
    if cleaned.lower().startswith("who ") and not story and not when:
        return Query(intent=Intent.COMMAND, command=cleaned)  # the old "who <name>"
    return Query(intent=Intent.UNKNOWN, words=cleaned, story=story, when=when)


def _old_command(text: str) -> Query | None:
    """The /brief command forms, kept working word for word."""
    head, _, argument = text.partition(" ")
    try:
        verb = Verb(head.lower())
    except ValueError:
        return None
    if verb is Verb.WHO:
        return None  # "who X" is the command only when no question form reads it
    if verb is Verb.SAID and argument.lower().startswith("what"):
        return None
    if verb in {Verb.QUOTES, Verb.SOURCES} and argument:
        story, rest = take_story(argument)
        name = story or story_name(re.sub(r"^(?:from|in|of|for|on)\s+", "", rest, flags=re.I))
        if re.match(r"^(?:from|by)\s", argument, flags=re.I) and verb is Verb.QUOTES and not story:
            return None  # "quotes from Okafor": a speaker's quotes
        intent = Intent.QUOTED if verb is Verb.QUOTES else Intent.SOURCES
        return Query(intent=intent, story=name)
    if verb is Verb.BRIEF and argument:
        return None  # "brief me on ..." is a question
    return Query(intent=Intent.COMMAND, command=text)


def _with(query: Query, *, story: str | None, when: str | None) -> Query:
    updates = {}
    if story and not query.story:
        updates["story"] = story
    if when and not query.when:
        updates["when"] = when
    return query.model_copy(update=updates) if updates else query


def _slot(slots: Slots, name: str) -> str | None:
    for key, value in slots.items():
        if key.rstrip("_").rstrip("0123456789") == name and value.strip():
            return value
    return None


_ANONYMOUS_REF = re.compile(
    r"^(?:the |any )?(?:anonymous|unnamed|unidentified) (?:sources?|officials|people|speakers)$",
    re.I,
)
_NOT_A_SPEAKER = re.compile(r"^(?:are|were|is|was|do|does|people|they|others|everyone)\b", re.I)


def _speaker(intent: Intent, slots: Slots) -> Query | None:
    speaker = _slot(slots, "x")
    if not speaker or _NOT_A_SPEAKER.match(speaker):
        return None
    topic, story = split_rest(_slot(slots, "rest") or "")
    if _ANONYMOUS_REF.match(speaker.strip()):
        return Query(intent=Intent.ANONYMOUS, topic=topic, story=story)
    if topic and re.fullmatch(_SAY, topic, flags=re.I):
        topic = None
    audience = _AUDIENCE.match((_slot(slots, "rest") or "").strip())
    return Query(
        intent=intent,
        speaker=speaker_name(speaker),
        topic=topic,
        story=story,
        words=audience[1] if audience else None,  # "told reporters": a cue to tell namesakes apart
    )


_AUDIENCE = re.compile(
    r"^(?:to )?(?:the )?(reporters|journalists|press|reuters|media|council)\b", re.I
)


def _said(intent: Intent, slots: Slots) -> Query | None:
    words = (_slot(slots, "w") or "").strip(" ,.;:?!")
    words = re.sub(r"^(?:that|the words|the phrase|this)\s+", "", words, flags=re.I)
    about = re.match(
        r"^(?:something |anything )?(?:about|on|regarding|concerning)\s+(.+)$", words, re.I
    )
    if about:  # "who warned about sea-level rise?" asks who spoke of a topic
        return Query(intent=Intent.TOPIC, topic=topic_name(about[1]))
    quoted = re.search(r"(?:^|\s)[\"']([^\"']{3,})[\"'](?:\s|$)", f" {words} ")
    words = quoted[1] if quoted else words.strip("'")
    if not words.strip(" \"'") or words.lower() in {"what", "it", "that", "this"}:
        return None
    return Query(intent=intent, words=words.strip('"').strip())


def _disputes(intent: Intent, slots: Slots) -> Query | None:
    words = _slot(slots, "w")
    if words is not None:
        words = words.strip(' ,.;:?!"')
        words = re.sub(r"^(?:that|this|it|the claim that)\s*", "", words, flags=re.I)
    topic, story = split_rest(_slot(slots, "rest") or "")
    return Query(intent=intent, words=words or topic or None, story=story)


def _rest_only(intent: Intent, slots: Slots) -> Query:
    topic, story = split_rest(_slot(slots, "rest") or "")
    if intent is Intent.TOPIC and topic is None:
        intent = Intent.QUOTED  # "who said what" with no topic: everyone in the story
    return Query(intent=intent, topic=topic, story=story)


def _count(intent: Intent, slots: Slots) -> Query:
    kind = (_slot(slots, "count") or "").lower()
    count = None
    if kind:
        count = (
            "named"
            if kind
            in {"named", "on-the-record", "on the record", "on-record", "on record", "identified"}
            else "anonymous"
        )
    rest = _slot(slots, "rest") or ""
    stated = re.match(
        r"^\s*(?:were|are|was|is)\s+(named|anonymous|unnamed|identified)\b", rest, re.I
    )
    if stated and count is None:
        count = "named" if stated[1].lower() in {"named", "identified"} else "anonymous"
        rest = rest[stated.end() :]
    rest = re.sub(
        r"^\s*(?:are there|were there|did|does|do|were|are|is|has|have)\b\s*", "", rest, flags=re.I
    )
    rest = re.sub(r"\s+(?:have|has|use|uses|used|cite|cites|cited|quote|quotes|quoted)$", "", rest)
    _topic, story = split_rest(rest)
    if story is None and re.match(r"^\s*(?:in|on|for|of|does|did)\s+\S", rest):
        story = story_name(re.sub(r"^(?:in|on|for|of|does|did)\s+", "", rest.strip()))
    return Query(intent=intent, count=count, story=story)  # type: ignore[arg-type]


def _generic(intent: Intent, slots: Slots) -> Query | None:
    topic = _slot(slots, "t")
    if topic is not None:
        return Query(intent=intent, topic=topic_name(topic))
    speaker = _slot(slots, "x")
    if speaker is not None:
        return Query(intent=intent, speaker=speaker_name(speaker))
    return _rest_only(intent, slots)


def _about(intent: Intent, slots: Slots) -> Query | None:
    subject = _slot(slots, "x")
    return Query(
        intent=intent, speaker=speaker_name(subject or ""), topic=topic_name(subject or "")
    )


_BUILDERS: dict[Intent, Callable[[Intent, Slots], Query | None]] = {
    Intent.SPEAKER: _speaker,
    Intent.COMMENTED: _speaker,
    Intent.PROFILE: _generic,
    Intent.SAID: _said,
    Intent.DISPUTES: _disputes,
    Intent.SOURCE_COUNT: _count,
    Intent.TOPIC: _rest_only,
    Intent.NO_COMMENT: _rest_only,
    Intent.ANONYMOUS: _rest_only,
    Intent.QUOTED: _rest_only,
    Intent.SOURCES: _rest_only,
    Intent.ABOUT: _about,
}
