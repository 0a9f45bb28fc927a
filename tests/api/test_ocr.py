"""Scans and photos in the knowledge base: text rendered to images here (as a scanner
gives it), read by Tesseract, answered with the right page cited; a PDF mixing text
pages and scanned pages read page by page; images too large refused before decoding."""

from __future__ import annotations

import io

from flask import Flask
from PIL import Image
from pypdf import PdfReader, PdfWriter

from bench.scans import pdf_of_images, png_bytes, scanned_page
from knowledge.documents.loaders import DocumentParseError, load_bytes
from knowledge.documents.ocr import TesseractEngine
from tests.api.platform_helpers import Org, create_org, key_header, ok
from tests.knowledge.files import pdf_bytes

NOTICE = [
    "Notice to all staff: the north gate closes at seven in the evening from Monday "
    "to Friday. Deliveries after that time go to the south gate."
]
SPANISH = [
    ["Manual de mantenimiento. Las bombas se inspeccionan cada noventa días."],
    ["Las válvulas del edificio norte se cambian cada dos años por el equipo técnico."],
]


def upload(org: Org, kb: str, name: str, content: bytes) -> dict:
    accepted = ok(org.client.post(f"/v1/knowledge-bases/{org.kbs[kb]}/documents",
                                  headers=org.admin, content_type="multipart/form-data",
                                  data={"file": (io.BytesIO(content), name)}), 202)  # fmt: skip
    return org.wait(kb, accepted["jobs"][0]["document_id"])


def ask(org: Org, assistant: str, key: dict, question: str, conversation: str) -> dict:
    headers = {**key, "X-Assistant-Id": assistant, "X-Conversation-Id": conversation}
    return ok(org.client.post("/v1/chat", json={"message": question}, headers=headers))


def test_a_photo_and_a_scanned_spanish_pdf_are_answered_with_their_pages(
    platform: Flask,
) -> None:
    client = platform.test_client()
    org = create_org(client, "Plant")
    org.kb("scans")
    photo = upload(org, "scans", "notice.png", png_bytes(scanned_page(NOTICE, seed=1)))
    assert photo["status"] == "completed", photo
    assert photo["ocr_pages"] == 1 and photo["ocr_confidence"] > 0.8
    manual = pdf_of_images([scanned_page(p, seed=n) for n, p in enumerate(SPANISH)])
    assert all(
        not (page.extract_text() or "").strip() for page in PdfReader(io.BytesIO(manual)).pages
    )
    scanned = upload(org, "scans", "manual.pdf", manual)
    assert scanned["status"] == "completed" and scanned["ocr_pages"] == 2
    assistant = org.assistant("helper", ["scans"])
    key = key_header(org.key("chat"))
    gate = ask(org, assistant, key, "When does the north gate close?", "o1")
    assert "seven in the evening" in gate["answer"]
    assert gate["citations"][0]["source"] == "notice.png"
    valves = ask(org, assistant, key, "¿Cada cuánto se cambian las válvulas?", "o2")
    assert "dos años" in valves["answer"]
    assert (valves["citations"][0]["source"], valves["citations"][0]["page"]) == ("manual.pdf", 2)


def test_a_pdf_mixing_text_and_scanned_pages_is_read_page_by_page() -> None:
    writer = PdfWriter()
    typed = PdfReader(io.BytesIO(pdf_bytes(["The boiler is serviced every spring."])))
    scan = PdfReader(io.BytesIO(pdf_of_images([scanned_page(NOTICE, seed=3)])))
    writer.add_page(typed.pages[0])
    writer.add_page(scan.pages[0])
    mixed = io.BytesIO()
    writer.write(mixed)
    document = load_bytes(mixed.getvalue(), "mixed.pdf", ocr=TesseractEngine(("eng",)))
    pages = dict(document.pages)
    assert pages[1] == "The boiler is serviced every spring."  # its text layer, as written
    assert "north gate closes at seven" in " ".join(pages[2].split())
    assert document.ocr_pages == 1 and document.ocr_confidence > 0.8
    try:
        load_bytes(mixed.getvalue(), "mixed.pdf", ocr=TesseractEngine(("eng",)), max_ocr_pages=0)
    except DocumentParseError as exc:
        assert "OCR_MAX_PAGES" in str(exc)
    else:
        raise AssertionError("a PDF over the OCR page limit was read")


