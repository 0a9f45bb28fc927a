"""Web sources of a knowledge base: POST|GET /v1/knowledge-bases/{kb_id}/sources,
GET|DELETE .../sources/{source_id}, POST .../sources/{source_id}/crawl (again, now)."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify
from pydantic import Field, field_validator

from api.audit_trail import audit_now, audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import Strict
from api.requests import json_body
from api.routing import Routes
from knowledge.documents.crawler import SafeFetcher
from tenancy import web_sources
from tenancy.models import utcnow
from utils.outbound import AddressRefused

bp = Blueprint("web_sources", __name__, url_prefix="/v1/knowledge-bases")
routes = Routes(bp, tag="web sources")


class WebSourceIn(Strict):
    kind: str = Field("web", pattern="^web$")
    url: str = Field(..., min_length=8, max_length=2000, pattern=r"^https?://")
    max_pages: int = Field(200, ge=1, le=5000)
    max_depth: int = Field(3, ge=0, le=10)
    include: list[str] = Field(
        default_factory=list, max_length=50, description="path patterns to keep: /docs/*"
    )
    exclude: list[str] = Field(
        default_factory=list, max_length=50, description="path patterns to skip: /blog/*"
    )
    refresh_hours: float | None = Field(24, gt=0, le=24 * 365)

    @field_validator("include", "exclude")
    @classmethod
    def patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            if not pattern.startswith("/") or len(pattern) > 300:
                raise ValueError(f"{pattern!r}: a path pattern starting with / (e.g. /docs/*)")
        return value


class WebSourceOut(Strict):
    model_config = {"extra": "allow"}  # type: ignore[assignment]

    id: str
    kind: str
    url: str
    status: str = Field(..., description="pending, crawling, completed or failed")


class WebSourceList(Strict):
    model_config = {"extra": "allow"}  # type: ignore[assignment]

    sources: list[WebSourceOut]


class Deleted(Strict):
    model_config = {"extra": "allow"}  # type: ignore[assignment]

    deleted: bool


@routes.post(
    "/<kb_id>/sources",
    scope="documents:write",
    json=WebSourceIn,
    ok={202: WebSourceOut},
    errors=(400, 404, 415, 422),
)
def create(kb_id: str) -> tuple[Response, int]:
    """Crawl a web site into the knowledge base (now, then every `refresh_hours`). The
    address is checked at once: an internal one is a 422."""
    payload = WebSourceIn.model_validate(json_body())
    services = get_services()
    fetcher = SafeFetcher(allowed_hosts=services.settings.web_sources_allowed_hosts)
    try:
        fetcher.address_of(payload.url)
    except AddressRefused as exc:
        raise ApiError(422, str(exc)) from exc
    finally:
        fetcher.close()
    with services.db.session() as session:
        record = web_sources.create_source(
            session, org_id=current_caller().org_id, kb_id=kb_id,
            **payload.model_dump(exclude={"kind"}),
        )  # fmt: skip
        audited(session, "web_source.created", "web_source", record.id,
                payload.model_dump())  # fmt: skip
        body = web_sources.source_out(record)
    services.queue.enqueue_crawl(body["id"])
    return jsonify(body), 202


@routes.get("/<kb_id>/sources", scope="documents:read", ok=WebSourceList, errors=(404,))
def list_all(kb_id: str) -> Response:
    with get_services().db.session() as session:
        records = web_sources.list_sources(session, org_id=current_caller().org_id, kb_id=kb_id)
        return jsonify({"sources": [web_sources.source_out(r) for r in records]})


@routes.get("/<kb_id>/sources/<source_id>", scope="documents:read", ok=WebSourceOut, errors=(404,))
def get(kb_id: str, source_id: str) -> Response:
    """The source with its crawl's progress: status, pages found, changed, unchanged,
    removed, and the pages it holds."""
    with get_services().db.session() as session:
        record = web_sources.get_source(
            session, org_id=current_caller().org_id, kb_id=kb_id, source_id=source_id
        )
        return jsonify(web_sources.source_out(record))


@routes.post(
    "/<kb_id>/sources/<source_id>/crawl",
    scope="documents:write",
    ok={202: WebSourceOut},
    errors=(404,),
)
def crawl_again(kb_id: str, source_id: str) -> tuple[Response, int]:
    services = get_services()
    with services.db.session() as session:
        record = web_sources.get_source(
            session, org_id=current_caller().org_id, kb_id=kb_id, source_id=source_id
        )
        record.next_crawl_at = utcnow() + web_sources.LOCK_DELAY
        body = web_sources.source_out(record)
    services.queue.enqueue_crawl(source_id)
    return jsonify(body), 202


@routes.delete("/<kb_id>/sources/<source_id>", scope="documents:write", ok=Deleted, errors=(404,))
def delete(kb_id: str, source_id: str) -> Response:
    """Delete the source and every page it brought into the knowledge base."""
    services = get_services()
    pages = web_sources.delete_source(
        services.db, services.qdrant, services.settings.collection_name,
        org_id=current_caller().org_id, kb_id=kb_id, source_id=source_id,
    )  # fmt: skip
    audit_now("web_source.deleted", "web_source", source_id, {"pages": pages})
    return jsonify({"deleted": True, "id": source_id, "pages": pages, "request_id": g.request_id})
