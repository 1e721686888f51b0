"""Pacing hands out send times at the platform's rates, from a fake monotonic clock."""

from __future__ import annotations

from bot.delivery.pacing import Pacer, Pacing
from bot.delivery.poster import FailureReason, PostError
from bot.delivery.retry import RetryPolicy


def test_workspace_and_per_channel_intervals() -> None:
    now = [0.0]
    pacer = Pacer(Pacing(interval=0.1, per_channel=1.0), monotonic=lambda: now[0])
    waits = [pacer.reserve(c) for c in ("a", "b", "c")]
    assert waits == [0.0, 0.1, 0.2]
    assert round(pacer.reserve("a"), 6) == 1.0  # the channel's own second
    assert round(pacer.reserve("d"), 6) == 0.3  # others keep the workspace pace


def test_429_pauses_the_whole_platform() -> None:
    now = [10.0]
    pacer = Pacer(Pacing(interval=0.0, per_channel=0.0), monotonic=lambda: now[0])
    pacer.pause(5.0)
    assert pacer.reserve("x") == 5.0


def test_retry_policy_bounds() -> None:
    policy = RetryPolicy(rand=lambda: 1.0, max_failures=3)
    transient = PostError(FailureReason.TRANSIENT, "503")
    assert [policy.delay(transient, n, 0) for n in (1, 2, 3)] == [1.0, 2.0, None]
    limited = PostError(FailureReason.RATE_LIMITED, "429", retry_after=12.0)
    assert policy.delay(limited, 0, 1) == 12.0
    assert policy.delay(PostError(FailureReason.FORBIDDEN, "403"), 0, 0) is None
    huge = PostError(FailureReason.RATE_LIMITED, "429", retry_after=10_000.0)
    assert policy.delay(huge, 0, 1) is None
