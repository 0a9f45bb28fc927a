"""Single sign-on end to end against a local OpenID provider (tests/oidc_provider.py):
authorization code with PKCE, the ID token checked, domains and roles applied."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient
from joserfc.jwk import RSAKey
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, create_org, ok
from tests.app_fixtures import services_of
from tests.oidc_provider import OidcProvider


@pytest.fixture
def provider() -> Iterator[OidcProvider]:
    running = OidcProvider()
    yield running
    running.stop()


@pytest.fixture
def sso_app(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Flask:
    return make_app(qdrant=empty_qdrant, sso_allowed_hosts="127.0.0.1",
                    anonymous_rate_limit="1000/minute",
                    public_url="https://chat.example.org")  # fmt: skip


def configure(org: Org, provider: OidcProvider, **fields: object) -> dict:
    body = {"issuer": provider.issuer, "client_id": provider.client_id,
            "client_secret": provider.client_secret, "allowed_domains": ["acme.test"],
            "default_role": "editor", **fields}  # fmt: skip
    return ok(org.client.put("/v1/sso", json=body, headers=org.admin))


def sign_in(client: FlaskClient, organisation: str, query: str = ""):  # type: ignore[no-untyped-def]
    """Start at the service, go through the provider over HTTP, come back to the
    callback: its response."""
    started = client.get(f"/v1/auth/sso/{organisation}/start{query}")
    assert started.status_code == 302, started.get_data(as_text=True)
    at_provider = httpx.get(started.headers["Location"], follow_redirects=False)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def test_a_person_signs_in_through_the_organisations_provider(
    sso_app: Flask, provider: OidcProvider
) -> None:
    client = sso_app.test_client()
    acme = create_org(client, "Acme")
    config = configure(acme, provider)
    assert config["has_client_secret"] and "client_secret" not in config
    assert config["endpoints"]["token_endpoint"] == f"{provider.issuer}/token"
    slug = config["sign_in_url"].rsplit("/", 2)[-2]

    pair = ok(sign_in(client, slug))
    assert pair["role"] == "editor" and pair["org_id"] == acme.id
    assert provider.refused_verifiers == 0  # the PKCE verifier matched its challenge
    me = ok(client.get("/v1/auth/me", headers={"Authorization": f"Bearer {pair['access_token']}"}))
    assert (me["email"], me["name"], me["role"]) == ("sam@acme.test", "Sam", "editor")
    # Again: the same account, no second membership.
    ok(sign_in(client, slug))
    users = ok(client.get("/v1/users", headers=acme.admin))["users"]
    assert [u["email"] for u in users] == ["sam@acme.test"]
    trail = ok(client.get("/v1/audit?action=user.signed_in_sso", headers=acme.admin))["entries"]
    assert len(trail) == 2


def test_sso_refuses_what_it_must(sso_app: Flask, provider: OidcProvider) -> None:
    client = sso_app.test_client()
    acme = create_org(client, "Acme")
    slug = configure(acme, provider)["sign_in_url"].rsplit("/", 2)[-2]
    # Another domain.
    provider.person = {**provider.person, "email": "eve@evil.test", "sub": "u-2"}
    refused = sign_in(client, slug)
    assert refused.status_code == 403 and "evil.test" in refused.get_json()["error"]["message"]
    # An ID token the provider's published keys do not verify.
    provider.person = {**provider.person, "email": "sam@acme.test"}
    provider.signing_key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    forged = sign_in(client, slug)
    assert forged.status_code == 400 and "not valid" in forged.get_json()["error"]["message"]
    assert ok(client.get("/v1/users", headers=acme.admin))["users"] == []
    # A state used twice, and a made-up one.
    provider.signing_key = provider.key
    started = client.get(f"/v1/auth/sso/{slug}/start")
    back = urlsplit(httpx.get(started.headers["Location"]).headers["Location"])
    assert client.get(f"{back.path}?{back.query}").status_code == 200
    assert client.get(f"{back.path}?{back.query}").status_code == 400
    assert client.get("/v1/auth/sso/callback?code=x&state=y").status_code == 400
    assert client.get("/v1/auth/sso/callback?error=access_denied").status_code == 400
    # Coming back only to the web chat.
    assert client.get(f"/v1/auth/sso/{slug}/start?return_to=https://evil.test/").status_code == 400
    assert client.get("/v1/auth/sso/nobody/start").status_code == 404


def test_the_web_chat_gets_a_one_time_code_not_tokens(
    sso_app: Flask, provider: OidcProvider
) -> None:
    client = sso_app.test_client()
    acme = create_org(client, "Acme")
    slug = configure(acme, provider)["sign_in_url"].rsplit("/", 2)[-2]
    back = sign_in(client, slug, "?return_to=https://chat.example.org/")
    assert back.status_code == 302
    location = back.headers["Location"]
    assert location.startswith("https://chat.example.org/?sso_code=") and "eyJ" not in location
    code = location.split("?sso_code=", 1)[1]
    pair = ok(client.post("/v1/auth/sso/exchange", json={"code": code}))
    assert pair["access_token"].startswith("eyJ") and pair["role"] == "editor"
    assert client.post("/v1/auth/sso/exchange", json={"code": code}).status_code == 400


def test_sso_settings_are_the_organisations_own(
    sso_app: Flask, provider: OidcProvider, make_app: Callable[..., Flask],
    empty_qdrant: QdrantClient,
) -> None:  # fmt: skip
    client = sso_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    configure(acme, provider)
    assert client.get("/v1/sso", headers=beta.admin).status_code == 404
    assert client.delete("/v1/sso", headers=beta.admin).status_code == 404
    assert ok(client.get("/v1/sso", headers=acme.admin))["client_id"] == provider.client_id
    chat_key = {"X-API-Key": acme.key("chat")}
    assert client.get("/v1/sso", headers=chat_key).status_code == 403
    for issuer in ("http://169.254.169.254", "https://127.0.0.2", "not a url at all"):
        response = client.put("/v1/sso", headers=beta.admin, json={
            "issuer": issuer, "client_id": "x", "allowed_domains": ["beta.test"]})  # fmt: skip
        assert response.status_code == 422, issuer
    bad_role = client.put("/v1/sso", headers=beta.admin, json={
        "issuer": provider.issuer, "client_id": "x", "allowed_domains": ["beta.test"],
        "default_role": "owner"})  # fmt: skip
    assert bad_role.status_code == 422


def _platform_admin(app: Flask, email: str) -> None:
    from people import accounts

    with services_of(app).db.session() as session:
        accounts.create_user(session, email=email, password="correct horse battery",
                             name="Root", platform_admin=True)  # fmt: skip


def test_an_organisations_provider_never_signs_in_the_platform_administrator_or_others(
    sso_app: Flask, provider: OidcProvider
) -> None:
    """The organisation's admin controls its provider: asserting someone else's email
    must not open their account (the platform administrator's above all)."""
    from tests.api.test_people import bearer, join, login

    client = sso_app.test_client()
    _platform_admin(sso_app, "root@platform.test")
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    join(client, beta, "bea@beta.test", "owner")
    slug = configure(acme, provider, allowed_domains=["acme.test", "platform.test",
                                                       "beta.test"])["sign_in_url"].rsplit("/", 2)[-2]  # fmt: skip
    for email, sub in (("root@platform.test", "attacker-1"), ("bea@beta.test", "attacker-2")):
        provider.person = {"sub": sub, "email": email, "email_verified": True, "name": "X"}
        refused = sign_in(client, slug)
        assert refused.status_code == 403, (email, refused.get_data(as_text=True))
        assert "access_token" not in refused.get_data(as_text=True)
    # Bea is still only Beta's, and Acme has nobody.
    assert ok(client.get("/v1/users", headers=acme.admin))["users"] == []
    bea = login(client, "bea@beta.test")
    assert bea["org_id"] == beta.id
    assert (
        client.get("/v1/admin/organisations", headers=bearer(bea["access_token"])).status_code
        == 403
    )
    # Nobody was linked: the same subjects still get nothing.
    provider.person = {"sub": "attacker-2", "email": "bea@beta.test", "email_verified": True}
    assert sign_in(client, slug).status_code == 403


def test_the_provider_signs_in_its_own_invited_people_and_accounts_their_owners_link(
    sso_app: Flask, provider: OidcProvider
) -> None:
    from tests.api.test_people import bearer, join, login

    client = sso_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    slug = configure(acme, provider)["sign_in_url"].rsplit("/", 2)[-2]
    # Invited into Acme only (not accepted yet): the provider signs her in with the role
    # of the invitation, not the default one.
    ok(client.post("/v1/invitations", headers=acme.admin,
                   json={"email": "ina@acme.test", "role": "viewer"}), 201)  # fmt: skip
    provider.person = {"sub": "ina", "email": "ina@acme.test", "email_verified": True}
    assert ok(sign_in(client, slug))["role"] == "viewer"
    # Max is in Acme and in Beta: his email alone is not enough...
    join(client, beta, "max@acme.test", "editor")
    join(client, acme, "max@acme.test", "member")
    max_acme = login(client, "max@acme.test", org_id=acme.id)
    provider.person = {"sub": "max", "email": "max@acme.test", "email_verified": True}
    refused = sign_in(client, slug)
    assert refused.status_code == 403 and "link" in refused.get_json()["error"]["message"]
    # ...until he links the provider himself, signed in; a link for another email fails.
    offer = ok(client.post("/v1/auth/sso/link", headers=bearer(max_acme["access_token"])))
    provider.person = {"sub": "someone", "email": "ina@acme.test", "email_verified": True}
    assert sign_in(client, slug, "?link=" + offer["url"].split("link=")[1]).status_code == 403
    offer = ok(client.post("/v1/auth/sso/link", headers=bearer(max_acme["access_token"])))
    provider.person = {"sub": "max", "email": "max@acme.test", "email_verified": True}
    linked = ok(sign_in(client, slug, "?link=" + offer["url"].split("link=")[1]))
    assert linked["org_id"] == acme.id and linked["role"] == "member"
    assert ok(sign_in(client, slug))["role"] == "member"  # now by the link
    # A link code is used once, and only at its own organisation's start.
    assert client.get(f"/v1/auth/sso/{slug}/start?link=made-up").status_code == 400
    beta_slug = configure(beta, provider)["sign_in_url"].rsplit("/", 2)[-2]
    offer = ok(client.post("/v1/auth/sso/link", headers=bearer(max_acme["access_token"])))
    elsewhere = client.get(f"/v1/auth/sso/{beta_slug}/start?link=" + offer["url"].split("link=")[1])
    assert (
        elsewhere.status_code == 400
        and "another organisation" in elsewhere.get_json()["error"]["message"]
    )
    ok(client.delete("/v1/sso", headers=beta.admin))
    # A key is no person; another organisation without SSO has nothing to link.
    assert client.post("/v1/auth/sso/link", headers=acme.admin).status_code == 403
    max_beta = ok(client.post("/v1/auth/login", json={
        "email": "max@acme.test", "password": "correct horse battery", "org_id": beta.id}))  # fmt: skip
    assert client.post("/v1/auth/sso/link",
                       headers=bearer(max_beta["access_token"])).status_code == 404  # fmt: skip


def test_the_sign_in_finishes_only_in_the_browser_that_started_it(
    sso_app: Flask, provider: OidcProvider
) -> None:
    """Login CSRF: an attacker's half-done sign-in sent to someone else's browser."""
    attacker, victim = sso_app.test_client(), sso_app.test_client()
    acme = create_org(attacker, "Acme")
    slug = configure(acme, provider)["sign_in_url"].rsplit("/", 2)[-2]
    started = attacker.get(f"/v1/auth/sso/{slug}/start")
    assert "HttpOnly" in started.headers["Set-Cookie"]
    back = urlsplit(httpx.get(started.headers["Location"]).headers["Location"])
    elsewhere = victim.get(f"{back.path}?{back.query}")
    assert elsewhere.status_code == 400
    assert "another browser" in elsewhere.get_json()["error"]["message"]
    assert ok(attacker.get("/v1/users", headers=acme.admin))["users"] == []
