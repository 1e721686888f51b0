"""/brief through the real request path: signed POSTs to the running app, answers at the fake."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from bot.adapters.slack.blocks import Message
from tests.slack.blockkit import assert_inert, literal_texts, read
from tests.slack.conftest import SlackClient, sign


def _text(blocks: Any) -> str:
    return json.dumps(blocks, ensure_ascii=False)


async def test_said_names_the_white_house_official(slack: SlackClient) -> None:
    status, _ = await slack.command("said tremendous progress")
    assert status == 200
    (reply,) = await slack.fake.wait_for("respond")
    assert reply.args["response_type"] == "ephemeral"
    assert "Said by: A White House official" in read(reply.args["blocks"])
    assert reply.args["text"] == "Said by: A White House official, White House"


async def test_who_zelensky_gives_zelenskyys_question(slack: SlackClient) -> None:
    await slack.command("who Zelensky")
    (reply,) = await slack.fake.wait_for("respond")
    shown = _text(reply.args["blocks"])
    assert "Volodymyr Zelenskyy, Ukrainian President" in shown
    assert "What will these security guarantees actually do?" in shown


async def test_bare_brief_is_the_briefing_for_the_user_only(slack: SlackClient) -> None:
    await slack.command("")
    (reply,) = await slack.fake.wait_for("respond")
    blocks = reply.args["blocks"]
    assert reply.args["response_type"] == "ephemeral"
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == "Briefing · Sat 20 Dec 2025"
    assert "US spy agencies say Putin aims beyond Ukraine" in _text(blocks)
    assert all(b["type"] != "actions" for b in blocks)  # buttons only under channel posts


async def test_unreadable_text_gets_usage_with_the_problem_as_written(
    slack: SlackClient,
) -> None:
    await slack.command("<!channel> frobnicate")
    (reply,) = await slack.fake.wait_for("respond")
    message = Message(reply.args["text"], tuple(reply.args["blocks"]))
    assert_inert(message, set())
    assert "<!channel> frobnicate" in "".join(literal_texts(message))  # literal, not a ping
    assert "/brief who &lt;person or source&gt;" in _text(reply.args["blocks"])


async def test_ack_is_an_empty_200_before_the_answer(slack: SlackClient) -> None:
    status, body = await slack.command("sources")
    assert (status, body) == (200, "")
    (reply,) = await slack.fake.wait_for("respond")
    assert "Sourcing of" in _text(reply.args["blocks"])


async def test_bad_signature_is_refused_and_nothing_is_done(slack: SlackClient) -> None:
    body = slack.command_body("who Rubio")
    forged = sign(body, secret="not-the-signing-secret")
    status, _ = await slack.post(body, "application/x-www-form-urlencoded", signature=forged)
    assert status == 401
    await asyncio.sleep(0.2)
    assert slack.fake.calls("respond") == []


async def test_stale_timestamp_is_refused_even_when_correctly_signed(slack: SlackClient) -> None:
    body = slack.command_body("who Rubio")
    stale = sign(body, timestamp=int(time.time()) - 6 * 60)
    status, _ = await slack.post(body, "application/x-www-form-urlencoded", signature=stale)
    assert status == 401
    await asyncio.sleep(0.2)
    assert slack.fake.calls("respond") == []


async def test_tampered_body_is_refused(slack: SlackClient) -> None:
    signature = sign(slack.command_body("who Rubio"))
    body = slack.command_body("post")
    status, _ = await slack.post(body, "application/x-www-form-urlencoded", signature=signature)
    assert status == 401


async def test_admin_command_is_refused_to_an_ordinary_user(slack: SlackClient) -> None:
    await slack.command("subscribe 0 8 * * mon-fri Europe/Berlin")
    (reply,) = await slack.fake.wait_for("respond")
    assert "is for workspace admins and owners" in reply.args["text"]
    (lookup,) = slack.fake.calls("users.info")
    assert lookup.args["user"] == "U0USER"
    assert slack.fake.calls("chat.postMessage") == []
