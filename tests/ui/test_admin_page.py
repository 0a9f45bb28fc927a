"""The admin page (pages/admin.py) through streamlit.testing against a real running API:
an organisation's figures, its unanswered questions and its thumbs-down answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from flask import Flask
from streamlit.testing.v1 import AppTest

from config import PROJECT_ROOT, get_settings
from tests.ui.conftest import serve

CHAT = str(PROJECT_ROOT / "streamlit_app.py")
PAGE = str(PROJECT_ROOT / "pages" / "admin.py")


@pytest.fixture
def admin_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    def open_page(api_url: str, key: str | None) -> AppTest:
        monkeypatch.setenv("API_URL", api_url)
        get_settings.cache_clear()
        # Opened from the chat page, as its link does (the page links back to it).
        at = AppTest.from_file(CHAT, default_timeout=90)
        if key:
            at.session_state["api_key"] = key  # as the sign-in form leaves it
        return at.switch_page(PAGE).run()

    yield open_page
    get_settings.cache_clear()


def an_organisation_with_activity(api_url: str, name: str = "Shop") -> str:
    """A new organisation whose assistant was asked twice and rated down once."""
    http = httpx.Client(base_url=api_url, timeout=60)
    created = http.post("/v1/admin/organisations", json={"name": name},
                        headers={"X-API-Key": "admin-key"}).json()  # fmt: skip
    admin = {"X-API-Key": created["admin_key"]["key"]}
    assistant = http.post("/v1/assistants", json={"name": "Helper"}, headers=admin).json()
    turn = {**admin, "X-Assistant-Id": assistant["id"], "X-Conversation-Id": "c1"}
    http.post("/v1/chat", json={"message": "Do you ship to Norway?"}, headers=turn)
    reply = http.post("/v1/chat", json={"message": "Can you deliver to Norway?"}, headers=turn)
    rated = http.post(
        f"/v1/conversations/c1/messages/{reply.json()['message_id']}/feedback",
        json={"rating": "down", "comment": "no answer"},
        headers={**admin, "X-Assistant-Id": assistant["id"]},
    )
    assert rated.status_code == 201, rated.text
    return created["admin_key"]["key"]


def test_the_admin_page_shows_figures_gaps_and_thumbs_down(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    key = an_organisation_with_activity(live_api)
    at = admin_page(live_api, key)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Turns"] == "2" and metrics["Not found"] == "100.0 %"
    assert metrics["Rated up / down"] == "0 / 1"
    unanswered, thumbs_down = at.dataframe[0].value, at.table[0].value
    assert unanswered["count"].tolist() == [2]  # the two wordings are one question
    assert thumbs_down["comment"].tolist() == ["no answer"]


def test_the_admin_page_needs_an_admin_key(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    at = admin_page(live_api, None)
    assert at.title[0].value == "Admin" and not at.metric
    at.text_input[0].set_value("test-key-a")  # a chat key of the default organisation
    at.button[0].click().run()
    assert "not an admin key" in at.error[0].value
    assert "api_key" not in at.session_state


def test_admins_see_people_and_invite_someone_whom_an_editor_cannot(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    key = an_organisation_with_activity(live_api)
    at = admin_page(live_api, key)
    subheaders = [s.value for s in at.subheader]
    nobody = [m.value for m in at.markdown if "Nobody signs in yet" in m.value]
    next(t for t in at.text_input if t.label == "Invite (email)").set_value("ana@shop.example")
    next(s for s in at.selectbox if s.label == "Role").set_value("editor")
    next(b for b in at.button if b.label == "Invite").click().run()
    assert not at.exception and "People" in subheaders and nobody
    assert "Invited ana@shop.example as editor" in at.success[0].value
    link = at.code[0].value
    token = link.split("invitation=", 1)[1]
    # A second invitation, to the wrong address: listed as pending, then cancelled.
    next(t for t in at.text_input if t.label == "Invite (email)").set_value("anna@shop.example")
    next(b for b in at.button if b.label == "Invite").click().run()
    wrong = at.code[0].value.split("invitation=", 1)[1]
    listed = frame_with(at, "valid until")["email"].tolist()
    next(s for s in at.selectbox if s.label == "Invitation").set_value("anna@shop.example")
    next(b for b in at.button if b.label == "Cancel the invitation").click().run()
    assert sorted(listed) == ["ana@shop.example", "anna@shop.example"]
    assert frame_with(at, "valid until")["email"].tolist() == ["ana@shop.example"]
    http = httpx.Client(base_url=live_api, timeout=60)
    refused = http.post("/v1/auth/accept-invitation",
                        json={"token": wrong, "password": "a long editor phrase"})  # fmt: skip
    assert refused.status_code == 400
    accepted = http.post("/v1/auth/accept-invitation",
                         json={"token": token, "password": "a long editor phrase"})  # fmt: skip
    assert accepted.status_code == 201, accepted.text
    pair = http.post("/v1/auth/login",
                     json={"email": "ana@shop.example", "password": "a long editor phrase"})  # fmt: skip
    # The editor sees the figures, not the people; the admin now sees her listed.
    as_editor = admin_page(live_api, pair.json()["access_token"])
    again = admin_page(live_api, key)
    assert not as_editor.exception and as_editor.metric
    assert "People" not in [s.value for s in as_editor.subheader]
    people = frame_with(again, "last sign-in")
    # The admin makes her a viewer, then removes her: her sign-in ends at once.
    next(s for s in again.selectbox if s.label == "New role").set_value("viewer")
    next(b for b in again.button if b.label == "Apply").click().run()
    as_viewer = frame_with(again, "last sign-in")
    next(c for c in again.checkbox if c.label == "Remove from the organisation").check()
    next(b for b in again.button if b.label == "Apply").click().run()
    removed = [m.value for m in again.markdown if "Nobody signs in yet" in m.value]
    token = bearer_of(pair.json()["access_token"])
    assert people[["email", "role"]].values.tolist() == [["ana@shop.example", "editor"]]
    assert as_viewer[["email", "role"]].values.tolist() == [["ana@shop.example", "viewer"]]
    assert removed and not again.exception
    assert http.get("/v1/auth/me", headers=token).status_code == 401


def bearer_of(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def frame_with(at: AppTest, column: str):  # type: ignore[no-untyped-def]
    """The one table on the page with that column."""
    (frame,) = [d.value for d in at.dataframe if column in d.value.columns]
    return frame


def test_admins_add_a_webhook_see_its_deliveries_and_delete_it(
    make_app: Callable[..., Flask], admin_page: Callable[..., AppTest]
) -> None:
    from tests.api.test_webhooks import Receiver

    receiver = Receiver()
    app = make_app(webhook_allowed_hosts="127.0.0.1", webhook_retry_base_seconds=0.2)
    with serve(app) as api_url:
        key = an_organisation_with_activity(api_url)
        other = an_organisation_with_activity(api_url, "Bazaar")
        at = admin_page(api_url, key)
        next(t for t in at.text_input if t.label == "Webhook URL (https)").set_value(
            "https://169.254.169.254/latest"
        )
        next(m for m in at.multiselect if m.label == "Events").set_value(["feedback.negative"])
        next(b for b in at.button if b.label == "Add the webhook").click().run()
        refused = at.error[0].value
        next(t for t in at.text_input if t.label == "Webhook URL (https)").set_value(receiver.url)
        next(b for b in at.button if b.label == "Add the webhook").click().run()
        receiver.secret = at.code[-1].value
        assert "shown this once" in at.success[-1].value and receiver.secret.startswith("whsec_")
        rate_down_an_answer(api_url, key)
        received = receiver.wait(1)
        at = admin_page(api_url, key)
        sent = frame_with(at, "attempts")
        elsewhere = admin_page(api_url, other)  # another organisation's admin sees none
        next(b for b in at.button if b.label == "Delete the webhook").click().run()
    receiver.server.shutdown()
    assert "internal address" in refused
    assert [r["event"] for r in received] == ["feedback.negative"]
    assert receiver.bad_signatures == 0
    assert sent[["event", "status", "attempts"]].values.tolist() == [
        ["feedback.negative", "delivered", 1]
    ]
    assert not [e for e in elsewhere.expander if receiver.url in e.label]
    assert not at.exception and not [e for e in at.expander if receiver.url in e.label]


def rate_down_an_answer(api_url: str, admin_key: str) -> None:
    http = httpx.Client(base_url=api_url, timeout=60)
    admin = {"X-API-Key": admin_key}
    assistant = http.get("/v1/assistants", headers=admin).json()["assistants"][0]["id"]
    turn = {**admin, "X-Assistant-Id": assistant, "X-Conversation-Id": "c2"}
    reply = http.post("/v1/chat", json={"message": "Do you sell gift cards?"}, headers=turn)
    rated = http.post(f"/v1/conversations/c2/messages/{reply.json()['message_id']}/feedback",
                      json={"rating": "down"}, headers={**admin, "X-Assistant-Id": assistant})  # fmt: skip
    assert rated.status_code == 201, rated.text


def test_the_admin_page_gives_the_tag_for_each_public_assistant(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    key = an_organisation_with_activity(live_api, name="Widget shop")
    admin = {"X-API-Key": key}
    at = admin_page(live_api, key)
    assert not at.exception
    assert any("No assistant is public yet" in m.value for m in at.markdown)
    helper = httpx.get(f"{live_api}/v1/assistants", headers=admin).json()["assistants"][0]
    changed = httpx.patch(f"{live_api}/v1/assistants/{helper['id']}", headers=admin,
                          json={"is_public": True, "allowed_origins": ["https://shop.example"],
                                "visitor_daily_quota": 5, "daily_quota": None})  # fmt: skip
    assert changed.status_code == 200
    at = admin_page(live_api, key)
    assert not at.exception
    tags = [c.value for c in at.code]
    assert tags == [
        f'<script src="{live_api}/widget.js" data-assistant="{helper["id"]}" async></script>'
    ]
    shown = "\n".join(m.value for m in at.markdown)
    assert "Sites allowed: https://shop.example" in shown
    assert "5 per visitor, 200 per address, no limit in all" in shown


def test_the_chats_link_to_the_admin_page_is_shown_exactly_to_whom_it_opens_for(
    live_api: str, admin_page: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    http = httpx.Client(base_url=live_api, timeout=60)
    created = http.post("/v1/admin/organisations", json={"name": "Links"},
                        headers={"X-API-Key": "admin-key"}).json()  # fmt: skip
    admin = {"X-API-Key": created["admin_key"]["key"]}
    http.post("/v1/assistants", json={"name": "Helper"}, headers=admin)

    def key(*scopes: str) -> str:
        made = http.post("/v1/api-keys", json={"name": "-".join(scopes), "scopes": list(scopes)},
                         headers=admin)  # fmt: skip
        return made.json()["key"]

    monkeypatch.setenv("API_URL", live_api)
    for credential, linked in ((key("chat"), False), (key("chat", "insights:read"), True),
                               (created["admin_key"]["key"], True)):  # fmt: skip
        get_settings.cache_clear()
        chat = AppTest.from_file(CHAT, default_timeout=90)
        chat.session_state["api_key"] = credential
        chat.run()
        links = [e.proto.label for e in chat.sidebar.get("page_link")]
        assert ("Admin: analytics and feedback" in links) is linked, (credential[:8], links)
        opened = admin_page(live_api, credential)
        assert bool(opened.metric) is linked  # the page opens for the same ones


def test_an_admin_writes_example_questions_for_a_guardrail_topic(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    key = an_organisation_with_activity(live_api, name="Guarded shop")
    http = httpx.Client(base_url=live_api, timeout=60, headers={"X-API-Key": key})
    guarded = http.post("/v1/assistants", json={
        "name": "Guarded", "allowed_topics": ["orders and delivery"],
        "forbidden_topics": ["legal advice"],
        "escalation_triggers": ["talk to a person", "damaged parcels"]}).json()  # fmt: skip
    at = admin_page(live_api, key)
    # The trigger the service knows is said to be recognised without examples; the
    # organisation's own is not.
    built_in = [c.value for c in at.caption if "without examples" in c.value]
    assert built_in == ["Also recognised without examples: requests for a person, asked in "
                        "English, Spanish or Indonesian."]  # fmt: skip
    area = next(a for a in at.text_area if a.label == "Forbidden: legal advice")
    area.set_value("Can I sue the courier?\n\nIs it legal to resell what I bought here?")
    next(b for b in at.button if b.label == "Save examples").click().run()
    assert not at.exception and at.success[0].value == "Examples saved."
    kept = http.get(f"/v1/assistants/{guarded['id']}/topic-examples").json()["examples"]
    assert kept == {"legal advice": ["Can I sue the courier?",
                                     "Is it legal to resell what I bought here?"]}  # fmt: skip
    # Too short a question: the API's reason is shown and what was kept stays.
    area = next(a for a in at.text_area if a.label == "Allowed: orders and delivery")
    area.set_value("?")
    next(b for b in at.button if b.label == "Save examples").click().run()
    assert "were not saved" in at.error[0].value
    assert http.get(f"/v1/assistants/{guarded['id']}/topic-examples").json()["examples"] == kept
    assert not [i for i in at.info if "no allowed topics" in i.value]


def test_an_assistant_with_only_forbidden_topics_is_told_what_that_catches(
    live_api: str, admin_page: Callable[..., AppTest]
) -> None:
    """Without allowed topics only clear matches are refused or handed over
    (bench.guardrails --no-allowed): the page says so beside that assistant's examples."""
    key = an_organisation_with_activity(live_api, name="Unlisted shop")
    http = httpx.Client(base_url=live_api, timeout=60, headers={"X-API-Key": key})
    http.post("/v1/assistants", json={"name": "Only forbidden", "forbidden_topics": ["politics"]})
    at = admin_page(live_api, key)
    hints = [i.value for i in at.info if "no allowed topics" in i.value]
    assert len(hints) == 1 and "List the topics it talks about" in hints[0]
