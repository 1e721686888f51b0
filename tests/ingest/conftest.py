"""A local HTTP server on 127.0.0.1 (ephemeral port) with a route table, and article texts.

Routes map a path to a handler that returns (status, headers, body); every request's path
and headers are recorded so that tests can assert what the bot sent (conditional GET).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.ingest.guard import AddressGuard
from bot.settings import IngestSettings

Reply = tuple[int, dict[str, str], bytes]
Route = Callable[["Seen"], Reply]


@dataclass
class Seen:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class LocalServer:
    """Routes to serve and the requests received."""

    port: int = 0
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        **headers: str,
    ) -> None:
        """Answer GETs of ``path`` with a fixed response."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        fixed = {"Content-Type": content_type, **headers}
        self.routes[path] = lambda _seen: (status, fixed, data)


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen = Seen(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length),
            )
            server.requests.append(seen)
            route = server.routes.get(self.path.split("?")[0])
            status, headers, body = (
                route(seen) if route else (404, {"Content-Type": "text/plain"}, b"not found")
            )
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Keep test output quiet."""

    return Handler


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (timeout tests) is expected; no traceback for it."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A threaded HTTP server on 127.0.0.1 for the duration of one test."""
    server = LocalServer()
    httpd = _QuietServer(("127.0.0.1", 0), _handler(server))
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def ingest_settings() -> IngestSettings:
    """Small limits so that hostile-input tests stay fast."""
    return IngestSettings(timeout_seconds=5, max_bytes=200_000, max_redirects=3)


def fake_resolver(table: dict[str, list[str]]) -> Callable[[str, int], object]:
    """A resolver answering from a table; unknown names resolve to nothing."""

    async def resolve(host: str, port: int) -> list[str]:
        return table.get(host, [])

    return resolve


#: A public address for names the fake resolver knows; no traffic is ever sent to it.
PUBLIC_IP = "93.184.216.34"


def public_guard(*hosts: str, private: dict[str, str] | None = None) -> AddressGuard:
    """A guard (private addresses refused) whose resolver maps hosts to a public address."""
    table = {host: [PUBLIC_IP] for host in hosts}
    table.update({host: [ip] for host, ip in (private or {}).items()})
    return AddressGuard(allow_private=False, resolver=fake_resolver(table))  # type: ignore[arg-type]


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour council approves new ferry line | Coastal Courier</title>
<meta property="og:title" content="Harbour council approves new ferry line">
<meta name="author" content="Mira Okafor">
<meta property="article:published_time" content="2025-12-18T09:00:00Z">
<meta property="og:site_name" content="Coastal Courier">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a>
| Subscribe now for unlimited access</nav></header>
<div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
<main><article>
<h1>Harbour council approves new ferry line</h1>
<p>The harbour council voted on Tuesday to open a ferry line between the old port and the
northern islands, ending a decade of debate about how islanders reach the mainland.</p>
<p>"This is the day the islands stop being an afterthought," said Council Leader Tomas Berg,
who proposed the plan in 2019.</p>
<p>Berg said the first boats would sail in the spring and that tickets would cost less than
the bus fare they replace.</p>
<p>Two council members who voted against the plan said the cost estimate was too optimistic.
The ferry operator did not respond to a request for comment.</p>
</article></main>
<aside><h3>Most read</h3><ul><li>Storm closes coastal road</li><li>Local team wins cup</li></ul></aside>
<footer>Copyright Coastal Courier. All rights reserved. Privacy policy. Terms.</footer>
</body></html>
"""
