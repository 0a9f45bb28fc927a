"""Spreadsheets made into tables: each CSV/TSV file and each XLSX sheet becomes a table
of a DuckDB file (types inferred by DuckDB's CSV sniffer, or from the cells), kept in
the organisation's own folder. The file is written whole under another name and moved
into place, so a failed upload leaves nothing and a reader never sees half a store.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from data_sources.local_numbers import Convention, column_numbers
from knowledge.documents.office import TooManyCells, sheet_rows

# The column separator of each type; a CSV's is sniffed (";" where "," is the decimal mark).
SPREADSHEET_TYPES = {".csv": None, ".tsv": "\t", ".xlsx": None}
NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "DECIMAL")
MAX_TABLES = 50
MAX_COLUMNS = 1_000  # of a table: a CSV's header is counted before DuckDB reads it
# An XLSX is a zip: its uncompressed size is checked before it is opened (a zip bomb),
# and only the cells it really has are read, up to a bound (not its claimed dimension).
XLSX_MAX_UNPACKED = 64 * 1024 * 1024
XLSX_EXPANSION_LIMIT = 20
XLSX_MAX_CELLS = 1_000_000


class SpreadsheetError(ValueError):
    """The files cannot be made into tables (the message names the file and why)."""


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes


def table_name(raw: str, taken: set[str]) -> str:
    """A plain SQL name from a file or sheet name: lower case, letters, digits and _."""
    plain = unicodedata.normalize("NFKD", raw.strip().lower()).encode("ascii", "ignore").decode()
    name = re.sub(r"[^0-9a-z_]+", "_", plain).strip("_") or "table"
    if name[0].isdigit():
        name = f"t_{name}"
    name = name[:60]
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}_{n}", n + 1
    taken.add(unique)
    return unique


def build_store(uploads: list[Upload], target: Path, *, max_bytes: int) -> list[str]:
    """Write the uploads' tables into a new DuckDB file at `target`; their names."""
    if not uploads:
        raise SpreadsheetError("send one or more files (CSV, TSV or XLSX) in `files`")
    total = sum(len(u.content) for u in uploads)
    if total > max_bytes:
        raise SpreadsheetError(f"the files come to {total} bytes, over the {max_bytes} allowed")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".duckdb.part")
    os.close(fd)
    os.unlink(temporary)  # DuckDB makes the file itself
    taken: set[str] = set()
    try:
        conn = duckdb.connect(temporary)
        try:
            for upload in uploads:
                _add(conn, upload, taken, max_bytes)
            if len(taken) > MAX_TABLES:
                raise SpreadsheetError(f"at most {MAX_TABLES} tables (sheets and files) at once")
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        Path(temporary + ".wal").unlink(missing_ok=True)
        raise
    return sorted(taken)


def _add(conn: duckdb.DuckDBPyConnection, upload: Upload, taken: set[str], max_bytes: int) -> None:
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in SPREADSHEET_TYPES:
        raise SpreadsheetError(
            f"{upload.filename!r}: not a spreadsheet (CSV, TSV or XLSX are taken) nor a SQLite "
            "database (.db, .sqlite, .sqlite3)"
        )
    if not upload.content.strip():
        raise SpreadsheetError(f"{upload.filename!r} is empty")
    if suffix == ".xlsx":
        sheets = _sheets(upload, max_bytes)
        stem = Path(upload.filename).stem
        for sheet, frame in sheets.items():
            if frame.empty and len(frame.columns) == 0:
                continue
            name = table_name(stem if len(sheets) == 1 else f"{stem}_{sheet}", taken)
            conn.register("frame", frame)
            conn.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
            conn.unregister("frame")
            _numbers_as_written(conn, name, hint=None)
        return
    columns = _header_columns(upload.content)
    if columns > MAX_COLUMNS:
        raise SpreadsheetError(
            f"{upload.filename!r} has about {columns} columns: at most {MAX_COLUMNS} are taken"
        )
    name = table_name(Path(upload.filename).stem, taken)
    with tempfile.NamedTemporaryFile(suffix=suffix) as file:
        file.write(upload.content)
        file.flush()
        try:
            options = _csv_options(conn, file.name, SPREADSHEET_TYPES[suffix])
            reader, parameters = _read_csv(file.name, options)
            conn.execute(f'CREATE TABLE "{name}" AS SELECT * FROM {reader}', parameters)
            # A ";"-separated file is written where the decimal mark is a comma.
            _numbers_as_written(conn, name, hint="comma" if options.get("delim") == ";" else None)
        except duckdb.Error as exc:
            reason = str(exc).strip().splitlines()[0][:300]
            raise SpreadsheetError(f"{upload.filename!r} cannot be read: {reason}") from exc


