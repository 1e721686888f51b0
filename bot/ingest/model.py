"""Optional summariser on an OpenAI-compatible chat endpoint, with the offline extractor behind it.

Off by default (``[model] enabled = false``). When on, it asks the endpoint for a summary as
structured output (``response_format`` with our JSON Schema), validates the answer with the
same pydantic schema every brief passes, and marks it machine-made and unreviewed. Any failure
(timeout, HTTP error, malformed or schema-invalid answer) falls back to the offline extractor:
the model can make a summary better, never make ingestion fail.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
from pydantic import SecretStr, ValidationError

from bot.core.summary import Origin, Summary, json_schema
from bot.errors import BriefbotError, describe_validation
from bot.ingest.http import make_client
from bot.ingest.summarise import ArticleText, Summariser, complete, offline_summary
from bot.settings import IngestSettings, ModelSettings, Secrets, Settings

log = logging.getLogger(__name__)

#: Longer articles are cut: the endpoint's context is finite and the lede is up front.
MAX_PROMPT_CHARS = 60_000
INSTRUCTIONS = (
    "You turn one news article into a structured summary that follows the given JSON schema "
    "exactly. Rules: every direct quote is copied word for word from the article, never "
    "reworded; a statement's speaker is the id of an entry in people (named individuals) or "
    "sources (organisations and unnamed sources, with their count when the article gives "
    "one); paragraphs are counted from 1 over the body; the lede is one sentence and there "
    "are two to four key points; list who declined to comment or did not respond. Answer "
    "with the JSON document only."
)


class ModelAnswerError(BriefbotError):
    """The endpoint answered, but not with a usable summary."""


def request_body(settings: ModelSettings, article: ArticleText) -> dict[str, Any]:
    """The chat completion request: instructions, the article, and the schema to answer in."""
    header = [f"Title: {article.title}"] if article.title else []
    header += [f"URL: {article.url}"] if article.url else []
    date = article.published or article.fallback_published
    header += [f"Published: {date.isoformat()}"] if date else []
    content = "\n".join([*header, "", article.text[:MAX_PROMPT_CHARS]])
    return {
        "model": settings.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": content},
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "article_summary", "schema": json_schema(), "strict": False},
        },
    }


def answer_content(payload: Any) -> str:
    """The assistant message of a chat completion response."""
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as err:
        raise ModelAnswerError(f"no message in the answer: {err!r}") from err
    if not isinstance(content, str) or not content.strip():
        raise ModelAnswerError("the answer's message is empty")
    return content


def parse_summary(content: str, settings: ModelSettings, article: ArticleText) -> Summary:
    """Validate the model's JSON as a summary, marked as model-made and unreviewed."""
    try:
        document = json.loads(content)
    except json.JSONDecodeError as err:
        raise ModelAnswerError(f"the answer is not JSON: {err}") from err
    if not isinstance(document, dict):
        raise ModelAnswerError(f"the answer is a JSON {type(document).__name__}, not an object")
    document["provenance"] = {
        "origin": Origin.MODEL.value,
        "reviewed": False,
        "tool": f"model:{settings.model}",
    }
    document["text"] = article.text  # quotes are verified against the real text, not the model's
    try:
        summary = Summary.model_validate(document)
    except ValidationError as err:
        raise ModelAnswerError(
            f"the answer does not fit the schema: {describe_validation(err)}"
        ) from err
    return complete(summary, article)


class ModelSummariser:
    """Summarises with the chat endpoint; falls back to another summariser on any failure."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        settings: ModelSettings,
        api_key: SecretStr | None,
        *,
        fallback: Summariser = offline_summary,
    ) -> None:
        self._client = client
        self._settings = settings
        self._api_key = api_key
        self._fallback = fallback

    async def __call__(self, article: ArticleText) -> Summary:
        """The model's summary, or the fallback's when the model cannot give a valid one."""
        try:
            return await self._ask(article)
        except (httpx.HTTPError, ModelAnswerError) as err:
            log.warning(
                "model summariser failed for %s (%s: %s); using the offline extractor",
                article.url or article.article_id or "article",
                type(err).__name__,
                err,
            )
        return await self._fallback(article)

    async def _ask(self, article: ArticleText) -> Summary:
        url = self._settings.base_url.rstrip("/") + "/chat/completions"
        headers = {}
        if self._api_key is not None:
            headers["Authorization"] = f"Bearer {self._api_key.get_secret_value()}"
        response = await self._client.post(
            url, json=request_body(self._settings, article), headers=headers
        )
        response.raise_for_status()
        try:
            payload = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise ModelAnswerError(f"the response body is not JSON: {err}") from err
        return parse_summary(answer_content(payload), self._settings, article)


def model_client(
    ingest: IngestSettings,
    settings: ModelSettings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """A client for the model endpoint: its own timeout, no address guard (the URL is config)."""
    return make_client(ingest, guard=None, transport=transport, timeout=settings.timeout_seconds)


@contextlib.asynccontextmanager
async def open_summariser(
    settings: Settings, secrets: Secrets, *, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncIterator[Summariser]:
    """The configured summariser: the offline extractor, or the model with it as fallback."""
    if not settings.model.enabled:
        yield offline_summary
        return
    async with model_client(settings.ingest, settings.model, transport=transport) as client:
        yield ModelSummariser(client, settings.model, secrets.model_api_key)
