"""Turn files of each supported format into text with a title and structure.

Markdown, HTML and DOCX become Markdown-style text (headings as `#` lines) so one
heading-aware splitter serves all three; PDF keeps its pages; CSV becomes a line a row.
Images, and PDF pages without a usable text layer, are read by OCR when an engine is
given (knowledge/documents/ocr.py); the document then says how many pages were read so.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.documents.ocr import OcrEngine, OcrError, OcrText
from knowledge.documents.office import ListMarkers, pptx_pages, xlsx_to_markdown
from knowledge.documents.reflow import paragraphs
from knowledge.documents.tables import table_lines

if TYPE_CHECKING:  # python-docx is imported when a DOCX arrives
    from docx.table import Table

SUPPORTED_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".webp": "image",
}
# A PDF page with fewer characters than this in its text layer is a scan: OCR reads it.
MIN_TEXT_LAYER_CHARS = 25
OCR_DPI = 200


# Limits on the work one file may cause: a small DOCX can expand to gigabytes of XML,
# and a PDF can hold any number of pages.
MAX_DOCX_ENTRIES = 2_000
MAX_DOCX_PART_BYTES = 8 * 1024 * 1024  # one XML part, uncompressed
MAX_DOCX_TOTAL_BYTES = 64 * 1024 * 1024  # every part, uncompressed
MAX_COMPRESSION_RATIO = 100  # for parts over 1 MiB; ordinary XML compresses 5-20 times
MAX_PDF_PAGES = 2_000


class UnsupportedFormatError(ValueError):
    """The file type is not one the knowledge base can read."""


class DocumentParseError(ValueError):
    """A file of a supported type could not be parsed."""


@dataclass
class LoadedDocument:
    source: str
    title: str
    kind: str
    text: str = ""
    # (page number, text) for paginated formats
    pages: list[tuple[int, str]] = field(default_factory=list)
    # Its own metadata, kept on every chunk (knowledge/documents/attributes.py).
    attributes: dict[str, Any] = field(default_factory=dict)
    # Pages read by OCR, and the engine's mean confidence over them (0..1).
    ocr_pages: int = 0
    ocr_confidence: float | None = None


def kind_of(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnsupportedFormatError(f"unsupported file type {suffix or '(none)'}: use {supported}")
    return SUPPORTED_SUFFIXES[suffix]


def _title_from_filename(source: str) -> str:
    stem = Path(source).stem
    return re.sub(r"[-_]+", " ", stem).strip().capitalize() or source


# What a converter writes as a PDF's title when the author gave none: the file it was
# made from ("Microsoft Word - Reglamento_v3.docx", "guia.html" from a browser's print).
_EXPORTED_FROM = re.compile(r"^microsoft (?:word|powerpoint|excel) - ", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"^[^/\\]+\.(?:docx?|dotx?|pptx?|xlsx?|html?|od[tsp]|rtf|txt|md|tex|pdf)$", re.IGNORECASE
)


def _meta_title(title: str | None) -> str | None:
    """A PDF's own title, unless it only names the file it was converted from (then the
    uploaded file's name titles it, as for a PDF without one)."""
    title = (title or "").strip()
    if not title or _EXPORTED_FROM.match(title) or _FILE_NAME.match(title):
        return None
    return title


def _first_heading(markdown: str) -> str | None:
    match = re.search(r"^#{1,2}\s+(.+?)\s*#*\s*$", markdown, re.MULTILINE)
    return match.group(1).strip() if match else None


