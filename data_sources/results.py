"""A query's result as its reader gets it: the first rows for the model and the page,
every row (up to the cap) as CSV written out in pieces, and a chart when the result has
a shape a chart tells better (a category or a time, and a number)."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from data_sources.engines import _plain
from utils.csv_export import safe_cell

PREVIEW_ROWS = 50
CHART_MAX_ROWS = 60
CSV_PIECE_BYTES = 256 * 1024
# A database can make a value of any size (printf('%.*c', 20000000, 'x')): a cell is cut
# to this many characters in the CSV, shorter where the model and the page read it, and
# the CSV as a whole stops at SQL_MAX_RESULT_BYTES (each cut said as such).
CELL_MAX_CHARS = 10_000
SHOWN_CELL_CHARS = 500
CUT_MARK = "…[cut]"
# On a chart artifact not drawn yet: its bytes are the data to draw (chart_spec_png).
PENDING_CHART = "pending_chart"


def cut(value: Any, limit: int) -> tuple[Any, bool]:
    """A text or bytes value cut to `limit` characters (and whether it was)."""
    if isinstance(value, (str, bytes)) and len(value) > limit:
        return value[:limit] + (CUT_MARK if isinstance(value, str) else b""), True
    return value, False


class ResultCollector:
    """A RowSink: keeps the first rows, hands the CSV on in pieces of ~256 KB, and is
    `full` once the CSV reaches `max_bytes` (the engine then stops fetching)."""

    def __init__(self, write: Callable[[bytes], None], *, keep: int = CHART_MAX_ROWS,
                 max_bytes: int = 10 * 1024 * 1024) -> None:  # fmt: skip
        self.write = write
        self.keep = keep
        self.max_bytes = max_bytes
        self.columns: list[str] = []
        self.first: list[tuple[Any, ...]] = []
        self.rows = 0
        self.written = 0
        self.cells_cut = False
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer)

    @property
    def full(self) -> bool:
        return self.written + self._buffer.tell() >= self.max_bytes

    def begin(self, columns: list[str]) -> None:
        self.columns = columns
        self._csv.writerow([safe_cell(c) for c in columns])

    def add(self, rows: Sequence[Sequence[Any]]) -> int:
        taken = 0
        for row in rows:
            if self.full:
                break
            taken += 1
            cells = []
            for value in row:
                value, was_cut = cut(value, CELL_MAX_CHARS)
                self.cells_cut |= was_cut
                cells.append(value)
            if len(self.first) < self.keep:
                self.first.append(tuple(cells))
            self.rows += 1
            # Formula-safe (utils/csv_export.py): the data may be anyone's text.
            self._csv.writerow([safe_cell(v) for v in cells])
            if self._buffer.tell() >= CSV_PIECE_BYTES:
                self._flush()
        return taken

    def finish(self) -> None:
        self._flush()

    def _flush(self) -> None:
        data = self._buffer.getvalue()
        if data:
            encoded = data.encode("utf-8")
            self.written += len(encoded)
            self.write(encoded)
        self._buffer.seek(0)
        self._buffer.truncate()

    def preview(
        self, limit: int = PREVIEW_ROWS, cell_chars: int = SHOWN_CELL_CHARS
    ) -> list[list[Any]]:
        """The first rows as JSON carries them, each cell at most `cell_chars` long."""
        return [[cut(_plain(v), cell_chars)[0] for v in row] for row in self.first[:limit]]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _temporal(value: Any) -> bool:
    if isinstance(value, (date, datetime)):
        return True
    if isinstance(value, str) and len(value) >= 7:
        try:
            date.fromisoformat(value[:10] if len(value) >= 10 else value + "-01")
        except ValueError:
            return False
        return True
    return False


def chart_shape(columns: list[str], rows: list[tuple[Any, ...]]) -> str | None:
    """ "bar" (a category and a number), "line" (a time and a number), or None."""
    if len(columns) != 2 or not 2 <= len(rows) <= CHART_MAX_ROWS:
        return None
    labels, values = [r[0] for r in rows], [r[1] for r in rows]
    if not all(_number(v) for v in values):
        return None
    if all(_temporal(v) for v in labels):
        return "line"
    if all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in labels):
        return "bar"
    return None


def chart_spec_png(spec: bytes) -> bytes:
    """The PNG of a chart kept as its data (columns, rows, title)."""
    data = json.loads(spec)
    rows = [tuple(r) for r in data["rows"]]
    return chart_png(data["columns"], rows, title=data["title"]) or b""


def chart_png(columns: list[str], rows: list[tuple[Any, ...]], *, title: str) -> bytes | None:
    """The result drawn as a PNG when chart_shape finds a shape, else None."""
    shape = chart_shape(columns, rows)
    if shape is None:
        return None
    import matplotlib

    matplotlib.use("Agg")  # no screen; before pyplot is imported
    from matplotlib.figure import Figure

    labels = [str(r[0]) for r in rows]
    values = [float(r[1]) for r in rows]
    figure = Figure(figsize=(7, 4), dpi=100)
    axes = figure.subplots()
    if shape == "line":
        axes.plot(labels, values, marker="o")
    else:
        axes.bar(labels, values)
    if all(float(v).is_integer() for v in values):  # counts: no half ticks
        from matplotlib.ticker import MaxNLocator

        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(columns[0])
    axes.set_ylabel(columns[1])
    axes.set_title(title[:80])
    if len(labels) > 6:
        axes.tick_params(axis="x", labelrotation=45)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
