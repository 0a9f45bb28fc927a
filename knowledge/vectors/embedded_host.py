"""Embedded Qdrant shared by the API workers of one machine.

A Qdrant Edge shard belongs to one process (its write-ahead log is locked: a second
process cannot open it), and one Python process serves turns on about one core (the
GIL). So with several workers, Gunicorn's master starts one host process
(`python -m knowledge.vectors.embedded_host`) that opens the folder (knowledge.vectors.edge), and the
workers make the same qdrant-client calls through it over a Unix socket: a call and its
result are pickled. A Qdrant server (QDRANT_URL) needs none of this.

The socket is in a private folder (0700) and every connection proves it holds the key
the master generated (multiprocessing's HMAC handshake) before anything is unpickled.
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import contextlib
import logging
import os
import pickle
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient

from config import PROJECT_ROOT, Settings
from knowledge.vectors.edge import CLIENT_CALLS
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import KnowledgeBaseUnavailable, with_embedded
from utils.supervisor import end_process

log = logging.getLogger(__name__)

# Set by the master for its workers (and read by knowledge.vectors.clients.open_client).
SOCKET_ENV = "EMBEDDED_QDRANT_SOCKET"
KEY_ENV = "EMBEDDED_QDRANT_KEY"
START_TIMEOUT_S = 120
# A folder of a release before Qdrant Edge is moved into Edge by the host's first start.
MIGRATION_TIMEOUT_S = 3600
RESTART_PAUSE_S = 1.0
PARENT_CHECK_S = 0.5


def hosted_from_environment(settings: Settings) -> QdrantClient | None:
    """The host's client when this process is a worker of a master that runs one."""
    address, key = os.environ.get(SOCKET_ENV), os.environ.get(KEY_ENV)
    if not (address and key):
        return None
    return connect(address=address, authkey=bytes.fromhex(key), location=settings.qdrant_local_path)


def connect(*, address: str, authkey: bytes, location: Path) -> QdrantClient:
    """A QdrantClient whose local-mode calls run in the host at `address`."""
    return with_embedded(HostedEmbedded(address=address, authkey=authkey, location=str(location)))


