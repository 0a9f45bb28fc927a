"""Spreadsheets and slide decks as text to index: an XLSX's sheets as tables read row by
row under their headers (as CSV is), a PPTX's slides as pages (a citation names the
slide). Read with openpyxl and python-pptx; the archive's size is checked first
(loaders.check_zip_size), as for DOCX."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from knowledge.documents.tables import table_lines

MAX_SHEET_ROWS = 100_000  # per sheet; a workbook beyond it is indexed in part
MAX_SHEET_COLUMNS = 1_000
MAX_WORKBOOK_CELLS = 2_000_000  # in all sheets: read no further


class TooManyCells(ValueError):
    """A workbook with more cells than are read."""


def sheet_rows(
    sheet: Any, *, cells: list[int], max_rows: int = MAX_SHEET_ROWS,
    max_columns: int = MAX_SHEET_COLUMNS, max_cells: int = MAX_WORKBOOK_CELLS,
) -> Iterator[tuple[Any, ...]]:  # fmt: skip
    """The rows a read-only sheet really has. Its `<dimension>` is the file's own claim
    (a 2 KB file may claim a billion cells): openpyxl would pad every row to it, so it is
    ignored. Rows are cut to `max_columns`; `cells` (one counter for the workbook) stops
    the reading with TooManyCells past `max_cells`."""
    sheet.reset_dimensions()
    for n, row in enumerate(sheet.iter_rows(values_only=True)):
        if n >= max_rows:
            return
        row = row[:max_columns]
        cells[0] += len(row)
        if cells[0] > max_cells:
            raise TooManyCells(f"the workbook has more than {max_cells} cells")
        yield row


def xlsx_to_markdown(data: bytes) -> str:
    """Each sheet under its name, its rows as "Header: value; ..." lines (formulas read as
    their last computed values); a workbook beyond MAX_WORKBOOK_CELLS is read in part."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    cells = [0]
    try:
        blocks = []
        for sheet in workbook.worksheets:
            rows: list[list[str]] = []
            try:
                for row in sheet_rows(sheet, cells=cells):
                    if any(v is not None for v in row):  # blank rows say nothing
                        rows.append([_cell(v) for v in row])
            except TooManyCells:
                pass  # what was read is indexed
            lines = table_lines(_trimmed(rows))
            if lines:
                blocks.append(f"## {sheet.title}\n\n" + "\n\n".join(lines))
    finally:
        workbook.close()
    return "\n\n".join(blocks)


def pptx_pages(data: bytes) -> list[tuple[int, str]]:
    """(slide number, its text): titles, text boxes, tables (row by row) and the
    speaker's notes, in the slide's order."""
    from pptx import Presentation

    deck = Presentation(io.BytesIO(data))
    pages = []
    for number, slide in enumerate(deck.slides, 1):
        parts: list[str] = []
        for shape in slide.shapes:
            parts += _shape_text(shape)
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            notes = slide.notes_slide.notes_text_frame.text.strip()
            if notes:
                parts.append(notes)
        text = "\n\n".join(p for p in parts if p.strip())
        if text.strip():
            pages.append((number, text))
    return pages


def _shape_text(shape: Any) -> list[str]:
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[cell.text.strip() for cell in row.cells] for row in shape.table.rows]
        return ["\n".join(table_lines(rows))]
    if shape.shape_type is not None and hasattr(shape, "shapes"):  # a group
        return [t for inner in shape.shapes for t in _shape_text(inner)]
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        lines = [p.text.strip() for p in shape.text_frame.paragraphs if p.text.strip()]
        if len(lines) > 1 and _bulleted(shape):
            lines = [f"- {line}" for line in lines]
        return ["\n".join(lines)]
    return []


def _bulleted(shape: Any) -> bool:
    """Whether a shape's paragraphs are bullets: a content placeholder's are unless it says
    otherwise (python-pptx gives no text for the bullet), a text box's only if it says so."""
    marks = {
        child.tag.rsplit("}", 1)[-1]
        for paragraph in shape.text_frame.paragraphs
        if paragraph._p.pPr is not None
        for child in paragraph._p.pPr
    }
    if marks & {"buChar", "buAutoNum"}:
        return True
    if "buNone" in marks or not shape.is_placeholder:
        return False
    kind = str(shape.placeholder_format.type)
    return not any(name in kind for name in ("TITLE", "SUBTITLE", "DATE", "FOOTER", "SLIDE_NUMBER"))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Rows without the empty columns a sheet's formatting leaves on the right."""
    width = max((max((i + 1 for i, c in enumerate(r) if c), default=0) for r in rows), default=0)
    return [(r + [""] * (width - len(r)))[:width] for r in rows]


class ListMarkers:
    """The marker a DOCX paragraph of a list shows ("1.", "-"), which python-docx's text
    leaves out: Word numbers a list by its numbering definitions (numbering.xml), given
    to the paragraph directly or by its style ("List Number", "List Bullet")."""

    def __init__(self, document: Any) -> None:
        self._formats: dict[tuple[str, str], str] = {}
        self._counts: dict[tuple[str, str], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without lists
            return
        abstract = {
            a.get(_W + "abstractNumId"): {
                lvl.get(_W + "ilvl"): _value(lvl, "numFmt") for lvl in a.findall(_W_LVL)
            }
            for a in numbering.findall(_W_ABSTRACT)
        }
        for num in numbering.findall(_W_NUM):
            levels = abstract.get(_value(num, "abstractNumId"), {})
            for level, kind in levels.items():
                self._formats[(num.get(_W + "numId"), level)] = kind or "decimal"

    def marker(self, paragraph: Any) -> str | None:
        """The paragraph's marker: "-" for a bullet, "N." for its number in its list;
        None when it is not an item of a list."""
        found = _numbering(paragraph._p.pPr) or _numbering(
            paragraph.style.element.pPr if paragraph.style is not None else None
        )
        if found is None:
            return None
        num_id, level = found
        if num_id == "0":  # numbering taken off
            return None
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        kind = self._formats.get((num_id, level), "decimal" if "Number" in style else "bullet")
        if kind in ("bullet", "none"):
            return "-"
        for key in [k for k in self._counts if k[0] == num_id and k[1] > level]:
            del self._counts[key]  # a deeper list starts again under the next item
        count = self._counts[(num_id, level)] = self._counts.get((num_id, level), 0) + 1
        return f"{count}."


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_LVL, _W_ABSTRACT, _W_NUM = f"{_W}lvl", f"{_W}abstractNum", f"{_W}num"


def _value(element: Any, child: str) -> str | None:
    found = element.find(_W + child)
    return found.get(_W + "val") if found is not None else None


def _numbering(properties: Any) -> tuple[str, str] | None:
    """(numId, level) of a paragraph's or a style's numbering, if it has one."""
    numbered = properties.find(_W + "numPr") if properties is not None else None
    if numbered is None:
        return None
    return _value(numbered, "numId") or "0", _value(numbered, "ilvl") or "0"
