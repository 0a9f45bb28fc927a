"""The encryption key made on first use: workers starting together on a fresh data
folder all read the same whole key (a race seen in CI: one read the file half written)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cryptography.fernet import Fernet

from tenancy.secrets_box import KEY_FILE, load_keys


def test_processes_starting_together_share_one_whole_key(tmp_path: Path) -> None:
    # Spawned, not forked: a fork of the test process (threads of earlier tests running)
    # can inherit a lock held by one of them and hang (a CI run timed out here).
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("spawn")) as pool:
        rounds = [list(pool.map(load_keys, [[]] * 8, [tmp_path / f"data-{n}"] * 8))
                  for n in range(10)]  # fmt: skip
    for n, keys in enumerate(rounds):
        folder = tmp_path / f"data-{n}"
        assert len({tuple(k) for k in keys}) == 1
        Fernet(keys[0][0])  # a valid key, not a half-written one
        assert (folder / KEY_FILE).stat().st_mode & 0o777 == 0o600
        assert [p.name for p in folder.iterdir()] == [KEY_FILE]  # no drafts left
