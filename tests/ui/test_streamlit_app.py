"""The web chat through streamlit.testing against a real running API."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import pytest
from flask import Flask
from streamlit.testing.v1 import AppTest

from config import PROJECT_ROOT, get_settings
from utils.local_redis import free_port

PAGE = str(PROJECT_ROOT / "streamlit_app.py")


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    def open_page(
        api_url: str, *, key: str | None = "test-key-a", conversation: str | None = None
    ) -> AppTest:
        """The page, with `key` signed in (as the sign-in form leaves it)."""
        monkeypatch.setenv("API_URL", api_url)
        get_settings.cache_clear()
        at = AppTest.from_file(PAGE, default_timeout=90)
        if key:
            at.session_state["api_key"] = key
        if conversation:
            at.query_params["c"] = conversation
        return at.run()

    yield open_page
    get_settings.cache_clear()


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_empty_conversation_shows_name_description_and_examples(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api)
    assert at.title[0].value == "Grounded Chat"
    assert "How do I start the service?" in [b.label for b in at.button]
    assert at.query_params["c"]  # a conversation id was put in the URL
    assert not at.chat_message


def test_asking_shows_the_answer_and_its_citations(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="ui-1")
    at.chat_input[0].set_value("How do I start the service?").run()
    roles = [m.name for m in at.chat_message]
    assert roles == ["user", "assistant"]
    assert "make run" in texts(at)
    labels = [e.label for e in at.expander]
    assert labels and labels[0].startswith("[1] Quickstart")


def test_reload_with_the_conversation_id_shows_the_history(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    first = page(live_api, conversation="ui-reload")
    first.chat_input[0].set_value("How long are conversations kept?").run()
    reloaded = page(live_api, conversation="ui-reload")
    assert [m.name for m in reloaded.chat_message] == ["user", "assistant"]
    assert "How long are conversations kept?" in texts(reloaded)
    assert reloaded.expander, "citations of the stored answer are shown again"


def test_new_conversation_button_starts_an_empty_one(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="ui-old")
    at.chat_input[0].set_value("What is hybrid search?").run()
    next(b for b in at.button if b.label == "New conversation").click().run()
    assert at.query_params["c"] != "ui-old"
    assert not at.chat_message


def test_not_found_is_said_once(live_api: str, page: Callable[..., AppTest]) -> None:
    at = page(live_api, conversation="ui-nf")
    at.chat_input[0].set_value("What is the capital of France?").run()
    shown = texts(at) + "\n".join(i.value for i in at.info)
    assert shown.lower().count("not found in the knowledge base") == 1


def test_a_users_message_is_shown_as_typed(live_api: str, page: Callable[..., AppTest]) -> None:
    at = page(live_api, conversation="ui-typed")
    at.chat_input[0].set_value("# is 2*3*4 [24](x)?").run()
    user = at.chat_message[0].markdown[0].value
    assert user == r"\# is 2\*3\*4 \[24\]\(x\)?"  # markdown escapes: rendered literally


def test_api_down_is_explained_once(page: Callable[..., AppTest]) -> None:
    at = page(f"http://127.0.0.1:{free_port()}", conversation="ui-down")
    assert [e.value for e in at.error if "cannot be reached" in e.value] != []
    assert len(at.error) == 1
    at.chat_input[0].set_value("hello?").run()
    assert len(at.error) == 1 and "cannot be reached" in at.error[0].value


def test_the_conversation_stays_on_screen_while_the_api_is_away(
    make_app,
    page: Callable[..., AppTest],  # type: ignore[no-untyped-def]
) -> None:
    from tests.ui.conftest import serve

    with serve(make_app()) as url:
        at = page(url, conversation="ui-away")
        at.chat_input[0].set_value("How do I start the service?").run()
    at.run()  # the API has gone
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert len(at.error) == 1 and "cannot be reached" in at.error[0].value
    assert not at.title  # no welcome page over the conversation
    at.chat_input[0].set_value("and then?").run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"] * 2
    assert len(at.error) == 1


def test_wrong_key_is_explained(live_api: str, page: Callable[..., AppTest]) -> None:
    at = page(live_api, key=None, conversation="ui-401")
    at.text_input(key="api-key").input("wrong-key")
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert any("API key" in e.value and "not accepted" in e.value for e in at.error)
    assert not at.chat_input


def test_the_page_lends_no_key_visitors_sign_in(
    live_api: str, page: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("API_KEYS", "test-key-a")  # the server's keys are not the page's
    at = page(live_api, key=None, conversation="someone-elses")
    assert not at.chat_input and not at.chat_message
    assert at.text_input(key="api-key").label == "API key"
    assert at.text_input[0].label == "Email"  # people sign in with accounts, first
    at.text_input(key="api-key").input("test-key-a")
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert at.session_state["api_key"] == "test-key-a" and "api_key" not in at.query_params
    at.chat_input[0].set_value("How do I start the service?").run()
    assert "make run" in texts(at)


def test_guests_chat_with_a_public_assistant_in_conversations_of_their_own(
    make_app,
    page: Callable[..., AppTest],  # type: ignore[no-untyped-def]
) -> None:
    from tests.ui.conftest import serve

    app = make_app()
    admin = {"X-API-Key": "admin-key"}
    client = app.test_client()
    assert (
        client.patch(
            "/v1/assistants/asst_default", json={"is_public": True}, headers=admin
        ).status_code
        == 200
    )
    with serve(app) as url:
        at = page(url, key=None, conversation="guest-1")
        next(b for b in at.button if b.label == "default").click().run()
        visitor = at.session_state["guest"]["visitor"]
        assert "v" not in at.query_params  # a shared link carries no visitor id
        at.chat_input[0].set_value("How do I start the service?").run()
        assert "make run" in texts(at)
        # Another browser (another visitor id) opening the same conversation id sees nothing.
        other = page(url, key=None, conversation="guest-1")
        next(b for b in other.button if b.label == "default").click().run()
        assert other.session_state["guest"]["visitor"] != visitor and not other.chat_message


def test_rate_limit_is_explained(make_app, page: Callable[..., AppTest]) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import serve

    with serve(make_app(rate_limit="1/minute")) as url:
        at = page(url, conversation="ui-429")
        at.chat_input[0].set_value("What is hybrid search?").run()
        at.chat_input[0].set_value("And dense search?").run()
        assert any("Too many questions" in w.value and "seconds" in w.value for w in at.warning)


def test_the_sidebar_lists_conversations_to_switch_and_delete(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="side-1")
    at.chat_input[0].set_value("How do I start the service?").run()
    at.query_params["c"] = "side-2"
    at.run()
    at.chat_input[0].set_value("What is hybrid search?").run()
    at.run()
    titles = [b.label for b in at.sidebar.button if b.key and b.key.startswith("open-")]
    assert titles[:2] == ["What is hybrid search?", "How do I start the service?"]
    next(b for b in at.sidebar.button if b.key == "open-side-1").click().run()
    assert at.query_params["c"] == "side-1" and "make run" in texts(at)
    next(b for b in at.sidebar.button if b.key == "delete-side-2").click().run()
    assert all(b.key != "open-side-2" for b in at.sidebar.button)


def test_regenerate_replaces_the_answer_and_keeps_the_earlier_one(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="ui-regen")
    at.chat_input[0].set_value("How long are conversations kept?").run()
    at.run()
    next(b for b in at.button if b.label == "Regenerate").click().run()
    at.run()
    roles = [m.name for m in at.chat_message]
    assert roles == ["user", "assistant"]
    assert "Version 2/2" in [c.value for c in at.caption]
    next(b for b in at.button if b.label == "‹").click().run()
    assert "Version 1/2" in [c.value for c in at.caption]


def test_thumbs_and_a_comment_under_an_answer_reach_the_feedback_api(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    import httpx

    at = page(live_api, conversation="ui-feedback")
    at.chat_input[0].set_value("How long are conversations kept?").run()
    at.feedback[0].set_value(0).run()  # thumbs down
    at.text_input(key=at.text_input[0].key).set_value("too vague").run()
    listed = httpx.get(f"{live_api}/v1/feedback", headers={"X-API-Key": "admin-key"}).json()
    (rated,) = listed["feedback"]
    assert rated["rating"] == "down" and rated["comment"] == "too vague"
    assert rated["question"] == "How long are conversations kept?"


def test_a_recorded_question_is_shown_as_heard_and_answered_aloud(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    from stubs.speech import spoken

    wav = spoken("How long are conversations kept?", speed=140)
    at = page(live_api, conversation="ui-voice")
    at.audio_input[0].set_value(("question.wav", wav, "audio/wav")).run()
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert "conversations" in at.chat_message[0].markdown[0].value
    assert at.get("audio"), "the spoken answer is on the page"
    # The turn is in the conversation, as text.
    reloaded = page(live_api, conversation="ui-voice")
    assert [m.name for m in reloaded.chat_message] == ["user", "assistant"]


def test_an_answer_shows_when_it_was_made(live_api: str, page: Callable[..., AppTest]) -> None:
    at = page(live_api, conversation="ui-tools")
    at.chat_input[0].set_value("How do I start the service?").run()
    reloaded = page(live_api, conversation="ui-tools")
    assistant = reloaded.chat_message[1]
    assert re.fullmatch(r"\d\d:\d\d · \d\d \w{3}", assistant.caption[-1].value)
    # (Copying is a browser's: tests/ui/test_signed_in_across_reloads.py.)


def test_a_question_can_be_edited_and_sent_again(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="ui-edit")
    at.chat_input[0].set_value("How do I start the service?").run()
    at = page(live_api, conversation="ui-edit")
    at.chat_message[0].text_area[0].set_value("How long are conversations kept?").run()
    next(b for b in at.chat_message[0].button if b.label == "Send again").click().run()
    history = page(live_api, conversation="ui-edit")
    users = [m for m in history.chat_message if m.name == "user"]
    assert [u.markdown[0].value for u in users] == ["How long are conversations kept?"]
    assert "24 hours" in texts(history)


def test_a_source_marks_the_quoted_sentence_and_opens_the_whole_document(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, conversation="ui-sources")
    at.chat_input[0].set_value("How long are conversations kept?").run()
    at = page(live_api, conversation="ui-sources")
    source = at.chat_message[1].expander[0]
    assert ":orange-background[" in source.markdown[0].value  # the quoted sentence
    source.toggle[0].set_value(True).run()
    whole = "\\n".join(t.value for t in at.chat_message[1].expander[0].text)
    assert (
        "Reading and deleting a conversation"
        in "\\n".join(m.value for m in at.chat_message[1].expander[0].markdown)
        and "CONVERSATION_TTL" in whole
    )


def test_a_busy_conversation_is_explained(make_app, page: Callable[..., AppTest]) -> None:  # type: ignore[no-untyped-def]
    """409: another tab's question is still being answered (a slow model holds it)."""
    import threading
    import time

    import httpx

    from stubs.llm import LLMStub
    from tests.api.test_operations import slow_llm_app
    from tests.ui.conftest import serve

    stub = LLMStub().start()
    page_answered = threading.Event()
    try:
        app = slow_llm_app(make_app, stub, turn_wait_seconds=0.2)
        reply = stub.reply

        def held(body: dict) -> str:  # the other tab's turn lasts until the page has its answer
            page_answered.wait(timeout=60)
            return reply(body)

        stub.reply = held
        with serve(app) as url:
            at = page(url, conversation="ui-409")
            other_tab = threading.Thread(
                target=httpx.post,
                args=(f"{url}/v1/chat",),
                kwargs={"json": {"message": "How do I start the service?"}, "timeout": 30,
                        "headers": {"X-API-Key": "test-key-a", "X-Conversation-Id": "ui-409"}},
            )  # fmt: skip
            other_tab.start()
            deadline = time.monotonic() + 20
            while not stub.chat_requests() and time.monotonic() < deadline:
                time.sleep(0.05)  # until the other tab's turn holds the conversation (at the model)
            at.chat_input[0].set_value("And how do I stop it?").run()
            page_answered.set()
            other_tab.join()
    finally:
        page_answered.set()
        stub.stop()
    shown = [e.value for e in at.error]
    assert len(shown) == 1 and "still being answered" in shown[0]


