"""Shared fixtures: the shipped briefs, a store (SQLite, or both stores: see
``tests/store/backends.py``), a fixed clock."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.summary import Summary
from bot.loader import parse_summary, sync_folder
from bot.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = ROOT / "briefs"
SEED_BRIEF = BRIEFS / "reuters-putin-aims-beyond-ukraine.yaml"
SEED_TEXT = Path(__file__).resolve().parent / "fixtures" / "putin-aims-beyond-ukraine.txt"
NOW = dt.datetime(2025, 12, 20, 7, 30, tzinfo=dt.UTC)

pytest_plugins = ("tests.store.backends",)  # store_url: SQLite, or both stores for store tests


@pytest.fixture
def seed_summary() -> Summary:
    """The hand-checked summary of the sample article."""
    return parse_summary(SEED_BRIEF.read_bytes(), SEED_BRIEF)


@pytest.fixture
def briefs_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped briefs folder."""
    target = tmp_path / "briefs"
    shutil.copytree(BRIEFS, target)
    return target


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    """An empty store: a temporary SQLite file, or PostgreSQL where parametrised."""
    opened = await open_store(store_url)
    yield opened
    await opened.close()


@pytest.fixture
async def loaded_store(store: Store, briefs_dir: Path) -> Store:
    """A store holding every shipped brief."""
    report = await sync_folder(store, briefs_dir)
    assert report.ok, report.errors
    return store
