"""The address guard: private, loopback, link-local and friends are refused on every hop."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from bot.errors import FetchError
from bot.ingest.fetch import fetch
from bot.ingest.guard import AddressGuard, AddressRefusedError, is_public
from bot.ingest.http import guarded_client
from bot.settings import IngestSettings
from tests.ingest.conftest import LocalServer, fake_resolver, public_guard


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fd00::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
        # Issue 13 fault 11: every non-global range, not only the ones is_private knows.
        "fec0::1",  # site-local (deprecated, still routed inside some networks)
        "feff:ffff::1",  # the top of fec0::/10
        "5f00::1",  # SRv6 segment identifiers
        "3fff::1",  # documentation (RFC 9637)
        "2001:db8::1",  # documentation
        "100::1",  # discard-only
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b:1::a00:1",  # local-use NAT64
        "::7f00:1",  # IPv4-compatible (deprecated) 127.0.0.1
        "2001:10::1",  # ORCHID
        "192.0.0.1",  # IETF protocol assignments
        "192.0.2.1",  # TEST-NET-1
        "198.18.0.1",  # benchmarking
        "198.51.100.1",  # TEST-NET-2
        "203.0.113.1",  # TEST-NET-3
        "192.88.99.1",  # 6to4 relay anycast (deprecated)
        "0.1.2.3",  # "this network"
        "fc00::1",  # unique-local
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "2620:4f:8000::1",  # AS112: anycast, but global
        "2002:5db8:d822::1",  # 6to4 wrapping a public IPv4 address
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.8:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fd00::5]/",
        "http://[fec0::1]/",
        "http://[::ffff:127.0.0.1]/",
        "https://0.0.0.0/",
    ],
)
async def test_ip_literals_are_refused(url: str) -> None:
    with pytest.raises(AddressRefusedError, match="non-public"):
        await AddressGuard().check_url(httpx.URL(url))


async def test_hostname_resolving_to_loopback_is_refused() -> None:
    guard = AddressGuard(resolver=fake_resolver({"sneaky.example": ["127.0.0.1"]}))  # type: ignore[arg-type]
    with pytest.raises(AddressRefusedError, match=r"sneaky\.example"):
        await guard.check_url(httpx.URL("http://sneaky.example/"))


async def test_one_private_address_among_public_ones_is_refused() -> None:
    guard = AddressGuard(resolver=fake_resolver({"mixed.example": ["93.184.216.34", "10.0.0.1"]}))  # type: ignore[arg-type]
    with pytest.raises(AddressRefusedError):
        await guard.check_url(httpx.URL("http://mixed.example/"))


async def test_unresolvable_host_is_refused() -> None:
    guard = AddressGuard(resolver=fake_resolver({}))  # type: ignore[arg-type]
    with pytest.raises(AddressRefusedError, match="no address"):
        await guard.check_url(httpx.URL("http://nowhere.example/"))


@pytest.mark.parametrize("url", ["ftp://files.example/a.txt", "file:///etc/passwd"])
async def test_other_schemes_are_refused_even_when_private_is_allowed(url: str) -> None:
    with pytest.raises(AddressRefusedError, match="only http and https"):
        await AddressGuard(allow_private=True).check_url(httpx.URL(url))


async def test_public_name_passes_and_allow_private_skips_the_check() -> None:
    await public_guard("news.example").check_url(httpx.URL("https://news.example/a"))
    await AddressGuard(allow_private=True).check_url(httpx.URL("http://127.0.0.1/"))


async def test_redirect_to_a_private_host_is_refused_before_it_is_sent(
    ingest_settings: IngestSettings,
) -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://internal.example/secrets"})

    guard = public_guard("news.example", private={"internal.example": "10.0.0.7"})
    async with guarded_client(
        ingest_settings, allow_private=False, guard=guard, transport=httpx.MockTransport(handler)
    ) as client:
        with pytest.raises(AddressRefusedError, match=r"internal\.example"):
            await fetch(client, "http://news.example/story", ingest_settings)
    assert sent == ["http://news.example/story"]


async def test_redirect_to_metadata_ip_is_refused(ingest_settings: IngestSettings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "http://169.254.169.254/latest/"})

    guard = public_guard("news.example")
    async with guarded_client(
        ingest_settings, allow_private=False, guard=guard, transport=httpx.MockTransport(handler)
    ) as client:
        with pytest.raises(FetchError, match="169.254.169.254"):
            await fetch(client, "http://news.example/story", ingest_settings)


async def test_guard_on_refuses_the_local_server_without_a_request(
    local_server: LocalServer, ingest_settings: IngestSettings
) -> None:
    local_server.serve("/page", "<html><body>hi</body></html>")
    async with guarded_client(ingest_settings, allow_private=False) as client:
        with pytest.raises(AddressRefusedError):
            await fetch(client, local_server.url("/page"), ingest_settings)
    assert local_server.requests == []


async def test_localhost_name_is_refused_with_the_system_resolver(
    ingest_settings: IngestSettings,
) -> None:
    async with guarded_client(ingest_settings, allow_private=False) as client:
        with pytest.raises(AddressRefusedError):
            await fetch(client, "http://localhost:9/", ingest_settings)
