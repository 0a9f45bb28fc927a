"""People who sign in, from the other side: invitations, roles, tokens, impersonation,
a real SMTP server receiving the mail."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from people.tokens import Tokens
from tests.api.platform_helpers import PLATFORM_ADMIN, Org, create_org, ok
from tests.app_fixtures import services_of
from utils.local_redis import free_port

PASSWORD = "correct horse battery"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[dict[str, str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        message = message_from_bytes(envelope.content)
        self.messages.append({"to": message["To"], "subject": message["Subject"],
                              "body": message.get_payload(decode=True).decode()})  # fmt: skip
        return "250 OK"

    def wait(self, count: int, seconds: float = 30) -> list[dict[str, str]]:
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def people_app(
    request: pytest.FixtureRequest,
    make_app: Callable[..., Flask],
    empty_qdrant: QdrantClient,
    inbox: tuple[Inbox, int],
) -> Flask:
    """The platform with mail, on each database it runs on (PostgreSQL: a new database on
    the session's real server)."""
    database = {"database_url": request.getfixturevalue("postgres_url")}
    return make_app(qdrant=empty_qdrant, smtp_host="127.0.0.1", smtp_port=inbox[1],
                    public_url="https://chat.example.org", anonymous_rate_limit="1000/minute",
                    **(database if request.param == "postgresql" else {}))  # fmt: skip


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def join(client: FlaskClient, org: Org, email: str, role: str,
         inviter: dict[str, str] | None = None) -> dict:  # fmt: skip
    """Invite `email` with `role` (by the organisation's admin key unless `inviter`),
    accept, sign in: the token pair."""
    invitation = ok(client.post("/v1/invitations", headers=inviter or org.admin,
                                json={"email": email, "role": role}), 201)  # fmt: skip
    assert "/?invitation=" in invitation["url"] and invitation["token"] in invitation["url"]
    user = ok(
        client.post(
            "/v1/auth/accept-invitation",
            json={"token": invitation["token"], "password": PASSWORD, "name": email.split("@")[0]},
        ),
        201,
    )
    assert user["role"] == role and "password" not in str(user)
    return login(client, email)


def login(client: FlaskClient, email: str, password: str = PASSWORD, **extra: str) -> dict:
    return ok(client.post("/v1/auth/login", json={"email": email, "password": password, **extra}))


def test_roles_decide_what_a_signed_in_person_may_do(people_app: Flask) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    kb = acme.kb("handbook")
    member = join(client, acme, "mia@acme.test", "member")
    editor = join(client, acme, "eddie@acme.test", "editor")
    viewer = join(client, acme, "vera@acme.test", "viewer")
    admin = join(client, acme, "ada@acme.test", "admin")
    assert member["token_type"] == "bearer" and member["expires_in"] == 900

    upload = {"title": "Leave", "text": "Annual leave is 25 days."}
    kb_docs = f"/v1/knowledge-bases/{kb}/documents"
    # A member chats, and nothing more.
    assert client.get("/v1/assistants", headers=bearer(member["access_token"])).status_code == 200
    refused = client.post(kb_docs, json=upload, headers=bearer(member["access_token"]))
    assert refused.status_code == 403
    assert (
        refused.get_json()["error"]["message"]
        == "the role 'member' lacks the scope 'documents:write'"
    )
    # An editor keeps knowledge bases, documents, assistants and prompts, not people or keys.
    assert (
        client.post(kb_docs, json=upload, headers=bearer(editor["access_token"])).status_code == 202
    )
    made = client.post("/v1/knowledge-bases", json={"name": "faq"},
                       headers=bearer(editor["access_token"]))  # fmt: skip
    assert made.status_code == 201
    for path, body in (("/v1/api-keys", {"name": "k", "scopes": ["chat"]}),
                       ("/v1/invitations", {"email": "x@acme.test", "role": "member"})):  # fmt: skip
        assert (
            client.post(path, json=body, headers=bearer(editor["access_token"])).status_code == 403
        )
    assert client.get("/v1/users", headers=bearer(editor["access_token"])).status_code == 403
    # A viewer reads analytics, feedback and the audit trail, and changes nothing.
    for path in ("/v1/analytics", "/v1/feedback", "/v1/audit"):
        assert client.get(path, headers=bearer(viewer["access_token"])).status_code == 200, path
    assert (
        client.post(kb_docs, json=upload, headers=bearer(viewer["access_token"])).status_code == 403
    )
    assert client.get("/v1/analytics", headers=bearer(member["access_token"])).status_code == 403
    # An admin manages people.
    people = ok(client.get("/v1/users", headers=bearer(admin["access_token"])))["users"]
    assert sorted(p["email"] for p in people) == [
        "ada@acme.test",
        "eddie@acme.test",
        "mia@acme.test",
        "vera@acme.test",
    ]
    mia = next(p for p in people if p["email"] == "mia@acme.test")
    promoted = ok(client.patch(f"/v1/users/{mia['id']}", json={"role": "editor"},
                               headers=bearer(admin["access_token"])))  # fmt: skip
    assert promoted["role"] == "editor"
    # The change holds at once, with the token already issued.
    again = {**upload, "title": "Leave (promoted)"}
    assert (
        client.post(kb_docs, json=again, headers=bearer(member["access_token"])).status_code == 202
    )
    # An admin may not make an owner.
    refused = client.patch(f"/v1/users/{mia['id']}", json={"role": "owner"},
                           headers=bearer(admin["access_token"]))  # fmt: skip
    assert refused.status_code == 403
    # Removed: the next request with the same token is refused.
    ok(client.delete(f"/v1/users/{mia['id']}", headers=bearer(admin["access_token"])))
    assert client.get("/v1/assistants", headers=bearer(member["access_token"])).status_code == 401


def test_one_organisations_owner_reaches_nothing_of_another(people_app: Flask) -> None:
    client = people_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    join(client, acme, "ann@acme.test", "member")
    beta_owner = join(client, beta, "bob@beta.test", "owner")
    ann_id = next(u["id"] for u in ok(client.get("/v1/users", headers=acme.admin))["users"])
    headers = bearer(beta_owner["access_token"])
    users = ok(client.get("/v1/users", headers=headers))["users"]
    assert [u["email"] for u in users] == ["bob@beta.test"]
    assert (
        client.patch(f"/v1/users/{ann_id}", json={"role": "admin"}, headers=headers).status_code
        == 404
    )
    assert client.delete(f"/v1/users/{ann_id}", headers=headers).status_code == 404
    assert client.get("/v1/knowledge-bases", headers=headers).get_json()["knowledge_bases"] == []
    # Signing in to the other organisation is refused.
    refused = client.post("/v1/auth/login", json={"email": "bob@beta.test", "password": PASSWORD,
                                                  "org_id": acme.id})  # fmt: skip
    assert refused.status_code == 403
    # Ann is unchanged.
    assert ok(client.get("/v1/users", headers=acme.admin))["users"][0]["role"] == "member"


def test_the_last_owner_stays(people_app: Flask) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    owner = join(client, acme, "olga@acme.test", "owner")
    me = ok(client.get("/v1/auth/me", headers=bearer(owner["access_token"])))
    for response in (
        client.patch(
            f"/v1/users/{me['id']}", json={"role": "admin"}, headers=bearer(owner["access_token"])
        ),
        client.delete(f"/v1/users/{me['id']}", headers=bearer(owner["access_token"])),
    ):
        assert response.status_code == 409
        assert "last owner" in response.get_json()["error"]["message"]
    # The admin key invited the first owner; only an owner invites another.
    refused = client.post("/v1/invitations", headers=acme.admin,
                          json={"email": "otto@acme.test", "role": "owner"})  # fmt: skip
    assert refused.status_code == 403
    second = join(client, acme, "otto@acme.test", "owner", inviter=bearer(owner["access_token"]))
    assert (
        client.delete(f"/v1/users/{me['id']}", headers=bearer(second["access_token"])).status_code
        == 200
    )


def test_an_access_token_ends_when_its_configured_life_does(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    # ACCESS_TOKEN_SECONDS as an operator (or a test) sets it, down to one second.
    client = make_app(qdrant=empty_qdrant, access_token_seconds=1).test_client()
    acme = create_org(client, "Acme")
    pair = join(client, acme, "rita@acme.test", "member")
    assert pair["expires_in"] == 1
    time.sleep(2.2)
    response = client.get("/v1/assistants", headers=bearer(pair["access_token"]))
    assert response.status_code == 401 and "expired" in response.get_json()["error"]["message"]
    # The refresh token outlives it: a new pair (its use is tested below).
    assert (
        ok(client.post("/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}))[
            "access_token"
        ]
        != pair["access_token"]
    )


def test_tokens_expire_rotate_and_a_reused_refresh_token_revokes_its_family(
    people_app: Flask,
) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    first = join(client, acme, "rita@acme.test", "member")
    services = services_of(people_app)
    # An expired access token, signed with the service's own key, is refused.
    expired = Tokens(secret=services.box.derived_key("access tokens"), access_seconds=-5,
                     refresh_days=1)  # fmt: skip
    with services.db.session() as session:
        from people.accounts import find_user

        user = find_user(session, "rita@acme.test")
        stale = expired.access_token(user=user, org_id=acme.id, role="member")
    response = client.get("/v1/assistants", headers=bearer(stale))
    assert response.status_code == 401 and "expired" in response.get_json()["error"]["message"]
    forged = first["access_token"][:-4] + (
        "AAAA" if not first["access_token"].endswith("AAAA") else "BBBB"
    )
    assert client.get("/v1/assistants", headers=bearer(forged)).status_code == 401

    second = ok(client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}))
    assert second["refresh_token"] != first["refresh_token"]
    assert client.get("/v1/assistants", headers=bearer(second["access_token"])).status_code == 200
    # The first refresh token again: someone copied it. Its family is revoked.
    reused = client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401 and "already used" in reused.get_json()["error"]["message"]
    after = client.post("/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401
    # Its access token too, at once (not when it expires).
    assert client.get("/v1/assistants", headers=bearer(second["access_token"])).status_code == 401
    # A new sign-in works, and logging out ends it, access token included.
    third, other = login(client, "rita@acme.test"), login(client, "rita@acme.test")
    ok(client.post("/v1/auth/logout", json={"refresh_token": third["refresh_token"]}))
    assert client.post("/v1/auth/refresh",
                       json={"refresh_token": third["refresh_token"]}).status_code == 401  # fmt: skip
    assert client.get("/v1/assistants", headers=bearer(third["access_token"])).status_code == 401
    # Signing out with the access token alone (no body) ends that sign-in only.
    ok(client.post("/v1/auth/logout", headers=bearer(other["access_token"])))
    assert client.get("/v1/assistants", headers=bearer(other["access_token"])).status_code == 401
    assert client.post("/v1/auth/refresh",
                       json={"refresh_token": other["refresh_token"]}).status_code == 401  # fmt: skip
    fourth = login(client, "rita@acme.test")
    assert client.get("/v1/assistants", headers=bearer(fourth["access_token"])).status_code == 200
    nobody = client.post("/v1/auth/logout")
    assert nobody.status_code == 401 and "refresh_token" in nobody.get_json()["error"]["message"]


def test_signing_out_ends_only_the_callers_own_sign_in_and_bad_requests_end_nothing(
    people_app: Flask,
) -> None:
    client = people_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    rita = join(client, acme, "rita@acme.test", "member")
    bea = join(client, beta, "bea@beta.test", "member")
    for body, status in [
        ({"refresh_token": ""}, 422),
        ({"refresh_token": 5}, 422),
        ({"refresh_token": rita["refresh_token"], "everything": True}, 422),
        ({"refresh_token": "rt_" + "x" * 40}, 401),
    ]:
        response = client.post("/v1/auth/logout", json=body)
        assert response.status_code == status, body
        assert response.get_json()["error"]["message"], body
    not_json = client.post("/v1/auth/logout", data="refresh_token=x",
                           content_type="text/plain")  # fmt: skip
    assert not_json.status_code in (400, 415) and not_json.get_json()["error"]["message"]
    # A key has no sign-in to end; another organisation's person ends only her own.
    assert client.post("/v1/auth/logout", headers=acme.admin).status_code == 401
    ok(client.post("/v1/auth/logout", headers=bearer(bea["access_token"])))
    assert client.get("/v1/assistants", headers=bearer(bea["access_token"])).status_code == 401
    # Rita's sign-in went through all of it untouched.
    assert client.get("/v1/assistants", headers=bearer(rita["access_token"])).status_code == 200
    assert ok(client.post("/v1/auth/refresh", json={"refresh_token": rita["refresh_token"]}))


def test_sign_in_attempts_are_limited_per_account_and_per_address(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    app = make_app(qdrant=empty_qdrant, login_max_failures_per_account=3, login_max_per_address=8,
                   anonymous_rate_limit="1000/minute")  # fmt: skip
    client = app.test_client()
    acme = create_org(client, "Acme")
    join(client, acme, "lee@acme.test", "member")
    for _ in range(3):
        assert client.post("/v1/auth/login", json={"email": "lee@acme.test",
                                                   "password": "wrong guess!"}).status_code == 401  # fmt: skip
    limited = client.post("/v1/auth/login", json={"email": "lee@acme.test", "password": PASSWORD})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    # Other accounts from the same address, until the address's own limit.
    statuses = [client.post("/v1/auth/login", json={"email": f"n{i}@acme.test",
                                                    "password": "whatever 123"}).status_code
                for i in range(6)]  # fmt: skip
    assert statuses[:3] == [401, 401, 401] and statuses[-1] == 429


def test_impersonation_is_marked_audited_and_cannot_touch_secrets(people_app: Flask) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    join(client, acme, "ed@acme.test", "editor")
    ed = next(u for u in ok(client.get("/v1/users", headers=acme.admin))["users"])
    # Not for an organisation's own admin.
    assert client.post("/v1/admin/impersonate", headers=acme.admin,
                       json={"user_id": ed["id"], "org_id": acme.id}).status_code == 403  # fmt: skip
    acting = ok(client.post("/v1/admin/impersonate", headers=PLATFORM_ADMIN,
                            json={"user_id": ed["id"], "org_id": acme.id}), 201)  # fmt: skip
    headers = bearer(acting["access_token"])
    me = ok(client.get("/v1/auth/me", headers=headers))
    assert (
        me["email"] == "ed@acme.test"
        and me["impersonated_by"] == "settings:admin"[:80]
        or me["impersonated_by"]
    )
    assert ok(
        client.post("/v1/knowledge-bases", json={"name": "support-fix"}, headers=headers), 201
    )
    for path, body in (
        ("/v1/auth/password", {"current_password": PASSWORD, "new_password": "another one 42"}),
    ):
        refused = client.post(path, json=body, headers=headers)
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "impersonated"
    # An admin's keys neither: promoted to admin, the impersonation still may not.
    ok(client.patch(f"/v1/users/{ed['id']}", json={"role": "admin"}, headers=acme.admin))
    for path, body in (
        ("/v1/api-keys", {"name": "support", "scopes": ["chat"]}),
        ("/v1/webhooks", {"url": "https://example.org/h", "events": ["feedback.negative"]}),
    ):
        refused = client.post(path, json=body, headers=headers)
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "impersonated"
    trail = ok(client.get("/v1/audit?action=knowledge_base.created", headers=acme.admin))["entries"]
    made = [e for e in trail if e["summary"].get("name") == "support-fix"]
    assert made and made[0]["actor_key_id"] == f"user:{ed['id']}"
    assert made[0]["summary"]["impersonated_by"] == me["impersonated_by"]
    started = ok(client.get("/v1/audit?action=user.impersonated", headers=acme.admin))["entries"]
    assert started and started[0]["target_id"] == ed["id"]


def test_password_reset_by_mail(
    people_app: Flask, inbox: tuple[Inbox, int], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    old = join(client, acme, "pat@acme.test", "member")
    mailbox = inbox[0]
    mailbox.wait(1)  # the invitation
    ok(client.post("/v1/auth/password-reset", json={"email": "pat@acme.test"}), 202)
    # The same answer for an email without an account, and no mail.
    ok(client.post("/v1/auth/password-reset", json={"email": "nobody@acme.test"}), 202)
    messages = mailbox.wait(2)
    reset = [m for m in messages if m["subject"] == "Set a new password"]
    assert len(reset) == 1 and reset[0]["to"] == "pat@acme.test"
    token = re.search(r"\?reset=([\w-]+)", reset[0]["body"]).group(1)  # type: ignore[union-attr]
    # The mail tasks are logged (Celery's task lines), their links never.
    logs, deadline = "", time.monotonic() + 15
    while logs.count('"notifications.mail"') < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        logs += capsys.readouterr().err
    assert logs.count('"notifications.mail"') >= 2 and token not in logs and "reset=" not in logs
    weak = client.post("/v1/auth/reset-password", json={"token": token, "password": "short"})
    assert weak.status_code == 422
    ok(client.post("/v1/auth/reset-password", json={"token": token, "password": "a new secret 77"}))
    assert client.post("/v1/auth/reset-password",
                       json={"token": token, "password": "again 1234567"}).status_code == 400  # fmt: skip
    assert client.post("/v1/auth/login", json={"email": "pat@acme.test",
                                               "password": PASSWORD}).status_code == 401  # fmt: skip
    login(client, "pat@acme.test", "a new secret 77")
    # Sign-ins made with the old password end.
    assert client.post("/v1/auth/refresh",
                       json={"refresh_token": old["refresh_token"]}).status_code == 401  # fmt: skip


def test_bad_input_is_a_clear_error(people_app: Flask) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    for body in ({"email": "not-an-email", "role": "member"}, {"email": "a@b.c", "role": "king"}):
        response = client.post("/v1/invitations", json=body, headers=acme.admin)
        assert response.status_code == 422, body
    for path, body in (
        ("/v1/auth/login", {"email": "a@b.c"}),
        ("/v1/auth/accept-invitation", {"token": "nope", "password": PASSWORD}),
        ("/v1/auth/refresh", {"refresh_token": "rt_x.y"}),
    ):
        response = client.post(path, json=body)
        assert response.status_code in (400, 401, 422), (path, response.status_code)
        assert response.get_json()["error"]["message"]
    assert (
        client.get("/v1/assistants", headers=bearer("eyJhbGciOi.eyJzdWIi.bad")).status_code == 401
    )


def test_an_expired_invitation_is_refused(people_app: Flask) -> None:
    from datetime import timedelta

    from tenancy.models import OneTimeToken, utcnow

    client = people_app.test_client()
    acme = create_org(client, "Acme")
    invitation = ok(client.post("/v1/invitations", headers=acme.admin,
                                json={"email": "late@acme.test", "role": "member"}), 201)  # fmt: skip
    services = services_of(people_app)
    with services.db.session() as session:
        session.get(OneTimeToken, invitation["id"]).expires_at = utcnow() - timedelta(seconds=1)
    refused = client.post("/v1/auth/accept-invitation",
                          json={"token": invitation["token"], "password": PASSWORD})  # fmt: skip
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "invalid_link"
    listed = ok(client.get("/v1/invitations", headers=acme.admin))["invitations"]
    assert listed[0]["expired"] is True and listed[0]["accepted"] is False
    assert ok(client.get("/v1/users", headers=acme.admin))["users"] == []
    # Another organisation's admin does not see it.
    beta = create_org(client, "Beta")
    assert ok(client.get("/v1/invitations", headers=beta.admin))["invitations"] == []


def test_a_cancelled_invitation_link_stops_working(people_app: Flask) -> None:
    client = people_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    invitation = ok(client.post("/v1/invitations", headers=acme.admin,
                                json={"email": "wrong@acme.test", "role": "editor"}), 201)  # fmt: skip
    path = f"/v1/invitations/{invitation['id']}"
    member = join(client, acme, "mo@acme.test", "member")
    # Another organisation's admin and a member of this one cancel nothing.
    assert client.delete(path, headers=beta.admin).status_code == 404
    assert client.delete(path, headers=bearer(member["access_token"])).status_code == 403
    assert ok(client.delete(path, headers=acme.admin)) | {"request_id": None} == {
        "deleted": True, "id": invitation["id"], "request_id": None,
    }  # fmt: skip
    refused = client.post("/v1/auth/accept-invitation",
                          json={"token": invitation["token"], "password": PASSWORD})  # fmt: skip
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "invalid_link"
    listed = ok(client.get("/v1/invitations", headers=acme.admin))["invitations"]
    assert [i["email"] for i in listed] == ["mo@acme.test"]  # the accepted one stays
    assert client.delete(path, headers=acme.admin).status_code == 404
    accepted = client.delete(f"/v1/invitations/{listed[0]['id']}", headers=acme.admin)
    assert (
        accepted.status_code == 409
        and "remove the person" in accepted.get_json()["error"]["message"]
    )
    trail = ok(client.get("/v1/audit", headers=acme.admin, query_string={"limit": 50}))
    assert "invitation.cancelled" in [e["action"] for e in trail["entries"]]


def test_bad_changes_to_people_and_the_escalation_address_keep_what_is_stored(
    people_app: Flask,
) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    join(client, acme, "kim@acme.test", "viewer")
    kim = ok(client.get("/v1/users", headers=acme.admin))["users"][0]
    for body in ({"role": "emperor"}, {"role": None}, {}, {"role": "editor", "x": 1}):
        response = client.patch(f"/v1/users/{kim['id']}", json=body, headers=acme.admin)
        assert response.status_code == 422, body
        assert response.get_json()["error"]["message"]
    assert ok(client.get("/v1/users", headers=acme.admin))["users"][0]["role"] == "viewer"
    ok(client.patch("/v1/organisation", headers=acme.admin,
                    json={"escalation_email": "desk@acme.test"}))  # fmt: skip
    for address in ("not an address", "a@b@c", "x" * 400 + "@acme.test"):
        response = client.patch("/v1/organisation", headers=acme.admin,
                                json={"escalation_email": address})  # fmt: skip
        assert response.status_code == 422, address
    kept = ok(client.patch("/v1/organisation", headers=acme.admin, json={}))
    assert kept["escalation_email"] == "desk@acme.test"
    # Another organisation's admin changes its own organisation only.
    beta = create_org(client, "Beta")
    ok(client.patch("/v1/organisation", headers=beta.admin,
                    json={"escalation_email": "beta@beta.test"}))  # fmt: skip
    assert ok(client.patch("/v1/organisation", headers=acme.admin, json={}))[
        "escalation_email"] == "desk@acme.test"  # fmt: skip


def test_changing_ones_password_ends_ones_other_sign_ins(people_app: Flask) -> None:
    client = people_app.test_client()
    acme = create_org(client, "Acme")
    here = join(client, acme, "rita@acme.test", "member")
    elsewhere = login(client, "rita@acme.test")  # the sign-in of whoever knew the password
    ok(client.post("/v1/auth/password", headers=bearer(here["access_token"]),
                   json={"current_password": PASSWORD, "new_password": "another one 42"}))  # fmt: skip
    assert (
        client.get("/v1/assistants", headers=bearer(elsewhere["access_token"])).status_code == 401
    )
    stale = client.post("/v1/auth/refresh", json={"refresh_token": elsewhere["refresh_token"]})
    assert stale.status_code == 401
    # The sign-in that changed it goes on.
    assert client.get("/v1/assistants", headers=bearer(here["access_token"])).status_code == 200
    assert ok(client.post("/v1/auth/refresh", json={"refresh_token": here["refresh_token"]}))


def test_an_impersonation_makes_no_owner_and_the_administrator_ends_it(people_app: Flask) -> None:
    client = people_app.test_client()
    acme, beta = create_org(client, "Acme"), create_org(client, "Beta")
    join(client, acme, "olive@acme.test", "owner")
    olive = next(u for u in ok(client.get("/v1/users", headers=acme.admin))["users"])
    acting = ok(client.post("/v1/admin/impersonate", headers=PLATFORM_ADMIN,
                            json={"user_id": olive["id"], "org_id": acme.id}), 201)  # fmt: skip
    headers = bearer(acting["access_token"])
    refused = client.post("/v1/invitations", headers=headers,
                          json={"email": "new@acme.test", "role": "owner"})  # fmt: skip
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "impersonated"
    join(client, acme, "ed@acme.test", "editor")
    ed = next(u for u in ok(client.get("/v1/users", headers=acme.admin))["users"]
              if u["email"] == "ed@acme.test")  # fmt: skip
    promote = client.patch(f"/v1/users/{ed['id']}", json={"role": "owner"}, headers=headers)
    assert promote.status_code == 403
    assert ok(client.post("/v1/invitations", headers=headers,
                          json={"email": "vi@acme.test", "role": "viewer"}), 201)  # fmt: skip
    # Ended early: not by an organisation's admin, and an unknown id is a 404.
    ended = f"/v1/admin/impersonations/{acting['impersonation_id']}"
    assert client.delete(ended, headers=beta.admin).status_code == 403
    assert client.delete(ended, headers=acme.admin).status_code == 403
    assert client.get("/v1/assistants", headers=headers).status_code == 200
    assert (
        client.delete("/v1/admin/impersonations/imp_nothing", headers=PLATFORM_ADMIN).status_code
        == 404
    )
    assert ok(client.delete(ended, headers=PLATFORM_ADMIN))["ended"] is True
    assert client.get("/v1/assistants", headers=headers).status_code == 401
    trail = ok(client.get("/v1/audit?action=user.impersonation_ended", headers=acme.admin))
    assert trail["entries"] and trail["entries"][0]["target_id"] == olive["id"]
