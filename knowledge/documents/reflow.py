"""A PDF page's text layer as paragraphs. A PDF holds lines, not paragraphs: pypdf gives
every line ended by one line break, so a heading, a table row and the paragraph after
them read as one long sentence ("Matrícula La matrícula del curso cuesta..."), and that
sentence was quoted for questions on any of them. Prose is set to a width: a line that
fills it was wrapped, and goes on in the next line; a shorter one ended where its text
ended (a heading, a row, a paragraph's last line), unless it plainly goes on (it ends
with a comma or a hyphen, or the next line starts with a small letter)."""

from __future__ import annotations

# A line this much of the page's measure or longer fills it: proportional fonts set full
# lines of the same width with about 15% more or fewer characters.
FULL_LINE = 0.7
# The page's measure: the length most of its lines reach (a long URL or a footer line
# alone does not set it).
_MEASURE_PERCENTILE = 0.8
_GOES_ON = (",", "-", "\u2010", "\u2013", "(", "/", "&")


def paragraphs(text: str) -> str:
    """The page's text with a blank line after each line that ends its text."""
    lines = [line.strip() for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return text
    measure = lengths[min(len(lengths) - 1, int(len(lengths) * _MEASURE_PERCENTILE))]
    out: list[str] = []
    for index, line in enumerate(lines):
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        out.append(line)
        following = next((n for n in lines[index + 1 :] if n), "")
        if following and _ends_here(line, following, measure):
            out.append("")
    return "\n".join(out).strip()


def _ends_here(line: str, following: str, measure: int) -> bool:
    if len(line) >= FULL_LINE * measure:
        return False
    if line.endswith(_GOES_ON):
        return False
    return not following[0].islower()
