"""/brief through the real request path: signed POSTs to the running app, answers at the fake."""

from __future__ import annotations

import json
import time

from tests.slack.conftest import SlackClient, sign


def _text(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


async def test_said_names_the_white_house_official(slack: SlackClient) -> None:
    status, _ = await slack.command("said tremendous progress")
    assert status == 200
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["response_type"] == "ephemeral"
    assert "A White House official" in _text(reply.args["blocks"])
    assert "A White House official" in reply.args["text"]
