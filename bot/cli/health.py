"""``briefbot healthcheck``: ask the running bot's ``/healthz``, for a container's HEALTHCHECK.

A slim image has no curl, and the port depends on the mode: Slack's HTTP mode serves the
health routes beside ``/slack/events`` on ``PORT``; every other mode (Socket Mode, Discord)
on ``BRIEFBOT_HEALTH_PORT``. The standard library's urllib is enough for one local GET.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Annotated

import typer

from bot.cli.base import app, fail

DEFAULT_HEALTH_PORT = 8080  # the Dockerfile sets BRIEFBOT_HEALTH_PORT explicitly
DEFAULT_SLACK_PORT = 3000


def health_url(env: Mapping[str, str]) -> str:
    """Where this environment's bot answers /healthz, on the loopback address."""
    slack_http = bool(env.get("SLACK_BOT_TOKEN") and env.get("SLACK_SIGNING_SECRET")) and not (
        env.get("SLACK_APP_TOKEN")
    )
    if slack_http:
        port = env.get("PORT") or str(DEFAULT_SLACK_PORT)
    else:
        port = env.get("BRIEFBOT_HEALTH_PORT") or str(DEFAULT_HEALTH_PORT)
    return f"http://127.0.0.1:{port.strip()}/healthz"


@app.command()
def healthcheck(
    url: Annotated[
        str | None, typer.Option("--url", help="Probe this URL instead of the local /healthz.")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait.")] = 3.0,
) -> None:
    """Exit 0 when the running bot answers /healthz with 200, else 1 with one line."""
    import urllib.error
    import urllib.request

    target = url or health_url(os.environ)
    try:
        with urllib.request.urlopen(target, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise fail(f"{target}: {reason}", code=1) from None
    if status != 200:
        raise fail(f"{target}: HTTP {status}", code=1)
    typer.echo(f"{target}: ok")
