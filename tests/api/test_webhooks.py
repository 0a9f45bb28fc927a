"""Webhooks and escalation mail for real: a local HTTP receiver that checks signatures,
a local SMTP server, deliveries sent and retried by the task queue."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask import Flask
from qdrant_client import QdrantClient

from tests.api.platform_helpers import Org, chat, create_org, ok
from tests.api.test_guardrails import BANK, CARDS
from tests.api.test_people import Inbox, inbox  # noqa: F401 - the SMTP fixture


class Receiver:
    """An HTTP endpoint that verifies each delivery's signature with `secret` and answers
    `statuses` in turn (then 200)."""

    def __init__(self) -> None:
        self.secret = ""
        self.statuses: list[int] = []
        self.received: list[dict] = []
        self.bad_signatures = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                stamp, _, mac = self.headers["X-Webhook-Signature"].partition(",v1=")
                timestamp = stamp.removeprefix("t=")
                expected = hmac.new(receiver.secret.encode(), f"{timestamp}.".encode() + body,
                                    hashlib.sha256).hexdigest()  # fmt: skip
                fresh = abs(time.time() - int(timestamp)) < 300
                if not (hmac.compare_digest(mac, expected) and fresh):
                    receiver.bad_signatures += 1
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                if status == 200:
                    receiver.received.append(json.loads(body))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def wait(self, count: int, seconds: float = 30) -> list[dict]:
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.received


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.server.shutdown()


@pytest.fixture
def hooks_app(
    make_app: Callable[..., Flask],
    empty_qdrant: QdrantClient,
    inbox: tuple[Inbox, int],  # noqa: F811
) -> Flask:
    return make_app(
        qdrant=empty_qdrant, webhook_allowed_hosts="127.0.0.1", webhook_retry_base_seconds=0.2,
        webhook_max_attempts=3, smtp_host="127.0.0.1", smtp_port=inbox[1],
        public_url="https://chat.example.org",
    )  # fmt: skip


def hook(org: Org, url: str, events: list[str]) -> dict:
    return ok(org.client.post("/v1/webhooks", headers=org.admin,
                              json={"url": url, "events": events}), 201)  # fmt: skip


def deliveries(org: Org, hook_id: str, until: Callable[[list[dict]], bool]) -> list[dict]:
    deadline = time.monotonic() + 30
    while True:
        found = ok(org.client.get(f"/v1/webhooks/{hook_id}/deliveries", headers=org.admin))
        if until(found["deliveries"]) or time.monotonic() > deadline:
            return found["deliveries"]
        time.sleep(0.1)


def test_events_are_delivered_signed_and_a_failing_receiver_is_retried(
    hooks_app: Flask, receiver: Receiver
) -> None:
    client = hooks_app.test_client()
    acme = create_org(client, "Acme")
    made = hook(acme, receiver.url, ["document.completed", "document.failed"])
    assert made["secret"].startswith("whsec_")
    receiver.secret = made["secret"]
    assert "secret" not in ok(client.get(f"/v1/webhooks/{made['id']}", headers=acme.admin))
    acme.kb("docs")
    receiver.statuses = [500]  # the first attempt fails
    assert acme.upload("docs", "Parking", "Visitors park in bay C.")["status"] == "completed"
    received = receiver.wait(1)
    assert receiver.bad_signatures == 0
    assert received[0]["event"] == "document.completed"
    assert received[0]["data"]["source"].endswith(".md") and received[0]["id"].startswith("evt_")
    log = deliveries(acme, made["id"], lambda d: bool(d) and d[0]["status"] == "delivered")
    assert [(d["status"], d["attempts"], d["response_status"]) for d in log] == [
        ("delivered", 2, 200)
    ]

    # A receiver that keeps failing: tried WEBHOOK_MAX_ATTEMPTS times, then failed.
    receiver.statuses = [503, 503, 503]
    acme.upload("docs", "Canteen", "The canteen opens at noon.")
    log = deliveries(acme, made["id"], lambda d: d[0]["status"] == "failed")
    assert (log[0]["status"], log[0]["attempts"], log[0]["response_status"]) == ("failed", 3, 503)
    assert "503" in log[0]["error"]
    assert len(receiver.received) == 1  # nothing more arrived

    # Another organisation sees none of it.
    beta = create_org(client, "Beta")
    assert (
        client.get(f"/v1/webhooks/{made['id']}/deliveries", headers=beta.admin).status_code == 404
    )
    assert client.delete(f"/v1/webhooks/{made['id']}", headers=beta.admin).status_code == 404
    assert ok(client.get("/v1/webhooks", headers=beta.admin))["webhooks"] == []


def test_a_webhook_may_not_reach_the_deployments_network(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient
) -> None:
    client = make_app(qdrant=empty_qdrant).test_client()
    acme = create_org(client, "Acme")
    for url in ("http://127.0.0.1:9/hook", "https://127.0.0.1/hook", "https://169.254.169.254/x",
                "https://[::1]/hook", "http://example.com/hook", "ftp://example.com/x",
                "https://localhost/hook"):  # fmt: skip
        response = client.post("/v1/webhooks", headers=acme.admin,
                               json={"url": url, "events": ["feedback.negative"]})  # fmt: skip
        assert response.status_code == 422, url
    unknown = client.post("/v1/webhooks", headers=acme.admin,
                          json={"url": "https://example.com/h", "events": ["everything"]})  # fmt: skip
    assert unknown.status_code == 422 and "unknown events" in unknown.get_json()["error"]["message"]
    assert ok(client.get("/v1/webhooks", headers=acme.admin))["webhooks"] == []


def test_hosts_allowed_for_web_sources_are_allowed_for_webhooks_unless_they_have_their_own(
    make_app: Callable[..., Flask], empty_qdrant: QdrantClient, receiver: Receiver
) -> None:
    # One outbound rule: an operator who let the crawler reach a host on the local network
    # may send webhooks there too, unless WEBHOOK_ALLOWED_HOSTS says otherwise.
    client = make_app(qdrant=empty_qdrant, web_sources_allowed_hosts="127.0.0.1").test_client()
    acme = create_org(client, "Acme")
    made = hook(acme, receiver.url, ["document.completed"])
    receiver.secret = made["secret"]
    acme.kb("docs")
    acme.upload("docs", "Parking", "Visitors park in bay C.")
    assert receiver.wait(1)[0]["event"] == "document.completed"
    assert receiver.bad_signatures == 0

    own_list = make_app(qdrant=empty_qdrant, web_sources_allowed_hosts="127.0.0.1",
                        webhook_allowed_hosts="hooks.internal").test_client()  # fmt: skip
    beta = create_org(own_list, "Beta")
    refused = own_list.post("/v1/webhooks", headers=beta.admin,
                            json={"url": receiver.url, "events": ["document.completed"]})  # fmt: skip
    assert refused.status_code == 422
    assert "WEBHOOK_ALLOWED_HOSTS" in refused.get_json()["error"]["message"]


def test_an_escalated_turn_mails_once_and_calls_the_webhook(
    hooks_app: Flask,
    receiver: Receiver,
    inbox: tuple[Inbox, int],  # noqa: F811
) -> None:
    client = hooks_app.test_client()
    bank = create_org(client, "Northbank")
    bank.kb("cards")
    bank.upload("cards", "Cards", CARDS)
    bank.assistant("support", ["cards"], **BANK)
    ok(client.patch("/v1/organisation", headers=bank.admin,
                    json={"escalation_email": "advisors@northbank.test"}))  # fmt: skip
    made = hook(bank, receiver.url, ["conversation.escalated", "feedback.negative"])
    receiver.secret = made["secret"]

    reply = ok(chat(client, bank.admin_key, "My card was stolen this morning!", conversation="s1"))
    assert reply["escalate"] is True
    received = receiver.wait(1)
    assert received[0]["event"] == "conversation.escalated"
    assert received[0]["data"]["conversation_id"] == "s1"
    mailbox = inbox[0]
    messages = mailbox.wait(1)
    assert len(messages) == 1 and messages[0]["to"] == "advisors@northbank.test"
    assert "https://chat.example.org/?conversation=s1" in messages[0]["body"]
    # An ordinary question afterwards mails nobody.
    ok(chat(client, bank.admin_key, "How do I activate my new debit card?", conversation="s2"))
    time.sleep(1.0)
    assert len(mailbox.messages) == 1 and len(receiver.received) == 1
    assert receiver.bad_signatures == 0
