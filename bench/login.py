"""What one sign-in costs, and what the limiter lets through.

- argon2id: the time of one password hash and one verification (the work of a sign-in),
  against one SHA-256 of an API key (the work of a key check) in the same run;
- `POST /v1/auth/login` through the app (Flask test client, real Redis and SQLite):
  sign-ins per second on one thread, and how many attempts from one address the limiter
  answered with 401 before 429s (the rest cost no hash).

    python -m bench.login [--rounds 20]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path

from app import create_app
from composition import build_services
from config import Settings
from people import accounts, passwords
from tenancy.models import DEFAULT_ORG_ID
from utils.local_redis import LocalRedis, free_port

PASSWORD = "correct horse battery"


def timed(action, rounds: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    stored = passwords.hash_password(PASSWORD)
    key = "gc_live_" + "x" * 43
    for round_ in (1, 2):  # interleaved: the machine drifts
        hash_s = timed(lambda: passwords.hash_password(PASSWORD), args.rounds)
        verify_s = timed(lambda: passwords.verify(stored, PASSWORD), args.rounds)
        sha_s = timed(lambda: hashlib.sha256(key.encode()).hexdigest(), args.rounds * 100)
        print(f"round {round_}: argon2id hash {hash_s * 1000:.1f} ms, verify "
              f"{verify_s * 1000:.1f} ms; API key SHA-256 {sha_s * 1e6:.2f} us "
              f"(verify/key x{verify_s / sha_s:,.0f})")  # fmt: skip

    folder = Path(tempfile.mkdtemp(prefix="bench-login-"))
    redis = LocalRedis(directory=folder / "redis", port=free_port()).start()
    try:
        settings = Settings(_env_file=None, data_dir=folder, redis_url=redis.url,
                            anonymous_rate_limit="100000/minute", api_keys="bench-key",
                            rate_limit="100000/minute",
                            login_max_per_address=30, login_max_failures_per_account=10)  # fmt: skip
        app = create_app(settings, services_factory=lambda s: build_services(s, run_jobs=False))
        services = app.extensions["services"]()
        with services.db.session() as session:
            for n in range(args.rounds):
                user = accounts.create_user(session, email=f"u{n}@bench.test", password=PASSWORD)
                accounts.add_member(session, user_id=user.id, org_id=DEFAULT_ORG_ID, role="member")
        client = app.test_client()
        started = time.perf_counter()
        for n in range(args.rounds):
            body = {"email": f"u{n}@bench.test", "password": PASSWORD}
            response = client.post("/v1/auth/login", json=body,
                                   environ_base={"REMOTE_ADDR": f"10.0.0.{n}"})  # fmt: skip
            assert response.status_code == 200, response.get_data(as_text=True)
        rate = args.rounds / (time.perf_counter() - started)
        print(f"\nPOST /v1/auth/login: {rate:.1f} sign-ins/s on one thread")
        statuses = [
            client.post("/v1/auth/login", json={"email": f"x{n}@bench.test", "password": "nope"},
                        environ_base={"REMOTE_ADDR": "10.9.9.9"}).status_code
            for n in range(100)
        ]  # fmt: skip
        print(f"100 attempts from one address within the window: {statuses.count(401)} checked "
              f"(401), {statuses.count(429)} refused before any hash (429)")  # fmt: skip
        # A signed-in request: the person, membership and sign-in read on each one,
        # against an API key (cached after its first use), interleaved.
        pair = client.post("/v1/auth/login", json={"email": "u0@bench.test", "password": PASSWORD},
                           environ_base={"REMOTE_ADDR": "10.8.8.8"}).get_json()  # fmt: skip
        as_person = {"Authorization": f"Bearer {pair['access_token']}"}
        as_key = {"X-API-Key": "bench-key"}
        for round_ in (1, 2):
            person_s = timed(lambda: client.get("/v1/me", headers=as_person), args.rounds * 10)
            key_s = timed(lambda: client.get("/v1/me", headers=as_key), args.rounds * 10)
            print(
                f"round {round_}: GET /v1/me with an access token {person_s * 1000:.2f} ms, "
                f"with an API key {key_s * 1000:.2f} ms (x{person_s / key_s:.2f})"
            )
        services.close()
    finally:
        redis.stop()


if __name__ == "__main__":
    main()
