"""Analytics at volume, and what a turn pays for its record.

1. Fills a platform database with N turn records (default 1,000,000: 20 assistants over
   90 days) and 2% as many feedback rows, then times the analytics queries the
   endpoints run (tenancy.analytics): a 30-day daily series of one assistant (target p50
   under 200 ms), the same for the whole organisation, and the unanswered questions.
   On SQLite and on a throwaway PostgreSQL cluster.
2. Times offline turns of the real ChatService (real Redis, sample knowledge base) with
   and without the turn recorder, interleaved, and the recorder's own call: the cost a
   turn pays for its record (target p50 under 1 ms).

    python -m bench.analytics [--records 1000000] [--backends sqlite,postgresql] [--turns 200]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import random
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from composition import build_services
from config import Settings
from ingestion.sample import index_sample_kb
from knowledge.encoders.embeddings import load_embeddings
from knowledge.vectors.embedded import open_embedded
from tenancy import analytics, crud
from tenancy.db import Database
from tenancy.models import Feedback, TurnRecord, utcnow
from tenancy.profiles import AssistantProfile
from utils.local_postgres import LocalPostgres
from utils.local_redis import start_redis

ASSISTANTS, DAYS, BATCH = 20, 90, 20_000


def fill(db: Database, records: int, seed: int = 7) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    with db.session() as session:
        org = crud.create_organisation(session, name="Bench")
        org_id = org.id
    assistants = [f"asst_{i:02d}" for i in range(ASSISTANTS)]
    questions = [f"How do I configure feature number {i}?" for i in range(500)]
    now = utcnow()
    for start in range(0, records, BATCH):
        rows = [
            {
                "org_id": org_id,
                "assistant_id": rng.choice(assistants),
                "key_id": "key_bench",
                "conversation_hash": f"{rng.randrange(200_000):064x}",
                "message_id": None,
                "created_at": now - timedelta(seconds=rng.uniform(0, DAYS * 86400)),
                "latency_ms": rng.lognormvariate(3.5, 0.5),
                "stage_ms": {},
                "mode": "extractive",
                "found": rng.random() > 0.15,
                "refused": rng.random() < 0.03,
                "escalated": rng.random() < 0.01,
                "citation_count": 2,
                "tokens": None,
                "question": rng.choice(questions),
            }
            for _ in range(min(BATCH, records - start))
        ]
        with db.session() as session:
            session.execute(insert(TurnRecord), rows)
    feedback = [
        {
            "id": f"fb_{i:014d}",
            "org_id": org_id,
            "assistant_id": rng.choice(assistants),
            "key_id": "key_bench",
            "conversation_hash": f"{i:064x}",
            "message_id": f"m{i}",
            "rating": rng.choice(("up", "down")),
            "comment": None,
            "question": "q",
            "answer": "a",
            "citations": [],
            "created_at": now - timedelta(days=rng.uniform(0, DAYS)),
            "updated_at": now - timedelta(days=rng.uniform(0, DAYS)),
        }  # fmt: skip
        for i in range(records // 50)
    ]
    with db.session() as session:
        for start in range(0, len(feedback), BATCH):
            session.execute(insert(Feedback), feedback[start : start + BATCH])
    return org_id, assistants


def p50_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_queries(db: Database, org_id: str, assistant: str, encode, rounds: int = 15) -> None:  # type: ignore[no-untyped-def]
    until = utcnow()
    since = until - timedelta(days=30)
    one, everyone, gaps = [], [], []
    for _ in range(rounds):  # interleaved, so drift hits all three alike
        for bucket, scope in ((one, assistant), (everyone, None)):
            started = time.perf_counter()
            with db.session() as session:
                body = analytics.series(session, org_id=org_id, assistant_id=scope,
                                        since=since, until=until, interval="day")  # fmt: skip
            bucket.append(time.perf_counter() - started)
        started = time.perf_counter()
        with db.session() as session:
            analytics.unanswered(session, org_id=org_id, assistant_id=assistant,
                                 since=since, until=until, encode=encode)  # fmt: skip
        gaps.append(time.perf_counter() - started)
    print(f"  one assistant, 30 days daily: p50 {p50_ms(one):.0f} ms "
          f"({body['totals']['turns']} turns in range for all; target < 200 ms)")  # fmt: skip
    print(f"  whole organisation, 30 days daily: p50 {p50_ms(everyone):.0f} ms")
    print(f"  unanswered questions, one assistant, 30 days: p50 {p50_ms(gaps):.0f} ms "
          f"(first call {gaps[0] * 1000:.0f} ms: embeds the distinct wordings)")  # fmt: skip


def record_cost(turns: int, work: Path) -> None:
    embeddings = load_embeddings(None, 32)
    index_sample_kb(work / "qdrant", embeddings, "knowledge_base")
    redis = start_redis(work / "redis")
    settings = Settings(_env_file=None, data_dir=work / "data", redis_url=redis.url)  # type: ignore[call-arg]
    services = build_services(settings, qdrant=open_embedded(work / "qdrant"),
                              embeddings=embeddings, run_jobs=False)  # fmt: skip
    try:
        services.recorder.start()
        chat = services.chat
        profile: AssistantProfile = services.profiles.get(org_id="org_default",
                                                          assistant_id="asst_default")  # fmt: skip
        from agents.conversations import Conversation

        questions = ["How do I start the service?", "What does a 429 error mean?",
                     "How long are conversations kept?", "Which file types can I upload?"]  # fmt: skip
        with_record, without, calls = [], [], []
        recorder = chat.recorder
        for i in range(turns):
            for bucket, active in ((with_record, recorder), (without, None)):
                chat.recorder = active
                conversation = Conversation(org_id="org_default", assistant_id="asst_default",
                                            owner="bench", conversation_id=f"c{i}-{bool(active)}")  # fmt: skip
                started = time.perf_counter()
                chat.chat(conversation=conversation, profile=profile,
                          message=questions[i % len(questions)])  # fmt: skip
                bucket.append(time.perf_counter() - started)
        chat.recorder = recorder
        for _ in range(10_000):
            started = time.perf_counter()
            recorder.record(org_id="org_default", assistant_id="asst_default", key_id="k",
                            conversation_hash="h" * 64, message_id=None, latency_ms=1.0,
                            stage_ms={}, mode="extractive", found=True, refused=False,
                            escalated=False, citation_count=1, tokens=None, question="q")  # fmt: skip
            calls.append(time.perf_counter() - started)
        recorder.flush()
        a, b = p50_ms(with_record), p50_ms(without)
        print(f"  offline turn p50 with its record {a:.2f} ms, without {b:.2f} ms "
              f"(ratio {a / b:.3f}, {turns} turns each, interleaved)")  # fmt: skip
        print(f"  the recorder's call: p50 {p50_ms(calls) * 1000:.1f} us (target < 1 ms)")
    finally:
        services.close()
        redis.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--turns", type=int, default=200)
    args = parser.parse_args(argv)
    embeddings = load_embeddings(None, 32)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for backend in args.backends.split(","):
            server = None
            if backend == "postgresql":
                server = LocalPostgres().start()
                url = server.url
            else:
                url = f"sqlite:///{work / 'analytics.db'}"
            db = Database(url)
            db.migrate()
            started = time.perf_counter()
            org_id, assistants = fill(db, args.records)
            print(f"{backend}: {args.records:,} turn records written in "
                  f"{time.perf_counter() - started:.0f} s")  # fmt: skip
            time_queries(db, org_id, assistants[0], embeddings.encode_cached)
            db.close()
            if server is not None:
                server.stop()
        if args.turns:
            print("turn record cost:")
            record_cost(args.turns, work)


if __name__ == "__main__":
    main()
