"""Sentences of a chunk as the extractive answerer judges them: split at sentence ends
within paragraphs and list items (markup, code and very short fragments left out), each
with the heading it sits under. Ingestion embeds these once; turns reuse the vectors."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.documents.tables import markdown_rows, table_lines

MIN_SENTENCE_WORDS = 4
# Stored with each chunk's sentence vectors: vectors made by another version of the
# splitter belong to other sentences, and are not used. Table rows as sentences did not
# change it: they only add sentences, so a chunk with a table no longer matches its
# stored count and is embedded anew, and the vectors of every other chunk still hold.
# Version 3: single spaces, manual-page terms before their definitions, and no
# fragments where a chunk was cut mid-sentence. Abbreviations joined (Jl., Dr., Sra.,
# p. ej.) kept the version: a text without them splits as before, and a chunk whose
# sentences they joined no longer matches its stored count and is embedded anew.
# Version 4: sentences of every script end where they end (Cyrillic, Greek, Arabic,
# Devanagari, Chinese; a capital with an accent, "¿" and "¡"), not only before an ASCII
# capital: a Russian or Hindi paragraph was one sentence, a Chinese one often none.
# Markdown emphasis read as its words ("**Modelo:** HP" as "Modelo: HP") and a line
# opened by a bold label made its own entry kept version 4: a text without them splits
# as before; a chunk with bold labels no longer matches its stored count (embedded anew),
# and one with emphasis only keeps vectors of its sentences with the marks (as close).
# Bullets other than Markdown's ("•", "–", "▪") opening items kept it too: such a list
# was one sentence with its introduction, so its chunk now has more sentences than it
# stored, and is embedded anew (unless its items are all under four words: then the
# introduction alone is left, with the vector of the sentence it was part of). A list
# of short items read as one sentence kept it as well, and so did plain labels opening
# entries and labelled values of two or three words. Points stored since then carry a
# digest of their sentences (`digest`), which the retriever checks instead of the count.
SPLIT_VERSION = 4
# A full stop, question or exclamation mark, then space and the start of a sentence: an
# opening mark maybe, then a capital, a digit or a letter of a script without case.
# Before a small letter it is an abbreviation's stop ("e.g. the", "p. ej. la").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[\u00bf\u00a1\u00ab\u201c\u201e\u2018`]*[^\W_])")
# Marks that end a sentence with or without a space after them: the Chinese and Japanese
# full stop, question and exclamation marks, the Devanagari danda, the Arabic question
# mark and the Urdu full stop (closing quotes and brackets stay with their sentence).
_ENDS = r"\u3002\uff01\uff1f\u0964\u0965\u061f\u06d4"
_CLOSING = r"\"'\u201d\u2019\u300d\u300f\uff09)"
_SCRIPT_END = re.compile(rf"(?:(?<=[{_ENDS}])(?![{_CLOSING}])|(?<=[{_ENDS}][{_CLOSING}]))\s*")
# Scripts written without spaces between words: two characters count as about a word.
_UNSPACED_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Words written with a full stop that does not end the sentence, in the languages the
# service speaks (lower case, without the last stop): titles, addresses, references.
# A single letter with a stop is an initial ("J. R. Smith", "H. Ahmad") and does not end
# one either.
ABBREVIATIONS = frozenset(
    # English ("etc." and "Ltd." often end a sentence: not here)
    "mr mrs ms dr prof sr jr st no nos vol fig figs e.g i.e vs approx dept ave rd ref pp ch "
    "sec"
    # Spanish
    " sra srta dra av avda núm n.º pág págs lic ing ud uds cía p.ej ej aprox tel dpto"
    # Indonesian
    " jl jln let jen purn hj ir drs kec kab kel rt rw hal kol mayjen brigjen".split()
)
_LAST_WORD = re.compile(r"([^\s(\[\"']+)\.$")
# ... but a letter naming a block, a gate or a room is no initial, and ends a sentence as
# any word does: "Ruko Melati Blok C. Buka setiap hari", "Meet us at Gate B. We wait".
_LETTER_OF = re.compile(r"(?<![^\W_])([^\W\d_]+)\s+[^\W\d_]\.$")
_LETTERED = frozenset(
    "block building floor gate hall level room tower unit wing zone area "
    "bloque edificio planta puerta torre nave pabellón sala aula zona módulo local "
    "blok gedung lantai pintu ruang ruko gerbang kios".split()
)
# Bullets as word processors, PDFs and pasted text write them, beside Markdown's: a
# line of "• Keep the receipt." ran into the line above and the next, one "sentence".
_BULLET = (
    "[-*+\u2022\u2023\u2043\u2013\u2014\u2219\u00b7"  # Markdown's, •, ‣, ⁃, –, —, ∙, ·
    "\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25ba\u27a2\u2713\u2714]"  # ▪ ▫ ■ □ ● ○ ◦ ► ➢ ✓ ✔
)
_BLOCK_START = re.compile(rf"^\s*(?:{_BULLET}\s+|\d+[.)]\s+|#+\s+|>\s+|```)")
_MARKUP = re.compile(rf"^\s*(?:{_BULLET}\s+|\d+[.)]\s+|#+\s+|>\s+)")
LIST_ITEM = re.compile(rf"^\s*(?:{_BULLET}|(\d+)[.)])\s+")
# A procedure's step written with its word ("Step 2: Open...", "Paso 2:", "Langkah 2."):
# an item of a numbered list, quoted as written.
_STEP = re.compile(
    r"^\s*(?:step|paso|langkah|passo|[ée]tape|schritt)\s+(\d+)\s*[:.)\u2013-]\s", re.IGNORECASE
)
# An item's line shorter than this, or ended, is not wrapped: a line under it that
# begins with a capital and no indent begins a paragraph ("Payment follows...").
WRAPPED_LINE_CHARS = 60
# Items quoted at most under a sentence that introduces them ("follow these steps:").
MAX_LISTED = 12
# Lines that are not prose: headings (they give sentences their context instead) and
# rules. Table rows are read as "Header: value; ..." sentences instead of as markup.
_NOT_PROSE = re.compile(r"^\s*(?:#{1,6}\s|[-*_=]{3,}\s*$)")
_TABLE_ROW = re.compile(r"^\s*\|")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# Bold and italics as Markdown writes them, not inside a word (snake_case, 2*3*4).
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
# A line opened by a bold label ("**Modelo:** HP LaserJet", "**Precio**: 20 euros") is
# an entry of its own, as a list item is, not the rest of the line above.
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,40}(?::(?:\*\*|__)|(?:\*\*|__):)")
# ... and so is one opened by a plain label, as a contact card or a spec sheet typed by
# hand writes them ("Teléfono: 912 345 678", "Spare toner: cabinet B"): a label of at
# most four words, the first beginning with a capital letter.
_PLAIN_LABEL = re.compile(r"^\s*[^\W\d_a-z][^\s:]*(?: [^\s:]+){0,3}: \S")
# A labelled value is a sentence from two words ("Correo: info@ejemplo.es", "Check-up: 45
# pounds"): it says what it is, which a fragment of that length does not.
LABELLED_MIN_WORDS = 2
_LABELLED = re.compile(r"^[^\W\d_][^\s:]*(?: [^\s:]+){0,3}: \S")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
# A term on a line of its own with its definition indented below it, as manual pages
# and Debian's docs lay out options and variables ("HISTSIZE", "-v, --verbose").
_TERM = re.compile(r"^[\w$@%+/=.,<>\[\]-]+(?: [\w$@%+/=.,<>\[\]-]+){0,3}$")
_TERMINAL = tuple(".!?:;)\"'`\u2026\u201d")
# A sentence's end, maybe followed by quotes or brackets and reference marks ("[12]",
# "[citation needed]", ":33" page references): a sentence that does not end so was cut.
_SENTENCE_CLOSE = re.compile(
    rf"[.!?:;\u2026{_ENDS}][`\]{_CLOSING}]*"
    r"(?:\s*(?:\[[^\]]{1,40}\]|:\d+(?:[-\u2013]\d+)?))*\s*$"
)


def _blocks(text: str) -> list[tuple[str | None, str]]:
    """Paragraphs and list items, with hard line wraps joined back into one line, each
    with the term it defines, if it is a definition (a term line, then indented lines)."""
    blocks: list[tuple[str | None, str]] = []
    in_code = False  # code is quoted badly as prose
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        term: str | None = None
        term_indent = 0
        table: list[str] = []
        lines = paragraph.splitlines()
        for index, line in enumerate(lines):
            if line.lstrip().startswith("```"):
                in_code = not in_code
                continue
            if not in_code and _TABLE_ROW.match(line):
                table.append(line)
                continue
            if table or in_code or _NOT_PROSE.match(line):
                current = _flushed(blocks, term, current)
                blocks.extend((None, row) for row in _table_rows(table))
                table = []
                if _NOT_PROSE.match(line) and not in_code:
                    blocks.append((None, ""))  # a heading or a rule ends a list above it
                if in_code or _NOT_PROSE.match(line):
                    continue
            indent = len(line) - len(line.lstrip())
            if term is not None and line.strip() and indent <= term_indent:
                current = _flushed(blocks, term, current)
                term = None
            if _defines(lines, index):
                current = _flushed(blocks, term, current)
                term, term_indent = line.strip(), indent
                current = [f"{term}:"]
                continue
            starts = (
                _BLOCK_START.match(line)
                or _BOLD_LABEL.match(line)
                or _PLAIN_LABEL.match(line)
                or (current and _after_item(current, line, indent))
            )
            line = readable(line)
            if starts and current and current != [f"{term}:"]:
                current = _flushed(blocks, term, current)
            current.append(line.strip())
        _flushed(blocks, term, current)
        blocks.extend((None, row) for row in _table_rows(table))
    return blocks


def _after_item(current: list[str], line: str, indent: int) -> bool:
    """Whether `line` begins a paragraph after the list item gathered in `current`, not
    the item's wrapped line."""
    first = next((ch for ch in line if ch.isalnum()), "")
    if not LIST_ITEM.match(current[0]) or indent or not first.isupper():
        return False
    return current[-1].endswith(_TERMINAL) or len(current[-1]) < WRAPPED_LINE_CHARS


