"""Apps over the real stack: Redis, the indexed sample knowledge base, the real model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import pytest
from flask import Flask
from flask.testing import FlaskClient
from qdrant_client import QdrantClient

from agents.service import ChatService
from app import create_app
from config import Settings
from knowledge.embeddings import LocalEmbeddings
from utils.checkpointer import RedisSaver

KEY_A = {"X-API-Key": "test-key-a"}
KEY_B = {"X-API-Key": "test-key-b"}


@pytest.fixture
def make_app(
    make_settings: Callable[..., Settings], kb_client: QdrantClient, embeddings: LocalEmbeddings
) -> Iterator[Callable[..., Flask]]:
    services: list[ChatService] = []

    def build(settings: Settings, *, qdrant: QdrantClient, run_jobs: bool) -> ChatService:
        saver = RedisSaver.from_url(
            settings.redis_url_or_local,
            ttl=settings.conversation_ttl,
            prefix=settings.checkpoint_prefix,
            socket_timeout=1.0,
            connect_timeout=0.5,
            retries=1,
        )
        service = ChatService(
            settings, saver=saver, qdrant=qdrant, embeddings=embeddings, run_jobs=run_jobs
        )
        services.append(service)
        return service

    def make(
        *, qdrant: QdrantClient | None = None, run_jobs: bool = True, **overrides: object
    ) -> Flask:
        """An app over the shared knowledge base, or over `qdrant` when given."""
        factory = partial(build, qdrant=qdrant or kb_client, run_jobs=run_jobs)
        return create_app(make_settings(**overrides), service_factory=factory)

    yield make
    for service in services:  # the shared Qdrant client stays open for other tests
        service.job_runner.stop()
        service.saver.close()


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
