"""Keep a few child processes running: `make run`'s API, web chat and private Redis.

Each child is independent: one that exits (a crash, or someone stopping it) is started
again after a pause that doubles while it keeps failing fast, and the others are left
alone. Only stopping the supervisor stops them all.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

FIRST_DELAY_S = 1.0
MAX_DELAY_S = 30.0
# A child that ran this long before exiting is restarted after the first delay again.
HEALTHY_AFTER_S = 30.0


def end_process(process: subprocess.Popen[bytes], *, timeout: float) -> None:
    """SIGTERM, then SIGKILL if it has not exited within `timeout` seconds."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()


@dataclass
class Child:
    name: str
    launch: Callable[[], subprocess.Popen[bytes]]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    delay: float = FIRST_DELAY_S
    restart_at: float | None = None
    restarts: int = 0

    def start(self) -> None:
        self.process = self.launch()
        self.started_at = time.monotonic()
        self.restart_at = None


@dataclass
class Supervisor:
    children: list[Child]
    echo: Callable[[str], None] = print
    _stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> Supervisor:
        for child in self.children:
            child.start()
        return self

    def check(self) -> None:
        """Notice children that exited and start them again when their pause is over."""
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at and not self._stopping.is_set():
                    child.restarts += 1
                    child.start()
                    self.echo(f"{child.name}: started again (pid {child.process.pid})")  # type: ignore[union-attr]
                continue
            code = child.process.poll() if child.process else None
            if code is None:
                continue
            ran = now - child.started_at
            child.delay = (
                FIRST_DELAY_S if ran >= HEALTHY_AFTER_S else min(child.delay * 2, MAX_DELAY_S)
            )
            child.restart_at = now + child.delay
            self.echo(f"{child.name} exited with {code}; starting it again in {child.delay:.0f} s")

    def run(self, interval: float = 0.5) -> None:
        while not self._stopping.wait(interval):
            self.check()

    def request_stop(self) -> None:
        """Make `run` return (safe from a signal handler)."""
        self._stopping.set()

    def stop(self, timeout: float = 60) -> None:
        """Stop every child, the last started first, each after the one before it has
        exited (SIGTERM, then SIGKILL after `timeout`): the API stops while the Redis it
        uses still answers, so a clean stop logs no outage."""
        self._stopping.set()
        for child in reversed(self.children):
            if child.process is not None:
                end_process(child.process, timeout=timeout)