def _flushed(blocks: list[tuple[str | None, str]], term: str | None, lines: list[str]) -> list:
    """Add the lines gathered as one block (if any); the new, empty gathering."""
    if lines:
        blocks.append((term, " ".join(lines)))
    return []


def _defines(lines: list[str], index: int) -> bool:
    """Whether line `index` is a term whose definition follows, indented deeper."""
    line = lines[index]
    if index + 1 >= len(lines) or not _TERM.match(line.strip()) or len(line.strip()) > 40:
        return False
    if _BLOCK_START.match(line):  # a list item wrapped onto an indented line
        return False
    if line.rstrip().endswith(_TERMINAL):
        return False
    following = lines[index + 1]
    indent = len(line) - len(line.lstrip())
    return bool(following.strip()) and len(following) - len(following.lstrip()) > indent


def readable(line: str) -> str:
    """A link reads as its text, emphasis as its words ("**Modelo:** HP" as "Modelo: HP")."""
    line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", line))


def _table_rows(lines: list[str]) -> list[str]:
    return [readable(row) for row in table_lines(markdown_rows(lines))]


def split_sentences(text: str) -> list[str]:
    return [sentence for _, sentence in _split(text)]


def split_defined(text: str) -> list[tuple[str | None, str]]:
    """The sentences, each with the term whose definition it is part of (else None)."""
    return list(_split(text))


