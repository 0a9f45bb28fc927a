"""The web chat's sign-in, as both pages (chat and admin) keep it in their session:
a key, a sign-in link's session, or a guest; restored from the browser's cookie (see
webchat/signin.py) on a reload or in a new tab, until sign-out."""

from __future__ import annotations

import json

import streamlit as st
import streamlit.components.v1 as components

from config import get_settings
from webchat.signin import COOKIE, SIGNIN_PATH, SIGNOUT_PATH, SignInSeal, seal_for

KEY = "api_key"  # session_state: the signed-in person's key
SSO = "sso_session"  # session_state: a web-chat session opened by a sign-in link
GUEST = "guest"  # session_state: a guest's visitor id and assistant
PERSON = "person"  # session_state: a person signed in (tokens: webchat/people.py)
SCOPES = "scopes"  # session_state: what the signed-in key may do (from /v1/me)
TO_REMEMBER = "to_remember"  # session_state: a sign-in the browser has yet to keep
SIGNED_OUT = "signed_out"  # session_state: signed out here; the old cookie is not reused


# The admin page opens for these scopes (an admin key; a viewer, editor, admin or owner
# signed in); the chat page's sidebar links to it on the same rule.
ADMIN_PAGE_SCOPES = frozenset({"admin", "insights:read"})


def opens_admin_page(scopes: list[str]) -> bool:
    return bool(ADMIN_PAGE_SCOPES & set(scopes))


@st.cache_resource
def signin_seal() -> SignInSeal:
    return seal_for(get_settings())


def sign_in_as(signin: dict) -> None:
    """Sign this session in ({"key"}, {"sso"}, {"guest"} or {"person"}), and have the
    browser keep the sign-in for its reloads and other tabs (the cookie is set by the
    server). A person's cookie keeps the refresh token only."""
    for name in (KEY, SSO, GUEST, SCOPES, SIGNED_OUT, PERSON, "whoami"):
        st.session_state.pop(name, None)
    if "person" in signin:
        person = signin["person"]
        st.session_state[PERSON] = person
        st.session_state[KEY] = person["access"]
        signin = {"person": {"refresh": person["refresh"], "email": person.get("email")}}
    elif "key" in signin:
        st.session_state[KEY] = signin["key"]
    elif "sso" in signin:
        st.session_state[SSO] = signin["sso"]
    else:
        st.session_state[GUEST] = signin["guest"]
    st.session_state[TO_REMEMBER] = signin_seal().seal(signin, "grant")


def restore_sign_in() -> None:
    """A sign-in this browser keeps (its cookie), unless this session signed out."""
    if st.session_state.get(SIGNED_OUT) or any(
        st.session_state.get(name) for name in (KEY, SSO, GUEST, PERSON)
    ):
        return
    kept = signin_seal().open(st.context.cookies.get(COOKIE), "signin")
    if kept and "person" in kept:
        st.session_state[PERSON] = kept["person"]  # no access token yet: renewed at once
    elif kept and "key" in kept:
        st.session_state[KEY] = kept["key"]
    elif kept and "sso" in kept:
        st.session_state[SSO] = kept["sso"]
    elif kept and "guest" in kept:
        st.session_state[GUEST] = kept["guest"]


def browser_call(path: str, body: dict) -> None:
    """POST to the web chat's own server from the browser (so a cookie can be set or
    cleared), from an invisible frame of this page's origin."""
    script = (
        f"<script>fetch({json.dumps(path)}, {{method: 'POST', credentials: 'same-origin', "
        f"headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(json.dumps(body))}}})"
        "</script>"
    )
    components.html(script, height=0)


def forget_in_browser() -> None:
    browser_call(SIGNOUT_PATH, {})


def keep_sign_in() -> None:
    """Hand the browser the sign-in it has yet to keep (once)."""
    if grant := st.session_state.pop(TO_REMEMBER, None):
        browser_call(SIGNIN_PATH, {"grant": grant})


def sign_out() -> None:
    """Forget the sign-in here; the sign-in page then has the browser forget it too."""
    for name in (KEY, SSO, GUEST, SCOPES, TO_REMEMBER, PERSON, "whoami"):
        st.session_state.pop(name, None)
    st.session_state[SIGNED_OUT] = True


def keep_person(person: dict) -> None:
    """A person's renewed tokens: used from now on, and the new refresh token kept by
    the browser (the old one no longer works)."""
    st.session_state[PERSON] = person
    st.session_state[KEY] = person["access"]
    signin = {"person": {"refresh": person["refresh"], "email": person.get("email")}}
    st.session_state[TO_REMEMBER] = signin_seal().seal(signin, "grant")
