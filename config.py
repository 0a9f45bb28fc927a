"""All configuration, typed, in one place: read from the environment and `.env` once."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Set before numpy/torch load anywhere: on 2 cores OpenBLAS threads fight torch's
# (2.5-7x slower queries), and the embedding model must never be fetched from a hub.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PROJECT_ROOT = Path(__file__).resolve().parent
VERSION = "0.1.0"


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Service settings. Every field can be set as an environment variable of the same
    name (upper case) or in `.env`; `.env.example` lists them all."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    app_name: str = "Grounded Chat"
    data_dir: Path = PROJECT_ROOT / "data"

    # HTTP
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(
        2, ge=1, description="API worker processes (embedded Qdrant: shared through a host process)"
    )
    threads: int = Field(16, ge=1, description="Request threads per worker")
    timeout: int = Field(120, ge=1)
    graceful_timeout: int = Field(30, ge=1)
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    admin_api_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_request_bytes: int = Field(1_048_576, ge=1024)
    rate_limit: str = "120/minute"
    # Requests without a valid key, per client address (probing for keys costs this).
    anonymous_rate_limit: str = "30/minute"
    # Chat with public assistants (no key), per client address.
    public_rate_limit: str = "20/minute"
    # Management routes (knowledge bases, documents, assistants, keys, analytics, audit),
    # per key; a key's own limit replaces it, as RATE_LIMIT for chat.
    admin_rate_limit: str = "600/minute"
    # Addresses whose X-Forwarded-For is believed (Gunicorn's forwarded_allow_ips): the web
    # chat on loopback by default; add your reverse proxy's. Others count by their own.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"]
    )
    # Hosts an organisation's LLM endpoint may be on although they resolve to internal
    # addresses (a model server on your own network); any other internal address is refused.
    provider_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Web sources (sites crawled into knowledge bases) reach public addresses only, unless
    # the host is listed here; the pause between two requests to a site, per request's
    # timeout.
    web_sources_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    web_crawl_delay_seconds: float = Field(0.5, ge=0, le=60)
    web_fetch_timeout: float = Field(15.0, gt=0, le=120)
    # People who sign in: access tokens' life, refresh tokens' life, one-time links'.
    access_token_seconds: int = Field(900, ge=1, le=86400)
    refresh_token_days: float = Field(30.0, gt=0)
    invitation_days: float = Field(7.0, gt=0)
    password_reset_hours: float = Field(2.0, gt=0)
    # Sign-in attempts per client address, failed ones per account, in this window.
    login_max_per_address: int = Field(30, ge=1)
    login_max_failures_per_account: int = Field(10, ge=1)
    login_window_seconds: int = Field(900, ge=1)
    # The first platform administrator, made at the first start (`make run` prints a
    # one-time link to set the password).
    first_admin_email: str = "admin@localhost"
    # Where links in mail and invitations point: the web chat.
    public_url: str | None = None
    # The API's address as other sites reach it (the widget's script tag on their pages);
    # unset: API_URL.
    api_public_url: str | None = None
    # Outgoing mail (escalations, invitations, password resets); unset: no mail is sent.
    smtp_host: str | None = None
    smtp_port: int = Field(25, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "grounded@localhost"
    smtp_starttls: bool = False
    smtp_timeout: float = Field(10.0, gt=0)
    # Webhook deliveries: attempts before a delivery is marked failed, first retry delay.
    webhook_max_attempts: int = Field(6, ge=1, le=20)
    webhook_retry_base_seconds: float = Field(5.0, gt=0)
    # Hosts a webhook may reach although they resolve to private addresses (a receiver on
    # your own network); unset, the web sources' list (one outbound rule for both).
    webhook_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Hosts of OpenID providers allowed although private (a provider on the local network).
    sso_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # A credential for the metrics scraper alone: `Authorization: Bearer <token>` on /metrics.
    metrics_token: SecretStr | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Who sees the details of /health, /ready and /metrics (addresses, versions, errors,
    # deployment-wide figures): "admin" (a platform admin) or "public". The bare status
    # is always public.
    probe_details: Literal["admin", "public"] = "admin"
    # Check every JSON response against its published model (the tests turn this on).
    validate_responses: bool = False

    # Conversation memory
    redis_url: str | None = None
    redis_cluster: bool = False
    local_redis_port: int = Field(6390, ge=1, le=65535)
    conversation_ttl: int | None = Field(86400, ge=1)
    checkpoint_prefix: str = "rag"
    # Messages a conversation keeps (the oldest turns go first); each turn adds two.
    conversation_max_messages: int = Field(200, ge=2)
    # Drop a conversation's superseded checkpoints after each turn: storage then grows
    # with the conversation's text, not with the square of its turns.
    prune_checkpoints: bool = True
    redis_socket_timeout: float = Field(5.0, gt=0)
    turn_wait_seconds: float = Field(10.0, ge=0)
    turn_lock_seconds: int = Field(15, ge=3)

    # Platform records (organisations, assistants, keys): SQLite under DATA_DIR by default
    database_url: str | None = None
    # Fernet keys (comma-separated, newest first) that encrypt provider keys at rest.
    # Empty: one is generated into DATA_DIR/encryption.key on first use.
    encryption_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)
    # How long a worker trusts a resolved API key; a revoked key is refused after this.
    key_cache_seconds: float = Field(0.5, ge=0, le=1)
    # How often each API process purges turn records, feedback and audit entries older
    # than their organisation's retention_days.
    retention_purge_seconds: float = Field(3600, gt=0)

    # Knowledge base
    qdrant_url: str | None = None
    qdrant_api_key: SecretStr | None = None
    qdrant_path: Path | None = None
    collection_name: str = "knowledge_base"
    # Embedded Qdrant (Qdrant Edge) only: after this many points written, a copy of the
    # shard is optimised (HNSW built) by a child process, then swapped in.
    embedded_optimize_after: int = Field(20_000, ge=1)
    knowledge_base_dir: Path = PROJECT_ROOT / "knowledge_base"
    # multilingual-e5-small (the default: every language), all-MiniLM-L6-v2 (English
    # only, faster), or a sentence-transformers model folder.
    embedding_model: str | None = Field(
        None, description="multilingual-e5-small | all-MiniLM-L6-v2 | a model folder"
    )
    embedding_batch_size: int = Field(32, ge=1)
    # An OpenAI-compatible embeddings API instead of a local encoder (EMBEDDING_MODEL then
    # names its model).
    embedding_base_url: str | None = None
    embedding_api_key: SecretStr | None = None
    # Ingestion also embeds each chunk's sentences, so offline answers embed nothing but
    # the question (about twice the encoder time at ingestion). Off when a model answers.
    sentence_vectors: bool = True
    # Whether API processes also consume the ingestion queue (a worker thread each). False
    # when separate `python worker.py` processes do (`make run` starts one).
    ingestion_in_api: bool = True
    # The ingestion queue's broker (Celery, Redis transport); unset: REDIS_URL's Redis.
    celery_broker_url: SecretStr | None = None
    # Seconds before a task taken by a worker that died is handed to another: longer than
    # the longest ingestion (a job run twice at once is kept off by its claim anyway).
    ingestion_visibility_timeout: int = Field(900, ge=1)
    ingestion_concurrency: int = Field(1, ge=1, le=64, description="Tasks at once per worker")
    # Transient failures (a store away) retried with exponential backoff from the base.
    ingestion_max_retries: int = Field(5, ge=0, le=50)
    ingestion_retry_base_seconds: float = Field(2.0, gt=0)
    # How often the schedule looks for web sources due for a crawl.
    web_crawl_tick_seconds: float = Field(30.0, gt=0)
    # Which build of the model embeds (knowledge/encoders/engines.py): `auto` the fastest
    # that keeps the model's vectors (int8 for multilingual-e5-small, fp32 ONNX for
    # others), or the reference engine (`torch`), ONNX Runtime in fp32/4-bit or int8.
    embedding_backend: Literal["auto", "torch", "onnx", "onnx-int8"] = "auto"
    # Where ONNX exports of the model are kept (made by `make setup` or the first start).
    embedding_cache_dir: Path = PROJECT_ROOT / ".models"
    # ONNX Runtime threads per process (per query or batch).
    embedding_threads: int = Field(2, ge=1, le=64)
    retrieval_mode: Literal["hybrid", "dense", "sparse"] = "hybrid"
    retrieval_k: int = Field(4, ge=1, le=50)
    retrieval_candidates: int = Field(30, ge=1, le=500)
    retrieval_rrf_k: int = Field(1, ge=1)
    hybrid_weights: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: [1.0, 2.0], description="RRF weights: dense, sparse"
    )
    # Unset: the encoder's own calibration (knowledge.encoders.embeddings.CALIBRATIONS).
    score_threshold: float | None = Field(None, ge=-1, le=1)
    answer_sentence_threshold: float | None = Field(None, ge=-1, le=1)
    answer_max_sentences: int = Field(2, ge=1, le=10)
    # Offline answers pass the fitted answerability decision (agents/answerability.py)
    # before they quote and cite; off, any sentence above the threshold is quoted.
    answerability_check: bool = True
    chunk_size: int = Field(1000, ge=100)
    chunk_overlap: int = Field(150, ge=0)
    max_upload_bytes: int = Field(20_971_520, ge=1024)
    # Files attached to one question (POST /v1/chat `files`): how many, how large, and
    # how many PDF pages each.
    attachment_max_files: int = Field(5, ge=1, le=50)
    attachment_max_bytes: int = Field(5_242_880, ge=1024)
    attachment_max_pages: int = Field(50, ge=1)
    # OCR of images and scanned PDF pages (Tesseract): the languages read (their
    # Tesseract packs must be installed: eng, spa, ind are), the largest image in pixels
    # (checked before decoding), and the most scanned pages one PDF may have read.
    ocr_languages: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["en", "es", "id"]
    )
    ocr_max_pixels: int = Field(40_000_000, ge=10_000)
    ocr_max_pages: int = Field(200, ge=1)

    # LLM (OpenAI-compatible); unset base URL and model = offline extractive answers
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_timeout: float = Field(30.0, gt=0)
    llm_max_retries: int = Field(2, ge=0)
    llm_temperature: float = Field(0.1, ge=0, le=2)
    history_token_budget: int = Field(2000, ge=100)

    # Data sources (databases and spreadsheets queried with SQL through a model's tool
    # calls). A SQLite data source must be a file under SQL_SOURCES_DIR (default
    # DATA_DIR/databases); spreadsheets are kept under DATA_DIR/data_sources.
    sql_sources_dir: Path | None = None
    # Database servers of data sources reach public addresses only, unless the host is
    # listed here (`host` for all its ports, `host:port` for one); the platform's own
    # database server (DATABASE_URL) is refused whatever is listed.
    data_sources_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_sql_retries: int = Field(3, ge=0, le=20)
    sql_timeout_seconds: float = Field(10.0, gt=0, le=600)
    sql_max_rows: int = Field(100_000, ge=1, le=5_000_000)
    # A query result's CSV stops at this many bytes (cells are cut at 10,000 characters).
    sql_max_result_bytes: int = Field(10_485_760, ge=10_000, le=1_073_741_824)
    data_source_max_bytes: int = Field(52_428_800, ge=1024)

    # MCP servers an organisation registers (POST /v1/mcp-servers) for its assistants'
    # tools: public addresses only, unless the host is listed here (`host` or `host:port`).
    mcp_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # One tool call's deadline (connecting, the call, the answer), and the most of its
    # result sent to the model.
    mcp_tool_timeout_seconds: float = Field(15.0, gt=0, le=300)
    mcp_max_result_chars: int = Field(16_000, ge=500, le=1_000_000)
    # Tool calls a turn may make (a model that keeps calling is stopped there).
    mcp_max_tool_calls: int = Field(4, ge=1, le=20)

    # Voice (POST /v1/audio): offline PocketSphinx and eSpeak NG unless these are set;
    # a hosted engine that fails falls back to the offline one.
    stt_base_url: str | None = None
    stt_model: str = "whisper-1"
    stt_api_key: SecretStr | None = None
    tts_base_url: str | None = None
    tts_model: str = "tts-1"
    tts_voice: str = "alloy"
    tts_api_key: SecretStr | None = None
    audio_max_seconds: float = Field(60.0, gt=0, le=600)
    audio_max_bytes: int = Field(10_485_760, ge=1024)
    espeak_voice: str = "en-us"
    # Offline speech to text: whisper (multilingual, faster-whisper "base") or
    # pocketsphinx (English only, smaller, listens for the knowledge base's words).
    speech_to_text: Literal["whisper", "pocketsphinx"] = "whisper"
    # The languages a recording is recognised as (Whisper), when the client gives none.
    voice_languages: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["en", "id", "es"]
    )
    espeak_words_per_minute: int = Field(160, ge=80, le=450)

    # Web chat
    api_url: str = "http://127.0.0.1:8000"
    # The web chat's public address, for the sign-in links of POST /v1/sessions.
    web_chat_url: str = "http://127.0.0.1:8501"
    # How long a sign-in link may wait to be opened, and how long the session it opens lasts.
    sso_link_seconds: int = Field(300, ge=1, le=3600)
    sso_session_seconds: int = Field(28_800, ge=60)
    ui_port: int = Field(8501, ge=1, le=65535)
    # How long a web-chat sign-in lasts in its browser (reloads, new tabs) without a new
    # sign-in; a key's own expiry or revocation ends it sooner. Sealed with WEB_CHAT_SECRET
    # (a Fernet key; generated in DATA_DIR when unset).
    web_signin_seconds: int = Field(604_800, ge=60)
    web_chat_secret: SecretStr | None = None

    _split = field_validator(
        "api_keys",
        "admin_api_keys",
        "cors_origins",
        "trusted_proxies",
        "provider_allowed_hosts",
        "web_sources_allowed_hosts",
        "webhook_allowed_hosts",
        "sso_allowed_hosts",
        "data_sources_allowed_hosts",
        "mcp_allowed_hosts",
        "hybrid_weights",
        "encryption_keys",
        "voice_languages",
        "ocr_languages",
        mode="before",
    )(_split_csv)

    @field_validator("voice_languages", "ocr_languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        from knowledge.encoders.languages import normalise

        codes = [normalise(v) for v in value]
        if not codes or None in codes:
            raise ValueError("VOICE_LANGUAGES: language codes like en,id,es")
        return [c for c in codes if c]

    @field_validator(
        "redis_url",
        "celery_broker_url",
        "public_url",
        "api_public_url",
        "smtp_host",
        "smtp_username",
        "qdrant_url",
        "llm_base_url",
        "llm_model",
        "database_url",
        "metrics_token",
        "web_chat_secret",
        "embedding_model",
        "embedding_base_url",
        "score_threshold",
        "answer_sentence_threshold",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError("CHUNK_OVERLAP must be smaller than CHUNK_SIZE")
        if self.retrieval_candidates < self.retrieval_k:
            raise ValueError("RETRIEVAL_CANDIDATES must be at least RETRIEVAL_K")
        if len(self.hybrid_weights) != 2 or min(self.hybrid_weights) < 0:
            raise ValueError("HYBRID_WEIGHTS must be two non-negative numbers: dense,sparse")
        if self.redis_cluster and not self.celery_broker_url:
            raise ValueError(
                "REDIS_CLUSTER needs CELERY_BROKER_URL: a plain Redis for the ingestion queue "
                "(Celery's Redis transport does not speak Redis Cluster)"
            )
        return self

    # -- derived -----------------------------------------------------------------

    @property
    def public_url_or_local(self) -> str:
        """Where people open the service (links in mail): PUBLIC_URL, else the web chat."""
        return (self.public_url or f"http://{self.host}:{self.ui_port}").rstrip("/")

    @property
    def webhook_hosts(self) -> list[str]:
        """WEBHOOK_ALLOWED_HOSTS, or WEB_SOURCES_ALLOWED_HOSTS when that is unset."""
        return self.webhook_allowed_hosts or self.web_sources_allowed_hosts

    @property
    def redis_url_or_local(self) -> str:
        """REDIS_URL, or the private redis-server that `make run` starts on loopback."""
        return self.redis_url or f"redis://127.0.0.1:{self.local_redis_port}/0"

    @property
    def chat_request_limit(self) -> int:
        """The largest /v1/chat body: an ordinary request plus its attachments (base64)."""
        per_file = self.attachment_max_bytes * 4 // 3 + 1024
        return self.max_request_bytes + self.attachment_max_files * per_file

    @property
    def database_url_or_local(self) -> str:
        """DATABASE_URL, or an embedded SQLite file under DATA_DIR."""
        return self.database_url or f"sqlite:///{self.data_dir / 'platform.db'}"

    @property
    def qdrant_mode(self) -> Literal["server", "embedded"]:
        return "server" if self.qdrant_url else "embedded"

    @property
    def qdrant_local_path(self) -> Path:
        return self.qdrant_path or self.data_dir / "qdrant"

    @property
    def sql_sources_dir_or_default(self) -> Path:
        return self.sql_sources_dir or self.data_dir / "databases"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


@lru_cache
def get_settings() -> Settings:
    return Settings()
