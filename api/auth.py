"""Signing in: POST /v1/auth/login|refresh|logout, accepting an invitation, resetting a
password, changing one's own; a platform administrator acting as a person
(POST /v1/admin/impersonate)."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, g, jsonify, request
from pydantic import Field
from sqlalchemy import select

from api.audit_trail import audited
from api.deps import (
    ANY_SCOPE,
    PLATFORM_ADMIN,
    current_caller,
    get_services,
    refuse_when_impersonated,
    resolve_caller,
)
from api.errors import ApiError
from api.platform_schemas import Strict
from api.requests import json_body
from api.routing import Routes
from people import accounts
from people.tokens import TokenRefused
from tenancy.models import Organisation, RefreshToken, User

log = logging.getLogger(__name__)
bp = Blueprint("auth", __name__, url_prefix="/v1")
routes = Routes(bp, tag="people")

EMAIL = r"^[^@\s]{1,200}@[^@\s]{1,118}$"


class LoginIn(Strict):
    email: str = Field(..., pattern=EMAIL, max_length=320)
    password: str = Field(..., min_length=1, max_length=256)
    org_id: str | None = Field(
        None, max_length=100, description="the organisation, by id or short name (slug); "
        "default: the person's first",
    )  # fmt: skip


class MembershipOut(Strict):
    id: str
    name: str
    slug: str
    role: str


class TokenPair(Strict):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    org_id: str | None = None
    role: str | None = None
    organisations: list[MembershipOut] | None = Field(
        None, description="every organisation the person belongs to (switch with "
        "POST /v1/auth/switch)",
    )  # fmt: skip
    request_id: str | None = None


class SwitchIn(Strict):
    org_id: str = Field(..., min_length=1, max_length=100, description="id or short name")


class LinkIn(Strict):
    token: str = Field(..., min_length=1, max_length=200)


class LinkOut(Strict):
    kind: str = Field(..., description="invitation or reset")
    email: str = Field(..., description="the account the link is for")
    organisation: str | None = None
    role: str | None = None
    existing_account: bool | None = Field(
        None, description="an invitation to an email that has an account: accept with that "
        "account's password (the name stays the account's)",
    )  # fmt: skip
    request_id: str | None = None


class RefreshIn(Strict):
    refresh_token: str = Field(..., min_length=1, max_length=200)


class AcceptIn(Strict):
    token: str = Field(..., min_length=1, max_length=200)
    password: str = Field(..., min_length=1, max_length=256)
    name: str | None = Field(None, max_length=200)


class ResetRequestIn(Strict):
    email: str = Field(..., pattern=EMAIL, max_length=320)


class ResetIn(Strict):
    token: str = Field(..., min_length=1, max_length=200)
    password: str = Field(..., min_length=1, max_length=256)


class PasswordIn(Strict):
    current_password: str = Field(..., min_length=1, max_length=256)
    new_password: str = Field(..., min_length=1, max_length=256)


class ImpersonateIn(Strict):
    user_id: str = Field(..., min_length=1, max_length=40)
    org_id: str = Field(..., min_length=1, max_length=40)


class UserOut(Strict):
    id: str
    email: str
    name: str
    platform_admin: bool
    role: str | None = None
    org_id: str | None = None
    created_at: str | None = None
    last_login_at: str | None = None
    impersonated_by: str | None = None
    request_id: str | None = None


class Accepted(Strict):
    accepted: bool
    request_id: str | None = None


class ResetAccepted(Accepted):
    mail_configured: bool = Field(
        ..., description="false: this service sends no mail, so no link was sent (an "
        "operator makes one with `flask --app app users reset-link`)",
    )  # fmt: skip
    valid_hours: float


class ImpersonationOut(Strict):
    access_token: str
    token_type: str
    expires_in: int
    impersonation_id: str
    impersonated: UserOut
    request_id: str | None = None


@routes.post("/auth/login", scope=None, json=LoginIn, ok=TokenPair,
             errors=(400, 401, 413, 415, 422, 429))  # fmt: skip
def login() -> Response:
    """Email and password for a short-lived access token (`Authorization: Bearer`) and a
    refresh token; in the organisation asked for, else the person's first."""
    payload = LoginIn.model_validate(json_body())
    services = get_services()
    services.login_limits.attempt(address=request.remote_addr or "unknown", email=payload.email)
    with services.db.session() as session:
        user = accounts.sign_in(session, email=payload.email, password=payload.password)
        if user is None:
            services.login_limits.failed(email=payload.email)
            raise ApiError(401, "wrong email or password", code="bad_credentials")
        services.login_limits.succeeded(email=payload.email)
        org_id, role = _organisation_for(session, user, payload.org_id)
        pair = services.tokens.pair(session, user=user, org_id=org_id, role=role)
        accounts.record_own_action(session, user, org_id=org_id, action="user.signed_in")
        listed = _organisations_of(session, user)
    return jsonify({**pair, "org_id": org_id, "role": role, "organisations": listed})


