"""A document as its readers see it: the text of its indexed chunks in order, sections
and pages kept, for the read-only view a citation links to."""

from __future__ import annotations

from typing import Any

from qdrant_client import QdrantClient, models

from knowledge.vectors.store import scroll_points, tenant_filter


def _without_overlap(previous: str, current: str, longest: int = 400) -> str:
    """`current` minus the start it shares with the end of `previous` (chunks overlap)."""
    for size in range(min(longest, len(previous), len(current)), 20, -1):
        if previous.endswith(current[:size]):
            return current[size:]
    return current


def document_text(
    client: QdrantClient, collection: str, *, org_id: str, kb_ids: list[str], source: str
) -> dict[str, Any] | None:
    """Title, source and the text in parts ({section, page, text}); None when none of the
    knowledge bases holds the source."""
    if not kb_ids:
        return None
    query = tenant_filter(
        org_id, kb_ids,
        models.FieldCondition(key="metadata.source", match=models.MatchValue(value=source)),
    )  # fmt: skip
    points = list(scroll_points(client, collection, scroll_filter=query, payload=True))
    if not points:
        return None
    chunks = sorted(
        ((p.payload or {}) for p in points),
        key=lambda payload: (payload["metadata"].get("kb_id", ""),
                             payload["metadata"].get("chunk_index", 0)),
    )  # fmt: skip
    first_kb = chunks[0]["metadata"].get("kb_id")
    parts: list[dict[str, Any]] = []
    previous = ""
    for payload in chunks:
        metadata = payload["metadata"]
        if metadata.get("kb_id") != first_kb:
            break  # the same source in another knowledge base is another document
        text = _without_overlap(previous, payload.get("page_content", ""))
        previous = payload.get("page_content", "")
        where = (metadata.get("section"), metadata.get("page"))
        if parts and (parts[-1]["section"], parts[-1]["page"]) == where:
            parts[-1]["text"] += text
        else:
            parts.append({"section": where[0], "page": where[1], "text": text})
    return {"title": chunks[0]["metadata"].get("title") or source, "source": source,
            "parts": parts}  # fmt: skip
