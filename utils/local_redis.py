"""Start a private redis-server: the service's zero-setup default, and the tests' real Redis.

Loopback only, in a folder of its own, optionally with an append-only file so that
conversations survive restarts.
"""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

REDIS_SERVER = "redis-server"
START_TIMEOUT_S = 10.0


class RedisServerError(RuntimeError):
    """redis-server is missing or did not start."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LocalRedis:
    """A redis-server child process bound to 127.0.0.1."""

    directory: Path
    port: int
    appendonly: bool = False
    extra_args: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    # In a session of its own, Ctrl-C in the terminal does not reach it: whoever started
    # it stops it, after what uses it (`make run`'s supervisor).
    own_session: bool = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        return [
            REDIS_SERVER,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--protected-mode", "yes",
            "--dir", str(self.directory),
            "--save", "",
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", "everysec",
            "--daemonize", "no",
            "--loglevel", "warning",
            # Never evict silently: at maxmemory a write fails (the API answers 503),
            # and no conversation, lock or job disappears to make room.
            "--maxmemory-policy", "noeviction",
            *self.extra_args,
        ]  # fmt: skip

    def start(self) -> LocalRedis:
        if shutil.which(REDIS_SERVER) is None:
            raise RedisServerError(
                "redis-server is not installed: run `make setup` (apt-get install redis-server)"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        log = open(self.directory / "redis.log", "ab")  # noqa: SIM115 - owned by the child
        self.process = subprocess.Popen(
            self.command(), stdout=log, stderr=log, start_new_session=self.own_session
        )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + START_TIMEOUT_S
        try:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RedisServerError(
                        f"redis-server exited with {self.process.returncode}; "
                        f"see {self.directory / 'redis.log'}"
                    )
                try:
                    if client.ping():
                        return
                except redis.exceptions.RedisError:
                    time.sleep(0.05)
            raise RedisServerError(f"redis-server did not answer on port {self.port}")
        finally:
            client.close()

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        self.process.wait(timeout=10)


def start_redis(
    directory: Path,
    *,
    port: int | None = None,
    appendonly: bool = False,
    extra_args: tuple[str, ...] = (),
) -> LocalRedis:
    return LocalRedis(
        directory=directory,
        port=port or free_port(),
        appendonly=appendonly,
        extra_args=extra_args,
    ).start()


def _bindable(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _cluster_port() -> int:
    """A port whose cluster bus (port + 10000) is free too. Both lie below the kernel's
    ephemeral range (32768 up), so no outgoing connection of another process (parallel
    test workers) can take the bus port between this check and the node's start."""
    rng = random.SystemRandom()
    for _ in range(200):
        port = rng.randrange(20_000, 22_700)
        if _bindable(port) and _bindable(port + 10_000):
            return port
    raise RedisServerError("no free pair of ports for a cluster node")


@dataclass
class LocalRedisCluster:
    """Masters of a throwaway Redis Cluster on loopback (no replicas)."""

    nodes: list[LocalRedis]

    @property
    def url(self) -> str:
        return self.nodes[0].url

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()


def start_redis_cluster(root: Path, *, masters: int = 3) -> LocalRedisCluster:
    """Start `masters` nodes, join them into a cluster and wait until it serves."""
    nodes = []
    for i in range(masters):
        for attempt in range(3):  # another process may take the ports first
            node = LocalRedis(
                directory=root / f"node{i}",
                port=_cluster_port(),
                extra_args=(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", str(root / f"node{i}" / "nodes.conf"),
                    "--cluster-node-timeout", "2000",
                ),
            )  # fmt: skip
            try:
                nodes.append(node.start())
                break
            except RedisServerError:
                if attempt == 2:
                    for started in nodes:
                        started.stop()
                    raise
    cluster = LocalRedisCluster(nodes)
    try:
        subprocess.run(
            ["redis-cli", "--cluster", "create", *[f"127.0.0.1:{n.port}" for n in nodes],
             "--cluster-replicas", "0", "--cluster-yes"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        _wait_for_cluster_ok(nodes[0].port)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _wait_for_cluster_ok(port: int) -> None:
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            if b"cluster_state:ok" in client.execute_command("CLUSTER", "INFO"):
                return
            time.sleep(0.2)
    finally:
        client.close()
    raise RedisServerError("the cluster did not reach cluster_state:ok")