def heading_of_scan(text: str) -> str | None:
    """A scanned page's heading as OCR read it: the first text line, when it reads like
    one (capitals, or short and not a sentence running on), so a scan is titled by what it
    says ("KEPUTUSAN REKTOR ...") rather than by its file name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for n, line in enumerate(lines[:8]):
        letters = [c for c in line if c.isalpha()]
        words = re.findall(r"[^\W\d_]{2,}", line)
        if not (6 <= len(line) <= 120 and len(words) >= 2):
            continue
        if len(letters) < 0.6 * len(line.replace(" ", "")):
            continue  # a line of numbers, codes or OCR noise
        capitals = sum(c.isupper() for c in letters) >= 0.7 * len(letters)
        following = lines[n + 1] if n + 1 < len(lines) else ""
        runs_on = line.endswith(",") or following[:1].islower()  # a wrapped sentence
        if capitals or (len(line) <= 60 and not runs_on):
            return line.rstrip(" .:;,")
        return None  # the first text line is a sentence: no heading
    return None


def load_bytes(
    data: bytes,
    source: str,
    *,
    title: str | None = None,
    ocr: OcrEngine | None = None,
    max_ocr_pages: int = 200,
) -> LoadedDocument:
    """Parse one file's content; `source` names it (a path or a URL) and picks the format.
    `ocr` reads images and scanned PDF pages (at most `max_ocr_pages` of a PDF)."""
    kind = kind_of(source)
    try:
        if kind == "image":
            return _load_image(data, source, title, ocr)
        if kind == "pdf":
            return _load_pdf(data, source, title, ocr, max_ocr_pages)
        if kind == "pptx":
            return _load_slides(data, source, title)
        if kind == "xlsx":
            check_zip_size(data, "XLSX")
            text = xlsx_to_markdown(data)
        elif kind == "docx":
            text = _docx_to_markdown(data)
        elif kind == "html":
            text, html_title = _html_to_markdown(data)
            title = title or html_title
        elif kind == "csv":
            text = _csv_to_text(decode_text(data), tabs=source.lower().endswith(".tsv"))
        else:
            text = decode_text(data)
            if kind == "text":
                text = join_hyphenated(text)
    except (UnsupportedFormatError, DocumentParseError):
        raise
    except OcrError as exc:
        raise DocumentParseError(str(exc)) from exc
    except Exception as exc:  # parsers raise many types; the user needs one message
        raise DocumentParseError(f"could not parse {kind.upper()}: {exc}") from exc
    if not text.strip():
        raise DocumentParseError("the document has no text")
    heading = _first_heading(text) if kind != "text" else None
    return LoadedDocument(
        source=source,
        title=title or heading or _title_from_filename(source),
        kind=kind,
        text=text,
    )


def load_path(path: Path, *, source: str | None = None) -> LoadedDocument:
    return load_bytes(path.read_bytes(), source or str(path))


# A word hyphenated across a line break by a typesetter (manual pages, PDFs): "trun-"
# then "cated" on the next line. Joined, so no chunk or quote begins mid-word.
_HYPHENATED = re.compile(r"(\w)[-\u2010\u00ad]\n[ \t]*([a-z])")


def join_hyphenated(text: str) -> str:
    return _HYPHENATED.sub(r"\1\2", text)


# Control characters that text does not hold (tab, newlines and form feed it does).
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """Text files in the encodings people have: UTF-8 (with or without a BOM), UTF-16
    (with a BOM, as Windows writes "Unicode" text, or recognised by the zero bytes of
    ASCII letters on one side only), else Windows-1252, the legacy Western encoding (a
    superset of Latin-1 for printable text). Decoding UTF-16 blindly would turn Latin-1
    into CJK-looking noise and index it silently; zero bytes on both sides are a binary
    file's (DocumentParseError)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in data:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        if min(even, odd) * 10 > max(even, odd):
            raise DocumentParseError("the file is not text (UTF-8, UTF-16 or Windows-1252)")
        candidates = ("utf-16-le",) if odd > even else ("utf-16-be",)
    else:
        candidates = ("utf-8-sig", "cp1252", "latin-1")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A stray control character (a DOS end-of-file mark) is tolerated, as at upload.
        if len(_BINARY.findall(text)) <= max(1, len(text) / 100):
            return text
    raise DocumentParseError("the file is not text (UTF-8, UTF-16 or Windows-1252)")


