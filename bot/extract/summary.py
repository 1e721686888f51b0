"""Assemble the structured ``Summary`` from what the extractor found.

The schema wants ids for speakers, people and sources kept apart, and a title and date for the
article; this module turns extracted statements into those entries and fills the article facts
the text gives (title line, byline, outlet, date).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from anyascii import anyascii

from bot.core.summary import (
    Article,
    Confidence,
    Dispute,
    Figure,
    NoComment,
    Origin,
    Person,
    Provenance,
    ResponseKind,
    Source,
    SourceKind,
    Sourcing,
    Statement,
    StatementKind,
    Summary,
)
from bot.core.text import without_invisible
from bot.extract import keypoints
from bot.extract.figures import FoundFigure, find_figures
from bot.extract.lexicon import ANON_WORDS
from bot.extract.meta import article_facts
from bot.extract.records import ExtractedStatement
from bot.extract.sources import find_dispute, find_no_comment
from bot.extract.speakers import SpeakerRef
from bot.extract.statements import Analysis, analyse

log = logging.getLogger(__name__)

TOOL = "briefbot-extract"
MAX_FIGURES = 6
#: Figures are looked for in the first sentences only: that is where news puts the key ones.
FIGURE_SENTENCES = 60
_SLUG = re.compile(r"[^a-z0-9]+")
_NOT_AFFILIATION = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "some",
        "several",
        "many",
        "other",
        "senior",
        "top",
        "former",
        "current",
        "unnamed",
        "anonymous",
    ]  # noqa: SIM905
)


def slug(name: str, taken: set[str] | None = None) -> str:
    """A schema id for a name, unique among ``taken`` (which it updates)."""
    ascii_name = anyascii(name).lower().replace("'", "").replace("’", "")
    base = _SLUG.sub("-", ascii_name).strip("-")[:100] or "speaker"
    if not base[0].isalnum():
        base = "x" + base
    candidate, n = base, 2
    while taken is not None and candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    if taken is not None:
        taken.add(candidate)
    return candidate


#: Forms of address that are no role: "Mr. Lind" says nothing about what Lind does.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam", "mme", "m"})
#: Lower-case words inside names ("Ursula von der Leyen").
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "bin", "al", "la", "le", "del", "da"})
#: Words a name form holds at most: "Lind", "Mr. Lind", "Sen. Tom Lind", "Tom van der Lind".
NAME_FORM_WORDS = 4


def name_form(phrase: str, name: str) -> str | None:
    """The name form in a speaker phrase ("Mr. Lind, 54" → "Mr. Lind"), if it names ``name``
    by its surname in capitalised words; None for pronouns ("he"), descriptions ("the
    engineer", "Council leader Tom Lind") and the full name itself."""
    head = re.sub(r"\s*\([^()]*\)", "", phrase.partition(",")[0]).strip(" .;:—–-")
    head = re.sub(r"[’']s?$", "", head)
    words = head.split()
    if not 0 < len(words) <= NAME_FORM_WORDS or head == name:
        return None
    if not all(w[:1].isupper() for w in words if w not in _PARTICLES):
        return None
    return head if words[-1].lower() == name.split()[-1].lower() else None


def _role(role: str | None) -> str | None:
    """The parts of a role worth showing: not a bare form of address ("Mr.") nor an age."""
    if not role:
        return None
    parts = [p.strip() for p in role.split(";")]
    kept = [
        p
        for p in parts
        if p
        and not p.isdigit()
        and not all(w.strip(".,").lower() in _HONORIFICS for w in p.split())
    ]
    return "; ".join(kept) or None


class _Person:
    """What the article says about one person so far: aliases and a role."""

    def __init__(self, ident: str, name: str) -> None:
        self.ident, self.name = ident, name
        self.aliases: dict[str, None] = {}
        self.role: str | None = None

    def seen(self, ref: SpeakerRef) -> None:
        """Learn from one more mention: a name form becomes an alias, the first real role
        (an apposition, a title) the role."""
        alias = name_form(ref.phrase, self.name) if ref.phrase and len(ref.phrase) < 80 else None
        if alias:
            self.aliases[alias] = None
        if self.role is None:
            self.role = _role(ref.role)

    def person(self) -> Person:
        return Person(id=self.ident, name=self.name, aliases=list(self.aliases), role=self.role)


class _Registry:
    """People and sources by display name, so each speaker gets one id."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.ids: dict[tuple[str, str], str] = {}
        self.persons: dict[str, _Person] = {}
        self.sources: list[Source] = []

    @property
    def people(self) -> list[Person]:
        """Every person met, in order of first mention."""
        return [entry.person() for entry in self.persons.values()]

    def speaker_id(self, st: ExtractedStatement) -> str | None:
        ref = st.ref
        if ref is None:
            return None
        if ref.kind in ("unknown", "pronoun"):  # an unresolved pronoun is an unknown speaker
            return self._unknown()
        kind = "person" if ref.kind == "person" else "source"
        key = (kind, st.speaker)
        if key not in self.ids:
            ident = slug(st.speaker, self.taken)
            self.ids[key] = ident
            if kind == "person":
                self.persons[ident] = _Person(ident, st.speaker)
            else:
                self.sources.append(_source(ident, st.speaker, ref))
        ident = self.ids[key]
        if kind == "person":
            self.persons[ident].seen(ref)
        return ident

    def _unknown(self) -> str:
        """One source for every quote whose speaker the article does not name."""
        key = ("source", "")
        if key not in self.ids:
            ident = slug("unknown speaker", self.taken)
            self.ids[key] = ident
            self.sources.append(Source(id=ident, name="Unknown speaker", kind=SourceKind.ANONYMOUS))
        return self.ids[key]


def _source(ident: str, name: str, ref: SpeakerRef) -> Source:
    """A non-person speaker; unnamed people keep their count and affiliation."""
    words = name.split()
    low = [w.lower().strip(",.") for w in words]
    if ref.kind == "document":
        kind = SourceKind.DOCUMENT
    elif ref.kind == "anonymous" or any(w in ANON_WORDS for w in low):
        kind = SourceKind.ANONYMOUS
    else:
        kind = SourceKind.ORGANISATION
    affiliation = None
    if kind is SourceKind.ANONYMOUS:
        anon = next((i for i, w in enumerate(low) if w in ANON_WORDS), len(words))
        between = [w for w in words[:anon] if w.lower() not in _NOT_AFFILIATION]
        affiliation = (
            " ".join(between).strip(" ,") if any(w[:1].isupper() for w in between) else None
        )
    count = ref.count if kind is SourceKind.ANONYMOUS else None
    return Source(
        id=ident, name=name[:1].upper() + name[1:], kind=kind, count=count, affiliation=affiliation
    )


def _statement(st: ExtractedStatement, speaker: str) -> Statement:
    return Statement(
        speaker=speaker,
        text=st.text,
        kind=StatementKind(st.kind),
        cue=(st.cue or None) and st.cue[:80],
        when=st.when,
        paragraph=st.paragraph,
        confidence=Confidence(st.confidence),
    )


def _figures(analysis: Analysis) -> list[Figure]:
    found: list[FoundFigure] = []
    for sentence in analysis.sentences[:FIGURE_SENTENCES]:
        figures = find_figures(sentence) if sentence.paragraph > 0 else []
        if figures and not keypoints.is_boilerplate(sentence.text):
            found.extend(figures)  # not '3 hours ago' of 'Published 3 hours ago'
    seen: set[str] = set()
    best = sorted(enumerate(found), key=lambda p: (-p[1].weight, p[0]))
    picked = []
    for index, fig in best:
        if fig.value not in seen:
            seen.add(fig.value)
            picked.append((index, fig))
        if len(picked) == MAX_FIGURES:
            break
    return [
        Figure(value=f.value, measure=f.measure, short=f.short, paragraph=f.paragraph)
        for _, f in sorted(picked, key=lambda p: p[0])
    ]


def _sourcing(analysis: Analysis) -> Sourcing:
    no_comment: list[NoComment] = []
    disputed: list[Dispute] = []
    claims = {st.start: st for st in analysis.statements}
    for sentence in analysis.sentences:
        for nc in find_no_comment(sentence):
            no_comment.append(
                NoComment(who=nc.who, response=ResponseKind(nc.response), paragraph=nc.paragraph)
            )
        dispute = find_dispute(sentence)
        if dispute:
            st = claims.get(dispute.start)
            disputed.append(
                Dispute(
                    claim=dispute.claim,
                    claimed_by=(st.speaker or None) if st else None,
                    disputed_by=dispute.disputed_by,
                    paragraph=dispute.paragraph,
                )
            )
    return Sourcing(no_comment=no_comment, disputed=disputed)


def extract_summary(
    text: str,
    *,
    article_id: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    default_published: dt.date | None = None,
) -> Summary:
    """A valid, machine-extracted ``Summary`` of raw article text (never raises on bad text).

    ``published`` is the source's own date (page metadata, a feed entry) and beats the text's;
    ``default_published`` is used only when neither gives one (``--published``)."""
    return build_summary(
        analyse(text),
        text,
        article_id=article_id,
        url=url,
        published=published,
        title=title,
        default_published=default_published,
    )


def _today(title: str) -> dt.date:
    """Today, for an article neither its source nor its text dates: said, never silent."""
    log.warning("no publication date in %r or its source: using today's (see --published)", title)
    return dt.datetime.now(dt.UTC).date()


def build_summary(
    analysis: Analysis,
    text: str,
    *,
    article_id: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    default_published: dt.date | None = None,
) -> Summary:
    """The summary for an article already analysed (the batch path reuses the analysis)."""
    text = without_invisible(text)  # as ``analyse`` read it: the offsets are into this text
    facts = article_facts(text, analysis.paragraphs, analysis.sentences, title=title, url=url)
    registry = _Registry()
    statements = []
    for st in analysis.statements:
        speaker = registry.speaker_id(st)
        if speaker is not None:
            statements.append(_statement(st, speaker))
    lede, points = keypoints.choose(analysis.sentences)
    lede = lede or facts.title
    # model_validate, not the constructor: mypy reads the date | datetime field as datetime.
    article = Article.model_validate(
        {
            "id": slug(article_id)
            if article_id
            else slug(facts.title)[:60].strip("-") or "article",
            "title": facts.title,
            "outlet": facts.outlet,
            "byline": facts.byline,
            "published": published or facts.published or default_published or _today(facts.title),
            "url": url if url and re.match(r"^https?://\S+$", url) else None,
        }
    )
    return Summary(
        article=article,
        lede=lede,
        key_points=points or [lede],
        people=registry.people,
        sources=registry.sources,
        statements=statements,
        sourcing=_sourcing(analysis),
        key_figures=_figures(analysis),
        provenance=Provenance(origin=Origin.EXTRACTOR, reviewed=False, tool=TOOL),
        text=text,
    )
