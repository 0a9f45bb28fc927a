"""A conversation read back carries the feedback given on its answers (so the web chat
shows thumbs given earlier as given), for keys and for guests; another key gets nothing."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.app_fixtures import KEY_A, KEY_B, ask


def test_a_rated_answer_carries_its_feedback_when_read_back(client: FlaskClient) -> None:
    reply = ask(client, "How long are conversations kept?", conversation="rated-1").get_json()
    url = f"/v1/conversations/rated-1/messages/{reply['message_id']}/feedback"
    assert (
        client.post(url, json={"rating": "down", "comment": "vague"}, headers=KEY_A).status_code
        == 201
    )
    assert (
        client.post(url, json={"rating": "up"}, headers=KEY_A).status_code == 200
    )  # the same record
    messages = client.get("/v1/conversations/rated-1", headers=KEY_A).get_json()["messages"]
    assert "feedback" not in messages[0] or messages[0]["feedback"] is None
    assert messages[1]["feedback"]["rating"] == "up" and messages[1]["feedback"]["comment"] is None
    assert client.get("/v1/conversations/rated-1", headers=KEY_B).status_code == 404
