"""Every Prometheus metric briefbot exports, defined once, in the default registry.

Other modules only call the small helpers below (one line at the place where the thing
happens), so that names, labels and buckets live here and nowhere else. Label values are
bounded: platforms, outcomes, verbs and configured feed names, never user input.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import REGISTRY as DEFAULT_REGISTRY
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

disable_created_metrics()  # type: ignore[no-untyped-call]  # the *_created series only double what a scrape has to read
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

DELIVERIES = Counter(
    "briefbot_deliveries_total",
    "Scheduled or ad-hoc deliveries to one channel, by platform and final outcome.",
    ["platform", "outcome"],
)
DELIVERY_RETRIES = Counter(
    "briefbot_delivery_retries_total",
    "Delivery attempts retried after a failure or a rate limit, by platform.",
    ["platform"],
)
RATE_LIMITED = Counter(
    "briefbot_rate_limited_total",
    "HTTP 429 answers from a platform during delivery, by platform.",
    ["platform"],
)
DELIVERY_LAG = Histogram(
    "briefbot_delivery_lag_seconds",
    "Seconds from a slot's fire time to its message being posted, by platform.",
    ["platform"],
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
)
FANOUT_SECONDS = Histogram(
    "briefbot_fanout_duration_seconds",
    "Seconds one fan-out (one slot to all its channels) took.",
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900),
)
COMMAND_SECONDS = Histogram(
    "briefbot_command_duration_seconds",
    "Seconds from receiving a command to its last reply, by platform and verb.",
    ["platform", "verb"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
FEED_POLLS = Counter(
    "briefbot_feed_polls_total",
    "Feed polls by configured feed name and outcome (new, unchanged, error).",
    ["feed", "outcome"],
)
ARTICLES_EXTRACTED = Counter(
    "briefbot_articles_extracted_total",
    "Articles turned into summaries by the extractor, by where they came from.",
    ["source"],
)
SLACK_REQUESTS_REFUSED = Counter(
    "briefbot_slack_requests_refused_total",
    "Requests to /slack/events refused before Bolt saw them, by reason.",
    ["reason"],
)
SLACK_DUPLICATES = Counter(
    "briefbot_slack_duplicates_total",
    "Slack requests acknowledged and ignored because some replica handled them already.",
    ["kind"],
)
HTTP_CONNECTIONS_SHED = Counter(
    "briefbot_http_connections_shed_total",
    "Idle HTTP connections closed to make room under the file-descriptor limit.",
)
HTTP_ACCEPT_ERRORS = Counter(
    "briefbot_http_accept_errors_total",
    "Connections the kernel could not hand over (out of file descriptors).",
)


class DeliveryMetrics:
    """The fan-out's ``DeliveryEvents`` (bot/delivery/events.py), counted here."""

    def outcome(self, platform: str, status: str, reason: str | None) -> None:
        """Count one channel's final outcome."""
        DELIVERIES.labels(platform, status).inc()

    def retry(self, platform: str, reason: str) -> None:
        """Count one retry, and the 429 behind it if it was one."""
        record_retry(platform, rate_limited=reason == "rate_limited")

    def lag(self, platform: str, seconds: float) -> None:
        """Observe how long after its slot a delivery's last part landed."""
        DELIVERY_LAG.labels(platform).observe(max(0.0, seconds))

    def fanout(self, schedule: str, seconds: float, channels: int) -> None:
        """Observe one fan-out's duration."""
        FANOUT_SECONDS.observe(seconds)


def record_delivery(
    platform: str, outcome: str, *, slot: dt.datetime | None = None, now: dt.datetime | None = None
) -> None:
    """Count one channel's final outcome; for a delivered one, observe the lag after its slot."""
    DELIVERIES.labels(platform, outcome).inc()
    if slot is not None and now is not None and outcome == "delivered":
        DELIVERY_LAG.labels(platform).observe(max(0.0, (now - slot).total_seconds()))


def record_retry(platform: str, *, rate_limited: bool) -> None:
    """Count one retry, and the 429 that caused it if it was one."""
    DELIVERY_RETRIES.labels(platform).inc()
    if rate_limited:
        RATE_LIMITED.labels(platform).inc()


@contextmanager
def time_command(platform: str, verb: str) -> Iterator[None]:
    """Observe how long the enclosed command took to answer, errors included."""
    started = time.perf_counter()
    try:
        yield
    finally:
        COMMAND_SECONDS.labels(platform, verb).observe(time.perf_counter() - started)


def record_feed_poll(feed: str, *, added: int, problems: int) -> None:
    """Count one poll of a configured feed as 'new' (articles added), 'error' (nothing added
    and something failed) or 'unchanged'."""
    outcome = "new" if added else "error" if problems else "unchanged"
    FEED_POLLS.labels(feed, outcome).inc()


def record_extracted(source: str, count: int = 1) -> None:
    """Count articles the extractor produced ('feed', 'url', 'file')."""
    ARTICLES_EXTRACTED.labels(source).inc(count)


def exposition(registry: CollectorRegistry = DEFAULT_REGISTRY) -> bytes:
    """The registry in Prometheus' text format, for ``GET /metrics``."""
    return generate_latest(registry)
