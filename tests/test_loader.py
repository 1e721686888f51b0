"""Loading the briefs folder: validation, idempotent sync by content hash, bad files isolated."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.summary import Summary
from bot.errors import BriefError
from bot.loader import load_folder, sync_folder
from bot.store import Store

SEED = "reuters-putin-aims-beyond-ukraine.yaml"


async def test_sync_is_idempotent(store: Store, briefs_dir: Path) -> None:
    first = await sync_folder(store, briefs_dir)
    assert sorted(first.loaded) == [
        "ledger-harbourton-sea-wall",
        "reuters-putin-aims-beyond-ukraine",
        "wire-voltra-ohio-plant",
    ]
    second = await sync_folder(store, briefs_dir)
    assert (second.loaded, second.unchanged, second.removed) == ([], 3, [])


async def test_changed_file_replaces_and_deleted_file_removes(
    store: Store, briefs_dir: Path
) -> None:
    await sync_folder(store, briefs_dir)
    seed = briefs_dir / SEED
    seed.write_text(
        seed.read_text("utf-8").replace(
            "title: US spy agencies say Putin aims beyond Ukraine", "title: Changed title"
        ),
        "utf-8",
    )
    changed = await sync_folder(store, briefs_dir)
    assert changed.loaded == ["reuters-putin-aims-beyond-ukraine"] and changed.unchanged == 2
    assert "Changed title" in [a.title for a in await store.articles()]
    (briefs_dir / "wire-voltra-ohio-plant.yaml").unlink()
    removed = await sync_folder(store, briefs_dir)
    assert removed.removed == ["wire-voltra-ohio-plant"]
    assert len(await store.articles()) == 2


async def test_bad_file_is_named_and_others_still_load(store: Store, briefs_dir: Path) -> None:
    (briefs_dir / "broken.yaml").write_text(
        "article: {id: broken, title: T, published: not-a-date}\nlede: L\nkey_points: [k]\n",
        "utf-8",
    )
    (briefs_dir / "garbage.json").write_text("{not json", "utf-8")
    (briefs_dir / "list.yml").write_text("- just\n- a list\n", "utf-8")
    report = await sync_folder(store, briefs_dir)
    messages = sorted(str(e) for e in report.errors)
    assert len(messages) == 3
    assert "broken.yaml: article.published: " in messages[0]
    assert "garbage.json: not valid JSON" in messages[1]
    assert "list.yml: expected a mapping at the top level, got list" in messages[2]
    assert len(report.loaded) == 3


async def test_bad_edit_keeps_the_last_good_version(store: Store, briefs_dir: Path) -> None:
    await sync_folder(store, briefs_dir)
    (briefs_dir / SEED).write_text("article: [", "utf-8")
    report = await sync_folder(store, briefs_dir)
    assert len(report.errors) == 1 and SEED in str(report.errors[0])
    assert await store.summary("reuters-putin-aims-beyond-ukraine") is not None


async def test_duplicate_article_id_is_refused(store: Store, briefs_dir: Path) -> None:
    (briefs_dir / "zz-copy.yaml").write_text((briefs_dir / SEED).read_text("utf-8"), "utf-8")
    report = await sync_folder(store, briefs_dir)
    (error,) = report.errors
    assert "zz-copy.yaml: article.id 'reuters-putin-aims-beyond-ukraine' is already used by" in str(
        error
    )
    _, errors = load_folder(briefs_dir)
    assert len(errors) == 1


async def test_unverifiable_quote_is_a_warning(store: Store, briefs_dir: Path) -> None:
    seed = briefs_dir / SEED
    seed.write_text(
        seed.read_text("utf-8").replace("Putin wants more", "Putin wants everything", 1), "utf-8"
    )
    report = await sync_folder(store, briefs_dir)
    assert report.ok
    assert any(
        "quoted words not found" in w and "Putin wants everything" in w for w in report.warnings
    )


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="briefs folder not found"):
        load_folder(tmp_path / "nope")


async def test_renamed_file_keeps_its_article(store: Store, briefs_dir: Path) -> None:
    await sync_folder(store, briefs_dir)
    (briefs_dir / SEED).rename(briefs_dir / "renamed.yaml")
    report = await sync_folder(store, briefs_dir)
    assert report.ok, report.errors
    assert report.removed == report.loaded == ["reuters-putin-aims-beyond-ukraine"]
    assert await store.summary("reuters-putin-aims-beyond-ukraine") is not None


HOSTILE = {
    # name: (content, what the report must say)
    "deep.json": ("[" * 1200 + "]" * 1200, "deep.json: not valid JSON: nested more than 64 levels"),
    "deep.yaml": ("a: " + "[" * 1200 + "]" * 1200 + "\n", "deep.yaml: not valid YAML: line 1"),
    "deep-block.yaml": (
        "".join(" " * i + "a:\n" for i in range(1500)),
        "deep-block.yaml: not valid YAML: line 64, column 64: nested more than 64 levels",
    ),
    "bigint.yaml": (
        "article: {id: big, title: T, published: 2025-01-01}\nlede: "
        + "9" * 5000
        + "\nkey_points: [k]\n",
        "bigint.yaml: not valid YAML: line 2, column 7: an integer longer than 4,300 digits",
    ),
    "bigint.json": (
        '{"lede": ' + "9" * 5000 + "}",
        "bigint.json: not valid JSON: an integer longer than 4,300 digits",
    ),
    "year-zero.yaml": (
        "article: {id: zero, title: T, published: 0000-01-01}\nlede: L\nkey_points: [k]\n",
        "year-zero.yaml: not valid YAML: line 1, column 42: year 0 is out of range",
    ),
    "year-one.yaml": (
        "article: {id: one, title: T, published: 0001-01-01T00:00:00+05:00}\n"
        "lede: L\nkey_points: [k]\n",
        "year-one.yaml: article.published: date is out of range once converted to UTC",
    ),
    "newline-key.json": (  # a key must not break the report line (or forge a log line)
        '{"forged\\nerror: x": 1}',
        "newline-key.json: article: Field required; "
        "lede: Field required; key_points: Field required; "
        "'forged\\nerror: x': Extra inputs are not permitted",
    ),
    "laughs.yaml": (  # each alias stands for the whole list before it: 10**k items
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 150)}]\n"
            for i in range(9)
        )
        + "lede: *j\n",
        "laughs.yaml: not valid YAML: line 8, column ",
    ),
}


def write_hostile(folder: Path) -> None:
    for name, (content, _) in HOSTILE.items():
        (folder / name).write_text(content, "utf-8")


async def test_hostile_files_are_reported_and_the_rest_load(store: Store, briefs_dir: Path) -> None:
    write_hostile(briefs_dir)
    report = await sync_folder(store, briefs_dir)
    messages = [str(e) for e in report.errors]
    for name, (_, expected) in HOSTILE.items():
        assert [m for m in messages if expected in m], (name, messages)
    assert len(messages) == len(HOSTILE)
    assert all("\n" not in m for m in messages)
    assert len(report.loaded) == 3


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (("check",), "", 1),
        (("preview",), "", 0),
        (("ask", "who Keller"), "", 0),
        (("run", "--console"), "who Keller\n", 0),
    ],
)
def test_hostile_files_never_stop_a_command(
    briefs_dir: Path, args: tuple[str, ...], stdin: str, code: int
) -> None:
    from tests.test_cli import briefbot

    write_hostile(briefs_dir)
    result = briefbot(briefs_dir.parent, *args, stdin=stdin)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    for _, expected in HOSTILE.values():
        assert expected in result.stderr
    if args[0] != "check":
        assert "Keller" in result.stdout


def test_database_url_in_a_missing_folder_is_an_error_not_a_new_tree(
    briefs_dir: Path, tmp_path: Path
) -> None:
    from tests.test_cli import briefbot

    missing = tmp_path / "nonexistent" / "deep" / "dir"
    result = briefbot(
        briefs_dir.parent, "ask", "who Keller", env={"DATABASE_URL": f"sqlite:///{missing}/db"}
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: cannot open SQLite database {missing}/db: folder {missing} does not exist"
    ]
    assert not (tmp_path / "nonexistent").exists()
    default = briefbot(briefs_dir.parent, "ask", "who Keller")  # the default folder is made
    assert default.returncode == 0 and (briefs_dir.parent / "data" / "briefbot.sqlite3").exists()


def bigger_brief(folder: Path) -> None:
    """A new brief large enough that storing it must grow the database file."""
    import yaml

    document = yaml.safe_load((folder / "wire-voltra-ohio-plant.yaml").read_text("utf-8"))
    document["article"]["id"] = "bigger"
    first = document["statements"][0]
    document["statements"] = [
        dict(first, text=f"statement {i} " + "word " * 50) for i in range(2000)
    ]
    (folder / "bigger.yaml").write_text(yaml.safe_dump(document), "utf-8")


def test_disk_full_after_the_database_exists_is_one_line_and_answers_go_on(
    briefs_dir: Path,
) -> None:
    import resource
    import signal

    from tests.test_cli import briefbot

    workdir = briefs_dir.parent
    assert briefbot(workdir, "preview").returncode == 0  # the database exists
    bigger_brief(briefs_dir)
    limit = 100_000  # bytes any file may grow to: the database (~300 kB) cannot grow

    def no_room() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "who Keller"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=no_room,  # the test process runs no other threads that fork could break
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Keller" in result.stdout  # the last good data still answers
    assert "Traceback" not in result.stderr
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith("error: briefs: not synced: cannot store articles: ")
    assert "is its disk full or failing?" in line


async def test_full_database_is_reported_and_keeps_the_last_good_data(
    store: Store, briefs_dir: Path
) -> None:
    await sync_folder(store, briefs_dir)
    connection = store._db  # type: ignore[attr-defined]  # SQLite's own way to fill a disk
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    bigger_brief(briefs_dir)
    report = await sync_folder(store, briefs_dir)
    (error,) = report.errors
    assert "not synced: cannot store articles: the disk holding the database is full" in str(error)
    assert report.loaded == []
    assert len(await store.articles()) == 3


async def _sync_steps(store: Store, folder: Path) -> int:
    """SQLite virtual-machine steps (in tens) that one sync of ``folder`` executes."""
    connection = store._db  # type: ignore[attr-defined]  # SQLite's own work counter
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    connection.set_progress_handler(count, 10)
    try:
        await sync_folder(store, folder)
    finally:
        connection.set_progress_handler(None, 0)
    return steps


async def test_sync_cost_does_not_grow_with_the_store(
    store: Store, tmp_path: Path, seed_summary: Summary
) -> None:
    """Issue 12: syncing an unchanged folder read every article row of the store."""
    empty = tmp_path / "empty-briefs"
    empty.mkdir()
    before = await _sync_steps(store, empty)
    bulk = []
    for number in range(300):  # articles from a bulk import: no file origin
        article = seed_summary.article.model_copy(update={"id": f"bulk-{number}"})
        bulk.append((seed_summary.model_copy(update={"article": article}), str(number), None))
    await store.put_many(bulk)
    after = await _sync_steps(store, empty)
    assert after <= before + 5, (before, after)
