"""OCR engines on the same generated scans: RapidOCR (PP-OCRv6 small, ONNX Runtime, its
models in the wheel; `pip install rapidocr==3.10.0` to run this) against Tesseract 5 (Debian's tesseract-ocr with eng+spa+ind),
each page read by both in turn. Character accuracy is 1 - edit distance / length of the
text rendered (whitespace folded); pages/s is wall time on this machine's 2 cores.

    python -m bench.ocr --data ../shared/data/xquad [--pages 6]

Paragraphs: XQuAD's English and Spanish contexts (the same articles), and Indonesian
ones written here (XQuAD has none).
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import logging
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from PIL import Image

from bench.scans import png_bytes, scanned_page
from knowledge.documents.ocr import DEFAULT_MAX_PIXELS, OcrText, TesseractEngine, opened

INDONESIAN = [
    "Pompa air di gedung utara diperiksa setiap sembilan puluh hari oleh tim pemeliharaan. "
    "Setiap pemeriksaan dicatat dalam buku harian dan ditandatangani oleh kepala regu.",
    "Garansi untuk semua mesin berlaku selama dua puluh empat bulan sejak tanggal "
    "pengiriman, dan mencakup suku cadang serta biaya tenaga kerja.",
    "Karyawan baru wajib mengikuti pelatihan keselamatan kerja pada minggu pertama. "
    "Pelatihan berlangsung selama tiga hari dan diakhiri dengan ujian tertulis.",
]


class RapidEngine:
    """The engine compared (`pip install rapidocr==3.10.0` first): PP-OCRv6 small (detection and recognition, one multilingual model for Latin
    scripts), from the rapidocr wheel: nothing is downloaded."""

    name = "rapidocr"

    def __init__(self, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> None:
        self.max_pixels = max_pixels
        self._engine: Any = None
        self._lock = threading.Lock()  # one model, one page at a time

    def _loaded(self) -> Any:
        if self._engine is None:
            from rapidocr import RapidOCR

            logging.getLogger("RapidOCR").setLevel(logging.WARNING)
            self._engine = RapidOCR(params={"Global.log_level": "warning"})
        return self._engine

    def read(self, image: bytes | Image.Image) -> OcrText:
        import numpy as np

        pixels = np.asarray(opened(image, max_pixels=self.max_pixels).convert("RGB"))
        with self._lock:
            result = self._loaded()(pixels)
        lines = list(result.txts or ())
        if not lines:
            return OcrText("", 0.0)
        boxes = [] if result.boxes is None else list(result.boxes)
        scores = [float(s) for s in result.scores or ()]
        return OcrText(_paragraphs(lines, boxes), sum(scores) / max(len(scores), 1))


def _paragraphs(lines: list[str], boxes: list[Any]) -> str:
    """Lines top to bottom; a gap taller than a line starts a new paragraph."""
    if len(boxes) != len(lines):
        return "\n".join(lines)
    placed = sorted(
        ((min(p[1] for p in box), max(p[1] for p in box), min(p[0] for p in box), text)
         for box, text in zip(boxes, lines, strict=True)),
    )  # fmt: skip
    out: list[str] = []
    previous_bottom = None
    for top, bottom, _, text in placed:
        height = bottom - top
        if previous_bottom is not None and top - previous_bottom > height * 0.9:
            out.append("")
        out.append(text)
        previous_bottom = bottom
    return "\n".join(out)


def paragraphs(data: Path, language: str, count: int) -> list[str]:
    articles = json.loads((data / f"xquad.{language}.json").read_text())["data"]
    found = [p["context"] for a in articles for p in a["paragraphs"]]
    return [p for p in found if 300 < len(p) < 900][:count]


def distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def folded(text: str) -> str:
    return " ".join(text.split())


def accuracy(read: str, truth: str) -> float:
    a, b = folded(read), folded(truth)
    return max(0.0, 1 - distance(a, b) / max(len(b), 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="XQuAD folder")
    parser.add_argument("--pages", type=int, default=4, help="pages per language")
    args = parser.parse_args()
    pages = []
    for language in ("en", "es"):
        texts = paragraphs(args.data, language, args.pages * 2)
        pages += [(language, texts[i * 2 : i * 2 + 2]) for i in range(args.pages)]
    pages += [("id", INDONESIAN[i % 3 : i % 3 + 2] or INDONESIAN[:2]) for i in range(args.pages)]
    engines = {"rapidocr": RapidEngine(), "tesseract": TesseractEngine(("eng", "spa", "ind"))}
    for engine in engines.values():  # models loaded before timing
        engine.read(png_bytes(scanned_page(["warm up"], seed=99)))
    results: dict[str, dict[str, list[float]]] = {n: {} for n in engines}
    seconds: dict[str, float] = {n: 0.0 for n in engines}
    for n, (language, texts) in enumerate(pages):
        image = png_bytes(scanned_page(texts, seed=n))
        for name, engine in engines.items():  # interleaved, page by page
            started = time.perf_counter()
            read = engine.read(image)
            seconds[name] += time.perf_counter() - started
            results[name].setdefault(language, []).append(accuracy(read.text, " ".join(texts)))
    for name in engines:
        by_language = ", ".join(
            f"{lang} {statistics.mean(v):.3f}" for lang, v in results[name].items()
        )
        every = [a for v in results[name].values() for a in v]
        print(f"ocr {name}: {len(pages) / seconds[name]:.2f} pages/s, character accuracy "
              f"{statistics.mean(every):.3f} ({by_language})")  # fmt: skip


if __name__ == "__main__":
    main()
