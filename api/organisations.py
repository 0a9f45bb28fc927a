"""Organisations. Platform admins (ADMIN_API_KEYS): POST|GET /v1/admin/organisations,
DELETE /v1/admin/organisations/{id}. An organisation's admins: GET|PATCH /v1/organisation
(its name and its own LLM provider)."""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify

from api.audit_trail import audited
from api.deps import current_caller, get_services
from api.errors import ApiError
from api.platform_schemas import (
    DeletedRecord,
    OrganisationCreated,
    OrganisationIn,
    OrganisationList,
    OrganisationOut,
    OrganisationPatch,
)
from api.requests import json_body
from api.routing import PLATFORM_ADMIN, Routes
from api.serializers import api_key_out, organisation_out
from data_sources import catalog
from tenancy import crud
from utils.outbound import AddressRefused, check_outbound_url

bp = Blueprint("organisations", __name__, url_prefix="/v1")
routes = Routes(bp, tag="platform admin")
own_routes = Routes(bp, tag="organisation")  # an organisation admin's own


@routes.post(
    "/admin/organisations",
    scope=PLATFORM_ADMIN,
    json=OrganisationIn,
    ok={201: OrganisationCreated},
    errors=(400, 409, 415, 422),
)
def create_organisation() -> tuple[Response, int]:
    """Create an organisation; its first admin key is in the response, and only there."""
    payload = OrganisationIn.model_validate(json_body())
    with get_services().db.session() as session:
        organisation, record, key = crud.create_organisation_with_admin_key(
            session, name=payload.name, slug=payload.slug
        )
        audited(session, "organisation.created", "organisation", organisation.id,
                {"name": organisation.name, "slug": organisation.slug}, org_id=organisation.id)  # fmt: skip
        body = {
            **organisation_out(organisation),
            "admin_key": {**api_key_out(record), "key": key},
            "request_id": g.request_id,
        }
    return jsonify(body), 201


@routes.get("/admin/organisations", scope=PLATFORM_ADMIN, ok=OrganisationList)
def list_organisations() -> Response:
    with get_services().db.session() as session:
        organisations = [organisation_out(o) for o in crud.list_organisations(session)]
    return jsonify({"organisations": organisations})


@routes.delete(
    "/admin/organisations/<org_id>", scope=PLATFORM_ADMIN, ok=DeletedRecord, errors=(404, 409, 503)
)
def delete_organisation(org_id: str) -> Response:
    """Delete an organisation with its knowledge bases, points, assistants, keys and
    conversations."""
    services = get_services()
    with services.db.session() as session:
        crud.delete_organisation(session, org_id=org_id)
        audited(session, "organisation.deleted", "organisation", org_id, org_id=org_id)
        # Keys first (in the same transaction): nothing can use the organisation while
        # its points and conversations go.
        points = services.documents.delete_organisation_points(org_id)
        conversations = services.chat.delete_organisation(org_id)
    catalog.delete_organisation_files(services.places, org_id=org_id)  # its spreadsheets
    services.keys.forget()
    return jsonify(
        {
            "deleted": True,
            "id": org_id,
            "points": points,
            "conversations": conversations,
            "request_id": g.request_id,
        }
    )


@own_routes.get("/organisation", scope="admin", ok=OrganisationOut)
def get_own_organisation() -> Response:
    with get_services().db.session() as session:
        organisation = crud.get_organisation(session, org_id=current_caller().org_id)
        return jsonify(organisation_out(organisation))


@own_routes.patch(
    "/organisation",
    scope="admin",
    json=OrganisationPatch,
    ok=OrganisationOut,
    errors=(400, 415, 422),
)
def update_own_organisation() -> Response:
    """Rename the organisation or set its own LLM provider (the key is stored encrypted
    and never returned; send `"llm": {}` to go back to the deployment's provider)."""
    payload = OrganisationPatch.model_validate(json_body())
    services = get_services()
    org_id = current_caller().org_id
    with services.db.session() as session:
        organisation = crud.get_organisation(session, org_id=org_id)
        if "name" in payload.model_fields_set and payload.name:
            organisation.name = payload.name
        if payload.llm is not None:
            llm = payload.llm
            if llm.base_url:
                _public_endpoint(llm.base_url, services.settings.provider_allowed_hosts)
            crud.set_llm_provider(
                session,
                org_id=org_id,
                base_url=llm.base_url,
                model=llm.model,
                encrypted_key=services.box.encrypt(llm.api_key) if llm.api_key else None,
            )
        for field in ("retention_days", "log_questions", "escalation_email"):
            if field in payload.model_fields_set:
                setattr(organisation, field, getattr(payload, field))
        changes = payload.model_dump(exclude_unset=True)
        if payload.llm is not None:  # the provider key is never written to the trail
            changes["llm"] = {**payload.llm.model_dump(exclude_unset=True, exclude={"api_key"}),
                              "api_key": "(set)" if payload.llm.api_key else None}  # fmt: skip
        audited(session, "organisation.updated", "organisation", org_id, changes)
        body = organisation_out(organisation)
    services.profiles.forget()
    return jsonify(body)


def _public_endpoint(url: str, allowed_hosts: list[str]) -> None:
    """The server calls an organisation's endpoint: never on the deployment's network."""
    try:
        check_outbound_url(url, allowed_hosts=allowed_hosts)
    except AddressRefused as exc:
        raise ApiError(422, f"llm.base_url: {exc}", code="validation_error") from exc
