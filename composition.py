"""The composition root: builds every long-lived collaborator once per process (after
fork, in a server worker) and hands them in. Nothing else constructs them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis
from qdrant_client import QdrantClient
from sqlalchemy.engine import make_url

from agents.answerability import shipped
from agents.contexts import AnswerDefaults, DataQuerying, ToolCalling, TurnContexts
from agents.conversations import ConversationIndex
from agents.graph import build_graph
from agents.llm import Provider
from agents.probes import Probes
from agents.retrieval import Retriever
from agents.service import ChatService
from config import Settings
from data_sources.artifacts import ArtifactStore
from data_sources.catalog import SourcePlaces, sources_loader
from data_sources.runner import QueryLimits
from data_sources.servers import ServerRule
from ingestion.ingest import Ingestor
from ingestion.jobs import JobExecutor, JobStore
from ingestion.queue import Handlers, IngestionQueue
from ingestion.reembed import Reembedder
from ingestion.stats import TaskStats
from knowledge.documents.chunking import Chunker
from knowledge.documents.crawler import SafeFetcher
from knowledge.documents.ocr import tesseract_for
from knowledge.encoders.embeddings import LocalEmbeddings, load_embeddings
from knowledge.vectors.clients import open_client
from knowledge.vectors.generations import IndexVersions
from knowledge.vectors.store import ensure_collection
from mcp_tools.catalog import tools_loader
from mcp_tools.connection import Reach
from notifications.mail import Mailer
from notifications.notifier import Notifier
from notifications.webhooks import Deliverer
from people.login_limits import LoginLimits
from people.sso import SsoFlows
from people.tokens import Tokens
from tenancy.bootstrap import adopt_existing_points, ensure_defaults
from tenancy.db import Database
from tenancy.documents import DocumentService, record_job_update
from tenancy.keys import KeyResolver
from tenancy.profiles import ProfileStore
from tenancy.public_quotas import PublicQuotas
from tenancy.retention import RetentionPurger
from tenancy.secrets_box import SecretsBox, load_keys
from tenancy.turns import TurnRecorder
from tenancy.web_sessions import WebSessions
from tenancy.web_sources import WebCrawls
from utils import metrics
from utils.checkpointer import RedisSaver
from utils.web_chat_secret import guest_key
from voice.emotion import EmotionReader
from voice.service import VoiceService
from voice.sources import document_stamp, indexed_texts
from voice.speech_to_text import HostedTranscriber, PocketSphinxTranscriber
from voice.text_to_speech import EspeakSpeaker, HostedSpeaker
from voice.whisper import WhisperTranscriber


@dataclass
class Services:
    settings: Settings
    db: Database
    saver: RedisSaver
    redis: Any  # redis.Redis or redis.cluster.RedisCluster: jobs, conversation index
    qdrant: QdrantClient
    embeddings: LocalEmbeddings
    box: SecretsBox
    keys: KeyResolver
    profiles: ProfileStore
    chat: ChatService
    documents: DocumentService
    ingestor: Ingestor
    jobs: JobExecutor
    queue: IngestionQueue
    notifier: Notifier
    tokens: Tokens
    login_limits: LoginLimits
    sso: SsoFlows
    reembedder: Reembedder
    probes: Probes
    recorder: TurnRecorder
    retention: RetentionPurger
    voice: VoiceService
    web_sessions: WebSessions
    places: SourcePlaces
    artifacts: ArtifactStore
    web_crawls: WebCrawls
    public_quotas: PublicQuotas
    web_chat_guest_key: str  # what the web chat's server sends for its guests' calls

    def close(self) -> None:
        self.retention.stop()
        self.recorder.stop()
        self.queue.stop()
        self.reembedder.stop()
        self.saver.close()
        self.redis.close()
        self.qdrant.close()
        self.db.close()


def migrated_database(settings: Settings) -> Database:
    """The platform database, migrated to the newest schema."""
    db = Database(settings.database_url_or_local)
    db.migrate()
    return db


def open_database(settings: Settings) -> Database:
    """The platform database, migrated, with its default records."""
    db = migrated_database(settings)
    ensure_defaults(db, app_name=settings.app_name)
    return db


def open_saver(settings: Settings, **overrides: Any) -> RedisSaver:
    options: dict[str, Any] = {
        "ttl": settings.conversation_ttl,
        "prefix": settings.checkpoint_prefix,
        "cluster": settings.redis_cluster,
        "socket_timeout": settings.redis_socket_timeout,
        **overrides,
    }
    return RedisSaver.from_url(settings.redis_url_or_local, **options)


def open_embeddings(settings: Settings) -> LocalEmbeddings:
    """The configured model in its configured build, one per process."""
    key = settings.embedding_api_key
    api = (
        (settings.embedding_base_url, key.get_secret_value() if key else None)
        if settings.embedding_base_url
        else None
    )
    return load_embeddings(
        settings.embedding_model,
        settings.embedding_batch_size,
        settings.embedding_backend,
        settings.embedding_cache_dir,
        threads=settings.embedding_threads,
        api=api,
    )


def index_versions(
    settings: Settings, *, qdrant: QdrantClient, embeddings: LocalEmbeddings
) -> IndexVersions:
    """Which encoder made which points, while that is not the configured one for all."""

    def load(name: str) -> LocalEmbeddings:
        return load_embeddings(
            name, settings.embedding_batch_size, settings.embedding_backend,
            settings.embedding_cache_dir, threads=settings.embedding_threads,
        )  # fmt: skip

    return IndexVersions(
        client=qdrant, collection=settings.collection_name, embeddings=embeddings, load=load
    )


def build_reembedder(
    settings: Settings, *, client: Any, ingestor: Ingestor, versions: IndexVersions
) -> Reembedder:
    """The background re-making of points an earlier encoder made (one at a time in the
    deployment: whichever process holds the lock)."""
    return Reembedder(
        ingestor=ingestor,
        versions=versions,
        redis=client,
        lock_key=f"{settings.checkpoint_prefix}:reembed:{settings.collection_name}",
    )


def open_redis(settings: Settings) -> Any:
    options = {"socket_timeout": settings.redis_socket_timeout, "socket_connect_timeout": 2}
    if settings.redis_cluster:
        return redis.cluster.RedisCluster.from_url(settings.redis_url_or_local, **options)
    return redis.Redis.from_url(settings.redis_url_or_local, **options)


def build_ingestor(
    settings: Settings, *, qdrant: QdrantClient, embeddings: LocalEmbeddings
) -> Ingestor:
    return Ingestor(
        client=qdrant,
        collection=settings.collection_name,
        embeddings=embeddings,
        chunker=Chunker(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap),
        sentence_vectors=settings.sentence_vectors,
    )


def build_job_executor(
    settings: Settings, *, client: Any, db: Database, ingestor: Ingestor, notifier: Notifier
) -> JobExecutor:
    """What runs an ingestion job, in whichever process consumes the queue."""

    def on_update(job: dict[str, Any], fields: dict[str, Any]) -> None:
        record_job_update(db, job, fields)
        if fields.get("status") in ("completed", "failed"):
            notifier.emit(job["org_id"], f"document.{fields['status']}", {
                "document_id": job["document_id"], "kb_id": job["kb_id"],
                "source": job["source"], "job_id": job["job_id"],
                "errors": fields.get("errors") or [],
            })  # fmt: skip

    return JobExecutor(
        JobStore(client, settings.checkpoint_prefix),
        ingestor,
        on_update=on_update,
        ocr=tesseract_for(tuple(settings.ocr_languages), max_pixels=settings.ocr_max_pixels),
        max_ocr_pages=settings.ocr_max_pages,
        max_retries=settings.ingestion_max_retries,
        retry_base_s=settings.ingestion_retry_base_seconds,
    )


def build_web_crawls(
    settings: Settings, *, client: Any, db: Database, qdrant: QdrantClient, ingestor: Ingestor,
    notifier: Notifier,
) -> WebCrawls:  # fmt: skip
    return WebCrawls(
        on_failed=lambda org_id, data: notifier.emit(org_id, "source.failed", data),
        db=db, redis=client, prefix=settings.checkpoint_prefix, ingestor=ingestor,
        qdrant=qdrant, collection=settings.collection_name,
        fetcher=lambda: SafeFetcher(allowed_hosts=settings.web_sources_allowed_hosts,
                                    timeout=settings.web_fetch_timeout),
        delay_s=settings.web_crawl_delay_seconds,
    )  # fmt: skip


def build_queue(settings: Settings, *, client: Any) -> IngestionQueue:
    return IngestionQueue(settings, stats=TaskStats(client, settings.checkpoint_prefix))


def open_box(settings: Settings) -> SecretsBox:
    """Fernet for secrets at rest (provider keys, database URLs, webhook secrets)."""
    return SecretsBox(
        load_keys([k.get_secret_value() for k in settings.encryption_keys], settings.data_dir)
    )


def queue_handlers(
    settings: Settings, *, db: Database, box: SecretsBox, jobs: JobExecutor,
    web_crawls: WebCrawls,
) -> Handlers:  # fmt: skip
    """What this process does with the queue's tasks when it consumes them."""
    deliverer = Deliverer(
        db=db, box=box,
        fetcher=lambda: SafeFetcher(allowed_hosts=settings.webhook_hosts,
                                    timeout=settings.web_fetch_timeout,
                                    allow_setting="WEBHOOK_ALLOWED_HOSTS"),
        max_attempts=settings.webhook_max_attempts,
        retry_base_s=settings.webhook_retry_base_seconds,
    )  # fmt: skip
    mailer = Mailer(settings)
    return Handlers(
        run_job=jobs.run, crawl=web_crawls.crawl, claim_due_crawls=web_crawls.claim_due,
        deliver_webhook=lambda delivery_id: deliverer.deliver(delivery_id).retry_in,
        send_mail=lambda message: mailer.send(**message),
    )  # fmt: skip


