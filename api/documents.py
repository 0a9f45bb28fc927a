"""The first version's document API, kept for existing clients: /v1/documents acts on
the default knowledge base of the caller's organisation (admin scope). New clients use
/v1/knowledge-bases/{kb_id}/documents."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, url_for

from api.audit_trail import audit_now
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.routing import Routes
from api.schemas import DeletedDocument, DocumentList, JobResponse
from api.uploads import UPLOAD_ERRORS, DocumentIn, parse_uploads, queue_upload
from tenancy import crud
from tenancy.models import DEFAULT_KB_ID

bp = Blueprint("documents", __name__, url_prefix="/v1/documents")
routes = Routes(bp, tag="documents (default knowledge base)")


@routes.post(
    "", scope="documents:write", json=DocumentIn, ok={202: JobResponse}, errors=UPLOAD_ERRORS
)
def upload() -> tuple[Response, int, dict[str, str]]:
    uploads = parse_uploads()
    if len(uploads) != 1:
        raise ApiError(422, "this route takes one file; use /v1/knowledge-bases/{id}/documents")
    job = queue_upload(uploads[0], org_id=current_caller().org_id, kb_id=DEFAULT_KB_ID)
    location = url_for("documents.job", job_id=job["job_id"])
    return jsonify({**job, "request_id": g.request_id}), 202, {"Location": location}


@routes.get("/jobs/<job_id>", scope="documents:read", ok=JobResponse, errors=(404, 503))
def job(job_id: str) -> Response:
    record = get_services().documents.job(org_id=current_caller().org_id, job_id=job_id)
    return jsonify({**record, "request_id": g.request_id})


@routes.get("", scope="documents:read", ok=DocumentList, errors=(404, 503))
def list_all() -> Response:
    org_id = current_caller().org_id
    with get_services().db.session() as session:
        crud.get_knowledge_base(session, org_id=org_id, kb_id=DEFAULT_KB_ID)
        documents = crud.list_documents(session, org_id=org_id, kb_id=DEFAULT_KB_ID)
        body = [
            {
                "document_id": d.id,
                "source": d.source,
                "title": d.title or "",
                "chunks": d.chunks,
                "status": d.status,
            }
            for d in documents
        ]
    return jsonify({"documents": body, "request_id": g.request_id})


@routes.delete("/<doc_id>", scope="documents:write", ok=DeletedDocument, errors=(404, 503))
def delete(doc_id: str) -> Response:
    chunks = get_services().documents.delete_document(
        org_id=current_caller().org_id, kb_id=DEFAULT_KB_ID, doc_id=doc_id
    )
    audit_now("document.deleted", "document", doc_id, {"kb_id": DEFAULT_KB_ID, "chunks": chunks})
    return jsonify(
        {"deleted": True, "document_id": doc_id, "chunks": chunks, "request_id": g.request_id}
    )
