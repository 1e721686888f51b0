"""``briefbot extract`` and ``briefbot poll`` end to end, with the errors a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bot.cli import app
from tests.ingest.conftest import ARTICLE_HTML, LocalServer

TEXT = (
    "Harbour council approves new ferry line\n\n"
    "The harbour council voted on Tuesday to open a ferry line to the northern islands.\n\n"
    '"This is the day the islands stop being an afterthought," said Council Leader Tomas Berg.\n'
)


def config(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "briefbot.toml"
    path.write_text(
        f'briefs_dir = "{tmp_path / "briefs"}"\ndata_dir = "{tmp_path / "data"}"\n{extra}',
        encoding="utf-8",
    )
    return path


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_file_prints_yaml_of_a_valid_summary(tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, out, _ = run("extract", str(article), "-c", str(config(tmp_path)))
    assert code == 0
    document = yaml.safe_load(out)
    assert document["provenance"]["origin"] == "extractor"
    assert document["provenance"]["reviewed"] is False
    assert any("afterthought" in s["text"] for s in document["statements"])


def test_stdin_and_out_folder(tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    code, _, err = run(
        "extract", "-", "--out", str(out), "-c", str(config(tmp_path)), stdin=TEXT.encode()
    )
    assert code == 0
    [written] = list(out.glob("*.yaml"))
    assert f"wrote {written}" in err
    assert yaml.safe_load(written.read_text("utf-8"))["article"]["id"] == written.stem
    code, out_text, err = run("check", "-c", str(config(tmp_path)))
    assert code in (0, 1), err  # the written brief validates (quote warnings may exist)
    assert "1 valid" in out_text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "file not found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"  \n\n  ", "empty"),
        (b"a" * 2_000, "too large"),
    ],
)
def test_file_errors_name_the_problem(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    cfg = config(tmp_path, "[ingest]\nmax_bytes = 1000\n")
    code, _, err = run("extract", str(path), "-c", str(cfg))
    assert code == 2
    assert problem in err


def test_private_url_is_refused(tmp_path: Path, local_server: LocalServer) -> None:
    local_server.serve("/a", ARTICLE_HTML)
    code, _, err = run("extract", local_server.url("/a"), "-c", str(config(tmp_path)))
    assert code == 2
    assert "non-public address" in err and "allow_private_addresses" in err
    assert local_server.requests == []


@pytest.mark.parametrize(
    ("setup", "problem"),
    [
        ("redirects", "too many redirects"),
        ("image", "image/png, not"),
        ("huge", "too large"),
    ],
)
def test_url_errors_name_the_problem(
    tmp_path: Path, local_server: LocalServer, setup: str, problem: str
) -> None:
    if setup == "redirects":
        for hop in range(10):
            local_server.serve(f"/a{hop}", b"", status=302, Location=f"/a{hop + 1}")
    elif setup == "image":
        local_server.serve("/a0", b"\x89PNG\r\n\x1a\n", "image/png")
    else:
        local_server.serve("/a0", "<p>" + "x" * 5000 + "</p>")
    cfg = config(tmp_path, "allow_private_addresses = true\n[ingest]\nmax_bytes = 2000\n")
    code, _, err = run("extract", local_server.url("/a0"), "-c", str(cfg))
    assert code == 2
    assert problem in err


def test_url_from_local_server(tmp_path: Path, local_server: LocalServer) -> None:
    local_server.serve("/ferry", ARTICLE_HTML)
    cfg = config(tmp_path, "allow_private_addresses = true\n")
    code, out, err = run("extract", local_server.url("/ferry"), "-c", str(cfg))
    assert code == 0, err
    document = yaml.safe_load(out)
    assert document["article"]["title"] == "Harbour council approves new ferry line"
    assert "Most read" not in document["text"]


def test_jsonl_delegates_to_the_extractor(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        '{"id": "a1", "text": "\\"We will win,\\" said John Smith, the coach."}\n', "utf-8"
    )
    code, out, _ = run("extract", "--jsonl", str(lines))
    assert code == 0
    assert '"id": "a1"' in out


def test_poll_command(tmp_path: Path, local_server: LocalServer) -> None:
    local_server.serve("/ferry", ARTICLE_HTML)
    local_server.serve(
        "/rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        f"<item><guid>g1</guid><link>{local_server.url('/ferry')}</link><title>Ferry</title></item>"
        "</channel></rss>",
        "application/rss+xml",
    )
    (tmp_path / "briefs").mkdir()
    feeds = f'allow_private_addresses = true\n[[feeds]]\nname = "courier"\nurl = "{local_server.url("/rss")}"\n'
    cfg = config(tmp_path, feeds)
    code, out, err = run("poll", "-c", str(cfg))
    assert code == 0, err
    assert "courier: 1 new, 0 known, 0 problem(s)" in out
    code, out, _ = run("poll", "-c", str(cfg))
    assert "courier: 0 new, 1 known" in out