def _load_pdf(
    data: bytes, source: str, title: str | None, ocr: OcrEngine | None, max_ocr_pages: int
) -> LoadedDocument:
    """Page by page: the text layer where it has text, else (a scanned page) OCR."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise DocumentParseError(
                f"the PDF has {len(reader.pages)} pages (limit {MAX_PDF_PAGES})"
            )
        pages = [
            (n, paragraphs(join_hyphenated(page.extract_text() or "")))
            for n, page in enumerate(reader.pages, 1)
        ]
        meta_title = _meta_title(reader.metadata.title if reader.metadata else None)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentParseError(f"could not parse PDF: {exc}") from exc
    scanned = [n for n, text in pages if len(text) < MIN_TEXT_LAYER_CHARS]
    confidences: list[float] = []
    if scanned and ocr is not None:
        if len(scanned) > max_ocr_pages:
            raise DocumentParseError(
                f"the PDF has {len(scanned)} scanned pages to read (limit {max_ocr_pages}, "
                "OCR_MAX_PAGES)"
            )
        read = _ocr_pdf_pages(data, scanned, ocr)
        confidences = [r.confidence for r in read.values() if r.text.strip()]
        pages = [(n, read[n].text.strip() if n in read else text) for n, text in pages]
    pages = [(n, text) for n, text in pages if text]
    if not pages:
        hint = "scanned images need OCR: install tesseract-ocr" if ocr is None else "none read"
        raise DocumentParseError(f"the PDF has no extractable text ({hint})")
    first_scanned = next((t for n, t in pages if n in scanned), None) if confidences else None
    heading = heading_of_scan(first_scanned) if first_scanned and pages[0][0] in scanned else None
    return LoadedDocument(
        source=source,
        title=title or meta_title or heading or _title_from_filename(source),
        kind="pdf",
        pages=pages,
        ocr_pages=len(confidences),
        ocr_confidence=_mean(confidences),
    )


def _ocr_pdf_pages(data: bytes, numbers: list[int], ocr: OcrEngine) -> dict[int, OcrText]:
    """The pages rendered at OCR_DPI (their pixel count checked first) and read."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        read = {}
        for number in numbers:
            page = document[number - 1]
            width, height = page.get_size()  # points: 1/72 inch
            scale = OCR_DPI / 72
            opened_size = int(width * scale) * int(height * scale)
            max_pixels = getattr(ocr, "max_pixels", 40_000_000)
            if opened_size > max_pixels:
                raise DocumentParseError(
                    f"page {number} would be {opened_size} pixels at {OCR_DPI} dpi "
                    f"(limit {max_pixels})"
                )
            image = page.render(scale=scale, grayscale=True).to_pil()
            read[number] = ocr.read(image)
            page.close()
        return read
    finally:
        document.close()


def _load_image(
    data: bytes, source: str, title: str | None, ocr: OcrEngine | None
) -> LoadedDocument:
    if ocr is None:
        raise DocumentParseError("images are read by OCR: install tesseract-ocr")
    read = ocr.read(data)
    text = read.text.strip()
    if not text:
        raise DocumentParseError("no text was found in the image")
    return LoadedDocument(
        source=source,
        title=title or heading_of_scan(text) or _title_from_filename(source),
        kind="image",
        pages=[(1, text)],
        ocr_pages=1,
        ocr_confidence=round(read.confidence, 4),
    )


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _load_slides(data: bytes, source: str, title: str | None) -> LoadedDocument:
    check_zip_size(data, "PPTX")
    pages = pptx_pages(data)
    if not pages:
        raise DocumentParseError("the slides hold no text")
    first = pages[0][1].strip().splitlines()[0] if pages[0][1].strip() else None
    return LoadedDocument(
        source=source,
        title=title or (first[:200] if first else None) or _title_from_filename(source),
        kind="pptx",
        pages=pages,
    )


def _html_to_markdown(data: bytes) -> tuple[str, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "noscript", "template"]):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for br in soup.find_all("br"):  # a line break stays one ("<b>Horario</b><br>De lunes...")
        br.replace_with(_LINE_BREAK)
    lines: list[str] = []
    body = soup.body or soup
    headings = ["h1", "h2", "h3", "h4", "h5", "h6"]
    blocks = [*headings, "p", "li", "pre", "td", "table", "blockquote", "dt", "dd",
              "figcaption", "address", "caption", "summary"]  # fmt: skip
    # Containers whose text is in no block of its own ("<div>Las citas se cobran.</div>"):
    # read when they hold no block, else their blocks speak for them.
    containers = ["div", "section", "article", "main", "aside", "center"]
    read = blocks + containers
    data_tables: dict[int, bool] = {}  # judged once a table, not once a cell

    def is_data_table(table: Any) -> bool:
        if id(table) not in data_tables:
            data_tables[id(table)] = _is_data_table(table)
        return data_tables[id(table)]

    for element in body.find_all(read):
        if element.name in containers and (element.find(read) or element.find_parent(blocks)):
            continue
        table = element.find_parent("table")
        if table is not None and is_data_table(table):
            continue  # the table contributed it, row by row
        if element.name == "table":
            if is_data_table(element):
                rows = [
                    [_cell_text(cell) for cell in row.find_all(["th", "td"])]
                    for row in element.find_all("tr")
                ]
                lines.extend(f"{line}\n" for line in table_lines(rows))
            continue
        if element.name == "td" and element.find(blocks):
            continue  # a cell of a laid-out page: its blocks speak for themselves
        if element.find_parent(["li", "blockquote", "dd"]) and element.name == "p":
            continue  # its container already contributed the text
        text = _BROKEN_LINE.sub("\n", element.get_text(" ", strip=True))
        # "se <b>cobran</b>." reads "se cobran ." from get_text: the mark goes back
        text = _SPACED_MARK.sub(r"\1", text).strip()
        if not text:
            continue
        if element.name in headings:
            level = min(int(element.name[1]), 4)  # the chunker splits at four levels
            lines.append(f"\n{'#' * level} {' '.join(text.split())}\n")
        elif element.name == "li":
            lines.append(f"{_item_marker(element)} {text}")
        else:
            lines.append(text + "\n")
    return "\n".join(_list_ends(lines)).strip(), title or None


