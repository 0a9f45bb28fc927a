"""The web chat server's own routes (webchat/server.py): a sign-in grant becomes an
HttpOnly cookie; anything else is a clear JSON 400 that sets nothing."""

from __future__ import annotations

from cryptography.fernet import Fernet
from starlette.applications import Starlette
from starlette.testclient import TestClient

from webchat.server import signin_routes
from webchat.signin import COOKIE, SignInSeal


def test_a_grant_becomes_an_http_only_cookie_and_nothing_else_does() -> None:
    seal = SignInSeal(Fernet.generate_key(), signin_seconds=600)
    client = TestClient(Starlette(routes=signin_routes(seal)))
    signin = {"guest": {"visitor": "v" * 32, "assistant_id": "asst_default"}}

    kept = client.post("/_signin", json={"grant": seal.seal(signin, "grant")})
    assert kept.status_code == 200
    cookie = kept.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "Max-Age=600" in cookie
    assert seal.open(kept.cookies[COOKIE], "signin") == signin

    other_seal = SignInSeal(Fernet.generate_key(), signin_seconds=600)
    for body in (
        {"grant": "forged"},
        {"grant": other_seal.seal(signin, "grant")},  # sealed by another deployment
        {"grant": seal.seal(signin, "signin")},  # a cookie's value is not a grant
        {},
        ["not", "an", "object"],
    ):
        refused = TestClient(Starlette(routes=signin_routes(seal))).post("/_signin", json=body)
        assert refused.status_code == 400 and refused.json()["error"], body
        assert "set-cookie" not in refused.headers
    not_json = client.post("/_signin", content=b"{", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400

    out = client.post("/_signout")
    assert out.status_code == 200 and f'{COOKIE}=""' in out.headers["set-cookie"]
