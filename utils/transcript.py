"""Conversations and answers as text a person can keep or paste: a conversation as a
Markdown document (each answer's sources listed under it), an answer as plain text or
Markdown with its sources."""

from __future__ import annotations

import re
from typing import Any


def as_markdown(*, title: str, exported_at: str, messages: list[dict[str, Any]]) -> str:
    lines = [f"# {title or 'Conversation'}", "", f"_Exported {exported_at}_", ""]
    for message in messages:
        if message["role"] == "user":
            lines += [f"**You:** {message['content']}", ""]
            continue
        lines += [f"**Assistant:** {message['content']}", ""]
        if sources := source_lines(message.get("citations") or []):
            lines += ["Sources:", "", *sources, ""]
    return "\n".join(lines).rstrip() + "\n"


def source_lines(citations: list[dict[str, Any]]) -> list[str]:
    """ "[1] Title — section, page 3 (source)" for each citation."""
    out = []
    for c in citations:
        where = ", ".join(
            part for part in (c.get("section"), f"page {c['page']}" if c.get("page") else None)
            if part
        )  # fmt: skip
        out.append(
            f"[{c['n']}] {c['title']}" + (f" — {where}" if where else "") + f" ({c['source']})"
        )
    return out


MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"(\*\*|__|`+|~~)")


def answer_as_text(message: dict[str, Any]) -> str:
    """An answer as plain text to paste anywhere: markdown marks dropped, its [n]
    markers kept, and its sources listed below."""
    text = MARKDOWN_MARKS.sub("", MARKDOWN_LINK.sub(r"\1", message["content"]))
    return _with_sources(text, message)


def answer_as_markdown(message: dict[str, Any]) -> str:
    return _with_sources(message["content"], message)


def _with_sources(text: str, message: dict[str, Any]) -> str:
    sources = source_lines(message.get("citations") or [])
    return text.strip() + ("\n\nSources:\n" + "\n".join(sources) if sources else "") + "\n"
