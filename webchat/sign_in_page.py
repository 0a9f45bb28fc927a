"""Signing in to the web chat: the sign-in form (API key, email and password, or as a
guest of a public assistant), single sign-on's return, the links sent by mail
(invitations, password resets) and the person shown in the sidebar.
"""

from __future__ import annotations

import secrets
import uuid
from urllib.parse import quote

import streamlit as st

from config import get_settings
from utils.api_client import ApiClient, ApiClientError
from utils.web_chat_secret import guest_key
from webchat.page_session import (
    GUEST,
    KEY,
    PERSON,
    SIGNED_OUT,
    SSO,
    forget_in_browser,
    sign_in_as,
    sign_out,
)
from webchat.page_text import show_error, t
from webchat.people import person_from, renewed_person


def sign_in_page(base_url: str) -> None:
    """Sign in with a key, an account (email and password, or the organisation's single
    sign-on), or pick a public assistant to chat with as a guest."""
    if st.session_state.get(SIGNED_OUT):
        forget_in_browser()
    settings = get_settings()
    st.title(settings.app_name)
    st.write(t("signin_intro"))
    with st.form("person-sign-in"):
        email = st.text_input(t("email"), placeholder="you@example.org")
        password = st.text_input(t("password"), type="password")
        if st.form_submit_button(t("log_in")) and email.strip() and password:
            api = ApiClient(base_url, forwarded_for=client_address())
            try:
                pair = api.auth("login", {"email": email.strip(), "password": password})
            except ApiClientError as error:
                st.error(error.message if error.kind in ("unauthorized", "rate_limited",
                                                         "forbidden") else str(error))  # fmt: skip
            else:
                sign_in_as({"person": person_from(pair, email.strip().lower())})
                st.rerun()
            finally:
                api.close()
    with st.expander(t("forgot")):
        forgotten_password(base_url)
    with st.expander(t("sso")):
        organisation = st.text_input(t("organisation"), placeholder=t("organisation_hint"),
                                     key="sso-organisation")  # fmt: skip
        if organisation.strip():
            start = (f"{base_url.rstrip('/')}/v1/auth/sso/{quote(organisation.strip())}/start"
                     f"?return_to={quote(settings.public_url_or_local + '/')}")  # fmt: skip
            st.link_button(t("sso_continue"), start)
    st.caption(t("or_key"))  # people sign in with accounts; keys are for operators
    with st.form("sign-in"):
        key = st.text_input(t("api_key"), type="password", placeholder="gc_live_…", key="api-key")
        if st.form_submit_button(t("sign_in")) and key.strip():
            try:
                assistants = ApiClient(base_url, api_key=key.strip()).assistants()
            except ApiClientError as error:
                show_error(error)
            else:
                sign_in_as({"key": key.strip()})
                if assistants and st.query_params.get("a") not in {a["id"] for a in assistants}:
                    st.query_params["a"] = assistants[0]["id"]
                st.rerun()
    try:
        public = ApiClient(base_url, guest_key=web_chat_guest_key()).assistants()
    except ApiClientError:
        public = []
    if public:
        st.caption(t("or_guest"))
        for assistant in public:
            if st.button(
                assistant["name"], key=f"guest-{assistant['id']}", help=assistant["description"]
            ):
                st.query_params["a"] = assistant["id"]
                sign_in_as({"guest": {"visitor": secrets.token_urlsafe(24),
                                      "assistant_id": assistant["id"]}})  # fmt: skip
                st.rerun()


def forgotten_password(base_url: str) -> None:
    """Ask for a link to set a new password, and say plainly when none can be mailed."""
    with st.form("forgot-password"):
        email = st.text_input(t("reset_address"), placeholder="you@example.org", key="reset-email")
        if st.form_submit_button(t("send_reset")) and email.strip():
            api = ApiClient(base_url, forwarded_for=client_address())
            try:
                answer = api.auth("password-reset", {"email": email.strip()})
            except ApiClientError as error:
                show_error(error)
            else:
                if answer.get("mail_configured"):
                    st.success(t("reset_sent", email=email.strip(), hours=answer["valid_hours"]))
                else:
                    st.warning(t("reset_no_mail", email=email.strip()))
            finally:
                api.close()


def what_link_is_for(base_url: str, token: str) -> dict:
    """The email, organisation and role a link is for, and whether its email has an
    account (nothing when the API cannot say: the form then works as before)."""
    api = ApiClient(base_url)
    try:
        return api.auth("link", {"token": token})
    except ApiClientError:
        return {}
    finally:
        api.close()


def organisation_switch(api: ApiClient) -> None:
    """For a person in several organisations: which one the chat is in, and a switch to
    another (the browser then keeps that one's sign-in, across reloads)."""
    person = st.session_state.get(PERSON) or {}
    organisations = person.get("organisations") or []
    if len(organisations) < 2:
        return
    ids = [o["id"] for o in organisations]
    names = {o["id"]: f"{o['name']} · {o['role']}" for o in organisations}
    current = person.get("org_id") if person.get("org_id") in ids else ids[0]
    chosen = st.selectbox(t("organisation"), ids, index=ids.index(current),
                          format_func=names.__getitem__, key="organisation-switch")  # fmt: skip
    if chosen == current:
        return
    try:
        pair = api.auth("switch", {"org_id": chosen})
    except ApiClientError as error:
        show_error(error)
        return
    sign_in_as({"person": person_from(pair, person.get("email"))})
    for name in ("a", "c"):  # another organisation's assistants and conversations
        st.query_params.pop(name, None)
    st.rerun()


