"""A hostile HTTP server on 127.0.0.1: answers that drip one byte every few seconds.

The threaded ``LocalServer`` answers whole responses; an attacker's server instead sends the
status line and then one header byte (or one body byte) every ``interval`` seconds, which no
per-read timeout ever trips. Each connection runs on its own daemon thread and every wait is
cut short when the server stops, so a test never outlives its own deadline by much.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

#: What the server does per path: drip the headers, or send headers then drip the body.
DRIP_HEADERS = "/drip-headers"
DRIP_BODY = "/drip-body"


@dataclass
class DripServer:
    """Drips on the two paths above; ``connections`` counts the requests it received."""

    interval: float = 2.0
    port: int = 0
    connections: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def handle(self, conn: socket.socket) -> None:
        """Read the request head, then drip the answer until stopped or the client leaves."""
        with conn, contextlib.suppress(OSError):
            conn.settimeout(5)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                head += chunk
            self.connections += 1
            path = head.split(b" ", 2)[1].decode("ascii", "replace")
            if path.startswith(DRIP_BODY):
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                )
                tail = b"<p>" + b"x" * 99_997
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                tail = b"X-Slow: " + b"a" * 99_990
            # Bounded even when the client never gives up (a regression): about 10 s.
            for byte in tail[: int(10 / self.interval)]:
                if self.stop.wait(self.interval):
                    return
                conn.sendall(bytes([byte]))


@contextlib.contextmanager
def drip_server(interval: float = 2.0) -> Iterator[DripServer]:
    """Serve on an ephemeral port until the block ends; every thread ends with it."""
    server = DripServer(interval=interval)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    server.port = listener.getsockname()[1]
    threads: list[threading.Thread] = []

    def accept() -> None:
        while not server.stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=server.handle, args=(conn,), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield server
    finally:
        server.stop.set()
        acceptor.join(timeout=5)
        listener.close()
        for thread in threads:
            thread.join(timeout=5)
