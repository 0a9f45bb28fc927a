"""One person in several organisations: listed at sign-in, chosen by id or short name,
switched without signing in again; and what an invitation link is for, before using it."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.api.platform_helpers import Org, create_org, ok

PASSWORD = "a long enough phrase"


def invite(client: FlaskClient, org: Org, email: str, role: str) -> str:
    body = {"email": email, "role": role}
    return ok(client.post("/v1/invitations", headers=org.admin, json=body), 201)["token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_person_in_two_organisations_picks_and_switches(platform: Flask) -> None:
    client = platform.test_client()
    itb, plant = create_org(client, "ITB"), create_org(client, "Planta Norte")
    first = invite(client, itb, "rina@example.org", "owner")
    # Before using the link: for whom, where, and that no account exists yet.
    info = ok(client.post("/v1/auth/link", json={"token": first}))
    assert info == {**info, "kind": "invitation", "email": "rina@example.org",
                    "organisation": "ITB", "role": "owner", "existing_account": False}  # fmt: skip
    ok(client.post("/v1/auth/accept-invitation",
                   json={"token": first, "password": PASSWORD, "name": "Rina"}), 201)  # fmt: skip
    second = invite(client, plant, "rina@example.org", "viewer")
    assert ok(client.post("/v1/auth/link", json={"token": second}))["existing_account"] is True
    # An existing account joins with its own password, and keeps its name.
    wrong = client.post(
        "/v1/auth/accept-invitation", json={"token": second, "password": "not the right phrase"}
    )
    assert wrong.status_code == 403 and "password" in wrong.get_json()["error"]["message"]
    ok(client.post("/v1/auth/accept-invitation",
                   json={"token": second, "password": PASSWORD, "name": "Other"}), 201)  # fmt: skip
    used = client.post("/v1/auth/link", json={"token": second})
    assert used.status_code == 400

    signed_in = ok(client.post("/v1/auth/login",
                               json={"email": "rina@example.org", "password": PASSWORD}))  # fmt: skip
    assert [(o["name"], o["role"]) for o in signed_in["organisations"]] == [
        ("ITB", "owner"),
        ("Planta Norte", "viewer"),
    ]
    assert signed_in["org_id"] == itb.id
    # By short name at sign-in, as people type it.
    slug = next(o["slug"] for o in signed_in["organisations"] if o["id"] == plant.id)
    by_slug = ok(client.post("/v1/auth/login", json={
        "email": "rina@example.org", "password": PASSWORD, "org_id": slug}))  # fmt: skip
    assert by_slug["org_id"] == plant.id and by_slug["role"] == "viewer"

    switched = ok(client.post("/v1/auth/switch", json={"org_id": slug},
                              headers=bearer(signed_in["access_token"])))  # fmt: skip
    assert switched["org_id"] == plant.id and switched["role"] == "viewer"
    me = ok(client.get("/v1/me", headers=bearer(switched["access_token"])))
    assert me["org_id"] == plant.id
    # The sign-in it came from has ended; the new one refreshes.
    old = client.post("/v1/auth/refresh", json={"refresh_token": signed_in["refresh_token"]})
    assert old.status_code == 401
    ok(client.post("/v1/auth/refresh", json={"refresh_token": switched["refresh_token"]}))

    stranger = create_org(client, "Elsewhere")
    refused = client.post("/v1/auth/switch", json={"org_id": stranger.id},
                          headers=bearer(switched["access_token"]))  # fmt: skip
    assert refused.status_code == 403
    with_key = client.post("/v1/auth/switch", json={"org_id": itb.id}, headers=itb.admin)
    assert with_key.status_code == 403
    # A malformed body is a clear 4xx and moves nobody: the current sign-in still works.
    for body, status in (({}, 422), ({"org_id": 7}, 422), ("not json", 415)):
        sent = (
            client.post("/v1/auth/switch", json=body, headers=bearer(switched["access_token"]))
            if isinstance(body, dict)
            else client.post(
                "/v1/auth/switch", data=body, headers=bearer(switched["access_token"])
            )  # fmt: skip
        )
        assert sent.status_code == status, (body, sent.get_json())
        assert sent.get_json()["error"]["message"]
    assert ok(client.get("/v1/me", headers=bearer(switched["access_token"])))["org_id"] == plant.id
