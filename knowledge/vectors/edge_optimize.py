"""Work on embedded Qdrant's folder that does not happen on a request: optimising a copy
of a shard in a child process (`python -m knowledge.vectors.edge_optimize <shard folder>`), and
moving a folder written by qdrant-client's local mode (releases before Qdrant Edge) into
Edge shards the first time it is opened."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from config import PROJECT_ROOT

log = logging.getLogger(__name__)

LOCAL_MODE_BACKUP = "local-mode-backup"


class Optimisable(Protocol):
    """What optimising asks of the folder's owner (knowledge.vectors.edge.EdgeEmbedded);
    named here so that this module does not import the one that starts it."""

    def copy_for_optimising(self, collection: str) -> Path: ...
    def optimising_copy(self, collection: str) -> Path: ...
    def optimisation_failed(self, collection: str, copy: Path) -> None: ...
    def swap(self, collection: str, copy: Path) -> None: ...


def optimise_in_background(embedded: Optimisable, collection: str) -> None:
    threading.Thread(
        target=_optimise, args=(embedded, collection), name="edge-optimise", daemon=True
    ).start()


def _optimise(embedded: Optimisable, collection: str) -> None:
    started = time.perf_counter()
    try:
        copy = embedded.copy_for_optimising(collection)
    except (OSError, ValueError) as exc:  # closed meanwhile, or no room for the copy
        log.error("embedded Qdrant: cannot copy the shard to optimise", extra={"reason": str(exc)})
        embedded.optimisation_failed(collection, embedded.optimising_copy(collection))
        return
    copied = time.perf_counter() - started
    done = subprocess.run(
        [sys.executable, "-m", "knowledge.vectors.edge_optimize", str(copy)],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        log.error("embedded Qdrant: optimising failed", extra={"stderr": done.stderr[-2000:]})
        embedded.optimisation_failed(collection, copy)
        return
    embedded.swap(collection, copy)
    log.info(
        "embedded Qdrant optimised",
        extra={"collection": collection, "copy_s": round(copied, 3),
               "total_s": round(time.perf_counter() - started, 3)},
    )  # fmt: skip


def migrate_local_mode(path: Path, embedded: Any) -> None:
    """Every collection local mode kept in `path` becomes an Edge shard with the same
    points (ids, vectors, payloads; `kb export`'s copy); the old files are then moved to
    `local-mode-backup/`. A migration cut short is done again (points upserted by id)."""
    if not (path / "meta.json").exists():
        return
    from qdrant_client import QdrantClient

    from knowledge.vectors.store import copy_collection, count_points, with_embedded

    local = QdrantClient(path=str(path))
    target = with_embedded(embedded)  # (not closed here: the caller's to keep)
    try:
        for name in sorted(c.name for c in local.get_collections().collections):
            moved, expected = copy_collection(local, target, name), count_points(local, name)
            if moved != expected:
                raise RuntimeError(f"moving {name} to Qdrant Edge gave {moved} of {expected}")
            log.info("embedded Qdrant collection moved to Qdrant Edge", extra={"points": moved})
    finally:
        local.close()
    backup = path / LOCAL_MODE_BACKUP
    backup.mkdir(exist_ok=True)
    for leftover in ("meta.json", "collection", ".lock"):
        if (path / leftover).exists():
            shutil.rmtree(backup / leftover, ignore_errors=True)
            (path / leftover).rename(backup / leftover)
    log.warning("embedded Qdrant moved to Qdrant Edge", extra={"backup": str(backup)})


def main() -> int:
    import qdrant_edge

    shard = qdrant_edge.EdgeShard.load(sys.argv[1])
    shard.optimize()
    shard.flush()
    shard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
