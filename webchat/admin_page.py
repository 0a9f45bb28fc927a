"""The admin page of the web chat: how each assistant is doing, what people asked that
found nothing, and the answers they rated down. Needs an admin key of the organisation;
like the chat page it only calls the REST API. It shares the chat page's sign-in (and
the browser's), so moving between the two in one tab keeps a person signed in.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from config import get_settings
from utils.api_client import ApiClient, ApiClientError
from webchat.admin_people import people, webhooks
from webchat.admin_text import headed, percent, readable, t
from webchat.admin_topics import topic_examples
from webchat.admin_widget import on_your_site
from webchat.page_session import (
    KEY,
    PERSON,
    SCOPES,
    SIGNED_OUT,
    forget_in_browser,
    keep_sign_in,
    opens_admin_page,
    restore_sign_in,
    sign_in_as,
    sign_out,
)
from webchat.people import renewed_person

PERIODS = [7, 30, 90]  # days


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
    return key if opens_admin_page(st.session_state[SCOPES]) else None


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
    st.altair_chart(chart, width="stretch")


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
        if st.button(t("sign_out"), width="stretch"):
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
                     hide_index=True, width="stretch")  # fmt: skip
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
    on_your_site(assistants)
    if {"admin", "content:write"} & set(st.session_state.get(SCOPES, [])):
        topic_examples(api, assistants)
    if "admin" in st.session_state.get(SCOPES, []):
        people(api)
        webhooks(api)
    api.close()
