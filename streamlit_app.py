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

import base64
import contextlib
import itertools
import json
import re
import secrets
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from functools import partial
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from config import get_settings
from utils.api_client import ApiClient, ApiClientError, StreamedTurn
from utils.transcript import answer_as_markdown, answer_as_text
from webchat.labels import label, page_language
from webchat.page_session import (
    GUEST,
    KEY,
    PERSON,
    SCOPES,
    SIGNED_OUT,
    SSO,
    forget_in_browser,
    keep_sign_in,
    restore_sign_in,
    sign_in_as,
    sign_out,
)
from webchat.people import person_from, renewed_person

# Errors the page explains in its own words (webchat/labels.py), by the client's kind.
EXPLAINED_ERRORS = frozenset(
    ("unreachable", "unauthorized", "forbidden", "not_found", "unavailable", "busy")
)
# session_state: an answer this session was showing as it arrived: {"conversation",
# "questions"} (how many questions the conversation has once it is in)
ANSWERING = "answering"
REWIND = "rewind"  # session_state: an edit or a regeneration to send on this run
# How long a page waits for an answer it stopped showing (stopped, or its run cut short
# by a click or a new question) to be kept by the service, which finishes it regardless.
ANSWER_WAIT_S = 60.0
ATTACHABLE = ["md", "txt", "html", "htm", "pdf", "docx", "csv", "tsv", "xlsx", "pptx"]
LANGUAGE = "page-language"  # session key: the language the page's labels are in
CITATION_MARKER = re.compile(r"\[(\d+)\]")
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
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def t(key: str, **values: object) -> str:
    """A label in the page's language (the last answer's, else the browser's)."""
    language = st.session_state.get(LANGUAGE) or page_language([], st.context.locale)
    return label(key, language, **values)


def conversation_id() -> str:
    if "c" not in st.query_params:
        st.query_params["c"] = uuid.uuid4().hex[:16]
    return st.query_params["c"]


def show_error(error: ApiClientError) -> None:
    if error.kind == "rate_limited":
        wait = " " + t("wait", seconds=error.retry_after) if error.retry_after else ""
        st.warning(t("rate_limited") + wait)
    elif error.kind == "invalid":  # the API's message says what to change
        st.warning(str(error).capitalize())
    else:
        known = error.kind in EXPLAINED_ERRORS
        st.error(t(error.kind) if known else t("went_wrong", error=error))


def cited_sentences(answer: str, n: int) -> list[str]:
    """The sentences of an answer that cite source `n`: those before its [n] marker and
    after the previous marker (one marker closes a run of sentences from one source)."""
    pieces = re.split(r"\s*\[(\d+)\]", answer)  # text, n, text, n, ..., text
    cited = []
    for text, marker in zip(pieces[0::2], pieces[1::2], strict=False):
        if marker == str(n):
            cited += [x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()]
    return cited


def highlighted(snippet: str, sentences: list[str]) -> str:
    """The passage with the sentences the answer quoted from it marked."""
    for sentence in sentences:
        if len(sentence) > 10 and sentence in snippet:
            snippet = snippet.replace(sentence, f":orange-background[{sentence}]")
    return snippet


def show_citations(message: dict, reader: Reader | None = None) -> None:
    """Each source of an answer: its passage with the cited sentence marked, where it is
    (title, section, page), and on request the whole document."""
    citations, answer = message.get("citations") or [], message["content"]
    if not citations:
        return
    st.caption(t("sources"))
    for c in citations:
        where = c.get("section") or (f"{t('page')} {c['page']}" if c.get("page") else None)
        label = f"[{c['n']}] {c['title']}" + (f" — {where}" if where else "")
        # The target of the answer's [n] links (see linked_markers).
        st.markdown(f'<span id="{source_anchor(message, c["n"])}"></span>', unsafe_allow_html=True)
        with st.expander(label):
            if c.get("kind") == "data":  # a query's result: the query is its source
                st.code(c.get("query") or c["snippet"], language="sql")
                continue
            st.markdown(f"> {highlighted(c['snippet'], cited_sentences(answer, c['n']))}")
            page = f", {t('page')} {c['page']}" if c.get("page") else ""
            st.caption(f"{t('source')}: `{c['source']}`{page}")
            readable = reader is not None and not c["source"].startswith("attachment:")
            whole = f"doc-{message_key(message)}-{c['n']}"
            if readable and st.toggle("Whole document", key=whole):
                show_document(reader, c["source"])  # type: ignore[arg-type]