@routes.post("/auth/switch", scope=ANY_SCOPE, json=SwitchIn, ok=TokenPair,
             errors=(400, 413, 415, 422))  # fmt: skip
def switch_organisation() -> Response:
    """A signed-in person moves to another organisation they belong to (by id or short
    name): a new token pair there, and the sign-in it came from ends."""
    caller = current_caller()
    if caller.user_id is None:
        raise ApiError(403, "sign in as a person to switch organisations", code="forbidden")
    refuse_when_impersonated("switching organisations")
    payload = SwitchIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        user = session.get(User, caller.user_id)
        assert user is not None  # the caller was resolved from it just now
        org_id, role = _organisation_for(session, user, payload.org_id)
        pair = services.tokens.pair(session, user=user, org_id=org_id, role=role)
        if caller.sign_in:
            services.tokens.revoke_family(session, caller.sign_in)
        accounts.record_own_action(session, user, org_id=org_id, action="user.signed_in")
        listed = _organisations_of(session, user)
    return jsonify({**pair, "org_id": org_id, "role": role, "organisations": listed})


@routes.post("/auth/link", scope=None, json=LinkIn, ok=LinkOut, errors=(400, 413, 415, 422))
def link_info() -> Response:
    """What an invitation or reset link is for, without using it: the email it was sent
    to, and for an invitation the organisation, role and whether that email already has
    an account. A used, expired or unknown link is a 400."""
    payload = LinkIn.model_validate(json_body())
    with get_services().db.session() as session:
        info = accounts.link_info(session, token=payload.token)
    return jsonify({**info, "request_id": g.request_id})


def _organisations_of(session, user: User) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    listed = []
    for member in accounts.memberships_of(session, user.id):
        organisation = session.get(Organisation, member.org_id)
        if organisation is not None:
            listed.append({"id": organisation.id, "name": organisation.name,
                           "slug": organisation.slug, "role": member.role})  # fmt: skip
    return listed


def _organisation_for(session, user: User, wanted: str | None) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    if wanted and session.get(Organisation, wanted) is None:  # a short name (slug)?
        by_slug = session.scalars(select(Organisation).where(Organisation.slug == wanted)).first()
        wanted = by_slug.id if by_slug is not None else wanted
    memberships = accounts.memberships_of(session, user.id)
    for member in memberships:
        if wanted in (None, member.org_id):
            return member.org_id, member.role
    if user.platform_admin and wanted and session.get(Organisation, wanted) is not None:
        return wanted, "admin"
    if user.platform_admin and not wanted:
        from tenancy.models import DEFAULT_ORG_ID

        return DEFAULT_ORG_ID, "admin"
    if not memberships and not wanted:
        raise ApiError(403, "this account belongs to no organisation", code="forbidden")
    raise ApiError(403, "this account is not a member of that organisation", code="forbidden")


@routes.post("/auth/refresh", scope=None, json=RefreshIn, ok=TokenPair,
             errors=(400, 401, 413, 415, 422))  # fmt: skip
