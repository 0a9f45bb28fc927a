"""Spreadsheets as Spanish and Indonesian offices write them: thousands separators,
decimal commas, currency signs and percentages are numbers SQL can add up."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
from openpyxl import Workbook

from data_sources.spreadsheets import Upload, build_store

SPANISH = """Máquina;Coste;Horas;Descuento;Revisión;Código
Prensa 1;€ 1.250,50;1.150,75;12,5 %;03/02/2026;M-01
Prensa 2;€ 980,00;;5 %;17/02/2026;M-02
Torno 1;(1.000,00) €;2.400;;28/02/2026;M-03
Torno 2;€ 12.000,25;300,5;7,25 %;;M-04
"""
# Comma-separated, the amounts quoted, as an Indonesian export writes them.
INDONESIAN = """mesin,biaya,jam,telepon
Pompa 1,"Rp 1.250.000","1.150,75",+62 812 3456 7890
Pompa 2,"Rp 980.000","2.400",+62 811 2222 3333
"""


def store(tmp_path: Path, *uploads: Upload) -> duckdb.DuckDBPyConnection:
    target = tmp_path / "store.duckdb"
    build_store(list(uploads), target, max_bytes=10**7)
    return duckdb.connect(str(target), read_only=True)


def types(conn: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return {row[0]: str(row[1]) for row in conn.execute(f'DESCRIBE "{table}"').fetchall()}


def test_a_spanish_sheet_reads_its_amounts_hours_and_percentages_as_numbers(
    tmp_path: Path,
) -> None:
    conn = store(tmp_path, Upload("costes.csv", SPANISH.encode()))
    kinds = types(conn, "costes")
    assert kinds["Coste"] in ("DOUBLE", "DECIMAL(18,2)") or kinds["Coste"].startswith("DECIMAL")
    assert kinds["Horas"] == "DOUBLE" and kinds["Descuento"] == "DOUBLE"
    assert kinds["Máquina"] == "VARCHAR" and kinds["Código"] == "VARCHAR"
    assert kinds["Revisión"] == "DATE"
    total, hours, discount = conn.execute(
        'SELECT SUM("Coste"), SUM("Horas"), MAX("Descuento") FROM costes'
    ).fetchone()
    assert round(total, 2) == 1250.50 + 980.00 - 1000.00 + 12000.25
    assert round(hours, 2) == 1150.75 + 2400 + 300.5  # "2.400" is two thousand four hundred
    assert discount == 12.5
    # Empty cells stay empty, and the column order is kept.
    assert conn.execute('SELECT COUNT(*) FROM costes WHERE "Horas" IS NULL').fetchone() == (1,)
    assert list(kinds) == ["Máquina", "Coste", "Horas", "Descuento", "Revisión", "Código"]


def test_an_indonesian_export_and_a_workbook_of_text_amounts(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["barang", "harga", "stok"])
    for row in (("Baut", "Rp 12.500", 1200), ("Mur", "Rp 1.250.000", 40), ("Seal", None, 5)):
        sheet.append(list(row))
    book = io.BytesIO()
    workbook.save(book)
    conn = store(tmp_path, Upload("mesin.csv", INDONESIAN.encode()),
                 Upload("gudang.xlsx", book.getvalue()))  # fmt: skip
    kinds = types(conn, "mesin")
    assert kinds["biaya"] == "BIGINT" and kinds["jam"] == "DOUBLE"
    assert kinds["telepon"] == "VARCHAR"  # a phone number is not a number
    assert conn.execute("SELECT SUM(biaya), SUM(jam) FROM mesin").fetchone() == (
        2_230_000,
        1150.75 + 2400,
    )
    assert types(conn, "gudang")["harga"] == "BIGINT"
    assert conn.execute("SELECT SUM(harga) FROM gudang").fetchone() == (1_262_500,)


def test_a_column_with_words_or_two_conventions_stays_text(tmp_path: Path) -> None:
    text = 'item,note,mixed\nA,"1.250,5",1.5\nB,about 3,"1,5"\n'
    conn = store(tmp_path, Upload("odd.csv", text.encode()))
    kinds = types(conn, "odd")
    assert kinds["note"] == "VARCHAR" and kinds["mixed"] == "VARCHAR"