class HostedEmbedded:
    """Stands where qdrant-client keeps its embedded object: every method call is sent
    to the host. Connections are pooled, one per calling thread at a time."""

    def __init__(self, *, address: str, authkey: bytes, location: str) -> None:
        self.location = location  # as local mode has it: marks the client as embedded
        self._address = address
        self._authkey = authkey
        self._idle: list[Connection] = []
        self._idle_lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._call(name, args, kwargs)

        call.__name__ = name
        return call

    def close(self, **_: Any) -> None:
        """Close this process's connections; the host and its folder stay open."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def _call(self, name: str, args: tuple, kwargs: dict[str, Any]) -> Any:
        # A pooled connection may be left from a host that has since restarted: one more
        # try on a new connection (every call the service makes is idempotent).
        for attempt in (1, 2):
            connection = self._take(fresh=attempt == 2)
            try:
                connection.send((name, args, kwargs))
                failed, value = connection.recv()
            except (OSError, EOFError) as exc:
                connection.close()
                if attempt == 2:
                    raise KnowledgeBaseUnavailable(
                        f"the embedded Qdrant host at {self._address} is not answering ({exc})"
                    ) from exc
                continue
            self._give(connection)
            if failed:
                raise value
            return value
        raise AssertionError("unreachable")

    def _take(self, *, fresh: bool) -> Connection:
        if not fresh:
            with self._idle_lock:
                if self._idle:
                    return self._idle.pop()
        try:
            return Client(self._address, family="AF_UNIX", authkey=self._authkey)
        except (OSError, EOFError, AuthenticationError) as exc:
            raise KnowledgeBaseUnavailable(
                f"the embedded Qdrant host at {self._address} cannot be reached ({exc})"
            ) from exc

    def _give(self, connection: Connection) -> None:
        with self._idle_lock:
            self._idle.append(connection)


def serve(*, listener: Listener, local: Any) -> None:
    """Answer calls on `local` (the folder's knowledge.vectors.edge.EdgeEmbedded), one thread per
    connection, until the process is told to stop."""

    def answer(connection: Connection) -> None:
        with connection:
            while True:
                try:
                    name, args, kwargs = connection.recv()
                except (OSError, EOFError):
                    return
                try:
                    if name not in CLIENT_CALLS:  # close and the rest are the host's own
                        raise AttributeError(f"{name} is not served by the host")
                    reply = (False, getattr(local, name)(*args, **kwargs))
                except Exception as exc:  # the caller gets it raised as if local
                    reply = (True, _portable(exc))
                try:
                    connection.send(reply)
                except (OSError, EOFError):
                    return

    while True:
        try:
            connection = listener.accept()
        except (OSError, EOFError, AuthenticationError):  # a peer without the key
            continue
        threading.Thread(target=answer, args=(connection,), daemon=True).start()


def _portable(exc: Exception) -> Exception:
    """The exception itself when it survives pickling, else its type name and message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


@dataclass
class HostProcess:
    """The master's handle on the host: started before the workers, restarted if it dies,
    stopped with the master."""

    settings: Settings
    folder: Path
    key: bytes
    process: subprocess.Popen[bytes] | None = None
    stopping: bool = False

    @property
    def address(self) -> str:
        return str(self.folder / "qdrant.sock")

    @classmethod
    def start(cls, settings: Settings) -> HostProcess:
        folder = Path(tempfile.mkdtemp(prefix="qdrant-host-"))  # 0700; short enough for AF_UNIX
        host = cls(settings=settings, folder=folder, key=secrets.token_bytes(32))
        try:
            host._launch()
        except BaseException:  # it failed, or Ctrl-C came meanwhile: leave nothing running
            if host.process is not None and host.process.poll() is None:
                end_process(host.process, timeout=30)
            shutil.rmtree(folder, ignore_errors=True)
            raise
        threading.Thread(target=host._watch, name="qdrant-host-watch", daemon=True).start()
        return host

    def environment(self) -> dict[str, str]:
        """What a worker needs to reach the host (knowledge.vectors.clients.open_client reads it)."""
        return {SOCKET_ENV: self.address, KEY_ENV: self.key.hex()}

    def _launch(self) -> None:
        env = {
            **os.environ,
            **self.environment(),
            "QDRANT_PATH": str(self.settings.qdrant_local_path),
            "COLLECTION_NAME": self.settings.collection_name,
            "EMBEDDED_OPTIMIZE_AFTER": str(self.settings.embedded_optimize_after),
        }
        # In a session of its own: Ctrl-C in the terminal reaches the master, which stops
        # the host itself (on_exit); a host stopped by the same Ctrl-C would look like a
        # crash to the watcher below.
        with _ctrl_c_after_the_handle():
            self.process = subprocess.Popen(
                [sys.executable, "-m", "knowledge.vectors.embedded_host"], cwd=PROJECT_ROOT,
                env=env, start_new_session=True,
            )  # fmt: skip
        migrating = (self.settings.qdrant_local_path / "meta.json").exists()
        deadline = time.monotonic() + (MIGRATION_TIMEOUT_S if migrating else START_TIMEOUT_S)
        while not Path(self.address).exists():
            if self.process.poll() is not None:
                raise KnowledgeBaseUnavailable(
                    f"the embedded Qdrant host exited with {self.process.returncode} "
                    "(its reason is logged above)"
                )
            if time.monotonic() > deadline:
                self.process.kill()
                raise KnowledgeBaseUnavailable("the embedded Qdrant host did not start")
            time.sleep(0.05)

    def _watch(self) -> None:
        while not self.stopping:
            assert self.process is not None
            # (Gunicorn's master reaps any child that exits: the code may then read 0.)
            code = self.process.wait()
            if self.stopping:
                return
            log.error("embedded Qdrant host exited; restarting it", extra={"exit_code": code})
            time.sleep(RESTART_PAUSE_S)
            Path(self.address).unlink(missing_ok=True)
            try:
                self._launch()
            except KnowledgeBaseUnavailable as exc:
                log.error("embedded Qdrant host did not restart", extra={"reason": str(exc)})
                return

    def stop(self) -> None:
        self.stopping = True
        if self.process is not None:
            end_process(self.process, timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def _ctrl_c_after_the_handle() -> Iterator[None]:
    """Hold Ctrl-C until the Popen handle is assigned. Popen forks, then waits for the exec:
    a KeyboardInterrupt raised in that wait leaves a running host that nothing can stop."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread (a restart runs in the watcher)
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        signal.raise_signal(signal.SIGINT)  # now, to the handler that was in place


def _exit_with_parent(parent: int, folder: Path) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    log.warning("embedded Qdrant host: its master is gone; stopping")
    shutil.rmtree(folder, ignore_errors=True)  # the socket's folder, the master's to remove
    os.kill(os.getpid(), signal.SIGTERM)


def main() -> int:
    from config import get_settings
    from utils.logging import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    address, key = os.environ[SOCKET_ENV], bytes.fromhex(os.environ[KEY_ENV])
    try:
        # The folder itself, not knowledge.vectors.clients.open_client: this process is the host.
        client = open_embedded(
            settings.qdrant_local_path, optimize_after=settings.embedded_optimize_after
        )
    except KnowledgeBaseUnavailable as exc:
        log.error("embedded Qdrant host cannot open its folder", extra={"reason": str(exc)})
        return 1
    # Bound (and listening) only now: the socket's existence tells the master it is ready.
    listener = Listener(address, family="AF_UNIX", authkey=key)

    def shut(*_: Any) -> None:
        raise SystemExit(0)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, shut)
    # A master killed outright cannot stop its host: the host stops itself, or it would
    # keep the folder locked against the next start.
    threading.Thread(
        target=_exit_with_parent, args=(os.getppid(), Path(address).parent), daemon=True
    ).start()
    log.info("embedded Qdrant host serving", extra={"folder": str(settings.qdrant_local_path)})
    try:
        serve(listener=listener, local=client._client)
    finally:
        with contextlib.suppress(OSError):  # its socket file may be gone with its folder
            listener.close()
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