def source_places(settings: Settings) -> SourcePlaces:
    return SourcePlaces(
        store_dir=settings.data_dir / "data_sources",
        sqlite_dir=settings.sql_sources_dir_or_default,
        max_upload_bytes=settings.data_source_max_bytes,
        servers=database_servers(settings),
    )


def database_servers(settings: Settings) -> ServerRule:
    """The database servers data sources may reach: never the platform's own."""
    own: list[tuple[str, int]] = []
    url = make_url(settings.database_url_or_local)
    if url.get_backend_name() == "postgresql":
        own.append((url.host or url.query.get("host") or "localhost", url.port or 5432))  # type: ignore[arg-type]
    return ServerRule(allowed_hosts=tuple(settings.data_sources_allowed_hosts),
                      own_servers=tuple(own))  # fmt: skip


def build_services(
    settings: Settings,
    *,
    qdrant: QdrantClient | None = None,
    embeddings: LocalEmbeddings | None = None,
    saver: RedisSaver | None = None,
    run_jobs: bool = True,
) -> Services:
    """Open every resource the service needs (tests may pass shared ones in)."""
    db = migrated_database(settings)
    saver = saver or open_saver(settings)
    client = open_redis(settings)
    qdrant = qdrant or open_client(settings)
    embeddings = embeddings or open_embeddings(settings)
    ensure_collection(qdrant, settings.collection_name, embeddings.dimensions)
    if ensure_defaults(
        db, app_name=settings.app_name
    ):  # first start, or the first since an upgrade
        adopt_existing_points(db, qdrant, settings.collection_name)

    box = open_box(settings)
    queue = build_queue(settings, client=client)
    notifier = Notifier(db=db, queue=queue, settings=settings)
    provider = Provider.from_settings(settings)
    places = source_places(settings)
    calibration = embeddings.calibration
    versions = index_versions(settings, qdrant=qdrant, embeddings=embeddings)
    retriever = Retriever(
        versions=versions,
        client=qdrant,
        collection=settings.collection_name,
        embeddings=embeddings,
        candidates=settings.retrieval_candidates,
        rrf_k=settings.retrieval_rrf_k,
        weights=(settings.hybrid_weights[0], settings.hybrid_weights[1]),
    )
    artifacts = ArtifactStore(client, settings.checkpoint_prefix, settings.conversation_ttl)
    contexts = TurnContexts(
        retriever=retriever,
        embeddings=embeddings,
        defaults=AnswerDefaults(
            retrieval_mode=settings.retrieval_mode,
            retrieval_k=settings.retrieval_k,
            score_threshold=_either(settings.score_threshold, calibration.score_threshold),
            sentence_threshold=_either(
                settings.answer_sentence_threshold, calibration.sentence_threshold
            ),
            max_sentences=settings.answer_max_sentences,
            answerability=shipped() if settings.answerability_check else None,
            temperature=settings.llm_temperature,
            token_budget=settings.history_token_budget,
            provider=provider,
            max_messages=settings.conversation_max_messages,
        ),
        querying=DataQuerying(
            artifacts=artifacts,
            limits=QueryLimits(
                timeout_s=settings.sql_timeout_seconds,
                max_rows=settings.sql_max_rows,
                servers=database_servers(settings),
                max_bytes=settings.sql_max_result_bytes,
            ),  # fmt: skip
            max_retries=settings.max_sql_retries,
        ),
        tool_calling=ToolCalling(
            reach=Reach(tuple(settings.mcp_allowed_hosts), settings.mcp_tool_timeout_seconds),
            max_result_chars=settings.mcp_max_result_chars,
            max_calls=settings.mcp_max_tool_calls,
        ),
    )
    saver.on_round_trip = metrics.CHECKPOINTER_SECONDS.observe
    recorder = TurnRecorder(db)
    retention = RetentionPurger(db, interval_seconds=settings.retention_purge_seconds)
    if run_jobs:
        recorder.start()
        retention.start()
    chat = ChatService(
        recorder=recorder,
        graph=build_graph(checkpointer=saver),
        saver=saver,
        contexts=contexts,
        index=ConversationIndex(client, settings.checkpoint_prefix, settings.conversation_ttl),
        turn_lock_seconds=settings.turn_lock_seconds,
        turn_wait_seconds=settings.turn_wait_seconds,
        prune_checkpoints=settings.prune_checkpoints,
        artifacts=artifacts,
        on_escalated=notifier.escalated,
    )
    ingestor = build_ingestor(settings, qdrant=qdrant, embeddings=embeddings)
    jobs = build_job_executor(settings, client=client, db=db, ingestor=ingestor, notifier=notifier)
    reembedder = build_reembedder(settings, client=client, ingestor=ingestor, versions=versions)
    web_crawls = build_web_crawls(settings, client=client, db=db, qdrant=qdrant, ingestor=ingestor,
                                  notifier=notifier)  # fmt: skip
    if run_jobs and settings.ingestion_in_api:
        # This process is also a worker of the task queue (one machine, no worker.py).
        queue.handlers = queue_handlers(settings, db=db, box=box, jobs=jobs, web_crawls=web_crawls)
        queue.consume_in_thread()
        reembedder.start()
    return Services(
        settings=settings,
        db=db,
        saver=saver,
        redis=client,
        qdrant=qdrant,
        embeddings=embeddings,
        box=box,
        keys=KeyResolver(
            db,
            settings_keys=[k.get_secret_value() for k in settings.api_keys],
            admin_keys=[k.get_secret_value() for k in settings.admin_api_keys],
            cache_seconds=settings.key_cache_seconds,
        ),
        profiles=ProfileStore(
            db,
            box,
            data_sources=sources_loader(box=box, places=places),
            mcp_tools=tools_loader(box=box),
        ),
        places=places,
        artifacts=artifacts,
        web_crawls=web_crawls,
        chat=chat,
        documents=DocumentService(
            db=db,
            qdrant=qdrant,
            collection=settings.collection_name,
            jobs=jobs.store,
            queue=queue,
        ),
        ingestor=ingestor,
        jobs=jobs,
        queue=queue,
        notifier=notifier,
        tokens=Tokens(
            secret=box.derived_key("access tokens"),
            access_seconds=settings.access_token_seconds,
            refresh_days=settings.refresh_token_days,
        ),
        sso=SsoFlows(
            redis=client,
            prefix=settings.checkpoint_prefix,
            allowed_hosts=settings.sso_allowed_hosts,
        ),  # fmt: skip
        login_limits=LoginLimits(
            client,
            settings.checkpoint_prefix,
            per_address=settings.login_max_per_address,
            per_account=settings.login_max_failures_per_account,
            window_s=settings.login_window_seconds,
        ),
        reembedder=reembedder,
        public_quotas=PublicQuotas(client, settings.checkpoint_prefix),
        web_chat_guest_key=guest_key(settings),
        probes=Probes(
            saver=saver,
            qdrant=qdrant,
            collection=settings.collection_name,
            qdrant_mode=settings.qdrant_mode,
            embedding_model=embeddings.name,
            versions=versions,
            db=db,
            provider=provider,
        ),
        recorder=recorder,
        retention=retention,
        voice=build_voice(settings, chat=chat, db=db, qdrant=qdrant),
        web_sessions=WebSessions(
            client,
            settings.checkpoint_prefix,
            link_seconds=settings.sso_link_seconds,
            session_seconds=settings.sso_session_seconds,
        ),  # fmt: skip
    )


