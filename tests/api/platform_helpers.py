"""Building organisations, knowledge bases, assistants and keys through the API."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from typing import Any

from flask.testing import FlaskClient

from agents.phrasebook import built_in

PLATFORM_ADMIN = {"X-API-Key": "admin-key"}


def key_header(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


@dataclass
class Org:
    client: FlaskClient
    id: str
    admin_key: str
    kbs: dict[str, str] = field(default_factory=dict)
    assistants: dict[str, str] = field(default_factory=dict)

    @property
    def admin(self) -> dict[str, str]:
        return key_header(self.admin_key)

    def kb(self, name: str) -> str:
        body = ok(
            self.client.post("/v1/knowledge-bases", json={"name": name}, headers=self.admin), 201
        )
        self.kbs[name] = body["id"]
        return body["id"]

    def upload(self, kb: str, title: str, text: str) -> dict[str, Any]:
        body = {"title": title, "text": text}
        accepted = ok(
            self.client.post(
                f"/v1/knowledge-bases/{self.kbs[kb]}/documents", json=body, headers=self.admin
            ),
            202,
        )
        return self.wait(kb, accepted["jobs"][0]["document_id"])

    def upload_file(self, kb: str, name: str, data: bytes) -> dict[str, Any]:
        """A file posted as a form upload, as a browser sends it; its document once read."""
        accepted = ok(
            self.client.post(
                f"/v1/knowledge-bases/{self.kbs[kb]}/documents",
                data={"file": (io.BytesIO(data), name)},
                headers=self.admin,
                content_type="multipart/form-data",
            ),
            202,
        )
        return self.wait(kb, accepted["jobs"][0]["document_id"])

    def wait(self, kb: str, doc_id: str) -> dict[str, Any]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            document = ok(
                self.client.get(
                    f"/v1/knowledge-bases/{self.kbs[kb]}/documents/{doc_id}", headers=self.admin
                )
            )
            if document["status"] in ("completed", "failed"):
                return document
            time.sleep(0.05)
        raise AssertionError(f"document {doc_id} was not ingested")

    def assistant(self, name: str, kbs: list[str], **settings: Any) -> str:
        body = {"name": name, "knowledge_bases": [{"kb_id": self.kbs[k]} for k in kbs], **settings}
        created = ok(self.client.post("/v1/assistants", json=body, headers=self.admin), 201)
        self.assistants[name] = created["id"]
        return created["id"]

    def key(self, *scopes: str, assistants: list[str] | None = None, **fields: Any) -> str:
        body = {
            "name": f"key-{len(scopes)}",
            "scopes": list(scopes),
            "assistant_ids": [self.assistants[a] for a in assistants] if assistants else None,
            **fields,
        }
        return ok(self.client.post("/v1/api-keys", json=body, headers=self.admin), 201)["key"]


def create_org(client: FlaskClient, name: str) -> Org:
    body = ok(
        client.post("/v1/admin/organisations", json={"name": name}, headers=PLATFORM_ADMIN), 201
    )
    return Org(client=client, id=body["id"], admin_key=body["admin_key"]["key"])


def assistant_per_kb(org: Org, pages: dict[str, dict[str, str]]) -> dict[str, str]:
    """A knowledge base of each name's pages (title -> text), and an assistant over it of
    the same name: the assistants' ids by name."""
    made = {}
    for kb, documents in pages.items():
        org.kb(kb)
        for title, text in documents.items():
            assert org.upload(kb, title, text)["status"] == "completed"
        made[kb] = org.assistant(kb, [kb])
    return made


def chat(
    client: FlaskClient, key: str, message: str, *, assistant: str | None = None,
    conversation: str = "c1",
) -> Any:  # fmt: skip
    headers = {**key_header(key), "X-Conversation-Id": conversation}
    if assistant:
        headers["X-Assistant-Id"] = assistant
    return client.post("/v1/chat", json={"message": message}, headers=headers)


def reply_to(
    org: Org, question: str, *, assistant: str | None = None, conversation: str = "c1"
) -> dict[str, Any]:
    """The reply to `question`, asked with the organisation's admin key."""
    return ok(
        chat(org.client, org.admin_key, question, assistant=assistant, conversation=conversation)
    )


def assert_answered(
    org: Org, question: str, expected: str, *, assistant: str | None = None,
    conversation: str = "c1",
) -> None:  # fmt: skip
    """The reply is found, says `expected` and cites its source."""
    reply = reply_to(org, question, assistant=assistant, conversation=conversation)
    assert reply["found"] is True and expected in reply["answer"], (question, reply)
    assert reply["citations"], question


def assert_not_found(
    org: Org, question: str, language: str, *, assistant: str | None = None,
    conversation: str = "c1",
) -> None:  # fmt: skip
    """The reply is the built-in not-found message in `language`, with no citation."""
    reply = reply_to(org, question, assistant=assistant, conversation=conversation)
    assert reply["found"] is False and reply["citations"] == [], (question, reply)
    assert reply["answer"] == built_in()[language]["not_found"], (question, reply)


def assert_answers(
    org: Org,
    answered: list[tuple[str, ...]],
    declined: list[tuple[str, ...]],
    *,
    assistants: dict[str, str] | None = None,
) -> None:
    """Each of `answered` (question, what the answer says) is answered, and each of
    `declined` (language, question) gets the not-found message, each in a conversation of
    its own. With `assistants`, each row starts with the name of the assistant asked."""
    for n, row in enumerate(answered):
        assistant, (question, expected) = _asked_of(row, assistants)
        assert_answered(org, question, expected, assistant=assistant, conversation=f"a{n}")
    for n, row in enumerate(declined):
        assistant, (language, question) = _asked_of(row, assistants)
        assert_not_found(org, question, language, assistant=assistant, conversation=f"n{n}")


def _asked_of(
    row: tuple[str, ...], assistants: dict[str, str] | None
) -> tuple[str | None, tuple[str, ...]]:
    return (assistants[row[0]], row[1:]) if assistants is not None else (None, row)
