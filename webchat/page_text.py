"""The chat page's words: labels in the reader's language, the API's refusals said in
words, and people's own text shown as they typed it.
"""

from __future__ import annotations

import re

import streamlit as st

from utils.api_client import ApiClientError
from webchat.labels import label, page_language

# Errors the page explains in its own words (webchat/labels.py), by the client's kind.
EXPLAINED_ERRORS = frozenset(
    ("unreachable", "unauthorized", "forbidden", "not_found", "unavailable", "busy")
)


LANGUAGE = "page-language"  # session key: the language the page's labels are in


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def t(key: str, **values: object) -> str:
    """A label in the page's language (the last answer's, else the browser's)."""
    language = st.session_state.get(LANGUAGE) or page_language([], st.context.locale)
    return label(key, language, **values)


def show_error(error: ApiClientError) -> None:
    if error.kind == "rate_limited":
        wait = " " + t("wait", seconds=error.retry_after) if error.retry_after else ""
        st.warning(t("rate_limited") + wait)
    elif error.kind == "invalid":  # the API's message says what to change
        st.warning(str(error).capitalize())
    else:
        known = error.kind in EXPLAINED_ERRORS
        st.error(t(error.kind) if known else t("went_wrong", error=error))


def as_typed(text: str) -> str:
    """Markdown that shows the text exactly as typed: `# question` stays a question and
    `2*3*4` keeps its stars."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")  # keep the line breaks
