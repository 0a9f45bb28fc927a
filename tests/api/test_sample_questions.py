"""What the web chat offers to ask (issue 37): an assistant's own sample questions (set by
an admin through the API), else questions drawn from its documents' titles, else none;
another organisation's key sees nothing of them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, create_org, key_header, ok


@pytest.fixture
def acme(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Org:
    org = create_org(make_app(qdrant=empty_qdrant).test_client(), "Acme")
    org.kb("support")
    org.kb("empty")
    assert (
        org.upload("support", "Router manual", "# Router manual\n\nHold the button.")["status"]
        == "completed"
    )
    assert org.upload("support", "Warranty", "# Warranty\n\nTwo years.")["status"] == "completed"
    org.assistant("helper", ["support"])
    org.assistant("quiet", ["empty"])
    return org


def summary(org: Org, name: str, key: str) -> dict:
    return ok(org.client.get(f"/v1/assistants/{org.assistants[name]}", headers=key_header(key)))


def test_an_assistant_offers_its_documents_titles_until_an_admin_sets_questions(acme: Org) -> None:
    chat_key = acme.key("chat")
    drawn = summary(acme, "helper", chat_key)["suggested_questions"]
    assert sorted(drawn) == ["What does “Router manual” say?", "What does “Warranty” say?"]
    assert summary(acme, "quiet", chat_key)["suggested_questions"] == []  # nothing to suggest

    own = ["How do I reset the router?", "How long is the warranty?"]
    url = f"/v1/assistants/{acme.assistants['helper']}"
    patched = ok(acme.client.patch(url, json={"sample_questions": own}, headers=acme.admin))
    assert patched["sample_questions"] == own == patched["suggested_questions"]
    assert summary(acme, "helper", chat_key)["suggested_questions"] == own
    too_long = acme.client.patch(url, json={"sample_questions": ["x" * 201]}, headers=acme.admin)
    assert too_long.status_code == 422
    assert (
        acme.client.patch(
            url, json={"sample_questions": own}, headers=key_header(chat_key)
        ).status_code
        == 403
    )


def test_another_organisation_sees_none_of_it(acme: Org) -> None:
    other = create_org(acme.client, "Beta")
    url = f"/v1/assistants/{acme.assistants['helper']}"
    assert acme.client.get(url, headers=other.admin).status_code == 404
    listed = ok(acme.client.get("/v1/assistants", headers=other.admin))["assistants"]
    assert all("Router" not in str(a) for a in listed)


@pytest.mark.parametrize(
    ("titles", "asked"),
    [
        (["Biaya Pendidikan Semester Ganjil", "Jadwal Penerimaan Mahasiswa Baru"],
         "Apa isi “Biaya Pendidikan Semester Ganjil”?"),
        (["Manual de mantenimiento de la prensa", "Órdenes de trabajo abiertas del taller"],
         "¿Qué dice «Manual de mantenimiento de la prensa»?"),
    ],
)  # fmt: skip
def test_questions_drawn_from_titles_are_asked_in_the_titles_language(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, titles: list[str], asked: str
) -> None:
    org = create_org(make_app(qdrant=empty_qdrant).test_client(), "Kampus")
    org.kb("docs")
    for title in titles:
        assert org.upload("docs", title, f"# {title}\n\n{title}.")["status"] == "completed"
    org.assistant("helper", ["docs"])
    drawn = summary(org, "helper", org.key("chat"))["suggested_questions"]
    assert asked in drawn and len(drawn) == 2
