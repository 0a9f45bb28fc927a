"""Apps over the real stack: Redis, the indexed sample knowledge base, the real model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from agents.conversations import Conversation
from app import create_app
from composition import Services, build_services, open_saver
from config import Settings
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.vectors.embedded import open_embedded
from knowledge.vectors.store import ensure_collection
from stubs.llm import LLMStub
from tenancy.keys import legacy_key_id
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_ORG_ID

KEY_A = {"X-API-Key": "test-key-a"}


def no_jobs(settings: Settings) -> Services:
    """An app's services without the threads that run jobs (the task consumer among them),
    for an app the test does not stop."""
    return build_services(settings, run_jobs=False)


KEY_B = {"X-API-Key": "test-key-b"}


@pytest.fixture
def make_app(
    make_settings: Callable[..., Settings], kb_client: QdrantClient, embeddings: LocalEmbeddings
) -> Iterator[Callable[..., Flask]]:
    built: list[Services] = []

    def build(settings: Settings, *, qdrant: QdrantClient, run_jobs: bool) -> Services:
        saver = open_saver(settings, socket_timeout=1.0, connect_timeout=0.5, retries=1)
        services = build_services(
            settings, qdrant=qdrant, embeddings=embeddings, saver=saver, run_jobs=run_jobs
        )
        built.append(services)
        return services

    def make(
        *, qdrant: QdrantClient | None = None, run_jobs: bool = True, **overrides: object
    ) -> Flask:
        """An app over the shared knowledge base, or over `qdrant` when given."""
        factory = partial(build, qdrant=qdrant or kb_client, run_jobs=run_jobs)
        return create_app(make_settings(**overrides), services_factory=factory)

    yield make
    for services in built:  # the shared Qdrant client stays open for other tests
        services.retention.stop()
        services.recorder.stop()
        services.queue.stop(wait=False)  # its consumer ends within a broker poll
        services.reembedder.stop()
        services.saver.close()
        services.redis.close()
        services.db.close()


@pytest.fixture
def empty_qdrant(tmp_path: Path, embeddings: LocalEmbeddings) -> Iterator[QdrantClient]:
    """Embedded Qdrant with an empty collection, for tests that add their own documents."""
    client = open_embedded(tmp_path / "empty-qdrant")
    ensure_collection(client, "knowledge_base", embeddings.dimensions)
    yield client
    client.close()


@pytest.fixture
def platform(make_app: Callable[..., Flask], empty_qdrant: QdrantClient) -> Flask:
    """An app over an empty knowledge base, for tests that build organisations."""
    return make_app(qdrant=empty_qdrant)


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def ask(client: FlaskClient, message: str, *, conversation: str = "c1", key: dict | None = None):
    return client.post(
        "/v1/chat",
        json={"message": message},
        headers={**(key or KEY_A), "X-Conversation-Id": conversation},
    )


def services_of(app: Flask) -> Services:
    return app.extensions["services"]()


def legacy_conversation(key: str, conversation_id: str) -> Conversation:
    """The conversation an API_KEYS key has with the default assistant."""
    return Conversation(
        org_id=DEFAULT_ORG_ID,
        assistant_id=DEFAULT_ASSISTANT_ID,
        owner=legacy_key_id(key),
        conversation_id=conversation_id,
        legacy=True,
    )


def history_of(app: Flask, key: str, conversation_id: str) -> list[dict] | None:
    return services_of(app).chat.history(conversation=legacy_conversation(key, conversation_id))


@pytest.fixture
def stub() -> Iterator[LLMStub]:
    server = LLMStub().start()
    yield server
    server.stop()


@pytest.fixture
def llm_app(make_app: Callable[..., Flask], stub: LLMStub) -> Callable[..., Flask]:
    def make(**overrides: object) -> Flask:
        values = {
            "llm_base_url": stub.url,
            "llm_api_key": stub.api_key,
            "llm_model": "stub-model",
            "llm_max_retries": 0,
            "llm_timeout": 2.0,
            **overrides,
        }
        return make_app(**values)

    return make
