"""Readiness: named probes that the parts of a running bot register, checked by ``/readyz``.

The store, the scheduler and each platform connection add a probe when they start; a probe
answers True when its part can do its job now (the store answers a query, the scheduler is
running, the gateway or socket is connected). Liveness (``/healthz``) asks none of them: a
process that answers HTTP is alive, and restarting it for a platform outage would not help.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

Probe = Callable[[], bool | Awaitable[bool]]


@dataclass
class Readiness:
    """The probes of one running bot; ``check`` runs them all with one deadline."""

    probes: dict[str, Probe] = field(default_factory=dict)
    timeout: float = 2.0  # seconds for all probes together: a hung store is "not ready"

    def add(self, name: str, probe: Probe) -> None:
        """Register (or replace) the probe of a part."""
        self.probes[name] = probe

    def remove(self, name: str) -> None:
        """Forget a part's probe (it stopped on purpose)."""
        self.probes.pop(name, None)

    async def check(self) -> dict[str, bool]:
        """Each probe's answer; a probe that raises or runs past the deadline answers False."""
        names = list(self.probes)
        results = await asyncio.gather(*(self._one(n, self.probes[n]) for n in names))
        return dict(zip(names, results, strict=True))

    async def _one(self, name: str, probe: Probe) -> bool:
        try:
            async with asyncio.timeout(self.timeout):
                answer = probe()
                if inspect.isawaitable(answer):
                    answer = await answer
                return bool(answer)
        except Exception as err:  # TimeoutError included: not ready, and say why once
            log.warning("readiness probe %s failed: %s", name, type(err).__name__)
            return False
