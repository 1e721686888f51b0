"""What ``POST /slack/events`` checks before Bolt sees a request, cheapest and safest first.

1. the body is read within a deadline (a half-sent body must not hold a connection);
2. the signature headers are well-formed and the HMAC over the raw bytes matches (nothing is
   decoded or parsed before this: a forged request costs one hash);
3. the signed body is UTF-8 and has the shape Slack sends (a form whose ``payload`` is a JSON
   object, or a JSON object; a slash command names its channel and user), so that Bolt and
   our listeners never meet input they would crash on.

Every refusal is a ``Refused`` with the HTTP status and a short reason, counted in metrics and
never logged with a traceback.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import urllib.parse
from collections.abc import Mapping
from typing import Any

from aiohttp import web

SIGNATURE_WINDOW = 5 * 60  # seconds: Slack's own rule for the request timestamp
BODY_SECONDS = 5.0  # the whole body must arrive within this once the head is in
FORM = "application/x-www-form-urlencoded"
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
COMMAND_FIELDS = ("channel_id", "user_id", "command")


class Refused(Exception):
    """A request answered with an error status before any listener ran."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason  # a bounded metrics label
        self.message = message


async def read_body(request: web.Request, seconds: float = BODY_SECONDS) -> bytes:
    """The raw body, or Refused when it is too slow (408) or too large (413)."""
    try:
        async with asyncio.timeout(seconds):
            return await request.read()
    except TimeoutError:
        raise Refused(408, "slow_body", "request body not received in time") from None
    except web.HTTPRequestEntityTooLarge:
        raise Refused(413, "too_large", "request body too large") from None


def verify(headers: Mapping[str, str], body: bytes, secret: bytes, *, now: float) -> None:
    """Check Slack's v0 signature over the raw bytes; Refused(401) when anything is off."""
    stamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not _TIMESTAMP.fullmatch(stamp) or not _SIGNATURE.fullmatch(signature):
        raise Refused(401, "bad_headers", "missing or malformed Slack signature headers")
    if abs(now - int(stamp)) > SIGNATURE_WINDOW:
        raise Refused(401, "stale", "request timestamp outside Slack's 5-minute window")
    base = b"v0:" + stamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise Refused(401, "bad_signature", "invalid Slack signature")


def check_shape(body: bytes, content_type: str) -> str:
    """The body as text, once it is known to parse as Slack's would; Refused(400) if not."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "not_utf8", "request body is not UTF-8") from None
    if content_type == FORM:
        _check_form(text)
    elif content_type == "application/json":
        _json_object(text, "body")
    else:
        raise Refused(400, "content_type", f"unexpected content type {content_type!r}")
    return text


def _check_form(text: str) -> None:
    try:
        form = urllib.parse.parse_qs(text, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        raise Refused(400, "bad_form", "request body is not a form") from None
    if "payload" in form:
        _json_object(form["payload"][0], "payload")
    elif "command" in form:
        missing = [name for name in COMMAND_FIELDS if not (form.get(name) or [""])[0]]
        if missing:
            raise Refused(400, "bad_command", f"slash command without {', '.join(missing)}")
    elif "ssl_check" not in form:
        raise Refused(400, "bad_form", "form is neither a command, a payload nor an ssl_check")


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise Refused(400, "bad_json", f"{what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise Refused(400, "bad_json", f"{what} is not a JSON object")
    return value
