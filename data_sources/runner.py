"""One `run_sql` call of a model, start to finish: find the data source among the
assistant's own, vet the query, run it read-only, and keep what it returned as the
conversation's artifacts (CSV, chart, SQL). Whatever goes wrong comes back as an error
for the model to read, never as an exception."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from data_sources.artifacts import ArtifactStore, new_artifact_id
from data_sources.catalog import DataSourceRef, engine_of
from data_sources.engines import SourceError
from data_sources.results import (
    CHART_MAX_ROWS,
    CUT_MARK,
    PENDING_CHART,
    ResultCollector,
    chart_shape,
)
from data_sources.safety import RefusedQuery, vetted
from data_sources.servers import ServerRule

log = logging.getLogger(__name__)

# Rows of a result the model reads (the user gets all of them as CSV).
MODEL_ROWS = 50
MODEL_MAX_BYTES = 16_000
TABLE_PREVIEW_ROWS = 20


@dataclass(frozen=True)
class QueryLimits:
    timeout_s: float
    max_rows: int
    servers: ServerRule = field(default_factory=ServerRule)  # database servers reached
    max_bytes: int = 10 * 1024 * 1024  # of a result's CSV (SQL_MAX_RESULT_BYTES)


@dataclass
class QueryOutcome:
    ok: bool
    for_model: str  # the tool message's content
    elapsed_ms: float = 0.0
    citation: dict[str, Any] | None = None
    artifacts: list[dict[str, Any]] = field(default_factory=list)


def for_model(stats: Any, collector: ResultCollector) -> str:
    """The result as the model reads it: at most MODEL_ROWS rows, short cells, and at most
    MODEL_MAX_BYTES in all (fewer rows then); every cut is said."""
    rows = collector.preview(MODEL_ROWS)
    body: dict[str, Any] = {"columns": stats.columns, "rows": rows, "row_count": stats.rows,
                            "truncated": stats.truncated}  # fmt: skip
    if collector.cells_cut or any(str(c).endswith(CUT_MARK) for r in rows for c in r):
        body["note"] = f"long values are cut, ending in {CUT_MARK}"
    text = json.dumps(body, default=str)
    while len(text.encode()) > MODEL_MAX_BYTES and body["rows"]:
        body["rows"] = body["rows"][: len(body["rows"]) // 2]
        body["rows_shown"] = len(body["rows"])
        text = json.dumps(body, default=str)
    return text


def table_names(ref: DataSourceRef) -> list[str]:
    names = [t.name for t in ref.tables]
    if ref.engine == "postgresql":  # public's tables by their qualified names too
        names += [f"public.{n}" for n in names if "." not in n]
    return names


class QueryRunner:
    def __init__(
        self,
        sources: tuple[DataSourceRef, ...],
        *,
        limits: QueryLimits,
        artifacts: ArtifactStore,
        thread_id: str,
    ) -> None:
        self.sources = sources
        self.limits = limits
        self.artifacts = artifacts
        self.thread_id = thread_id

    def find(self, named: str) -> DataSourceRef | None:
        """The assistant's data source by id, failing that by its name (any case); with
        one data source only, a call that names none means it."""
        if not named.strip() and len(self.sources) == 1:
            return self.sources[0]
        for ref in self.sources:
            if ref.id == named:
                return ref
        folded = named.strip().casefold()
        return next((ref for ref in self.sources if ref.name.casefold() == folded), None)

    def run(self, data_source_id: str, query: str) -> QueryOutcome:
        ref = self.find(str(data_source_id))
        if ref is None:
            known = ", ".join(f"{r.id} ({r.name})" for r in self.sources)
            return QueryOutcome(False, f"error: no data source {data_source_id!r} here; "
                                       f"the data sources are: {known}")  # fmt: skip
        try:
            sql = vetted(str(query), engine=ref.engine, tables=table_names(ref))
        except RefusedQuery as exc:
            return QueryOutcome(False, f"error: query refused, not run: {exc}")
        table_id = new_artifact_id()
        collector = ResultCollector(self.artifacts.appender(self.thread_id, table_id),
                                    max_bytes=self.limits.max_bytes)  # fmt: skip
        try:
            stats = engine_of(ref, self.limits.servers).run(
                sql, sink=collector, timeout_s=self.limits.timeout_s,
                max_rows=self.limits.max_rows,
            )  # fmt: skip
            collector.finish()
        except SourceError as exc:
            self.artifacts.discard(self.thread_id, table_id)
            return QueryOutcome(False, f"error: the database said: {exc}")
        return QueryOutcome(
            True,
            for_model(stats, collector),
            elapsed_ms=stats.elapsed_ms,
            citation={
                "title": ref.name, "source": f"data-source:{ref.id}", "section": None,
                "page": None, "snippet": sql[:300], "score": 1.0, "kind": "data",
                "data_source_id": ref.id, "query": sql,
            },
            artifacts=self._keep(ref, sql, table_id, collector, stats),
        )  # fmt: skip

    def _keep(
        self, ref: DataSourceRef, sql: str, table_id: str, collector: ResultCollector, stats: Any
    ) -> list[dict[str, Any]]:
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        common = {"data_source_id": ref.id, "created_at": now}
        table = {
            "id": table_id, "kind": "table", "name": f"{_slug(ref.name)}-result.csv",
            "media_type": "text/csv", "rows": stats.rows, "truncated": stats.truncated,
            "columns": stats.columns, "preview": collector.preview(TABLE_PREVIEW_ROWS), **common,
        }  # fmt: skip
        sql_id = new_artifact_id()
        self.artifacts.put(self.thread_id, sql_id, (sql + "\n").encode())
        kept = [
            table,
            {"id": sql_id, "kind": "sql", "name": f"{_slug(ref.name)}-query.sql",
             "media_type": "application/sql", **common},
        ]  # fmt: skip
        if stats.rows <= CHART_MAX_ROWS and chart_shape(stats.columns, collector.first):
            # Drawn when first asked for (drawing costs ~35 ms the answer need not wait).
            chart_id = new_artifact_id()
            spec = {"columns": stats.columns, "rows": collector.preview(CHART_MAX_ROWS),
                    "title": ref.name}  # fmt: skip
            self.artifacts.put(self.thread_id, chart_id, json.dumps(spec, default=str).encode())
            kept.insert(1, {"id": chart_id, "kind": "chart", "name":
                            f"{_slug(ref.name)}-chart.png", "media_type": "image/png",
                            PENDING_CHART: True, **common})  # fmt: skip
        for artifact in kept:
            self.artifacts.describe(self.thread_id, artifact)
        return kept


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:40] or "data"
