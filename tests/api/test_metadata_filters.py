"""A document's own metadata, kept on every chunk, and questions narrowed by it: the
filter is applied inside the search, so a document it excludes is never found, even
when it is the best match."""

from __future__ import annotations

import base64
import io
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from tests.api.platform_helpers import Org, create_org, key_header, ok

CONTRACT = (
    "# Supplier contract\n\nThe warranty period for every pump is twenty-four months from "
    "delivery. The warranty covers parts and labour."
)
POLICY = (
    "# Returns policy\n\nCustomers may return a pump within thirty days. The warranty "
    "period of refurbished pumps is six months."
)


def upload(org: Org, kb: str, title: str, text: str, metadata: dict[str, Any]) -> dict:
    body = {"title": title, "text": text, "metadata": metadata}
    accepted = ok(org.client.post(f"/v1/knowledge-bases/{org.kbs[kb]}/documents", json=body,
                                  headers=org.admin), 202)  # fmt: skip
    return org.wait(kb, accepted["jobs"][0]["document_id"])


def ask(client: FlaskClient, key: dict, assistant: str, message: str, **extra: Any) -> Any:
    return client.post(
        "/v1/chat",
        json={"message": message, **extra},
        headers={**key, "X-Assistant-Id": assistant, "X-Conversation-Id": f"c{len(extra)}x"},
    )


def titles(reply: dict) -> set[str]:
    return {c["title"] for c in reply["citations"]}


def setup(client: FlaskClient) -> tuple[Org, str, dict]:
    org = create_org(client, "Pumps")
    org.kb("docs")
    upload(
        org,
        "docs",
        "Supplier contract",
        CONTRACT,
        {"category": "contracts", "year": 2021, "signed": "2026-01-10", "tags": ["legal"]},
    )
    upload(org, "docs", "Returns policy", POLICY,
           {"category": "policies", "year": 2024, "signed": "2026-03-01", "rating": 4.5})  # fmt: skip
    assistant = org.assistant("helper", ["docs"])
    return org, assistant, key_header(org.key("chat"))


QUESTION = "What is the warranty period for a pump?"


def test_filters_exclude_the_best_match_inside_the_search(platform: Flask) -> None:
    client = platform.test_client()
    org, assistant, key = setup(client)
    unfiltered = ok(ask(client, key, assistant, QUESTION))
    assert unfiltered["citations"][0]["title"] == "Supplier contract"
    for filters in (
        {"category": "policies"},
        {"category": ["policies", "manuals"]},
        {"year": {"gte": 2023}},
        {"signed": {"gt": "2026-02-01"}},
        {"signed": {"gte": "2026-02-01T00:00:00Z", "lt": "2026-12-31"}},
        {"rating": 4.5},
        # Operators as other query languages write them.
        {"category": {"$eq": "policies"}},
        {"category": {"$in": ["policies", "manuals"]}},
        {"year": {"$gte": 2023, "$lte": 2030}},
    ):
        reply = ok(ask(client, key, assistant, QUESTION, filters=filters))
        assert reply["found"] and titles(reply) == {"Returns policy"}, filters
    both = ok(ask(client, key, assistant, QUESTION, filters={"tags": "legal", "year": 2021}))
    assert titles(both) == {"Supplier contract"}
    none = ok(ask(client, key, assistant, QUESTION, filters={"category": "memos"}))
    assert not none["found"] and none["citations"] == []


