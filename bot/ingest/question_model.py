"""Optional: a model reads a question into a structured ``Query``; it never supplies words.

With ``[model] enabled = true`` the same OpenAI-compatible endpoint as the summariser is asked
to turn the user's text into a query (``response_format`` with the query's JSON Schema). The
answer is validated against that schema; any failure (timeout, HTTP error, malformed or
invalid JSON) returns None, and the core reads the question with its grammar instead. Whatever
the model says, answers are built from the store's own statements only.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import SecretStr, ValidationError

from bot.core.query import Query, query_schema
from bot.core.questions import QueryReader
from bot.errors import describe_validation
from bot.ingest.model import ModelAnswerError, answer_content, model_client
from bot.settings import ModelSettings, Secrets, Settings

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2_000
INSTRUCTIONS = (
    "You read one question a user asked a news bot about who said what in stored articles, "
    "and answer with a JSON object that follows the given schema: intent, and speaker (a name, "
    "surname or role as the user wrote it), words, topic, story, when, count where the "
    "question gives them. Do not answer the question and do not add anything the user did "
    "not write. Answer with the JSON object only."
)


def question_body(settings: ModelSettings, text: str) -> dict[str, Any]:
    """The chat completion request for reading one question."""
    return {
        "model": settings.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": text[:MAX_QUESTION_CHARS]},
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "question", "schema": query_schema(), "strict": False},
        },
    }


def parse_query(content: str) -> Query:
    """Validate the model's JSON as a query."""
    try:
        document = json.loads(content)
    except json.JSONDecodeError as err:
        raise ModelAnswerError(f"the answer is not JSON: {err}") from err
    try:
        return Query.model_validate(document)
    except ValidationError as err:
        raise ModelAnswerError(
            f"the answer does not fit the query schema: {describe_validation(err)}"
        ) from err


class ModelQueryReader:
    """Reads questions with the chat endpoint; None on any failure (the grammar takes over)."""

    def __init__(
        self, client: httpx.AsyncClient, settings: ModelSettings, api_key: SecretStr | None
    ) -> None:
        self._client = client
        self._settings = settings
        self._api_key = api_key

    async def __call__(self, text: str) -> Query | None:
        """The model's reading of the question, or None."""
        try:
            return await self._ask(text)
        except (httpx.HTTPError, ModelAnswerError) as err:
            log.warning("model could not read a question (%s: %s)", type(err).__name__, err)
            return None

    async def _ask(self, text: str) -> Query:
        url = self._settings.base_url.rstrip("/") + "/chat/completions"
        headers = {}
        if self._api_key is not None:
            headers["Authorization"] = f"Bearer {self._api_key.get_secret_value()}"
        response = await self._client.post(
            url, json=question_body(self._settings, text), headers=headers
        )
        response.raise_for_status()
        try:
            payload = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise ModelAnswerError(f"the response body is not JSON: {err}") from err
        return parse_query(answer_content(payload))


@contextlib.asynccontextmanager
async def open_question_reader(
    settings: Settings, secrets: Secrets, *, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncIterator[QueryReader | None]:
    """The model's question reader when ``[model]`` is enabled, else None (grammar only)."""
    if not settings.model.enabled:
        yield None
        return
    async with model_client(settings.ingest, settings.model, transport=transport) as client:
        yield ModelQueryReader(client, settings.model, secrets.model_api_key)
