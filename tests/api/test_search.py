"""POST /v1/search and GET /v1/assistants/{id}/documents: passages and documents within
what the key may read, nothing of another organisation's."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import create_org, key_header, ok


def test_search_finds_passages_where_the_key_may_look_and_nowhere_else(platform: Flask) -> None:
    client = platform.test_client()
    ours, theirs = create_org(client, "Ours"), create_org(client, "Theirs")
    ours.kb("manuals")
    ours.upload("manuals", "Falcon press", "The Falcon press bolts are torqued to 42 Nm.")
    ours.kb("private")
    ours.upload("private", "Salaries", "The plant manager earns 90,000 a year.")
    ours.assistant("Plant", ["manuals"])
    theirs.kb("notes")
    chat_key = key_header(ours.key("chat", assistants=["Plant"]))
    reader = key_header(ours.key("chat", "documents:read"))

    found = ok(client.post("/v1/search", json={"query": "Falcon press torque"}, headers=chat_key))
    assert found["assistant_id"] == ours.assistants["Plant"]
    best = found["passages"][0]
    assert "42 Nm" in best["text"] and best["title"] == "Falcon press" and best["id"]
    assert best["knowledge_base_id"] == ours.kbs["manuals"] and best["document_id"]
    # The assistant's knowledge only: the other knowledge base is not searched.
    salaries = ok(client.post("/v1/search", json={"query": "plant manager salary"},
                              headers=chat_key))  # fmt: skip
    assert all("90,000" not in p["text"] for p in salaries["passages"])

    # A knowledge base needs documents:read, and only one's own organisation's.
    by_kb = {"query": "plant manager salary", "knowledge_base_id": ours.kbs["private"]}
    assert client.post("/v1/search", json=by_kb, headers=chat_key).status_code == 403
    assert (
        "90,000" in ok(client.post("/v1/search", json=by_kb, headers=reader))["passages"][0]["text"]
    )
    # A key that may only read documents searches a knowledge base, not an assistant.
    read_only = key_header(ours.key("documents:read"))
    assert ok(client.post("/v1/search", json=by_kb, headers=read_only))["passages"]
    as_reader = client.post("/v1/search", json={"query": "Falcon"}, headers=read_only)
    assert as_reader.status_code == 403
    their_kb = {"query": "anything", "knowledge_base_id": theirs.kbs["notes"]}
    assert client.post("/v1/search", json=their_kb, headers=reader).status_code == 404
    as_them = {"query": "Falcon", "assistant_id": ours.assistants["Plant"]}
    assert client.post("/v1/search", json=as_them, headers=theirs.admin).status_code == 404

    for bad in ({"query": ""}, {"query": "x", "limit": 0}, {"query": "x", "colour": 1},
                {"query": "\u200b "}):  # fmt: skip
        answer = client.post("/v1/search", json=bad, headers=chat_key)
        assert answer.status_code == 422 and answer.get_json()["error"]["message"], bad

    documents = ok(client.get(f"/v1/assistants/{ours.assistants['Plant']}/documents",
                              headers=chat_key))["documents"]  # fmt: skip
    assert [(d["title"], d["knowledge_base_id"]) for d in documents] == [
        ("Falcon press", ours.kbs["manuals"])
    ]
    their_view = client.get(f"/v1/assistants/{ours.assistants['Plant']}/documents",
                            headers=theirs.admin)  # fmt: skip
    assert their_view.status_code == 404
