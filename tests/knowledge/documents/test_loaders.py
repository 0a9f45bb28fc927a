"""Each supported format parses into titled, structured text; bad files say why."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from knowledge.documents.chunking import Chunker
from knowledge.documents.loaders import (
    DocumentParseError,
    UnsupportedFormatError,
    load_bytes,
    load_path,
)
from knowledge.documents.sentences import list_of, split_sentences
from tests.knowledge.files import docx_bomb, pdf_bytes, write_samples

SCOPE = {"org_id": "org_test", "kb_id": "kb_test"}


@pytest.fixture
def samples(tmp_path: Path) -> dict[str, Path]:
    return write_samples(tmp_path)


def test_markdown_keeps_title_and_sections(samples: dict[str, Path]) -> None:
    document = load_path(samples["markdown"])
    chunks = Chunker(chunk_size=200, chunk_overlap=20).split(document, **SCOPE)
    assert document.title == "Greenhouse manual"
    assert {c.section for c in chunks} == {"Watering", "Heating"}
    assert any("tomato seedlings" in c.text for c in chunks)


def test_plain_text(samples: dict[str, Path]) -> None:
    document = load_path(samples["text"])
    assert document.title == "Notes" and "tractor key" in document.text


def test_html_drops_scripts_and_navigation(samples: dict[str, Path]) -> None:
    document = load_path(samples["html"])
    chunks = Chunker(chunk_size=500, chunk_overlap=50).split(document, **SCOPE)
    assert document.title == "Beekeeping guide"
    assert "extension 4417" in chunks[0].text and chunks[0].section == "Swarms"
    assert "var x" not in document.text and "menu" not in document.text


def test_pdf_keeps_pages(samples: dict[str, Path]) -> None:
    document = load_path(samples["pdf"])
    chunks = Chunker(chunk_size=500, chunk_overlap=50).split(document, **SCOPE)
    assert [c.page for c in chunks] == [1, 2]
    assert "pear trees" in chunks[0].text and "north rows" in chunks[1].text


def test_docx_headings_become_sections(samples: dict[str, Path]) -> None:
    document = load_path(samples["docx"])
    chunks = Chunker(chunk_size=500, chunk_overlap=50).split(document, **SCOPE)
    assert document.title == "Compost handbook"
    assert chunks[0].section == "Turning" and "two weeks" in chunks[0].text


@pytest.mark.parametrize(
    ("written", "encoding"),
    [
        ("Le café coûte 2 €, la fête a lieu en août.", "cp1252"),
        ("Grüße aus München", "latin-1"),
        ("naïve café", "utf-16"),  # with a BOM
        ("naïve café", "utf-16-le"),  # without one
        ("naïve café", "utf-16-be"),
        ("naïve café ✓", "utf-8-sig"),
    ],
)
def test_text_in_legacy_encodings_reads_as_written(written: str, encoding: str) -> None:
    """A Latin-1 file used to pass as UTF-16 and be indexed as CJK-looking noise."""
    assert load_bytes(written.encode(encoding), "notes.txt").text == written


def test_zero_bytes_on_both_sides_are_a_binary_file_not_utf16() -> None:
    """Without a byte-order mark, UTF-16 is told by the zero bytes of its ASCII letters,
    all on one side; a picture renamed .txt has them on both, and is refused, not
    indexed as noise."""
    picture = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00" * 30
    with pytest.raises(DocumentParseError, match="not text"):
        load_bytes(picture, "notes.txt")


def _docx_with_table() -> bytes:
    document = docx.Document()
    document.add_heading("Warranty policy", 1)
    document.add_paragraph("Every widget carries a warranty of 36 months.")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows, [("Model", "Warranty"), ("W-100", "48 months"), ("W-200", "")], strict=True
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("Claims go to the service desk.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_tables_stay_in_place_as_rows_that_read_as_sentences() -> None:
    text = load_bytes(_docx_with_table(), "policy.docx").text
    assert "Model: W-100; Warranty: 48 months." in split_sentences(text)
    assert text.index("36 months") < text.index("W-100") < text.index("service desk")
    assert "Model: W-200.\n" in text  # an empty cell is left out, not "Warranty: "


def _docx_with_lists() -> bytes:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("To claim an expense, follow these steps:")
    for step in ("Keep the original receipt.", "Upload a photo of it.", "Wait for approval."):
        document.add_paragraph(step, style="List Number")
    document.add_paragraph("Receipts accepted:")
    for kind in ("Paper", "PDF"):
        document.add_paragraph(kind, style="List Bullet")
    # Word's own way: "List Paragraph", the numbering given to the paragraph itself.
    word_item = document.add_paragraph("Ask your manager first.", style="List Paragraph")
    numbering = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", "0"), ("w:numId", "6")):  # a decimal list of the template
        child = OxmlElement(name)
        child.set(qn("w:val"), value)
        numbering.append(child)
    word_item._p.get_or_add_pPr().append(numbering)
    document.add_paragraph("Payment follows with the next salary.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_lists_keep_their_numbers_and_bullets_and_end_before_the_next_paragraph() -> None:
    """python-docx's text leaves a list's numbers out: the steps read as three paragraphs,
    and a paragraph right after a list read, to Markdown, as its last item's wrapped line."""
    text = load_bytes(_docx_with_lists(), "claims.docx").text
    assert (
        "follow these steps:\n\n1. Keep the original receipt.\n2. Upload a photo of it.\n"
        "3. Wait for approval.\n\nReceipts accepted:\n\n- Paper\n- PDF\n"
        "1. Ask your manager first.\n\nPayment follows"
    ) in text, text
    receipts = list_of("Receipts accepted:", text)  # two lists, one after the other
    assert receipts is not None and receipts.items == ("- Paper", "- PDF")


