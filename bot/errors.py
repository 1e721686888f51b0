"""The error tree. Users' mistakes get a friendly message; everything else is a bug or an outage.

BriefbotError                 anything briefbot raises on purpose
├── ConfigError               bad config file or environment: stops start-up
├── BriefError                a summary file that does not validate (others still load)
├── StoreError                the store cannot be opened or used   (bot.store.base)
├── FetchError                a URL, feed, page or file cannot be fetched or read as an article
├── PostError                 a platform refused or failed a post, classified  (bot.delivery.poster)
└── UserInputError            a command a user typed that cannot be answered as asked
"""

from __future__ import annotations

from pydantic import ValidationError


class BriefbotError(Exception):
    """Base of every error briefbot raises on purpose."""


class ConfigError(BriefbotError):
    """The configuration is invalid; the message names the file and the key."""


class BriefError(BriefbotError):
    """A summary document is invalid; the message names the file and the field path."""


class FetchError(BriefbotError):
    """Ingestion failed: refused address, too large, wrong content type, HTTP error, no text."""


class UserInputError(BriefbotError):
    """A user's command cannot be answered as asked; the message says why."""


def describe_validation(err: ValidationError) -> str:
    """Pydantic's errors as 'article.published: Input should be a valid date; …'."""
    problems = []
    for error in err.errors():
        # A key is untrusted text: one with a line break or control character is shown quoted,
        # so that a report stays one line and cannot forge another log line.
        parts = [
            f"[{p}]" if isinstance(p, int) else str(p) if str(p).isprintable() else repr(p)
            for p in error["loc"]
        ]
        location = ".".join(parts).replace(".[", "[")
        message = " ".join(error["msg"].removeprefix("Value error, ").split())
        problems.append(f"{location or '(document)'}: {message}")
    return "; ".join(problems)