def refresh() -> Response:
    """A new access token and a new refresh token; the one sent no longer works (sent
    again, it revokes every token of its sign-in)."""
    payload = RefreshIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        try:
            used = services.tokens.use_refresh(session, payload.refresh_token)
        except TokenRefused as exc:
            raise ApiError(401, str(exc), code="token_refused") from exc
        user = session.get(User, used.user_id)
        role = accounts.role_in(session, user, used.org_id) if user else None
        if user is None or role is None:
            services.tokens.revoke_family(session, used.family_id)
            session.commit()
            raise ApiError(401, "this account no longer belongs to the organisation",
                           code="token_refused")  # fmt: skip
        pair = services.tokens.pair(session, user=user, org_id=used.org_id, role=role,
                                    family=used.family_id)  # fmt: skip
        listed = _organisations_of(session, user)
    return jsonify({**pair, "org_id": used.org_id, "role": role, "organisations": listed})


class LogoutIn(Strict):
    refresh_token: str | None = Field(None, min_length=1, max_length=200)


@routes.post("/auth/logout", scope=None, json=LogoutIn, ok=Accepted,
             errors=(400, 401, 413, 415, 422))  # fmt: skip
def logout() -> Response:
    """End a sign-in: every token of it, the access tokens too (each request checks that
    its sign-in holds). Named by its refresh token, else by the access token presented."""
    presented = request.content_length or request.is_json
    payload = LogoutIn.model_validate(json_body()) if presented else LogoutIn()
    services = get_services()
    with services.db.session() as session:
        if payload.refresh_token is not None:
            try:
                services.tokens.revoke(session, payload.refresh_token)
            except TokenRefused as exc:
                raise ApiError(401, str(exc), code="token_refused") from exc
            return jsonify({"accepted": True})
        caller = resolve_caller()
        if caller is None or caller.sign_in is None:
            raise ApiError(401, "send the refresh_token, or sign out with the access token "
                           "of a sign-in (Authorization: Bearer)", code="token_refused")  # fmt: skip
        services.tokens.revoke_family(session, caller.sign_in)
    return jsonify({"accepted": True})


@routes.post("/auth/accept-invitation", scope=None, json=AcceptIn, ok={201: UserOut},
             errors=(400, 403, 409, 413, 415, 422))  # fmt: skip
def accept_invitation() -> tuple[Response, int]:
    payload = AcceptIn.model_validate(json_body())
    with get_services().db.session() as session:
        user, member = accounts.accept_invitation(
            session, token=payload.token, password=payload.password, name=payload.name
        )
        accounts.record_own_action(session, user, org_id=member.org_id,
                                   action="invitation.accepted", changes={"role": member.role})  # fmt: skip
        body = accounts.user_out(user, member)
    return jsonify(body), 201


@routes.post("/auth/password-reset", scope=None, json=ResetRequestIn, ok={202: ResetAccepted},
             errors=(400, 413, 415, 422))  # fmt: skip
def request_reset() -> tuple[Response, int]:
    """Mail a one-time link to set a new password. Answers the same whether or not the
    email has an account; says whether this service sends mail at all."""
    payload = ResetRequestIn.model_validate(json_body())
    services = get_services()
    settings = services.settings
    if not settings.smtp_host:  # nothing to send it with: say so, make no link
        log.warning("a password reset was asked for, but mail is not set up (SMTP_HOST): "
                    "nothing was sent; an operator makes a link with `flask --app app users "
                    "reset-link --email <address>`")  # fmt: skip
        return jsonify({"accepted": False, "mail_configured": False,
                        "valid_hours": settings.password_reset_hours,
                        "request_id": g.request_id}), 202  # fmt: skip
    with services.db.session() as session:
        found = accounts.request_reset(session, email=payload.email,
                                       hours=settings.password_reset_hours)  # fmt: skip
    if found is not None:
        user, token = found
        link = f"{settings.public_url_or_local}/?reset={token}"
        services.notifier.mail(
            to=user.email, subject="Set a new password",
            text=f"Someone asked to set a new password for {user.email}.\n\nOpen this link "
                 f"within {settings.password_reset_hours:g} hours to do so:\n\n{link}\n\n"
                 "If it was not you, ignore this message.",
        )  # fmt: skip
    return jsonify({"accepted": True, "mail_configured": True,
                    "valid_hours": settings.password_reset_hours,
                    "request_id": g.request_id}), 202  # fmt: skip


@routes.post("/auth/reset-password", scope=None, json=ResetIn, ok=UserOut,
             errors=(400, 413, 415, 422))  # fmt: skip