def client_address() -> str | None:
    """The person's address as Streamlit saw it (None when it does not know)."""
    address = st.context.ip_address
    return address if isinstance(address, str) else None


def single_sign_on(base_url: str) -> bool:
    """Redeem a sign-in link (?sso=...) once; False (after saying why) when it cannot be
    used. The session token stays in this server-side session, never in the page's URL."""
    token = st.query_params.get("sso")
    if not token:
        return True
    del st.query_params["sso"]
    api = ApiClient(base_url)
    try:
        session = api.redeem(token)
    except ApiClientError as error:
        st.title(t("link_unusable"))
        if error.kind == "unauthorized":
            st.write(t("link_expired"))
        else:
            show_error(error)
        return False
    finally:
        api.close()
    sign_in_as({"sso": session})
    st.query_params["a"] = session["assistant_id"]
    st.query_params["c"] = uuid.uuid4().hex[:16]
    return True


def links_from_mail(base_url: str) -> bool:
    """An invitation (?invitation=) or a password reset (?reset=) from a mail: set the
    password, then sign in. True while the page shows that form."""
    for param, action in (("invitation", "accept-invitation"), ("reset", "reset-password")):
        token = st.query_params.get(param)
        if not token:
            continue
        st.title(t("join") if param == "invitation" else t("new_password"))
        info = what_link_is_for(base_url, token)
        existing = bool(info.get("existing_account"))
        if info.get("organisation"):
            st.write(t("join_as", organisation=info["organisation"], role=info.get("role")))
        if info.get("email"):
            st.caption(t("link_for", email=info["email"]))
        if existing:  # joining adds the organisation to the account: its own password
            st.info(t("existing_account", email=info["email"]))
        with st.form("set-password"):
            name = st.text_input(t("your_name")) if param == "invitation" and not existing else None
            label = t("current_password") if existing else t("password_rule")
            password = st.text_input(label, type="password")
            if st.form_submit_button(t("continue")) and password:
                api = ApiClient(base_url, forwarded_for=client_address())
                body = {"token": token, "password": password, **({"name": name} if name else {})}
                try:
                    user = api.auth(action, body)
                    # In the organisation just joined (a person may belong to several).
                    where = {"org_id": user["org_id"]} if user.get("org_id") else {}
                    pair = api.auth("login", {"email": user["email"], "password": password,
                                              **where})  # fmt: skip
                except ApiClientError as error:
                    st.error(error.message)
                else:
                    del st.query_params[param]
                    sign_in_as({"person": person_from(pair, user["email"])})
                    st.rerun()
                finally:
                    api.close()
        return True
    code = st.query_params.get("sso_code")
    if code:  # back from the organisation's single sign-on
        del st.query_params["sso_code"]
        api = ApiClient(base_url)
        try:
            pair = api.auth("sso/exchange", {"code": code})
        except ApiClientError as error:
            st.error(t("sso_failed", error=error.message))
            return True
        finally:
            api.close()
        sign_in_as({"person": person_from(pair)})
        st.rerun()
    return False


@st.cache_resource
def web_chat_guest_key() -> str:
    """The key that lets this server call /v1/public for its guests (no browser Origin),
    and marks its turns as the web chat's in analytics."""
    return guest_key(get_settings())


def signed_in_client(base_url: str) -> ApiClient | None:
    """The client of the signed-in person or the guest; None when neither."""
    if st.session_state.get(PERSON) and not renewed_person(base_url):
        return None
    if st.session_state.get(SSO):
        session = st.session_state[SSO]
        return ApiClient(base_url, session_token=session["session_token"],
                         assistant_id=session["assistant_id"], guest_key=web_chat_guest_key())  # fmt: skip
    if st.session_state.get(KEY):
        api = ApiClient(base_url, api_key=st.session_state[KEY])
        try:
            assistants = api.assistants()
        except ApiClientError as error:
            if error.kind == "unauthorized":  # revoked or expired since: sign in again
                sign_out()
                return None
            return api  # the API is away: the page says so once, below
        if len(assistants) > 1:
            names = {a["id"]: a["name"] for a in assistants}
            current = st.query_params.get("a")
            ids = list(names)
            chosen = st.sidebar.selectbox(
                "Assistant", ids, index=ids.index(current) if current in ids else 0,
                format_func=names.__getitem__,
            )  # fmt: skip
            if chosen != current:
                st.query_params["a"] = chosen
        elif assistants:
            st.query_params["a"] = assistants[0]["id"]
        return ApiClient(
            base_url, api_key=st.session_state[KEY], assistant_id=st.query_params.get("a"),
            guest_key=web_chat_guest_key(),  # its turns count as the web chat's
        )  # fmt: skip
    if guest := st.session_state.get(GUEST):
        st.query_params["a"] = guest["assistant_id"]
        return ApiClient(
            base_url,
            visitor=guest["visitor"],
            assistant_id=guest["assistant_id"],
            # The API trusts this only from TRUSTED_PROXIES (loopback by default).
            forwarded_for=client_address(),
            guest_key=web_chat_guest_key(),
        )
    return None


def is_access_token(credential: str) -> bool:
    return credential.startswith("eyJ") and credential.count(".") == 2


def show_person(api: ApiClient) -> None:
    """Who is signed in, with which role; loudly when a platform admin acts as them."""
    if "whoami" not in st.session_state:
        try:
            st.session_state["whoami"] = api.whoami()
        except ApiClientError:
            return
    me = st.session_state["whoami"]
    st.caption(t("signed_in_as", who=me["name"] or me["email"], role=me.get("role")))
    organisation_switch(api)
    if me.get("impersonated_by"):
        st.warning(t("impersonating", email=me["email"], by=me["impersonated_by"]))
