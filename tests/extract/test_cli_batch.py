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


DATED = TEXT.replace("\n\n", "\n\nPublished Dec. 20, 2025\n\n", 1)


def _brief(text: str) -> dict[str, Any]:
    return _comparable(yaml.safe_load(text))


def _without_none(value: Any) -> Any:
    """JSON lines keep empty fields as null; brief files leave them out."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def _jsonl_line(document: dict[str, Any]) -> dict[str, Any]:
    """A --jsonl output line without the scorer's statement list (the rest is the summary)."""
    rest = {k: v for k, v in document.items() if k not in ("id", "statements")}
    return _comparable(_without_none(rest))


def test_url_file_stdin_and_jsonl_give_the_same_summary(
    tmp_path: Path,
    local_server: LocalServer,  # noqa: F811
) -> None:
    """The same article text by every way in: the same summary (the URL serves it as text)."""
    local_server.serve("/ferry.txt", TEXT, content_type="text/plain; charset=utf-8")
    cfg = _config(tmp_path, "allow_private_addresses = true\n")
    date = ("--published", "2025-12-20")
    code, from_url, err = _run("extract", local_server.url("/ferry.txt"), *date, "-c", cfg)
    assert code == 0, err
    article = tmp_path / "ferry.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, from_file, err = _run("extract", str(article), *date, "-c", cfg)
    assert code == 0, err
    code, from_stdin, err = _run("extract", "-", *date, "-c", cfg, stdin=TEXT.encode())
    assert code == 0, err
    line = (json.dumps({"id": "ferry", "text": TEXT}) + "\n").encode()
    out = tmp_path / "out"
    code, _, err = _run("extract", "--jsonl", "-", "--out", str(out), *date, "-c", cfg, stdin=line)
    assert code == 0, err
    code, printed, err = _run("extract", "--jsonl", "-", *date, "-c", cfg, stdin=line)
    assert code == 0, err

    url_doc = _brief(from_url)
    assert url_doc["article"].pop("url") == local_server.url("/ferry.txt")
    assert url_doc["article"].pop("outlet") == "127.0.0.1"  # what a URL knows: where it is
    written = _brief((out / "ferry.yaml").read_text("utf-8"))
    assert url_doc == _brief(from_file) == _brief(from_stdin) == written
    assert str(written["article"]["published"]).startswith("2025-12-20")
    (result,) = map(json.loads, printed.splitlines())
    assert _jsonl_line(result) == _jsonl_line(yaml.safe_load(from_file))


def test_published_never_beats_the_articles_own_date(
    tmp_path: Path,
    local_server: LocalServer,  # noqa: F811
) -> None:
    """--published dates only what has no date: the text's date and the page's win, on every
    path alike; a JSONL line's own "published" wins too."""
    cfg = _config(tmp_path, "allow_private_addresses = true\n")
    other = ("--published", "2024-01-05")
    article = tmp_path / "dated.txt"
    article.write_text(DATED, encoding="utf-8")
    code, from_file, _ = _run("extract", str(article), *other, "-c", cfg)
    code2, from_stdin, _ = _run("extract", "-", *other, "-c", cfg, stdin=DATED.encode())
    lines = [
        json.dumps({"id": "dated", "text": DATED}),
        json.dumps({"id": "undated", "text": TEXT}),
        json.dumps({"id": "own", "text": DATED, "published": "2025-06-01"}),
    ]
    stdin = ("\n".join(lines) + "\n").encode()
    out = tmp_path / "out"
    code3, _, err = _run(
        "extract", "--jsonl", "-", "--out", str(out), *other, "-c", cfg, stdin=stdin
    )
    assert (code, code2, code3) == (0, 0, 0), err
    for text in (from_file, from_stdin, (out / "dated.yaml").read_text("utf-8")):
        assert str(yaml.safe_load(text)["article"]["published"]).startswith("2025-12-20")
    undated = yaml.safe_load((out / "undated.yaml").read_text("utf-8"))
    assert str(undated["article"]["published"]).startswith("2024-01-05")
    own = yaml.safe_load((out / "own.yaml").read_text("utf-8"))
    assert str(own["article"]["published"]).startswith("2025-06-01")

    local_server.serve("/ferry", ARTICLE_HTML)  # article:published_time 2025-12-18
    code, from_url, err = _run("extract", local_server.url("/ferry"), *other, "-c", cfg)
    assert code == 0, err
    assert str(yaml.safe_load(from_url)["article"]["published"]).startswith("2025-12-18")


def test_bad_jsonl_lines_are_named_and_the_others_still_extracted(tmp_path: Path) -> None:
    cfg = _config(tmp_path)
    lines = [
        json.dumps({"id": "first", "text": TEXT}),
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text", "body": TEXT}),
        "",
        json.dumps({"id": "last", "text": TEXT}),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for source, stdin in ((str(batch), None), ("-", batch.read_bytes())):
        code, out, err = _run("extract", "--jsonl", source, "-c", cfg, stdin=stdin)
        assert code == 1  # some lines failed
        assert "line 2: invalid JSON" in err
        assert "line 3: expected a JSON object" in err
        assert "line 4: no 'text' string (id 'no-text')" in err
        assert "line 5:" not in err  # a blank line is no article and no error
        assert [json.loads(row)["id"] for row in out.splitlines()] == ["first", "last"]
        assert "2 articles, 3 failed" in err
    out_dir = tmp_path / "briefs-out"
    code, _, err = _run("extract", "--jsonl", str(batch), "--out", str(out_dir), "-c", cfg)
    assert code == 1 and "line 2: invalid JSON" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["first.yaml", "last.yaml"]