def _either(value: float | None, default: float) -> float:
    return default if value is None else value


def build_voice(
    settings: Settings, *, chat: ChatService, db: Database, qdrant: QdrantClient
) -> VoiceService:
    """Offline speech engines, and the hosted ones the settings name."""

    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value else None

    return VoiceService(
        chat=chat,
        transcriber=WhisperTranscriber(
            cache_dir=settings.embedding_cache_dir,
            languages=tuple(settings.voice_languages),
            threads=settings.embedding_threads,
        ) if settings.speech_to_text == "whisper" else PocketSphinxTranscriber(
            folder=settings.data_dir / "speech",
            stamp=document_stamp(db),
            corpus=indexed_texts(qdrant, settings.collection_name),
        ),
        speaker=EspeakSpeaker(
            voice=settings.espeak_voice, words_per_minute=settings.espeak_words_per_minute
        ),
        emotions=EmotionReader(),
        max_seconds=settings.audio_max_seconds,
        hosted_transcriber=HostedTranscriber(
            base_url=settings.stt_base_url, model=settings.stt_model,
            api_key=secret(settings.stt_api_key),
        ) if settings.stt_base_url else None,
        hosted_speaker=HostedSpeaker(
            base_url=settings.tts_base_url, model=settings.tts_model, voice=settings.tts_voice,
            api_key=secret(settings.tts_api_key),
        ) if settings.tts_base_url else None,
    )  # fmt: skip
