"""Every route the published contract marks as needing a key refuses a request without
one (401, JSON) and publishes its 401 and 403; the platform's own routes refuse an
organisation's admin key. The routes are read from /openapi.json, so a route added later
is covered without touching this test."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from tests.api.platform_helpers import create_org
from tests.app_fixtures import empty_qdrant, make_app  # noqa: F401 - shared fixtures


@pytest.fixture
def client(
    make_app: Callable[..., Flask],  # noqa: F811
    empty_qdrant: QdrantClient,  # noqa: F811
) -> FlaskClient:
    # Requests without a valid key share one budget per address: lift it, this test makes many.
    return make_app(qdrant=empty_qdrant, anonymous_rate_limit="100000/minute").test_client()


def keyed_routes(client: FlaskClient) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path with its parameters filled in, operation) of every keyed route."""
    for path, item in client.get("/openapi.json").get_json()["paths"].items():
        for method, operation in item.items():
            if operation.get("security"):
                yield method.upper(), re.sub(r"\{[^}]+\}", "x", path), operation


def test_every_keyed_route_refuses_a_request_without_a_key(client: FlaskClient) -> None:
    routes = list(keyed_routes(client))
    assert len(routes) >= 40
    for method, path, operation in routes:
        assert {"401", "403"} <= set(operation["responses"]), (method, path)
        for headers in ({}, {"X-API-Key": "not-a-key"}):
            response = client.open(path, method=method, json={}, headers=headers)
            assert response.status_code == 401, (method, path, response.status_code)
            assert response.get_json()["error"]["message"], (method, path)


def test_platform_routes_refuse_an_organisations_admin_key(client: FlaskClient) -> None:
    acme = create_org(client, "Acme")
    platform = [
        (method, path)
        for method, path, operation in keyed_routes(client)
        if "platform admin" in operation["tags"]
    ]
    assert len(platform) >= 4
    for method, path in platform:
        response = client.open(path, method=method, json={"name": "Mine"}, headers=acme.admin)
        assert response.status_code == 403, (method, path, response.status_code)
        assert response.get_json()["error"]["code"] == "forbidden"
    # Nothing was created or deleted on its behalf.
    listed = client.get("/v1/admin/organisations", headers={"X-API-Key": "admin-key"})
    assert [o["name"] for o in listed.get_json()["organisations"]] == ["Default", "Acme"]
