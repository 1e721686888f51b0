"""A throwaway PostgreSQL database per test, on the local server that ``.ci/run`` starts.

``BRIEFBOT_TEST_POSTGRES_URL`` names the server's admin database, as for the store suite
(default ``postgresql://postgres@127.0.0.1:5432/postgres``). When no server answers, the test
fails with that address in its message; it is skipped, saying so, only when a developer opts
out explicitly with ``BRIEFBOT_TEST_POSTGRES=0`` (CI never does).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator

import psycopg
import pytest

ADMIN_URL = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
SERVER = ADMIN_URL.rsplit("/", 1)[0]
ENABLED = os.environ.get("BRIEFBOT_TEST_POSTGRES", "1") != "0"


async def admin_connection() -> psycopg.AsyncConnection[tuple[object, ...]]:
    """An autocommit connection to the server's ``postgres`` database, or a clear failure."""
    if not ENABLED:
        pytest.skip("BRIEFBOT_TEST_POSTGRES=0: PostgreSQL scheduler-lock tests not run")
    try:
        return await psycopg.AsyncConnection.connect(ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as err:
        pytest.fail(
            f"PostgreSQL not reachable at {ADMIN_URL} ({err}); start it (.ci/run does) or "
            "point BRIEFBOT_TEST_POSTGRES_URL at one",
            pytrace=False,
        )


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """The URL of a fresh database, dropped (with its sessions) afterwards."""
    name = f"briefbot_test_{secrets.token_hex(6)}"
    admin = await admin_connection()
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        yield f"{SERVER}/{name}"
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()


async def terminate_sessions(url: str, *, pid: int | None = None) -> int:
    """Kill server sessions on a test database (all, or one backend): a leader dying."""
    database = url.rsplit("/", 1)[1]
    admin = await admin_connection()
    try:
        where = "datname = %s AND pid <> pg_backend_pid()"
        params: tuple[object, ...] = (database,)
        if pid is not None:
            where += " AND pid = %s"
            params = (database, pid)
        cursor = await admin.execute(
            f"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {where}", params
        )
        row = await cursor.fetchone()
        return int(row[0]) if row else 0
    finally:
        await admin.close()
