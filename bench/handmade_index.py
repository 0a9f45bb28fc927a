"""The hand-made index embedded mode used before Qdrant Edge (knowledge/vector_index.py
until then), kept only as bench/scale.py's baseline: it is no longer part of the service.

An in-process search index over the embedded Qdrant collection.

Qdrant's local mode scores every point in Python for each query, so a hybrid query grows
linearly with the collection (about a second at 100k chunks). This index keeps the same
vectors in NumPy instead: a dense matrix scored with one matrix-vector product and an
inverted index (term -> rows, weights) for the sparse side, scored only over the rows
that share a term with the query. It answers with the same semantics as a Qdrant query:
cosine for dense, dot product x collection-wide IDF for sparse (Qdrant's formula), and
Qdrant's weighted RRF for fusion; only ids and scores come from here, payloads still
come from Qdrant.

It is kept in step by the embedded client wrapper (knowledge.vectors.store), which reports every
write; it is built from the collection itself on first use. A Qdrant server keeps using
its own indexes.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from qdrant_client import models

from agents.retrieval import IndexHits

INITIAL_ROWS = 1024


class _Postings:
    """One term's rows and weights, grown by doubling."""

    __slots__ = ("rows", "values", "size")

    def __init__(self) -> None:
        self.rows = np.empty(8, dtype=np.int32)
        self.values = np.empty(8, dtype=np.float32)
        self.size = 0

    def extend(self, rows: np.ndarray, values: np.ndarray) -> None:
        end = self.size + len(rows)
        if end > len(self.rows):
            capacity = max(end, 2 * len(self.rows))
            self.rows = np.resize(self.rows, capacity)
            self.values = np.resize(self.values, capacity)
        self.rows[self.size : end] = rows
        self.values[self.size : end] = values
        self.size = end


