"""A conversation as a Markdown document a person can keep or send on: each question and
answer in order, and each answer's sources listed under it."""

from __future__ import annotations

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
