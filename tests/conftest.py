"""Shared fixtures: the shipped briefs, a store on a temporary SQLite file, a fixed clock."""

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
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """An empty store on a temporary SQLite file."""
    opened = await open_store(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield opened
    await opened.close()


@pytest.fixture
async def loaded_store(store: Store, briefs_dir: Path) -> Store:
    """A store holding every shipped brief."""
    report = await sync_folder(store, briefs_dir)
    assert report.ok, report.errors
    return store