def test_an_image_too_large_is_refused_before_it_is_decoded(platform: Flask) -> None:
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000), 1).save(bomb, format="PNG")  # ~400 megapixels
    assert len(bomb.getvalue()) < 200_000
    client = platform.test_client()
    org = create_org(client, "Plant")
    org.kb("scans")
    failed = upload(org, "scans", "bomb.png", bomb.getvalue())
    assert failed["status"] == "failed" and "OCR_MAX_PIXELS" in failed["error"]
    broken = upload(org, "scans", "broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert broken["status"] == "failed" and "not an image" in broken["error"]
    refused = client.post(f"/v1/knowledge-bases/{org.kbs['scans']}/documents", headers=org.admin,
                          content_type="multipart/form-data",
                          data={"file": (io.BytesIO(b"hello"), "fake.jpg")})  # fmt: skip
    assert refused.status_code == 415


def test_the_pixel_limit_is_the_operators_not_pillows() -> None:
    large = io.BytesIO()
    Image.new("1", (10_000, 5_000), 1).save(large, format="PNG")  # 50 Mpx: Pillow allows it
    try:
        load_bytes(large.getvalue(), "plan.png", ocr=TesseractEngine(("eng",)))
    except DocumentParseError as exc:
        assert "10000x5000" in str(exc) and "OCR_MAX_PIXELS" in str(exc)
    else:
        raise AssertionError("an image over OCR_MAX_PIXELS was read")


def test_scans_are_read_in_the_knowledge_bases_languages(platform: Flask) -> None:
    client = platform.test_client()
    org = create_org(client, "Plant")
    created = ok(
        client.post(
            "/v1/knowledge-bases",
            headers=org.admin,
            json={"name": "es", "metadata": {"languages": ["es", "xx"]}},
        ),
        201,
    )
    org.kbs["es"] = created["id"]
    accepted = ok(client.post(f"/v1/knowledge-bases/{created['id']}/documents",
                              headers=org.admin, content_type="multipart/form-data",
                              data={"file": (io.BytesIO(png_bytes(scanned_page(SPANISH[1]))),
                                             "valvulas.png")}), 202)  # fmt: skip
    job = accepted["jobs"][0]
    assert org.wait("es", job["document_id"])["status"] == "completed"
    stored = platform.extensions["services"]().jobs.store.get(job["job_id"])
    assert stored["languages"] == ["es"]
    assert TesseractEngine(("eng",)).for_languages(["es", "id"]).languages == ("spa", "ind")


def test_a_sentence_wrapped_on_the_page_is_read_as_one() -> None:
    long = ("The spare pumps are kept in the basement of the north building, next to the "
            "boiler room, and the key is held by the shift supervisor on duty.")  # fmt: skip
    read = TesseractEngine(("eng",)).read(scanned_page([long, "Second paragraph here."]))
    first, second = read.text.split("\n\n")
    assert "\n" not in first and " ".join(first.split()) == long
    assert second == "Second paragraph here."


def test_a_scan_is_titled_by_the_heading_ocr_read_not_its_file_name() -> None:
    engine = TesseractEngine(languages=("ind", "eng"))
    decree = [
        "KEPUTUSAN REKTOR INSTITUT TEKNOLOGI",
        "Mahasiswa baru wajib mengikuti orientasi kampus pada minggu pertama bulan Agustus.",
    ]
    photo = load_bytes(png_bytes(scanned_page(decree, seed=3)), "scan_0042.png", ocr=engine)
    assert photo.title == "KEPUTUSAN REKTOR INSTITUT TEKNOLOGI"
    scanned = load_bytes(pdf_of_images([scanned_page(decree, seed=4)]), "IMG_7781.pdf",
                         ocr=engine)  # fmt: skip
    assert scanned.title == "KEPUTUSAN REKTOR INSTITUT TEKNOLOGI"
    # A title given at upload still wins; a scan with no heading keeps its file name.
    given = load_bytes(png_bytes(scanned_page(decree, seed=3)), "scan.png", ocr=engine,
                       title="SK Orientasi")  # fmt: skip
    assert given.title == "SK Orientasi"
    notice = load_bytes(png_bytes(scanned_page(NOTICE, seed=1)), "notice_scan.png", ocr=engine)
    assert notice.title == "Notice scan"  # its first line is a sentence, not a heading
