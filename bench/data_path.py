"""The data path on a generated database of 1M rows (default), model excluded.

1. A grouped count ("machines needing maintenance per region") through the service's
   query path (data_sources.runner.QueryRunner: vetting with sqlglot, the read-only
   connection, CSV/SQL/chart artifacts written to a real Redis), against the same SQL
   run on a plain sqlite3 connection (the baseline, same run, interleaved). Then the
   same on the spreadsheet engine (the table loaded into DuckDB from a CSV).
2. A 100,000-row result as a CSV artifact: written to Redis in pieces and read back in
   pieces; peak Python memory (tracemalloc) against the CSV's size.

    python -m bench.data_path [--rows 1000000] [--repeats 15]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import redis

from data_sources.artifacts import ArtifactStore
from data_sources.catalog import DataSourceRef
from data_sources.engines import describe_duckdb
from data_sources.runner import QueryLimits, QueryRunner
from data_sources.spreadsheets import Upload, build_store
from utils.local_redis import start_redis

GROUPED = (
    "SELECT region, count(*) AS machines FROM machines WHERE needs_maintenance = 1 "
    "GROUP BY region ORDER BY region"
)
REGIONS = [f"region-{n:02d}" for n in range(12)]


def make_sqlite(path: Path, rows: int) -> None:
    rng = random.Random(7)
    start = date(2025, 1, 1)
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE machines (id INTEGER PRIMARY KEY, region TEXT, kind TEXT, "
        "installed TEXT, hours REAL, needs_maintenance INT)"
    )
    batch = []
    for n in range(rows):
        batch.append((n, rng.choice(REGIONS), f"kind-{rng.randrange(20)}",
                      (start + timedelta(days=rng.randrange(600))).isoformat(),
                      round(rng.uniform(0, 9000), 1), int(rng.random() < 0.3)))  # fmt: skip
        if len(batch) == 50_000:
            conn.executemany("INSERT INTO machines VALUES (?, ?, ?, ?, ?, ?)", batch)
            batch.clear()
    conn.executemany("INSERT INTO machines VALUES (?, ?, ?, ?, ?, ?)", batch)
    conn.commit()
    conn.close()


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--csv-rows", type=int, default=100_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-data-"))
    server = start_redis(work / "redis")
    client = redis.Redis.from_url(server.url)
    try:
        run(args, work, client)
    finally:
        client.close()
        server.stop()


def run(args: argparse.Namespace, work: Path, client: redis.Redis) -> None:
    database = work / "plant.db"
    started = time.perf_counter()
    make_sqlite(database, args.rows)
    print(f"data: {args.rows:,} rows generated in {ms_since(started) / 1000:.1f} s")
    from data_sources.engines import SqliteEngine

    tables = SqliteEngine(database).describe()
    sqlite_ref = DataSourceRef(
        id="ds_bench", name="plant", engine="sqlite", locator=f"sqlite:///{database}",
        tables_json=json.dumps([t.to_dict() for t in tables], default=str),
    )  # fmt: skip
    store = ArtifactStore(client, "bench", ttl=3600)
    limits = QueryLimits(timeout_s=60.0, max_rows=args.csv_rows)
    runner = QueryRunner((sqlite_ref,), limits=limits, artifacts=store, thread_id="t1")

    # 1. The grouped count, service path against a plain connection, interleaved.
    service, plain = [], []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        outcome = runner.run("ds_bench", GROUPED)
        service.append(ms_since(t0))
        assert outcome.ok, outcome.for_model
        t0 = time.perf_counter()
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        conn.execute(GROUPED).fetchall()
        conn.close()
        plain.append(ms_since(t0))
    s, p = statistics.median(service), statistics.median(plain)
    print(f"grouped count sqlite: service p50 {s:.1f} ms, plain sqlite3 p50 {p:.1f} ms, "
          f"ratio {s / p:.2f}, overhead {s - p:.1f} ms (vetting, read-only open, artifacts)")  # fmt: skip

    # ... and on the spreadsheet engine: the same table given as a CSV file.
    csv_path = work / "machines.csv"
    conn = sqlite3.connect(database)
    with csv_path.open("w") as out:
        out.write("id,region,kind,installed,hours,needs_maintenance\n")
        for row in conn.execute("SELECT * FROM machines"):
            out.write(",".join(str(v) for v in row) + "\n")
    conn.close()
    t0 = time.perf_counter()
    store_path = work / "sheets.duckdb"
    build_store([Upload("machines.csv", csv_path.read_bytes())], store_path, max_bytes=10**10)
    print(f"spreadsheet: {csv_path.stat().st_size / 1e6:.0f} MB CSV loaded into DuckDB in "
          f"{ms_since(t0) / 1000:.1f} s")  # fmt: skip
    duck_ref = DataSourceRef(
        id="ds_sheet", name="sheet", engine="duckdb", locator=str(store_path),
        tables_json=json.dumps([t.to_dict() for t in describe_duckdb(store_path)], default=str),
    )  # fmt: skip
    duck_runner = QueryRunner((duck_ref,), limits=limits, artifacts=store, thread_id="t2")
    duck = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        assert duck_runner.run("ds_sheet", GROUPED).ok
        duck.append(ms_since(t0))
    print(f"grouped count duckdb: service p50 {statistics.median(duck):.1f} ms "
          f"(ratio to plain sqlite3 {statistics.median(duck) / p:.2f})")  # fmt: skip

    # 2. A 100k-row result as a CSV artifact, written and read in pieces.
    tracemalloc.start()
    t0 = time.perf_counter()
    outcome = runner.run("ds_bench", f"SELECT * FROM machines ORDER BY id LIMIT {args.csv_rows}")
    written_ms = ms_since(t0)
    _, peak_write = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    table = outcome.artifacts[0]
    size = 0
    t0 = time.perf_counter()
    for piece in store.read("t1", table["id"]):
        size += len(piece)
    read_ms = ms_since(t0)
    _, peak_read = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"csv artifact: {table['rows']:,} rows, {size / 1e6:.1f} MB; written in "
          f"{written_ms:.0f} ms with peak Python memory {peak_write / 1e6:.1f} MB "
          f"({peak_write / size:.2f} of the file); read back in pieces in {read_ms:.0f} ms, "
          f"peak {peak_read / 1e6:.2f} MB ({peak_read / size:.3f} of the file)")  # fmt: skip


if __name__ == "__main__":
    main()