class _Codes:
    """Strings (organisation or knowledge base ids) as small integers for masks."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def code(self, value: Any) -> int:
        if not isinstance(value, str):
            return -1  # untenanted: matches no filter, as in Qdrant
        return self.codes.setdefault(value, len(self.codes))

    def known(self, values: Iterable[str]) -> list[int]:
        return [self.codes[v] for v in values if v in self.codes]


class VectorIndex:
    """Dense + sparse vectors of one collection, rows appended and tombstoned."""

    def __init__(self, *, dense_name: str, sparse_name: str, tenant_field: str, kb_field: str):
        self.dense_name = dense_name
        self.sparse_name = sparse_name
        self.tenant_field = tenant_field
        self.kb_field = kb_field
        self.lock = threading.RLock()
        self._reset()

    def _reset(self) -> None:
        self.ids: list[int | str] = []
        self.row_of: dict[str, int] = {}
        self.dense: np.ndarray | None = None
        self.alive = np.zeros(INITIAL_ROWS, dtype=bool)
        self.has_sparse = np.zeros(INITIAL_ROWS, dtype=bool)
        self.org = np.full(INITIAL_ROWS, -1, dtype=np.int32)
        self.kb = np.full(INITIAL_ROWS, -1, dtype=np.int32)
        self.orgs = _Codes()
        self.kbs = _Codes()
        self.postings: dict[int, _Postings] = {}
        self.sparse_docs = 0  # live points with a sparse vector: IDF's N
        self.dead = 0

    # -- writes ---------------------------------------------------------------------

    def add(self, points: Sequence[Any]) -> None:
        """Upserted points (models.PointStruct or Record, with vectors and payload)."""
        with self.lock:
            first = len(self.ids)
            self._grow(first + len(points))
            term_rows: list[np.ndarray] = []
            term_ids: list[np.ndarray] = []
            term_values: list[np.ndarray] = []
            for offset, point in enumerate(points):
                row = first + offset
                self._remove([str(point.id)])  # an upsert replaces the point (last one wins)
                self.ids.append(point.id)  # as given: Qdrant tells int and UUID ids apart
                self.row_of[str(point.id)] = row
                vectors = point.vector if isinstance(point.vector, dict) else {}
                self._set_dense(row, vectors.get(self.dense_name))
                payload = point.payload or {}
                self.org[row] = self.orgs.code(payload.get(self.tenant_field))
                self.kb[row] = self.kbs.code(payload.get(self.kb_field))
                self.alive[row] = True
                sparse = vectors.get(self.sparse_name)
                if sparse is not None:
                    self.has_sparse[row] = True
                    self.sparse_docs += 1
                    if len(sparse.indices):
                        term_ids.append(np.asarray(sparse.indices, dtype=np.int64))
                        term_values.append(np.asarray(sparse.values, dtype=np.float32))
                        term_rows.append(np.full(len(sparse.indices), row, dtype=np.int32))
            if term_ids:
                self._post(
                    np.concatenate(term_ids), np.concatenate(term_rows), np.concatenate(term_values)
                )

    def remove(self, point_ids: Iterable[Any]) -> None:
        with self.lock:
            self._remove([str(p) for p in point_ids])

    @property
    def wasteful(self) -> bool:
        """More deleted rows than live ones: worth rebuilding from the collection."""
        return self.dead > max(INITIAL_ROWS, len(self.ids) - self.dead)

    def set_tenant(self, point_ids: Iterable[Any], payload: dict[str, Any]) -> None:
        """A payload update: only the organisation and knowledge base matter here."""
        with self.lock:
            for point_id in point_ids:
                row = self.row_of.get(str(point_id))
                if row is None:
                    continue
                if self.tenant_field in payload:
                    self.org[row] = self.orgs.code(payload[self.tenant_field])
                if self.kb_field in payload:
                    self.kb[row] = self.kbs.code(payload[self.kb_field])

    def rebuild(self, records: Iterable[Any]) -> None:
        """Start again from every point of the collection (Records with vectors)."""
        with self.lock:
            self._reset()
            batch: list[Any] = []
            for record in records:
                batch.append(record)
                if len(batch) >= 4096:
                    self.add(batch)
                    batch = []
            if batch:
                self.add(batch)

    def _remove(self, point_ids: list[str]) -> None:
        for point_id in point_ids:
            row = self.row_of.pop(point_id, None)
            if row is None or not self.alive[row]:
                continue
            self.alive[row] = False
            self.dead += 1
            if self.has_sparse[row]:
                self.sparse_docs -= 1

    def _set_dense(self, row: int, vector: Any) -> None:
        if vector is None:
            return
        values = np.asarray(vector, dtype=np.float32)
        if self.dense is None:
            self.dense = np.zeros((len(self.alive), len(values)), dtype=np.float32)
        norm = float(np.linalg.norm(values))
        # Qdrant normalises vectors of a cosine collection on write; so does this.
        self.dense[row] = values / norm if norm else values

    def _grow(self, rows: int) -> None:
        capacity = len(self.alive)
        if rows <= capacity:
            return
        while capacity < rows:
            capacity *= 2
        self.alive = _resized(self.alive, capacity, False)
        self.has_sparse = _resized(self.has_sparse, capacity, False)
        self.org = _resized(self.org, capacity, -1)
        self.kb = _resized(self.kb, capacity, -1)
        if self.dense is not None:
            grown = np.zeros((capacity, self.dense.shape[1]), dtype=np.float32)
            grown[: len(self.dense)] = self.dense
            self.dense = grown

    def _post(self, terms: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
        order = np.argsort(terms, kind="stable")
        terms, rows, values = terms[order], rows[order], values[order]
        starts = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]])
        ends = np.r_[starts[1:], len(terms)]
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            term = int(terms[start])
            postings = self.postings.get(term)
            if postings is None:
                postings = self.postings[term] = _Postings()
            postings.extend(rows[start:end], values[start:end])

    # -- reads ----------------------------------------------------------------------

    def search(
        self,
        *,
        org_id: str,
        kb_ids: Sequence[str],
        dense: Sequence[float] | None,
        sparse: models.SparseVector | None,
        limit: int,
        rrf_k: int,
        weights: tuple[float, float],
    ) -> IndexHits:
        """Dense only, sparse only or both fused, over one organisation's knowledge bases."""
        with self.lock:
            n = len(self.ids)
            scope = self.alive[:n] & (self.org[:n] == self.orgs.codes.get(org_id, -2))
            scope &= np.isin(self.kb[:n], self.kbs.known(kb_ids))
            rows = np.flatnonzero(scope)
            if not len(rows):
                return IndexHits([], [], None)
            lists: list[tuple[np.ndarray, np.ndarray]] = []
            best_dense = None
            if dense is not None and self.dense is not None:
                query = np.asarray(dense, dtype=np.float32)
                query /= float(np.linalg.norm(query)) or 1.0
                # Scoring every row and masking is faster than gathering a subset when
                # the scope is most of the collection, as it usually is.
                scores = self.dense[:n] @ query if len(rows) > n // 4 else None
                scored = scores[rows] if scores is not None else self.dense[rows] @ query
                best_dense = float(scored.max())
                lists.append(_top(rows, scored, limit))
            if sparse is not None:
                lists.append(self._sparse_top(sparse, scope, limit))
            if len(lists) == 1:
                top_rows, top_scores = lists[0]
                return IndexHits([self.ids[r] for r in top_rows], top_scores.tolist(), best_dense)
            fused = rrf(lists, limit=limit, k=rrf_k, weights=weights)
            return IndexHits([self.ids[r] for r, _ in fused], [s for _, s in fused], best_dense)

    def _sparse_top(
        self, query: models.SparseVector, scope: np.ndarray, limit: int
    ) -> tuple[np.ndarray, np.ndarray]:
        hit_rows: list[np.ndarray] = []
        hit_values: list[np.ndarray] = []
        for term, weight in zip(query.indices, query.values, strict=True):
            postings = self.postings.get(int(term))
            if postings is None:
                continue
            rows = postings.rows[: postings.size]
            values = postings.values[: postings.size]
            live = self.alive[rows]
            # Qdrant's IDF: ln((N - df + 0.5) / (df + 0.5) + 1) over live points.
            df = int(np.count_nonzero(live))
            idf = math.log((self.sparse_docs - df + 0.5) / (df + 0.5) + 1)
            in_scope = scope[rows]
            hit_rows.append(rows[in_scope])
            hit_values.append(values[in_scope] * np.float32(weight * idf))
        if not hit_rows:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        rows = np.concatenate(hit_rows)
        if not len(rows):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        # One pass over the collection's length beats sorting the hits once a common term
        # brings most rows in; for few hits, sorting them is cheaper.
        if len(rows) * 8 > len(scope):
            totals = np.bincount(rows, weights=np.concatenate(hit_values), minlength=len(scope))
            unique = np.flatnonzero(totals)
            return _top(unique, totals[unique].astype(np.float32), limit)
        unique, inverse = np.unique(rows, return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate(hit_values), minlength=len(unique))
        return _top(unique, scores.astype(np.float32), limit)


def _top(rows: np.ndarray, scores: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    if len(scores) > limit:
        part = np.argpartition(-scores, limit - 1)[:limit]
        rows, scores = rows[part], scores[part]
    order = np.argsort(-scores, kind="stable")
    return rows[order], scores[order]


def rrf(
    lists: list[tuple[np.ndarray, np.ndarray]], *, limit: int, k: int, weights: tuple[float, float]
) -> list[tuple[int, float]]:
    """Qdrant's weighted reciprocal rank fusion: weight w at position p (from 0) adds
    1 / ((p + 1) / w + k - 1); ties keep first-seen order, dense before sparse."""
    fused: dict[int, float] = {}
    for (rows, _scores), weight in zip(lists, weights, strict=True):
        for position, row in enumerate(rows.tolist()):
            share = 0.0 if weight <= 0 else 1 / ((position + 1.0) / weight + k - 1.0)
            fused[row] = fused.get(row, 0.0) + share
    return sorted(fused.items(), key=lambda item: -item[1])[:limit]


def _resized(array: np.ndarray, size: int, fill: Any) -> np.ndarray:
    grown = np.full(size, fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown
