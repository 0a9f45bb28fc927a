"""POST /v1/search: the passages a question finds, without an answer. For an assistant
(a key with `chat` that may use it: its active knowledge bases, its retrieval settings)
or for one knowledge base (a key with `documents:read`). The MCP server's `search` tool is
this route."""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from flask import Blueprint, Response, g, jsonify
from pydantic import BaseModel, ConfigDict, Field

from agents.retrieval import Passage, SearchScope
from api.deps import ANY_SCOPE, assistant_for, current_caller, get_services
from api.errors import ApiError
from api.requests import json_body
from api.routing import Routes
from api.schemas import visible_text
from tenancy import crud

bp = Blueprint("search", __name__, url_prefix="/v1")
routes = Routes(bp, tag="search")
MAX_RESULTS = 20


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(..., min_length=1, max_length=2000)
    assistant_id: str | None = Field(
        None, max_length=200, description="search this assistant's knowledge (id or name)"
    )
    knowledge_base_id: str | None = Field(
        None, max_length=100, description="or this knowledge base (needs documents:read)"
    )
    limit: int = Field(5, ge=1, le=MAX_RESULTS)


class FoundPassage(BaseModel):
    id: str | None = Field(..., description="the passage's id (its point in the index)")
    document_id: str | None
    knowledge_base_id: str | None
    text: str
    title: str
    source: str = Field(..., description="the file name or web address it came from")
    file_name: str | None = Field(..., description="the source's file name (not for web pages)")
    section: str | None
    page: int | None
    score: float


class SearchResponse(BaseModel):
    passages: list[FoundPassage]
    assistant_id: str | None
    knowledge_base_id: str | None
    request_id: str


@routes.post(  # the scope depends on where it searches: checked in the view
    "/search", scope=ANY_SCOPE, json=SearchRequest, ok=SearchResponse,
    errors=(400, 404, 415, 422),
)  # fmt: skip
def search() -> Response:
    """The best passages for `query`, best first (none when nothing is close enough)."""
    payload = SearchRequest.model_validate(json_body())
    if not visible_text(payload.query):
        raise ApiError(422, "the query has no visible text")
    caller = current_caller()
    contexts = get_services().chat.contexts
    if payload.knowledge_base_id:
        if not caller.has("documents:read"):
            raise ApiError(403, "searching a knowledge base needs the scope 'documents:read'",
                           code="missing_scope")  # fmt: skip
        with get_services().db.session() as session:
            crud.get_knowledge_base(session, org_id=caller.org_id, kb_id=payload.knowledge_base_id)
        d = contexts.defaults
        scope = SearchScope(
            org_id=caller.org_id, priorities={payload.knowledge_base_id: 0},
            mode=d.retrieval_mode, k=payload.limit, score_threshold=d.score_threshold,
        )  # fmt: skip
        searcher, assistant_id = contexts.retriever, None
    else:
        if not caller.has("chat"):
            raise ApiError(403, "searching an assistant's knowledge needs the scope 'chat'",
                           code="missing_scope")  # fmt: skip
        profile = assistant_for(caller, payload.assistant_id)
        context = contexts.for_profile(profile)
        scope = dataclasses.replace(context.scope, k=payload.limit)
        searcher, assistant_id = context.searcher, profile.id
    passages = searcher.search(payload.query, scope)
    return jsonify(
        {
            "passages": [found(p) for p in passages],
            "assistant_id": assistant_id,
            "knowledge_base_id": payload.knowledge_base_id,
            "request_id": g.request_id,
        }
    )


def found(passage: Passage) -> dict:
    ref = passage.ref
    is_web = passage.source.startswith(("http://", "https://"))
    return {
        "id": ref.point_id if ref else None,
        "document_id": ref.document_id if ref else None,
        "knowledge_base_id": ref.kb_id if ref else None,
        "text": passage.text,
        "title": passage.title,
        "source": passage.source,
        "file_name": None if is_web else PurePosixPath(passage.source).name or None,
        "section": passage.section,
        "page": passage.page,
        "score": passage.score,
    }


class AssistantDocument(BaseModel):
    id: str
    knowledge_base_id: str
    title: str | None
    source: str
    file_name: str | None
    chunks: int


class AssistantDocumentList(BaseModel):
    documents: list[AssistantDocument]
    assistant_id: str
    request_id: str


@routes.get(
    "/assistants/<assistant_id>/documents", scope="chat", ok=AssistantDocumentList,
    errors=(404,), tag="documents",
)  # fmt: skip
def assistant_documents(assistant_id: str) -> Response:
    """The documents an assistant answers from (its active knowledge bases, those read to
    the end), for a key that may use it; read one with GET /v1/documents/view."""
    caller = current_caller()
    if not caller.may_use(assistant_id):
        raise ApiError(404, f"no assistant {assistant_id!r} in this organisation")
    profile = assistant_for(caller, assistant_id)
    listed = []
    with get_services().db.session() as session:
        for kb_id, _priority in profile.priorities:
            for document in crud.list_documents(session, org_id=caller.org_id, kb_id=kb_id):
                if document.status != "completed":
                    continue
                is_web = document.source.startswith(("http://", "https://"))
                listed.append({
                    "id": document.id, "knowledge_base_id": kb_id, "title": document.title,
                    "source": document.source, "chunks": document.chunks,
                    "file_name": None if is_web else PurePosixPath(document.source).name,
                })  # fmt: skip
    return jsonify({"documents": listed, "assistant_id": profile.id, "request_id": g.request_id})
