"""Work on embedded Qdrant's folder that does not happen on a request: optimising a copy
of a shard in a child process (`python -m knowledge.edge_optimize <shard folder>`), and
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.edge import EdgeEmbedded

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCAL_MODE_BACKUP = "local-mode-backup"
MIGRATION_PAGE = 1000


def optimise_in_background(embedded: EdgeEmbedded, collection: str) -> None:
    threading.Thread(
        target=_optimise, args=(embedded, collection), name="edge-optimise", daemon=True
    ).start()


def _optimise(embedded: EdgeEmbedded, collection: str) -> None:
    started = time.perf_counter()
    try:
        copy = embedded.copy_for_optimising(collection)
    except (OSError, ValueError) as exc:  # closed meanwhile, or no room for the copy
        log.error("embedded Qdrant: cannot copy the shard to optimise", extra={"reason": str(exc)})
        embedded.optimisation_failed(collection, embedded.folder / f".{collection}.optimising")
        return
    copied = time.perf_counter() - started
    done = subprocess.run(
        [sys.executable, "-m", "knowledge.edge_optimize", str(copy)],
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


def migrate_local_mode(path: Path, embedded: EdgeEmbedded) -> None:
    """Every collection local mode kept in `path` becomes an Edge shard with the same
    points (ids, vectors, payloads); the old files are then moved to
    `local-mode-backup/`. A migration cut short is done again from the start."""
    if not (path / "meta.json").exists():
        return
    from qdrant_client.local.qdrant_local import QdrantLocal

    local = QdrantLocal(str(path))
    try:
        for name in sorted(local.collections):
            _migrate(local, name, embedded)
    finally:
        local.close()
    backup = path / LOCAL_MODE_BACKUP
    backup.mkdir(exist_ok=True)
    for leftover in ("meta.json", "collection", ".lock"):
        if (path / leftover).exists():
            shutil.rmtree(backup / leftover, ignore_errors=True)
            (path / leftover).rename(backup / leftover)
    log.warning("embedded Qdrant moved to Qdrant Edge", extra={"backup": str(backup)})


def _migrate(local: object, name: str, embedded: EdgeEmbedded) -> None:
    params = local.get_collection(name).config.params  # type: ignore[attr-defined]
    embedded.delete_collection(name)  # a migration cut short
    embedded.create_collection(name, params.vectors, params.sparse_vectors)
    offset = None
    while True:
        points, offset = local.scroll(  # type: ignore[attr-defined]
            name, limit=MIGRATION_PAGE, offset=offset, with_payload=True, with_vectors=True
        )
        embedded.upsert(name, points)
        if offset is None:
            break
    expected = local.count(name, exact=True).count  # type: ignore[attr-defined]
    moved = embedded.count(name, exact=True).count
    if moved != expected:
        raise RuntimeError(f"moving {name} to Qdrant Edge gave {moved} points of {expected}")
    log.info("embedded Qdrant collection moved to Qdrant Edge", extra={"points": moved})


def main() -> int:
    import qdrant_edge

    shard = qdrant_edge.EdgeShard.load(sys.argv[1])
    shard.optimize()
    shard.flush()
    shard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