def test_bad_filters_and_bad_metadata_are_clear_422s(platform: Flask) -> None:
    client = platform.test_client()
    org, assistant, key = setup(client)
    for filters, reason in [
        ({"year": {"between": [1, 2]}}, "a range takes"),
        ({"year": {"gte": 2020, "lt": "2026-01-01"}}, "all numbers or all ISO dates"),
        ({"bad name": "x"}, "filter name"),
        ({"category": []}, "a list of 1-"),
        ({"category": {"nested": {"x": 1}}}, "a range takes"),
        (["category"], "valid dictionary"),
        ({"year": 10**30}, "limited to"),
        ({"year": {"lt": -(10**20)}}, "limited to"),
        ({"category": {"$eq": ["a", "b"]}}, "takes one value"),
        ({"category": {"$in": "a"}}, "takes a list"),
        ({"year": {"$eq": {"gte": 2020}}}, "takes one value"),  # not read as a range
        ({"category": {"in": {"a": 1}}}, "takes a list"),
        ({"year": float("nan")}, "finite"),  # Python's JSON reads NaN: a 200 before
        ({"year": {"gte": float("-inf")}}, "finite"),
    ]:
        response = ask(client, key, assistant, QUESTION, filters=filters)
        assert response.status_code == 422, filters
        assert reason in response.get_json()["error"]["message"], (filters, response.get_json())
    kb = org.kbs["docs"]
    for metadata, reason in [
        ({"nested": {"a": 1}}, "values are text, numbers"),
        ({"bad-name": 1}, "metadata name"),
        ({f"k{i}": i for i in range(40)}, "at most 32"),
        ("contracts", "JSON object"),
    ]:
        response = client.post(
            f"/v1/knowledge-bases/{kb}/documents",
            headers=org.admin,
            json={"title": "x", "text": "hello", "metadata": metadata},
        )
        assert response.status_code == 422 and reason in response.get_json()["error"]["message"]
    # Multipart: metadata nested 5,000 deep (a 500 before) and NaN (accepted, then the job
    # failed in Qdrant).
    for raw, reason in [("[" * 5000 + "]" * 5000, "nested too deeply"),
                        ('{"year": NaN}', "finite"), ('{"year": Infinity}', "finite")]:  # fmt: skip
        response = client.post(
            f"/v1/knowledge-bases/{kb}/documents", headers=org.admin,
            data={"file": (io.BytesIO(b"hello"), "x.txt"), "metadata": raw},
            content_type="multipart/form-data",
        )  # fmt: skip
        assert response.status_code == 422, (raw[:20], response.get_data(as_text=True))
        assert reason in response.get_json()["error"]["message"]
    listed = ok(client.get(f"/v1/knowledge-bases/{kb}/documents", headers=org.admin))
    assert len(listed["documents"]) == 2


def test_metadata_through_base64_json_multipart_and_a_changed_label(platform: Flask) -> None:
    client = platform.test_client()
    org, assistant, key = setup(client)
    kb = org.kbs["docs"]
    note = b"Pump warranty claims are filed with the service desk within ten days."
    body = {"filename": "claims.txt", "content_base64": base64.b64encode(note).decode(),
            "metadata": {"category": "procedures"}}  # fmt: skip
    accepted = ok(client.post(f"/v1/knowledge-bases/{kb}/documents", json=body,
                              headers=org.admin), 202)  # fmt: skip
    assert org.wait("docs", accepted["jobs"][0]["document_id"])["status"] == "completed"
    reply = ok(ask(client, key, assistant, "How are warranty claims filed?",
                   filters={"category": "procedures"}))  # fmt: skip
    assert titles(reply) == {"Claims"} and "service desk" in reply["answer"]
    assert (
        client.post(
            f"/v1/knowledge-bases/{kb}/documents",
            headers=org.admin,
            json={"filename": "x.txt", "content_base64": "%%%"},
        ).status_code
        == 422
    )

    # The same file again, relabelled: its unchanged chunks take the new metadata.
    form = {"file": (io.BytesIO(note), "claims.txt"), "replace": "true",
            "metadata": '{"category": "archive"}'}  # fmt: skip
    accepted = ok(
        client.post(
            f"/v1/knowledge-bases/{kb}/documents",
            data=form,
            headers=org.admin,
            content_type="multipart/form-data",
        ),
        202,
    )
    done = org.wait("docs", accepted["jobs"][0]["document_id"])
    assert done["status"] == "completed" and done["embedded"] == 0  # nothing re-embedded
    old = ok(ask(client, key, assistant, "How are warranty claims filed?",
                 filters={"category": "procedures"}))  # fmt: skip
    new = ok(ask(client, key, assistant, "How are warranty claims filed?",
                 filters={"category": "archive"}))  # fmt: skip
    assert "Claims" not in titles(old) and titles(new) == {"Claims"}


def test_filters_never_reach_another_organisation(platform: Flask) -> None:
    client = platform.test_client()
    setup(client)
    other = create_org(client, "Other")
    other.kb("docs")
    upload(other, "docs", "Other notes", "Our office plants are watered on Mondays.", {})
    assistant = other.assistant("helper", ["docs"])
    reply = ok(ask(client, key_header(other.key("chat")), assistant, QUESTION,
                   filters={"category": "contracts"}))  # fmt: skip
    assert not reply["found"] and reply["citations"] == []


def test_the_openai_compatible_endpoint_takes_filters(platform: Flask) -> None:
    client = platform.test_client()
    org, assistant, key = setup(client)
    body = {"model": assistant, "messages": [{"role": "user", "content": QUESTION}],
            "filters": {"category": "policies"}}  # fmt: skip
    completion = ok(client.post("/v1/chat/completions", json=body, headers=key))
    assert {c["title"] for c in completion["citations"]} == {"Returns policy"}
    body["filters"] = {"year": {"gte": "x"}}
    assert client.post("/v1/chat/completions", json=body, headers=key).status_code == 422
