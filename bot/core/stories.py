"""Questions about stories: which article a loose name means, who gave no comment, what is
disputed, a briefing on a topic. These read whole summaries, of one story or of the newest
``RECENT`` articles, since the store indexes speakers and words but not sourcing notes."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from bot.core.articles import resolve_article
from bot.core.briefing import BriefingSpec, compose_briefing
from bot.core.library import ArticleRecord, Library, StatementRecord
from bot.core.replies import (
    AmbiguousAnswer,
    Answer,
    BriefingAnswer,
    DisputeItem,
    DisputesAnswer,
    NoCommentAnswer,
    NoCommentLine,
    NotFoundAnswer,
)
from bot.core.sourcing import RESPONSE_WORDS, DisputeLine
from bot.core.summary import Dispute, Summary
from bot.core.text import fold, name_key, search_words
from bot.core.topics import STOPWORDS, Topic, mentions, topic

RECENT = 50  # newest articles read for questions that span stories
STORY_CUTOFF = 0.5  # share of a story name's words its article must speak of
CLAIM_CUTOFF = 70.0


def record_of(summary: Summary) -> ArticleRecord:
    """The article's identity."""
    return ArticleRecord(summary.article.id, summary.article.title, summary.article.outlet)


def _pieces(summary: Summary) -> list[str]:
    article = summary.article
    return [
        article.title,
        article.outlet or "",
        " ".join(article.topics),
        article.id.replace("-", " "),
        summary.lede,
        *summary.key_points,
    ]


async def find_story(library: Library, name: str) -> ArticleRecord | Answer:
    """The article a loose name means ("Voltra", "the sea wall", "Reuters"), or why not."""
    resolved = await resolve_article(library, name)
    if isinstance(resolved, ArticleRecord):
        return resolved
    slug = "-".join(search_words(name))
    by_slug = [a for a in resolved if slug and slug in a.id]
    if len(by_slug) == 1:
        return by_slug[0]  # "the sea wall story": the one whose id is about the sea wall
    subject = topic(name)
    scored = [(mentions(subject, _pieces(s)), s) for s in await library.latest(RECENT)]
    scored = [(score, s) for score, s in scored if score >= STORY_CUTOFF]
    if not scored:
        return NotFoundAnswer(name, "article")
    best = max(score for score, _ in scored)
    top = [s for score, s in scored if score == best]
    if len(top) == 1:
        return record_of(top[0])
    return AmbiguousAnswer(
        name, "article", tuple(f"{s.article.id}: {s.article.title}" for s in top)
    )


async def summaries_for(library: Library, story: ArticleRecord | None) -> list[Summary]:
    """One story's summary, or the newest articles'."""
    if story is None:
        return await library.latest(RECENT)
    found = await library.summary(story.id)
    return [found] if found else []


async def no_comments(
    library: Library, query: str, story: ArticleRecord | None, subject: str | None = None
) -> NoCommentAnswer:
    """Who declined to comment or did not respond, in one story or the newest ones; with a
    subject, only the entries naming that speaker."""
    lines = []
    for summary in await summaries_for(library, story):
        for entry in summary.sourcing.no_comment:
            name = summary.speaker_name(entry.who)
            if subject is not None and not _same_speaker(summary, entry.who, subject):
                continue
            words = RESPONSE_WORDS[entry.response]
            lines.append(NoCommentLine(name, words, record_of(summary), entry.paragraph))
    return NoCommentAnswer(query, tuple(lines), subject=subject, story=story)


def _same_speaker(summary: Summary, ref: str, subject: str) -> bool:
    """Whether a no-comment entry names the speaker a question asks about."""
    wanted = name_key(subject)
    try:
        entry = summary.speaker(ref)
    except KeyError:
        return name_key(ref) == wanted
    names = [entry.name, *entry.aliases]
    if len(entry.name.split()) > 1:
        names.append(entry.name.split()[-1])
    return wanted in {name_key(n) for n in names} or wanted == entry.id.replace("-", " ")


async def disputes(library: Library, words: str | None, story: ArticleRecord | None) -> Answer:
    """Disputed claims: those like the words asked about, or all of a story's."""
    summaries = await summaries_for(library, story)
    if words:
        for record in await library.search(_content(words), mode="any", limit=20):
            summary = await library.summary(record.article_id)
            if summary is not None and summary.article.id not in {s.article.id for s in summaries}:
                summaries.append(summary)
    items = []
    for summary in summaries:
        for dispute in summary.sourcing.disputed:
            if words and not _about_claim(words, summary, dispute.claim, dispute.paragraph):
                continue
            items.append(_item(summary, dispute))
    if not items and words:
        return NotFoundAnswer(words, "dispute")
    return DisputesAnswer(words or "", tuple(items), story=story)


def _content(words: str) -> list[str]:
    return [w for w in search_words(words) if w not in STOPWORDS] or search_words(words)


def _about_claim(words: str, summary: Summary, claim: str, paragraph: int | None) -> bool:
    """Whether the words name this claim, or the statements it was made or disputed in."""
    texts = [claim] + [s.text for s in summary.statements if s.paragraph == paragraph]
    parties = [
        summary.speaker_name(s.speaker) for s in summary.statements if s.paragraph == paragraph
    ]
    if topic(words).score(" ".join(parties)) >= 0.99:  # "who pushed back on the finance officials"
        return True
    wanted = fold(words)
    return any(fuzz.token_set_ratio(wanted, fold(t)) >= CLAIM_CUTOFF for t in texts) or (
        topic(words).score(" ".join(texts)) >= 0.6
    )


def _item(summary: Summary, dispute: Dispute) -> DisputeItem:
    line = DisputeLine(
        dispute.claim,
        summary.speaker_name(dispute.claimed_by) if dispute.claimed_by else None,
        summary.speaker_name(dispute.disputed_by) if dispute.disputed_by else None,
        dispute.paragraph,
    )
    return DisputeItem(
        record_of(summary),
        line,
        claim_words=_words_of(summary, dispute.claimed_by, dispute.paragraph),
        dispute_words=_words_of(summary, dispute.disputed_by, dispute.paragraph),
    )


def _words_of(summary: Summary, ref: str | None, paragraph: int | None) -> StatementRecord | None:
    """The speaker's own statement in the dispute's paragraph, if the summary records one."""
    if ref is None:
        return None
    for statement in summary.statements:
        if statement.speaker == ref and (paragraph is None or statement.paragraph == paragraph):
            return StatementRecord.of(summary, statement, statement.speaker)
    return None


async def topic_briefing(
    library: Library, subject: Topic, *, now: dt.datetime, spec: BriefingSpec
) -> Answer:
    """A briefing of the newest articles about a topic."""
    scored = []
    for summary in await library.latest(RECENT):
        texts = [*_pieces(summary), *(s.text for s in summary.statements)]
        score = mentions(subject, texts)
        if score >= STORY_CUTOFF:
            scored.append(summary)
    if not scored:
        return NotFoundAnswer(subject.text, "topic")
    chosen = scored[: spec.max_items]
    title = f"Briefing: {subject.text}"
    briefing = compose_briefing(chosen, now=now, title=title, budget=spec.budget, topics=())
    return BriefingAnswer(briefing)