def test_storage_down_is_explained(make_app, page: Callable[..., AppTest], throwaway_redis) -> None:  # type: ignore[no-untyped-def]
    """503: Redis is away; the page says so in words, once, and keeps the conversation."""
    from tests.ui.conftest import serve

    with serve(make_app(redis_url=throwaway_redis.url)) as url:
        at = page(url, conversation="ui-503")
        at.chat_input[0].set_value("How do I start the service?").run()
        throwaway_redis.stop()
        at.chat_input[0].set_value("And how do I stop it?").run()
        throwaway_redis.start()
    shown = [e.value for e in at.error]
    assert len(shown) == 1 and "temporarily unavailable" in shown[0], shown
    assert "How do I start the service" in texts(at)  # the earlier turn is still shown


def test_an_impersonation_is_shown_while_it_lasts(
    make_app: Callable[..., Flask], page: Callable[..., AppTest]
) -> None:
    """A platform admin acting as a person (their impersonation token in the key field)
    sees whom they act as, and that it is an impersonation."""
    from tests.ui.conftest import serve

    app = make_app(anonymous_rate_limit="1000/minute")
    client = app.test_client()
    admin = {"X-API-Key": "admin-key"}
    invitation = client.post("/v1/invitations", headers=admin,
                             json={"email": "ivy@example.org", "role": "member"}).get_json()  # fmt: skip
    user = client.post(
        "/v1/auth/accept-invitation",
        json={"token": invitation["token"], "password": "ivys long password", "name": "Ivy"},
    ).get_json()
    acting = client.post("/v1/admin/impersonate", headers=admin,
                         json={"user_id": user["id"], "org_id": "org_default"}).get_json()  # fmt: skip
    with serve(app) as url:
        at = page(url, key=acting["access_token"])
        sidebar = "\n".join(c.value for c in at.sidebar.caption)
        assert "Signed in as Ivy · member" in sidebar
        warnings = "\n".join(w.value for w in at.sidebar.warning)
        assert "Impersonating ivy@example.org" in warnings


