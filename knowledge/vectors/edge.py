"""Embedded Qdrant on Qdrant Edge: the engine of a Qdrant server (HNSW, sparse vectors
with IDF, prefetch and RRF fusion, payload indexes) in this process, one Edge shard per
collection under `<folder>/edge/`.

`EdgeEmbedded` stands where qdrant-client keeps its local-mode object
(`QdrantClient._client`), so the service makes the same qdrant-client calls embedded as
on a server; only the calls the service makes are translated, anything else is a clear
error. A shard belongs to one process (its write-ahead log is locked): several workers
reach it through knowledge.vectors.embedded_host.

Edge's `optimize()` (building HNSW) holds the GIL for as long as it runs (seconds at 20k
chunks), so it never runs in the process that answers: once enough points have been
written, a copy of the shard is optimised by a child process while the live one keeps
answering and recording writes, then the writes are replayed on the optimised copy and
the two are swapped (knowledge.vectors.edge_optimize).
"""

from __future__ import annotations

import fcntl
import json
import logging
import shutil
import threading
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path
from typing import Any
from uuid import UUID

import qdrant_edge as edge
from qdrant_client.http import models

log = logging.getLogger(__name__)

SHARDS_FOLDER = "edge"
# What the host process serves to workers (knowledge.vectors.embedded_host): qdrant-client's calls.
CLIENT_CALLS = frozenset(
    "collection_exists create_collection delete_collection get_collection create_payload_index "
    "upsert update_vectors delete set_payload overwrite_payload delete_payload retrieve scroll count "
    "query_batch_points query_points".split()
)


