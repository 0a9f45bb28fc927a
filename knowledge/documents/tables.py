"""Tables as text that reads as sentences, for DOCX, HTML, CSV and Markdown alike."""

from __future__ import annotations

import re

_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as lines that read as sentences: under a header row, each row as
    "Model: W-100; Warranty: 48 months.", so an answer can quote the row it needs;
    without one (or where a row does not match it), the cells joined with "; "."""
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    header, *body = rows
    if not body or not all(header):
        return [_sentence("; ".join(cell for cell in row if cell)) for row in rows]
    lines = []
    for row in body:
        if len(row) == len(header):
            pairs = (f"{name}: {cell}" for name, cell in zip(header, row, strict=True) if cell)
            lines.append(_sentence("; ".join(pairs)))
        else:
            lines.append(_sentence("; ".join(cell for cell in row if cell)))
    return lines


def _sentence(line: str) -> str:
    """Begun and ended like a sentence, so two quoted rows do not run into each other:
    a row under a lowercase header ("proveedor,producto") would otherwise open with a
    small letter, which reads as the tail of a sentence cut off before it (the answerer
    leaves such a fragment out) and does not start a new one after a full stop."""
    line = line[:1].upper() + line[1:]
    return line if line.endswith((".", "!", "?")) else f"{line}."


# A row as `table_lines` writes it under a header: "Name: value; Name: value." A name
# holds no bracket: "The Normans (Norman: Nourmands; French: Normands) were..." is prose.
_ROW = re.compile(r"^[^:;()]{1,60}: [^;]+(?:; [^:;()]{1,60}: [^;]+)+\.$")


def row_cells(sentence: str) -> list[str]:
    """The values of a row written as "Name: value; Name: value." (none for prose)."""
    if not _ROW.match(sentence):
        return []
    return [pair.split(": ", 1)[1].strip() for pair in sentence[:-1].split("; ")]


def markdown_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a Markdown table's lines, its `|---|` separator row left out."""
    rows = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not all(_SEPARATOR_CELL.match(cell) for cell in cells):
            rows.append(cells)
    return rows
