"""What views need, typed: the process's services, the authenticated caller and the
assistant a chat request is for. A view reads: authenticate -> parse -> call -> respond.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar, cast

from flask import current_app, g, request

from api.errors import ApiError
from composition import Services
from tenancy import crud
from tenancy.keys import Caller
from tenancy.profiles import AssistantProfile

API_KEY_HEADER = "X-API-Key"
SESSION_HEADER = "X-Session-Token"  # a web-chat session opened by a sign-in link
ASSISTANT_HEADER = "X-Assistant-Id"
SERVICES_EXTENSION = "services"
ASSISTANT_ID_PREFIX = "asst_"  # tenancy.models.new_id("asst"), and the default's id
PLATFORM_ADMIN = "platform admin"  # not a scope a key holds: an ADMIN_API_KEYS key
ANY_SCOPE = "any scope"  # any valid key or session, whatever its scopes

View = TypeVar("View", bound=Callable[..., Any])


def get_services() -> Services:
    """The process's services, built on first use (in the worker, after fork)."""
    return cast(Services, current_app.extensions[SERVICES_EXTENSION]())


def presented_key() -> str:
    """X-API-Key, or an OpenAI-style `Authorization: Bearer <key>` (what SDKs send)."""
    key = request.headers.get(API_KEY_HEADER, "")
    if not key:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            key = token.strip()
    return key


def resolve_caller() -> Caller | None:
    """The caller of this request, resolved once (the rate limiter asks first): by its
    key, or by a web-chat session (single sign-on) standing for a key it never holds."""
    if "caller" not in g:
        session_token = request.headers.get(SESSION_HEADER)
        key = presented_key()
        if session_token:
            g.caller = _session_caller(session_token)
        else:
            g.caller = caller_of_credential(get_services(), key)
        if g.caller is not None:
            g.key_id = g.caller.key_id
    return g.caller


def _session_caller(token: str) -> Caller | None:
    """A session may chat with its one assistant as its one user, nothing more; it ends
    when it expires or its key is revoked."""
    services = get_services()
    grant = services.web_sessions.session(token)
    if grant is None:
        return None
    key = services.keys.resolve_digest(grant["key_digest"])
    if key is None or key.org_id != grant["org_id"]:
        return None
    g.session_user = grant["user"]
    return replace(key, scopes=frozenset({"chat"}), assistant_ids=(grant["assistant_id"],))


def is_access_token(credential: str) -> bool:
    """A signed-in person's token (a JWT: three dot-separated parts) rather than a key."""
    return credential.startswith("eyJ") and credential.count(".") == 2


def caller_of_credential(services: Services, credential: str) -> Caller | None:
    """The caller an API key or a person's access token stands for, checked now (revoked,
    expired, signed out: None). A person's role is read as it is now (a role changed or a
    member removed takes effect at once, not at expiry). The REST views and `/mcp` both
    ask here."""
    if not credential:
        return None
    if not is_access_token(credential):
        return services.keys.resolve(credential)
    from people.callers import person_caller

    claims = services.tokens.read(credential)
    if claims is None:
        return None
    with services.db.session() as session:
        return person_caller(session, claims)


def authenticate(scope: str) -> Caller:
    """The caller, or 401 (no, unknown, revoked or expired key) / 403 (scope missing)."""
    if not presented_key() and not request.headers.get(SESSION_HEADER):
        raise ApiError(401, f"missing {API_KEY_HEADER} header")
    caller = resolve_caller()
    if caller is None:
        if request.headers.get(SESSION_HEADER):
            raise ApiError(401, "this web-chat session has ended: open a new sign-in link")
        if is_access_token(presented_key()):
            raise ApiError(401, "invalid or expired access token: refresh it or sign in again")
        raise ApiError(401, "invalid API key (unknown, revoked or expired)")
    if scope != ANY_SCOPE and not caller.has(scope):
        holder = f"the role {caller.role!r}" if caller.role else "this key"
        raise ApiError(403, f"{holder} lacks the scope {scope!r}", code="missing_scope")
    return caller


def requires(scope: str) -> Callable[[View], View]:
    """Authenticate before the view runs (`PLATFORM_ADMIN`: a platform admin's key); the
    view reads the caller from `g.caller`."""
    check = require_platform_admin if scope == PLATFORM_ADMIN else functools.partial(
        authenticate, scope
    )  # fmt: skip

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            check()
            return view(*args, **kwargs)

        return cast(View, wrapped)

    return decorate


def require_platform_admin() -> Caller:
    caller = authenticate(ANY_SCOPE)
    if not caller.platform_admin:
        raise ApiError(403, "this needs a platform admin (a key of ADMIN_API_KEYS or a "
                       "platform administrator signed in)", code="forbidden")  # fmt: skip
    return caller


def refuse_when_impersonated(what: str) -> None:
    """Support staff acting as a person may not change that person's secrets."""
    if current_caller().impersonator:
        raise ApiError(403, f"not while impersonating: {what}", code="impersonated")


def current_caller() -> Caller:
    caller = g.get("caller")
    if caller is None:  # a view decorated with @requires never gets here without one
        raise ApiError(401, "not authenticated")
    return caller


def assistant_for(caller: Caller, requested: str | None) -> AssistantProfile:
    """The assistant a chat request is for: named by id (or name), else the key's only
    assistant, else the organisation's only one. Unknown or not allowed: 404 / 403."""
    services = get_services()
    if requested:
        assistant_id = _assistant_id(caller, requested)
    elif caller.assistant_ids is not None and len(caller.assistant_ids) == 1:
        assistant_id = caller.assistant_ids[0]
    else:
        with services.db.session() as session:
            assistants = crud.list_assistants(session, org_id=caller.org_id)
            allowed = [a.id for a in assistants if caller.may_use(a.id)]
        if len(allowed) != 1:
            raise ApiError(
                400,
                f"name the assistant with the {ASSISTANT_HEADER} header (or assistant_id): "
                "this key may use several",
            )
        assistant_id = allowed[0]
    if not caller.may_use(assistant_id):
        raise ApiError(403, f"this key may not use the assistant {assistant_id!r}")
    g.assistant = services.profiles.get(org_id=caller.org_id, assistant_id=assistant_id)
    return g.assistant


def _assistant_id(caller: Caller, id_or_name: str) -> str:
    services = get_services()
    if id_or_name.startswith(ASSISTANT_ID_PREFIX):  # an id: the cached profile answers
        try:
            return services.profiles.get(org_id=caller.org_id, assistant_id=id_or_name).id
        except crud.NotFound:
            pass  # or a name that looks like one
    with services.db.session() as session:
        found = crud.find_assistant(session, org_id=caller.org_id, id_or_name=id_or_name)
        if found is None:
            raise ApiError(404, f"no assistant {id_or_name!r} in this organisation")
        return found.id
