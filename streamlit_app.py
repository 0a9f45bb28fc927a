"""The web chat. UI only: it talks to the REST API like any other client.

The conversation id lives in the page URL (?c=...), so a reload or a shared link reopens
the same conversation with its history.
"""

from __future__ import annotations

import uuid

import streamlit as st

from config import get_settings
from utils.api_client import ApiClient, ApiClientError, StreamedTurn

EXAMPLES = [
    "How do I start the service?",
    "How long are conversations kept?",
    "Which language models can I use?",
    "What does a 429 error mean?",
]
FRIENDLY_ERRORS = {
    "unreachable": "The chat service cannot be reached right now. Is the API running? "
    "Try again in a moment.",
    "unauthorized": "The API key of this page was not accepted. Set UI_API_KEY to one of "
    "the service's API_KEYS.",
    "unavailable": "The service is temporarily unavailable (its storage is not answering). "
    "Try again in a moment.",
    "busy": "Your previous question is still being answered. Wait a moment and send again.",
}


def conversation_id() -> str:
    if "c" not in st.query_params:
        st.query_params["c"] = uuid.uuid4().hex[:16]
    return st.query_params["c"]


def client() -> ApiClient:
    settings = get_settings()
    key = settings.ui_api_key or (settings.api_keys[0] if settings.api_keys else None)
    return ApiClient(settings.api_url, key.get_secret_value() if key else "")


def show_error(error: ApiClientError) -> None:
    if error.kind == "rate_limited":
        wait = f" Wait {error.retry_after} seconds." if error.retry_after else ""
        st.warning(f"Too many questions in a short time.{wait}")
    else:
        st.error(FRIENDLY_ERRORS.get(error.kind, f"Something went wrong: {error}"))


def show_citations(citations: list[dict]) -> None:
    if not citations:
        return
    st.caption("Sources")
    for c in citations:
        where = c.get("section") or (f"page {c['page']}" if c.get("page") else None)
        label = f"[{c['n']}] {c['title']}" + (f" — {where}" if where else "")
        with st.expander(label):
            st.markdown(f"> {c['snippet']}")
            st.caption(f"Source: `{c['source']}`")


def show_answer_notes(message: dict) -> None:
    if message.get("warning"):
        st.warning(message["warning"])
    if message.get("found") is False or (
        not message.get("citations")
        and "not found in the knowledge base" in message["content"].lower()
    ):
        st.info("Not found in the knowledge base: try rephrasing, or ask about another topic.")


def show_message(message: dict) -> None:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
        if message["role"] == "assistant":
            show_answer_notes(message)
            show_citations(message.get("citations", []))


def ask(api: ApiClient, conversation: str, question: str) -> None:
    show_message({"role": "user", "content": question})
    with st.chat_message("assistant"):
        turn = StreamedTurn()
        try:
            st.write_stream(api.stream_chat(conversation, question, turn))
        except ApiClientError as error:
            show_error(error)
            return
        if turn.final:
            final = {"role": "assistant", "content": turn.final["answer"], **turn.final}
            show_answer_notes(final)
            show_citations(final.get("citations", []))


def main() -> None:
    settings = get_settings()
    st.set_page_config(page_title=settings.app_name, page_icon="💬", layout="centered")
    conversation = conversation_id()
    api = client()

    with st.sidebar:
        st.subheader(settings.app_name)
        if st.button("New conversation", use_container_width=True):
            st.query_params["c"] = uuid.uuid4().hex[:16]
            st.rerun()
        st.caption(f"Conversation `{conversation}` — share this page's link to reopen it.")

    try:
        history = api.history(conversation)
    except ApiClientError as error:
        st.title(settings.app_name)
        show_error(error)
        history = []

    question = st.chat_input("Ask a question about the knowledge base")
    if not history and not question:
        st.title(settings.app_name)
        st.write(
            "Ask questions about your organisation's documents. Every answer quotes or cites "
            "its sources, so you can check where it came from."
        )
        st.caption("Try one of these:")
        for example in EXAMPLES:
            if st.button(example, key=f"example-{example}"):
                question = example
    for message in history:
        show_message(message)
    if question:
        ask(api, conversation, question)
    api.close()


main()
