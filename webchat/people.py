"""A person signed in to the web chat with email and password or single sign-on: the
refresh token is what the browser's cookie keeps; a short-lived access token is what the
page chats with (it goes where a key would), renewed before it expires.

Refresh tokens rotate, and one used twice revokes its sign-in. Two tabs restoring the
same cookie at once, or a reload before the browser stored the renewed cookie, would do
just that: so each renewal is remembered by this server for a while, and the same old
token asked again gets the same new pair instead of a second use."""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Any

import streamlit as st

from utils.api_client import ApiClient

RENEW_BEFORE_S = 60
REMEMBER_S = 300


@st.cache_resource
def _renewals() -> tuple[threading.Lock, dict[str, tuple[float, dict[str, Any]]]]:
    return threading.Lock(), {}


def person_from(pair: dict[str, Any], email: str | None = None) -> dict[str, Any]:
    return {
        "access": pair["access_token"], "refresh": pair["refresh_token"],
        "expires_at": time.time() + pair["expires_in"], "email": email,
        "role": pair.get("role"), "org_id": pair.get("org_id"),
        "organisations": pair.get("organisations") or [],
    }  # fmt: skip


def fresh(base_url: str, person: dict[str, Any]) -> dict[str, Any]:
    """`person` with an access token good for at least a minute (ApiClientError when the
    sign-in has ended: expired, revoked, or the account removed)."""
    if person.get("access") and person.get("expires_at", 0) - time.time() > RENEW_BEFORE_S:
        return person
    lock, renewed = _renewals()
    digest = hashlib.sha256(person["refresh"].encode()).hexdigest()
    with lock:
        now = time.time()
        for old in [k for k, (at, _) in renewed.items() if now - at > REMEMBER_S]:
            del renewed[old]
        if digest in renewed:
            pair = renewed[digest][1]
        else:
            api = ApiClient(base_url)
            try:
                pair = api.auth("refresh", {"refresh_token": person["refresh"]})
            finally:
                api.close()
            renewed[digest] = (now, pair)
    return person_from(pair, person.get("email"))


def renewed_person(base_url: str) -> bool:
    """The signed-in person's access token, renewed when near its end (the browser is
    handed the new refresh token); False, signed out, when their sign-in has ended."""
    from utils.api_client import ApiClientError
    from webchat.page_session import PERSON, keep_person, sign_out

    person = st.session_state[PERSON]
    try:
        renewed = fresh(base_url, person)
    except ApiClientError as error:
        if error.kind in ("unauthorized", "invalid"):
            sign_out()
            return False
        raise
    if renewed is not person:
        keep_person(renewed)
    return True
