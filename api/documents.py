"""Admin document API: upload (202 + job), job status, list, delete."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, current_app, g, jsonify, request, url_for
from qdrant_client import models

from api.auth import require_api_key
from api.chat import json_body
from api.errors import ApiError
from api.openapi import document, responses
from api.schemas import DeletedDocument, DocumentIn, DocumentList, JobResponse
from knowledge.chunking import document_id
from knowledge.loaders import UnsupportedFormatError, kind_of
from knowledge.store import document_filter, list_documents, point_ids

bp = Blueprint("documents", __name__, url_prefix="/v1/documents")


def _admin() -> str:
    return require_api_key(current_app.config["SETTINGS"].admin_api_keys, admin=True)


def _service():  # type: ignore[no-untyped-def]
    return current_app.extensions["chat_service"]()


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "document"


def _upload() -> tuple[str, str | None, bytes]:
    settings = current_app.config["SETTINGS"]
    if (request.content_length or 0) > settings.max_upload_bytes:
        raise ApiError(413, f"uploads are limited to {settings.max_upload_bytes} bytes")
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise ApiError(422, "send the document in a multipart field named 'file'")
        source = request.form.get("source") or Path(upload.filename).name
        title = request.form.get("title") or None
        content = upload.read(settings.max_upload_bytes + 1)
        if len(content) > settings.max_upload_bytes:
            raise ApiError(413, f"uploads are limited to {settings.max_upload_bytes} bytes")
    else:
        document = DocumentIn.model_validate(json_body())
        source = document.source or f"api/{_slug(document.title)}.md"
        if not Path(source).suffix:
            source += ".md"
        title, content = document.title, document.text.encode()
    try:
        kind_of(source)
    except UnsupportedFormatError as exc:
        raise ApiError(415, str(exc)) from exc
    if not content.strip():
        raise ApiError(422, "the document is empty")
    return source, title, content


@bp.post("")
@document(
    json=DocumentIn,
    resp=responses({"HTTP_202": JobResponse}, 400, 401, 413, 415, 422, 503),
    tags=["documents"],
    security={"ApiKey": []},
)
def upload() -> tuple[Response, int, dict[str, str]]:
    _admin()
    source, title, content = _upload()
    service = _service()
    job = service.jobs.create(source=source, title=title, content=content)
    service.job_runner.notify()
    location = url_for("documents.job", job_id=job["job_id"])
    body = {**job, "document_id": document_id(source), "request_id": g.request_id}
    return jsonify(body), 202, {"Location": location}


@bp.get("/jobs/<job_id>")
@document(
    resp=responses({"HTTP_200": JobResponse}, 401, 404, 503),
    tags=["documents"],
    security={"ApiKey": []},
)
def job(job_id: str) -> Response:
    _admin()
    if not re.fullmatch(r"[0-9a-f]{32}", job_id):
        raise ApiError(404, "no such job")
    record = _service().jobs.get(job_id)
    if record is None:
        raise ApiError(404, "no such job (or it expired)")
    return jsonify({**record, "document_id": document_id(record["source"])})


@bp.get("")
@document(
    resp=responses({"HTTP_200": DocumentList}, 401, 503),
    tags=["documents"],
    security={"ApiKey": []},
)
def list_all() -> Response:
    _admin()
    service = _service()
    documents = list_documents(service.qdrant, service.settings.collection_name)
    return jsonify(
        {
            "documents": [
                {
                    "document_id": d.document_id,
                    "source": d.source,
                    "title": d.title,
                    "chunks": d.chunks,
                }
                for d in documents
            ]
        }
    )


@bp.delete("/<doc_id>")
@document(
    resp=responses({"HTTP_200": DeletedDocument}, 401, 404, 503),
    tags=["documents"],
    security={"ApiKey": []},
)
def delete(doc_id: str) -> Response:
    _admin()
    service = _service()
    collection = service.settings.collection_name
    ids = point_ids(service.qdrant, collection, document_filter(doc_id))
    if not ids:
        raise ApiError(404, "no such document")
    service.qdrant.delete(collection, models.PointIdsList(points=list(ids)))
    return jsonify({"deleted": True, "document_id": doc_id, "chunks": len(ids)})
