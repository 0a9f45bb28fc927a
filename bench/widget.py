"""The widget's cost to a site and to its visitors, against the plain chat route.

- the script's size (what a site's page downloads once, then from its cache), raw and
  gzip-compressed;
- the time to the first streamed token through the widget's route (`POST /v1/public/chat`
  with an allowed Origin, the visitor's headers, its quota check) against `POST /v1/chat`
  with an API key, on the same served instance (Gunicorn + Uvicorn, one worker, offline
  answers), the two interleaved, each question in a new conversation.

    python -m bench.widget [--rounds 20]
"""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import argparse
import gzip
import http.client
import json
import statistics
import time
import uuid

from bench.sample_service import sample_service
from config import PROJECT_ROOT
from utils.service_process import ServiceProcess, request

KEY, ADMIN = "bench-key", "bench-admin"
SITE = "https://shop.example"
QUESTIONS = ("How do I start the service?", "How long are conversations kept?",
             "What is the rate limit of an API key?", "Can I run several workers?")  # fmt: skip


def first_token_s(port: int, path: str, headers: dict[str, str], question: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("POST", path, body=json.dumps({"message": question}),
                       headers={"Content-Type": "application/json",
                                "Accept": "text/event-stream", **headers})  # fmt: skip
    response = connection.getresponse()
    assert response.status == 200, (path, response.status, response.read()[:300])
    first = None
    for line in response:
        if first is None and line.startswith(b"event: token"):
            first = time.perf_counter() - started
    connection.close()
    assert first is not None, path
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    script = (PROJECT_ROOT / "widget" / "widget.js").read_bytes()
    print(f"widget.js: {len(script) / 1024:.1f} KiB, {len(gzip.compress(script)) / 1024:.1f} KiB "
          "gzip-compressed")  # fmt: skip

    with sample_service("bench-widget-", API_KEYS=KEY, ADMIN_API_KEYS=ADMIN,
                        RATE_LIMIT="100000/minute", PUBLIC_RATE_LIMIT="100000/minute") as service:  # fmt: skip
        measure(service, rounds=args.rounds)


def measure(service: ServiceProcess, *, rounds: int) -> None:
    status, _ = request("PATCH", f"{service.url}/v1/assistants/asst_default",
                        headers={"X-API-Key": ADMIN},
                        body={"is_public": True, "allowed_origins": [SITE],
                              "visitor_daily_quota": None, "address_daily_quota": None,
                              "daily_quota": None})  # fmt: skip
    assert status == 200
    visitor = uuid.uuid4().hex
    for question in QUESTIONS:  # warm: the encoder's first calls, the caches
        first_token_s(service.port, "/v1/chat",
                      {"X-API-Key": KEY, "X-Conversation-Id": uuid.uuid4().hex}, question)  # fmt: skip
    chat, widget = [], []
    for n in range(rounds):  # interleaved: the machine drifts
        question = QUESTIONS[n % len(QUESTIONS)]
        chat.append(first_token_s(service.port, "/v1/chat",
                                  {"X-API-Key": KEY, "X-Conversation-Id": uuid.uuid4().hex},
                                  question))  # fmt: skip
        widget.append(first_token_s(service.port, "/v1/public/chat",
                                    {"Origin": SITE, "X-Assistant-Id": "asst_default",
                                     "X-Visitor-Id": visitor,
                                     "X-Conversation-Id": uuid.uuid4().hex}, question))  # fmt: skip
    for name, samples in (("POST /v1/chat (API key)", chat),
                          ("POST /v1/public/chat (widget)", widget)):  # fmt: skip
        ordered = sorted(samples)
        print(f"{name}: first token median {statistics.median(samples) * 1000:.0f} ms, "
              f"p90 {ordered[int(len(ordered) * 0.9) - 1] * 1000:.0f} ms")  # fmt: skip
    print(f"widget / chat (medians): x{statistics.median(widget) / statistics.median(chat):.2f}")


if __name__ == "__main__":
    main()
