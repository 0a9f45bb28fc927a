"""Workers starting together on a new SQLite database all open it and migrate it (seen in
a test run: one worker's first connection failed with "database is locked" while another
turned the new file to WAL, and it started without its services)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import text

from tenancy.db import Database


def _open_and_migrate(url: str) -> str:
    database = Database(url)
    try:
        database.migrate()
        with database.engine.connect() as connection:
            return str(connection.execute(text("PRAGMA journal_mode")).scalar())
    finally:
        database.close()


def test_processes_opening_a_new_database_together_all_migrate_it(tmp_path: Path) -> None:
    # Spawned, not forked: a fork can inherit a lock another test's thread holds.
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("spawn")) as pool:
        pool.submit(str).result()  # every worker up before the first round
        for n in range(12):
            url = f"sqlite:///{tmp_path / f'round-{n}' / 'platform.db'}"
            assert list(pool.map(_open_and_migrate, [url] * 4)) == ["wal"] * 4
            head = Database(url)
            with head.engine.connect() as connection:
                assert (
                    connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
                )
            head.close()
