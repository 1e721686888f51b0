"""Load the briefs folder: validate every YAML or JSON summary and sync it into the store.

Syncing is idempotent by content hash, so every command can call it first at almost no cost:
an unchanged file is not even parsed, a changed file replaces its article, a deleted file
removes it. A bad file is reported (file, field path, problem) and skipped; the others load,
and the last good version of a file that became bad stays in the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.core.summary import Summary
from bot.core.verify import check_quotes
from bot.errors import BriefError, describe_validation
from bot.store.base import Store

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".yaml", ".yml", ".json"})
IGNORED_NAMES = frozenset({"schema.json"})
MAX_FILE_BYTES = 5_000_000


@dataclass
class SyncReport:
    """What a sync did, and every problem it found."""

    loaded: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    errors: list[BriefError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file had an error."""
        return not self.errors


def brief_files(folder: Path) -> Iterator[Path]:
    """Summary files in a folder (not recursive), in name order."""
    if not folder.is_dir():
        raise BriefError(f"{folder}: briefs folder not found")
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in SUFFIXES and path.name not in IGNORED_NAMES and path.is_file():
            yield path


def file_hash(data: bytes) -> str:
    """Content hash of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def parse_summary(data: bytes, path: Path) -> Summary:
    """Parse and validate one summary document; errors name the file and field path."""
    if len(data) > MAX_FILE_BYTES:
        raise BriefError(f"{path}: file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,} limit")
    try:
        document = _decode(data, path)
    except (yaml.YAMLError, json.JSONDecodeError, UnicodeDecodeError) as err:
        raise BriefError(f"{path}: not valid {path.suffix.lstrip('.').upper()}: {err}") from err
    if not isinstance(document, dict):
        raise BriefError(
            f"{path}: expected a mapping at the top level, got {type(document).__name__}"
        )
    try:
        return Summary.model_validate(document)
    except ValidationError as err:
        raise BriefError(f"{path}: {describe_validation(err)}") from err


def _decode(data: bytes, path: Path) -> Any:
    text = data.decode("utf-8")
    if path.suffix.lower() == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


def load_folder(folder: Path) -> tuple[list[tuple[Path, Summary]], list[BriefError]]:
    """Parse every file of a folder without a store (``briefbot check``)."""
    good: list[tuple[Path, Summary]] = []
    errors: list[BriefError] = []
    for path in brief_files(folder):
        try:
            good.append((path, parse_summary(path.read_bytes(), path)))
        except BriefError as err:
            errors.append(err)
    errors += duplicate_ids(good)
    return good, errors


def duplicate_ids(loaded: list[tuple[Path, Summary]]) -> list[BriefError]:
    """An error for each file whose article id another file already uses."""
    owners: dict[str, Path] = {}
    errors = []
    for path, summary in loaded:
        first = owners.setdefault(summary.article.id, path)
        if first != path:
            errors.append(
                BriefError(f"{path}: article.id {summary.article.id!r} is already used by {first}")
            )
    return errors


async def sync_folder(store: Store, folder: Path) -> SyncReport:
    """Bring the store in line with the folder; returns what changed and what failed.

    Articles of files that are gone are removed first, so a renamed file keeps its article
    id; every new or changed file is then written in one transaction.
    """
    report = SyncReport()
    paths = {"file:" + str(path.resolve()): path for path in brief_files(folder)}
    stored = {o.origin: o for o in await store.origins() if o.origin.startswith("file:")}
    report.removed = [o.article_id for origin, o in stored.items() if origin not in paths]
    if report.removed:
        await store.remove(report.removed)
    owners = {o.article_id: origin for origin, o in stored.items() if origin in paths}
    changed: list[tuple[Summary, str, str | None]] = []
    for origin, path in paths.items():
        data = path.read_bytes()
        digest = file_hash(data)
        if origin in stored and stored[origin].content_hash == digest:
            report.unchanged += 1
            continue
        try:
            summary = parse_summary(data, path)
            _check_owner(summary, origin, owners, path)
        except BriefError as err:
            log.warning("%s", err)
            report.errors.append(err)
            continue
        report.warnings += [f"{path}: {m.describe()}" for m in check_quotes(summary)]
        changed.append((summary, digest, origin))
        owners[summary.article.id] = origin
        report.loaded.append(summary.article.id)
    if changed:
        await store.put_many(changed)
    log.info(
        "briefs synced: %d loaded, %d unchanged, %d removed, %d errors",
        len(report.loaded),
        report.unchanged,
        len(report.removed),
        len(report.errors),
    )
    return report


def _check_owner(summary: Summary, origin: str, owners: dict[str, str], path: Path) -> None:
    """Refuse a file whose article id belongs to another file."""
    owner = owners.get(summary.article.id)
    if owner is not None and owner != origin:
        raise BriefError(
            f"{path}: article.id {summary.article.id!r} is already used by {owner.removeprefix('file:')}"
        )
