"""Single sign-on with an organisation's OpenID Connect provider: the authorization code
flow with PKCE (Authlib's OAuth2 client), the ID token checked against the provider's
published keys (joserfc): signature, issuer, audience, expiry, nonce.

The state of a sign-in in flight (PKCE verifier, nonce, where to return) is kept in Redis
for ten minutes under a random `state`, used once. Every call to the provider goes to a
public address only (SSO_ALLOWED_HOSTS lets the operator allow a local one).
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.integrations.httpx_client import OAuth2Client
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from people.accounts import token_digest
from utils.outbound import AddressRefused, check_outbound_url

FLOW_SECONDS = 600
EXCHANGE_SECONDS = 60
SCOPE = "openid email profile"


class SsoError(ValueError):
    """The provider, its answer or the sign-in cannot be used; the message says why."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    client_id: str
    client_secret: str | None
    endpoints: dict[str, Any]


@dataclass(frozen=True)
class Identity:
    email: str
    name: str
    subject: str


def discover(issuer: str, *, allowed_hosts: list[str], timeout: float = 10) -> dict[str, Any]:
    """The provider's endpoints from `<issuer>/.well-known/openid-configuration`."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    document = _get_json(url, allowed_hosts=allowed_hosts, timeout=timeout)
    if document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        raise SsoError(
            f"the provider says its issuer is {document.get('issuer')!r}, not {issuer!r}"
        )
    wanted = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    missing = [name for name in wanted if not isinstance(document.get(name), str)]
    if missing:
        raise SsoError(f"the provider's discovery document lacks {', '.join(missing)}")
    for name in wanted:
        _check(document[name], allowed_hosts)
    return {name: document[name] for name in wanted}


def _check(url: str, allowed_hosts: list[str]) -> None:
    """The provider over https at a public address (or an allowed host: tests)."""
    try:
        check_outbound_url(url, allowed_hosts=allowed_hosts, require_https=True,
                           allow_setting="SSO_ALLOWED_HOSTS")  # fmt: skip
    except AddressRefused as exc:
        raise SsoError(str(exc)) from exc


def _get_json(url: str, *, allowed_hosts: list[str], timeout: float) -> dict[str, Any]:
    _check(url, allowed_hosts)
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=False)
        response.raise_for_status()
        document = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise SsoError(f"the provider at {url} did not answer usefully ({exc})") from exc
    if not isinstance(document, dict):
        raise SsoError(f"the provider at {url} did not answer with a JSON object")
    return document


class SsoFlows:
    def __init__(self, *, redis: Any, prefix: str, allowed_hosts: list[str],
                 timeout: float = 10) -> None:  # fmt: skip
        self.redis = redis
        self.prefix = prefix
        self.allowed_hosts = allowed_hosts
        self.timeout = timeout

    def _key(self, kind: str, value: str) -> str:
        return f"{self.prefix}:sso:{kind}:{{{value}}}"

    def start(self, provider: Provider, *, org_id: str, redirect_uri: str,
              return_to: str | None, browser: str, link_user_id: str | None = None) -> str:  # fmt: skip
        """The provider's authorization URL for a new sign-in. `browser`: the secret of
        the starting browser's cookie; only that browser may finish (no login CSRF)."""
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier = secrets.token_urlsafe(48)
        flow = {"org_id": org_id, "verifier": verifier, "nonce": nonce,
                "redirect_uri": redirect_uri, "return_to": return_to,
                "browser": token_digest(browser), "link_user_id": link_user_id}  # fmt: skip
        self.redis.set(self._key("flow", state), json.dumps(flow), ex=FLOW_SECONDS)
        client = OAuth2Client(provider.client_id, scope=SCOPE, redirect_uri=redirect_uri,
                              code_challenge_method="S256")  # fmt: skip
        url, _ = client.create_authorization_url(
            provider.endpoints["authorization_endpoint"], state=state, nonce=nonce,
            code_verifier=verifier,
        )  # fmt: skip
        return url

    def take_flow(self, state: str, *, browser: str | None) -> dict[str, Any]:
        """The sign-in in flight under `state`, used up, if this is the browser that
        started it."""
        raw = self.redis.getdel(self._key("flow", state)) if state else None
        if raw is None:
            raise SsoError("this sign-in expired or was already used: start again")
        flow = json.loads(raw)
        if not browser or not hmac.compare_digest(flow.get("browser", ""), token_digest(browser)):
            raise SsoError("this sign-in was started in another browser: start again from this one")
        return flow

    def offer_link(self, *, user_id: str, org_id: str) -> str:
        """A one-time code (10 min) for the signed-in person's browser to start linking
        the organisation's provider to their account."""
        code = secrets.token_urlsafe(24)
        self.redis.set(self._key("link", code), json.dumps({"user_id": user_id, "org_id": org_id}),
                       ex=FLOW_SECONDS)  # fmt: skip
        return code

    def take_link(self, code: str) -> dict[str, str]:
        raw = self.redis.getdel(self._key("link", code)) if code else None
        if raw is None:
            raise SsoError("this link expired or was already used: ask for a new one")
        return json.loads(raw)

    def finish(self, provider: Provider, flow: dict[str, Any], *, code: str) -> Identity:
        """Exchange the code (with the PKCE verifier) and check the ID token."""
        endpoints = provider.endpoints
        _check(endpoints["token_endpoint"], self.allowed_hosts)
        client = OAuth2Client(provider.client_id, provider.client_secret, scope=SCOPE,
                              redirect_uri=flow["redirect_uri"], timeout=self.timeout,
                              token_endpoint_auth_method="client_secret_post"
                              if provider.client_secret else "none")  # fmt: skip
        try:
            token = client.fetch_token(endpoints["token_endpoint"], code=code,
                                       code_verifier=flow["verifier"],
                                       grant_type="authorization_code")  # fmt: skip
        except Exception as exc:  # Authlib raises its own errors and httpx's
            raise SsoError(f"the provider refused the sign-in code ({exc})") from exc
        finally:
            client.close()
        id_token = token.get("id_token")
        if not id_token:
            raise SsoError("the provider sent no ID token")
        keys = KeySet.import_key_set(
            _get_json(
                endpoints["jwks_uri"], allowed_hosts=self.allowed_hosts, timeout=self.timeout
            )  # fmt: skip
        )
        try:
            decoded = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256"])
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": provider.issuer},
                aud={"essential": True, "value": provider.client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": flow["nonce"]},
                sub={"essential": True},
            ).validate(decoded.claims)
        except (JoseError, ValueError) as exc:
            raise SsoError(f"the provider's ID token is not valid ({exc})") from exc
        claims = decoded.claims
        email = str(claims.get("email") or "").strip().lower()
        if not email or claims.get("email_verified") is False:
            raise SsoError("the provider gave no verified email address")
        return Identity(email=email, name=str(claims.get("name") or ""), subject=claims["sub"])

    def hand_over(self, pair: dict[str, Any]) -> str:
        """A one-time code (60 s) the web chat exchanges for the token pair, so tokens
        never travel in a URL."""
        code = secrets.token_urlsafe(24)
        self.redis.set(self._key("handover", code), json.dumps(pair), ex=EXCHANGE_SECONDS)
        return code

    def take_handover(self, code: str) -> dict[str, Any]:
        raw = self.redis.getdel(self._key("handover", code)) if code else None
        if raw is None:
            raise SsoError("this sign-in code expired or was already used")
        return json.loads(raw)
