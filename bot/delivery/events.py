"""Hooks the fan-out calls as deliveries happen, so that metrics live outside delivery.

The delivery layer knows nothing of Prometheus: it reports to a ``DeliveryEvents`` (a no-op by
default), and ``bot/app.py`` hands it the metrics module's implementation. Every call is cheap
and synchronous; an implementation must never raise.
"""

from __future__ import annotations

from typing import Protocol


class DeliveryEvents(Protocol):
    """What a fan-out reports: outcomes, retries (429s among them), lag and duration."""

    def outcome(self, platform: str, status: str, reason: str | None) -> None:
        """A channel's delivery ended (``status`` a DeliveryStatus value or "busy")."""
        ...

    def retry(self, platform: str, reason: str) -> None:
        """A send failed and will be tried again (``reason`` a FailureReason value)."""
        ...

    def lag(self, platform: str, seconds: float) -> None:
        """The last part of a delivery landed this long after its slot."""
        ...

    def fanout(self, schedule: str, seconds: float, channels: int) -> None:
        """A fan-out of one slot finished."""
        ...


class NoEvents:
    """The default: report nothing."""

    def outcome(self, platform: str, status: str, reason: str | None) -> None:
        """Ignored."""

    def retry(self, platform: str, reason: str) -> None:
        """Ignored."""

    def lag(self, platform: str, seconds: float) -> None:
        """Ignored."""

    def fanout(self, schedule: str, seconds: float, channels: int) -> None:
        """Ignored."""
