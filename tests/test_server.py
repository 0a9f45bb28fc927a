"""The real production stack: Gunicorn with Uvicorn workers over HTTP, restarted mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tenancy.keys import legacy_key_id
from tests.knowledge.vectors.test_embedded_host import running
from utils.checkpointer import RedisSaver
from utils.local_redis import LocalRedis
from utils.service_process import ServiceProcess, request

API_KEY = "server-test-key"
ADMIN_KEY = "server-admin-key"
ADMIN = {"X-API-Key": ADMIN_KEY}


def chat(service: ServiceProcess, message: str) -> dict:
    status, body = request(
        "POST",
        f"{service.url}/v1/chat",
        body={"message": message},
        headers={"X-API-Key": API_KEY, "X-Conversation-Id": "restart-me"},
    )
    assert status == 200, body
    return body


def ask_by_voice(service: ServiceProcess) -> None:
    """A question spoken by eSpeak NG, over HTTP as multipart, answered in text and speech."""
    import base64

    import httpx

    from stubs.speech import spoken
    from voice.audio import wav_seconds

    wav = spoken("How long are conversations kept?", speed=150)
    response = httpx.post(
        f"{service.url}/v1/audio", files={"audio": ("q.wav", wav, "audio/wav")},
        headers={"X-API-Key": API_KEY, "X-Conversation-Id": "voice-1"}, timeout=60,
    )  # fmt: skip
    assert response.status_code == 200, response.text
    body = response.json()
    assert "conversations" in body["transcript"]
    assert body["citations"][0]["source"].endswith("conversations.md")
    assert wav_seconds(base64.b64decode(body["audio"])) > 2


def validate_against(service: ServiceProcess, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`python validate.py` as an operator runs it beside the running service."""
    return subprocess.run(
        [sys.executable, "validate.py"], env={**os.environ, **env, "API_URL": service.url},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_conversation_survives_a_server_restart(
    tmp_path: Path, throwaway_redis: LocalRedis, copy_sample: Callable[[Path], Path]
) -> None:
    qdrant_path = copy_sample(tmp_path / "qdrant")
    env = {
        "REDIS_URL": throwaway_redis.url,
        "QDRANT_PATH": str(qdrant_path),
        "DATA_DIR": str(tmp_path),
        "API_KEYS": API_KEY,
        "ADMIN_API_KEYS": ADMIN_KEY,
        "CHECKPOINT_PREFIX": "srv",
        "WORKERS": "1",  # two workers and their host: the next test
    }
    service = ServiceProcess(env=env, log_path=tmp_path / "service.log").start()
    try:
        status, health = request("GET", f"{service.url}/health", headers=ADMIN)
        assert status == 200 and health["qdrant"]["mode"] == "embedded"
        first = chat(service, "How do I start the service?")
        assert first["found"] and "make run" in first["answer"]
        chat(service, "How long are conversations kept?")
        ask_by_voice(service)
        checked = validate_against(service, env)
        assert checked.returncode == 0, checked.stdout
        assert "chunks (via the running API)" in checked.stdout
    finally:
        assert service.stop() == 0  # graceful shutdown on SIGTERM

    service.start()
    try:
        third = chat(service, "and can I delete one?")
        assert third["conversation_id"] == "restart-me"
    finally:
        service.stop()

    with RedisSaver.from_url(throwaway_redis.url, prefix="srv") as saver:
        state = saver.get_tuple(
            {"configurable": {"thread_id": f"{legacy_key_id(API_KEY)}:restart-me"}}
        )
    messages = state.checkpoint["channel_values"]["messages"]
    assert [m.content for m in messages[0::2]] == [
        "How do I start the service?",
        "How long are conversations kept?",
        "and can I delete one?",
    ]
    log = (tmp_path / "service.log").read_text()
    assert "Booting worker" in log and API_KEY not in log


def test_two_workers_share_embedded_qdrant_through_its_host(
    tmp_path: Path, throwaway_redis: LocalRedis
) -> None:
    """The default: two workers on one embedded folder. A document uploaded through one
    worker is answered by both; a host that dies is restarted, with a clear 503 meanwhile."""
    env = {
        "REDIS_URL": throwaway_redis.url, "QDRANT_PATH": str(tmp_path / "qdrant"),
        "DATA_DIR": str(tmp_path), "API_KEYS": API_KEY, "ADMIN_API_KEYS": ADMIN_KEY,
        "WORKERS": "2",
    }  # fmt: skip
    log_path = tmp_path / "service.log"
    service = ServiceProcess(env=env, log_path=log_path).start()
    try:
        status, job = request(
            "POST", f"{service.url}/v1/documents", headers=ADMIN,
            body={"title": "Zorblax", "source": "zorblax.md",
                  "text": "The Zorblax warranty covers water damage for 48 months."},
        )  # fmt: skip
        assert status == 202, job
        for _ in range(300):
            _, job = request(
                "GET", f"{service.url}/v1/documents/jobs/{job['job_id']}", headers=ADMIN
            )
            if job["status"] in ("completed", "failed"):
                break
            time.sleep(0.1)
        assert job["status"] == "completed", job

        def ask(conversation: str) -> tuple[int, dict]:
            return request(
                "POST", f"{service.url}/v1/chat", body={"message": "How long is the Zorblax warranty?"},
                headers={"X-API-Key": API_KEY, "X-Conversation-Id": conversation},
            )  # fmt: skip

        # Each request on a new connection: the kernel spreads them over both workers.
        for i in range(16):
            status, body = ask(f"zorblax-{i}")
            assert status == 200 and "48 months" in body["answer"], body
            assert body["citations"][0]["source"] == "zorblax.md"
        lines = [
            json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")
        ]
        chat_pids = {line["pid"] for line in lines if line.get("route") == "/v1/chat"}
        assert len(chat_pids) == 2, "both workers answered"
        # Metrics come from the workers' multiprocess files, summed by /metrics.
        metrics_request = urllib.request.Request(f"{service.url}/metrics", headers=ADMIN)
        with urllib.request.urlopen(metrics_request, timeout=10) as response:
            metrics = response.read().decode()
        assert 'http_requests_total{method="POST",route="/v1/chat",status="200"} 16.0' in metrics
        assert any((tmp_path / "prometheus").glob("*.db"))
        (host_pid,) = {
            line["pid"] for line in lines if line["message"] == "embedded Qdrant host serving"
        }
        assert host_pid not in chat_pids

        os.kill(host_pid, signal.SIGKILL)
        status, body = ask("while-down")
        assert status == 503 and body["error"]["code"] == "knowledge_base_unavailable", body
        deadline = time.monotonic() + 60
        while (status := ask("after-restart")[0]) != 200 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert status == 200  # restarted by the master, the document still there
    finally:
        assert service.stop() == 0
    hosts = [
        json.loads(line) for line in log_path.read_text().splitlines() if "host serving" in line
    ]
    assert len(hosts) == 2
    for line in hosts:  # no host outlives the service
        assert not running(line["pid"])
    # What an operator reads: where it listens, and no socket "error" at a clean stop.
    log = log_path.read_text()
    assert f"Listening at: http://127.0.0.1:{service.port} (2 workers" in log
    assert "Listening at:  (" not in log and "Error while closing socket" not in log


def test_a_second_instance_on_the_same_port_or_folder_is_refused_with_the_reason(
    tmp_path: Path, throwaway_redis: LocalRedis
) -> None:
    """Workers listen with SO_REUSEPORT, which would let a second instance share the
    port unnoticed; and embedded Qdrant's folder can have one host."""
    env = {
        "REDIS_URL": throwaway_redis.url, "QDRANT_PATH": str(tmp_path / "qdrant"),
        "DATA_DIR": str(tmp_path / "first"), "API_KEYS": API_KEY, "WORKERS": "2",
    }  # fmt: skip
    first = ServiceProcess(env=env, log_path=tmp_path / "first.log").start()
    try:
        same_port = ServiceProcess(
            env={**env, "DATA_DIR": str(tmp_path / "second"), "QDRANT_PATH": str(tmp_path / "q2")},
            port=first.port, log_path=tmp_path / "second.log",
        )  # fmt: skip
        same_port.start()  # "ready" at once: the first instance answers on that port
        try:
            assert same_port.process is not None and same_port.process.wait(timeout=60) == 1
        finally:
            same_port.stop()
        assert f"port {first.port} is in use" in (tmp_path / "second.log").read_text()

        same_folder = ServiceProcess(
            env={**env, "DATA_DIR": str(tmp_path / "third")}, log_path=tmp_path / "third.log"
        )
        with pytest.raises(RuntimeError, match="exited with 1"):
            same_folder.start()
        assert "is in use by another process" in (tmp_path / "third.log").read_text()
        assert request("GET", f"{first.url}/ready")[0] == 200  # the first one is unharmed
    finally:
        assert first.stop() == 0


def test_ctrl_c_in_the_terminal_is_a_clean_stop(
    tmp_path: Path, throwaway_redis: LocalRedis
) -> None:
    """Ctrl-C signals the whole process group: the master stops its embedded Qdrant host
    itself, and nothing is logged as an error or a restart. Pressed while the master is
    still starting that host, it stops as cleanly and leaves the folder free."""
    env = {
        "REDIS_URL": throwaway_redis.url, "QDRANT_PATH": str(tmp_path / "qdrant"),
        "DATA_DIR": str(tmp_path), "API_KEYS": API_KEY, "WORKERS": "2",
    }  # fmt: skip
    early_log = tmp_path / "early.log"
    early = ServiceProcess(env=env, log_path=early_log).start(wait=False)
    assert early.process is not None
    host = _first_child(early.process.pid)  # the Qdrant host, still opening its folder
    assert "host serving" not in early_log.read_text()
    assert early.stop(signal.SIGINT, group=True) == 0
    log = early_log.read_text()
    assert "stopped while starting" in log and "Traceback" not in log, log
    assert not running(host)

    log_path = tmp_path / "service.log"
    service = ServiceProcess(env=env, log_path=log_path).start()  # the folder is free
    assert service.stop(signal.SIGINT, group=True) == 0
    log = log_path.read_text()
    assert "restarting it" not in log and '"level": "ERROR"' not in log, log
    assert "Redis unavailable" not in log


def _first_child(pid: int) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.01)
    raise AssertionError("no child process started")
