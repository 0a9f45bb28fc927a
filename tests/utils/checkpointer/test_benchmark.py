"""The checkpointer benchmark runs end to end and reports what the issue asks for.

A tiny workload (no timing is asserted): the figures a reader of docs/benchmarks.md
relies on must be printed, and the round-trip count is a property of the design
(`get_tuple`, three `put`s and two `put_writes` per turn, one round trip each).
"""

from __future__ import annotations

import re

import pytest

from bench import checkpointer as bench


def test_benchmark_prints_every_saver_and_six_round_trips_per_turn(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench.main(["--conversations", "2", "--turns", "3", "--rounds", "2"])
    out = capsys.readouterr().out

    for saver in ("InMemorySaver", "SqliteSaver", "RedisSaver"):
        for api in ("sync", "sync-1", "async"):
            assert re.search(rf"^{saver}\s+{api}\s+\d+\.\d", out, re.MULTILINE), (saver, api)
    assert "Redis round trips per turn: sync 6.0, async 6.0" in out
    stored = re.search(r"RedisSaver\s+(\d+) B", out)
    assert stored and int(stored.group(1)) > 0
    # A verdict per switch interval and API, each a ratio with its quartiles.
    verdicts = re.findall(r"\b(sync-1|sync|async) (\d\.\d\d)x InMemory \(quartiles", out)
    assert sorted(api for api, _ in verdicts) == [
        "async",
        "async",
        "sync",
        "sync",
        "sync-1",
        "sync-1",
    ]
    assert all(float(ratio) > 0 for _, ratio in verdicts)
