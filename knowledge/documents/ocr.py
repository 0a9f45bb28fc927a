"""Text read from images: photos of notices, scanned pages, PDF pages without a text
layer, by Tesseract 5 (Debian's tesseract-ocr with the eng, spa and ind packs), offline.
Chosen over RapidOCR (PP-OCRv6 small, its models in its wheel) on the same generated
scans: character accuracy 0.998 against 0.954, 0.47 pages/s against 0.21
(bench/ocr.py, docs/benchmarks.md).

An image's size is read from its header and refused over OCR_MAX_PIXELS before it is
decoded (a small PNG can claim gigapixels: a decompression bomb).
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import subprocess
from dataclasses import dataclass
from typing import Protocol

from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
                  ".tiff": "image", ".webp": "image"}  # fmt: skip
DEFAULT_MAX_PIXELS = 40_000_000  # an A4 page at 600 dpi is 35 million
# Tesseract's language packs for the service's language codes.
TESSERACT_LANGUAGES = {"en": "eng", "es": "spa", "id": "ind"}


class OcrError(ValueError):
    """The image cannot be read (the message says why: too large, not an image...)."""


@dataclass(frozen=True)
class OcrText:
    text: str
    confidence: float  # mean over the lines (RapidOCR) or words (Tesseract), 0..1


class OcrEngine(Protocol):
    name: str

    def read(self, image: bytes | Image.Image) -> OcrText: ...

    def for_languages(self, codes: list[str]) -> OcrEngine: ...


def opened(data: bytes | Image.Image, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """The image, its size checked from the header before any pixel is decoded; every
    frame of a TIFF beyond the first is ignored."""
    if isinstance(data, Image.Image):
        image = data
    else:
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:  # Pillow's own header check, far above ours
            raise OcrError(
                f"the image has more pixels than the {max_pixels} allowed (OCR_MAX_PIXELS)"
            ) from exc
        except (UnidentifiedImageError, OSError) as exc:
            raise OcrError("not an image this service reads (PNG, JPEG, TIFF, WebP)") from exc
    width, height = image.size
    if width * height > max_pixels:
        raise OcrError(
            f"the image is {width}x{height} pixels, over the {max_pixels} allowed (OCR_MAX_PIXELS)"
        )
    try:
        return image.convert("L")
    except (OSError, Image.DecompressionBombError) as exc:
        raise OcrError(f"the image cannot be decoded: {exc}") from exc


class TesseractEngine:
    """Debian's tesseract-ocr with the language packs named (eng, spa, ind)."""

    name = "tesseract"

    def __init__(
        self, languages: tuple[str, ...] = ("eng",), *, max_pixels: int = DEFAULT_MAX_PIXELS
    ) -> None:
        if shutil.which("tesseract") is None:
            raise OcrError("tesseract is not installed (Debian: tesseract-ocr)")
        self.languages = languages
        self.max_pixels = max_pixels

    def for_languages(self, codes: list[str]) -> TesseractEngine:
        """The same engine reading these languages (service codes: en, es, id)."""
        wanted = dict.fromkeys(TESSERACT_LANGUAGES.get(c, c) for c in codes)
        packs = tuple(p for p in wanted if p in installed_packs())
        if len(packs) < len(wanted):
            log.warning("no Tesseract pack for some of %s: reading with %s", codes, packs)
        return TesseractEngine(packs or self.languages, max_pixels=self.max_pixels)

    def read(self, image: bytes | Image.Image) -> OcrText:
        png = io.BytesIO()
        opened(image, max_pixels=self.max_pixels).save(png, format="PNG")
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "+".join(self.languages), "tsv"],
            input=png.getvalue(), capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise OcrError(f"tesseract failed: {done.stderr.decode(errors='replace')[:200]}")
        return _from_tsv(done.stdout.decode("utf-8", "replace"))


@functools.cache
def installed_packs() -> frozenset[str]:
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return frozenset(line.strip() for line in listed.stdout.splitlines()[1:] if line.strip())


def _from_tsv(tsv: str) -> OcrText:
    """Words into lines, lines into paragraphs by the page's geometry: a gap wider than
    most of a line's height starts a paragraph (Tesseract's own paragraphs often split a
    wrapped sentence)."""
    words: dict[tuple[int, int, int], list[str]] = {}
    boxes: dict[tuple[int, int, int], tuple[int, int]] = {}  # line -> (top, height)
    confidences = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        key = (int(cells[2]), int(cells[3]), int(cells[4]))  # block, paragraph, line
        if cells[0] == "4":
            boxes[key] = (int(cells[7]), int(cells[9]))
        if cells[0] != "5" or not cells[11].strip():
            continue
        words.setdefault(key, []).append(cells[11])
        if float(cells[10]) >= 0:
            confidences.append(float(cells[10]) / 100)
    placed = sorted((boxes.get(key, (0, 0)), " ".join(found)) for key, found in words.items())
    paragraphs: list[list[str]] = []
    previous_bottom = None
    for (top, height), line in placed:
        if previous_bottom is None or top - previous_bottom > 0.8 * max(height, 1):
            paragraphs.append([])
        paragraphs[-1].append(line)
        previous_bottom = top + height
    text = "\n\n".join(_reflowed(p) for p in paragraphs)
    return OcrText(text, sum(confidences) / max(len(confidences), 1))


def _reflowed(lines: list[str]) -> str:
    """A paragraph's lines as one line (a sentence wrapped on the page is one sentence
    for the answerer), words hyphenated at a line's end joined again."""
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def tesseract_for(languages: tuple[str, ...], *, max_pixels: int) -> TesseractEngine | None:
    """The engine for these languages (service codes: en, es, id), or None when
    tesseract is not installed (images are then refused with that reason)."""
    if shutil.which("tesseract") is None:
        log.warning("tesseract is not installed: scanned pages and images cannot be read")
        return None
    packs = tuple(dict.fromkeys(TESSERACT_LANGUAGES.get(code, code) for code in languages))
    return TesseractEngine(packs or ("eng",), max_pixels=max_pixels)
