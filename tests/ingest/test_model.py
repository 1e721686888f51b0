"""The model backend against a local fake OpenAI-compatible endpoint, and its fallback."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from pydantic import SecretStr

from bot.core.summary import Origin, Summary
from bot.ingest.model import ModelSummariser, model_client, open_summariser
from bot.ingest.summarise import ArticleText, offline_summary
from bot.settings import IngestSettings, ModelSettings, Secrets, Settings
from tests.ingest.conftest import LocalServer, Seen

TEXT = (
    "Harbour council approves new ferry line\n\n"
    "The harbour council voted on Tuesday to open a ferry line to the northern islands.\n\n"
    '"This is the day the islands stop being an afterthought," said Council Leader Tomas Berg.'
)
ARTICLE = ArticleText(text=TEXT, article_id="ferry-line", url="https://courier.example/ferry")

MODEL_SUMMARY: dict[str, Any] = {
    "article": {
        "id": "whatever-the-model-says",
        "title": "Harbour council approves ferry line",
        "published": "2025-12-16",
    },
    "lede": "The harbour council approved a ferry line to the northern islands.",
    "key_points": ["Council Leader Tomas Berg backed it."],
    "people": [{"id": "tomas-berg", "name": "Tomas Berg", "role": "Council Leader"}],
    "statements": [
        {
            "speaker": "tomas-berg",
            "text": "This is the day the islands stop being an afterthought,",
            "kind": "direct",
            "cue": "said",
            "paragraph": 2,
        }
    ],
}


def completion(content: str) -> bytes:
    return json.dumps(
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
    ).encode()


def endpoint(server: LocalServer, status: int, body: bytes, delay: float = 0.0) -> None:
    def route(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        time.sleep(delay)
        return status, {"Content-Type": "application/json"}, body

    server.routes["/v1/chat/completions"] = route


async def summarise(server: LocalServer, seconds: float = 5.0) -> Summary:
    settings = ModelSettings(
        enabled=True, base_url=server.url("/v1"), model="fake-1", timeout_seconds=seconds
    )
    async with model_client(IngestSettings(), settings) as client:
        summariser = ModelSummariser(
            client, settings, SecretStr("sk-test"), fallback=offline_summary
        )
        return await summariser(ARTICLE)


async def test_valid_answer_is_used_and_marked_as_model_made(local_server: LocalServer) -> None:
    endpoint(local_server, 200, completion(json.dumps(MODEL_SUMMARY)))
    summary = await summarise(local_server)
    assert summary.provenance.origin is Origin.MODEL
    assert summary.provenance.reviewed is False
    assert summary.provenance.tool == "model:fake-1"
    assert summary.article.id == "ferry-line"  # our id, not the model's
    assert summary.article.url == ARTICLE.url
    assert summary.text == TEXT  # quotes are checked against the real text
    request = local_server.requests[0]
    assert request.headers["authorization"] == "Bearer sk-test"
    body = json.loads(request.body)
    assert body["model"] == "fake-1"
    assert body["response_format"]["type"] == "json_schema"
    assert "properties" in body["response_format"]["json_schema"]["schema"]
    assert "stop being an afterthought" in body["messages"][-1]["content"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, completion("this is not JSON {")),
        (200, completion(json.dumps({"article": {"id": "x"}}))),  # schema-invalid
        (200, completion(json.dumps(["a", "list"]))),
        (200, b'{"choices": []}'),
        (200, b"<html>proxy error</html>"),
        (500, b'{"error": "overloaded"}'),
        (401, b'{"error": "bad key"}'),
    ],
)
async def test_any_failure_falls_back_to_the_offline_extractor(
    local_server: LocalServer, status: int, body: bytes
) -> None:
    endpoint(local_server, status, body)
    summary = await summarise(local_server)
    assert summary.provenance.origin is Origin.EXTRACTOR
    assert summary.article.id == "ferry-line"


async def test_timeout_falls_back(local_server: LocalServer) -> None:
    endpoint(local_server, 200, completion(json.dumps(MODEL_SUMMARY)), delay=0.6)
    summary = await summarise(local_server, seconds=0.2)
    assert summary.provenance.origin is Origin.EXTRACTOR


async def test_unreachable_endpoint_falls_back() -> None:
    settings = ModelSettings(enabled=True, base_url="http://127.0.0.1:9/v1", timeout_seconds=2)
    async with model_client(IngestSettings(), settings) as client:
        summary = await ModelSummariser(client, settings, None)(ARTICLE)
    assert summary.provenance.origin is Origin.EXTRACTOR


async def test_model_is_off_by_default() -> None:
    async with open_summariser(Settings(), Secrets()) as summariser:
        assert summariser is offline_summary
