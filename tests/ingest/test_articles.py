"""Pages and files to article text: main text without boilerplate, metadata, refusals."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.errors import FetchError
from bot.ingest.articles import article_from_bytes, article_from_url
from bot.ingest.html import page_text
from bot.ingest.http import guarded_client
from bot.ingest.summarise import _extract, article_id_for, offline_summary
from bot.settings import IngestSettings
from tests.ingest.conftest import ARTICLE_HTML, LocalServer


def test_page_text_keeps_the_article_and_drops_the_boilerplate() -> None:
    page = page_text(ARTICLE_HTML, "https://courier.example/ferry")
    assert "voted on Tuesday to open a ferry line" in page.text
    assert '"This is the day the islands stop being an afterthought," said' in page.text
    for boilerplate in ("Subscribe now", "cookies", "Most read", "All rights reserved"):
        assert boilerplate not in page.text
    assert page.title == "Harbour council approves new ferry line"
    assert page.author == "Mira Okafor"
    assert page.published == dt.date(2025, 12, 18)
    assert page.text.count("\n\n") >= 3  # paragraphs stay apart for the extractor


def test_broken_html_still_yields_text_or_a_clear_error() -> None:
    broken = ARTICLE_HTML.replace("</p>", "").replace("</article>", "<div><span>")[:-200]
    page = page_text(broken)
    assert "ferry line" in page.text
    with pytest.raises(FetchError, match="no article text"):
        page_text("<html><body><div><<<>>> <p>tiny</body>")
    with pytest.raises(FetchError, match="no article text"):
        page_text("")


def test_plain_text_file() -> None:
    article = article_from_bytes(b"Title line\n\nSome text of the article.", name="a.txt")
    assert article.text.startswith("Title line")
    assert article.url is None


def test_html_file_goes_through_trafilatura() -> None:
    article = article_from_bytes(ARTICLE_HTML.encode(), name="a.html")
    assert article.title == "Harbour council approves new ferry line"
    assert "Most read" not in article.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary data"),
        (b"   \n\n\t  ", "empty"),
        (b"", "empty"),
    ],
)
def test_files_that_are_not_articles(data: bytes, problem: str) -> None:
    with pytest.raises(FetchError, match=problem):
        article_from_bytes(data, name="in.txt")


async def test_url_from_local_server_to_summary(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/news/ferry", ARTICLE_HTML)
    url = local_server.url("/news/ferry")
    async with guarded_client(ingest_settings, allow_private=True) as client:
        article = await article_from_url(client, url, ingest_settings)
    summary = await offline_summary(article)
    assert summary.article.id == article_id_for(url, article.title)
    assert summary.article.url == url
    assert summary.article.outlet == "Coastal Courier"
    assert summary.text is not None and "Most read" not in summary.text
    speakers = {summary.speaker_name(s.speaker) for s in summary.statements}
    assert any("Berg" in name for name in speakers)


def test_article_ids_are_stable_and_valid() -> None:
    first = article_id_for("https://a.example/x", "Harbour Council: Approves!")
    assert first == article_id_for("https://a.example/x", "Harbour Council: Approves!")
    assert first.startswith("harbour-council-approves-")
    assert first != article_id_for("https://a.example/y", "Harbour Council: Approves!")
    assert article_id_for("https://a.example/z", None).startswith("article-")


_BODY = (
    "<p>The harbour council voted on Tuesday to open a ferry line to the northern islands,"
    " ending years of debate.</p><p>Council leader Tomas Berg said the first boats would sail"
    " in the spring.</p>"
)


def _page(head: str = "", body: str = "") -> str:
    return (
        f"<html><head><title>Ferry line approved</title>{head}</head><body><article>"
        f"<h1>Ferry line approved</h1>{body}{_BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("page", "date"),
    [
        (_page('<meta property="article:published_time" content="2025-12-20T08:00:00Z">'),
         dt.date(2025, 12, 20)),
        (_page('<script type="application/ld+json">{"@context": "https://schema.org",'
               ' "@type": "NewsArticle", "datePublished": "2025-11-03T10:00:00+01:00"}</script>'),
         dt.date(2025, 11, 3)),
        (_page(body='<time datetime="2024-05-06T09:00">May 6</time>'), dt.date(2024, 5, 6)),
    ],
)  # fmt: skip
def test_dates_from_page_metadata_beat_the_text(page: str, date: dt.date) -> None:
    """article:published_time, JSON-LD datePublished, <time datetime>: the page's own date,
    before any date the text mentions and before --published."""
    dated = page.replace("<p>The harbour", "<p>Published Jan. 2, 2023. The harbour")
    article = article_from_bytes(dated.encode(), name="ferry.html")
    assert article.published == date
    summary = _extract(replace(article, fallback_published=dt.date(2020, 1, 1)))
    assert summary.article.published.date() == date


def test_a_page_without_date_metadata_is_dated_by_its_text() -> None:
    page = _page().replace("<p>The harbour", "<p>Published Dec. 20, 2025</p><p>The harbour")
    article = article_from_bytes(page.encode(), name="ferry.html")
    assert article.published is None
    summary = _extract(replace(article, fallback_published=dt.date(2020, 1, 1)))
    assert summary.article.published.date() == dt.date(2025, 12, 20)
