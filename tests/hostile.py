"""Hypothesis strategies for hostile article text and the answer values built from it.

Shared by the property tests of both renderers: every string an article or a feed can put in
front of a reader (titles, names, quotes, cues, outlets) is drawn from a mix of markup,
mention and link syntax of both platforms, bidi and zero-width characters, and arbitrary text,
long enough now and then to pass every platform limit.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from bot.core.answers import (
    AmbiguousAnswer,
    DisputesAnswer,
    HelpAnswer,
    NoCommentAnswer,
    NotFoundAnswer,
    ProfileAnswer,
    QuotesAnswer,
    SaidAnswer,
    SaidMatch,
    SpeakerAnswer,
    SpeakerGroup,
    TopicAnswer,
)
from bot.core.briefing import Briefing, BriefingItem, QuoteLine
from bot.core.library import ArticleRecord, SpeakerRecord, StatementRecord
from bot.core.replies import DisputeItem, NoCommentLine
from bot.core.sourcing import DisputeLine, SourceLine, SourcesAnswer
from bot.core.summary import StatementKind

FRAGMENTS = (
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123ABC>",
    "<@U1|name>",
    "<#C123|general>",
    "<!subteam^S1>",
    "<https://evil.example|click>",
    "<mailto:a@b.example|mail>",
    "[text](https://evil.example/a)",
    "[x](<https://evil.example>)",
    "](",
    "[",
    "]",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "</brief:123456789012345678>",
    "<t:1766200000:R>",
    "<:e:1>",
    "@everyone",
    "@here",
    "@\u200beveryone",
    "https://bare.example/x?a=1&b=2",
    "http://plain.example",
    "discord://-/channels/1",
    "steam://run/1",
    "www.evil.example",
    "*",
    "**",
    "_",
    "__",
    "~",
    "~~",
    "`",
    "```",
    "||",
    "\\",
    ">",
    ">>> ",
    "# ",
    "-# ",
    "- ",
    "1. ",
    "&amp;",
    "&lt;",
    "&",
    "<",
    ">",
    "|",
    ":",
    "//",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\x00",
    "\x1b[31m",
    "f***",
    "the_plan",
    "~20%",
    "U.S.",
    "Mr. Smith",
    "é",
    "ß",
    "ł",
    "👩‍👩‍👧",
    "\U0001f600",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
)


INVISIBLE = st.lists(st.sampled_from("\u200b\u202e\u2066\ufeff\u2060\u00ad"), min_size=1)


def hostile_text(max_parts: int = 12) -> st.SearchStrategy[str]:
    """Text made of hostile fragments and arbitrary characters; sometimes very long, sometimes
    only invisible characters (nothing left once cleaned)."""
    part = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))
    short = st.lists(part, min_size=1, max_size=max_parts).map("".join)
    long = st.tuples(short, st.integers(1, 400)).map(lambda p: p[0] * p[1])
    return st.one_of(short, short, short, long, INVISIBLE.map("".join)).filter(bool)


def maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


URLS = st.one_of(
    st.none(),
    st.sampled_from(["https://news.example/a?x=1&y=2", "http://news.example/b|c>d"]),
    st.sampled_from(["javascript:alert(1)", "data:text/html,x", "//evil.example", ""]),
)
TEXT = hostile_text()
NAMES = hostile_text(4)


@st.composite
def items(draw: st.DrawFn) -> BriefingItem:
    """One briefing item with every text field hostile."""
    return BriefingItem(
        article_id=draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,120}", fullmatch=True)),
        title=draw(TEXT),
        outlet=draw(maybe(NAMES)),
        byline=tuple(draw(st.lists(NAMES, max_size=3))),
        url=draw(URLS),
        points=tuple(draw(st.lists(TEXT, max_size=5))),
        figures=tuple(draw(st.lists(NAMES, max_size=4))),
        quotes=tuple(
            QuoteLine(draw(NAMES), draw(TEXT), draw(st.integers(0, 99)))
            for _ in range(draw(st.integers(0, 4)))
        ),
        no_comment=tuple(draw(st.lists(NAMES, max_size=3))),
        disputed=tuple(draw(st.lists(TEXT, max_size=3))),
    )


briefings = st.builds(
    Briefing,
    title=NAMES,
    date=st.just(dt.date(2025, 12, 20)),
    items=st.lists(items(), max_size=8).map(tuple),
    omitted=st.integers(0, 5),
)

articles = st.builds(
    ArticleRecord,
    id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,120}", fullmatch=True),
    title=TEXT,
    outlet=maybe(NAMES),
)

statements = st.builds(
    StatementRecord,
    article_id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,120}", fullmatch=True),
    article_title=TEXT,
    outlet=maybe(NAMES),
    speaker_key=NAMES,
    speaker_name=NAMES,
    speaker_role=maybe(NAMES),
    text=TEXT,
    kind=st.sampled_from(list(StatementKind)),
    cue=maybe(NAMES),
    when=maybe(NAMES),
    paragraph=st.integers(0, 200),
    verified=st.one_of(st.none(), st.booleans()),
)

speakers = st.builds(
    SpeakerRecord,
    key=NAMES,
    name=NAMES,
    is_person=st.booleans(),
    anonymous=st.booleans(),
    role=maybe(NAMES),
    count=st.one_of(st.none(), st.integers(1, 10)),
    article_id=st.none(),
)

disputes = st.builds(
    DisputeLine, claim=TEXT, claimed_by=maybe(NAMES), disputed_by=maybe(NAMES), paragraph=st.none()
)
source_lines = st.builds(
    SourceLine,
    name=NAMES,
    detail=maybe(NAMES),
    people=st.one_of(st.none(), st.integers(1, 9)),
    statements=st.integers(0, 9),
)

answers = st.one_of(
    st.builds(HelpAnswer, problem=maybe(TEXT)),
    st.builds(
        NotFoundAnswer,
        query=TEXT,
        what=st.sampled_from(["speaker", "words", "article", "topic", "dispute", "articles", "x"]),
        suggestions=st.lists(NAMES, max_size=5).map(tuple),
    ),
    st.builds(
        AmbiguousAnswer,
        query=TEXT,
        what=st.sampled_from(["speaker", "article"]),
        candidates=st.lists(TEXT, min_size=1, max_size=8).map(tuple),
    ),
    st.builds(
        SpeakerAnswer,
        query=TEXT,
        speakers=st.lists(speakers, min_size=1, max_size=3).map(tuple),
        statements=st.lists(statements, max_size=12).map(tuple),
        total=st.integers(0, 99),
        approximate=st.booleans(),
        note=maybe(TEXT),
        topic=maybe(NAMES),
    ),
    st.builds(
        SaidAnswer,
        query=TEXT,
        matches=st.lists(
            st.builds(
                SaidMatch,
                statement=statements,
                exact=st.booleans(),
                score=st.floats(0, 100),
                approximate=st.booleans(),
                dispute=st.one_of(st.none(), disputes),
            ),
            min_size=1,
            max_size=5,
        ).map(tuple),
    ),
    st.builds(
        QuotesAnswer,
        article=articles,
        groups=st.lists(
            st.builds(
                SpeakerGroup,
                name=NAMES,
                role=maybe(NAMES),
                statements=st.lists(statements, min_size=1, max_size=4).map(tuple),
            ),
            max_size=6,
        ).map(tuple),
    ),
    st.builds(
        SourcesAnswer,
        article=articles,
        named=st.lists(source_lines, max_size=8).map(tuple),
        anonymous=st.lists(source_lines, max_size=8).map(tuple),
        no_comment=st.lists(NAMES, max_size=4).map(tuple),
        disputed=st.lists(disputes, max_size=4).map(tuple),
        focus=st.sampled_from([None, "anonymous", "named", "all"]),
    ),
    st.builds(
        ProfileAnswer,
        query=TEXT,
        speaker=speakers,
        names=st.lists(NAMES, max_size=4).map(tuple),
        articles=st.lists(articles, max_size=6).map(tuple),
        total=st.integers(0, 99),
    ),
    st.builds(
        NoCommentAnswer,
        query=TEXT,
        lines=st.lists(
            st.builds(
                NoCommentLine,
                name=NAMES,
                response=st.sampled_from(["declined to comment", "did not respond"]),
                article=articles,
                paragraph=st.one_of(st.none(), st.integers(0, 50)),
            ),
            max_size=6,
        ).map(tuple),
        subject=maybe(NAMES),
        story=st.one_of(st.none(), articles),
    ),
    st.builds(
        DisputesAnswer,
        query=TEXT,
        items=st.lists(
            st.builds(
                DisputeItem,
                article=articles,
                dispute=disputes,
                claim_words=st.one_of(st.none(), statements),
                dispute_words=st.one_of(st.none(), statements),
            ),
            max_size=5,
        ).map(tuple),
        story=st.one_of(st.none(), articles),
    ),
    st.builds(
        TopicAnswer,
        topic=NAMES,
        statements=st.lists(statements, max_size=12).map(tuple),
        total=st.integers(0, 99),
        story=st.one_of(st.none(), articles),
        anonymous_only=st.booleans(),
    ),
)
