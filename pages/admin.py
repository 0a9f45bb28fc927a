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
from webchat.admin_labels import ADMIN_LABELS
from webchat.labels import label_in, page_language
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

PERIODS = [7, 30, 90]  # days
ROLES = ["member", "viewer", "editor", "admin", "owner"]  # the API's roles, least first
WEBHOOK_EVENTS = ["conversation.escalated", "feedback.negative", "document.failed",
                  "document.completed", "source.failed"]  # fmt: skip


def t(key: str, **values: object) -> str:
    """A label in the browser's language (English, Indonesian or Spanish)."""
    return label_in(ADMIN_LABELS, key, page_language([], st.context.locale), **values)


def sign_in(base_url: str) -> None:
    if st.session_state.get(SIGNED_OUT):
        forget_in_browser()
    st.title(t("title"))
    if st.session_state.get(KEY):
        st.info(t("chat_key_only"))
    st.write(t("intro"))
    with st.form("admin-sign-in"):
        key = st.text_input(t("admin_key"), type="password")
        if st.form_submit_button(t("sign_in")) and key:
            try:
                scopes = ApiClient(base_url, api_key=key).me()["scopes"]
            except ApiClientError as error:
                scopes = [] if error.kind in ("forbidden", "unauthorized") else None
                if scopes is None:
                    st.error(t("api_silent", error=error))
                    return
            if "admin" not in scopes:
                st.error(t("not_admin_key"))
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


def headed(*names: str) -> dict[str, str]:
    """Table columns named in the page's language."""
    return {name: t(name) for name in names}


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
    cols[0].metric(t("turns"), totals["turns"])
    cols[1].metric(t("conversations"), totals["conversations"])
    cols[2].metric(t("not_found"), percent(totals["not_found_rate"]))
    cols[3].metric(t("refused"), percent(totals["refusal_rate"]))
    cols = st.columns(4)
    cols[0].metric(t("escalated"), percent(totals["escalation_rate"]))
    cols[1].metric(t("rated"), f"{totals['feedback_up']} / {totals['feedback_down']}")
    p50, p95 = totals["latency_p50_ms"], totals["latency_p95_ms"]
    cols[2].metric(t("p50"), "–" if p50 is None else f"{p50:.0f} ms")
    cols[3].metric(t("p95"), "–" if p95 is None else f"{p95:.0f} ms")


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
                alt.Tooltip("start:T", title=t("day"), format="%d %b %Y"),
                alt.Tooltip("figure:N", title=t("figure")),
                alt.Tooltip("value:Q", title=t("value"), format=".1%" if rates else ",.0f"),
            ],
        )
    )
    st.altair_chart(chart, use_container_width=True)


def charts(series: list[dict]) -> None:
    frame = pd.DataFrame(series)
    frame["start"] = pd.to_datetime(frame["start"])
    frame = frame.set_index("start")
    st.subheader(t("activity"))
    chart(frame, {"turns": t("turns").lower(), "conversations": t("conversations").lower()})
    st.subheader(t("outcomes"))
    outcomes = {"not_found_rate": t("not_found").lower(), "refusal_rate": t("refused").lower(),
                "escalation_rate": t("escalated").lower()}  # fmt: skip
    chart(frame.fillna({name: 0 for name in outcomes}), outcomes, rates=True)
    st.subheader(t("latency_ms"))
    chart(frame, {"latency_p50_ms": "p50", "latency_p95_ms": "p95"})


def main() -> None:
    settings = get_settings()
    st.set_page_config(
        page_title=f"{t('title')} · {settings.app_name}", page_icon="📊", layout="wide"
    )
    key = admin_key(settings.api_url)
    if key is None:
        sign_in(settings.api_url)
        return
    keep_sign_in()
    api = ApiClient(settings.api_url, api_key=key)
    with st.sidebar:
        st.page_link("streamlit_app.py", label=t("back_to_chat"), icon=":material/chat:")
        try:
            assistants = api.assistants()
        except ApiClientError as error:
            st.error(t("api_silent", error=error))
            return
        names = {"": t("all_assistants"), **{a["id"]: a["name"] for a in assistants}}
        chosen = st.selectbox(t("assistant"), list(names), format_func=names.__getitem__) or None
        days = st.selectbox(t("period"), PERIODS, index=1,
                            format_func=lambda n: t("last_days", days=n))  # fmt: skip
        if st.button(t("sign_out"), use_container_width=True):
            sign_out()
            st.rerun()

    st.title(t("heading", name=names[chosen or ""], days=days))
    from_day = (pd.Timestamp.now(tz="UTC").normalize() - pd.Timedelta(days=days - 1)).date()
    scope = {"assistant_id": chosen, "from": from_day.isoformat()}
    try:
        body = api.analytics(interval="day", **scope)
        unanswered = api.unanswered(**scope)
        down = api.feedback_list(rating="down", **scope)
    except ApiClientError as error:
        st.error(t("api_silent", error=error))
        return
    figures(body["totals"])
    charts(body["series"])

    st.subheader(t("gaps"))
    st.caption(t("gaps_help"))
    if unanswered:
        frame = pd.DataFrame(unanswered)[["count", "question", "last_asked", "examples"]]
        frame["last_asked"] = frame["last_asked"].map(readable)
        st.dataframe(frame.rename(columns=headed("count", "question", "last_asked", "examples")),
                     hide_index=True, use_container_width=True)  # fmt: skip
    else:
        st.write(t("none_period"))

    st.subheader(t("rated_down"))
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
        columns = headed("when", "question", "answer", "comment", "sources")
        st.table(pd.DataFrame(rows).rename(columns=columns).set_index(columns["when"]))
        st.download_button(
            t("download_feedback"), api.feedback_csv(**scope), "feedback.csv", "text/csv"
        )
    else:
        st.write(t("none_period"))
    if "admin" in st.session_state.get(SCOPES, []):
        people(api)
        webhooks(api)
    api.close()


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
                     use_container_width=True)  # fmt: skip
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
                 use_container_width=True)  # fmt: skip
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
                         use_container_width=True)  # fmt: skip
    with st.form("add-webhook"):
        url = st.text_input(t("webhook_url"))
        events = st.multiselect(t("events"), WEBHOOK_EVENTS)
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


main()
