"""Files attached to one question: read by the ingestion loaders, chunked, searched beside
the assistant's knowledge bases and cited as `attachment:<name>`. Nothing of them is
written to a knowledge base; the conversation keeps only their names and sizes.

A 2 MB text is some 2,000 chunks, and embedding them all took this machine's encoder
over ten minutes. So a search first ranks the chunks by the question's words and
embeds only the best few (each chunk's vector is kept for the next search of the turn);
the bound on one turn's work is EMBEDDED_PER_SEARCH chunks, whatever is attached."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from agents.retrieval import Passage, SearchScope
from knowledge.documents.chunking import Chunk, Chunker
from knowledge.documents.loaders import (
    DocumentParseError,
    UnsupportedFormatError,
    kind_of,
    load_bytes,
)
from knowledge.encoders.embeddings import LocalEmbeddings

PASSAGES_PER_TURN = 3  # the attachments' best chunks, put before the knowledge bases'
EMBEDDED_PER_SEARCH = 16  # chunks embedded for one search, the best by the question's words
WORD = re.compile(r"\w{2,}")


class AttachmentError(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Attachment:
    name: str
    size: int
    chunks: tuple[Chunk, ...]
    # Each chunk's vector once a search has embedded it (by the chunk's position).
    vectors: dict[int, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def summary(self) -> dict[str, object]:
        return {"name": self.name, "size": self.size}


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def keyword_ranked(
    chunks: list[tuple[Attachment, int]], query: str, keep: int
) -> list[tuple[Attachment, int]]:
    """The `keep` chunks whose words best match the question's (BM25-like: rare words
    count more), in document order where no word matches."""
    wanted = set(_words(query))
    counts = [Counter(_words(a.chunks[i].text)) for a, i in chunks]
    seen_in = Counter(word for c in counts for word in wanted & c.keys())
    total = len(chunks)

    def score(n: int) -> float:
        return sum(
            math.log(1 + total / seen_in[w]) * counts[n][w] / (counts[n][w] + 1.2)
            for w in wanted if counts[n][w]
        )  # fmt: skip

    order = sorted(range(total), key=lambda n: (-score(n), n))
    return [chunks[n] for n in order[:keep]]


def read_attachments(
    files: list[tuple[str, bytes]],
    *,
    chunker: Chunker,
    max_files: int,
    max_bytes: int,
    max_pages: int,
) -> list[Attachment]:
    """The files, parsed and chunked; AttachmentError naming the file that cannot be
    used (413 too large, 415 an unsupported type, 422 unreadable or too many)."""
    if len(files) > max_files:
        raise AttachmentError(422, f"at most {max_files} files may be attached to a question")
    attachments = []
    for name, data in files:
        if len(data) > max_bytes:
            raise AttachmentError(413, f"attachment {name!r} exceeds {max_bytes} bytes")
        try:
            if kind_of(name) == "image":  # OCR is for ingestion, off the request path
                raise UnsupportedFormatError(
                    "images are not read as attachments: upload them to a knowledge base, "
                    "where OCR reads them"
                )
            document = load_bytes(data, name)
        except UnsupportedFormatError as exc:
            raise AttachmentError(415, f"attachment {name!r}: {exc}") from exc
        except DocumentParseError as exc:
            raise AttachmentError(422, f"attachment {name!r} could not be read: {exc}") from exc
        if len(document.pages) > max_pages:
            raise AttachmentError(
                413, f"attachment {name!r} has {len(document.pages)} pages; at most {max_pages}"
            )
        chunks = tuple(chunker.split(document, org_id="", kb_id=""))
        if not chunks:
            raise AttachmentError(422, f"attachment {name!r} has no text")
        attachments.append(Attachment(name, len(data), chunks))
    return attachments


class AttachmentSearcher:
    """The assistant's searcher, with the attachments' best chunks first: the person
    attached them to ask about them, so they need no relevance threshold."""

    def __init__(self, base: object, attachments: list[Attachment], embeddings: LocalEmbeddings):
        self.base = base
        self.attachments = attachments
        self.embeddings = embeddings

    def closeness(self, texts: list[str], scope: SearchScope) -> list[float]:
        """The knowledge bases' closeness (guardrails weigh topics against it)."""
        closeness = getattr(self.base, "closeness", None)
        return closeness(texts, scope) if closeness else [-1.0] * len(texts)

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        found: list[Passage] = self.base.search(query, scope)  # type: ignore[attr-defined]
        query_vector = np.asarray(self.embeddings.embed_query(query))
        every = [(a, i) for a in self.attachments for i in range(len(a.chunks))]
        best = keyword_ranked(every, query, EMBEDDED_PER_SEARCH)
        missing = [(a, i) for a, i in best if i not in a.vectors]
        if missing:
            vectors = self.embeddings.encode([a.chunks[i].embed_text for a, i in missing])
            for (attachment, i), vector in zip(missing, vectors, strict=True):
                attachment.vectors[i] = np.asarray(vector)
        scored = [(float(a.vectors[i] @ query_vector), a, a.chunks[i]) for a, i in best]
        scored.sort(key=lambda item: -item[0])
        own = [
            Passage(
                text=chunk.text,
                title=attachment.name,
                source=f"attachment:{attachment.name}",
                section=chunk.section,
                page=chunk.page,
                score=round(score, 4),
            )
            for score, attachment, chunk in scored[:PASSAGES_PER_TURN]
        ]
        return own + found
