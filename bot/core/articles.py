"""Naming an article in a command: by id, by a piece of its title, or the latest by default."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.core.library import ArticleRecord, Library
from bot.core.text import fold

TITLE_FUZZY_CUTOFF = 80.0


async def resolve_article(library: Library, query: str) -> ArticleRecord | list[ArticleRecord]:
    """The one article the query names, or the candidates (none, or several) when it is unclear."""
    articles = await library.articles()
    if not articles:
        return []
    wanted = fold(query).strip()
    if not wanted:
        return articles[0]
    by_id = [a for a in articles if a.id == wanted]
    if by_id:
        return by_id[0]
    in_title = [a for a in articles if wanted in fold(a.title)]
    if not in_title:
        in_title = [
            a for a in articles if fuzz.partial_ratio(wanted, fold(a.title)) >= TITLE_FUZZY_CUTOFF
        ]
    if len(in_title) == 1:
        return in_title[0]
    return in_title
