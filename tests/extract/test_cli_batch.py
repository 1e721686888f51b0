"""``briefbot extract`` gives the same summary from a file, stdin, a URL and a JSONL batch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from bot.cli import app
from tests.ingest.conftest import ARTICLE_HTML, LocalServer, local_server  # noqa: F401

TEXT = (
    "Harbour council approves new ferry line\n\n"
    "The harbour council voted on Tuesday to open a ferry line to the northern islands.\n\n"
    '"This is the day the islands stop being an afterthought," said Council Leader Tomas Berg.\n\n'
    '"We have waited for a boat that runs on time for far too long," he added.\n'
)


def _config(tmp_path: Path, extra: str = "") -> str:
    path = tmp_path / "briefbot.toml"
    path.write_text(
        f'briefs_dir = "{tmp_path / "briefs"}"\ndata_dir = "{tmp_path / "data"}"\n{extra}',
        encoding="utf-8",
    )
    return str(path)


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    """A summary without what names its source (id, text) rather than what it says."""
    document = dict(document)
    document["article"] = {k: v for k, v in document["article"].items() if k != "id"}
    document.pop("text", None)
    return document


def test_file_stdin_and_jsonl_give_the_same_summary(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    article = tmp_path / "ferry.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, from_file, _ = _run("extract", str(article), "--published", "2025-12-20", "-c", cfg)
    assert code == 0
    code, from_stdin, _ = _run(
        "extract", "-", "--published", "2025-12-20", "-c", cfg, stdin=TEXT.encode()
    )
    assert code == 0
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "ferry", "text": TEXT}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = _run(
        "extract", "--jsonl", str(batch), "--out", str(out), "--published", "2025-12-20", "-c", cfg
    )
    assert code == 0, err
    written = yaml.safe_load((out / "ferry.yaml").read_text("utf-8"))
    assert f"wrote {out / 'ferry.yaml'}" in err
    file_doc, stdin_doc = yaml.safe_load(from_file), yaml.safe_load(from_stdin)
    assert _comparable(file_doc) == _comparable(stdin_doc) == _comparable(written)
    assert str(written["article"]["published"]).startswith("2025-12-20")
    assert any(st["speaker"] == "tomas-berg" for st in written["statements"])


def test_jsonl_from_stdin_and_published_default(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": TEXT}),
        json.dumps({"id": "a2", "text": TEXT, "published": "2024-03-01"}),
    ]
    stdin = ("\n".join(lines) + "\n").encode()
    code, out, err = _run(
        "extract", "--jsonl", "-", "--published", "2025-12-20", "-c", _config(tmp_path), stdin=stdin
    )
    assert code == 0, err
    results = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert results["a1"]["article"]["published"].startswith("2025-12-20")
    assert results["a2"]["article"]["published"].startswith(
        "2024-03-01"
    )  # the line's own date wins
    assert results["a1"]["statements"][0]["speaker"] == "Tomas Berg"


def test_jsonl_refuses_a_bad_date_and_a_second_source(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    code, _, err = _run("extract", "--jsonl", "-", "--published", "20/12/2025", "-c", cfg)
    assert code == 2 and "--published" in err
    code, _, err = _run("extract", "x.txt", "--jsonl", "-", "-c", cfg)
    assert code == 2 and "not both" in err


def test_url_and_html_file_give_the_same_summary(
    tmp_path: Path,
    local_server: LocalServer,  # noqa: F811
) -> None:
    local_server.serve("/ferry", ARTICLE_HTML)
    cfg = _config(tmp_path, "allow_private_addresses = true\n")
    code, from_url, err = _run("extract", local_server.url("/ferry"), "-c", cfg)
    assert code == 0, err
    page = tmp_path / "ferry.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    code, from_file, err = _run("extract", str(page), "-c", cfg)
    assert code == 0, err
    url_doc, file_doc = yaml.safe_load(from_url), yaml.safe_load(from_file)
    url_doc["article"].pop("url", None)
    assert _comparable(url_doc) == _comparable(file_doc)
