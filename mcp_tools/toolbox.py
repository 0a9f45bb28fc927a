"""An assistant's allowed MCP tools as the model sees them (OpenAI-style function specs)
and as a turn calls them: each result is cut to a size, cited as `tool:<server>/<tool>`,
and a tool that fails or times out is an error the model reads, never a failed turn."""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from mcp_tools.catalog import ToolRef
from mcp_tools.connection import Reach, ToolServerError, ToolSpec, call_tool, list_tools

log = logging.getLogger(__name__)

# A server's tool list is asked again after this long (its tools change rarely; a turn
# should not pay a round trip for it).
TOOL_LIST_SECONDS = 60.0
MODEL_NAME = re.compile(r"[^A-Za-z0-9_-]+")
SNIPPET_CHARS = 300


@dataclass(frozen=True)
class ToolOutcome:
    for_model: str
    ok: bool
    citation: dict[str, Any] | None = None
    elapsed_ms: float = 0.0


@dataclass
class ToolLists:
    """Each server's tools, kept for TOOL_LIST_SECONDS (process-wide)."""

    _kept: dict[str, tuple[float, list[ToolSpec]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def of(self, ref: ToolRef, reach: Reach) -> list[ToolSpec]:
        with self._lock:
            kept = self._kept.get(ref.server.id)
        if kept and kept[0] > time.monotonic():
            return kept[1]
        tools = list_tools(ref.server, reach)
        with self._lock:
            self._kept[ref.server.id] = (time.monotonic() + TOOL_LIST_SECONDS, tools)
        return tools


TOOL_LISTS = ToolLists()


class Toolbox:
    """The tools one assistant may call. A tool the server no longer has, or a server that
    cannot be reached when the turn starts, is left out of that turn (logged)."""

    def __init__(self, refs: tuple[ToolRef, ...], reach: Reach, *, max_result_chars: int) -> None:
        self.refs = refs
        self.reach = reach
        self.max_result_chars = max_result_chars

    def offered(self) -> dict[str, tuple[ToolRef, dict[str, Any]]]:
        """model name -> (the tool, its OpenAI-style spec), for this turn."""
        offered: dict[str, tuple[ToolRef, dict[str, Any]]] = {}
        for ref in self.refs:
            try:
                specs = {s.name: s for s in TOOL_LISTS.of(ref, self.reach)}
            except ToolServerError as exc:
                log.warning("MCP tools left out of this turn: %s", exc)
                continue
            spec = specs.get(ref.tool)
            if spec is None:
                log.warning("MCP server %r has no tool %r", ref.server.name, ref.tool)
                continue
            name = model_name(ref)
            offered[name] = (ref, function_spec(name, ref, spec))
        return offered

    def call(self, ref: ToolRef, arguments: dict[str, Any]) -> ToolOutcome:
        started = time.perf_counter()
        try:
            result = call_tool(ref.server, self.reach, ref.tool, arguments)
        except ToolServerError as exc:
            log.warning("MCP tool call failed: %s", exc)
            return ToolOutcome(f"error: {exc}", False, elapsed_ms=_ms(started))
        text = result.text
        if len(text) > self.max_result_chars:
            text = text[: self.max_result_chars] + (
                f"\n[cut: the result had {len(result.text)} characters]"
            )
        if result.is_error:
            return ToolOutcome(f"error: the tool said: {text}", False, elapsed_ms=_ms(started))
        source = f"tool:{ref.server.name}/{ref.tool}"
        citation = {
            "title": f"{ref.server.name} / {ref.tool}", "source": source, "section": None,
            "page": None, "snippet": result.text[:SNIPPET_CHARS], "score": 1.0, "kind": "tool",
        }  # fmt: skip
        return ToolOutcome(text, True, citation, _ms(started))


def model_name(ref: ToolRef) -> str:
    """A name the model's API accepts (letters, digits, _ and -; at most 64)."""
    return MODEL_NAME.sub("_", f"mcp_{ref.server.name}__{ref.tool}")[:64]


def function_spec(name: str, ref: ToolRef, spec: ToolSpec) -> dict[str, Any]:
    parameters = spec.input_schema if spec.input_schema.get("type") == "object" else {
        "type": "object", "properties": {}
    }  # fmt: skip
    description = f"{spec.description} (tool {ref.tool!r} of {ref.server.name!r})".strip()
    return {
        "type": "function",
        "function": {"name": name, "description": description[:1000], "parameters": parameters},
    }


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
