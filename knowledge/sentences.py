"""Sentences of a chunk as the extractive answerer judges them: split at sentence ends
within paragraphs and list items (markup, code and very short fragments left out), each
with the heading it sits under. Ingestion embeds these once; turns reuse the vectors."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.tables import markdown_rows, table_lines

MIN_SENTENCE_WORDS = 4
# Stored with each chunk's sentence vectors: vectors made by another version of the
# splitter belong to other sentences, and are not used. Table rows as sentences did not
# change it: they only add sentences, so a chunk with a table no longer matches its
# stored count and is embedded anew, and the vectors of every other chunk still hold.
SPLIT_VERSION = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9`])")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+|```)")
_MARKUP = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+)")
# Lines that are not prose: headings (they give sentences their context instead) and
# rules. Table rows are read as "Header: value; ..." sentences instead of as markup.
_NOT_PROSE = re.compile(r"^\s*(?:#{1,6}\s|[-*_=]{3,}\s*$)")
_TABLE_ROW = re.compile(r"^\s*\|")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _blocks(text: str) -> list[str]:
    """Paragraphs and list items, with hard line wraps joined back into one line."""
    blocks: list[str] = []
    in_code = False  # code is quoted badly as prose
    for paragraph in re.split(r"\n\s*\n", text):
        current: list[str] = []
        table: list[str] = []
        for line in paragraph.splitlines():
            if line.lstrip().startswith("```"):
                in_code = not in_code
                continue
            if not in_code and _TABLE_ROW.match(line):
                table.append(line)
                continue
            if table or in_code or _NOT_PROSE.match(line):
                if current:
                    blocks.append(" ".join(current))
                    current = []
                blocks.extend(_table_rows(table))
                table = []
                if in_code or _NOT_PROSE.match(line):
                    continue
            line = _readable(line)
            if _BLOCK_START.match(line) and current:
                blocks.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            blocks.append(" ".join(current))
        blocks.extend(_table_rows(table))
    return blocks


def _readable(line: str) -> str:
    return _LINK.sub(r"\1", _IMAGE.sub("", line))  # a link reads as its text


def _table_rows(lines: list[str]) -> list[str]:
    return [_readable(row) for row in table_lines(markdown_rows(lines))]


def split_sentences(text: str) -> list[str]:
    return list(_split(text))


# Every turn splits the passages it found, and the same passages come back turn after
# turn: the split is kept for the most recent texts.
@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    sentences = []
    for block in _blocks(text):
        for raw in _SENTENCE_END.split(_MARKUP.sub("", block)):
            sentence = raw.strip()
            if len(sentence.split()) >= MIN_SENTENCE_WORDS:
                sentences.append(sentence)
    return tuple(sentences)


def in_context(heading: str | None, sentence: str) -> str:
    """A sentence with the heading it sits under (its section, else its document's title):
    "Run `make run`." answers "how do I start it?" because it sits under "Start"."""
    return f"{heading}: {sentence}" if heading else sentence


def sentence_contexts(text: str, heading: str | None) -> list[str]:
    return [in_context(heading, sentence) for sentence in split_sentences(text)]
