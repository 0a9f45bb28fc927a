"""The platform database on SQLite and on a real PostgreSQL: migrations, isolation in the
query layer, and keys stored only as hashes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from tenancy import crud
from tenancy.bootstrap import ensure_defaults
from tenancy.db import Database
from tenancy.keys import KeyResolver
from tenancy.models import DEFAULT_ASSISTANT_ID, DEFAULT_KB_ID, DEFAULT_ORG_ID


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.migrate()
    yield database
    database.close()


def resolver(db: Database, **options: object) -> KeyResolver:
    return KeyResolver(db, settings_keys=[], admin_keys=[], cache_seconds=0, **options)  # type: ignore[arg-type]


def test_migrations_build_every_table_and_are_idempotent(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "organisations", "knowledge_bases", "documents", "assistants",
        "assistant_knowledge_bases", "api_keys", "alembic_version",
    } <= tables  # fmt: skip
    db.migrate()  # a second start changes nothing
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_defaults_are_created_once(db: Database) -> None:
    assert ensure_defaults(db, app_name="Test") is True
    assert ensure_defaults(db, app_name="Test") is False
    with db.session() as session:
        assistant = crud.get_assistant(
            session, org_id=DEFAULT_ORG_ID, assistant_id=DEFAULT_ASSISTANT_ID
        )
        assert [link.kb_id for link in assistant.knowledge_bases] == [DEFAULT_KB_ID]


def test_another_organisations_records_are_not_found(db: Database) -> None:
    with db.session() as session:
        first = crud.create_organisation(session, name="First")
        second = crud.create_organisation(session, name="Second")
        kb = crud.create_knowledge_base(session, org_id=first.id, name="handbook")
        assistant = crud.create_assistant(
            session, org_id=first.id, name="hr", knowledge_bases=[{"kb_id": kb.id}]
        )
    with db.session() as session:
        with pytest.raises(crud.NotFound):
            crud.get_knowledge_base(session, org_id=second.id, kb_id=kb.id)
        with pytest.raises(crud.NotFound):
            crud.get_assistant(session, org_id=second.id, assistant_id=assistant.id)
        # Nor can another organisation's assistant be pointed at this knowledge base.
        with pytest.raises(crud.NotFound):
            crud.create_assistant(
                session, org_id=second.id, name="thief", knowledge_bases=[{"kb_id": kb.id}]
            )
        assert crud.list_knowledge_bases(session, org_id=second.id) == []


def test_names_are_unique_within_an_organisation_only(db: Database) -> None:
    with db.session() as session:
        first = crud.create_organisation(session, name="First")
        second = crud.create_organisation(session, name="Second")
        crud.create_knowledge_base(session, org_id=first.id, name="docs")
        crud.create_knowledge_base(session, org_id=second.id, name="docs")
        with pytest.raises(crud.Conflict):
            crud.create_knowledge_base(session, org_id=first.id, name="docs")


def test_replacing_an_assistants_knowledge_bases(db: Database) -> None:
    with db.session() as session:
        org = crud.create_organisation(session, name="Org")
        a = crud.create_knowledge_base(session, org_id=org.id, name="a")
        b = crud.create_knowledge_base(session, org_id=org.id, name="b")
        assistant = crud.create_assistant(
            session, org_id=org.id, name="bot", knowledge_bases=[{"kb_id": a.id}]
        )
    with db.session() as session:
        crud.update_assistant(
            session, org_id=org.id, assistant_id=assistant.id,
            knowledge_bases=[{"kb_id": a.id, "priority": 2}, {"kb_id": b.id, "active": False}],
        )  # fmt: skip
    with db.session() as session:
        links = crud.get_assistant(session, org_id=org.id, assistant_id=assistant.id)
        assert {(k.kb_id, k.priority, k.active) for k in links.knowledge_bases} == {
            (a.id, 2, True),
            (b.id, 0, False),
        }


def test_a_key_is_stored_only_as_its_hash(db: Database, database_url: str) -> None:
    with db.session() as session:
        org = crud.create_organisation(session, name="Org")
        record, key = crud.create_api_key(
            session, org_id=org.id, name="ci", scopes=["chat"], assistant_ids=None,
            rate_limit="5/minute", expires_at=None,
        )  # fmt: skip
    assert key.startswith("gc_live_") and record.prefix == key[:12]
    caller = resolver(db).resolve(key)
    assert caller is not None and caller.org_id == org.id and caller.rate_limit == "5/minute"
    # Nowhere in the database: every column of every table, as text.
    with db.engine.connect() as connection:
        for table in inspect(db.engine).get_table_names():
            for row in connection.execute(text(f"SELECT * FROM {table}")):
                assert key not in " ".join(str(v) for v in row)
    if database_url.startswith("sqlite"):
        db.close()  # flush the WAL into the file, then read the file's bytes
        raw = Path(database_url.split("///", 1)[1]).read_bytes()
        assert key.encode() not in raw and key[12:].encode() not in raw


def test_revoked_and_expired_keys_are_refused(db: Database) -> None:
    with db.session() as session:
        org = crud.create_organisation(session, name="Org")
        revoked, revoked_key = crud.create_api_key(
            session, org_id=org.id, name="r", scopes=["chat"], assistant_ids=None,
            rate_limit=None, expires_at=None,
        )  # fmt: skip
        _, expiring_key = crud.create_api_key(
            session, org_id=org.id, name="e", scopes=["chat"], assistant_ids=None,
            rate_limit=None, expires_at=datetime.now(UTC) + timedelta(hours=1),
        )  # fmt: skip
    keys = resolver(db)
    assert keys.resolve(revoked_key) is not None and keys.resolve(expiring_key) is not None
    with db.session() as session:
        crud.revoke_api_key(session, org_id=org.id, key_id=revoked.id)
        session.execute(
            text("UPDATE api_keys SET expires_at = :past WHERE name = 'e'"),
            {"past": datetime.now(UTC) - timedelta(seconds=1)},
        )
    assert keys.resolve(revoked_key) is None and keys.resolve(expiring_key) is None
    assert keys.resolve("gc_live_" + "x" * 43) is None


def test_another_organisation_cannot_revoke_a_key(db: Database) -> None:
    with db.session() as session:
        mine = crud.create_organisation(session, name="Mine")
        theirs = crud.create_organisation(session, name="Theirs")
        record, key = crud.create_api_key(
            session, org_id=mine.id, name="k", scopes=["chat"], assistant_ids=None,
            rate_limit=None, expires_at=None,
        )  # fmt: skip
        with pytest.raises(crud.NotFound):
            crud.revoke_api_key(session, org_id=theirs.id, key_id=record.id)
    assert resolver(db).resolve(key) is not None


def test_a_database_of_the_first_schema_upgrades_with_its_keys(database_url: str) -> None:
    from alembic import command

    from tenancy.db import alembic_config

    database = Database(database_url)
    with database.engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO organisations (id, name, slug, created_at) VALUES ('org_old', 'Old', 'old', :t)"
        ), {"t": datetime(2026, 1, 2, tzinfo=UTC)})  # fmt: skip
        connection.execute(text(
            "INSERT INTO api_keys (id, org_id, name, prefix, key_hash, scopes, created_at) "
            "VALUES ('key_old', 'org_old', 'old', 'gc_live_abcd', 'h', :scopes, :t)"
        ), {"t": datetime(2026, 1, 2, tzinfo=UTC), "scopes": '["chat"]'})  # fmt: skip
        connection.commit()
    database.migrate()
    with database.session() as session:
        (key,) = crud.list_api_keys(session, org_id="org_old")
        assert key.updated_at == key.created_at == datetime(2026, 1, 2, tzinfo=UTC)
    database.close()


def test_deleting_an_organisation_or_knowledge_base_leaves_no_record_behind(db: Database) -> None:
    from tenancy.models import ApiKey, Assistant, AssistantKnowledgeBase, Document, KnowledgeBase

    with db.session() as session:
        doomed = crud.create_organisation(session, name="Doomed")
        kept = crud.create_organisation(session, name="Kept")
        for org in (doomed, kept):
            kb = crud.create_knowledge_base(session, org_id=org.id, name="kb")
            spare = crud.create_knowledge_base(session, org_id=org.id, name="spare")
            crud.upsert_document(session, org_id=org.id, kb_id=kb.id, doc_id=f"d-{org.id}", source="a.md",
                                 title=None, metadata={}, job_id=None, replace=False)  # fmt: skip
            crud.create_assistant(session, org_id=org.id, name="bot",
                                  knowledge_bases=[{"kb_id": kb.id}, {"kb_id": spare.id}])  # fmt: skip
            crud.create_api_key(session, org_id=org.id, name="k", scopes=["chat"], assistant_ids=None,
                                rate_limit=None, expires_at=None)  # fmt: skip
    with db.session() as session:
        crud.delete_organisation(session, org_id=doomed.id)
        crud.delete_knowledge_base(session, org_id=kept.id, kb_id=crud.list_knowledge_bases(
            session, org_id=kept.id)[1].id)  # fmt: skip
    with db.session() as session:
        for model in (KnowledgeBase, Document, Assistant, ApiKey):
            owners = {row.org_id for row in session.query(model)}
            assert doomed.id not in owners and kept.id in owners, model
        links = session.query(AssistantKnowledgeBase).all()
        assert len(links) == 1  # only the kept organisation's link to its remaining kb


def test_the_migrations_build_the_schema_the_models_declare(database_url: str) -> None:
    """A model changed without a migration (or the reverse) shows up here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from tenancy.models import Base

    database = Database(database_url)
    database.migrate()
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.close()
    assert differences == []