class EdgeEmbedded:
    """qdrant-client's calls on a folder of Edge shards; safe to share between threads
    (every shard call holds one lock: Edge holds the GIL while it works anyway)."""

    def __init__(self, path: Path, *, optimize_after: int = 20_000) -> None:
        self.location = str(path)  # as local mode has it: marks the client as embedded
        self.folder = path / SHARDS_FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        # The folder is this process's (Edge locks each shard's log; this covers a folder
        # with no shard yet, and the migration).
        self.holder = open(self.folder / ".lock", "a+")  # noqa: SIM115 - held until close
        try:
            fcntl.flock(self.holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.holder.close()
            raise RuntimeError("another process has it open") from None
        self.optimize_after = optimize_after
        # Writes (and swaps) take `writing` first: a copy being made holds only that one,
        # so searches go on meanwhile and writes wait for it.
        self.writing = threading.RLock()
        self.lock = threading.RLock()
        self.shards: dict[str, edge.EdgeShard] = {}
        self.params: dict[str, dict[str, Any]] = {}
        # Writes made while a copy is being optimised, replayed on it before the swap.
        self.replay: dict[str, list[edge.UpdateOperation]] = {}
        self.unoptimised: dict[str, int] = {}
        self.optimising: set[str] = set()
        for leftover in self.folder.glob(".*.*"):  # an optimisation or swap cut short
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
        from knowledge.vectors.edge_optimize import migrate_local_mode

        migrate_local_mode(path, self)
        for config in sorted(self.folder.glob("*.json")):
            if config.stem not in self.shards:  # (those just migrated are open)
                self._load(config.stem)

    # -- collections --------------------------------------------------------------------

    def collection_exists(self, collection_name: str, **_: Any) -> bool:
        return collection_name in self.shards

    def create_collection(
        self,
        collection_name: str,
        vectors_config: dict[str, models.VectorParams] | None = None,
        sparse_vectors_config: dict[str, models.SparseVectorParams] | None = None,
        **_: Any,
    ) -> bool:
        with self.writing, self.lock:
            if collection_name in self.shards:
                raise ValueError(f"collection {collection_name} already exists")
            params = {
                "vectors": {
                    n: v.model_dump(mode="json") for n, v in (vectors_config or {}).items()
                },
                "sparse_vectors": {
                    n: v.model_dump(mode="json") for n, v in (sparse_vectors_config or {}).items()
                },
                "optimised_points": 0,
            }
            path = self.folder / collection_name
            shutil.rmtree(path, ignore_errors=True)  # a creation cut short
            self.shards[collection_name] = edge.EdgeShard.create(str(path), _config(params))
            self.params[collection_name] = params
            self._save_params(collection_name)
            return True

    def delete_collection(self, collection_name: str, **_: Any) -> bool:
        with self.writing, self.lock:
            shard = self.shards.pop(collection_name, None)
            if shard is None:
                return False
            shard.close()
            shutil.rmtree(self.folder / collection_name, ignore_errors=True)
            (self.folder / f"{collection_name}.json").unlink(missing_ok=True)
            return True

    def get_collection(self, collection_name: str, **_: Any) -> models.CollectionInfo:
        """Enough of a server's answer for what the service reads: the vectors' params
        and how many points there are."""
        with self.lock:
            info = self._shard(collection_name).info()
            params = self.params[collection_name]
        vectors = {n: models.VectorParams(**v) for n, v in params["vectors"].items()}
        sparse = {n: models.SparseVectorParams(**v) for n, v in params["sparse_vectors"].items()}
        return models.CollectionInfo.model_construct(
            status=models.CollectionStatus.GREEN,
            points_count=info.points_count,
            indexed_vectors_count=info.indexed_vectors_count,
            segments_count=info.segments_count,
            config=models.CollectionConfig.model_construct(
                params=models.CollectionParams(vectors=vectors, sparse_vectors=sparse or None)
            ),
            payload_schema={},
        )

    def create_payload_index(
        self, collection_name: str, field_name: str, field_schema: Any = None, **_: Any
    ) -> models.UpdateResult:
        if isinstance(field_schema, models.KeywordIndexParams):
            schema: Any = edge.KeywordIndexParams(is_tenant=field_schema.is_tenant)
        else:  # keyword, integer, ... as Edge spells them
            schema = getattr(edge.PayloadSchemaType, models.PayloadSchemaType(field_schema).title())
        return self._update(
            collection_name, edge.UpdateOperation.create_field_index(field_name, schema)
        )

    # -- points -------------------------------------------------------------------------

    def upsert(self, collection_name: str, points: Any, **_: Any) -> models.UpdateResult:
        if isinstance(points, models.Batch):
            raise ValueError("embedded Qdrant takes points, not batches")
        converted = [
            edge.Point(_edge_id(p.id), _edge_vectors(p.vector), p.payload or {}) for p in points
        ]
        result = self._update(collection_name, edge.UpdateOperation.upsert_points(converted))
        self._written(collection_name, len(converted))
        return result

    def update_vectors(
        self, collection_name: str, points: Any, update_filter: models.Filter | None = None,
        **_: Any,
    ) -> models.UpdateResult:  # fmt: skip
        """New vectors for points that match `update_filter`; a missing point is an error
        (as on a server), after the points before it were updated."""
        converted = [edge.PointVectors(_edge_id(p.id), _edge_vectors(p.vector)) for p in points]
        operation = edge.UpdateOperation.update_vectors(converted, _filter(update_filter))
        return self._update(collection_name, operation)

    def delete(self, collection_name: str, points_selector: Any, **_: Any) -> models.UpdateResult:
        return self._on_points(collection_name, points_selector, "delete_points")

    def set_payload(
        self, collection_name: str, payload: dict, points: Any, key: str | None = None, **_: Any
    ) -> models.UpdateResult:
        return self._on_points(collection_name, points, "set_payload", payload, key)

    def overwrite_payload(
        self, collection_name: str, payload: dict, points: Any, **_: Any
    ) -> models.UpdateResult:
        return self._on_points(collection_name, points, "overwrite_payload", payload)

    def delete_payload(
        self, collection_name: str, keys: list[str], points: Any, **_: Any
    ) -> models.UpdateResult:
        return self._on_points(collection_name, points, "delete_payload", keys)

    def retrieve(
        self, collection_name: str, ids: Iterable[Any], with_payload: Any = True,
        with_vectors: Any = False, **_: Any,
    ) -> list[models.Record]:  # fmt: skip
        with self.lock:
            found = self._shard(collection_name).retrieve(
                [_edge_id(i) for i in ids], _selector(with_payload), with_vectors
            )
        return [_record(r) for r in found]

    def scroll(
        self, collection_name: str, scroll_filter: models.Filter | None = None, limit: int = 10,
        offset: Any = None, with_payload: Any = True, with_vectors: Any = False, **_: Any,
    ) -> tuple[list[models.Record], Any]:  # fmt: skip
        request = edge.ScrollRequest(
            offset=None if offset is None else _edge_id(offset), limit=limit,
            filter=_filter(scroll_filter), with_payload=_selector(with_payload),
            with_vector=with_vectors,
        )  # fmt: skip
        with self.lock:
            records, following = self._shard(collection_name).scroll(request)
        return [_record(r) for r in records], None if following is None else _id(following)

    def count(
        self, collection_name: str, count_filter: models.Filter | None = None, exact: bool = True,
        **_: Any,
    ) -> models.CountResult:  # fmt: skip
        request = edge.CountRequest(exact=exact, filter=_filter(count_filter))
        with self.lock:
            return models.CountResult(count=self._shard(collection_name).count(request))

    def query_batch_points(
        self, collection_name: str, requests: list[models.QueryRequest], **_: Any
    ) -> list[models.QueryResponse]:
        batch = edge.QueryBatchRequest([_query(r) for r in requests])
        with self.lock:
            answers = self._shard(collection_name).query_batch(batch)
        return [models.QueryResponse(points=[_scored(p) for p in points]) for points in answers]

    def query_points(
        self, collection_name: str, *, query_filter: Any = None, search_params: Any = None,
        with_vectors: Any = False, **request: Any,
    ) -> models.QueryResponse:  # fmt: skip
        fields = set(models.QueryRequest.model_fields) - {"filter", "params", "with_vector"}
        query = models.QueryRequest(
            filter=query_filter, params=search_params, with_vector=with_vectors,
            **{k: v for k, v in request.items() if k in fields and v is not None},
        )  # fmt: skip
        return self.query_batch_points(collection_name, [query])[0]

    def close(self, **_: Any) -> None:
        with self.writing, self.lock:
            for shard in self.shards.values():
                shard.close()
            self.shards.clear()
            self.holder.close()  # and with it the folder's lock

    # -- the shards ---------------------------------------------------------------------

    def _shard(self, collection: str) -> edge.EdgeShard:
        shard = self.shards.get(collection)
        if shard is None:
            raise ValueError(f"Collection {collection} not found")
        return shard

    def _load(self, collection: str) -> None:
        path = self.folder / collection
        if not path.is_dir():  # its creation was cut short: the shard is made anew
            (self.folder / f"{collection}.json").unlink(missing_ok=True)
            return
        self.params[collection] = json.loads((self.folder / f"{collection}.json").read_text())
        self.shards[collection] = edge.EdgeShard.load(str(path))
        points = self.shards[collection].info().points_count
        self.unoptimised[collection] = points - self.params[collection].get("optimised_points", 0)

    def _save_params(self, collection: str) -> None:
        target = self.folder / f"{collection}.json"
        target.with_suffix(".tmp").write_text(json.dumps(self.params[collection]))
        target.with_suffix(".tmp").replace(target)

    def _on_points(
        self, collection: str, selector: Any, operation: str, *arguments: Any
    ) -> models.UpdateResult:
        """An update of the selected points: by ids, or else by filter (Edge's
        `<operation>_by_filter`)."""
        ids, query_filter = _selected(selector)
        if ids is None:
            make = getattr(edge.UpdateOperation, f"{operation}_by_filter")
            return self._update(collection, make(query_filter, *arguments))
        return self._update(collection, getattr(edge.UpdateOperation, operation)(ids, *arguments))

    def _update(self, collection: str, operation: edge.UpdateOperation) -> models.UpdateResult:
        with self.writing, self.lock:
            self._shard(collection).update(operation)
            if collection in self.replay:
                self.replay[collection].append(operation)
        return models.UpdateResult(operation_id=None, status=models.UpdateStatus.COMPLETED)

    def _written(self, collection: str, points: int) -> None:
        """Count what the last optimisation has not indexed; start one when it is enough."""
        with self.lock:
            self.unoptimised[collection] = self.unoptimised.get(collection, 0) + points
            due = self.unoptimised[collection] >= self.optimize_after
            if not due or collection in self.optimising:
                return
            self.optimising.add(collection)
        from knowledge.vectors.edge_optimize import optimise_in_background

        optimise_in_background(self, collection)

    def copy_for_optimising(self, collection: str) -> Path:
        """A copy of the live shard as it is now (writes from now on are recorded)."""
        with self.writing:  # searches go on while the files are copied
            self._shard(collection).flush()
            copy = self.optimising_copy(collection)
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(self.folder / collection, copy)
            self.replay[collection] = []
            return copy

    def optimising_copy(self, collection: str) -> Path:
        """Where a shard's copy is optimised (a dot folder: removed at open if left)."""
        return self.folder / f".{collection}.optimising"

    def optimisation_failed(self, collection: str, copy: Path) -> None:
        with self.lock:
            self.replay.pop(collection, None)
            self.optimising.discard(collection)
            self.unoptimised[collection] = 0  # tried again after as many writes more
        shutil.rmtree(copy, ignore_errors=True)

    def swap(self, collection: str, optimised: Path) -> None:
        """Put the optimised copy in the live shard's place, with the writes made meanwhile
        replayed on it first."""
        with self.writing, self.lock:
            if collection not in self.shards:  # closed or deleted meanwhile
                self.replay.pop(collection, None)
                self.optimising.discard(collection)
                shutil.rmtree(optimised, ignore_errors=True)
                return
            live = self.folder / collection
            copy = edge.EdgeShard.load(str(optimised))
            for operation in self.replay.pop(collection, []):
                copy.update(operation)
            copy.flush()
            copy.close()
            self.shards.pop(collection).close()
            retired = live.with_name(f".{collection}.retired")
            shutil.rmtree(retired, ignore_errors=True)
            live.rename(retired)
            optimised.rename(live)
            self.shards[collection] = edge.EdgeShard.load(str(live))
            shutil.rmtree(retired, ignore_errors=True)
            points = self.shards[collection].info().points_count
            self.params[collection]["optimised_points"] = points
            self.unoptimised[collection] = 0
            self._save_params(collection)
            self.optimising.discard(collection)


def _config(params: dict[str, Any]) -> edge.EdgeConfig:
    vectors = {}
    for name, raw in params["vectors"].items():
        vector = models.VectorParams(**raw)
        multi = vector.multivector_config
        hnsw = vector.hnsw_config
        searched = hnsw is None or hnsw.m != 0  # m=0: only read back (sentence vectors)
        vectors[name] = edge.EdgeVectorParams(
            size=vector.size,
            distance=getattr(edge.Distance, vector.distance.value),
            multivector_config=edge.MultiVectorConfig(edge.MultiVectorComparator.MaxSim)
            if multi is not None
            else None,
            hnsw_config=None
            if searched
            else edge.HnswIndexConfig(m=0, ef_construct=100, full_scan_threshold=10_000),
            # Optimised segments keep the originals on disk (read for rescoring and read
            # back); searches run on int8 copies in RAM (a quarter of the size).
            memory=edge.Memory.Cold,
            quantization_config=edge.ScalarQuantizationConfig(
                type=edge.ScalarType.Int8, quantile=0.99, memory=edge.Memory.Pinned
            )
            if searched
            else None,
        )
    sparse = {
        name: edge.EdgeSparseVectorParams(
            modifier=edge.Modifier.Idf
            if models.SparseVectorParams(**raw).modifier == models.Modifier.IDF
            else None
        )
        for name, raw in params["sparse_vectors"].items()
    }
    # One search thread: Edge holds the GIL while it searches, so its pool's threads
    # only add hand-offs (0.75 ms of CPU a search on the sample knowledge base, 0.40 ms
    # with one), and the API workers already use the other cores.
    return edge.EdgeConfig(vectors=vectors, sparse_vectors=sparse, max_search_threads=1)


# -- from qdrant-client's models to Edge's, and back -----------------------------------


def _edge_id(point_id: Any) -> int | str:
    if isinstance(point_id, int):
        return point_id
    text = str(point_id)
    return int(text) if text.isdigit() else text  # an integer id read back as text


def _id(point_id: Any) -> int | str:
    return str(point_id) if isinstance(point_id, UUID) else point_id


def _edge_vector(vector: Any) -> Any:
    if isinstance(vector, models.SparseVector):
        return edge.SparseVector(list(vector.indices), list(vector.values))
    return vector


def _edge_vectors(vector: Any) -> Any:
    if isinstance(vector, dict):
        return {name: _edge_vector(v) for name, v in vector.items()}
    return _edge_vector(vector)


def _vectors(vector: Any) -> Any:
    if not isinstance(vector, dict):
        return vector or None
    return {
        name: models.SparseVector(indices=v.indices, values=v.values)
        if isinstance(v, edge.SparseVector)
        else v
        for name, v in vector.items()
    }


def _record(record: Any) -> models.Record:
    # (Constructed, not validated: it comes from Qdrant itself.)
    return models.Record.model_construct(
        id=_id(record.id), payload=record.payload, vector=_vectors(record.vector)
    )


def _scored(point: Any) -> models.ScoredPoint:
    return models.ScoredPoint.model_construct(
        id=_id(point.id), version=point.version, score=point.score, payload=point.payload,
        vector=_vectors(point.vector), shard_key=None, order_value=None,
    )  # fmt: skip


def _selector(with_payload: Any) -> Any:
    if isinstance(with_payload, models.PayloadSelectorInclude):
        return list(with_payload.include)
    if isinstance(with_payload, bool | list):
        return with_payload
    raise ValueError(f"embedded Qdrant does not select payloads by {type(with_payload).__name__}")


def _selected(selector: Any) -> tuple[list[int | str] | None, Any]:
    """Point ids, or else a filter, from a points selector."""
    if isinstance(selector, models.PointIdsList):
        selector = selector.points
    if isinstance(selector, list):
        return [_edge_id(p) for p in selector], None
    if isinstance(selector, models.FilterSelector):
        selector = selector.filter
    return None, _filter(selector)


def _filter(query_filter: models.Filter | None) -> edge.Filter | None:
    if query_filter is None:
        return None

    def conditions(found: Any) -> list[Any] | None:
        if found is None:
            return None
        return [_condition(c) for c in (found if isinstance(found, list) else [found])]

    return edge.Filter(
        must=conditions(query_filter.must), should=conditions(query_filter.should),
        must_not=conditions(query_filter.must_not),
    )  # fmt: skip


def _condition(condition: Any) -> Any:
    if isinstance(condition, models.Filter):
        return _filter(condition)
    if isinstance(condition, models.IsEmptyCondition):
        return edge.IsEmptyCondition(condition.is_empty.key)
    if isinstance(condition, models.IsNullCondition):
        return edge.IsNullCondition(condition.is_null.key)
    if isinstance(condition, models.HasIdCondition):
        return edge.HasIdCondition({_edge_id(i) for i in condition.has_id})
    if isinstance(condition, models.FieldCondition):
        match, bounds = condition.match, condition.range
        if isinstance(match, models.MatchValue):
            return edge.FieldCondition(condition.key, match=edge.MatchValue(match.value))
        if isinstance(match, models.MatchAny):
            return edge.FieldCondition(condition.key, match=edge.MatchAny(list(match.any)))
        if isinstance(match, models.MatchExcept):
            return edge.FieldCondition(condition.key, match=edge.MatchExcept(list(match.except_)))
        if isinstance(bounds, models.Range):
            limits = edge.RangeFloat(gte=bounds.gte, gt=bounds.gt, lte=bounds.lte, lt=bounds.lt)
            return edge.FieldCondition(condition.key, range=limits)
        if isinstance(bounds, models.DatetimeRange):
            moments = {k: _rfc3339(getattr(bounds, k)) for k in ("gte", "gt", "lte", "lt")}
            return edge.FieldCondition(condition.key, range=edge.RangeDateTime(**moments))
    raise ValueError(f"embedded Qdrant does not filter by {condition!r}")


def _rfc3339(moment: Any) -> str | None:
    """A bound as Edge reads it (naive times taken as UTC, as Qdrant does)."""
    if moment is None:
        return None
    if isinstance(moment, str):
        return moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


def _scoring(query: Any, using: str | None) -> Any:
    if query is None:
        return None
    if isinstance(query, models.NearestQuery):
        query = query.nearest
    if isinstance(query, models.RrfQuery):
        return edge.Fusion.Rrf(k=query.rrf.k or 60, weights=query.rrf.weights)
    if isinstance(query, models.FusionQuery) and query.fusion == models.Fusion.RRF:
        return edge.Fusion.Rrf(k=60)
    if isinstance(query, list | models.SparseVector):
        return edge.Query.Nearest(_edge_vector(query), using=using)
    raise ValueError(f"embedded Qdrant does not answer a {type(query).__name__}")


def _prefetch(prefetch: models.Prefetch) -> edge.Prefetch:
    return edge.Prefetch(
        limit=prefetch.limit or 10, query=_scoring(prefetch.query, prefetch.using),
        prefetches=[_prefetch(p) for p in _listed(prefetch.prefetch)] or None,
        filter=_filter(prefetch.filter), score_threshold=prefetch.score_threshold,
    )  # fmt: skip


def _query(request: models.QueryRequest) -> edge.QueryRequest:
    return edge.QueryRequest(
        limit=request.limit or 10, offset=request.offset,
        query=_scoring(request.query, request.using),
        prefetches=[_prefetch(p) for p in _listed(request.prefetch)] or None,
        with_vector=request.with_vector or False,
        with_payload=_selector(request.with_payload or False),
        filter=_filter(request.filter), score_threshold=request.score_threshold,
    )  # fmt: skip


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
