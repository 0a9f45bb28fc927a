"""`make run`'s supervisor with real child processes: one that stops is started again,
the others are left alone, and stopping the supervisor stops them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from utils.supervisor import Child, Supervisor


def sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])


def crasher() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])


def wait_until(done, seconds: float = 10, each=lambda: None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        each()
        time.sleep(0.05)


def check_until(supervisor: Supervisor, done, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    wait_until(done, seconds, each=supervisor.check)


def test_a_stopped_child_is_started_again_and_the_others_carry_on() -> None:
    said: list[str] = []
    api, web = Child("API", sleeper), Child("web chat", sleeper)
    supervisor = Supervisor([api, web], echo=said.append).start()
    try:
        api_pid, web_pid = api.process.pid, web.process.pid  # type: ignore[union-attr]
        os.kill(api_pid, signal.SIGTERM)  # someone stops the API
        check_until(supervisor, lambda: api.restarts == 1)
        assert api.process.pid != api_pid and api.process.poll() is None  # type: ignore[union-attr]
        assert web.process.pid == web_pid and web.process.poll() is None  # type: ignore[union-attr]
        assert any("API exited with" in line for line in said)
    finally:
        supervisor.stop(timeout=10)
    assert api.process.poll() is not None and web.process.poll() is not None  # type: ignore[union-attr]


def test_a_child_that_keeps_crashing_waits_longer_each_time() -> None:
    child = Child("flaky", crasher)
    supervisor = Supervisor([child], echo=lambda _: None).start()
    try:
        check_until(supervisor, lambda: child.restarts == 2, seconds=15)
        assert child.restarts == 2 and child.delay >= 4  # 1 s, 2 s, then 4 s
    finally:
        supervisor.stop(timeout=10)


STOP_RECORDER = """
import signal, sys, time
def stopped(*_):
    time.sleep(0.3)  # a service takes a moment to stop
    with open(sys.argv[1], "a") as out:
        out.write(f"{sys.argv[2]} {time.time()}\\n")
    raise SystemExit(0)
signal.signal(signal.SIGTERM, stopped)
open(sys.argv[1] + "." + sys.argv[2], "w").close()  # its handler is set
time.sleep(120)
"""


def test_the_last_started_child_stops_first_and_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The API stops before the Redis it uses is asked to: a clean stop logs no outage."""
    record = tmp_path / "stops"

    def recorder(name: str):  # type: ignore[no-untyped-def]
        return lambda: subprocess.Popen([sys.executable, "-c", STOP_RECORDER, str(record), name])

    supervisor = Supervisor([Child("redis", recorder("redis")), Child("API", recorder("API"))])
    supervisor.start()
    # both have set their handlers (a loaded machine starts Python slowly: no fixed pause)
    ready = [tmp_path / "stops.redis", tmp_path / "stops.API"]
    wait_until(lambda: all(r.exists() for r in ready), seconds=30)
    supervisor.stop(timeout=10)
    order = [line.split() for line in record.read_text().splitlines()]
    assert [name for name, _ in order] == ["API", "redis"]
    # Redis was asked to stop only after the API had exited (each stop takes 0.3 s).
    assert float(order[1][1]) - float(order[0][1]) >= 0.25


def test_a_private_redis_is_out_of_reach_of_the_terminals_ctrl_c(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from utils.local_redis import LocalRedis, free_port

    server = LocalRedis(directory=tmp_path, port=free_port(), own_session=True).start()
    try:
        assert os.getpgid(server.process.pid) != os.getpgid(0)  # type: ignore[union-attr]
    finally:
        server.stop()
