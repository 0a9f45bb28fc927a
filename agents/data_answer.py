"""Answers from an organisation's data: the model is given the data sources' schemas
and a `run_sql` tool (OpenAI-style tool calling); each call is vetted and run read-only
(data_sources/runner.py) and its result, or the database's error, goes back as a `tool`
message, until the model answers in words. Retrieved passages are in the same prompt,
so an answer may cite documents and data together."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AnyMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_openai import ChatOpenAI

from agents.answer import Answer, ExtractiveAnswerer
from agents.llm import LLM_FAILURES, format_sources, ground_citations, trimmed_history
from agents.phrasebook import said
from agents.retrieval import Passage
from data_sources.catalog import DataSourceRef
from data_sources.runner import QueryRunner
from knowledge.encoders.languages import DEFAULT_LANGUAGE, name_of
from mcp_tools.toolbox import Toolbox
from prompts import load_prompt

log = logging.getLogger(__name__)

RUN_SQL = {
    "type": "function",
    "function": {
        "name": "run_sql",
        "description": "Run one read-only SQL query (SELECT or WITH ... SELECT) on one of "
        "the data sources and get its columns, first rows and row count.",
        "parameters": {
            "type": "object",
            "properties": {
                "data_source_id": {"type": "string", "description": "the data source's id"},
                "query": {"type": "string", "description": "the SQL query"},
            },
            "required": ["data_source_id", "query"],
            "additionalProperties": False,
        },
    },
}
# Successful queries a turn may make besides its failed ones (a model that keeps
# querying is stopped).
MAX_GOOD_QUERIES = 5
SAMPLE_VALUE_CHARS = 60


# Questions that want counting, summing, ranking or listing: offline, such a question is
# told it needs a model (a number quoted from a document could be a wrong one).
ASKS_FOR_DATA = re.compile(
    r"\b(how many|how much|number of|count|total|sum of|average|mean|median|maximum|"
    r"minimum|highest|lowest|top \d+|list (all|the|every)|which (ones|of the)|per (month|"
    r"year|week|day|region|country|category)|by (month|year|week|region|country|category)|"
    r"berapa (banyak|jumlah|total)|jumlah|rata-rata|tertinggi|terendah|daftar semua|"
    r"cu[aá]nt[oa]s|promedio|suma|total de|m[aá]ximo|m[ií]nimo|por (mes|a[nñ]o|regi[oó]n|"
    r"pa[ií]s|categor[ií]a))\b",
    re.IGNORECASE,
)


def asks_for_data(question: str) -> bool:
    return ASKS_FOR_DATA.search(question) is not None


phrase = said  # the service's sentences in the question's language (agents/phrasebook.py)


def describe_sources(sources: tuple[DataSourceRef, ...]) -> str:
    """The schemas as the model reads them: tables, typed columns, row counts, samples."""
    blocks = []
    for ref in sources:
        lines = [f'Data source "{ref.name}" (id: {ref.id}, SQL dialect: {ref.engine})']
        for table in ref.tables:
            columns = ", ".join(f"{c.name} {c.type}" for c in table.columns)
            lines.append(f"- table {table.name}({columns}): {table.rows} rows")
            for row in table.sample:
                shown = ", ".join(str(v)[:SAMPLE_VALUE_CHARS] for v in row)
                lines.append(f"    e.g. ({shown})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


@dataclass
class DataAnswerer:
    """Answers with the model and its `run_sql` tool; `runner_for` makes the runner of
    one conversation (the artifacts are kept with it)."""

    model: ChatOpenAI
    sources: tuple[DataSourceRef, ...]
    runner_for: Callable[[str], QueryRunner]
    fallback: ExtractiveAnswerer
    max_retries: int
    token_budget: int
    system_prompt: str | None = None
    mode: str = "llm"
    # The assistant's MCP tools, beside run_sql, and how many calls of them a turn may make.
    toolbox: Toolbox | None = None
    max_tool_calls: int = 4

    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        *,
        thread_id: str,
        language: str | None = None,
    ) -> Answer:
        runner = self.runner_for(thread_id)
        offered = self.toolbox.offered() if self.toolbox else {}
        system = load_prompt("data_system" if self.sources else "tools_system").format(
            schemas=describe_sources(self.sources),
            sources=format_sources(passages) or "(none)",
            language=name_of(language or DEFAULT_LANGUAGE),
        )
        if offered and self.sources:
            system = f"{system}\n\n{load_prompt('tools_note')}"
        if self.system_prompt:
            system = f"{self.system_prompt}\n\n{system}"
        messages: list[AnyMessage] = [
            SystemMessage(system), *trimmed_history(history, self.token_budget),
            HumanMessage(question),
        ]  # fmt: skip
        sql_tools = [RUN_SQL] if self.sources else []
        bound = self._bound([*sql_tools, *(spec for _ref, spec in offered.values())])
        failures, good, attempts, sql_ms, tokens = 0, 0, 0, 0.0, 0
        tool_calls, tool_ms = 0, 0.0
        citations: list[dict[str, Any]] = []
        artifacts: list[dict[str, Any]] = []
        last_error = ""
        while True:
            try:
                reply: Any = bound.invoke(messages)
            except LLM_FAILURES as exc:
                return self._failed(question, passages, history, exc, language)
            tokens += (getattr(reply, "usage_metadata", None) or {}).get("total_tokens", 0)
            calls = list(reply.tool_calls or [])
            broken = list(getattr(reply, "invalid_tool_calls", None) or [])
            if not calls and not broken:
                break
            messages.append(reply)
            for call in broken:
                failures += 1
                last_error = "the tool call's arguments are not valid JSON"
                messages.append(ToolMessage(f"error: {last_error}", tool_call_id=call["id"] or ""))
            for call in calls:
                if call["name"] in offered:
                    tool_calls += 1
                    ref = offered[call["name"]][0]
                    tool = self.toolbox.call(ref, call.get("args") or {})  # type: ignore[union-attr]
                    tool_ms += tool.elapsed_ms
                    if tool.citation and tool.citation not in citations:
                        citations.append(tool.citation)
                    messages.append(ToolMessage(tool.for_model, tool_call_id=call["id"] or ""))
                    continue
                attempts += 1
                if call["name"] != "run_sql" or not self.sources:
                    outcome_text, ok = f"error: there is no tool {call['name']!r}", False
                else:
                    args = call.get("args") or {}
                    outcome = runner.run(
                        args.get("data_source_id") or "", args.get("query") or args.get("sql") or ""
                    )
                    sql_ms += outcome.elapsed_ms
                    outcome_text, ok = outcome.for_model, outcome.ok
                    if ok:
                        good += 1
                        artifacts += outcome.artifacts
                        if outcome.citation and outcome.citation not in citations:
                            citations.append(outcome.citation)
                if not ok:
                    failures += 1
                    last_error = outcome_text.removeprefix("error: ")
                messages.append(ToolMessage(outcome_text, tool_call_id=call["id"] or ""))
            if offered and tool_calls >= self.max_tool_calls:
                # The turn's tool calls are spent: the model answers with what it has.
                log.info("MCP tool calls spent", extra={"tool_calls": tool_calls})
                offered = {}
                bound = self._bound(sql_tools)
            if failures > self.max_retries or good > MAX_GOOD_QUERIES:
                log.info("data turn stopped", extra={"failures": failures, "queries": good})
                reason = last_error or phrase("too_many_queries", language)
                text = phrase("data_failed", language, error=reason)
                return Answer(
                    text=text, citations=[], mode=self.mode, found=False, tokens=tokens or None,
                    artifacts=artifacts, own_words=True,
                    metrics=self._metrics(sql_ms, attempts, tool_ms, tool_calls),
                )  # fmt: skip
        text = reply.content if isinstance(reply.content, str) else ""
        # A model that cannot call tools (llama.cpp without --jinja, a model without tool
        # support) answers a question over data in words: the reader is told.
        unqueried = bool(self.sources) and attempts == 0 and asks_for_data(question)
        text, cited = ground_citations(text, passages)
        first = len(cited) + 1
        numbered = [{"n": first + i, **c} for i, c in enumerate(citations)]
        return Answer(
            text=text or phrase("data_failed", language, error=phrase("model_no_answer", language)),
            citations=cited + numbered, mode=self.mode, found=bool(text.strip()),
            tokens=tokens or None, artifacts=artifacts, own_words=not text.strip(),
            metrics=self._metrics(sql_ms, attempts, tool_ms, tool_calls),
            warning=phrase("no_query_made", language) if unqueried and text.strip() else None,
        )  # fmt: skip

    def _bound(self, tools: list[dict[str, Any]]) -> Any:
        return self.model.bind_tools(tools, tool_choice="auto") if tools else self.model

    @staticmethod
    def _metrics(sql_ms: float, attempts: int, tool_ms: float, tool_calls: int) -> dict:
        figures: dict[str, Any] = {"sql_time_ms": round(sql_ms, 3), "sql_attempts": attempts}
        if tool_calls:
            figures |= {"tool_time_ms": round(tool_ms, 3), "tool_calls": tool_calls}
        return figures

    def _failed(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage],
        exc: Exception,
        language: str | None,
    ) -> Answer:
        # The failure's kind is for the operator (the log); the person reads what it means.
        log.warning("LLM call failed in a data turn: %s", type(exc).__name__)
        if passages:
            answer = self.fallback.answer(question, passages, history, language=language)
            answer.warning = phrase("model_failed", language)
            return answer
        return Answer(
            text=phrase("data_failed", language, error=phrase("model_failed_reason", language)),
            citations=[], mode=self.mode, found=False, own_words=True,
            warning=phrase("model_failed_no_query", language),
        )  # fmt: skip