def _numbers_as_written(
    conn: duckdb.DuckDBPyConnection, table: str, *, hint: Convention | None
) -> None:
    """Text columns whose every value is a number as people write them ("1.250,5",
    "Rp 1.250.000", "12,5 %") become number columns, in place and in the same order."""
    columns = conn.execute(f'DESCRIBE "{table}"').fetchall()
    converted: dict[str, list[float | int | None]] = {}
    for column, kind, *_rest in columns:
        if str(kind) != "VARCHAR":
            continue
        values = [row[0] for row in conn.execute(f'SELECT "{column}" FROM "{table}"').fetchall()]
        numbers = column_numbers(values, hint=hint)
        if numbers is not None:
            converted[column] = numbers
    if not converted:
        return
    frame = pd.DataFrame({f"n{i}": pd.array(v, dtype="Int64" if all(
        n is None or isinstance(n, int) for n in v) else "Float64")
        for i, v in enumerate(converted.values())})  # fmt: skip
    names = {column: f"n{i}" for i, column in enumerate(converted)}
    select = ", ".join(
        f'numbers."{names[c]}" AS "{c}"' if c in names else f'"{table}"."{c}"'
        for c, *_rest in columns
    )
    conn.register("numbers", frame)
    conn.execute(
        f'CREATE OR REPLACE TABLE "{table}" AS SELECT {select} FROM "{table}" '
        "POSITIONAL JOIN numbers"
    )
    conn.unregister("numbers")


def _read_csv(path: str, options: dict[str, str]) -> tuple[str, list[str]]:
    """DuckDB's read_csv of a file with these options (types from every row), and its
    parameters."""
    given = "".join(f", {option} = ?" for option in options)
    return f"read_csv(?, header = true, sample_size = -1{given})", [path, *options.values()]


def _csv_options(conn: duckdb.DuckDBPyConnection, path: str, delim: str | None) -> dict[str, str]:
    """read_csv's options for a file: its separator, and for a ";"-separated one (as
    spreadsheets write CSV where the decimal mark is a comma: Spanish, Indonesian) the
    decimal mark that reads more columns as numbers."""
    if delim is not None:
        return {"delim": delim}
    [(sniffed,)] = conn.execute(
        "SELECT Delimiter FROM sniff_csv(?, sample_size = -1)", [path]
    ).fetchall()
    if sniffed != ";":
        return {}

    def numbers(options: dict[str, str]) -> int:
        reader, parameters = _read_csv(path, options)
        described = conn.execute(f"DESCRIBE SELECT * FROM {reader}", parameters).fetchall()
        return sum(1 for row in described if str(row[1]).startswith(NUMERIC))

    comma = {"delim": ";", "decimal_separator": ","}
    return comma if numbers(comma) > numbers({"delim": ";"}) else {"delim": ";"}


def _header_columns(content: bytes) -> int:
    """About how many columns a CSV's first line names (the most any separator makes)."""
    first = content[: 4 * 1024 * 1024].split(b"\n", 1)[0]
    return 1 + max(first.count(separator) for separator in (b",", b";", b"\t", b"|"))


def _sheets(upload: Upload, max_bytes: int) -> dict[str, pd.DataFrame]:
    """Each sheet as a frame: its first row the column names, types from the cells."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(upload.content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(f"{upload.filename!r} is not an XLSX file") from exc
    limit = min(XLSX_MAX_UNPACKED, max(max_bytes, len(upload.content)) * XLSX_EXPANSION_LIMIT)
    if unpacked > limit:
        raise SpreadsheetError(f"{upload.filename!r} unpacks to {unpacked} bytes: at most "
                               f"{limit} are read")  # fmt: skip
    cells = [0]
    frames = {}
    try:
        workbook = load_workbook(io.BytesIO(upload.content), read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                rows = list(sheet_rows(sheet, cells=cells, max_rows=10_000_000,
                                       max_columns=MAX_COLUMNS + 1, max_cells=XLSX_MAX_CELLS))  # fmt: skip
                frames[str(sheet.title)] = _frame(upload.filename, rows)
        finally:
            workbook.close()
    except TooManyCells as exc:
        raise SpreadsheetError(f"{upload.filename!r}: {exc} (at most {XLSX_MAX_CELLS})") from exc
    except SpreadsheetError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise SpreadsheetError(f"{upload.filename!r} cannot be read: {exc}") from exc
    return frames


def _frame(filename: str, rows: list[tuple[object, ...]]) -> pd.DataFrame:
    rows = [r for r in rows if any(v is not None for v in r)]  # blank rows are no records
    width = max((len(r) for r in rows), default=0)
    while width and all(len(r) < width or r[width - 1] is None for r in rows):
        width -= 1  # empty columns a sheet's formatting leaves on the right
    if width > MAX_COLUMNS:
        raise SpreadsheetError(f"{filename!r} has {width} columns: at most {MAX_COLUMNS} are taken")
    padded = [tuple(r[:width]) + (None,) * (width - len(r[:width])) for r in rows]
    if not padded:
        return pd.DataFrame()
    header, *body = padded
    names: list[str] = []
    for n, cell in enumerate(header):
        name = (str(cell).strip() if cell is not None else "") or f"column_{n + 1}"
        names.append(name if name not in names else f"{name}_{n + 1}")
    frame = pd.DataFrame(list(body), columns=names, dtype=object)
    return frame.infer_objects().convert_dtypes()  # whole numbers with blanks stay whole
