"""CSV that is safe to open in a spreadsheet: every CSV the service writes goes through
here. A cell starting with = + - @ (or a tab or carriage return) would run as a formula
in Excel, LibreOffice or Google Sheets, so it is prefixed with a single quote, as
OWASP's CSV injection guidance recommends; the quote shows as text and runs nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet will only ever show it: text starting like a formula
    gets a leading quote; numbers, booleans and None pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV document with a header row, each cell neutralised; keys outside `columns`
    are left out."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: safe_cell(row.get(name)) for name in columns})
    return out.getvalue()
