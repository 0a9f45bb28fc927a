"""Conversations are named, found, exported and deleted (issue 37), each only by whoever
owns them: another key renames, finds and exports nothing of them."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.app_fixtures import KEY_A, KEY_B, ask


def listed(client: FlaskClient, query: str = "", key: dict | None = None) -> list[dict]:
    response = client.get(f"/v1/conversations{query}", headers=key or KEY_A)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["conversations"]


def test_a_conversation_is_renamed_found_and_exported(client: FlaskClient) -> None:
    assert ask(client, "How do I start the service?", conversation="start-1").status_code == 200
    assert ask(client, "How long are conversations kept?", conversation="keep-1").status_code == 200

    renamed = client.patch("/v1/conversations/start-1", json={"title": "  Getting   going "},
                           headers=KEY_A)  # fmt: skip
    assert renamed.status_code == 200 and renamed.get_json()["title"] == "Getting going"
    titles = {c["conversation_id"]: c["title"] for c in listed(client)}
    assert titles == {"start-1": "Getting going", "keep-1": "How long are conversations kept?"}

    # Found by its title, by a word of an answer, not by what it does not hold.
    assert [c["conversation_id"] for c in listed(client, "?q=getting")] == ["start-1"]
    assert [c["conversation_id"] for c in listed(client, "?q=CONVERSATION_TTL")] == ["keep-1"]
    assert listed(client, "?q=zebra") == []

    markdown = client.get("/v1/conversations/start-1/export?format=markdown", headers=KEY_A)
    text = markdown.get_data(as_text=True)
    assert markdown.status_code == 200 and markdown.mimetype == "text/markdown"
    assert text.startswith("# Getting going\n")
    assert "**You:** How do I start the service?\n\n**Assistant:** " in text
    assert "Run `make run`" in text
    assert "Sources:" in text and "[1] Quickstart" in text and "quickstart.md" in text
    exported = client.get("/v1/conversations/start-1/export", headers=KEY_A).get_json()
    assert exported["messages"][1]["citations"][0]["title"] == "Quickstart"


def test_bad_names_and_searches_are_clear_errors(client: FlaskClient) -> None:
    ask(client, "How do I start the service?", conversation="start-2")
    for body in ({"title": ""}, {"title": "\u200b "}, {"title": "x" * 121}, {"name": "a"}):
        response = client.patch("/v1/conversations/start-2", json=body, headers=KEY_A)
        assert response.status_code == 422, body
    assert client.get("/v1/conversations?q=" + "x" * 201, headers=KEY_A).status_code == 400
    bad = client.get("/v1/conversations/start-2/export?format=pdf", headers=KEY_A)
    assert bad.status_code == 400


def test_another_key_renames_finds_and_exports_nothing(client: FlaskClient) -> None:
    ask(client, "How do I start the service?", conversation="mine-1")
    assert client.patch("/v1/conversations/mine-1", json={"title": "taken"},
                        headers=KEY_B).status_code == 404  # fmt: skip
    assert listed(client, "?q=start", key=KEY_B) == []
    assert client.get("/v1/conversations/mine-1/export?format=markdown",
                      headers=KEY_B).status_code == 404  # fmt: skip
    assert listed(client)[0]["title"] == "How do I start the service?"
