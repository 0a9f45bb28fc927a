"""What organisations cost a turn: one organisation with one knowledge base against 50
organisations x 3 assistants over the same total number of chunks, through the whole
app (key resolution, assistant lookup, tenant filters, retrieval, answer, checkpoint).

Prints turns/s and p50 per setup (interleaved rounds; the VM drifts), the ratio of the
many-tenant setup to the single one (target: costs at most 10%), and the p50 of key
resolution cached vs uncached.

    python -m bench.platform --data ../shared/data/squad-dev [--paragraphs 600]
        [--questions 200] [--rounds 3]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from qdrant_client import QdrantClient, models

from app import create_app
from bench.retrieval import as_documents, load
from composition import build_ingestor, build_services
from config import Settings
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
from tenancy import crud
from tenancy.db import Database
from tenancy.keys import KeyResolver
from utils.local_redis import start_redis

ORGS, ASSISTANTS_PER_ORG = 50, 3
ADMIN = "bench-admin"


def settings_for(work: Path, name: str, redis_url: str) -> Settings:
    return Settings(
        _env_file=None, data_dir=work / name, redis_url=redis_url, admin_api_keys=ADMIN,  # type: ignore[call-arg]
        collection_name=name, checkpoint_prefix=name, rate_limit="100000000/minute",
        anonymous_rate_limit="100000000/minute", prune_checkpoints=True,
    )  # fmt: skip


def layout(settings: Settings, tenants: int) -> tuple[list[str], list[tuple[str, str]]]:
    """Organisations (each with ASSISTANTS_PER_ORG assistants, one knowledge base each, and
    one key): the knowledge base ids in order, and (key, assistant id) for each of them."""
    db = Database(settings.database_url_or_local)
    db.migrate()
    kbs, routes = [], []
    with db.session() as session:
        for o in range(tenants):
            org = crud.create_organisation(session, name=f"Org {o}")
            per_org = ASSISTANTS_PER_ORG if tenants > 1 else 1
            assistants = []
            for a in range(per_org):
                kb = crud.create_knowledge_base(session, org_id=org.id, name=f"kb{a}")
                assistant = crud.create_assistant(
                    session, org_id=org.id, name=f"bot{a}", knowledge_bases=[{"kb_id": kb.id}]
                )
                kbs.append((org.id, kb.id))
                assistants.append(assistant.id)
            _, key = crud.create_api_key(
                session, org_id=org.id, name="bench", scopes=["chat"], assistant_ids=None,
                rate_limit=None, expires_at=None,
            )  # fmt: skip
            routes += [(key, assistant) for assistant in assistants]
    db.close()
    return [f"{org}/{kb}" for org, kb in kbs], routes


def copy_points(
    client: QdrantClient, source: str, target: str, owner: dict[str, tuple[str, str]]
) -> None:
    """The same vectors under other tenants: `owner` maps a paragraph to (org, kb)."""
    offset = None
    while True:
        points, offset = client.scroll(
            source, limit=256, offset=offset, with_payload=True, with_vectors=True
        )
        batch = []
        for point in points:
            payload = dict(point.payload or {})
            org_id, kb_id = owner[payload["metadata"]["source"]]
            payload.update(org_id=org_id, kb_id=kb_id)
            payload["metadata"] = {**payload["metadata"], "kb_id": kb_id}
            batch.append(models.PointStruct(id=point.id, vector=point.vector, payload=payload))
        client.upsert(target, batch, wait=True)
        if offset is None:
            return


def run(client, turns: list[tuple[str, str, str]], tag: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    latencies = []
    started = time.perf_counter()
    for i, (key, assistant, question) in enumerate(turns):
        began = time.perf_counter()
        response = client.post(
            "/v1/chat", json={"message": question},
            headers={"X-API-Key": key, "X-Assistant-Id": assistant, "X-Conversation-Id": f"{tag}-{i}"},
        )  # fmt: skip
        latencies.append(time.perf_counter() - began)
        assert response.status_code == 200, response.get_data(as_text=True)
    return len(turns) / (time.perf_counter() - started), statistics.median(latencies) * 1000


def key_resolution(settings: Settings, key: str, samples: int = 2000) -> tuple[float, float]:
    """p50 in microseconds of resolving one key: cached, and from the database each time."""
    db = Database(settings.database_url_or_local)
    results = []
    for cache in (0.5, 0.0):
        resolver = KeyResolver(db, settings_keys=[], admin_keys=[ADMIN], cache_seconds=cache)
        resolver.resolve(key)
        times = []
        for _ in range(samples):
            began = time.perf_counter()
            resolver.resolve(key)
            times.append(time.perf_counter() - began)
        results.append(statistics.median(times) * 1e6)
    db.close()
    return results[0], results[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    corpus, questions = load(args.data)
    rng = random.Random(args.seed)
    corpus = rng.sample(corpus, args.paragraphs)
    ids = {p["id"] for p in corpus}
    asked = rng.sample([q for q in questions if q["doc_id"] in ids], args.questions)

    work = Path(tempfile.mkdtemp(prefix="bench-platform-"))
    redis_server = start_redis(work / "redis")
    embeddings: LocalEmbeddings = load_embeddings(None, 32)
    qdrant = open_embedded(work / "qdrant")
    single, many = (settings_for(work, name, redis_server.url) for name in ("single", "many"))
    single_kbs, single_routes = layout(single, 1)
    many_kbs, many_routes = layout(many, ORGS)

    ensure_collection(qdrant, "single", embeddings.dimensions)
    ensure_collection(qdrant, "many", embeddings.dimensions)
    org_id, kb_id = single_kbs[0].split("/")
    report = build_ingestor(single, qdrant=qdrant, embeddings=embeddings).ingest_documents(
        as_documents(corpus), org_id=org_id, kb_id=kb_id
    )
    # Paragraphs go round-robin to the 150 knowledge bases.
    placed = {p["id"]: i % len(many_kbs) for i, p in enumerate(corpus)}
    copy_points(
        qdrant, "single", "many", {pid: tuple(many_kbs[k].split("/")) for pid, k in placed.items()}
    )  # type: ignore[misc]
    print(
        f"workload: {args.paragraphs} paragraphs ({report.chunks} chunks) in each setup; "
        f"{args.questions} questions x {args.rounds} rounds; single = 1 organisation, 1 knowledge "
        f"base; many = {ORGS} organisations x {ASSISTANTS_PER_ORG} assistants, one knowledge base each"
    )

    apps = {
        name: create_app(s, services_factory=lambda s: build_services(s, qdrant=qdrant, embeddings=embeddings, run_jobs=False)).test_client()
        for name, s in (("single", single), ("many", many))
    }  # fmt: skip
    turns = {
        "single": [(single_routes[0][0], single_routes[0][1], q["question"]) for q in asked],
        "many": [(*many_routes[placed[q["doc_id"]]], q["question"]) for q in asked],
    }
    for name in apps:  # warm up: caches, first queries
        run(apps[name], turns[name][:10], f"warm-{name}")
    figures: dict[str, list[tuple[float, float]]] = {"single": [], "many": []}
    for r in range(args.rounds):
        for name in ("single", "many") if r % 2 == 0 else ("many", "single"):
            figures[name].append(run(apps[name], turns[name], f"r{r}-{name}"))
    print(f"\n{'setup':<8} {'turns/s':>8} {'p50 ms':>8}   (median of {args.rounds} rounds)")
    for name, rows in figures.items():
        print(
            f"{name:<8} {statistics.median(r[0] for r in rows):>8.1f} {statistics.median(r[1] for r in rows):>8.1f}"
        )
    ratios = [m[0] / s[0] for s, m in zip(figures["single"], figures["many"], strict=True)]
    p50s = [m[1] / s[1] for s, m in zip(figures["single"], figures["many"], strict=True)]
    cached, uncached = key_resolution(many, many_routes[0][0])
    print(
        f"platform: many/single turns/s x{statistics.median(ratios):.3f} (rounds: "
        f"{', '.join(f'{r:.3f}' for r in ratios)}), p50 x{statistics.median(p50s):.3f} "
        f"(target: cost <= 10%, i.e. turns/s >= x0.90); key resolution p50 cached "
        f"{cached:.1f} us, uncached (SQLite) {uncached:.1f} us"
    )
    qdrant.close()
    redis_server.stop()


if __name__ == "__main__":
    main()
