"""Split loaded documents into chunks that keep their place in the document."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from knowledge.documents.attributes import ATTRIBUTES_FIELD
from knowledge.documents.loaders import LoadedDocument
from knowledge.documents.plain_headings import marked
from knowledge.documents.plain_headings import sections as plain_sections

# Point ids are uuid5 in a namespace per knowledge base, from source + chunk content:
# re-ingesting the same chunk into the same knowledge base maps to the same point.
POINT_NAMESPACE = uuid.UUID("6f0e8f4e-7d7a-4c53-9a55-0f7c2f6b5e11")
# The knowledge base that existing deployments' documents move into keeps their ids.
LEGACY_KB_ID = "kb_default"
HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3"), ("####", "h4")]


@dataclass(frozen=True)
class Chunk:
    org_id: str
    kb_id: str
    source: str
    title: str
    text: str
    chunk_index: int
    section: str | None = None
    page: int | None = None
    attributes: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def embed_text(self) -> str:
        """What gets embedded: the title and section give a chunk its context."""
        heading = " > ".join(part for part in (self.title, self.section) if part)
        return f"{heading}\n{self.text}" if heading else self.text

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.embed_text.encode()).hexdigest()

    @property
    def point_id(self) -> str:
        return point_id(self.kb_id, self.source, self.content_hash)

    def payload(self) -> dict:
        """langchain-qdrant's payload layout, so its vector store reads our points, with
        the tenant fields every search filters on."""
        return {
            "org_id": self.org_id,
            "kb_id": self.kb_id,
            "page_content": self.text,
            "metadata": {
                "source": self.source,
                "document_id": document_id(self.kb_id, self.source),
                "kb_id": self.kb_id,  # for ranking by the knowledge base's priority
                "title": self.title,
                "section": self.section,
                "page": self.page,
                "chunk_index": self.chunk_index,
                "content_hash": self.content_hash,
            },
            ATTRIBUTES_FIELD: dict(self.attributes),
        }


def document_id(kb_id: str, source: str) -> str:
    """A document's id: the same source in the same knowledge base is the same document."""
    key = source if kb_id == LEGACY_KB_ID else f"{kb_id}\n{source}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def point_id(kb_id: str, source: str, content_hash: str) -> str:
    namespace = POINT_NAMESPACE if kb_id == LEGACY_KB_ID else uuid.uuid5(POINT_NAMESPACE, kb_id)
    return str(uuid.uuid5(namespace, f"{source}\n{content_hash}"))


class Chunker:
    def __init__(self, *, chunk_size: int, chunk_overlap: int) -> None:
        self.headers = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True)
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
            # A sentence end stays with its sentence: the next chunk starts at a word,
            # not at ". ", and this one ends with its full stop.
            keep_separator="end",
        )
        # Plain text and PDF pages wrap their prose at a fixed width: a line break is
        # rarely a sentence's end, so chunks are cut at sentence ends first (kept with
        # the sentence they end), and no chunk starts or ends mid-sentence when a
        # sentence end is near.
        self.prose_splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            separators=["\n\n", ".\n", ". ", "?\n", "? ", "!\n", "! ", "\n", "; ", ", ", " ", ""],
            keep_separator="end",
        )

    def _prose(
        self, text: str, title: str, page: int | None
    ) -> list[tuple[str, str | None, int | None]]:
        """Wrapped prose (a text file, a PDF page) cut at sentence ends, under its plain
        headings (a heading that repeats the document's title is no section)."""
        pieces: list[tuple[str, str | None, int | None]] = []
        for heading, body in plain_sections(text):
            label = heading if heading != title else None
            pieces += [(t, label, page) for t in self.prose_splitter.split_text(body)]
        return pieces

    def split(self, document: LoadedDocument, *, org_id: str, kb_id: str) -> list[Chunk]:
        pieces: list[tuple[str, str | None, int | None]] = []
        if document.pages:  # a PDF's pages, a deck's slides
            for page, text in document.pages:
                pieces += self._prose(text, document.title, page)
        elif document.kind == "text":
            pieces = self._prose(document.text, document.title, None)
        else:
            for section in self.headers.split_text(marked(document.text)):
                names = [section.metadata[k] for _, k in HEADERS if k in section.metadata]
                # The document title is already the chunk's title: keep the rest.
                if names and names[0] == document.title:
                    names = names[1:]
                label = " > ".join(names) or None
                # The header splitter joins a section's paragraphs with a Markdown line
                # break ("  \n"): the blank line the document had between them is put back,
                # or the sentence splitter reads the paragraphs as one.
                content = section.page_content.replace("  \n", "\n\n")
                pieces += [(t, label, None) for t in self.splitter.split_text(content)]
        return [
            Chunk(
                org_id=org_id,
                kb_id=kb_id,
                source=document.source,
                title=document.title,
                text=text.strip(),
                chunk_index=index,
                section=section,
                page=page,
                attributes=document.attributes,
            )
            for index, (text, section, page) in enumerate(p for p in pieces if p[0].strip())
        ]
