"""Real documents of each supported format, made by the tests."""

from __future__ import annotations

import io
from pathlib import Path

import docx


def pdf_bytes(pages: list[str], *, title: str | None = None) -> bytes:
    """A minimal valid PDF of Helvetica text, a page for each string, a line for each of
    its lines (Windows-1252 characters), with `title` in its document information."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    font_ref = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, text in enumerate(pages):
        shown = " T* ".join(f"({_pdf_string(line)}) Tj" for line in text.split("\n"))
        content = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({_pdf_string(title)}) >>".encode("cp1252"))
        info = f" /Info {len(objects)} 0 R"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pptx_bytes(slides: list[tuple[str, list[str]]]) -> bytes:
    """A deck of title-and-content slides: each slide's title and its bullets."""
    from pptx import Presentation

    deck = Presentation()
    for title, bullets in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        body.text = bullets[0]
        for bullet in bullets[1:]:
            body.add_paragraph().text = bullet
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def docx_bytes(title: str, sections: dict[str, str]) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=0)
    for heading, text in sections.items():
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_samples(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "markdown": folder / "greenhouse.md",
        "text": folder / "notes.txt",
        "html": folder / "beekeeping.html",
        "pdf": folder / "orchard.pdf",
        "docx": folder / "compost.docx",
    }
    files["markdown"].write_text(
        "# Greenhouse manual\n\n## Watering\n\nWater the tomato seedlings every morning "
        "before nine. Use rain water from the blue tank.\n\n## Heating\n\nThe heater switches "
        "on below eight degrees Celsius.\n"
    )
    files["text"].write_text("Shift notes. The tractor key hangs in the red cabinet by the door.\n")
    files["html"].write_bytes(
        b"<html><head><title>Beekeeping guide</title><script>var x=1;</script></head><body>"
        b"<h1>Beekeeping guide</h1><h2>Swarms</h2><p>Swarms leave the hive in late spring; "
        b"call the beekeeper on duty at extension 4417.</p><nav>menu</nav></body></html>"
    )
    files["pdf"].write_bytes(
        pdf_bytes(
            [
                "Orchard plan: the pear trees are pruned in February.",
                "Apples are harvested from the north rows first.",
            ]
        )  # fmt: skip
    )
    files["docx"].write_bytes(
        docx_bytes("Compost handbook", {"Turning": "Turn the compost heap every two weeks."})
    )
    return files


def docx_bomb(expanded_bytes: int = 12 * 1024 * 1024) -> bytes:
    """A small DOCX whose document part expands to `expanded_bytes` of XML."""
    import zipfile

    paragraph = b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>"
    body = paragraph * (expanded_bytes // len(paragraph))
    xml = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()
