"""The admin page's "Put it on your site": for each public assistant the script tag to
paste (docs/widget.md), the sites it allows, its daily quotas, and a live preview."""

from __future__ import annotations

import html

import streamlit as st
import streamlit.components.v1 as components

from config import get_settings
from webchat.admin_text import t


def on_your_site(assistants: list[dict]) -> None:
    st.subheader(t("on_your_site"))
    st.caption(t("on_your_site_help"))
    public = [a for a in assistants if a.get("is_public")]
    if not public:
        st.write(t("no_public_assistant"))
        return
    settings = get_settings()
    base = (settings.api_public_url or settings.api_url).rstrip("/")
    for assistant in public:
        with st.expander(assistant["name"], expanded=len(public) == 1):
            tag = (f'<script src="{html.escape(base)}/widget.js" '
                   f'data-assistant="{html.escape(assistant["id"])}" async></script>')  # fmt: skip
            st.code(tag, language="html")  # with Streamlit's copy button
            sites = ", ".join(assistant.get("allowed_origins") or []) or t("no_sites")
            st.write(t("allowed_sites", sites=sites))
            limits = {name: assistant.get(field) or t("no_limit") for name, field in (
                ("visitor", "visitor_daily_quota"), ("address", "address_daily_quota"),
                ("total", "daily_quota"))}  # fmt: skip
            st.write(t("quotas", **limits))
            if st.toggle(t("preview"), key=f"preview-{assistant['id']}"):
                opened = tag.replace(" async>", ' data-open="true" async>')
                components.html(f"<!doctype html><html><body>{opened}</body></html>", height=640)
                st.caption(t("preview_help", origin=settings.public_url_or_local))
