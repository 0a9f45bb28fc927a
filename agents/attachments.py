"""Files attached to one question: read by the ingestion loaders, chunked and embedded
for that turn only, searched beside the assistant's knowledge bases and cited as
`attachment:<name>`. Nothing of them is written to a knowledge base; the conversation
keeps only their names and sizes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from agents.retrieval import Passage, SearchScope
from knowledge.chunking import Chunk, Chunker
from knowledge.embeddings import LocalEmbeddings
from knowledge.loaders import DocumentParseError, UnsupportedFormatError, kind_of, load_bytes

PASSAGES_PER_TURN = 3  # the attachments' best chunks, put before the knowledge bases'


class AttachmentError(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Attachment:
    name: str
    size: int
    chunks: tuple[Chunk, ...]
    vectors: np.ndarray

    def summary(self) -> dict[str, object]:
        return {"name": self.name, "size": self.size}


def read_attachments(
    files: list[tuple[str, bytes]],
    *,
    chunker: Chunker,
    embeddings: LocalEmbeddings,
    max_files: int,
    max_bytes: int,
    max_pages: int,
) -> list[Attachment]:
    """The files, parsed and embedded; AttachmentError naming the file that cannot be
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
        vectors = embeddings.encode([chunk.embed_text for chunk in chunks])
        attachments.append(Attachment(name, len(data), chunks, vectors))
    return attachments


class AttachmentSearcher:
    """The assistant's searcher, with the attachments' best chunks first: the person
    attached them to ask about them, so they need no relevance threshold."""

    def __init__(self, base: object, attachments: list[Attachment], embeddings: LocalEmbeddings):
        self.base = base
        self.attachments = attachments
        self.embeddings = embeddings

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        found: list[Passage] = self.base.search(query, scope)  # type: ignore[attr-defined]
        query_vector = np.asarray(self.embeddings.embed_query(query))
        scored = [
            (float(vector @ query_vector), attachment, chunk)
            for attachment in self.attachments
            for chunk, vector in zip(attachment.chunks, attachment.vectors, strict=True)
        ]
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