def _item_marker(item: Any) -> str:
    """ "N." for an item of an ordered list (its place there, from its start), else "-"."""
    parent = item.parent
    if parent is None or parent.name != "ol":
        return "-"
    try:
        start = int(parent.get("start", 1))
    except ValueError:
        start = 1
    return f"{start + len(item.find_previous_siblings('li'))}."


_LINE_BREAK = "\ue000"  # a <br>, kept through get_text (which strips real newlines)
_BROKEN_LINE = re.compile(r"\s*\ue000\s*")
# A space get_text put between an inline tag's words and the mark after it.
_SPACED_MARK = re.compile(r"[ \t]+([.,;:!?)\]])(?=\s|$)")


def _cell_text(cell: Any) -> str:
    """A table cell's text on one line, a mark after an inline tag kept in its place."""
    text = " ".join(cell.get_text(" ", strip=True).replace(_LINE_BREAK, " ").split())
    return _SPACED_MARK.sub(r"\1", text)


def _is_data_table(table: Any) -> bool:
    """A table of values, not a page laid out in a table (headings, lists or tables in
    its cells): those keep their blocks, cell by cell."""
    return table.find(["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"]) is None


def check_docx_size(data: bytes) -> None:
    check_zip_size(data, "DOCX")


def check_zip_size(data: bytes, kind: str) -> None:
    """Refuse an Office file (a ZIP of XML parts) whose parts would expand beyond the
    limits, before parsing it."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as exc:
        raise DocumentParseError(f"could not parse {kind}: not a ZIP archive") from exc
    if len(entries) > MAX_DOCX_ENTRIES:
        raise DocumentParseError(f"the {kind} has {len(entries)} parts (limit {MAX_DOCX_ENTRIES})")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_DOCX_TOTAL_BYTES:
        raise DocumentParseError(
            f"the {kind} expands to {total} bytes (limit {MAX_DOCX_TOTAL_BYTES})"
        )
    for entry in entries:
        if entry.file_size > MAX_DOCX_PART_BYTES:
            raise DocumentParseError(
                f"the {kind} part {entry.filename} expands to {entry.file_size} bytes "
                f"(limit {MAX_DOCX_PART_BYTES})"
            )
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise DocumentParseError(
                f"the {kind} part {entry.filename} is compressed {ratio:.0f} times "
                f"(limit {MAX_COMPRESSION_RATIO}): refused as a decompression bomb"
            )


def _docx_to_markdown(data: bytes) -> str:
    import docx
    from docx.table import Table

    check_docx_size(data)
    document = docx.Document(io.BytesIO(data))
    markers = ListMarkers(document)
    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables, in order
        if isinstance(block, Table):
            lines.extend(f"{line}\n" for line in table_lines(_docx_rows(block)))
            continue
        paragraph = block
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = re.match(r"Heading (\d)", style)
        if style == "Title":
            lines.append(f"# {text}\n")
        elif level:
            lines.append(f"{'#' * min(int(level.group(1)) + 1, 4)} {text}\n")
        elif marker := markers.marker(paragraph):
            lines.append(f"{marker} {' '.join(text.split())}")
        else:
            lines.append(text + "\n")
    return "\n".join(_list_ends(lines))


def _list_ends(lines: list[str]) -> list[str]:
    """The lines with a blank one after each list's last item (`_ITEM` lines, the others
    end with a line break of their own): a line right after an item is, to Markdown,
    the item's wrapped line."""
    spaced: list[str] = []
    for line in lines:
        if spaced and _ITEM.match(spaced[-1]) and not _ITEM.match(line):
            spaced.append("")
        spaced.append(line)
    return spaced


_ITEM = re.compile(r"(?:-|\d+\.) (?!.*\n$)")


def _csv_to_text(text: str, *, tabs: bool) -> str:
    """A spreadsheet export (an FAQ, a price list): one line a row, as a table reads."""
    delimiter = "\t" if tabs else _csv_delimiter(text)
    rows = [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    return "\n\n".join(table_lines(rows))


def _csv_delimiter(text: str) -> str:
    """Comma, or the semicolon that spreadsheets use where the comma is a decimal mark."""
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _docx_rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell comes back once per column it spans
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell.text.strip())
        rows.append(cells)
    return rows