# Every turn splits the passages it found, and the same passages come back turn after
# turn: the split is kept for the most recent texts.
@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[tuple[str | None, str], ...]:
    blocks = _blocks(text)
    joined = {
        found.start: found for found in _lists([block for _, block in blocks]) if found.joined
    }
    sentences: list[tuple[str | None, str]] = []
    skip_to = 0
    first = next((number for number, (_, block) in enumerate(blocks) if block), 0)
    for number, (term, block) in enumerate(blocks):
        if number < skip_to:
            continue
        if number in joined:  # a list of short items is one sentence
            sentences.append((term, joined[number].joined or ""))
            skip_to = number + len(joined[number].items)
            continue
        pieces = _pieces(block)
        # A chunk cut mid-sentence begins with a fragment ("truncated to this size.").
        # (The chunker cuts at sentence ends; a text that ends unclosed is left as it is,
        # as real paragraphs do: the answer marks it, see `ended`.)
        if number == first and pieces and pieces[0][0].islower():
            pieces = pieces[1:]
        sentences += [(term, p) for p in pieces if _long_enough(p)]
    return tuple(sentences)


# ... and a short sentence stating a value: "Biaya pendaftaran Rp150.000." was dropped
# as a fragment, so "Berapa biaya pendaftaran?" was answered with the monthly fees.
VALUE_MIN_WORDS = 3
# ... and so is one of three words written as a whole sentence, from its capital to a
# full stop after a word: "Pemeriksaan kerusakan gratis." (checking the fault is free),
# "Parking is free." A fragment has no such ends: a heading, a label, the tail of a cut
# chunk, a name cut at an initial or an abbreviation ("Daly et al.", "assistant J.W.").
_STATEMENT_END = re.compile(r"[^\W\d_]{3,}[.!\u3002\uff01]$")


