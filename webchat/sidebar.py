"""The chat page's sidebar: the conversations (open, rename, delete), the assistant's
suggested questions and whether the admin page is offered.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from config import get_settings
from utils.api_client import ApiClient, ApiClientError
from webchat.page_session import (
    KEY,
    PERSON,
    SCOPES,
    SSO,
    opens_admin_page,
    sign_out,
)
from webchat.page_text import as_typed, show_error, t
from webchat.sign_in_page import is_access_token, show_person


def may_open_admin_page(api: ApiClient) -> bool:
    """Whether the admin page would open for the signed-in key or person (asked once per
    sign-in): the same rule as the page's own (`opens_admin_page`)."""
    if not st.session_state.get(KEY):
        return False  # guests and sign-in link sessions chat only
    if SCOPES not in st.session_state:
        try:
            st.session_state[SCOPES] = api.me()["scopes"]
        except ApiClientError:
            return False
    return opens_admin_page(st.session_state[SCOPES])


def suggested_questions(api: ApiClient, assistant_id: str | None) -> list[str]:
    """What the assistant offers to ask (its admin's sample questions, else drawn from
    its documents); none when there is nothing to suggest or the API is away."""
    try:
        assistants = api.assistants()
    except ApiClientError:
        return []
    chosen = next((a for a in assistants if a["id"] == assistant_id), None)
    chosen = chosen or (assistants[0] if len(assistants) == 1 else None)
    return (chosen or {}).get("suggested_questions") or []


def conversation_list(api: ApiClient, current: str) -> None:
    """This key's conversations, newest first: find one by its title or text, open it,
    or (under its menu) rename, export or delete it."""
    search = st.text_input(
        t("search_conversations"), key="conversation-search",
        placeholder=t("search_conversations"),
        label_visibility="collapsed",
    )  # fmt: skip
    try:
        listed = api.conversations(search.strip())
    except ApiClientError:
        return  # the page says once, in its body, what is wrong
    if not listed:
        if search.strip():
            st.caption(t("no_match"))
        return
    st.caption(t("conversations"))
    for item in listed:
        cid = item["conversation_id"]
        title = item["title"] or cid
        opened, menu = st.columns([4, 1])
        if opened.button(  # the open conversation: marked, and not opened again
            as_typed(title[:40]), key=f"open-{cid}", disabled=cid == current,
            type="primary" if cid == current else "secondary", width="stretch",
        ):  # fmt: skip
            st.query_params["c"] = cid
            st.rerun()
        # Keyed by the conversation: the list reorders as conversations are answered or
        # found, and an open menu must stay the one of the conversation it was opened on.
        with menu.popover(
            t("manage"), icon=":material/more_vert:", help=t("manage_help"), key=f"menu-{cid}"
        ):
            conversation_menu(api, cid, title, current)


def conversation_menu(api: ApiClient, cid: str, title: str, current: str) -> None:
    """Rename, export (Markdown or JSON, sources included) or delete one conversation."""
    new_title = st.text_input(t("name"), value=title, key=f"name-{cid}", max_chars=120)
    if st.button(t("rename"), key=f"rename-{cid}") and new_title.strip() and new_title != title:
        try:
            api.rename(cid, new_title.strip())
        except ApiClientError as error:
            show_error(error)
            return
        st.rerun()
    if st.toggle(t("export"), key=f"export-{cid}"):
        try:
            markdown, data = api.export(cid, "markdown"), api.export(cid, "json")
        except ApiClientError as error:
            show_error(error)
            return
        st.download_button("Markdown", markdown, f"{cid}.md", "text/markdown", key=f"md-{cid}")
        st.download_button("JSON", data, f"{cid}.json", "application/json", key=f"json-{cid}")
    if st.button(t("delete"), icon=":material/delete:", key=f"delete-{cid}", help=t("delete_help")):
        api.delete(cid)
        st.session_state.pop(f"history:{cid}", None)
        if cid == current:
            st.query_params["c"] = uuid.uuid4().hex[:16]
        st.rerun()


def show_sidebar(api: ApiClient, conversation: str) -> Callable[[], None]:
    """A new conversation, who is signed in, the conversations, sign-out and the admin
    page's link. The conversations are listed by the function returned, which the page
    calls once its turn is done: a conversation started by this run's question is then
    in the list."""
    settings = get_settings()
    conversations: Any = None
    with st.sidebar:
        st.subheader(settings.app_name)
        if st.button(t("new_conversation"), width="stretch"):
            st.query_params["c"] = uuid.uuid4().hex[:16]
            st.rerun()
        if sso := st.session_state.get(SSO):
            who = sso.get("display_name") or sso["user"]
            st.caption(t("signed_in_as", who=who, role=sso["assistant_name"]))
        if st.session_state.get(PERSON) or is_access_token(st.session_state.get(KEY, "")):
            show_person(api)
        if st.session_state.get(KEY) or sso:
            conversations = st.container()
        if st.button(t("sign_out"), width="stretch"):
            if person := st.session_state.get(PERSON):  # the sign-in ends on the server too
                with contextlib.suppress(ApiClientError):
                    ApiClient(settings.api_url).auth("logout", {"refresh_token": person["refresh"]})
            sign_out()
            st.rerun()
        if may_open_admin_page(api):
            st.page_link("pages/admin.py", label=t("admin_link"),
                         icon=":material/monitoring:")  # fmt: skip

    def list_conversations() -> None:
        if conversations is not None:
            with conversations:
                conversation_list(api, conversation)

    return list_conversations