def show_artifacts(message: dict, api: ApiClient | None) -> None:
    """What a data turn made: the table (sortable, its first rows), the chart inline,
    the query on request, and each as a file to download."""
    artifacts = message.get("artifacts") or []
    if not artifacts or api is None:
        return
    fetch = api.artifact
    key = message_key(message)
    for artifact in artifacts:
        kind = artifact["kind"]
        if kind == "table":
            frame = pd.DataFrame(artifact.get("preview") or [], columns=artifact.get("columns"))
            st.dataframe(frame, hide_index=True, use_container_width=True)
            shown, rows = len(frame), artifact.get("rows", len(frame))
            st.caption(t("table_rows", shown=shown, rows=rows) if rows > shown else "")
        elif kind == "chart":
            try:
                st.image(fetch(artifact["url"]), caption=artifact["name"])
            except ApiClientError as error:
                show_error(error)
        elif kind == "sql":
            with st.expander(t("show_query")):
                try:
                    st.code(fetch(artifact["url"]).decode("utf-8", "replace"), language="sql")
                except ApiClientError as error:
                    show_error(error)
    columns = st.columns(max(1, len(artifacts)))
    for where, (n, artifact) in zip(columns, enumerate(artifacts), strict=False):
        where.download_button(
            artifact["name"].rsplit(".", 1)[-1].upper(),
            data=api.artifact_later(artifact["url"]), file_name=artifact["name"],
            mime=artifact["media_type"], icon=":material/download:",
            key=f"download-{key}-{n}", help=t("download", name=artifact["name"]),
        )  # fmt: skip


def message_key(message: dict) -> str:
    """What a message's widgets and anchors are named after: its id, never its text (the
    same answer may appear twice: a question asked again, a regenerated answer)."""
    return message.get("message_id") or message.setdefault("_key", uuid.uuid4().hex)


def source_anchor(message: dict, n: int) -> str:
    """The id of source n of one answer (answers on one page must not share ids)."""
    return f"source-{message_key(message)}-{n}"


def linked_markers(message: dict) -> str:
    """An answer's text with its [n] markers as links to its sources below it."""
    answer = message["content"]
    numbers = {c["n"] for c in message.get("citations") or []}
    return CITATION_MARKER.sub(
        lambda m: (
            f"[\\[{m[1]}\\]](#{source_anchor(message, int(m[1]))})"
            if int(m[1]) in numbers
            else m[0]
        ),
        answer,
    )


def document_reader(api: ApiClient) -> Reader | None:
    """Whole documents are for signed-in people (a key or a session), not guests."""
    return api.document if api.signed_in else None


def show_document(reader: Reader, source: str) -> None:
    try:
        document = reader(source)
    except ApiClientError as error:
        show_error(error)
        return
    for part in document["parts"]:
        heading = part["section"] or (f"Page {part['page']}" if part.get("page") else None)
        if heading:
            st.markdown(f"**{as_typed(heading)}**")
        st.text(part["text"].strip())


def show_answer_notes(message: dict) -> None:
    """A warning when the model failed, a mark when its reader stopped it; a not-found
    answer says so itself, once."""
    if message.get("warning"):
        st.warning(message["warning"])
    if message.get("stopped"):
        st.caption(f":material/stop_circle: {t('stopped')}")


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


