"""Faults with real processes: a worker killed, Redis restarted, SIGTERM mid-request."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from stubs.llm import LLMStub
from utils.local_redis import LocalRedis
from utils.service_process import ServiceProcess, request

API_KEY = "fault-key"
QUESTIONS = [
    "How do I start the service?",
    "How long are conversations kept?",
    "What does a 429 error mean?",
    "How do I add documents?",
    "What is hybrid search?",
    "How do I check a deployment?",
]


@pytest.fixture
def stack_env(
    tmp_path: Path, throwaway_redis: LocalRedis, copy_sample: Callable[[Path], Path]
) -> dict[str, str]:
    qdrant_path = copy_sample(tmp_path / "qdrant")
    return {
        "REDIS_URL": throwaway_redis.url,
        "QDRANT_PATH": str(qdrant_path),
        "DATA_DIR": str(tmp_path),
        "API_KEYS": API_KEY,
        "CHECKPOINT_PREFIX": "faults",
        "RATE_LIMIT": "100000/minute",
        "REDIS_SOCKET_TIMEOUT": "1.0",
        "TIMEOUT": "30",
        "TURN_LOCK_SECONDS": "3",
        "WORKERS": "1",  # what each test is about needs one, and it starts sooner
    }


@pytest.fixture
def service(stack_env: dict[str, str], tmp_path: Path) -> Iterator[ServiceProcess]:
    process = ServiceProcess(env=stack_env, log_path=tmp_path / "service.log").start()
    yield process
    process.stop()


class Load:
    """Conversations taking turns in threads; remembers which turns completed (200)."""

    def __init__(self, service: ServiceProcess, conversations: int) -> None:
        self.service = service
        self.conversations = [f"load-{i}" for i in range(conversations)]
        self.completed: dict[str, list[str]] = {c: [] for c in self.conversations}
        self.statuses: list[int] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=conversations)
        self.futures: list = []

    def _run(self, conversation: str) -> None:
        turn = 0
        while not self.stop.is_set():
            question = f"{QUESTIONS[turn % len(QUESTIONS)]} (turn {turn})"
            try:
                status, _ = request(
                    "POST", f"{self.service.url}/v1/chat", body={"message": question},
                    headers={"X-API-Key": API_KEY, "X-Conversation-Id": conversation}, timeout=30,
                )  # fmt: skip
            except (OSError, http.client.HTTPException):
                status = 0  # connection dropped (the worker died mid-request or mid-reply)
            with self.lock:
                self.statuses.append(status)
                if status == 200:
                    self.completed[conversation].append(question)
            turn += 1 if status in (200, 0, 503) else 0
            if status != 200:
                time.sleep(0.2)

    def __enter__(self) -> Load:
        self.futures = [self.pool.submit(self._run, c) for c in self.conversations]
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for future in self.futures:
            future.result()
        self.pool.shutdown()

    def wait_for(self, turns: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if sum(len(v) for v in self.completed.values()) >= turns:
                    return
            time.sleep(0.1)
        raise AssertionError(f"fewer than {turns} turns completed: {self.statuses[-20:]}")

    def wait_for_each(self, more: int, timeout: float = 60) -> None:
        """Until every conversation has completed `more` turns from now: a turn cut short
        is completed by its conversation's next one, which must come before the check."""
        with self.lock:
            targets = {c: len(done) + more for c, done in self.completed.items()}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if all(len(self.completed[c]) >= n for c, n in targets.items()):
                    return
            time.sleep(0.1)
        raise AssertionError(f"a conversation stalled: {self.statuses[-20:]}")


def assert_no_completed_turn_lost(service: ServiceProcess, load: Load) -> None:
    for conversation, questions in load.completed.items():
        status, body = request(
            "GET", f"{service.url}/v1/conversations/{conversation}",
            headers={"X-API-Key": API_KEY},
        )  # fmt: skip
        assert status == 200, body
        asked = [m["content"] for m in body["messages"] if m["role"] == "user"]
        # Every turn the client saw succeed is there, in order (a turn whose response was
        # lost in flight may also be there: it completed on the server).
        positions = [asked.index(q) for q in questions]
        assert positions == sorted(positions), (conversation, asked, questions)
        roles = [m["role"] for m in body["messages"]]
        assert roles == ["user", "assistant"] * (len(roles) // 2), [
            (m["role"], m["content"][:40]) for m in body["messages"]
        ]


def worker_pids(master: int) -> set[int]:
    """The master's Gunicorn workers (not the embedded Qdrant host beside them)."""
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    pids = {int(pid) for pid in out.split()}
    return {
        pid for pid in pids if b"embedded_host" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    }


def test_killed_worker_is_replaced_and_no_completed_turn_is_lost(
    stack_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**stack_env, "WORKERS": "2"}  # the default
    service = ServiceProcess(env=env, log_path=tmp_path / "service.log").start()
    try:
        assert service.process is not None
        with Load(service, conversations=4) as load:
            load.wait_for(8)
            workers = worker_pids(service.process.pid)
            assert len(workers) == 2
            victim = min(workers)
            os.kill(victim, signal.SIGKILL)
            load.wait_for_each(2, timeout=90)  # the other worker and a new one serve
        replaced = worker_pids(service.process.pid)
        assert len(replaced) == 2 and victim not in replaced
        assert_no_completed_turn_lost(service, load)
    finally:
        service.stop()


def test_redis_restart_gives_503s_then_recovers_without_losing_turns(
    service: ServiceProcess, throwaway_redis: LocalRedis
) -> None:
    with Load(service, conversations=4) as load:
        load.wait_for(8)
        throwaway_redis.stop()  # SIGTERM: Redis flushes its append-only file
        time.sleep(2)
        throwaway_redis.start()
        load.wait_for_each(2, timeout=60)
    assert 503 in load.statuses, "requests during the outage should have been refused"
    assert_no_completed_turn_lost(service, load)


def test_sigterm_drains_in_flight_requests(stack_env: dict[str, str], tmp_path: Path) -> None:
    stub = LLMStub(behaviour="timeout", delay_s=3.0).start()
    stub.behaviour = "ok"
    slow_reply = stub.reply

    def slow(request_body: dict) -> str:
        time.sleep(3.0)
        return slow_reply(request_body)

    stub.reply = slow
    env = {**stack_env, "LLM_BASE_URL": stub.url, "LLM_API_KEY": stub.api_key,
           "LLM_MODEL": "stub-model", "LLM_TIMEOUT": "20", "GRACEFUL_TIMEOUT": "20"}  # fmt: skip
    service = ServiceProcess(env=env, log_path=tmp_path / "drain.log").start()
    result: dict = {}

    def ask() -> None:
        result["response"] = request(
            "POST", f"{service.url}/v1/chat", body={"message": "How do I start the service?"},
            headers={"X-API-Key": API_KEY, "X-Conversation-Id": "drain"}, timeout=30,
        )  # fmt: skip

    client = threading.Thread(target=ask)
    client.start()
    deadline = time.monotonic() + 20
    while not stub.chat_requests() and time.monotonic() < deadline:
        time.sleep(0.05)  # the request is now inside the LLM call
    exit_code = service.stop(signal.SIGTERM)
    client.join(timeout=30)
    stub.stop()
    status, body = result["response"]
    assert status == 200 and body["mode"] == "llm", body
    assert exit_code == 0
