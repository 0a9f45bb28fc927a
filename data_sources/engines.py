"""Running a vetted query on a data source's engine, read-only, under a time limit and
a row cap, with the rows handed on in batches (a large result is never held whole).

SQLite databases are opened with `mode=ro`; PostgreSQL sessions are read-only
(`default_transaction_read_only`) with a `statement_timeout`; spreadsheets live in a
DuckDB file opened `read_only` with external access off. The time limit is also kept
from this side (SQLite's progress handler, DuckDB's interrupt).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import duckdb
import psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from data_sources.servers import ServerRefused, ServerRule

log = logging.getLogger(__name__)

FETCH_BATCH = 2000
FIRST_BATCH = 20
FETCH_BYTES = 4 * 1024 * 1024  # what one fetch may bring at most, as the first rows suggest
SQLITE_MAX_VALUE_BYTES = 1_000_000
NEUTRAL_CONNECT_ERROR = (
    "cannot connect to the database: check its host, port, database name and credentials"
)
SAMPLE_ROWS = 3


class SourceError(RuntimeError):
    """The database refused or failed the query (its message is given to the model)."""


class SourceUnavailable(SourceError):
    """The database cannot be opened or reached."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str


@dataclass(frozen=True)
class TableInfo:
    name: str
    columns: tuple[Column, ...]
    rows: int | None
    sample: tuple[tuple[Any, ...], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "columns": [{"name": c.name, "type": c.type} for c in self.columns],
            "rows": self.rows,
            "sample": [[_plain(v) for v in row] for row in self.sample],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableInfo:
        return cls(
            name=data["name"],
            columns=tuple(Column(c["name"], c["type"]) for c in data["columns"]),
            rows=data.get("rows"),
            sample=tuple(tuple(row) for row in data.get("sample", [])),
        )


class RowSink(Protocol):
    full: bool  # no more rows wanted (a cap on bytes reached)

    def begin(self, columns: list[str]) -> None: ...
    def add(self, rows: Sequence[Sequence[Any]]) -> int: ...  # how many it took


@dataclass
class RunStats:
    rows: int = 0
    truncated: bool = False
    elapsed_ms: float = 0.0
    columns: list[str] = field(default_factory=list)


class Engine(Protocol):
    kind: str

    def describe(self) -> list[TableInfo]: ...

    def run(self, sql: str, *, sink: RowSink, timeout_s: float, max_rows: int) -> RunStats: ...


def _plain(value: Any) -> Any:
    """A value as JSON can carry it."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _row_bytes(row: Sequence[Any]) -> int:
    return sum(len(v) if isinstance(v, (str, bytes)) else 8 for v in row) + 1


def _drain(
    cursor: Any, sink: RowSink, max_rows: int, started: float, columns: list[str]
) -> RunStats:
    stats = RunStats(columns=columns)
    sink.begin(columns)
    size = FIRST_BATCH  # rows of large values come fewer at a time
    while stats.rows < max_rows:
        if sink.full:
            stats.truncated = True
            break
        batch = cursor.fetchmany(min(size, max_rows - stats.rows))
        if not batch:
            break
        stats.rows += sink.add(batch)
        size = max(1, min(FETCH_BATCH, FETCH_BYTES // _row_bytes(batch[0])))
    else:
        stats.truncated = bool(cursor.fetchmany(1))
    stats.elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
    return stats


# --- SQLite ------------------------------------------------------------------------------


class SqliteEngine:
    kind = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self, timeout_s: float | None = None) -> Iterator[sqlite3.Connection]:
        if not self.path.is_file():
            raise SourceUnavailable(f"the database file {self.path.name!r} does not exist")
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=2.0)
        except sqlite3.Error as exc:
            raise SourceUnavailable(f"cannot open the database: {exc}") from exc
        try:
            conn.execute("PRAGMA query_only = ON")
            # No value the query makes may be larger than this (printf, zeroblob...).
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, SQLITE_MAX_VALUE_BYTES)
            if timeout_s is not None:
                deadline = time.monotonic() + timeout_s
                conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            yield conn
        finally:
            conn.close()

    def describe(self) -> list[TableInfo]:
        try:
            return self._describe()
        except sqlite3.Error as exc:  # not a database, damaged, or too slow to list
            raise SourceUnavailable(f"cannot read the database: {exc}") from exc

    def _describe(self) -> list[TableInfo]:
        tables = []
        with self._connect(timeout_s=10.0) as conn:
            names = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            for name in names:
                quoted = '"' + name.replace('"', '""') + '"'
                columns = tuple(
                    Column(row[1], row[2] or "ANY")
                    for row in conn.execute(f"PRAGMA table_info({quoted})")
                )
                count = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
                sample = conn.execute(f"SELECT * FROM {quoted} LIMIT {SAMPLE_ROWS}").fetchall()
                tables.append(TableInfo(name, columns, count, tuple(map(tuple, sample))))
        return tables

    def run(self, sql: str, *, sink: RowSink, timeout_s: float, max_rows: int) -> RunStats:
        started = time.perf_counter()
        with self._connect(timeout_s) as conn:
            try:
                cursor = conn.execute(sql)
                columns = [d[0] for d in cursor.description or []]
                return _drain(cursor, sink, max_rows, started, columns)
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise SourceError(f"the query took longer than {timeout_s:g} s") from exc
                raise SourceError(str(exc)) from exc
            except sqlite3.Error as exc:
                raise SourceError(str(exc)) from exc


# --- PostgreSQL ----------------------------------------------------------------------------


class PostgresEngine:
    kind = "postgresql"

    def __init__(self, url: str, *, servers: ServerRule) -> None:
        parsed = make_url(url)
        self.servers = servers
        self.params = {
            "host": parsed.host or "localhost",
            "port": parsed.port or 5432,
            "user": parsed.username,
            "password": parsed.password,
            "dbname": parsed.database,
        }

    def check_server(self) -> str:
        """The address to connect to (ServerRefused for one a data source may not reach)."""
        return self.servers.address(str(self.params["host"]), int(self.params["port"]))

    @contextmanager
    def _connect(self, timeout_s: float) -> Iterator[psycopg.Connection]:
        options = (
            "-c default_transaction_read_only=on "
            f"-c statement_timeout={int(timeout_s * 1000)} -c idle_in_transaction_session_timeout=60000"
        )
        try:
            address = self.check_server()
        except ServerRefused as exc:
            raise SourceUnavailable(str(exc)) from exc
        try:
            conn = psycopg.connect(
                **{k: v for k, v in self.params.items() if v is not None},
                hostaddr=address, options=options, connect_timeout=5, autocommit=False,
            )  # fmt: skip
        except psycopg.Error as exc:
            # One message whatever failed: refused, timed out, TLS, authentication, no such
            # database. Anything more would make the service a port scanner.
            log.info("data source connection failed: %s", _pg_message(exc))
            raise SourceUnavailable(NEUTRAL_CONNECT_ERROR) from exc
        try:
            yield conn
        finally:
            try:
                conn.rollback()  # nothing is ever committed
            finally:
                conn.close()

    def describe(self) -> list[TableInfo]:
        tables = []
        with self._connect(timeout_s=10.0) as conn:
            rows = conn.execute(
                "SELECT table_schema, table_name, column_name, data_type "
                "FROM information_schema.columns WHERE table_schema NOT IN "
                "('pg_catalog', 'information_schema') ORDER BY table_schema, table_name, "
                "ordinal_position"
            ).fetchall()
            grouped: dict[tuple[str, str], list[Column]] = {}
            for schema, table, column, kind in rows:
                grouped.setdefault((schema, table), []).append(Column(column, kind))
            for (schema, table), columns in grouped.items():
                name = table if schema == "public" else f"{schema}.{table}"
                quoted = f'"{schema}"."{table}"'.replace("\x00", "")
                try:
                    count = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
                    sample = conn.execute(f"SELECT * FROM {quoted} LIMIT {SAMPLE_ROWS}").fetchall()
                except psycopg.Error:
                    conn.rollback()
                    count, sample = None, []
                tables.append(TableInfo(name, tuple(columns), count, tuple(map(tuple, sample))))
        return tables

    def run(self, sql: str, *, sink: RowSink, timeout_s: float, max_rows: int) -> RunStats:
        started = time.perf_counter()
        with self._connect(timeout_s) as conn:
            try:
                # A server-side cursor: rows come in batches, never the whole result.
                with conn.cursor(name="data_question") as cursor:
                    cursor.execute(sql)
                    columns = [d.name for d in cursor.description or []]
                    return _drain(cursor, sink, max_rows, started, columns)
            except psycopg.errors.QueryCanceled as exc:
                raise SourceError(f"the query took longer than {timeout_s:g} s") from exc
            except psycopg.Error as exc:
                raise SourceError(_pg_message(exc)) from exc


def _pg_message(exc: psycopg.Error) -> str:
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return primary or str(exc).strip().splitlines()[0]


# --- DuckDB (spreadsheets) ------------------------------------------------------------------

DUCKDB_CONFIG = {
    "enable_external_access": False,  # no files, no network, no extensions
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "threads": 2,
    "memory_limit": "512MB",
}


class DuckEngine:
    kind = "duckdb"

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self.path.is_file():
            raise SourceUnavailable("the spreadsheet store of this data source is missing")
        try:
            conn = duckdb.connect(str(self.path), read_only=True, config=dict(DUCKDB_CONFIG))
        except duckdb.Error as exc:
            raise SourceUnavailable(f"cannot open the spreadsheet store: {exc}") from exc
        try:
            yield conn
        finally:
            conn.close()

    def describe(self) -> list[TableInfo]:
        return describe_duckdb(self.path)

    def run(self, sql: str, *, sink: RowSink, timeout_s: float, max_rows: int) -> RunStats:
        started = time.perf_counter()
        with self._connect() as conn:
            timer = threading.Timer(timeout_s, conn.interrupt)
            timer.start()
            try:
                cursor = conn.execute(sql)
                columns = [d[0] for d in cursor.description or []]
                return _drain(cursor, sink, max_rows, started, columns)
            except duckdb.InterruptException as exc:
                raise SourceError(f"the query took longer than {timeout_s:g} s") from exc
            except duckdb.Error as exc:
                if time.perf_counter() - started >= timeout_s:
                    raise SourceError(f"the query took longer than {timeout_s:g} s") from exc
                raise SourceError(str(exc).strip().splitlines()[0]) from exc
            finally:
                timer.cancel()


def describe_duckdb(path: Path) -> list[TableInfo]:
    tables = []
    conn = duckdb.connect(str(path), read_only=True, config=dict(DUCKDB_CONFIG))
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
        ]
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            columns = tuple(
                Column(r[0], r[1]) for r in conn.execute(f"DESCRIBE {quoted}").fetchall()
            )
            count = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]  # type: ignore[index]
            sample = conn.execute(f"SELECT * FROM {quoted} LIMIT {SAMPLE_ROWS}").fetchall()
            tables.append(TableInfo(name, columns, count, tuple(map(tuple, sample))))
    finally:
        conn.close()
    return tables


# --- which engine ---------------------------------------------------------------------------


class BadSourceUrl(ValueError):
    """The URL names no database this service can open (the message says why)."""


def engine_for_url(url: str, *, sqlite_dir: Path | None, servers: ServerRule) -> Engine:
    """The engine of an organisation's database URL (SQLAlchemy form). A SQLite file must
    lie under `sqlite_dir`, the folder the operator allows (None: no SQLite files)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
        raise BadSourceUrl(f"not a database URL: {exc}") from exc
    if "\x00" in url:
        raise BadSourceUrl("not a database URL: it holds a NUL character")
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return SqliteEngine(sqlite_path(parsed.database or "", sqlite_dir))
    if backend == "postgresql":
        if not parsed.database:
            raise BadSourceUrl("the PostgreSQL URL names no database")
        if set(parsed.query) & {"host", "hostaddr", "service", "passfile", "sslkey", "options"}:
            raise BadSourceUrl("the PostgreSQL URL may not set host, service, files or options")
        engine = PostgresEngine(url, servers=servers)
        try:
            engine.check_server()
        except ServerRefused as exc:
            raise BadSourceUrl(str(exc)) from exc
        return engine
    raise BadSourceUrl(
        f"databases of kind {backend!r} are not supported: use postgresql:// or sqlite:///"
    )


def sqlite_path(database: str, sqlite_dir: Path | None) -> Path:
    """The file `database` names inside `sqlite_dir` (the organisation's own folder).
    Messages name the file as given, never where the folder is."""
    if sqlite_dir is None:
        raise BadSourceUrl("SQLite files are not allowed here (the operator sets SQL_SOURCES_DIR)")
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BadSourceUrl("a SQLite data source is a file path: sqlite:///name.db")
    root = sqlite_dir.resolve()
    try:
        path = Path(database)
        path = (path if path.is_absolute() else root / path).resolve()
        found = path.is_file()
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise BadSourceUrl("not a usable SQLite file name") from exc
    given = database if len(database) <= 80 else database[:77] + "..."
    if root not in path.parents:
        raise BadSourceUrl(
            f"{given!r}: SQLite files must lie in the organisation's own folder "
            "(SQL_SOURCES_DIR/<organisation id>); name them relative to it, as sqlite:///name.db"
        )
    if not found:
        raise BadSourceUrl(f"no SQLite file {given!r} in the organisation's folder")
    return path


def safe_url(url: str) -> str:
    """The URL as it may be shown: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(invalid URL)"
