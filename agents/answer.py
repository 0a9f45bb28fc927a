"""Answers with numbered citations. Offline: extractive, quoting the knowledge base."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from langchain_core.messages import AnyMessage

from agents.retrieval import Passage
from knowledge.embeddings import LocalEmbeddings
from knowledge.sparse import tokenize
from prompts import load_prompt

SNIPPET_CHARS = 300
MIN_SENTENCE_WORDS = 4
# Sentence score = cosine similarity + LEXICAL_WEIGHT x share of question terms present
# - RANK_PENALTY x the passage's retrieval rank.
LEXICAL_WEIGHT = 0.3
RANK_PENALTY = 0.02
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9`])")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+|```)")
_MARKUP = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s+)")


@dataclass
class Answer:
    text: str
    citations: list[dict]
    mode: str
    found: bool
    warning: str | None = None
    tokens: int | None = None  # the model's total, in LLM mode


def default_not_found() -> str:
    return load_prompt("not_found")


def not_found_answer(mode: str, message: str) -> Answer:
    return Answer(text=message, citations=[], mode=mode, found=False)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def citation(n: int, passage: Passage) -> dict:
    return {
        "n": n,
        "title": passage.title,
        "source": passage.source,
        "section": passage.section,
        "page": passage.page,
        "snippet": snippet(passage.text),
        "score": passage.score,
    }


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


def _in_context(passage: Passage, sentence: str) -> str:
    """A sentence with the heading it sits under: its section, else its document's title."""
    heading = passage.section or passage.title
    return f"{heading}: {sentence}" if heading else sentence


class ExtractiveAnswerer:
    """Quotes the sentences of the retrieved passages that best match the question.

    Honest by construction: every sentence of the answer is a sentence of a cited source.
    """

    mode = "extractive"

    def __init__(
        self,
        embeddings: LocalEmbeddings,
        *,
        threshold: float,
        max_sentences: int,
        not_found_message: str,
    ) -> None:
        self.embeddings = embeddings
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.not_found_message = not_found_message

    def answer(
        self,
        question: str,
        passages: list[Passage],
        history: list[AnyMessage] | None = None,
        *,
        emotion: str | None = None,
    ) -> Answer:
        """`history` and `emotion` are unused: the quoted sources speak for themselves."""
        del history, emotion
        candidates = [
            (rank, sentence)
            for rank, passage in enumerate(passages)
            for sentence in split_sentences(passage.text)
        ]
        if not candidates:
            return not_found_answer(self.mode, self.not_found_message)
        # A sentence is judged with its section heading: "Run `make run`." answers
        # "how do I start it?" because it sits under "Start the service".
        contexts = [_in_context(passages[rank], sentence) for rank, sentence in candidates]
        vectors = self.embeddings.encode_cached([question, *contexts])
        similarity = vectors[1:] @ vectors[0]
        question_terms = set(tokenize(question))
        overlap = np.array(
            [len(question_terms & set(tokenize(c))) / (len(question_terms) or 1) for c in contexts]
        )
        ranks = np.array([rank for rank, _ in candidates])
        scores = similarity + LEXICAL_WEIGHT * overlap - RANK_PENALTY * ranks
        ranked = np.argsort(-scores)
        chosen = [i for i in ranked[: self.max_sentences] if scores[i] >= self.threshold]
        if not chosen:
            return not_found_answer(self.mode, self.not_found_message)

        numbers: dict[int, int] = {}
        cited = []
        for i in chosen:
            rank, sentence = candidates[i]
            cited.append((sentence, numbers.setdefault(rank, len(numbers) + 1)))
        # One marker after a run of sentences from the same source.
        parts = [
            sentence if k + 1 < len(cited) and cited[k + 1][1] == n else f"{sentence} [{n}]"
            for k, (sentence, n) in enumerate(cited)
        ]
        citations = [citation(n, passages[rank]) for rank, n in numbers.items()]
        return Answer(
            text=" ".join(parts),
            citations=citations,
            mode=self.mode,
            found=True,
        )
