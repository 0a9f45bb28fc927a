"""The admin page's people and webhooks: who is in the organisation and with which role,
the invitations not yet accepted, and the addresses told of its events.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from utils.api_client import ApiClient, ApiClientError
from webchat.admin_text import headed, readable, t

ROLES = ["member", "viewer", "editor", "admin", "owner"]  # the API's roles, least first


WEBHOOK_EVENTS = ["conversation.escalated", "feedback.negative", "document.failed",
                  "document.completed", "source.failed"]  # fmt: skip


def people(api: ApiClient) -> None:
    """Owners and admins: who belongs to the organisation, and inviting someone."""
    st.subheader(t("people"))
    try:
        users = api.users()
    except ApiClientError as error:
        st.error(t("api_silent", error=error))
        return
    if users:
        frame = pd.DataFrame(users)[["email", "name", "role", "last_login_at"]]
        frame["last_login_at"] = frame["last_login_at"].map(readable)
        columns = {**headed("email", "name", "role"), "last_login_at": t("last_sign_in")}
        st.dataframe(frame.rename(columns=columns), hide_index=True,
                     width="stretch")  # fmt: skip
        manage_person(api, users)
    else:
        st.write(t("nobody"))
    with st.form("invite"):
        email = st.text_input(t("invite_email"))
        role = st.selectbox(t("role_field"), ROLES)
        if st.form_submit_button(t("invite")) and email.strip():
            try:
                made = api.invite(email.strip(), role)
            except ApiClientError as error:
                st.error(error.message)
            else:
                st.success(t("invited", email=made["email"], role=made["role"],
                             until=readable(made["expires_at"])))  # fmt: skip
                st.code(made["url"], language=None)
    pending_invitations(api)


def pending_invitations(api: ApiClient) -> None:
    """Invitations not yet accepted nor expired, and cancelling one (a link sent to the
    wrong address stops working)."""
    try:
        pending = [i for i in api.invitations() if not i["accepted"] and not i["expired"]]
    except ApiClientError as error:
        st.error(t("api_silent", error=error))
        return
    if not pending:
        return
    st.caption(t("pending"))
    frame = pd.DataFrame(pending)[["email", "role", "expires_at"]]
    frame["expires_at"] = frame["expires_at"].map(readable)
    columns = {**headed("email", "role"), "expires_at": t("valid_until")}
    st.dataframe(frame.rename(columns=columns), hide_index=True,
                 width="stretch")  # fmt: skip
    ids = {i["email"]: i["id"] for i in pending}
    with st.form("cancel-invitation"):
        email = st.selectbox(t("invitation"), list(ids))
        if not st.form_submit_button(t("cancel_invitation")) or email is None:
            return
        try:
            api.cancel_invitation(ids[email])
        except ApiClientError as error:
            st.error(error.message)
            return
    st.rerun()


def webhooks(api: ApiClient) -> None:
    """Owners and admins: where the organisation's events are sent, how the last
    deliveries went, adding a webhook (its secret shown once) and deleting one."""
    st.subheader(t("webhooks"))
    try:
        hooks = api.webhooks()
    except ApiClientError as error:
        st.error(t("api_silent", error=error))
        return
    for hook in hooks:
        with st.expander(f"{hook['url']} · {', '.join(hook['events'])}"):
            try:
                sent = api.deliveries(hook["id"])
            except ApiClientError as error:
                st.error(error.message)
                continue
            if not sent:
                st.write(t("nothing_sent"))
                continue
            frame = pd.DataFrame(sent)[["created_at", "event", "status", "attempts",
                                        "response_status", "error"]]  # fmt: skip
            frame["created_at"] = frame["created_at"].map(readable)
            columns = {**headed("event", "status", "attempts", "error"),
                       "created_at": t("when"), "response_status": t("receiver_answer")}  # fmt: skip
            st.dataframe(frame.rename(columns=columns), hide_index=True,
                         width="stretch")  # fmt: skip
    with st.form("add-webhook"):
        url = st.text_input(t("webhook_url"))
        events = st.multiselect(t("events"), WEBHOOK_EVENTS, placeholder=t("choose_events"))
        if st.form_submit_button(t("add_webhook")) and url.strip() and events:
            try:
                made = api.add_webhook(url.strip(), events)
            except ApiClientError as error:
                st.error(error.message)
            else:
                st.success(t("webhook_added"))
                st.code(made["secret"], language=None)
    if hooks:
        urls = {h["url"]: h["id"] for h in hooks}
        with st.form("delete-webhook"):
            url = st.selectbox(t("webhook"), list(urls))
            if st.form_submit_button(t("delete_webhook")) and url is not None:
                try:
                    api.delete_webhook(urls[url])
                except ApiClientError as error:
                    st.error(error.message)
                else:
                    st.rerun()


def manage_person(api: ApiClient, users: list[dict]) -> None:
    """Change someone's role, or remove them (their sign-ins here end at once). The API
    decides what the signed-in role may do (only an owner makes owners; the last owner
    stays) and the page says its answer."""
    emails = {u["email"]: u["id"] for u in users}
    with st.form("manage-person"):
        email = st.selectbox(t("person"), list(emails))
        role = st.selectbox(t("new_role"), ROLES, index=None, placeholder=t("keep_role"))
        remove = st.checkbox(t("remove_member"))
        if not st.form_submit_button(t("apply")) or email is None:
            return
        try:
            if remove:
                api.remove_user(emails[email])
            elif role:
                api.set_role(emails[email], role)
            else:
                return
        except ApiClientError as error:
            st.error(error.message)
            return
    st.rerun()  # the list above, as it now is
