"""Scanned pages made here: text rendered to an image as a scanner would give it
(grey paper, a slight tilt, speckles), and PDFs made of such images, for the OCR tests
and benchmark. DejaVu fonts (Debian's fonts-dejavu-core) carry the accents of Spanish."""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
]
PAGE = (1654, 2339)  # A4 at 200 dpi


def font(size: int, n: int = 0) -> ImageFont.FreeTypeFont:
    usable = [f for f in FONTS if f.exists()]
    if not usable:
        raise RuntimeError("no TrueType font: install Debian's fonts-dejavu-core")
    return ImageFont.truetype(str(usable[n % len(usable)]), size)


def scanned_page(paragraphs: list[str], *, seed: int = 0, size: int = 34) -> Image.Image:
    """A page of text as a scan: wrapped lines, grey paper, tilted up to 1 degree."""
    rng = random.Random(seed)
    page = Image.new("L", PAGE, 250)
    draw = ImageDraw.Draw(page)
    face = font(size, seed)
    y = 160
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, width=int(2600 / size)):
            draw.text((150, y), line, fill=rng.randint(10, 40), font=face)
            y += int(size * 1.6)
        y += size
    for _ in range(400):  # dust
        x, yy = rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
        draw.point((x, yy), fill=rng.randint(120, 200))
    page = page.rotate(rng.uniform(-1.0, 1.0), fillcolor=250, resample=Image.BICUBIC)
    return page.filter(ImageFilter.GaussianBlur(0.6))


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def pdf_of_images(images: list[Image.Image]) -> bytes:
    """A PDF whose pages are only images: no text layer, as a scanner writes it."""
    out = io.BytesIO()
    rgb = [i.convert("RGB") for i in images]
    rgb[0].save(out, format="PDF", save_all=True, append_images=rgb[1:], resolution=200)
    return out.getvalue()
