"""The optional model reading questions, against a local fake endpoint; any failure → grammar."""

from __future__ import annotations

import json
import time

import pytest
from pydantic import SecretStr

from bot.core.answers import SpeakerAnswer
from bot.core.query import Intent, Query
from bot.core.questions import answer_text
from bot.ingest.model import model_client
from bot.ingest.question_model import ModelQueryReader, open_question_reader
from bot.settings import IngestSettings, ModelSettings, Secrets, Settings
from bot.store import Store
from tests.conftest import NOW
from tests.ingest.conftest import LocalServer, Seen


def completion(content: str) -> bytes:
    return json.dumps(
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
    ).encode()


def endpoint(server: LocalServer, status: int, body: bytes, delay: float = 0.0) -> list[Seen]:
    seen: list[Seen] = []

    def route(request: Seen) -> tuple[int, dict[str, str], bytes]:
        seen.append(request)
        time.sleep(delay)
        return status, {"Content-Type": "application/json"}, body

    server.routes["/v1/chat/completions"] = route
    return seen


async def read(server: LocalServer, text: str, seconds: float = 5.0) -> Query | None:
    settings = ModelSettings(
        enabled=True, base_url=server.url("/v1"), model="fake-1", timeout_seconds=seconds
    )
    async with model_client(IngestSettings(), settings) as client:
        return await ModelQueryReader(client, settings, SecretStr("sk-test"))(text)


async def test_a_valid_reading_is_validated_and_used(
    local_server: LocalServer, loaded_store: Store
) -> None:
    content = json.dumps({"intent": "speaker", "speaker": "Rubio", "topic": None})
    seen = endpoint(local_server, 200, completion(content))
    query = await read(local_server, "the Secretary of State's remarks, please")
    assert query == Query(intent=Intent.SPEAKER, speaker="Rubio")
    request = json.loads(seen[0].body)
    assert request["response_format"]["json_schema"]["schema"]["required"] == ["intent"]

    async def reader(text: str) -> Query | None:
        return query

    reply = await answer_text(loaded_store, "anything", now=NOW, reader=reader)
    assert isinstance(reply, SpeakerAnswer) and reply.speakers[0].name == "Marco Rubio"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, completion("not json")),
        (200, completion(json.dumps({"intent": "speaker", "invented": "field"}))),
        (200, completion(json.dumps({"intent": "make up a quote"}))),
        (200, b"<html>"),
        (500, b"{}"),
    ],
)
async def test_any_failure_reads_as_none(
    local_server: LocalServer, status: int, body: bytes
) -> None:
    endpoint(local_server, status, body)
    assert await read(local_server, "what did Rubio say?") is None


async def test_a_timeout_reads_as_none(local_server: LocalServer) -> None:
    endpoint(local_server, 200, completion("{}"), delay=1.0)
    assert await read(local_server, "what did Rubio say?", seconds=0.2) is None


async def test_the_reader_is_off_by_default() -> None:
    async with open_question_reader(Settings(), Secrets()) as reader:
        assert reader is None