def reset_password() -> Response:
    payload = ResetIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        user = accounts.reset_password(session, token=payload.token, password=payload.password)
        services.tokens.revoke_user(session, user.id)  # every sign-in starts again
        return jsonify(accounts.user_out(user))


@routes.post("/auth/password", scope=ANY_SCOPE, json=PasswordIn, ok=UserOut,
             errors=(400, 413, 415, 422))  # fmt: skip
def change_password() -> Response:
    """The signed-in person's own password (never while impersonated)."""
    caller = current_caller()
    if caller.user_id is None:
        raise ApiError(403, "sign in as a person to change a password", code="forbidden")
    refuse_when_impersonated("changing a password")
    payload = PasswordIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        user = session.get(User, caller.user_id)
        assert user is not None
        if not accounts.passwords.verify(user.password_hash, payload.current_password):
            raise ApiError(403, "the current password is wrong", code="forbidden")
        accounts.set_password(session, user=user, password=payload.new_password)
        # Whoever knew the old password is signed out everywhere but here.
        services.tokens.revoke_user(session, user.id, keep_family=caller.sign_in)
        audited(session, "user.password_changed", "user", user.id)
        return jsonify(accounts.user_out(user))


@routes.get("/auth/me", scope=ANY_SCOPE, ok=UserOut, errors=(404,))
def whoami() -> Response:
    caller = current_caller()
    if caller.user_id is None:
        raise ApiError(404, "this caller is a key, not a person", code="not_found")
    with get_services().db.session() as session:
        user = session.get(User, caller.user_id)
        assert user is not None
        member = accounts.membership(session, user_id=user.id, org_id=caller.org_id)
        body = accounts.user_out(user, member)
    return jsonify({**body, "role": caller.role, "org_id": caller.org_id,
                    "impersonated_by": caller.impersonator})  # fmt: skip


@routes.post("/admin/impersonate", scope=PLATFORM_ADMIN, json=ImpersonateIn,
             ok={201: ImpersonationOut}, errors=(400, 404, 413, 415, 422),
             tag="platform admin")  # fmt: skip
def impersonate() -> tuple[Response, int]:
    """An access token acting as a member of an organisation, for support: marked as
    impersonated (no refresh token; it cannot change passwords or keys), and every
    action audited with both identities."""
    caller = current_caller()
    if caller.impersonator:
        raise ApiError(403, "not while impersonating: impersonating", code="impersonated")
    payload = ImpersonateIn.model_validate(json_body())
    services = get_services()
    with services.db.session() as session:
        user, member = accounts.member_of(session, org_id=payload.org_id, user_id=payload.user_id)
        token, impersonation_id = services.tokens.impersonation(
            session, user=user, org_id=member.org_id, role=member.role,
            impersonator=caller.key_id,
        )  # fmt: skip
        audited(session, "user.impersonated", "user", user.id,
                {"impersonator": caller.key_id, "role": member.role,
                 "impersonation_id": impersonation_id}, org_id=member.org_id)  # fmt: skip
        body = {
            "access_token": token, "token_type": "bearer",
            "expires_in": services.tokens.access_seconds,
            "impersonation_id": impersonation_id,
            "impersonated": {**accounts.user_out(user, member)},
        }  # fmt: skip
    return jsonify(body), 201


class Ended(Strict):
    ended: bool
    id: str
    request_id: str | None = None


@routes.delete("/admin/impersonations/<impersonation_id>", scope=PLATFORM_ADMIN,
               ok=Ended, errors=(404,), tag="platform admin")  # fmt: skip
def end_impersonation(impersonation_id: str) -> Response:
    """End an impersonation before it expires: its token is refused from now on."""
    services = get_services()
    with services.db.session() as session:
        record = session.scalars(select(RefreshToken).where(
            RefreshToken.family_id == impersonation_id,
            RefreshToken.family_id.startswith("imp_"))).first()  # fmt: skip
        if record is None:
            raise ApiError(404, f"no impersonation {impersonation_id!r}", code="not_found")
        services.tokens.revoke_family(session, impersonation_id)
        audited(session, "user.impersonation_ended", "user", record.user_id,
                {"impersonation_id": impersonation_id}, org_id=record.org_id)  # fmt: skip
    return jsonify({"ended": True, "id": impersonation_id})
