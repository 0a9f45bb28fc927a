"""Headings written as plain lines: text sent without Markdown marks ("Horario" on a line
of its own above the paragraph it heads) read as a Markdown heading, so the line is the
section of the sentences under it instead of the first words of the first one ("Horario
El gimnasio abre de lunes a viernes...")."""

from __future__ import annotations

import re

# Words at most: a heading names a part; a longer unpunctuated line is a wrapped sentence.
MAX_WORDS = 8
# ... and for a question on a line of its own above its answer, as questions and answers
# pages are written ("How do I book an appointment?"): quoted as a sentence, the question
# itself was the answer the encoder found closest to a question like it.
MAX_QUESTION_WORDS = 20
_ASKS = ("?", "\uff1f", "\u061f")
# Written as its own level, below the ones a document marks itself: a plain heading is
# a part of whatever the document's own headings open.
MARK = "####"
# Lines that are something else already: Markdown headings, list items, quotes, table
# rows, code fences, rules.
_MARKED = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|>|\||```|~~~|[-*_=]{3,}\s*$)")
# A line that ends like a sentence, a clause or a label ("Salam,", "Jam buka:") heads nothing.
_ENDS_LIKE_PROSE = tuple(".,;:!?…)]\"'»”")
# A line set in bold or italics as a whole ("**Horario**", a converted Word heading):
# the section is its words.
_EMPHASIS = re.compile(r"^([*_]{1,2})(.+)\1$")


def marked(text: str) -> str:
    """`text` with each plain heading line marked as a Markdown heading: a line that opens
    a paragraph (the first, or after a blank line), of at most MAX_WORDS words, starting
    with a capital, without a digit (a line of figures, "Senin 08.00-16.00", is content)
    and without a closing mark, followed (maybe after a blank line) by a longer line or
    by another such heading (a title above a section's name); or a question of at most
    MAX_QUESTION_WORDS words followed by a line that does not ask (its answer)."""
    lines = text.split("\n")
    code = _in_code(lines)
    heading = [False] * len(lines)
    following, follows_heading = "", False  # the next non-blank line, read bottom up
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        opens = index == 0 or not lines[index - 1].strip()
        if not code[index] and opens and _asks(line):
            answered = not _MARKED.match(following) and not _asks(following)
            heading[index] = bool(following) and answered
        elif not code[index] and opens and _could_head(line):
            longer = len(following.split()) > len(line.split()) and not _MARKED.match(following)
            heading[index] = bool(following) and (follows_heading or longer)
        following, follows_heading = line, heading[index]
    return "\n".join(
        f"{MARK} {_unemphasised(line.strip())}" if marks else line
        for line, marks in zip(lines, heading, strict=True)
    )


def _unemphasised(line: str) -> str:
    return _EMPHASIS.sub(r"\2", line)


def _in_code(lines: list[str]) -> list[bool]:
    inside, flags = False, []
    for line in lines:
        fence = line.lstrip().startswith(("```", "~~~"))
        flags.append(inside or fence)
        inside = inside != fence
    return flags


def _asks(line: str) -> bool:
    """A question on a line of its own, starting with a capital (maybe after "¿")."""
    words = line.split()
    if not words or len(words) > MAX_QUESTION_WORDS or _MARKED.match(line):
        return False
    first = next((ch for ch in line if ch.isalpha()), "")
    return line.rstrip().endswith(_ASKS) and bool(first) and not first.islower()


def _could_head(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_WORDS or _MARKED.match(line):
        return False
    if any(ch.isdigit() for ch in line) or line.rstrip().endswith(_ENDS_LIKE_PROSE):
        return False
    first = next((ch for ch in line if ch.isalpha()), "")
    return bool(first) and not first.islower()
