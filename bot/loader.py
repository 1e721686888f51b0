"""Load the briefs folder: validate every YAML or JSON summary and sync it into the store.

Syncing is idempotent by content hash, so every command can call it first at almost no cost:
an unchanged file is not even parsed, a changed file replaces its article, a deleted file
removes it. A bad file is reported (file, field path, problem) and skipped; the others load,
and the last good version of a file that became bad stays in the store.

A brief is untrusted input like any other: nesting deeper than ``MAX_DEPTH``, more than
``MAX_ALIASES`` YAML aliases, an integer too long to convert or a date out of range is a
reported problem of that one file, never an exception that stops the other files loading.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import sys
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.core.summary import Summary
from bot.core.verify import check_quotes
from bot.errors import BriefbotError, BriefError, describe_validation
from bot.store.base import Store, StoreError

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".yaml", ".yml", ".json"})
IGNORED_NAMES = frozenset({"schema.json"})
MAX_FILE_BYTES = 5_000_000
#: A summary is at most four levels deep; anything near Python's recursion limit is hostile.
MAX_DEPTH = 64
#: Aliases let a small YAML file stand for an exponentially large document ("billion laughs").
MAX_ALIASES = 1_000


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader whose composer (the only recursive step) refuses deep nesting and alias bombs.

    The parser and constructor of PyYAML are iterative; ``compose_node`` recurses once per
    level, so bounding it here turns a RecursionError into a plain YAML error.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                self._refuse(f"more than {MAX_ALIASES:,} aliases")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _refuse(self, problem: str) -> None:
        mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        raise yaml.composer.ComposerError(None, None, problem, mark)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Scalars that Python cannot hold (year 0, a 5,000-digit integer) become YAML errors
        that point at the line, instead of a ValueError with no location."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as err:
            raise yaml.constructor.ConstructorError(
                None, None, _plain(err), node.start_mark
            ) from err


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
    except RecursionError as err:
        raise BriefError(
            f"{path}: not valid {_kind(path)}: nested more than {MAX_DEPTH} levels deep"
        ) from err
    except (yaml.YAMLError, ValueError, OverflowError) as err:
        # ValueError covers JSONDecodeError, UnicodeDecodeError, integers over Python's digit
        # limit and dates out of range (year 0) raised while the document is built.
        raise BriefError(f"{path}: not valid {_kind(path)}: {_one_line(err)}") from err
    if not isinstance(document, dict):
        raise BriefError(
            f"{path}: expected a mapping at the top level, got {type(document).__name__}"
        )
    try:
        return Summary.model_validate(document)
    except ValidationError as err:
        raise BriefError(f"{path}: {describe_validation(err)}") from err


def _kind(path: Path) -> str:
    return "JSON" if path.suffix.lower() == ".json" else "YAML"


def _one_line(err: Exception) -> str:
    """One line: 'line 3, column 7: problem' (PyYAML's own text spans lines and quotes code)."""
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        mark = err.problem_mark
        problem = " ".join(filter(None, (err.context, err.problem))) or "invalid"
        return f"line {mark.line + 1}, column {mark.column + 1}: {' '.join(problem.split())}"
    return " ".join(_plain(err).split())


def _plain(err: Exception) -> str:
    """The error in a brief writer's words (Python's digit limit advice is for programmers)."""
    text = str(err)
    if "integer string conversion" in text:
        return f"an integer longer than {sys.get_int_max_str_digits():,} digits"
    return text


def _decode(data: bytes, path: Path) -> Any:
    text = data.decode("utf-8")
    if path.suffix.lower() == ".json":
        document = json.loads(text)
        if nesting_depth(document) > MAX_DEPTH:
            raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
        return document
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def nesting_depth(document: Any) -> int:
    """How deeply lists and mappings nest (iteratively: the input may be hostile)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Iterable[Any] = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


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
    stored = {o.origin: o for o in await store.origins("file:")}
    removed = [o.article_id for origin, o in stored.items() if origin not in paths]
    if removed and await _stored(report, folder, store.remove(removed)):
        report.removed = removed
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
    if changed and not await _stored(report, folder, store.put_many(changed)):
        report.loaded = []
    log.info(
        "briefs synced: %d loaded, %d unchanged, %d removed, %d errors",
        len(report.loaded),
        report.unchanged,
        len(report.removed),
        len(report.errors),
    )
    return report


async def _stored(report: SyncReport, folder: Path, write: Awaitable[None]) -> bool:
    """Run a write; a store failure (a full disk) is reported and the command goes on.

    Reads still work on the last good data, so ``ask`` answers and ``run`` keeps serving.
    """
    try:
        await write
    except StoreError as err:
        log.error("briefs in %s not synced: %s", folder, err)
        report.errors.append(BriefError(f"{folder}: not synced: {err}"))
        return False
    return True


def _check_owner(summary: Summary, origin: str, owners: dict[str, str], path: Path) -> None:
    """Refuse a file whose article id belongs to another file."""
    owner = owners.get(summary.article.id)
    if owner is not None and owner != origin:
        raise BriefError(
            f"{path}: article.id {summary.article.id!r} is already used by {owner.removeprefix('file:')}"
        )


#: While the bot runs, the folder is also fully resynced this often, in case a change
#: notification was lost (network file systems, a folder replaced wholesale).
RESYNC_SECONDS = 60.0


def _brief_change(_change: object, path: str) -> bool:
    """watchfiles filter: only files that ``brief_files`` would read."""
    name = Path(path).name
    return Path(name).suffix.lower() in SUFFIXES and name not in IGNORED_NAMES


async def watch_folder(
    store: Store,
    folder: Path,
    on_sync: Callable[[SyncReport], None],
    stop: asyncio.Event,
    *,
    debounce_ms: int = 300,
    resync_seconds: float = RESYNC_SECONDS,
) -> None:
    """Resync the folder whenever a brief in it is added, edited or removed, until ``stop``.

    ``on_sync`` sees the report of each sync that a change started. File system events come
    from watchfiles (inotify and friends; ``WATCHFILES_FORCE_POLLING=1`` for file systems
    without them); a quiet folder is still resynced every ``resync_seconds``. If watching
    fails (the folder was removed), the folder is polled on that interval instead.
    """
    import watchfiles  # only the running bot watches; one-shot commands never import it

    try:
        async for changes in watchfiles.awatch(
            folder,
            watch_filter=_brief_change,
            debounce=debounce_ms,
            stop_event=stop,
            recursive=False,
            rust_timeout=int(resync_seconds * 1000),
            yield_on_timeout=True,
        ):
            await _resync(store, folder, on_sync if changes else None)
    except (OSError, RuntimeError) as err:  # watchfiles reports a lost watch as these
        log.warning("watching %s failed (%s); polling every %gs", folder, err, resync_seconds)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), resync_seconds)
            if not stop.is_set():
                await _resync(store, folder, on_sync)


async def _resync(store: Store, folder: Path, on_sync: Callable[[SyncReport], None] | None) -> None:
    """One sync for the watcher: a failure is logged and the watching goes on."""
    try:
        report = await sync_folder(store, folder)
    except BriefbotError as err:  # the folder vanished, the store failed
        log.warning("briefs not synced: %s", err)
        return
    if on_sync is not None:
        on_sync(report)
