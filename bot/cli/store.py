"""Store subcommands: copy an existing SQLite install into PostgreSQL."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from bot.cli.base import app, run_async

if TYPE_CHECKING:
    from bot.store.copy import CopyReport


@app.command("migrate-store")
def migrate_store(
    source: Annotated[
        str, typer.Option("--from", help="The SQLite store, e.g. sqlite:////var/lib/briefbot/db.")
    ],
    target: Annotated[
        str, typer.Option("--to", help="The PostgreSQL database, e.g. postgresql://host/briefbot.")
    ],
) -> None:
    """Copy articles, subscriptions, the delivery ledger and feed state into PostgreSQL.

    The source is read-only; re-running is safe (what is already there is kept or updated
    to the newer version); exit 0 when every source row is in the target, 1 if not.
    """
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    run_async(_migrate(source, target))


async def _migrate(source: str, target: str) -> int:
    from bot.store.copy import copy_store  # the store modules only for this command

    report = await copy_store(source, target, progress=lambda line: typer.echo(line, err=True))
    return _report(report)


def _report(report: CopyReport) -> int:
    """One line per table on stdout; exit 1 naming the tables that do not match."""
    for table in report.tables:
        verdict = "ok" if table.ok else "MISSING ROWS"
        typer.echo(
            f"{table.name}: {table.source} in source, {table.target} in target,"
            f" {table.copied} written: {verdict}"
        )
    for name in report.not_copied:
        typer.echo(f"{name}: not copied (not known to this version of migrate-store)")
    if report.ok:
        return 0
    bad = ", ".join(t.name for t in report.tables if not t.ok)
    typer.echo(f"error: the target lacks rows of {bad}", err=True)
    return 1
