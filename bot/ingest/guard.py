"""Refuse URLs that point inside the network the bot runs in.

A chat user can hand the bot a URL, and a feed can redirect anywhere; without this check either
could make the bot fetch a cloud metadata service (169.254.169.254), an admin page on localhost
or a database on the private network. Every request a guarded client sends, including each
redirect hop, passes through ``AddressGuard.check_request`` (an httpx request hook), which
resolves the host and refuses it when any of its addresses is not public.

Known limit: the guard resolves the name itself and httpx resolves it again to connect, so a
DNS server that answers differently within seconds (DNS rebinding) is not stopped here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import httpx

from bot.errors import FetchError

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: Resolves a host name and port to the IP addresses (as text) a connection could reach.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
SCHEMES = frozenset({"http", "https"})


class AddressRefusedError(FetchError):
    """The URL's scheme or address is not one the bot may fetch."""


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for a host, without blocking the loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}") from err
    return [str(info[4][0]) for info in infos]


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    return None


#: IPv6 global unicast is allocated only from 2000::/3; anything outside it (site-local
#: fec0::/10, SRv6 5f00::/16, unique-local, link-local, multicast…) is never a public server.
GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")
#: Non-global ranges that ``ipaddress`` (as of Python 3.11) still calls global.
EXTRA_NON_GLOBAL: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = (
    ipaddress.IPv4Network("192.88.99.0/24"),  # 6to4 relay anycast, deprecated (RFC 7526)
    ipaddress.IPv6Network("3fff::/20"),  # documentation (RFC 9637)
    ipaddress.IPv6Network("fec0::/10"),  # site-local, deprecated (RFC 3879)
)


def is_public(address: IPAddress) -> bool:
    """True only for a globally routable unicast address, embedded IPv4 included.

    ``ipaddress``'s ``is_global`` (the IANA special-purpose registries) is the base; on top,
    IPv6 must be global unicast (2000::/3) and the ranges in ``EXTRA_NON_GLOBAL`` are refused.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None and not is_public(embedded):
            return False
        if embedded is None and address not in GLOBAL_UNICAST_V6:
            return False
    if any(address in network for network in EXTRA_NON_GLOBAL):
        return False
    flags = (
        address.is_private,
        address.is_loopback,
        address.is_link_local,
        address.is_multicast,
        address.is_reserved,
        address.is_unspecified,
    )
    return address.is_global and not any(flags)


def parse_ip(text: str) -> IPAddress | None:
    """An IP literal (brackets and IPv6 zone dropped), or None for a host name."""
    candidate = text.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


@dataclass(frozen=True)
class AddressGuard:
    """Checks a URL's scheme and every address its host resolves to."""

    allow_private: bool = False
    resolver: Resolver = field(default=system_resolver)

    async def check_url(self, url: httpx.URL) -> None:
        """Raise AddressRefusedError unless the bot may fetch this URL."""
        if url.scheme not in SCHEMES:
            raise AddressRefusedError(f"refused {url}: only http and https URLs are fetched")
        if not url.host:
            raise AddressRefusedError(f"refused {url}: no host")
        if self.allow_private:
            return
        for address in await self._addresses(url):
            if not is_public(address):
                log.warning("refused %s: %s is not a public address", url, address)
                raise AddressRefusedError(
                    f"refused {url}: {url.host} is a private, loopback or otherwise "
                    f"non-public address ({address}); set allow_private_addresses to allow it"
                )

    async def _addresses(self, url: httpx.URL) -> list[IPAddress]:
        """The host itself when it is an IP literal, else what it resolves to."""
        literal = parse_ip(url.host)
        if literal is not None:
            return [literal]
        port = url.port or (443 if url.scheme == "https" else 80)
        found = [parse_ip(text) for text in await self.resolver(url.host, port)]
        addresses = [a for a in found if a is not None]
        if not addresses:
            raise AddressRefusedError(f"refused {url}: {url.host} resolves to no address")
        return addresses

    async def check_request(self, request: httpx.Request) -> None:
        """httpx request hook: runs before the first request and before every redirect hop."""
        await self.check_url(request.url)
