"""An answer as the chat page shows it: the text with its [n] markers linked, the
numbered sources (a document opened in place), tables and charts, notes, feedback,
copy and edit controls, and earlier versions of a regenerated answer.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from utils.api_client import ApiClient, ApiClientError
from utils.transcript import answer_as_markdown, answer_as_text
from webchat.page_text import as_typed, show_error, t

REWIND = "rewind"  # session_state: an edit or a regeneration to send on this run


CITATION_MARKER = re.compile(r"\[(\d+)\]")


def cited_sentences(answer: str, n: int) -> list[str]:
    """The sentences of an answer that cite source `n`: those before its [n] marker and
    after the previous marker (one marker closes a run of sentences from one source)."""
    pieces = re.split(r"\s*\[(\d+)\]", answer)  # text, n, text, n, ..., text
    cited = []
    for text, marker in zip(pieces[0::2], pieces[1::2], strict=False):
        if marker == str(n):
            # a quoted list: an item a line, its marker not part of the passage's words
            for line in text.split("\n"):
                line = _LIST_MARKER.sub("", line.strip())
                cited += [x.strip() for x in re.split(r"(?<=[.!?])\s+", line) if x.strip()]
    return cited


_LIST_MARKER = re.compile(r"^(?:-|\d+\.)\s+")


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
            # An attached file or a tool's result has no document to open.
            kept = not c["source"].startswith(("attachment:", "tool:"))
            readable = reader is not None and kept
            whole = f"doc-{message_key(message)}-{c['n']}"
            if readable and st.toggle(t("whole_document"), key=whole):
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
            st.dataframe(frame, hide_index=True, width="stretch")
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
                placeholder=t("feedback_placeholder"),
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
<button id="text" title="__COPY_TITLE__">__COPY__</button>
<button id="markdown" title="__MARKDOWN_TITLE__">Markdown</button>
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
  button.textContent = __COPIED__; document.getElementById("said").textContent = __COPIED__;
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
    words = {"__COPY_TITLE__": html.escape(t("copy_title")), "__COPY__": html.escape(t("copy")),
             "__MARKDOWN_TITLE__": html.escape(t("markdown_title")),
             "__COPIED__": json.dumps(t("copied")).replace("<", "\\u003c")}  # fmt: skip
    page = COPY_BUTTONS.replace("__COPIES__", payload)
    for placeholder, word in words.items():
        page = page.replace(placeholder, word)
    components.html(page, height=36)


def edit_in_place(message: dict) -> None:
    """A question's edit box: "Send again" replaces the question (and what followed it)
    with the edited one, in this conversation."""
    key = f"edit-{message_key(message)}"

    def resend() -> None:
        edited = st.session_state.get(key, "").strip()
        if edited and message.get("message_id"):
            st.session_state[REWIND] = {"edit": message["message_id"], "text": edited}

    with st.popover(t("edit"), icon=":material/edit:", help=t("edit_help")):
        st.text_area(t("your_question"), value=message["content"], key=key)
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
    if back.button("‹", key=f"{key}-back", help=t("previous_version"), disabled=chosen == 0):
        chosen -= 1
    if forward.button(
        "›", key=f"{key}-next", help=t("next_version"), disabled=chosen == len(versions) - 1
    ):
        chosen += 1
    st.session_state[key] = chosen
    where.caption(t("version", n=chosen + 1, total=len(versions)))
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
