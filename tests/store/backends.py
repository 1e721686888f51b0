"""Both stores for the tests: a pytest plugin that runs store tests on SQLite and PostgreSQL.

Every test under ``tests/store`` that uses the ``store_url`` fixture (directly or through
``store`` / ``loaded_store``), and every test module marked ``both_stores``, runs once per
store: ``test_x[sqlite]`` and ``test_x[postgres]`` (as APScheduler tests its data stores).

PostgreSQL: the server at ``BRIEFBOT_TEST_POSTGRES_URL`` (default the local one, trust auth,
user postgres; ``.ci/run`` starts it). One throwaway database ``briefbot_test_<random>`` is
created per run and dropped at the end; each test starts from empty tables. When the server
is not reachable the PostgreSQL half FAILS with a message saying so. Developers without a
server may set ``BRIEFBOT_TEST_POSTGRES=0`` to run the SQLite half only; CI never sets it.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

ADMIN_URL = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
ENABLED = os.environ.get("BRIEFBOT_TEST_POSTGRES", "1") != "0"
STORE_KINDS = ("sqlite", "postgres") if ENABLED else ("sqlite",)
HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_stores: run this module's store tests on both stores")


def pytest_report_header(config: pytest.Config) -> str:
    if ENABLED:
        return f"store tests: sqlite and postgres ({_safe(ADMIN_URL)})"
    return "store tests: sqlite ONLY (BRIEFBOT_TEST_POSTGRES=0; CI runs both)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``store_url`` over both stores for store tests."""
    if "store_url" not in metafunc.fixturenames:
        return
    in_store_tests = HERE in Path(str(metafunc.definition.path)).resolve().parents
    if in_store_tests or metafunc.definition.get_closest_marker("both_stores"):
        metafunc.parametrize("store_url", STORE_KINDS, indirect=True)


class PostgresServer:
    """The throwaway database of this run, and a connection to empty it between tests."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.name = f"briefbot_test_{secrets.token_hex(4)}"
        self.url = _with_database(admin_url, self.name)
        self._cleaner: psycopg.Connection[tuple[object, ...]] | None = None

    def create(self) -> None:
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def drop(self) -> None:
        if self._cleaner is not None:
            self._cleaner.close()
        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )

    def empty(self) -> None:
        """Delete every row of every store table (the schema and its migrations stay)."""
        if self._cleaner is None:
            self._cleaner = psycopg.connect(self.url, autocommit=True)
        tables = [
            str(row[0])
            for row in self._cleaner.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename <> 'schema_migrations'"
            )
        ]
        if "store_stats" not in tables:
            return  # not migrated yet: nothing to empty
        tables.remove("store_stats")
        # DELETE, not TRUNCATE: on a few rows it is ten times faster (no new files).
        script = sql.SQL(" ").join(
            sql.SQL("DELETE FROM {};").format(sql.Identifier(t)) for t in tables
        )
        self._cleaner.execute(script)
        self._cleaner.execute(
            "UPDATE store_stats SET version = version + 1, statements = 0, tokens = 0"
        )


def _with_database(url: str, name: str) -> str:
    """The same server URL naming another database (a DATABASE_URL, as operators write it)."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def _safe(url: str) -> str:
    parts = psycopg.conninfo.conninfo_to_dict(url)
    return f"{parts.get('user', '')}@{parts.get('host', '')}:{parts.get('port', '5432')}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """This run's throwaway PostgreSQL database; fails clearly when no server answers."""
    if not ENABLED:  # only by the developer's explicit choice; CI never sets it
        pytest.skip("BRIEFBOT_TEST_POSTGRES=0: PostgreSQL-only tests not run")
    server = PostgresServer(ADMIN_URL)
    try:
        server.create()
    except psycopg.Error as err:
        pytest.fail(
            f"PostgreSQL is not reachable at {_safe(ADMIN_URL)} ({str(err).strip()}). "
            "The store tests need it: start it as .ci/run does (pg_ctlcluster ... main start), "
            "point BRIEFBOT_TEST_POSTGRES_URL at a server, or set BRIEFBOT_TEST_POSTGRES=0 to "
            "run the SQLite half only.",
            pytrace=False,
        )
    yield server
    server.drop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The run's PostgreSQL database, emptied for this test."""
    postgres_server.empty()
    return postgres_server.url


@pytest.fixture
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """DATABASE_URL of an empty store: SQLite unless parametrised (see module docstring)."""
    kind = getattr(request, "param", "sqlite")
    if kind == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"
