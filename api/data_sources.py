"""Data sources of the caller's organisation (admin scope): POST|GET /v1/data-sources,
GET|DELETE /v1/data-sources/{id}. A database comes as JSON with its URL; spreadsheets
as multipart `files` (each file or sheet a table), or one SQLite database file."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, request
from pydantic import ValidationError

from api.audit_trail import audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import DataSourceIn, DataSourceList, DataSourceOut, DeletedRecord
from api.requests import json_body
from api.routing import Routes
from data_sources import catalog
from data_sources.engines import BadSourceUrl, SourceUnavailable
from data_sources.spreadsheets import SpreadsheetError, Upload

bp = Blueprint("data_sources", __name__, url_prefix="/v1/data-sources")
routes = Routes(bp, tag="data sources")

MAX_FILES = 20


@routes.post(
    "",
    scope="admin",
    json=DataSourceIn,
    ok={201: DataSourceOut},
    errors=(400, 404, 409, 413, 415, 422),
)
def create() -> tuple[Response, int]:
    """A database (JSON: name, url) or spreadsheets (multipart: name, files). Its tables
    are read at once: a database that cannot be reached, or a file that cannot be read,
    is a 422 saying why, and nothing is kept."""
    services = get_services()
    org_id = current_caller().org_id
    with services.db.session() as session:
        try:
            if request.mimetype == "multipart/form-data":
                record = _spreadsheets(session, org_id)
            else:
                payload = DataSourceIn.model_validate(json_body())
                record = catalog.create_database_source(
                    session, box=services.box, places=services.places, org_id=org_id,
                    name=payload.name, description=payload.description, url=payload.url,
                )  # fmt: skip
        except (BadSourceUrl, SpreadsheetError, SourceUnavailable, catalog.BadDatabaseFile) as exc:
            raise ApiError(422, str(exc)) from exc
        shown = catalog.source_out(record, box=services.box)
        url = shown["url"]
        audited(session, "data_source.created", "data_source", record.id,
                {"name": record.name, "kind": record.kind, "url": url,
                 "files": record.files})  # fmt: skip
        return jsonify(shown), 201


def _spreadsheets(session: object, org_id: str) -> object:
    services = get_services()
    limit = services.places.max_upload_bytes
    if (request.content_length or 0) > limit + 64 * 1024:
        raise ApiError(413, f"the files exceed {limit} bytes (DATA_SOURCE_MAX_BYTES)")
    try:
        fields = DataSourceIn.model_validate(
            {"name": request.form.get("name", ""), "url": "spreadsheet",
             "description": request.form.get("description", "")}
        )  # fmt: skip
    except ValidationError as exc:
        raise ApiError(422, "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())) from exc
    files = request.files.getlist("files") + request.files.getlist("file")
    if len(files) > MAX_FILES:
        raise ApiError(422, f"at most {MAX_FILES} files at once")
    uploads = [Upload(f.filename or "file", f.read(limit + 1)) for f in files]
    databases = [u for u in uploads if u.filename.lower().endswith(catalog.SQLITE_SUFFIXES)]
    if databases:
        if len(uploads) > 1:
            raise ApiError(422, "send a SQLite database alone: one file, no spreadsheets")
        if len(databases[0].content) > limit:
            raise ApiError(413, f"the file exceeds {limit} bytes (DATA_SOURCE_MAX_BYTES)")
        return catalog.create_uploaded_sqlite_source(
            session, box=services.box, places=services.places, org_id=org_id,  # type: ignore[arg-type]
            name=fields.name, description=fields.description, upload=databases[0],
        )  # fmt: skip
    return catalog.create_spreadsheet_source(
        session, places=services.places, org_id=org_id, name=fields.name,  # type: ignore[arg-type]
        description=fields.description, uploads=uploads,
    )  # fmt: skip


@routes.get("", scope="admin", ok=DataSourceList)
def list_all() -> Response:
    services = get_services()
    with services.db.session() as session:
        records = catalog.list_sources(session, org_id=current_caller().org_id)
        body = [catalog.source_out(r, box=services.box) for r in records]
    return jsonify({"data_sources": body})


@routes.get("/<source_id>", scope="admin", ok=DataSourceOut, errors=(404,))
def get(source_id: str) -> Response:
    """The data source with its tables read now (a database changes); when it cannot be
    reached, the tables as last read and `reachable: false`."""
    services = get_services()
    with services.db.session() as session:
        record = catalog.get_source(session, org_id=current_caller().org_id, source_id=source_id)
        reachable = catalog.refresh_tables(
            session, box=services.box, places=services.places, record=record
        )
        body = {**catalog.source_out(record, box=services.box), "reachable": reachable}
    if reachable:
        services.profiles.forget()  # turns see the tables as they are now
    return jsonify(body)


@routes.delete("/<source_id>", scope="admin", ok=DeletedRecord, errors=(404,))
def delete(source_id: str) -> Response:
    """Delete the data source (a spreadsheet's tables with it; an organisation's own
    database is only forgotten) and take it off every assistant."""
    services = get_services()
    with services.db.session() as session:
        kept_file = catalog.delete_source(
            session, places=services.places, org_id=current_caller().org_id, source_id=source_id
        )
        audited(session, "data_source.deleted", "data_source", source_id)
    kept_file.unlink(missing_ok=True)
    services.profiles.forget()
    return jsonify({"deleted": True, "id": source_id, "request_id": g.request_id})
