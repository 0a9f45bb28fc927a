"""Single sign-on: an organisation's OpenID Connect provider (PUT|GET|DELETE /v1/sso, its
admins), and signing in through it (GET /v1/auth/sso/{org}/start, the provider's
redirect to GET /v1/auth/sso/callback, POST /v1/auth/sso/exchange for the web chat)."""

from __future__ import annotations

import secrets
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, redirect, request
from pydantic import Field, field_validator
from sqlalchemy import or_, select

from api.audit_trail import audited
from api.auth import TokenPair
from api.deps import ANY_SCOPE, current_caller, get_services, refuse_when_impersonated
from api.errors import ApiError
from api.platform_schemas import Strict
from api.requests import json_body
from api.routing import Routes
from people import accounts
from people.sso import FLOW_SECONDS, Provider, SsoError, discover
from people.sso_accounts import SsoRefused, account_for
from tenancy.crud import NotFound
from tenancy.models import Organisation, SsoConfig, new_id

bp = Blueprint("sso", __name__, url_prefix="/v1")
routes = Routes(bp, tag="people")
DOMAIN = r"^[a-z0-9.-]{1,253}$"


class SsoIn(Strict):
    issuer: str = Field(..., min_length=8, max_length=500)
    client_id: str = Field(..., min_length=1, max_length=300)
    client_secret: str | None = Field(None, max_length=1000, description="kept encrypted")
    allowed_domains: list[str] = Field(..., min_length=1, max_length=50)
    default_role: str = Field("member", pattern="^(admin|editor|viewer|member)$")

    @field_validator("allowed_domains")
    @classmethod
    def domains(cls, value: list[str]) -> list[str]:
        import re

        cleaned = [d.strip().lower().lstrip("@") for d in value]
        bad = [d for d in cleaned if not re.fullmatch(DOMAIN, d) or "." not in d]
        if bad:
            raise ValueError(f"not email domains: {bad}")
        return cleaned


class SsoOut(Strict):
    issuer: str
    client_id: str
    has_client_secret: bool
    allowed_domains: list[str]
    default_role: str
    endpoints: dict[str, str]
    sign_in_url: str
    request_id: str | None = None


class ExchangeIn(Strict):
    code: str = Field(..., min_length=1, max_length=100)


class Deleted(Strict):
    deleted: bool
    request_id: str | None = None


def _config(session, org_id: str) -> SsoConfig | None:  # type: ignore[no-untyped-def]
    return session.scalars(select(SsoConfig).where(SsoConfig.org_id == org_id)).first()


def _out(record: SsoConfig, slug: str) -> dict:  # type: ignore[type-arg]
    api_url = get_services().settings.api_url.rstrip("/")
    return {
        "issuer": record.issuer, "client_id": record.client_id,
        "has_client_secret": record.client_secret_encrypted is not None,
        "allowed_domains": record.allowed_domains, "default_role": record.default_role,
        "endpoints": record.endpoints, "sign_in_url": f"{api_url}/v1/auth/sso/{slug}/start",
    }  # fmt: skip


@routes.put("/sso", scope="admin", json=SsoIn, ok=SsoOut, errors=(400, 413, 415, 422))
def configure() -> Response:
    """Set the organisation's OpenID Connect provider (its discovery document is read
    now: a provider that does not answer is refused)."""
    payload = SsoIn.model_validate(json_body())
    services = get_services()
    try:
        endpoints = discover(payload.issuer, allowed_hosts=services.settings.sso_allowed_hosts)
    except SsoError as exc:
        raise ApiError(422, str(exc)) from exc
    org_id = current_caller().org_id
    with services.db.session() as session:
        record = _config(session, org_id) or SsoConfig(id=new_id("sso"), org_id=org_id)
        record.issuer, record.client_id = payload.issuer.rstrip("/"), payload.client_id
        record.allowed_domains, record.default_role = payload.allowed_domains, payload.default_role
        record.endpoints = endpoints
        if payload.client_secret is not None:
            record.client_secret_encrypted = services.box.encrypt(payload.client_secret)
        session.add(record)
        audited(session, "sso.configured", "sso", record.id,
                payload.model_dump(exclude={"client_secret"}))  # fmt: skip
        slug = session.get(Organisation, org_id).slug  # type: ignore[union-attr]
        return jsonify(_out(record, slug))


@routes.get("/sso", scope="admin", ok=SsoOut, errors=(404,))
def show() -> Response:
    with get_services().db.session() as session:
        org_id = current_caller().org_id
        record = _config(session, org_id)
        if record is None:
            raise NotFound("single sign-on configuration", org_id)
        return jsonify(_out(record, session.get(Organisation, org_id).slug))  # type: ignore[union-attr]


@routes.delete("/sso", scope="admin", ok=Deleted, errors=(404,))
def remove() -> Response:
    with get_services().db.session() as session:
        org_id = current_caller().org_id
        record = _config(session, org_id)
        if record is None:
            raise NotFound("single sign-on configuration", org_id)
        session.delete(record)
        audited(session, "sso.removed", "sso", record.id)
    return jsonify({"deleted": True})


BROWSER_COOKIE = "sso_browser"
COOKIE_PATH = "/v1/auth/sso"


@routes.get("/auth/sso/<organisation>/start", scope=None, ok={302: Deleted},
            errors=(400, 404))  # fmt: skip
