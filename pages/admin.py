"""The admin page of the web chat: how each assistant is doing, what people asked that
found nothing, and the answers they rated down. Needs an admin key of the organisation;
like the chat page it only calls the REST API. It shares the chat page's sign-in (and
the browser's), so moving between the two in one tab keeps a person signed in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import altair as alt
import pandas as pd
import streamlit as st

from config import get_settings
from utils.api_client import ApiClient, ApiClientError
from webchat.page_session import (
    KEY,
    PERSON,
    SCOPES,
    SIGNED_OUT,
    forget_in_browser,
    keep_sign_in,
    restore_sign_in,
    sign_in_as,
    sign_out,
)
from webchat.people import renewed_person

RANGES = {"Last 7 days": 7, "Last 30 days": 30, "Last 90 days": 90}
ROLES = ["member", "viewer", "editor", "admin", "owner"]  # the API's roles, least first
WEBHOOK_EVENTS = ["conversation.escalated", "feedback.negative", "document.failed",
                  "document.completed", "source.failed"]  # fmt: skip


def sign_in(base_url: str) -> None:
    if st.session_state.get(SIGNED_OUT):
        forget_in_browser()
    st.title("Admin")
    if st.session_state.get(KEY):
        st.info("You are signed in with a key that may chat but not administer.")
    st.write("Sign in with an admin key of your organisation to see its analytics and feedback.")
    with st.form("admin-sign-in"):
        key = st.text_input("Admin API key", type="password")
        if st.form_submit_button("Sign in") and key:
            try:
                scopes = ApiClient(base_url, api_key=key).me()["scopes"]
            except ApiClientError as error:
                scopes = [] if error.kind in ("forbidden", "unauthorized") else None
                if scopes is None:
                    st.error(f"The API did not answer: {error}")
                    return
            if "admin" not in scopes:
                st.error("This key is not an admin key of an organisation.")
                return
            sign_in_as({"key": key})
            st.session_state[SCOPES] = scopes
            st.rerun()


def admin_key(base_url: str) -> str | None:
    """The signed-in key (or person), when it may see analytics (its scopes are asked
    once): an admin key, a viewer's role and up."""
    restore_sign_in()
    if st.session_state.get(PERSON) and not renewed_person(base_url):
        return None
    key = st.session_state.get(KEY)
    if not key:
        return None
    if SCOPES not in st.session_state:
        try:
            st.session_state[SCOPES] = ApiClient(base_url, api_key=key).me()["scopes"]
        except ApiClientError:
            return None
    return key if {"admin", "insights:read"} & set(st.session_state[SCOPES]) else None


def percent(value: float | None) -> str:
    """A rate as people read it: 0.4666 -> "46.7 %"."""
    return "–" if value is None else f"{value * 100:.1f} %"


def readable(moment: str | None) -> str:
    """An ISO time from the API in the reader's time zone: "24 Nov 2026, 17:05"."""
    if not moment:
        return "–"
    when = datetime.fromisoformat(moment)
    try:
        when = when.astimezone(ZoneInfo(st.context.timezone or "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return when.strftime("%d %b %Y, %H:%M")


def figures(totals: dict) -> None:
    cols = st.columns(4)
    cols[0].metric("Turns", totals["turns"])
    cols[1].metric("Conversations", totals["conversations"])
    cols[2].metric("Not found", percent(totals["not_found_rate"]))
    cols[3].metric("Refused", percent(totals["refusal_rate"]))
    cols = st.columns(4)
    cols[0].metric("Escalated", percent(totals["escalation_rate"]))
    cols[1].metric("Rated up / down", f"{totals['feedback_up']} / {totals['feedback_down']}")
    p50, p95 = totals["latency_p50_ms"], totals["latency_p95_ms"]
    cols[2].metric("Latency p50", "–" if p50 is None else f"{p50:.0f} ms")
    cols[3].metric("Latency p95", "–" if p95 is None else f"{p95:.0f} ms")


def chart(frame: pd.DataFrame, columns: dict[str, str], *, rates: bool = False) -> None:
    """One chart of the series: still (no zoom or pan on the mouse wheel, which would
    take the page's scrolling), with the values on hover."""
    data = frame.reset_index().rename(columns=columns)
    data = data.melt(
        "start", value_vars=list(columns.values()), var_name="figure", value_name="value"
    )
    axis = alt.Axis(format=".0%") if rates else alt.Axis(format="d")
    chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("start:T", title=None, axis=alt.Axis(format="%d %b")),
            y=alt.Y("value:Q", title=None, axis=axis),
            color=alt.Color("figure:N", title=None),
            tooltip=[
                alt.Tooltip("start:T", title="day", format="%d %b %Y"),
                alt.Tooltip("figure:N", title="figure"),
                alt.Tooltip("value:Q", title="value", format=".1%" if rates else ",.0f"),
            ],
        )
    )
    st.altair_chart(chart, use_container_width=True)


