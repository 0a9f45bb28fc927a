"""An organisation's data sources: made, read, refreshed and deleted (plain keyword-only
functions over a session), and opened as engines for a turn.

A database is kept as its URL, encrypted (it may carry a password); spreadsheets as a
DuckDB file at `<store_dir>/<org_id>/<id>.duckdb`. Every lookup filters on `org_id`:
another organisation's id is not found.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from data_sources.engines import (
    DuckEngine,
    Engine,
    PostgresEngine,
    SourceUnavailable,
    SqliteEngine,
    TableInfo,
    describe_duckdb,
    engine_for_url,
    safe_url,
)
from data_sources.servers import ServerRule
from data_sources.spreadsheets import Upload, build_store
from tenancy import crud
from tenancy.models import Assistant, DataSource, new_id
from tenancy.secrets_box import SecretsBox


@dataclass(frozen=True)
class SourcePlaces:
    """Where data sources live on this deployment."""

    store_dir: Path  # spreadsheets' DuckDB files
    sqlite_dir: Path | None  # SQLite data sources: each organisation's folder inside it
    max_upload_bytes: int
    servers: ServerRule = field(default_factory=ServerRule)  # database servers reached

    def sqlite_dir_of(self, org_id: str) -> Path | None:
        return self.sqlite_dir / org_id if self.sqlite_dir is not None else None


@dataclass(frozen=True)
class DataSourceRef:
    """A data source as a turn needs it (hashable: part of an assistant's profile)."""

    id: str
    name: str
    engine: str
    locator: str = field(repr=False)  # the database URL (decrypted) or the DuckDB file
    tables_json: str = "[]"

    @property
    def tables(self) -> list[TableInfo]:
        return [TableInfo.from_dict(t) for t in json.loads(self.tables_json)]


def store_path(places: SourcePlaces, *, org_id: str, source_id: str) -> Path:
    return places.store_dir / org_id / f"{source_id}.duckdb"


def create_database_source(
    session: Session,
    *,
    box: SecretsBox,
    places: SourcePlaces,
    org_id: str,
    name: str,
    description: str,
    url: str,
) -> DataSource:
    """A database the organisation has; its tables are read now (BadSourceUrl for a URL
    refused, SourceUnavailable when it cannot be opened)."""
    _name_is_free(session, org_id=org_id, name=name)
    engine = engine_for_url(url, sqlite_dir=places.sqlite_dir_of(org_id), servers=places.servers)
    if isinstance(engine, SqliteEngine):  # kept as the file it resolved to
        url = f"sqlite:///{engine.path}"
    tables = engine.describe()
    return _added(
        session,
        DataSource(
            id=new_id("ds"), org_id=org_id, name=name, description=description, kind="sql",
            engine=engine.kind, url_encrypted=box.encrypt(url),
            tables=[t.to_dict() for t in tables], files=[],
        ),
    )  # fmt: skip


def create_spreadsheet_source(
    session: Session,
    *,
    places: SourcePlaces,
    org_id: str,
    name: str,
    description: str,
    uploads: list[Upload],
) -> DataSource:
    """Spreadsheets made into tables (SpreadsheetError naming a file that cannot be)."""
    _name_is_free(session, org_id=org_id, name=name)
    source_id = new_id("ds")
    path = store_path(places, org_id=org_id, source_id=source_id)
    build_store(uploads, path, max_bytes=places.max_upload_bytes)
    try:
        return _added(
            session,
            DataSource(
                id=source_id, org_id=org_id, name=name, description=description,
                kind="spreadsheet", engine="duckdb", url_encrypted=None,
                tables=[t.to_dict() for t in describe_duckdb(path)],
                files=[u.filename for u in uploads],
            ),
        )  # fmt: skip
    except BaseException:
        path.unlink(missing_ok=True)
        raise


SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class BadDatabaseFile(ValueError):
    """An uploaded file is not a SQLite database that can be read (the message says why)."""


def create_uploaded_sqlite_source(
    session: Session,
    *,
    box: SecretsBox,
    places: SourcePlaces,
    org_id: str,
    name: str,
    description: str,
    upload: Upload,
) -> DataSource:
    """A SQLite database file an admin uploaded, kept in the organisation's own folder
    under a name of its own (nothing there is replaced) and opened read-only like any
    SQLite source. A file that is not one, or cannot be read, is refused and not kept."""
    _name_is_free(session, org_id=org_id, name=name)
    if not upload.content.startswith(SQLITE_HEADER):
        raise BadDatabaseFile(f"{upload.filename!r} is not a SQLite database")
    folder = places.sqlite_dir_of(org_id)
    if folder is None:
        raise BadDatabaseFile("this deployment keeps no SQLite files (SQL_SOURCES_DIR)")
    folder.mkdir(parents=True, exist_ok=True)
    source_id = new_id("ds")
    path = folder / f"{source_id}.db"
    content = bytearray(upload.content)
    if len(content) >= 20 and content[18:20] == b"\x02\x02":
        # A WAL-mode file is read as a rollback-journal one: read-only opening needs no
        # -wal/-shm beside it (nothing of a WAL came with the upload anyway).
        content[18:20] = b"\x01\x01"
    partial = path.with_suffix(".part")
    partial.write_bytes(bytes(content))
    partial.replace(path)
    try:
        tables = SqliteEngine(path).describe()
        if not tables:
            raise BadDatabaseFile(f"{upload.filename!r} has no tables")
        return _added(
            session,
            DataSource(
                id=source_id, org_id=org_id, name=name, description=description, kind="sql",
                engine="sqlite", url_encrypted=box.encrypt(f"sqlite:///{path}"),
                tables=[t.to_dict() for t in tables], files=[upload.filename],
            ),
        )  # fmt: skip
    except SourceUnavailable as exc:
        path.unlink(missing_ok=True)
        raise BadDatabaseFile(f"{upload.filename!r} cannot be read as a database: {exc}") from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _name_is_free(session: Session, *, org_id: str, name: str) -> None:
    """The organisation exists and has no data source of that name (crud's errors)."""
    crud.get_organisation(session, org_id=org_id)
    crud.name_free(session, DataSource, org_id=org_id, name=name)


def _added(session: Session, record: DataSource) -> DataSource:
    session.add(record)
    session.flush()
    return record


def list_sources(session: Session, *, org_id: str) -> list[DataSource]:
    query = select(DataSource).where(DataSource.org_id == org_id)
    return list(session.scalars(query.order_by(DataSource.created_at, DataSource.id)))


def get_source(session: Session, *, org_id: str, source_id: str) -> DataSource:
    record = session.get(DataSource, source_id)
    if record is None or record.org_id != org_id:
        raise crud.NotFound("data source", source_id)
    return record


def refresh_tables(
    session: Session, *, box: SecretsBox, places: SourcePlaces, record: DataSource
) -> bool:
    """Read the tables again (a database changes); False when it cannot be reached (the
    tables last read are kept)."""
    try:
        tables = engine_of(ref_of(record, box=box, places=places), places.servers).describe()
    except SourceUnavailable:
        return False
    record.tables = [t.to_dict() for t in tables]
    return True


def delete_source(session: Session, *, places: SourcePlaces, org_id: str, source_id: str) -> Path:
    """Delete the data source and its place on assistants; the file to remove once that
    is committed (a spreadsheets' store, or a SQLite file that was uploaded)."""
    record = get_source(session, org_id=org_id, source_id=source_id)
    uploaded = record.engine == "sqlite" and bool(record.files) and places.sqlite_dir_of(org_id)
    for assistant in session.scalars(select(Assistant).where(Assistant.org_id == org_id)):
        if source_id in (assistant.data_source_ids or []):
            assistant.data_source_ids = [i for i in assistant.data_source_ids if i != source_id]
    session.delete(record)
    session.flush()
    if uploaded:
        return uploaded / f"{source_id}.db"
    return store_path(places, org_id=org_id, source_id=source_id)


def delete_organisation_files(places: SourcePlaces, *, org_id: str) -> None:
    shutil.rmtree(places.store_dir / org_id, ignore_errors=True)


def check_ids(session: Session, *, org_id: str, source_ids: list[str]) -> None:
    """NotFound for an id that is not one of the organisation's data sources."""
    for source_id in source_ids:
        get_source(session, org_id=org_id, source_id=source_id)


def ref_of(record: DataSource, *, box: SecretsBox, places: SourcePlaces) -> DataSourceRef:
    if record.engine == "duckdb":
        locator = str(store_path(places, org_id=record.org_id, source_id=record.id))
    else:
        locator = box.decrypt(record.url_encrypted or "")
    return DataSourceRef(
        id=record.id, name=record.name, engine=record.engine, locator=locator,
        tables_json=json.dumps(record.tables, sort_keys=True, default=str),
    )  # fmt: skip


def sources_loader(
    *, box: SecretsBox, places: SourcePlaces
) -> Callable[[Session, str, Sequence[str]], tuple[DataSourceRef, ...]]:
    """What tenancy.profiles.ProfileStore reads an assistant's data sources with."""

    def load(session: Session, org_id: str, ids: Sequence[str]) -> tuple[DataSourceRef, ...]:
        return tuple(
            ref_of(record, box=box, places=places)
            for record in list_sources(session, org_id=org_id)
            if record.id in ids
        )

    return load


def engine_of(ref: DataSourceRef, servers: ServerRule) -> Engine:
    if ref.engine == "duckdb":
        return DuckEngine(Path(ref.locator))
    if ref.engine == "sqlite":
        # The folder was checked when the source was made (the URL holds the resolved path).
        return SqliteEngine(Path(make_url(ref.locator).database or ""))
    return PostgresEngine(ref.locator, servers=servers)  # checked again at each connection


def source_out(record: DataSource, *, box: SecretsBox) -> dict[str, Any]:
    """As the API shows it: the URL without its password; a SQLite file by its name in
    the organisation's folder (where the server keeps it is not the caller's to know)."""
    url = safe_url(box.decrypt(record.url_encrypted)) if record.url_encrypted else None
    if url and record.engine == "sqlite":
        url = f"sqlite:///{Path(make_url(url).database or '').name}"
    return {
        "id": record.id, "name": record.name, "description": record.description,
        "kind": record.kind, "engine": record.engine, "url": url, "files": record.files,
        "tables": record.tables, "created_at": record.created_at.isoformat(),
        "updated_at": record.updated_at.isoformat(),
    }  # fmt: skip