def start(organisation: str) -> Response:
    """Go to the organisation's provider to sign in (`return_to`: a page of the web chat
    to come back to with a one-time code, else the callback answers the tokens; `link`: a
    code from POST /v1/auth/sso/link, to link the provider to a signed-in account). The
    browser gets a cookie: the sign-in finishes only in the browser that started it."""
    services = get_services()
    return_to = request.args.get("return_to")
    if return_to and not return_to.startswith(services.settings.public_url_or_local + "/"):
        raise ApiError(400, "return_to: only a page of this service's web chat")
    with services.db.session() as session:
        org = session.scalars(select(Organisation).where(
            or_(Organisation.slug == organisation, Organisation.id == organisation))).first()  # fmt: skip
        record = _config(session, org.id) if org else None
        if org is None or record is None:
            raise ApiError(404, f"no single sign-on for {organisation!r}", code="not_found")
        provider = _provider(record)
        org_id = org.id
    link_user_id = None
    if request.args.get("link"):
        try:
            offer = services.sso.take_link(request.args["link"])
        except SsoError as exc:
            raise ApiError(400, str(exc), code="sso_failed") from exc
        if offer["org_id"] != org_id:
            raise ApiError(400, "this link is for another organisation's single sign-on")
        link_user_id = offer["user_id"]
    browser = request.cookies.get(BROWSER_COOKIE) or secrets.token_urlsafe(24)
    redirect_uri = services.settings.api_url.rstrip("/") + "/v1/auth/sso/callback"
    url = services.sso.start(provider, org_id=org_id, redirect_uri=redirect_uri,
                             return_to=return_to, browser=browser,
                             link_user_id=link_user_id)  # fmt: skip
    response = redirect(url, code=302)
    response.set_cookie(BROWSER_COOKIE, browser, max_age=FLOW_SECONDS, path=COOKIE_PATH,
                        httponly=True, secure=request.is_secure, samesite="Lax")  # fmt: skip
    return response


class LinkOut(Strict):
    url: str
    expires_in: int
    request_id: str | None = None


@routes.post("/auth/sso/link", scope=ANY_SCOPE, ok=LinkOut, errors=(403, 404))
def link() -> Response:
    """For the signed-in person: an address to open in their browser that links the
    organisation's provider to their account (the provider must sign in the account's
    own email); from then on that provider signs them in."""
    caller = current_caller()
    if caller.user_id is None:
        raise ApiError(403, "sign in as a person to link single sign-on", code="forbidden")
    refuse_when_impersonated("linking single sign-on")
    services = get_services()
    with services.db.session() as session:
        if _config(session, caller.org_id) is None:
            raise NotFound("single sign-on configuration", caller.org_id)
        slug = session.get(Organisation, caller.org_id).slug  # type: ignore[union-attr]
    code = services.sso.offer_link(user_id=caller.user_id, org_id=caller.org_id)
    api_url = services.settings.api_url.rstrip("/")
    return jsonify({"url": f"{api_url}/v1/auth/sso/{slug}/start?link={quote(code)}",
                    "expires_in": FLOW_SECONDS})  # fmt: skip


def _provider(record: SsoConfig) -> Provider:
    secret = record.client_secret_encrypted
    return Provider(issuer=record.issuer, client_id=record.client_id,
                    client_secret=get_services().box.decrypt(secret) if secret else None,
                    endpoints=record.endpoints)  # fmt: skip


@routes.get("/auth/sso/callback", scope=None, ok=TokenPair, errors=(400, 403))
def callback() -> Response:
    """Where the provider sends the person back: the code is exchanged, the ID token
    checked, and the account the provider may sign in (people/sso_accounts.py: one
    linked to it, one of this organisation alone, or a new one; never a platform
    administrator) signed in, a member of this organisation only."""
    services = get_services()
    if request.args.get("error"):
        raise ApiError(400, f"the provider did not sign you in: {request.args['error']}")
    try:
        flow = services.sso.take_flow(request.args.get("state", ""),
                                      browser=request.cookies.get(BROWSER_COOKIE))  # fmt: skip
        with services.db.session() as session:
            record = _config(session, flow["org_id"])
            if record is None:
                raise SsoError("single sign-on was turned off for this organisation")
            provider, domains, role = _provider(record), record.allowed_domains, record.default_role
        identity = services.sso.finish(provider, flow, code=request.args.get("code", ""))
    except SsoError as exc:
        raise ApiError(400, str(exc), code="sso_failed") from exc
    if identity.email.rsplit("@", 1)[-1] not in domains:
        raise ApiError(403, f"{identity.email} is not of this organisation's email domains",
                       code="forbidden")  # fmt: skip
    with services.db.session() as session:
        try:
            user, member = account_for(
                session, org_id=flow["org_id"], issuer=provider.issuer, identity=identity,
                default_role=role, link_user_id=flow.get("link_user_id"),
            )  # fmt: skip
        except SsoRefused as exc:
            raise ApiError(403, str(exc), code="forbidden") from exc
        pair = services.tokens.pair(session, user=user, org_id=member.org_id, role=member.role)
        accounts.record_own_action(
            session,
            user,
            org_id=member.org_id,
            action="user.linked_sso" if flow.get("link_user_id") else "user.signed_in_sso",
            changes={"issuer": provider.issuer},
        )
    body = {**pair, "org_id": member.org_id, "role": member.role}
    if flow.get("return_to"):
        code = services.sso.hand_over(body)  # one use, a minute: never the tokens in a URL
        joiner = "&" if "?" in flow["return_to"] else "?"
        return redirect(f"{flow['return_to']}{joiner}sso_code={quote(code)}", code=302)
    return jsonify(body)


@routes.post("/auth/sso/exchange", scope=None, json=ExchangeIn, ok=TokenPair,
             errors=(400, 413, 415, 422))  # fmt: skip
def exchange() -> Response:
    payload = ExchangeIn.model_validate(json_body())
    try:
        return jsonify(get_services().sso.take_handover(payload.code))
    except SsoError as exc:
        raise ApiError(400, str(exc), code="sso_failed") from exc