def charts(series: list[dict]) -> None:
    frame = pd.DataFrame(series)
    frame["start"] = pd.to_datetime(frame["start"])
    frame = frame.set_index("start")
    st.subheader("Activity")
    chart(frame, {"turns": "turns", "conversations": "conversations"})
    st.subheader("Outcomes")
    outcomes = {"not_found_rate": "not found", "refusal_rate": "refused",
                "escalation_rate": "escalated"}  # fmt: skip
    chart(frame.fillna({name: 0 for name in outcomes}), outcomes, rates=True)
    st.subheader("Latency (ms)")
    chart(frame, {"latency_p50_ms": "p50", "latency_p95_ms": "p95"})


def main() -> None:
    settings = get_settings()
    st.set_page_config(page_title=f"Admin · {settings.app_name}", page_icon="📊", layout="wide")
    key = admin_key(settings.api_url)
    if key is None:
        sign_in(settings.api_url)
        return
    keep_sign_in()
    api = ApiClient(settings.api_url, api_key=key)
    with st.sidebar:
        st.page_link("streamlit_app.py", label="Back to the chat", icon=":material/chat:")
        try:
            assistants = api.assistants()
        except ApiClientError as error:
            st.error(f"The API did not answer: {error}")
            return
        names = {"": "All assistants", **{a["id"]: a["name"] for a in assistants}}
        chosen = st.selectbox("Assistant", list(names), format_func=names.__getitem__) or None
        days = RANGES[st.selectbox("Period", list(RANGES), index=1)]
        if st.button("Sign out", use_container_width=True):
            sign_out()
            st.rerun()

    st.title(f"{names[chosen or '']}: the last {days} days")
    from_day = (pd.Timestamp.now(tz="UTC").normalize() - pd.Timedelta(days=days - 1)).date()
    scope = {"assistant_id": chosen, "from": from_day.isoformat()}
    try:
        body = api.analytics(interval="day", **scope)
        unanswered = api.unanswered(**scope)
        down = api.feedback_list(rating="down", **scope)
    except ApiClientError as error:
        st.error(f"The API did not answer: {error}")
        return
    figures(body["totals"])
    charts(body["series"])

    st.subheader("Questions that found nothing")
    st.caption("Similar wordings are grouped: the top of this list is what to add next.")
    if unanswered:
        frame = pd.DataFrame(unanswered)[["count", "question", "last_asked", "examples"]]
        frame["last_asked"] = frame["last_asked"].map(readable)
        st.dataframe(frame.rename(columns={"last_asked": "last asked"}), hide_index=True,
                     use_container_width=True)  # fmt: skip
    else:
        st.write("None in this period.")

    st.subheader("Answers rated down")
    if down:
        rows = [
            {
                "when": readable(item["updated_at"]),
                "question": item["question"],
                "answer": item["answer"],
                "comment": item["comment"],
                "sources": "; ".join(f"{c['title']} ({c['source']})" for c in item["citations"]),
            }
            for item in down
        ]
        # A table, not a grid: long comments and answers wrap instead of running off-screen.
        st.table(pd.DataFrame(rows).set_index("when"))
        st.download_button(
            "Download all feedback (CSV)", api.feedback_csv(**scope), "feedback.csv", "text/csv"
        )
    else:
        st.write("None in this period.")
    if "admin" in st.session_state.get(SCOPES, []):
        people(api)
        webhooks(api)
    api.close()