def test_html_ordered_lists_are_numbered_and_end_before_the_next_paragraph() -> None:
    html = b"""<p>To claim an expense, follow these steps:</p>
    <ol start="2"><li>Keep the <b>original</b> receipt.</li><li>Upload a photo of it.</li></ol>
    <p>Payment follows with the next salary.</p><ul><li>Paper</li></ul>"""
    text = load_bytes(html, "claims.html").text
    assert text == (
        "To claim an expense, follow these steps:\n\n2. Keep the original receipt.\n"
        "3. Upload a photo of it.\n\nPayment follows with the next salary.\n\n- Paper"
    ), text
    assert "Upload a photo of it." in split_sentences(text)


def test_html_tables_keep_each_row_together() -> None:
    html = b"""<h2>Prices</h2><table><tr><th>Plan</th><th>Price</th></tr>
    <tr><td>Basic</td><td><p>10 EUR a <b>month</b>, VAT <i>included</i>.</p></td></tr>
    <tr><td colspan="2">All prices include VAT</td></tr></table>"""
    text = load_bytes(html, "prices.html").text
    assert "Plan: Basic; Price: 10 EUR a month, VAT included." in split_sentences(text)
    assert "All prices include VAT" in text and text.count("10 EUR") == 1


def test_html_text_outside_paragraphs_is_read_once_and_line_breaks_stay() -> None:
    """Text in a <div> with no paragraph in it, a definition list and an <h5> were left
    out; a <br> joined "Horario de atención" to the hours under it."""
    html = """<html><body><main><h1>Preguntas</h1>
    <p><b>Horario de atención</b><br>De lunes a viernes de 9:00 a 14:00.</p>
    <dl><dt>¿Aceptan tarjeta?</dt><dd><p>Sí, aceptamos tarjeta y efectivo.</p></dd></dl>
    <div class="note">Las citas canceladas con menos de 24 horas se <b>cobran</b>.</div>
    <h5>Aviso legal</h5><div><div>Clínica Dental Levante S.L.</div></div>
    <table><tr><th>Día</th><th>Horario</th></tr><tr><td>Lunes</td><td>9:00<br>14:00</td></tr></table>
    </main></body></html>""".encode()
    document = load_bytes(html, "faq.html")
    for text in (
        "Sí, aceptamos tarjeta y efectivo.", "¿Aceptan tarjeta?",
        "Las citas canceladas con menos de 24 horas se cobran.", "Clínica Dental Levante S.L.",
        "Día: Lunes; Horario: 9:00 14:00.",
    ):  # fmt: skip
        assert document.text.count(text) == 1, (text, document.text)
    chunks = Chunker(chunk_size=1000, chunk_overlap=100).split(document, **SCOPE)
    sections = {c.section: split_sentences(c.text) for c in chunks}
    assert sections["Horario de atención"] == ["De lunes a viernes de 9:00 a 14:00."], sections
    assert sections["¿Aceptan tarjeta?"][0] == "Sí, aceptamos tarjeta y efectivo.", sections
    assert "Aviso legal" in sections


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("faq.csv", b'question,answer\nIs there parking?,"Yes, free, behind the shop."\n'),
        ("faq.tsv", b"question\tanswer\nIs there parking?\tYes, free, behind the shop.\n"),
        (
            "faq.csv",
            "question;answer\nIs there parking?;Yes, free, behind the shop.\n".encode("cp1252"),
        ),
    ],
)
def test_csv_rows_read_with_their_column_names(name: str, data: bytes) -> None:
    """Under a lowercase header too, each row begins as a sentence does, so the answerer
    can quote it (it leaves out what reads as the tail of a cut sentence)."""
    document = load_bytes(data, name)
    assert document.title == "Faq"
    row = "Question: Is there parking?; answer: Yes, free, behind the shop."
    assert document.text == row and split_sentences(document.text) == [row]


