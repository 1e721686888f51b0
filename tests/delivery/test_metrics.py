"""The delivery layer reports into /metrics: outcomes, retries, 429s, lag after the slot, and
fan-out duration, read back from the Prometheus registry that /metrics serves."""

from __future__ import annotations

import datetime as dt

from prometheus_client import REGISTRY

from bot.delivery.poster import FailureReason
from bot.observability.metrics import DeliveryMetrics

from .conftest import CHANNELS, FakePoster, ServiceFactory, fail

SLOT = dt.datetime(2025, 12, 20, 7, 0, tzinfo=dt.UTC)  # the clock stands 5 s after it
FIRST = CHANNELS[0].removeprefix("slack:")


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels or None) or 0.0


async def test_a_fan_out_counts_outcomes_retries_429s_lag_and_duration(
    make_service: ServiceFactory, poster: FakePoster
) -> None:
    names = {
        "delivered": ("briefbot_deliveries_total", {"platform": "slack", "outcome": "delivered"}),
        "failed": ("briefbot_deliveries_total", {"platform": "slack", "outcome": "failed"}),
        "retries": ("briefbot_delivery_retries_total", {"platform": "slack"}),
        "rate_limited": ("briefbot_rate_limited_total", {"platform": "slack"}),
        "lag_count": ("briefbot_delivery_lag_seconds_count", {"platform": "slack"}),
        "lag_sum": ("briefbot_delivery_lag_seconds_sum", {"platform": "slack"}),
        "fanouts": ("briefbot_fanout_duration_seconds_count", {}),
    }
    before = {key: value(name, **labels) for key, (name, labels) in names.items()}
    poster.fail_next(FIRST, fail(FailureReason.RATE_LIMITED, retry_after=2.0))
    poster.fail_next(CHANNELS[1].removeprefix("slack:"), fail(FailureReason.FORBIDDEN))
    service = make_service(events=DeliveryMetrics())
    await service.deliver(await service.schedule("morning"), SLOT)
    delta = {key: value(name, **labels) - before[key] for key, (name, labels) in names.items()}
    assert delta["delivered"] == len(CHANNELS) - 1
    assert delta["failed"] == 1  # the 403
    assert delta["retries"] == 1 and delta["rate_limited"] == 1
    assert delta["lag_count"] == len(CHANNELS) - 1
    assert delta["lag_sum"] >= 5.0 * (len(CHANNELS) - 1)  # each posted 5 s or more after the slot
    assert delta["fanouts"] == 1
