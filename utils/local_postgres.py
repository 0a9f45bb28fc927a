"""A throwaway PostgreSQL cluster on loopback, for the tests and benchmarks that run the
platform database on a real server (Debian's postgresql package).

PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user
and its commands run through runuser.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from utils.local_redis import free_port
from utils.supervisor import end_process

START_TIMEOUT_S = 30.0
SERVICE_USER = "postgres"


class PostgresServerError(RuntimeError):
    """PostgreSQL is not installed or did not start."""


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PostgresServerError(
            "PostgreSQL is not installed: `make test` installs Debian's postgresql package"
        )
    return Path(found[-1]).parent


@dataclass
class LocalPostgres:
    port: int = field(default_factory=free_port)
    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="pg-")))
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"postgresql://{SERVICE_USER}@127.0.0.1:{self.port}/postgres"

    def _command(self, *args: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", SERVICE_USER, "--", *args]
        return list(args)

    def start(self) -> LocalPostgres:
        binaries = postgres_bin()
        data = self.directory / "data"
        if os.geteuid() == 0:
            shutil.chown(self.directory, SERVICE_USER)
        subprocess.run(
            self._command(
                str(binaries / "initdb"), "-D", str(data), "-U", SERVICE_USER,
                "--auth=trust", "--no-sync", "-E", "UTF8",
            ),
            check=True, capture_output=True,
        )  # fmt: skip
        self.process = subprocess.Popen(
            self._command(
                str(binaries / "postgres"), "-D", str(data), "-p", str(self.port),
                "-h", "127.0.0.1", "-k", str(self.directory),
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            ),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            ready = subprocess.run(
                [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                capture_output=True,
            )
            if ready.returncode == 0:
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise PostgresServerError(f"PostgreSQL did not start on port {self.port}")

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        subprocess.run(
            [str(postgres_bin() / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
             "-U", SERVICE_USER, name],
            check=True, capture_output=True,
        )  # fmt: skip
        return f"postgresql://{SERVICE_USER}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.process is not None:
            end_process(self.process, timeout=20)
        shutil.rmtree(self.directory, ignore_errors=True)
