"""People of the caller's organisation: GET /v1/users, PATCH|DELETE /v1/users/{id},
POST|GET /v1/invitations, DELETE /v1/invitations/{id}. For owners and admins (an admin
key acts as an admin)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify
from pydantic import Field
from sqlalchemy import select

from api.audit_trail import audited
from api.auth import EMAIL, UserOut
from api.deps import current_caller, get_services, refuse_when_impersonated
from api.platform_schemas import Deleted, Strict
from api.requests import json_body
from api.routing import Routes
from people import accounts
from tenancy.models import ROLES, OneTimeToken, utcnow

bp = Blueprint("users", __name__, url_prefix="/v1")
routes = Routes(bp, tag="people")
ROLE_PATTERN = "^(" + "|".join(ROLES) + ")$"


class UserList(Strict):
    users: list[UserOut]
    request_id: str | None = None


class RoleIn(Strict):
    role: str = Field(..., pattern=ROLE_PATTERN)


class InvitationIn(Strict):
    email: str = Field(..., pattern=EMAIL, max_length=320)
    role: str = Field(..., pattern=ROLE_PATTERN)


class InvitationOut(Strict):
    id: str
    email: str
    role: str | None
    expires_at: str
    accepted: bool
    expired: bool
    token: str | None = None
    url: str | None = None
    request_id: str | None = None


class InvitationList(Strict):
    invitations: list[InvitationOut]
    request_id: str | None = None


@routes.get("/users", scope="admin", ok=UserList)
def list_users() -> Response:
    with get_services().db.session() as session:
        members = accounts.list_members(session, org_id=current_caller().org_id)
        return jsonify({"users": [accounts.user_out(u, m) for u, m in members]})


@routes.patch("/users/<user_id>", scope="admin", json=RoleIn, ok=UserOut,
              errors=(400, 404, 409, 413, 415, 422))  # fmt: skip
def change_role(user_id: str) -> Response:
    """A member's role. Only an owner gives or takes `owner`; the last owner keeps it."""
    payload = RoleIn.model_validate(json_body())
    caller = current_caller()
    if payload.role == "owner":
        refuse_when_impersonated("making an owner")  # lasting access beyond support's
    with get_services().db.session() as session:
        user, member = accounts.change_role(session, org_id=caller.org_id, user_id=user_id,
                                            role=payload.role, granter=caller.role)  # fmt: skip
        audited(session, "user.role_changed", "user", user_id, {"role": payload.role})
        return jsonify(accounts.user_out(user, member))


@routes.delete("/users/<user_id>", scope="admin", ok=UserOut, errors=(404, 409))
def remove_user(user_id: str) -> Response:
    """Remove a person from the organisation (their account stays, with other
    organisations); their sign-ins in this organisation end."""
    caller = current_caller()
    services = get_services()
    with services.db.session() as session:
        user = accounts.remove_member(session, org_id=caller.org_id, user_id=user_id,
                                      granter=caller.role)  # fmt: skip
        services.tokens.revoke_user(session, user_id, caller.org_id)
        audited(session, "user.removed", "user", user_id, {"email": user.email})
        return jsonify(accounts.user_out(user))


@routes.post("/invitations", scope="admin", json=InvitationIn, ok={201: InvitationOut},
             errors=(400, 409, 413, 415, 422))  # fmt: skip
def invite() -> tuple[Response, int]:
    """A one-time link for a person to join with a role (mailed when SMTP is set; the
    token and link are in the answer, once, to hand over otherwise)."""
    payload = InvitationIn.model_validate(json_body())
    caller = current_caller()
    if payload.role == "owner":
        refuse_when_impersonated("inviting an owner")  # lasting access beyond support's
    services = get_services()
    settings = services.settings
    with services.db.session() as session:
        record, token = accounts.invite(
            session, org_id=caller.org_id, email=payload.email, role=payload.role,
            granter=caller.role, created_by=caller.key_id, days=settings.invitation_days,
        )  # fmt: skip
        audited(session, "invitation.created", "invitation", record.id,
                {"email": record.email, "role": record.role})  # fmt: skip
        url = f"{settings.public_url_or_local}/?invitation={token}"
        body = {**_invitation_out(record), "token": token, "url": url}
    services.notifier.mail(
        to=payload.email, subject="You are invited",
        text=f"You are invited to join as {payload.role}. Open this link within "
             f"{settings.invitation_days:g} days to set your password:\n\n{url}\n",
    )  # fmt: skip
    return jsonify(body), 201


@routes.get("/invitations", scope="admin", ok=InvitationList)
def list_invitations() -> Response:
    with get_services().db.session() as session:
        query = select(OneTimeToken).where(
            OneTimeToken.org_id == current_caller().org_id, OneTimeToken.kind == "invitation"
        )
        records = session.scalars(query.order_by(OneTimeToken.created_at.desc()).limit(200))
        return jsonify({"invitations": [_invitation_out(r) for r in records]})


@routes.delete("/invitations/<invitation_id>", scope="admin", ok=Deleted,
                errors=(404, 409))  # fmt: skip
def cancel_invitation(invitation_id: str) -> Response:
    """Cancel a pending invitation: its link stops working at once."""
    with get_services().db.session() as session:
        record = accounts.cancel_invitation(
            session, org_id=current_caller().org_id, invitation_id=invitation_id
        )
        audited(session, "invitation.cancelled", "invitation", invitation_id,
                {"email": record.email})  # fmt: skip
    return jsonify({"deleted": True, "id": invitation_id})


def _invitation_out(record: OneTimeToken) -> dict:  # type: ignore[type-arg]
    return {
        "id": record.id, "email": record.email, "role": record.role,
        "expires_at": record.expires_at.isoformat(), "accepted": record.used_at is not None,
        "expired": record.used_at is None and record.expires_at <= utcnow(),
    }  # fmt: skip
