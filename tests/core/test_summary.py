"""The summary schema: what it accepts, what it refuses, and the published JSON Schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.core.summary import StatementKind, Summary, json_schema, quoted_fragments
from bot.errors import describe_validation

ROOT = Path(__file__).resolve().parents[2]


def minimal() -> dict[str, Any]:
    return {
        "article": {"id": "a-1", "title": "A title", "published": "2025-01-02"},
        "lede": "Something happened.",
        "key_points": ["It happened."],
        "people": [{"id": "jane-roe", "name": "Jane Roe", "aliases": ["Roe"]}],
        "sources": [{"id": "two-aides", "name": "two aides", "kind": "anonymous", "count": 2}],
        "statements": [
            {"speaker": "jane-roe", "text": "It is done", "kind": "direct", "paragraph": 1},
            {"speaker": "two-aides", "text": "it was late", "kind": "indirect", "paragraph": 2},
        ],
    }


def problem(document: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        Summary.model_validate(document)
    return describe_validation(caught.value)


def test_minimal_document_is_valid() -> None:
    summary = Summary.model_validate(minimal())
    assert summary.speaker("two-aides").name == "two aides"
    assert summary.statements[0].kind is StatementKind.DIRECT


def test_shipped_briefs_are_valid() -> None:
    for path in (ROOT / "briefs").glob("*.yaml"):
        Summary.model_validate(yaml.safe_load(path.read_text("utf-8")))


def test_unknown_key_is_named() -> None:
    document = minimal()
    document["article"]["headline"] = "typo"
    assert "article.headline: Extra inputs are not permitted" in problem(document)


def test_statement_speaker_must_resolve() -> None:
    document = minimal()
    document["statements"][0]["speaker"] = "john-doe"
    assert "statements[0].speaker 'john-doe' is not an id" in problem(document)


def test_duplicate_speaker_ids_are_refused() -> None:
    document = minimal()
    document["sources"].append({"id": "jane-roe", "name": "Jane's office", "kind": "organisation"})
    assert "speaker id used twice" in problem(document)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("article", "published"), "yesterday", "article.published"),
        (("article", "id"), "Not A Slug", "article.id"),
        (("key_points",), [], "key_points"),
        (("key_points",), ["a", "b", "c", "d", "e"], "key_points"),
        (("statements", 0, "kind"), "rumour", "statements[0].kind"),
        (("statements", 0, "paragraph"), -1, "statements[0].paragraph"),
        (("sources", 0, "count"), 0, "sources[0].count"),
    ],
)
def test_bad_values_name_their_field(path: tuple[Any, ...], value: Any, expected: str) -> None:
    document = copy.deepcopy(minimal())
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert problem(document).startswith(expected)


def test_partial_quote_fragments_are_the_quoted_words() -> None:
    document = minimal()
    document["statements"][0] = {
        "speaker": "jane-roe",
        "text": 'the plan made "real progress" and was “nearly done”',
        "kind": "partial",
        "paragraph": 1,
    }
    statement = Summary.model_validate(document).statements[0]
    assert quoted_fragments(statement) == ["real progress", "nearly done"]


def test_published_schema_copy_is_current() -> None:
    on_disk = json.loads((ROOT / "briefs" / "schema.json").read_text("utf-8"))
    assert on_disk == json_schema(), "run: briefbot schema > briefs/schema.json"