def test_back_from_single_sign_on_the_page_signs_in_once(
    make_app: Callable[..., Flask], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The provider sends the person back with a one-time code: the page exchanges it
    and is signed in as them; the same code again says why it cannot sign in, without a
    traceback."""
    from urllib.parse import urlsplit

    import httpx

    from tests.api.platform_helpers import create_org
    from tests.api.test_sso import configure
    from tests.oidc_provider import OidcProvider
    from tests.ui.conftest import serve

    provider = OidcProvider()
    app = make_app(sso_allowed_hosts="127.0.0.1", anonymous_rate_limit="1000/minute",
                   public_url="https://chat.example.org")  # fmt: skip
    acme = create_org(app.test_client(), "Acme")
    slug = configure(acme, provider)["sign_in_url"].rsplit("/", 2)[-2]
    try:
        with serve(app) as url, httpx.Client() as browser:  # keeps the API's cookie
            start = browser.get(f"{url}/v1/auth/sso/{slug}/start",
                                params={"return_to": "https://chat.example.org/"})  # fmt: skip
            at_provider = httpx.get(start.headers["Location"])
            back = urlsplit(at_provider.headers["Location"])
            to_chat = browser.get(f"{url}{back.path}?{back.query}")
            code = to_chat.headers["Location"].split("?sso_code=", 1)[1]

            monkeypatch.setenv("API_URL", url)
            get_settings.cache_clear()

            def back_with(code: str) -> AppTest:
                at = AppTest.from_file(PAGE, default_timeout=90)
                at.query_params["sso_code"] = code
                return at.run()

            signed_in = back_with(code)
            again = back_with(code)
    finally:
        provider.stop()
        get_settings.cache_clear()
    sidebar = "\n".join(c.value for c in signed_in.sidebar.caption)
    assert "Signed in as Sam · editor" in sidebar and not signed_in.exception
    assert "sso_code" not in signed_in.query_params  # the code leaves the address
    assert not again.exception and "Single sign-on did not complete" in again.error[0].value


def test_a_forgotten_password_is_told_plainly_that_no_mail_can_be_sent(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    at = page(live_api, key=None)
    at.text_input(key="reset-email").input("mia@example.org")
    next(b for b in at.button if b.label == "Send me a link").click().run()
    [warning] = at.warning
    assert "cannot send mail" in warning.value and "reset-link --email mia@example.org" in (
        warning.value
    )
    assert not at.error and not at.chat_input


def test_a_conversation_just_started_is_listed_and_marked_at_once(
    live_api: str, page: Callable[..., AppTest]
) -> None:
    earlier, conversation = f"earlier-{uuid.uuid4().hex[:8]}", f"fresh-{uuid.uuid4().hex[:8]}"
    at = page(live_api, conversation=earlier)
    at.chat_input[0].set_value("How do I start the service?").run()
    at.query_params["c"] = conversation
    at.run()
    assert all(b.key != f"open-{conversation}" for b in at.sidebar.button)
    at.chat_input[0].set_value("How long are conversations kept?").run()
    # The same run that answered lists it, marked as the open one, with no further click.
    [listed] = [b for b in at.sidebar.button if b.key == f"open-{conversation}"]
    assert listed.label.startswith("How long are conversations kept")
    assert listed.disabled and listed.proto.type == "primary"
    others = [b for b in at.sidebar.button if (b.key or "").startswith("open-") and b != listed]
    assert others and all(b.proto.type == "secondary" for b in others)


def test_a_person_in_two_organisations_joins_the_second_and_switches_in_the_sidebar(
    make_app: Callable[..., Flask], page: Callable[..., AppTest]
) -> None:
    from tests.api.platform_helpers import create_org
    from tests.ui.conftest import serve

    app = make_app(anonymous_rate_limit="1000/minute")
    client = app.test_client()
    itb, plant = create_org(client, "ITB"), create_org(client, "Planta")
    for org in (itb, plant):
        client.post("/v1/assistants", json={"name": f"{org.id} helper"}, headers=org.admin)
    first = client.post("/v1/invitations", headers=itb.admin,
                        json={"email": "rina@example.org", "role": "owner"}).get_json()  # fmt: skip
    client.post("/v1/auth/accept-invitation", json={
        "token": first["token"], "password": "rinas long password", "name": "Rina"})  # fmt: skip
    second = client.post("/v1/invitations", headers=plant.admin,
                         json={"email": "rina@example.org", "role": "viewer"}).get_json()  # fmt: skip
    with serve(app) as url:
        # The second invitation's page says whose it is and asks for the account's password.
        at = page(url, key=None)
        at.query_params["invitation"] = second["token"]
        at.run()
        said = "\n".join(i.value for i in at.info)
        assert "rina@example.org already has an account" in said
        assert [ti.label for ti in at.text_input] == ["Your current password"]  # no name
        at.text_input[0].input("rinas long password")
        at.button[0].click().run()
        assert not at.exception and not at.error
        # Signed in (in the organisation just joined), with both to choose from.
        [switch] = at.sidebar.selectbox
        assert switch.label == "Organisation"
        assert sorted(switch.options) == ["ITB · owner", "Planta · viewer"]
        assert switch.value == plant.id
        switch.select(itb.id).run()
        assert not at.exception
        captions = "\n".join(c.value for c in at.sidebar.caption)
        assert "Signed in as Rina · owner" in captions
        assert at.session_state["person"]["org_id"] == itb.id
