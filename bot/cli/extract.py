"""Ingestion subcommands: ``extract`` (one article to a summary) and ``poll`` (feeds once)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.cli.base import ConfigOption, app, fail, run_async, settings_from

if TYPE_CHECKING:  # ingestion (trafilatura, httpx) is imported only by the commands using it
    from bot.core.summary import Summary
    from bot.ingest.poll import FeedReport
    from bot.ingest.summarise import ArticleText
    from bot.settings import Secrets, Settings


def summary_yaml(summary: Summary) -> str:
    """A summary as the YAML a brief file holds (empty fields left out)."""
    import yaml

    document = summary.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def read_source(source: str, max_bytes: int) -> tuple[bytes, str]:
    """The bytes of a file or of stdin ('-'), refused past the size limit."""
    from bot.errors import FetchError

    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "stdin"
    else:
        path = Path(source)
        if not path.is_file():
            raise FetchError(f"{source}: file not found")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
        name = source
    if len(data) > max_bytes:
        raise FetchError(f"{name} is too large: over the {max_bytes:,} byte limit")
    return data, name


async def _article(settings: Settings, source: str) -> ArticleText:
    from bot.ingest.articles import article_from_bytes, article_from_url
    from bot.ingest.http import guarded_client

    if source.startswith(("http://", "https://")):
        async with guarded_client(
            settings.ingest, allow_private=settings.allow_private_addresses
        ) as client:
            return await article_from_url(client, source, settings.ingest)
    data, name = read_source(source, settings.ingest.max_bytes)
    return article_from_bytes(data, name=name)


async def _extract(
    settings: Settings,
    secrets: Secrets,
    source: str,
    out: Path | None,
    published: dt.date | None = None,
) -> int:
    from bot.ingest.model import open_summariser

    article = await _article(settings, source)
    if published is not None:  # the page's or the text's own date still comes first
        article = dataclasses.replace(article, fallback_published=published)
    async with open_summariser(settings, secrets) as summarise:
        summary = await summarise(article)
    text = summary_yaml(summary)
    if out is None:
        typer.echo(text, nl=False)
        return 0
    typer.echo(f"wrote {write_summary(out, summary.article.id, text)}", err=True)
    return 0


def write_summary(folder: Path, article_id: str, text: str) -> Path:
    """Write ``<article id>.yaml`` into the folder, which is made if missing."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{article_id}.yaml"
    target.write_text(text, encoding="utf-8")
    return target


@app.command()
def extract(
    source: Annotated[
        str | None, typer.Argument(help="An article: a text or HTML FILE, a URL, or - for stdin.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write <article id>.yaml into this folder (e.g. briefs/).",
            file_okay=False,
        ),
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            "--jsonl",
            help='Batch: lines of {"id", "text"} in (a file, or - for stdin), one summary line '
            "out each; with --out, one brief file each instead.",
            dir_okay=False,
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date YYYY-MM-DD, when neither the text nor the page gives one "
            "(otherwise today's date is used).",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="--jsonl: worker processes (0: one per core).",
            show_default=True,
        ),
    ] = 1,
    config: ConfigOption = None,
) -> None:
    """Turn an article into a structured summary (machine-extracted, marked for review)."""
    try:
        date = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise fail(f"--published {published!r}: expected a date like 2025-12-20") from None
    if jsonl is not None:
        if source is not None:
            raise fail("give either a FILE/URL/- or --jsonl IN.jsonl, not both")
        raise typer.Exit(_jsonl(jsonl, out, date, jobs))
    if source is None:
        raise fail("give a FILE, a URL or - (stdin), or --jsonl IN.jsonl")
    settings, secrets = settings_from(config)
    run_async(_extract(settings, secrets, source, out, date))


def _jsonl(path: Path, out: Path | None, published: dt.date | None, jobs: int = 1) -> int:
    """Batch extraction by the extractor's own runner; 1 when any line failed.

    Each line gets the summary ``briefbot extract FILE`` gives for its text; ``--out`` writes
    them as brief files and ``--published`` dates the lines that carry no date. Progress goes
    to stderr: a bar with the total and the time left on a terminal, plain lines (with the
    total and ETA too) when piped.
    """
    import os

    from bot.cli.progress import BarProgress, is_terminal
    from bot.extract.jsonl import PlainProgress, run_jsonl

    sink = None
    if out is not None:
        folder = out

        def sink(summary: Summary) -> None:
            target = write_summary(folder, summary.article.id, summary_yaml(summary))
            typer.echo(f"wrote {target}", err=True)

    options: dict[str, Any] = {"published": published, "on_summary": sink}
    if str(path) == "-":  # no total to show: plain lines with a running count
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        workers = jobs or os.cpu_count() or 1
        return 1 if run_jsonl(stdin, sys.stdout, sys.stderr, jobs=workers, **options) else 0
    if not path.is_file():
        raise fail(f"{path}: file not found")
    total = _count_lines(path)
    workers = jobs or os.cpu_count() or 1
    with path.open(encoding="utf-8", errors="replace") as lines:
        if is_terminal(sys.stderr):
            with BarProgress(sys.stderr, total) as bar:
                failed: int = run_jsonl(
                    lines, sys.stdout, sys.stderr, jobs=workers, progress=bar, **options
                )
        else:
            every = max(1, min(100, total // 20))  # about every 5 %
            plain = PlainProgress(sys.stderr, every=every, total=total)
            failed = run_jsonl(
                lines, sys.stdout, sys.stderr, jobs=workers, progress=plain, **options
            )
    return 1 if failed else 0


def _count_lines(path: Path) -> int:
    """Non-empty lines, for the progress total (a fast pass over bytes)."""
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


@app.command()
def poll(config: ConfigOption = None) -> None:
    """Poll every configured feed once; new articles join the store and the briefings."""
    settings, secrets = settings_from(config)
    run_async(_poll(settings, secrets))


async def _poll(settings: Settings, secrets: Secrets) -> int:
    from bot import app as application
    from bot.ingest.http import guarded_client
    from bot.ingest.model import open_summariser
    from bot.ingest.poll import poll_feeds

    if not settings.feeds:
        typer.echo("no feeds configured ([[feeds]] in the config file)", err=True)
        return 0
    async with (
        application.open_context(settings, secrets) as context,
        guarded_client(settings.ingest, allow_private=settings.allow_private_addresses) as client,
        open_summariser(settings, secrets) as summarise,
    ):
        reports = await poll_feeds(
            context, client, summarise=summarise, on_report=_print_feed_report
        )
    return 1 if any(r.problems for r in reports) else 0


def _print_feed_report(report: FeedReport) -> None:
    """One line per feed as soon as it is done: a slow feed does not hide the others."""
    state = "not modified" if report.not_modified else f"{len(report.added)} new"
    typer.echo(f"{report.feed}: {state}, {report.known} known, {len(report.problems)} problem(s)")
    for problem in report.problems:
        typer.echo(f"  problem: {problem}", err=True)
