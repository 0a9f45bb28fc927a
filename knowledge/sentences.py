"""Sentences of a chunk as the extractive answerer judges them: split at sentence ends
within paragraphs and list items (markup, code and very short fragments left out), each
with the heading it sits under. Ingestion embeds these once; turns reuse the vectors."""

from __future__ import annotations

import re

MIN_SENTENCE_WORDS = 4
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9`])")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+|```)")
_MARKUP = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+)")


def _blocks(text: str) -> list[str]:
    """Paragraphs and list items, with hard line wraps joined back into one line."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if paragraph.lstrip().startswith("```"):
            continue  # code is quoted badly as prose
        current: list[str] = []
        for line in paragraph.splitlines():
            if _BLOCK_START.match(line) and current:
                blocks.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            blocks.append(" ".join(current))
    return blocks


def split_sentences(text: str) -> list[str]:
    sentences = []
    for block in _blocks(text):
        for raw in _SENTENCE_END.split(_MARKUP.sub("", block)):
            sentence = raw.strip()
            if len(sentence.split()) >= MIN_SENTENCE_WORDS:
                sentences.append(sentence)
    return sentences


def in_context(heading: str | None, sentence: str) -> str:
    """A sentence with the heading it sits under (its section, else its document's title):
    "Run `make run`." answers "how do I start it?" because it sits under "Start"."""
    return f"{heading}: {sentence}" if heading else sentence


def sentence_contexts(text: str, heading: str | None) -> list[str]:
    return [in_context(heading, sentence) for sentence in split_sentences(text)]