def as_typed(text: str) -> str:
    """Markdown that shows the text exactly as typed: `# question` stays a question and
    `2*3*4` keeps its stars."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")  # keep the line breaks


Rate = Callable[[str, str, str | None], object]
Reader = Callable[[str], dict]


def feedback_controls(message: dict, rate: Rate | None) -> None:
    """Thumbs under an answer, and once rated a comment box; each change is sent once.
    Feedback given earlier (kept by the API with the conversation) shows as given, and
    changing it updates that same record."""
    message_id = message.get("message_id")
    if not message_id or rate is None:
        return
    given = message.get("feedback") or {}
    stored = {"up": 1, "down": 0}.get(given.get("rating"))
    sent = f"fb-sent-{message_id}"
    st.session_state.setdefault(sent, (stored, given.get("comment")))
    thumbs, note = st.columns([1, 4])
    with thumbs:
        value = st.feedback("thumbs", key=f"fb-{message_id}", default=stored)
    comment = None
    if value is not None:
        with note:
            comment = st.text_input(
                "Comment", key=f"fbc-{message_id}", label_visibility="collapsed",
                value=given.get("comment") or "",
                placeholder="What was good or wrong about this answer? (optional)",
            ) or None  # fmt: skip
    now = (value, comment)
    if value is None or st.session_state.get(sent) == now:
        return
    try:
        rate(message_id, "up" if value == 1 else "down", comment)
    except ApiClientError as error:
        show_error(error)
        return
    st.session_state[sent] = now
    st.toast(t("thanks"))


def answer_tools(message: dict) -> None:
    """Under an answer: when it was made (the reader's time zone) and a copy button."""
    when, copy = st.columns([3, 2])
    if message.get("answered_at"):
        moment = datetime.fromisoformat(message["answered_at"])
        try:
            moment = moment.astimezone(ZoneInfo(st.context.timezone or "UTC"))
        except (ZoneInfoNotFoundError, ValueError):
            pass
        when.caption(moment.strftime("%H:%M · %d %b"))
    with copy:
        copy_buttons(message)


COPY_BUTTONS = """<style>
body { margin: 0; font: 14px "Source Sans Pro", sans-serif; display: flex; gap: 6px; }
button { font: inherit; padding: 4px 10px; border-radius: 8px; cursor: pointer;
  border: 1px solid rgba(49, 51, 63, 0.2); background: transparent; color: #31333f; }
button:hover { border-color: #f59e0b; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { button { color: #fafafa; border-color: #555; } }
#said { position: absolute; left: -9999px; }
</style>
<button id="text" title="Copy the answer as text, with its sources">Copy</button>
<button id="markdown" title="Copy the answer as Markdown, with its sources">Markdown</button>
<span id="said" role="status" aria-live="polite"></span>
<script>
const copies = __COPIES__;
async function put(name, button) {
  const value = copies[name];
  try { await navigator.clipboard.writeText(value); }
  catch (error) {  // no clipboard API in this frame: the older way
    const area = document.createElement("textarea");
    area.value = value; document.body.appendChild(area); area.select();
    document.execCommand("copy"); area.remove();
  }
  const label = button.textContent;
  button.textContent = "Copied"; document.getElementById("said").textContent = "Copied";
  setTimeout(() => { button.textContent = label; }, 1500);
}
for (const name of ["text", "markdown"]) {
  const button = document.getElementById(name);
  button.addEventListener("click", () => put(name, button));
}
</script>"""


def copy_buttons(message: dict) -> None:
    """One click copies the answer as text with its sources; "Markdown" copies it as
    written. (The page's script cannot reach the clipboard: a small frame does.)"""
    copies = {"text": answer_as_text(message), "markdown": answer_as_markdown(message)}
    # json.dumps may leave "</script>" in an answer as is: escape "<" for the script.
    payload = json.dumps(copies).replace("<", "\\u003c")
    components.html(COPY_BUTTONS.replace("__COPIES__", payload), height=36)


def edit_in_place(message: dict) -> None:
    """A question's edit box: "Send again" replaces the question (and what followed it)
    with the edited one, in this conversation."""
    key = f"edit-{message_key(message)}"

    def resend() -> None:
        edited = st.session_state.get(key, "").strip()
        if edited and message.get("message_id"):
            st.session_state[REWIND] = {"edit": message["message_id"], "text": edited}

    with st.popover(t("edit"), icon=":material/edit:", help=t("edit_help")):
        st.text_area("Your question", value=message["content"], key=key)
        st.button(t("send_again"), key=f"{key}-send", on_click=resend)


def answer_version(question: dict | None, answer: dict) -> tuple[dict, bool]:
    """The version of an answer to show (a regenerated one has earlier versions, picked
    with < and >), and whether it is the current one."""
    earlier = (question or {}).get("earlier_answers") or []
    if not earlier:
        return answer, True
    versions = [*earlier, answer]
    key = f"version-{message_key(answer)}"
    chosen = min(st.session_state.get(key, len(versions) - 1), len(versions) - 1)
    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    if back.button("‹", key=f"{key}-back", help="Previous version", disabled=chosen == 0):
        chosen -= 1
    if forward.button(
        "›", key=f"{key}-next", help="Next version", disabled=chosen == len(versions) - 1
    ):
        chosen += 1
    st.session_state[key] = chosen
    where.caption(f"Version {chosen + 1}/{len(versions)}")
    return versions[chosen], chosen == len(versions) - 1


def show_message(
    message: dict,
    rate: Rate | None = None,
    reader: Reader | None = None,
    question: dict | None = None,
    api: ApiClient | None = None,
) -> None:
    """Show a message (an answer: the version chosen of it, with its tools)."""
    with st.chat_message(message["role"]):
        if message["role"] == "assistant":
            shown, current = answer_version(question, message) if rate else (message, True)
            st.markdown(linked_markers(shown))
            show_answer_notes(shown)
            show_artifacts(shown, api)
            show_citations(shown, reader)
            answer_tools(shown)
            feedback_controls(shown, rate if current else None)
        else:
            st.markdown(as_typed(message["content"]))
            for attached in message.get("attachments") or []:
                st.caption(
                    f":material/attach_file: {attached['name']} ({attached['size']:,} bytes)"
                )
            if rate is not None:  # a conversation of one's own (not a turn being answered)
                edit_in_place(message)


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
        stop.button("Stop", icon=":material/stop_circle:", key=f"stop-{uuid.uuid4().hex}",
                    help="Stop the answer here (what was written is kept)",
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
    with st.spinner("Listening…"):
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


def sign_in_page(base_url: str) -> None:
    """Sign in with a key, an account (email and password, or the organisation's single
    sign-on), or pick a public assistant to chat with as a guest."""
    if st.session_state.get(SIGNED_OUT):
        forget_in_browser()
    settings = get_settings()
    st.title(settings.app_name)
    st.write(t("signin_intro"))
    with st.form("sign-in"):
        key = st.text_input(t("api_key"), type="password", placeholder="gc_live_…")
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
    st.caption(t("or_account"))
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
    with st.expander(t("sso")):
        organisation = st.text_input(t("organisation"), placeholder=t("organisation_hint"),
                                     key="sso-organisation")  # fmt: skip
        if organisation.strip():
            start = (f"{base_url.rstrip('/')}/v1/auth/sso/{quote(organisation.strip())}/start"
                     f"?return_to={quote(settings.public_url_or_local + '/')}")  # fmt: skip
            st.link_button(t("sso_continue"), start)
    try:
        public = ApiClient(base_url).assistants()
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
        with st.form("set-password"):
            name = st.text_input(t("your_name")) if param == "invitation" else None
            password = st.text_input(t("password_rule"), type="password")
            if st.form_submit_button(t("continue")) and password:
                api = ApiClient(base_url, forwarded_for=client_address())
                body = {"token": token, "password": password, **({"name": name} if name else {})}
                try:
                    user = api.auth(action, body)
                    pair = api.auth("login", {"email": user["email"], "password": password})
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


def signed_in_client(base_url: str) -> ApiClient | None:
    """The client of the signed-in person or the guest; None when neither."""
    if st.session_state.get(PERSON) and not renewed_person(base_url):
        return None
    if st.session_state.get(SSO):
        session = st.session_state[SSO]
        return ApiClient(base_url, session_token=session["session_token"],
                         assistant_id=session["assistant_id"])  # fmt: skip
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
            base_url, api_key=st.session_state[KEY], assistant_id=st.query_params.get("a")
        )
    if guest := st.session_state.get(GUEST):
        st.query_params["a"] = guest["assistant_id"]
        return ApiClient(
            base_url,
            visitor=guest["visitor"],
            assistant_id=guest["assistant_id"],
            # The API trusts this only from TRUSTED_PROXIES (loopback by default).
            forwarded_for=client_address(),
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
    if me.get("impersonated_by"):
        st.warning(t("impersonating", email=me["email"], by=me["impersonated_by"]))


def may_administer(api: ApiClient) -> bool:
    """Whether the signed-in key holds the admin scope (asked once per sign-in)."""
    if not st.session_state.get(KEY):
        return False  # guests and sign-in link sessions chat only
    if SCOPES not in st.session_state:
        try:
            st.session_state[SCOPES] = api.me()["scopes"]
        except ApiClientError:
            return False
    return "admin" in st.session_state[SCOPES]


def suggested_questions(api: ApiClient, assistant_id: str | None) -> list[str]:
    """What the assistant offers to ask (its admin's sample questions, else drawn from
    its documents); none when there is nothing to suggest or the API is away."""
    try:
        assistants = api.assistants()
    except ApiClientError:
        return []
    chosen = next((a for a in assistants if a["id"] == assistant_id), None)
    chosen = chosen or (assistants[0] if len(assistants) == 1 else None)
    return (chosen or {}).get("suggested_questions") or []


def conversation_list(api: ApiClient, current: str) -> None:
    """This key's conversations, newest first: find one by its title or text, open it,
    or (under its menu) rename, export or delete it."""
    search = st.text_input(
        t("search_conversations"), key="conversation-search",
        placeholder=t("search_conversations"),
        label_visibility="collapsed",
    )  # fmt: skip
    try:
        listed = api.conversations(search.strip())
    except ApiClientError:
        return  # the page says once, in its body, what is wrong
    if not listed:
        if search.strip():
            st.caption(t("no_match"))
        return
    st.caption(t("conversations"))
    for item in listed:
        cid = item["conversation_id"]
        title = item["title"] or cid
        opened, menu = st.columns([4, 1])
        if opened.button(
            as_typed(title[:40]), key=f"open-{cid}", disabled=cid == current,
            use_container_width=True,
        ):  # fmt: skip
            st.query_params["c"] = cid
            st.rerun()
        with menu.popover("Manage", icon=":material/more_vert:", help="Rename, export or delete"):
            conversation_menu(api, cid, title, current)


def conversation_menu(api: ApiClient, cid: str, title: str, current: str) -> None:
    """Rename, export (Markdown or JSON, sources included) or delete one conversation."""
    new_title = st.text_input("Name", value=title, key=f"name-{cid}", max_chars=120)
    if st.button("Rename", key=f"rename-{cid}") and new_title.strip() and new_title != title:
        try:
            api.rename(cid, new_title.strip())
        except ApiClientError as error:
            show_error(error)
            return
        st.rerun()
    if st.toggle("Export", key=f"export-{cid}"):
        try:
            markdown, data = api.export(cid, "markdown"), api.export(cid, "json")
        except ApiClientError as error:
            show_error(error)
            return
        st.download_button("Markdown", markdown, f"{cid}.md", "text/markdown", key=f"md-{cid}")
        st.download_button("JSON", data, f"{cid}.json", "application/json", key=f"json-{cid}")
    if st.button("Delete", icon=":material/delete:", key=f"delete-{cid}", help="Delete it"):
        api.delete(cid)
        st.session_state.pop(f"history:{cid}", None)
        if cid == current:
            st.query_params["c"] = uuid.uuid4().hex[:16]
        st.rerun()


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
    st.session_state[LANGUAGE] = page_language(history, st.context.locale)

    with st.sidebar:
        st.subheader(settings.app_name)
        if st.button(t("new_conversation"), use_container_width=True):
            st.query_params["c"] = uuid.uuid4().hex[:16]
            st.rerun()
        if sso := st.session_state.get(SSO):
            who = sso.get("display_name") or sso["user"]
            st.caption(t("signed_in_as", who=who, role=sso["assistant_name"]))
        if st.session_state.get(PERSON) or is_access_token(st.session_state.get(KEY, "")):
            show_person(api)
        if st.session_state.get(KEY) or sso:
            conversation_list(api, conversation)
        if st.button(t("sign_out"), use_container_width=True):
            if person := st.session_state.get(PERSON):  # the sign-in ends on the server too
                with contextlib.suppress(ApiClientError):
                    ApiClient(settings.api_url).auth("logout", {"refresh_token": person["refresh"]})
            sign_out()
            st.rerun()
        if may_administer(api):
            st.page_link("pages/admin.py", label="Admin: analytics and feedback",
                         icon=":material/monitoring:")  # fmt: skip
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
        question = "What does the attached file say?"
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
    api.close()


main()
