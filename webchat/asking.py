"""Asking: a question (typed, with files, or spoken) sent to the API and its answer
shown as it streams; a stopped or interrupted answer picked up again; edits and
regenerations.
"""

from __future__ import annotations

import base64
import itertools
import time
import uuid
from functools import partial

import streamlit as st

from utils.api_client import ApiClient, ApiClientError, StreamedTurn
from webchat.answers import (
    answer_tools,
    document_reader,
    feedback_controls,
    linked_markers,
    show_answer_notes,
    show_artifacts,
    show_citations,
    show_message,
)
from webchat.labels import page_language
from webchat.page_text import LANGUAGE, as_typed, show_error, t

# session_state: an answer this session was showing as it arrived: {"conversation",
# "questions"} (how many questions the conversation has once it is in)
ANSWERING = "answering"


# How long a page waits for an answer it stopped showing (stopped, or its run cut short
# by a click or a new question) to be kept by the service, which finishes it regardless.
ANSWER_WAIT_S = 60.0


def stop_answer(api: ApiClient, conversation: str) -> None:
    try:
        api.stop(conversation)
    except ApiClientError:
        pass  # the stream is closed all the same; the answer is then kept whole


def answer_kept(history: list[dict], questions: int) -> bool:
    """Whether the history holds the answer to its `questions`-th question (a regenerated
    one too: its question is taken out while it is asked again)."""
    asked = sum(m["role"] == "user" for m in history)
    return asked >= questions and bool(history) and history[-1]["role"] == "assistant"


def after_interrupted(
    api: ApiClient, conversation: str, history: list[dict], questions: int
) -> list[dict]:
    """The history once the answer this page stopped showing is kept (a run cut short
    mid-answer by a click, or a stop, would otherwise show the conversation without it
    until the next click). The service finishes the turn whatever the page does; until
    then the page shows the conversation so far (text only: its controls come after)
    and, where the answer goes, that it is still being written."""
    if answer_kept(history, questions):
        return history
    deadline = time.monotonic() + ANSWER_WAIT_S
    board = st.empty()
    with board.container():
        for message in history:
            with st.chat_message(message["role"]):
                st.markdown(message["content"] if message["role"] == "assistant"
                            else as_typed(message["content"]))  # fmt: skip
        with st.chat_message("assistant"), st.spinner(t("still_answering")):
            tick = st.empty()
            while not answer_kept(history, questions) and time.monotonic() < deadline:
                tick.empty()  # a page call: a click here ends the wait
                time.sleep(0.3)
                try:
                    history = api.history(conversation)
                except ApiClientError:
                    break
    board.empty()
    return history


def before_rewind(history: list[dict], rewind: dict) -> list[dict]:
    """The history as it stands once the rewind is done: before the edited question, or
    before the last question (asked again)."""
    if rewind.get("edit"):
        ids = [m.get("message_id") for m in history]
        return history[: ids.index(rewind["edit"])] if rewind["edit"] in ids else history
    last = max((i for i, m in enumerate(history) if m["role"] == "user"), default=len(history))
    return history[:last]


def history_key(conversation: str) -> str:
    """session_state: the conversation's last history seen, shown while the API is away."""
    return f"history:{conversation}"


def remember_turn(conversation: str, messages: list[dict]) -> None:
    """The answered turn joins the history kept on screen while the API is away, at
    once: a question sent while this run still draws the answer's tools ends the run."""
    key = history_key(conversation)
    st.session_state[key] = st.session_state.get(key, []) + messages


def ask(
    api: ApiClient,
    conversation: str,
    question: str,
    files: list[tuple[str, bytes]] | None = None,
    rewind: dict | None = None,
    *,
    questions: int,
) -> list[dict]:
    """Ask (or, with `rewind`, ask again in place) and show the answer as it arrives;
    the turn's two messages once answered. `questions`: how many the conversation has
    with this one."""
    asked = {"role": "user", "content": question,
             "attachments": [{"name": n, "size": len(d)} for n, d in files or []]}  # fmt: skip
    show_message(asked)
    with st.chat_message("assistant"):
        turn = StreamedTurn()
        slot, stop = st.empty(), st.empty()
        # Pressing it asks the service to stop the answer where it is (it keeps what was
        # written), and reruns the page, which ends this run and closes the stream.
        stop.button(t("stop"), icon=":material/stop_circle:", key=f"stop-{uuid.uuid4().hex}",
                    help=t("stop_help"),
                    on_click=stop_answer, args=(api, conversation))  # fmt: skip
        # Until the answer is in, a rerun (this run cut short) waits for it: see main.
        st.session_state[ANSWERING] = {"conversation": conversation, "questions": questions}
        try:
            pieces = api.stream_chat(conversation, question, turn, files, rewind=rewind)
            with slot.container():
                # Until the first words arrive the bubble says what is happening.
                with st.spinner(t("searching")):
                    first = next(pieces, "")
                st.write_stream(itertools.chain([first], pieces))
        except ApiClientError as error:
            st.session_state.pop(ANSWERING, None)
            show_error(error)
            return []
        finally:
            stop.empty()
        st.session_state.pop(ANSWERING, None)
        if not turn.final:
            return []
        final = {"role": "assistant", "content": turn.final["answer"], **turn.final}
        # The page speaks the new answer's language from here on.
        st.session_state[LANGUAGE] = page_language([final], st.context.locale)
        remember_turn(conversation, [asked, final])
        slot.markdown(linked_markers(final))  # the same text, now linked
        show_answer_notes(final)
        show_artifacts(final, api)
        show_citations(final, document_reader(api))
        answer_tools(final)
        feedback_controls(final, partial(api.feedback, conversation))
        return [asked, final]


def voice_input() -> bytes | None:
    """A recording from the microphone, once (the widget is renewed after each one)."""
    round_ = st.session_state.setdefault("voice-round", 0)
    recorded = st.audio_input(t("ask_by_voice"), key=f"voice-{round_}")
    if recorded is None:
        return None
    st.session_state["voice-round"] = round_ + 1
    return recorded.getvalue()


def ask_by_voice(api: ApiClient, conversation: str, wav: bytes) -> list[dict]:
    """Send the recording; show what was heard as the question and play the answer."""
    with st.spinner(t("listening")):
        try:
            reply = api.ask_by_voice(conversation, wav)
        except ApiClientError as error:
            show_error(error)
            return []
    asked = {"role": "user", "content": reply["transcript"]}
    answer = {"role": "assistant", "content": reply["answer"], **reply}
    remember_turn(conversation, [asked, answer])
    show_message(asked)
    show_message(answer, partial(api.feedback, conversation), api=api)
    if reply.get("audio"):
        st.audio(base64.b64decode(reply["audio"]), format="audio/wav", autoplay=True)
    return [asked, answer]
