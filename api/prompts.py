"""Named prompt templates of an assistant (admins): POST|GET /v1/assistants/{id}/prompts,
GET|PATCH|DELETE /v1/assistants/{id}/prompts/{name}. Used by POST /v1/chat with
`prompt_name` and `variables`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, g, jsonify
from sqlalchemy.orm import Session

from agents.prompt_templates import TemplateError, check_template
from api.audit_trail import audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import DeletedRecord, PromptIn, PromptList, PromptOut, PromptPatch
from api.requests import json_body
from api.routing import Routes
from api.serializers import prompt_out
from tenancy import prompts
from tenancy.models import PromptTemplate

bp = Blueprint("prompts", __name__, url_prefix="/v1/assistants/<assistant_id>/prompts")
routes = Routes(bp, tag="prompts")


def _prompt(session: Session, assistant_id: str, name: str) -> PromptTemplate:
    return prompts.get(session, org_id=current_caller().org_id, assistant_id=assistant_id,
                       name=name)  # fmt: skip


def _checked(template: str, variables: dict[str, str], schema: dict[str, Any] | None) -> None:
    try:
        check_template(template, variables, schema)
    except TemplateError as exc:
        raise ApiError(422, str(exc)) from exc


@routes.post(
    "", scope="content:write", json=PromptIn, ok={201: PromptOut}, errors=(400, 404, 409, 415, 422)
)
def create(assistant_id: str) -> tuple[Response, int]:
    payload = PromptIn.model_validate(json_body())
    _checked(payload.template, payload.variables, payload.output_schema)
    with get_services().db.session() as session:
        record = prompts.create(session, org_id=current_caller().org_id,
                                assistant_id=assistant_id, **payload.model_dump())  # fmt: skip
        audited(session, "prompt.created", "prompt", f"{assistant_id}/{payload.name}",
                payload.model_dump())  # fmt: skip
        return jsonify(prompt_out(record)), 201


@routes.get("", scope="content:write", ok=PromptList, errors=(404,))
def list_all(assistant_id: str) -> Response:
    with get_services().db.session() as session:
        records = prompts.listed(session, org_id=current_caller().org_id, assistant_id=assistant_id)
        return jsonify({"prompts": [prompt_out(r) for r in records]})


@routes.get("/<name>", scope="content:write", ok=PromptOut, errors=(404,))
def get(assistant_id: str, name: str) -> Response:
    with get_services().db.session() as session:
        record = _prompt(session, assistant_id, name)
        return jsonify(prompt_out(record))


@routes.patch(
    "/<name>", scope="content:write", json=PromptPatch, ok=PromptOut, errors=(400, 404, 415, 422)
)
def update(assistant_id: str, name: str) -> Response:
    payload = PromptPatch.model_validate(json_body())
    changes = payload.model_dump(exclude_unset=True)
    if any(v is None for k, v in changes.items() if k != "output_schema"):
        raise ApiError(422, "only output_schema may be cleared with null")
    with get_services().db.session() as session:
        record = _prompt(session, assistant_id, name)
        merged = {k: getattr(record, k) for k in ("template", "variables", "output_schema")}
        merged.update({k: v for k, v in changes.items() if k in merged})
        _checked(merged["template"], merged["variables"], merged["output_schema"])
        for field, value in changes.items():
            setattr(record, field, value)
        audited(session, "prompt.updated", "prompt", f"{assistant_id}/{name}", changes)
        session.flush()
        return jsonify(prompt_out(record))


@routes.delete("/<name>", scope="content:write", ok=DeletedRecord, errors=(404,))
def delete(assistant_id: str, name: str) -> Response:
    with get_services().db.session() as session:
        record = _prompt(session, assistant_id, name)
        session.delete(record)
        audited(session, "prompt.deleted", "prompt", f"{assistant_id}/{name}")
    return jsonify({"deleted": True, "id": record.id, "request_id": g.request_id})
