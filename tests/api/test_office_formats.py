"""Spreadsheets (XLSX) and slide decks (PPTX) in the knowledge base: made here with
openpyxl and python-pptx, read by the loaders, answered with the slide cited."""

from __future__ import annotations

import io
import zipfile

import pytest
from flask import Flask
from openpyxl import Workbook
from pptx import Presentation
from pptx.util import Inches

from knowledge.documents.loaders import DocumentParseError, load_bytes
from tests.api.platform_helpers import create_org, key_header, ok


def workbook() -> bytes:
    book = Workbook()
    prices = book.active
    prices.title = "Prices"
    prices.append(["Model", "Warranty", "Price"])
    prices.append(["W-100", "48 months", 1200])
    prices.append(["W-200", "24 months", 800.0])
    prices.append([None, None, None, None, None])
    stock = book.create_sheet("Stock")
    stock.append(["Model", "Units"])
    stock.append(["W-100", 7])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def deck() -> bytes:
    slides = Presentation()
    first = slides.slides.add_slide(slides.slide_layouts[0])
    first.shapes.title.text = "Quarterly review"
    first.placeholders[1].text = "Operations team, third quarter"
    second = slides.slides.add_slide(slides.slide_layouts[5])
    second.shapes.title.text = "Maintenance"
    box = second.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
    box.text_frame.text = "Pumps are inspected every ninety days by the north crew."
    second.notes_slide.notes_text_frame.text = "Mention the new inspection checklist."
    third = slides.slides.add_slide(slides.slide_layouts[5])
    third.shapes.title.text = "Budget"
    table = third.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(4), Inches(1)).table
    for (r, c), text in {(0, 0): "Item", (0, 1): "Cost", (1, 0): "Spare seals",
                         (1, 1): "3,400 EUR"}.items():  # fmt: skip
        table.cell(r, c).text = text
    out = io.BytesIO()
    slides.save(out)
    return out.getvalue()


def test_a_workbook_reads_as_rows_under_their_headers() -> None:
    document = load_bytes(workbook(), "catalogue.xlsx")
    assert "## Prices" in document.text and "## Stock" in document.text
    assert "Model: W-100; Warranty: 48 months; Price: 1200." in document.text
    assert "Model: W-200; Warranty: 24 months; Price: 800." in document.text
    assert "Model: W-100; Units: 7." in document.text


def test_a_deck_reads_slide_by_slide_with_tables_and_notes() -> None:
    document = load_bytes(deck(), "review.pptx")
    assert document.title == "Quarterly review"
    pages = dict(document.pages)
    assert set(pages) == {1, 2, 3}
    assert "ninety days" in pages[2] and "inspection checklist" in pages[2]
    assert "Item: Spare seals; Cost: 3,400 EUR." in pages[3]


def test_a_damaged_or_bloated_office_file_is_refused_with_a_reason() -> None:
    with pytest.raises(DocumentParseError, match="not a ZIP archive"):
        load_bytes(b"PK\x03\x04 not really", "broken.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/slides/slide1.xml", b" " * (9 * 1024 * 1024))
    with pytest.raises(DocumentParseError, match="expands to"):
        load_bytes(bomb.getvalue(), "bomb.pptx")


def test_a_slide_deck_is_answered_with_its_slide_cited(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Ops")
    kb = org.kb("decks")
    for name, content in (("review.pptx", deck()), ("catalogue.xlsx", workbook())):
        accepted = ok(client.post(f"/v1/knowledge-bases/{kb}/documents", headers=org.admin,
                                  content_type="multipart/form-data",
                                  data={"file": (io.BytesIO(content), name)}), 202)  # fmt: skip
        assert org.wait("decks", accepted["jobs"][0]["document_id"])["status"] == "completed"
    assistant = org.assistant("ops", ["decks"])
    key = {**key_header(org.key("chat")), "X-Assistant-Id": assistant}
    reply = ok(client.post("/v1/chat", json={"message": "How often are pumps inspected?"},
                           headers={**key, "X-Conversation-Id": "d1"}))  # fmt: skip
    assert "ninety days" in reply["answer"]
    assert reply["citations"][0]["source"] == "review.pptx"
    assert reply["citations"][0]["page"] == 2
    priced = ok(client.post("/v1/chat", json={"message": "What is the warranty of the W-100?"},
                            headers={**key, "X-Conversation-Id": "d2"}))  # fmt: skip
    assert "48 months" in priced["answer"]