def _long_enough(sentence: str) -> bool:
    words = word_count(sentence)
    return (
        words >= MIN_SENTENCE_WORDS
        or (words >= LABELLED_MIN_WORDS and _LABELLED.match(sentence) is not None)
        or (
            words >= VALUE_MIN_WORDS
            and (
                any(c.isdigit() for c in sentence)
                or (_STATEMENT_END.search(sentence) is not None and _starts_a_sentence(sentence))
            )
        )
    )


def _pieces(block: str) -> list[str]:
    """A block's sentences, however short, single-spaced, without its list marker."""
    pieces = [" ".join(raw.split()) for raw in _sentence_ends(_MARKUP.sub("", block))]
    return _abbreviations_joined([piece for piece in pieces if piece])


# Words at most in each item of a list read as one sentence (a list with an item too
# short to be a sentence: "- Towel", "- DNI"): longer items are sentences of their own.
SHORT_ITEM_WORDS = 12


@dataclass(frozen=True)
class TextList:
    """A list in a text: its items as written with their markers ("1. Keep the receipt",
    "- Towel"; bullets written "-"), the sentence introducing it if one does ("...follow
    these steps:"), the sentences its items split into, and, for a list with an item too
    short to be a sentence, the one sentence its items make ("Towel; Padlock.")."""

    start: int  # its first item's block
    items: tuple[str, ...]
    intro: str | None
    pieces: frozenset[str]
    joined: str | None
    labelled: bool  # its items are labelled values ("Check-up: 45 pounds"), looked up alone

    def quoted(self) -> str:
        """The list as an answer quotes it: its introduction, then an item a line."""
        return "\n".join([self.intro, *self.items] if self.intro else self.items)


@lru_cache(maxsize=4096)
def lists_in(text: str) -> tuple[TextList, ...]:
    """The lists of `text` of at most MAX_LISTED items (a longer one is quoted by its
    sentences). A list ends where items stop, or where another starts right after it
    (bullets after numbers, or numbers from 1 again)."""
    return _lists([block for _, block in _blocks(text)])


def _lists(blocks: list[str]) -> tuple[TextList, ...]:
    """The lists of a text's blocks (`lists_in`)."""
    runs: list[list[int]] = []
    items = [_item(block) for block in blocks]
    written = [item[2] if item else "" for item in items]  # with its marker ("" if none)
    for index, item in enumerate(items):
        if item is None:
            continue
        previous = items[index - 1] if index else None
        if runs and runs[-1][-1] == index - 1 and _goes_on(previous, item):
            runs[-1].append(index)
        else:
            runs.append([index])
    found = []
    for run in runs:
        if len(run) > MAX_LISTED:
            continue
        before = _pieces(blocks[run[0] - 1])[-1:] if run[0] and not written[run[0] - 1] else []
        intro = before[0] if before and before[0].endswith(":") else None
        pieces = [_pieces(blocks[i]) for i in run]
        # Items that name things ("- Towel"), not labelled values ("- Check-up: 45
        # pounds": each answers alone, as a table's row does).
        short = len(run) > 1 and all(
            len(p) == 1 and word_count(p[0]) <= SHORT_ITEM_WORDS and ": " not in p[0]
            for p in pieces
        )
        joined = None
        if short and any(word_count(p[0]) < MIN_SENTENCE_WORDS for p in pieces):
            joined = "; ".join(p[0].rstrip(".;,") for p in pieces) + "."
        listed = tuple(written[i] for i in run)
        flat = frozenset(piece for each in pieces for piece in each)
        labelled = any(": " in piece and not _STEP.match(piece) for piece in flat)
        found.append(TextList(run[0], listed, intro, flat, joined, labelled))
    return tuple(found)


def list_of(sentence: str, text: str) -> TextList | None:
    """The list of `text` that `sentence` introduces, is an item of, or is the items of."""
    for found in lists_in(text):
        if sentence in (found.intro, found.joined) or sentence in found.pieces:
            return found
    return None


