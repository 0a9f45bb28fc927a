"""The web chat. UI only: it talks to the REST API like any other client.

Nobody borrows the server's key: a person signs in with an API key of their own (scope
chat), or chats as a guest with an assistant the operator made public (a random visitor
id scopes the guest's conversations). The sign-in is kept in an HttpOnly cookie sealed
by the web chat's server (webchat/signin.py), never in the URL, so a reload or a new tab
of the same browser stays signed in until sign-out or expiry. The conversation id lives
in the page URL (?c=...), and the assistant in ?a=..., so a reload reopens the same
conversation; a shared link opens it only for whoever may read it.
"""

from __future__ import annotations

import uuid
from functools import partial

import streamlit as st

from config import get_settings
from utils.api_client import ApiClientError
from webchat.answers import REWIND, document_reader, show_message
from webchat.asking import (
    ANSWERING,
    after_interrupted,
    ask,
    ask_by_voice,
    before_rewind,
    history_key,
    voice_input,
)
from webchat.labels import page_language
from webchat.page_session import (
    keep_sign_in,
    restore_sign_in,
)
from webchat.page_text import LANGUAGE, show_error, t
from webchat.sidebar import show_sidebar, suggested_questions
from webchat.sign_in_page import (
    links_from_mail,
    sign_in_page,
    signed_in_client,
    single_sign_on,
)

ATTACHABLE = ["md", "txt", "html", "htm", "pdf", "docx", "csv", "tsv", "xlsx", "pptx"]


# A source followed from its [n] marker stops below the page's top bar (60 px) and glows
# for a moment, so the eye finds it.
PAGE_STYLE = """<style>
span[id^="source-"] { display: block; scroll-margin-top: 5rem; }
[data-testid="stElementContainer"]:has(span[id^="source-"]:target)
  + [data-testid="stLayoutWrapper"] [data-testid="stExpander"] {
  animation: source-found 2.5s ease-out;
}
/* Whoever moves by keyboard always sees where they are. */
:focus-visible { outline: 2px solid #2563eb !important; outline-offset: 2px; }
@keyframes source-found {
  0%, 50% { box-shadow: 0 0 0 3px #f59e0b; background-color: rgba(245, 158, 11, 0.15); }
  100% { box-shadow: none; background-color: transparent; }
}
</style>"""


def conversation_id() -> str:
    if "c" not in st.query_params:
        st.query_params["c"] = uuid.uuid4().hex[:16]
    return st.query_params["c"]


def main() -> None:
    settings = get_settings()
    st.set_page_config(page_title=settings.app_name, page_icon="💬", layout="centered")
    st.html(PAGE_STYLE)
    if not single_sign_on(settings.api_url) or links_from_mail(settings.api_url):
        return
    restore_sign_in()
    api = signed_in_client(settings.api_url)
    if api is None:
        sign_in_page(settings.api_url)
        return
    conversation = conversation_id()
    # The last history this session saw stays on screen while the API is away.
    cached = history_key(conversation)
    problem: ApiClientError | None = None
    try:
        history = st.session_state[cached] = api.history(conversation)
    except ApiClientError as error:
        problem, history = error, st.session_state.get(cached, [])

    # Read first: the sidebar speaks the conversation's language too.
    language = st.session_state[LANGUAGE] = page_language(history, st.context.locale)

    list_conversations = show_sidebar(api, conversation)
    keep_sign_in()

    # Files go with one question (never into the knowledge base); guests ask in text.
    signed_in = api.signed_in
    typed = st.chat_input(
        t("ask"),
        accept_file="multiple" if signed_in else False,
        file_type=ATTACHABLE if signed_in else None,
    )
    question = typed.text if signed_in and typed is not None else typed
    files = [(f.name, f.getvalue()) for f in typed.files] if signed_in and typed else []
    if files and not question:
        question = t("attached_question")
    if problem is not None and not question:
        show_error(problem)  # once; asking again says it in the answer's place
    if not history and not question:
        st.title(settings.app_name)
        st.write(t("intro"))
        if suggestions := suggested_questions(api, st.query_params.get("a")):
            st.caption(t("try"))
            for example in suggestions:
                if st.button(example, key=f"example-{example}"):
                    question = example
    interrupted = st.session_state.pop(ANSWERING, None)
    if interrupted and interrupted["conversation"] == conversation:
        history = after_interrupted(api, conversation, history, interrupted["questions"])
        st.session_state[cached] = history
    rate = partial(api.feedback, conversation)
    rewind = st.session_state.pop(REWIND, None) if history and not question else None
    shown = before_rewind(history, rewind) if rewind else history
    for index, message in enumerate(shown):
        before = shown[index - 1] if index else None
        show_message(message, rate, document_reader(api), question=before, api=api)
    questions = sum(m["role"] == "user" for m in shown) + 1
    answered: list[dict] = []
    if rewind:
        answered = ask(api, conversation, rewind["text"], rewind=rewind, questions=questions)
    elif question:
        answered = ask(api, conversation, question, files, questions=questions)
    if answered and st.session_state[LANGUAGE] != language:
        # The answer came in another language: the sidebar and the input above were
        # drawn in the page's old one. Drawn again, from the stored history, in the new.
        api.close()
        st.rerun()
    # Under the answer just given too: it can be asked again, or the next asked by voice.
    if answered or not (rewind or question):
        last_question = next(
            (m["content"] for m in reversed([*shown, *answered]) if m["role"] == "user"), None
        )
        if last_question:
            st.button(
                t("regenerate"), help=t("regenerate_help"),
                on_click=st.session_state.__setitem__,
                args=(REWIND, {"regenerate": True, "text": last_question}),
            )  # fmt: skip
        if (spoken := voice_input()) and not answered:
            ask_by_voice(api, conversation, spoken)
    list_conversations()
    api.close()