def people(api: ApiClient) -> None:
    """Owners and admins: who belongs to the organisation, and inviting someone."""
    st.subheader("People")
    try:
        users = api.users()
    except ApiClientError as error:
        st.error(f"The API did not answer: {error}")
        return
    if users:
        frame = pd.DataFrame(users)[["email", "name", "role", "last_login_at"]]
        frame["last_login_at"] = frame["last_login_at"].map(readable)
        st.dataframe(frame.rename(columns={"last_login_at": "last sign-in"}), hide_index=True,
                     use_container_width=True)  # fmt: skip
        manage_person(api, users)
    else:
        st.write("Nobody signs in yet: invite someone.")
    with st.form("invite"):
        email = st.text_input("Invite (email)")
        role = st.selectbox("Role", ROLES)
        if st.form_submit_button("Invite") and email.strip():
            try:
                made = api.invite(email.strip(), role)
            except ApiClientError as error:
                st.error(error.message)
            else:
                st.success(
                    f"Invited {made['email']} as {made['role']}. The link (also mailed "
                    f"when mail is set up), valid until {readable(made['expires_at'])}:"
                )
                st.code(made["url"], language=None)
    pending_invitations(api)


def pending_invitations(api: ApiClient) -> None:
    """Invitations not yet accepted nor expired, and cancelling one (a link sent to the
    wrong address stops working)."""
    try:
        pending = [i for i in api.invitations() if not i["accepted"] and not i["expired"]]
    except ApiClientError as error:
        st.error(f"The API did not answer: {error}")
        return
    if not pending:
        return
    st.caption("Invitations not accepted yet")
    frame = pd.DataFrame(pending)[["email", "role", "expires_at"]]
    frame["expires_at"] = frame["expires_at"].map(readable)
    st.dataframe(frame.rename(columns={"expires_at": "valid until"}), hide_index=True,
                 use_container_width=True)  # fmt: skip
    ids = {i["email"]: i["id"] for i in pending}
    with st.form("cancel-invitation"):
        email = st.selectbox("Invitation", list(ids))
        if not st.form_submit_button("Cancel the invitation") or email is None:
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
    st.subheader("Webhooks")
    try:
        hooks = api.webhooks()
    except ApiClientError as error:
        st.error(f"The API did not answer: {error}")
        return
    for hook in hooks:
        with st.expander(f"{hook['url']} · {', '.join(hook['events'])}"):
            try:
                sent = api.deliveries(hook["id"])
            except ApiClientError as error:
                st.error(error.message)
                continue
            if not sent:
                st.write("Nothing sent yet.")
                continue
            frame = pd.DataFrame(sent)[["created_at", "event", "status", "attempts",
                                        "response_status", "error"]]  # fmt: skip
            frame["created_at"] = frame["created_at"].map(readable)
            st.dataframe(frame.rename(columns={"created_at": "when", "response_status":
                                               "answer"}), hide_index=True,
                         use_container_width=True)  # fmt: skip
    with st.form("add-webhook"):
        url = st.text_input("Webhook URL (https)")
        events = st.multiselect("Events", WEBHOOK_EVENTS)
        if st.form_submit_button("Add the webhook") and url.strip() and events:
            try:
                made = api.add_webhook(url.strip(), events)
            except ApiClientError as error:
                st.error(error.message)
            else:
                st.success("Added. Its signing secret, shown this once (the receiver checks "
                           "X-Webhook-Signature with it):")  # fmt: skip
                st.code(made["secret"], language=None)
    if hooks:
        urls = {h["url"]: h["id"] for h in hooks}
        with st.form("delete-webhook"):
            url = st.selectbox("Webhook", list(urls))
            if st.form_submit_button("Delete the webhook") and url is not None:
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
        email = st.selectbox("Person", list(emails))
        role = st.selectbox("New role", ROLES, index=None, placeholder="keep the role")
        remove = st.checkbox("Remove from the organisation")
        if not st.form_submit_button("Apply") or email is None:
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


main()
