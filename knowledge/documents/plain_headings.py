"""Headings written as plain lines: text sent without Markdown marks ("Horario" on a line
of its own above the paragraph it heads) read as a Markdown heading, so the line is the
section of the sentences under it instead of the first words of the first one ("Horario
El gimnasio abre de lunes a viernes...")."""

from __future__ import annotations

import re

from knowledge.documents.sentences import LIST_ITEM

# Words at most: a heading names a part; a longer unpunctuated line is a wrapped sentence.
MAX_WORDS = 8
# ... and at most this share of the next line's characters.
SHORTER = 0.8
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
# Words a line that goes on in the next one ends with (articles, prepositions and
# conjunctions of the languages the service speaks); a heading ends with what it names.
_GOES_ON = frozenset(
    "a an the of to in on at by for from with and or but into as than that which who "
    "el la los las un una de del al en con por para y o que sin sobre entre "
    "di ke dari dan yang atau untuk dengan pada oleh dalam bagi".split()
)
# A line set in bold or italics as a whole ("**Horario**", a converted Word heading):
# the section is its words.
_EMPHASIS = re.compile(r"^([*_]{1,2})(.+)\1$")
# The labels of a questions-and-answers page written as "Q: ...?" and "A: ..." (Spanish
# P/R, Indonesian T/J; maybe numbered, maybe bold): not words of the question or the answer.
_LABEL_END = r"\s*\d*\s*(?:\*\*)?\s*[:.)]\s*(?:\*\*)?\s*"
_QUESTION_LABEL = re.compile(
    rf"^(?:\*\*)?(?:Q|P|T|Question|Pregunta|Pertanyaan|Tanya){_LABEL_END}(?=\S)", re.IGNORECASE
)
_ANSWER_LABEL = re.compile(
    rf"^(?:\*\*)?(?:A|R|J|Answer|Respuesta|Jawab|Jawaban){_LABEL_END}(?=\S)", re.IGNORECASE
)


def marked(text: str) -> str:
    """`text` with each plain heading line marked as a Markdown heading: a line that opens
    a paragraph (the first, or after a blank line), of at most MAX_WORDS words, starting
    with a capital, without a digit (a line of figures, "Senin 08.00-16.00", is content)
    and without a closing mark, followed (maybe after a blank line) by a longer line that
    begins a sentence (`_headed`) or by another such heading (a title above a section's
    name); or a question of at most MAX_QUESTION_WORDS words followed by a line that does
    not ask (its answer)."""
    return "\n".join(f"{MARK} {line}" if heads else line for heads, line in _read(text))


def sections(text: str) -> list[tuple[str | None, str]]:
    """Plain text cut at its plain headings (as `marked` finds them): each part's heading
    (None before the first) and its lines as written, indentation kept (a manual's
    definitions are told by it)."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for heads, line in _read(text):
        if heads:
            parts.append((line, []))
        else:
            parts[-1][1].append(line)
    return [(heading, "\n".join(body)) for heading, body in parts if heading or body]


def _read(text: str) -> list[tuple[bool, str]]:
    """Each line of `text`: whether it is a plain heading, and the line, a heading as its
    words (no emphasis, no "Q:" label) and the first line under a labelled question
    without its "A:" label."""
    lines = text.split("\n")
    read: list[tuple[bool, str]] = []
    answer_label = False  # the next non-blank line may open with "A:"
    for line, heads in zip(lines, _headings(lines), strict=True):
        if heads:
            words = _unemphasised(line.strip())
            answer_label = _asks(line) and bool(_QUESTION_LABEL.match(words))
            read.append((True, _QUESTION_LABEL.sub("", words) if answer_label else words))
        elif line.strip() and answer_label:
            read.append((False, _ANSWER_LABEL.sub("", line.strip(), count=1)))
            answer_label = False
        else:
            read.append((False, line))
    return read


def _headings(lines: list[str]) -> list[bool]:
    """Which of `lines` are plain headings."""
    code = _in_code(lines)
    heading = [False] * len(lines)
    following, follows_heading = "", False  # the next non-blank line, read bottom up
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        opens = index == 0 or not lines[index - 1].strip()
        # a question may follow a sentence's end without a blank line (a PDF page's lines)
        after_end = opens or lines[index - 1].rstrip().endswith((".", "!", "?"))
        if not code[index] and after_end and _asks(line):
            answered = not _MARKED.match(following) and not _asks(following)
            heading[index] = bool(following) and answered
        elif not code[index] and opens and _could_head(line):
            # above a list too: a slide's title over its bullets, "What to bring" over
            # what to bring
            heads = follows_heading or _headed(line, following) or LIST_ITEM.match(following)
            heading[index] = bool(following) and bool(heads)
        following, follows_heading = line, heading[index]
    return heading


def _headed(line: str, following: str) -> bool:
    """Whether `following` reads as the text under `line`: longer, in words and clearly in
    characters, and a new sentence. A paragraph wrapped at a fixed width has lines of
    about one length, and its second line often goes on in small letters."""
    if _MARKED.match(following) or len(following.split()) <= len(line.split()):
        return False
    if _indent(following) > _indent(line):  # a term and its definition (a manual page)
        return False
    first = next((ch for ch in following if ch.isalnum()), "")
    return len(line.strip()) <= SHORTER * len(following.strip()) and not first.islower()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


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
    """A question on a line of its own, starting with a capital (maybe after "¿"), maybe
    set in bold as a whole (a converted page's "**How do I book…?**")."""
    words = line.split()
    if not words or len(words) > MAX_QUESTION_WORDS or _MARKED.match(line):
        return False
    plain = _unemphasised(line.strip())
    first = next((ch for ch in plain if ch.isalpha()), "")
    return plain.endswith(_ASKS) and bool(first) and not first.islower()


def _could_head(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_WORDS or _MARKED.match(line):
        return False
    if words[-1].lower() in _GOES_ON:  # "Kampus Jatinangor terletak di" goes on below
        return False
    if any(ch.isdigit() for ch in line) or line.rstrip().endswith(_ENDS_LIKE_PROSE):
        return False
    first = next((ch for ch in line if ch.isalpha()), "")
    return bool(first) and not first.islower()
