"""Logging set-up: one call at start-up, text on a terminal and JSON lines elsewhere.

A container or a PaaS collects stderr line by line, so off a terminal every record is one
JSON object (time, level, logger, message, and the traceback as a string), which log
pipelines parse without a grok pattern. ``BRIEFBOT_LOG_FORMAT=json|text`` forces either.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import TextIO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Bolt reads SLACK_BOT_TOKEN from the environment by itself even when it is handed a client
# built from that same token, then warns that the token "will be unused". The warning is
# about our own configuration being redundant, never actionable: drop exactly that record.
_BOLT_TOKEN_WARNING = "As you gave `client` as well, `token` will be unused."

# Libraries whose INFO records come per job run or per request: WARNING unless DEBUG.
_CHATTY = {"apscheduler": logging.WARNING, "aiohttp.access": logging.WARNING}

# LogRecord attributes that are not extra fields passed with extra={...}.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record; extra fields given with ``extra=`` are kept."""

    def format(self, record: logging.LogRecord) -> str:
        document: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                document[key] = value
        if record.exc_info:
            document["exception"] = self.formatException(record.exc_info)
        return json.dumps(document, ensure_ascii=False, default=str)


def drop_bolt_token_warning(record: logging.LogRecord) -> bool:
    """Filter: False for Bolt's spurious "token will be unused" warning."""
    return not (record.name.startswith("slack_bolt") and record.msg == _BOLT_TOKEN_WARNING)


def wants_json(log_format: str, stream: TextIO) -> bool:
    """JSON when asked, or when ``auto`` and the stream is not a terminal."""
    if log_format == "auto":
        return not (hasattr(stream, "isatty") and stream.isatty())
    return log_format == "json"


def configure_logging(level: str, log_format: str = "auto", stream: TextIO | None = None) -> None:
    """Send every record at ``level`` or above to ``stream`` (stderr) in the chosen format."""
    stream = stream or sys.stderr
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        JsonFormatter() if wants_json(log_format, stream) else logging.Formatter(TEXT_FORMAT)
    )
    handler.addFilter(drop_bolt_token_warning)
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    debugging = logging.getLevelName(level) <= logging.DEBUG
    for name, floor in _CHATTY.items():  # their INFO is per job or per request
        logging.getLogger(name).setLevel(logging.NOTSET if debugging else floor)