def _item(block: str) -> tuple[str, int, str] | None:
    """A list item's kind ("-", "." or "step"), number (0 for a bullet) and text as
    quoted: a bullet written "-", a number "N.", a step as written ("Step 2: Open...")."""
    step = _STEP.match(block)
    if step is not None:
        return "step", int(step.group(1)), " ".join(block.split())
    marker = LIST_ITEM.match(block)
    if marker is None:
        return None
    number, words = marker.group(1), " ".join(block[marker.end() :].split())
    return (".", int(number), f"{number}. {words}") if number else ("-", 0, f"- {words}")


def _goes_on(previous: tuple[str, int, str] | None, item: tuple[str, int, str]) -> bool:
    """Whether `item` follows `previous` in one list: bullets after a bullet, numbers
    (or steps) after the one before."""
    if previous is None or previous[0] != item[0]:
        return False
    return item[0] == "-" or item[1] == previous[1] + 1


def _sentence_ends(block: str) -> list[str]:
    """The block cut at its sentence ends (abbreviations are joined back afterwards)."""
    pieces: list[str] = []
    for part in _SENTENCE_END.split(block):
        if pieces and not _starts_a_sentence(part):  # a stop before a small letter
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return [sentence for piece in pieces for sentence in _SCRIPT_END.split(piece) if sentence]


def _starts_a_sentence(text: str) -> bool:
    """Its first letter or digit is not a small letter: a capital of any script, a
    digit, or a letter of a script without case (Arabic, Devanagari, Chinese)."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return not first.islower()


def word_count(sentence: str) -> int:
    """Words, two characters of a script without spaces (Chinese, Japanese) counting as one."""
    return len(sentence.split()) + len(_UNSPACED_WORDS.findall(sentence)) // 2


def _abbreviations_joined(pieces: list[str]) -> list[str]:
    """Pieces split after an abbreviation or an initial joined again: "Jl. Let. Jen.
    Purn. Dr. (HC) Mashudi No. 1" is one address, in one sentence."""
    joined: list[str] = []
    for piece in pieces:
        last = _LAST_WORD.search(joined[-1]) if joined else None
        word = last.group(1).lower() if last else ""
        initial = len(word) == 1 and word.isalpha() and not _lettered(joined[-1])
        if last and (word in ABBREVIATIONS or initial):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _lettered(text: str) -> bool:
    """Whether the text ends in a letter naming a block, a gate or a room ("Blok C.")."""
    named = _LETTER_OF.search(text)
    return named is not None and named.group(1).lower() in _LETTERED


def ended(sentence: str, text: str) -> str:
    """The sentence as quoted from `text`, beside others, so it never runs into the next:
    one that does not end like a sentence ends with an ellipsis where it is text's last
    words (the chunk may have been cut in it), and with a full stop anywhere else (a whole
    block without an end mark of its own: a list item, a PDF's table line) or where it is
    text's whole last line, a short one ("Tóner: en el armario B", an address's last
    line): a chunk is cut inside a sentence too long to fit, not after a line's end."""
    if _SENTENCE_CLOSE.search(sentence):
        return sentence
    tail = text.split()[-1:]
    if tail and sentence.split()[-1] == tail[0] and not _whole_last_line(sentence, text):
        return sentence.rstrip(" ,;") + "…"
    return sentence.rstrip(" ,;:") + "."


# Words at most in a last line read as whole (a wrapped line of prose is longer).
WHOLE_LINE_WORDS = 12


def _whole_last_line(sentence: str, text: str) -> bool:
    last = text.rstrip().rsplit("\n", 1)[-1]
    line = " ".join(readable(_MARKUP.sub("", last)).split())
    return line == sentence and len(line.split()) <= WHOLE_LINE_WORDS


def in_context(heading: str | None, sentence: str) -> str:
    """A sentence with the heading it sits under (its section, else its document's title):
    "Run `make run`." answers "how do I start it?" because it sits under "Start"."""
    return f"{heading}: {sentence}" if heading else sentence


def sentence_contexts(text: str, heading: str | None) -> list[str]:
    return [in_context(heading, sentence) for sentence in split_sentences(text)]


def digest(contexts: list[str]) -> str:
    """A short fingerprint of a chunk's sentences as embedded (`sentence_contexts`)."""
    return hashlib.blake2b("\n".join(contexts).encode(), digest_size=8).hexdigest()
