"""Property tests over feed parsing: any body a server sends is entries, summaries with one
problem line per bad item, or one FetchError line; never another exception (issue 13)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.errors import FetchError
from bot.ingest.feeds import parse_feed, parse_json_summaries
from bot.ingest.fetch import Fetched
from bot.loader import parse_summary
from tests.conftest import SEED_BRIEF

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
URL = "http://feeds.example/feed"
SEED: dict[str, Any] = parse_summary(SEED_BRIEF.read_bytes(), SEED_BRIEF).model_dump(mode="json")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
XML_ALPHABET = "<>/=\"' &;#!?[]-abcdefghilmnoprstuvx:.0123456789\n\u00e9"
XML_PIECES = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        '<rss version="2.0">',
        "<channel>",
        "<item>",
        "<guid>",
        "</guid>",
        "<link>",
        "http://a.example/x",
        "</link>",
        "<title>",
        "</title>",
        "</item>",
        "</channel>",
        "</rss>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        "<id>",
        "</id>",
        "</entry>",
        "</feed>",
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
        "&a;",
        "<![CDATA[",
        "]]>",
        "<pubDate>Thu, 18 Dec 2025 09:00:00 GMT</pubDate>",
        "<pubDate>0000-00-00</pubDate>",
        "javascript:alert(1)",
    ]
)


def fetched(body: bytes, media_type: str = "application/xml") -> Fetched:
    return Fetched(URL, 200, media_type, None, body, {})


def test_an_entry_dated_in_no_calendar_is_kept_undated() -> None:
    """hypothesis found it: feedparser reads 0000-00-00 as the year -1, which no datetime
    holds; the entry stays, without a date."""
    body = b"<entry><pubDate>0000-00-00</pubDate><link>http://a.example/x</link></entry>"
    (entry,) = parse_feed(fetched(body)).entries
    assert entry.link == "http://a.example/x" and entry.published is None


def one_line(err: Exception) -> None:
    assert str(err) and "\n" not in str(err), str(err)


@BOUNDED
@given(body=st.binary(max_size=3000))
def test_any_bytes_as_a_feed(body: bytes) -> None:
    for parse in (parse_feed, parse_json_summaries):
        try:
            parse(fetched(body))
        except FetchError as err:
            assert URL in str(err)


@BOUNDED
@given(
    pieces=st.lists(
        XML_PIECES | st.text(alphabet=XML_ALPHABET, max_size=20),
        max_size=40,
    )
)
def test_xml_shaped_bodies_give_entries_with_ids_or_one_error(pieces: list[str]) -> None:
    try:
        parsed = parse_feed(fetched("".join(pieces).encode("utf-8", "surrogatepass")))
    except FetchError as err:
        one_line(err)
        return
    for entry in parsed.entries:
        assert entry.entry_id
        assert entry.link is None or entry.link.startswith(("http://", "https://"))


@BOUNDED
@given(items=st.lists(json_values, max_size=5), wrap=st.booleans())
def test_json_endpoints_of_any_items(items: list[Any], wrap: bool) -> None:
    document: Any = {"summaries": [SEED, *items]} if wrap else [SEED, *items]
    summaries, problems = parse_json_summaries(fetched(json.dumps(document).encode()))
    assert summaries[0].article.id == SEED["article"]["id"]
    assert len(summaries) + len(problems) == 1 + len(items)
    for problem in problems:
        assert problem.startswith(f"{URL} summaries[") and "\n" not in problem


@settings(BOUNDED, max_examples=40)
@given(depth=st.integers(1, 5000), opener=st.sampled_from(["[", '{"a": ']))
def test_json_nesting_of_any_depth_is_one_error_for_that_feed(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    body = ('{"summaries": ' + opener * depth + closer * depth + "}").encode()
    try:
        parse_json_summaries(fetched(body, "application/json"))
    except FetchError as err:
        one_line(err)