def test_a_page_laid_out_in_a_table_keeps_its_headings_and_paragraphs() -> None:
    html = b"""<html><body><table><tr>
    <td><h2>Menu</h2><ul><li>Home page link</li></ul></td>
    <td><h1>Opening hours</h1><p>The shop is open from nine to five on weekdays.</p></td>
    </tr></table></body></html>"""
    document = load_bytes(html, "layout.html")
    chunks = Chunker(chunk_size=500, chunk_overlap=50).split(document, **SCOPE)
    hours = [c for c in chunks if "nine to five" in c.text]
    assert len(hours) == 1 and hours[0].section == "Opening hours"
    assert document.text.count("nine to five") == 1


def test_unsupported_type_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="unsupported file type .exe"):
        load_bytes(b"MZ", "setup.exe")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4 this is not a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "DOCX"),
        ("empty.md", b"   \n", "no text"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe", "text"),
    ],
)
def test_bad_files_say_why(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentParseError, match=reason):
        load_bytes(data, name)


def test_chunks_carry_their_payload(samples: dict[str, Path]) -> None:
    chunk = Chunker(chunk_size=500, chunk_overlap=50).split(
        load_path(samples["markdown"]), **SCOPE
    )[0]
    payload = chunk.payload()
    assert (payload["org_id"], payload["kb_id"]) == ("org_test", "kb_test")
    meta = payload["metadata"]
    assert set(meta) == {
        "source",
        "document_id",
        "kb_id",
        "title",
        "section",
        "page",
        "chunk_index",
        "content_hash",
    }
    assert (
        chunk.point_id
        == Chunker(chunk_size=500, chunk_overlap=50)
        .split(load_path(samples["markdown"]), **SCOPE)[0]
        .point_id
    )  # ids are derived from source + content, so stable


def test_a_docx_that_expands_too_far_is_refused_before_parsing() -> None:
    bomb = docx_bomb()
    assert len(bomb) < 100_000  # small on the wire ...
    # ... refused by the size check (which names the part), before the XML parser runs.
    with pytest.raises(DocumentParseError, match="part word/document.xml expands"):
        load_bytes(bomb, "bomb.docx")


def test_a_pdf_with_too_many_pages_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("knowledge.documents.loaders.MAX_PDF_PAGES", 2)
    with pytest.raises(DocumentParseError, match="3 pages"):
        load_bytes(pdf_bytes(["one", "two", "three"]), "long.pdf")
    assert load_bytes(pdf_bytes(["one", "two"]), "short.pdf").pages


# A page as a word processor prints it: a title, prose wrapped at the page's width, a
# heading, a table's rows and an address broken after a comma.
GUIDE_PAGE = """Academia Lingua: student guide 2027
The office is on the second floor of the main building and is open from Monday to
Friday, nine to two. The academic director is Mr. Thomas Erquicia.
Enrolment
Enrolment in the yearly course costs 120 euros and is paid once. Students who enrol
before 30 June get a discount of ten per cent. Classes begin on 15 September.
Prices by level
Level Hours a week Monthly price
A1 4 85 euros
B2 6 110 euros
Post is sent to Academia Lingua, Avenida de la Constitucion 14,
28012 Madrid, Spain."""


def test_a_pdf_page_is_read_as_paragraphs_not_one_run_of_lines() -> None:
    """pypdf gives a page as lines: a heading or a table row ran into the paragraph after
    it and was quoted with it. Wrapped lines are joined, lines that end their text are
    paragraphs of their own."""
    [(_, text)] = load_bytes(pdf_bytes([GUIDE_PAGE]), "guide.pdf").pages
    sentences = split_sentences(text)
    assert "Enrolment in the yearly course costs 120 euros and is paid once." in sentences
    assert (
        "The office is on the second floor of the main building and is open from Monday to "
        "Friday, nine to two." in sentences
    )
    assert "B2 6 110 euros" in sentences
    assert (
        "Post is sent to Academia Lingua, Avenida de la Constitucion 14, 28012 Madrid, Spain."
        in sentences
    )
    assert not [s for s in sentences if "Enrolment" in s and "director" in s]
    assert not [s for s in sentences if "Prices by level" in s or "euros Post" in s]


@pytest.mark.parametrize(
    ("own", "expected"),
    [
        ("Guía del alumno 2027", "Guía del alumno 2027"),
        ("Microsoft Word - Reglamento_v3.docx", "Reglamento interno"),
        ("guia.html", "Reglamento interno"),  # a browser's print of a page without a title
        (None, "Reglamento interno"),
    ],
)
def test_a_pdf_is_titled_by_its_own_title_unless_that_only_names_a_file(
    own: str | None, expected: str
) -> None:
    page = "The office opens at nine on weekdays and closes at two in the afternoon."
    loaded = load_bytes(pdf_bytes([page], title=own), "reglamento_interno.pdf")
    assert loaded.title == expected
