"""Operator commands: `flask --app app <group> <command>`.

    orgs create NAME | list | rotate-secrets
    keys create --org ORG --name NAME --scope chat ... | list --org ORG | revoke KEY_ID
    assistants list --org ORG
    kb ingest [--kb KB_ID] PATH... | init | list | delete SOURCE... | stats | export --to URL
    db upgrade | purge

With embedded Qdrant, stop the server before `kb` commands (its folder is locked).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select
from tqdm import tqdm

from composition import build_ingestor, migrated_database, open_database, open_embeddings
from config import Settings
from ingestion.ingest import Ingestor, expand_paths
from knowledge.documents.chunking import document_id
from knowledge.vectors.clients import open_client
from knowledge.vectors.store import (
    KnowledgeBaseUnavailable,
    copy_collection,
    count_points,
    ensure_collection,
    list_documents,
    tenant_filter,
)
from tenancy import crud
from tenancy.bootstrap import adopt_existing_points, ensure_defaults, record_documents
from tenancy.db import Database
from tenancy.documents import delete_document
from tenancy.models import (
    DEFAULT_KB_ID,
    DEFAULT_ORG_ID,
    DataSource,
    KnowledgeBase,
    McpServer,
    Organisation,
)
from tenancy.secrets_box import SecretsBox, load_keys

orgs = AppGroup("orgs", help="Organisations.")
keys = AppGroup("keys", help="API keys of an organisation.")
assistants = AppGroup("assistants", help="Assistants of an organisation.")
kb = AppGroup("kb", help="Knowledge bases (stop the server first in embedded mode).")
db_group = AppGroup("db", help="The platform database.")
users = AppGroup("users", help="People who sign in.")


def register_commands(app: Flask) -> None:
    for group in (orgs, keys, assistants, kb, db_group, users):
        app.cli.add_command(group)


def _settings() -> Settings:
    return current_app.config["SETTINGS"]


def _database() -> Database:
    return open_database(_settings())


# -- organisations, keys, assistants ---------------------------------------------------


@orgs.command("create")
@click.argument("name")
@click.option("--slug", default=None, help="URL-safe short name (default: from the name)")
def orgs_create(name: str, slug: str | None) -> None:
    """Create an organisation and print its first admin key (shown only now)."""
    with _database().session() as session:
        organisation, record, key = crud.create_organisation_with_admin_key(
            session, name=name, slug=slug
        )
        click.echo(f"organisation {organisation.id} ({organisation.slug})")
        click.echo(f"admin key {record.id}: {key}")
        click.echo("The key is shown only now: store it somewhere safe.")


@users.command("create-admin")
@click.option("--email", required=True, help="their email, to sign in with")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="asked for when not given")  # fmt: skip
@click.option("--name", default="", help="their name")
def users_create_admin(email: str, password: str, name: str) -> None:
    """Create a platform administrator (owner of the default organisation), or make an
    existing user one."""
    from people import accounts
    from people.passwords import WeakPassword

    with _database().session() as session:
        user = accounts.find_user(session, email)
        try:
            if user is None:
                user = accounts.create_user(session, email=email, password=password, name=name,
                                            platform_admin=True)  # fmt: skip
            else:
                accounts.set_password(session, user=user, password=password)
                user.platform_admin = True
        except WeakPassword as exc:
            raise click.ClickException(str(exc)) from exc
        if accounts.membership(session, user_id=user.id, org_id=DEFAULT_ORG_ID) is None:
            accounts.add_member(session, user_id=user.id, org_id=DEFAULT_ORG_ID, role="owner")
        click.echo(f"platform administrator {user.id} ({user.email})")


@users.command("reset-link")
@click.option("--email", required=True, help="the account's email")
def users_reset_link(email: str) -> None:
    """Print a one-time link that sets a new password for the account (for a deployment
    that sends no mail, or a person who cannot receive it). Give it to that person only."""
    from people import accounts

    settings = _settings()
    with _database().session() as session:
        found = accounts.request_reset(session, email=email, hours=settings.password_reset_hours)
    if found is None:
        raise click.ClickException(f"no account for {email}")
    user, token = found
    click.echo(f"{settings.public_url_or_local}/?reset={token}")
    click.echo(f"The link sets a new password for {user.email}; it works once, within "
               f"{settings.password_reset_hours:g} hours.", err=True)  # fmt: skip


@orgs.command("list")
def orgs_list() -> None:
    with _database().session() as session:
        for organisation in crud.list_organisations(session):
            click.echo(f"{organisation.id}  {organisation.slug:20s}  {organisation.name}")


@orgs.command("rotate-secrets")
def orgs_rotate_secrets() -> None:
    """Re-encrypt every stored provider key, database URL and MCP server secret with the
    first of ENCRYPTION_KEYS."""
    settings = _settings()
    box = SecretsBox(
        load_keys([k.get_secret_value() for k in settings.encryption_keys], settings.data_dir)
    )
    count = 0
    with _database().session() as session:
        for organisation in session.scalars(select(Organisation)):
            if organisation.llm_api_key_encrypted:
                organisation.llm_api_key_encrypted = box.rotate(organisation.llm_api_key_encrypted)
                count += 1
        sources = 0
        for source in session.scalars(select(DataSource)):
            if source.url_encrypted:
                source.url_encrypted = box.rotate(source.url_encrypted)
                sources += 1
        servers = 0
        for server in session.scalars(select(McpServer)):
            if server.secret_encrypted:
                server.secret_encrypted = box.rotate(server.secret_encrypted)
                servers += 1
    click.echo(
        f"re-encrypted {count} provider keys, {sources} database URLs and {servers} MCP "
        "server secrets"
    )


@keys.command("create")
@click.option("--org", "org_id", default=DEFAULT_ORG_ID, show_default=True)
@click.option("--name", required=True)
@click.option(
    "--scope", "scopes", multiple=True, default=["chat"], show_default=True,
    type=click.Choice(["chat", "documents:read", "documents:write", "admin"]),
)  # fmt: skip
@click.option("--assistant", "assistant_ids", multiple=True, help="Limit to these assistants")
@click.option("--rate-limit", default=None, help="e.g. 60/minute (default: RATE_LIMIT)")
def keys_create(
    org_id: str, name: str, scopes: tuple[str, ...], assistant_ids: tuple[str, ...],
    rate_limit: str | None,
) -> None:  # fmt: skip
    """Issue a key and print it (shown only now)."""
    with _database().session() as session:
        record, key = crud.create_api_key(
            session, org_id=org_id, name=name, scopes=list(scopes),
            assistant_ids=list(assistant_ids) or None, rate_limit=rate_limit, expires_at=None,
        )  # fmt: skip
        click.echo(f"{record.id}  {key}")


@keys.command("list")
@click.option("--org", "org_id", default=DEFAULT_ORG_ID, show_default=True)
def keys_list(org_id: str) -> None:
    with _database().session() as session:
        for key in crud.list_api_keys(session, org_id=org_id):
            state = "revoked" if key.revoked_at else "active"
            used = key.last_used_at.isoformat() if key.last_used_at else "never"
            click.echo(
                f"{key.id}  {key.prefix}…  {state:7s}  {','.join(key.scopes):30s}  "
                f"last used {used}  {key.name}"
            )


@keys.command("revoke")
@click.argument("key_id")
@click.option("--org", "org_id", default=DEFAULT_ORG_ID, show_default=True)
def keys_revoke(key_id: str, org_id: str) -> None:
    with _database().session() as session:
        crud.revoke_api_key(session, org_id=org_id, key_id=key_id)
    click.echo(f"revoked {key_id}")


@assistants.command("list")
@click.option("--org", "org_id", default=DEFAULT_ORG_ID, show_default=True)
def assistants_list(org_id: str) -> None:
    with _database().session() as session:
        for assistant in crud.list_assistants(session, org_id=org_id):
            kbs = ",".join(link.kb_id for link in assistant.knowledge_bases if link.active)
            click.echo(f"{assistant.id}  {assistant.name:20s}  knowledge bases: {kbs or '-'}")


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Run the migrations (the server also runs them when it starts)."""
    _database()
    click.echo("platform database is up to date")


@db_group.command("purge")
def db_purge() -> None:
    """Delete turn records, feedback and audit entries older than each organisation's
    retention_days (API processes also do it every RETENTION_PURGE_SECONDS)."""
    from tenancy.retention import purge_expired

    counts = purge_expired(_database())
    click.echo(", ".join(f"{name}: {n} purged" for name, n in counts.items()))


# -- knowledge bases -----------------------------------------------------------------------


class Indexer:
    """Qdrant, the model and the database, opened for one command and closed after."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = migrated_database(settings)
        try:
            self.client = open_client(settings)
        except KnowledgeBaseUnavailable as exc:  # the server holds embedded Qdrant's folder
            self.db.close()
            raise click.ClickException(str(exc)) from exc
        embeddings = open_embeddings(settings)
        ensure_collection(self.client, settings.collection_name, embeddings.dimensions)
        ensure_defaults(self.db, app_name=settings.app_name)
        # Every `kb` command (and `make run`'s indexing) adopts chunks left without an
        # organisation, a repair the servers skip after their first start.
        adopt_existing_points(self.db, self.client, settings.collection_name)
        self.ingestor: Ingestor = build_ingestor(
            settings, qdrant=self.client, embeddings=embeddings
        )

    def org_of(self, kb_id: str) -> str:
        with self.db.session() as session:
            found = session.get(KnowledgeBase, kb_id)
            if found is None:
                raise click.ClickException(f"no knowledge base {kb_id!r}")
            return found.org_id

    def record(self, *, org_id: str, kb_id: str) -> None:
        record_documents(
            self.db, self.client, self.settings.collection_name, org_id=org_id, kb_id=kb_id
        )

    def close(self) -> None:
        self.client.close()
        self.db.close()


def index_sample_if_empty(settings: Settings, *, echo: Callable[[str], None] = click.echo) -> None:
    """Index KNOWLEDGE_BASE_DIR into the default knowledge base when it has no chunks."""
    indexer = Indexer(settings)
    try:
        scope = tenant_filter(DEFAULT_ORG_ID, DEFAULT_KB_ID)
        if count_points(indexer.client, settings.collection_name, scope) > 0:
            return
        echo(f"Indexing the sample knowledge base in {settings.knowledge_base_dir} ...")
        report = indexer.ingestor.ingest_paths(
            [settings.knowledge_base_dir], org_id=DEFAULT_ORG_ID, kb_id=DEFAULT_KB_ID
        )
        indexer.record(org_id=DEFAULT_ORG_ID, kb_id=DEFAULT_KB_ID)
        echo("  " + report.summary())
    finally:
        indexer.close()


@kb.command("ingest")
@click.option("--kb", "kb_id", default=DEFAULT_KB_ID, show_default=True)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def ingest(kb_id: str, paths: tuple[Path, ...]) -> None:
    """Ingest files and folders (Markdown, text, HTML, PDF, DOCX, CSV) into a knowledge base."""
    indexer = Indexer(_settings())
    try:
        org_id = indexer.org_of(kb_id)
        with tqdm(total=len(expand_paths(paths)), unit="file", dynamic_ncols=True) as bar:

            def progress(files: int, embedded: int) -> None:
                bar.update(files - bar.n)
                elapsed = max(bar.format_dict["elapsed"], 1e-9)
                bar.set_postfix(chunks=embedded, chunks_per_s=f"{embedded / elapsed:.1f}")

            report = indexer.ingestor.ingest_paths(
                paths, org_id=org_id, kb_id=kb_id, progress=progress
            )
        indexer.record(org_id=org_id, kb_id=kb_id)
        for name, reason in report.failures:
            click.echo(f"failed: {name}: {reason}", err=True)
        click.echo(report.summary())
    finally:
        indexer.close()


@kb.command("init")
def init() -> None:
    """Index KNOWLEDGE_BASE_DIR if the default knowledge base is empty (safe at every start)."""
    index_sample_if_empty(_settings())
    click.echo("knowledge base ready")


@kb.command("list")
@click.option("--kb", "kb_id", default=DEFAULT_KB_ID, show_default=True)
def list_command(kb_id: str) -> None:
    """List a knowledge base's documents with their chunk counts."""
    indexer = Indexer(_settings())
    try:
        scope = tenant_filter(indexer.org_of(kb_id), kb_id)
        for doc in list_documents(indexer.client, _settings().collection_name, scope):
            click.echo(f"{doc.document_id}  {doc.chunks:5d} chunks  {doc.source}  ({doc.title})")
    finally:
        indexer.close()


@kb.command("delete")
@click.option("--kb", "kb_id", default=DEFAULT_KB_ID, show_default=True)
@click.argument("sources", nargs=-1, required=True)
def delete(kb_id: str, sources: tuple[str, ...]) -> None:
    """Remove documents (by source as ingested) and all their chunks."""
    indexer = Indexer(_settings())
    try:
        org_id = indexer.org_of(kb_id)
        for source in sources:
            try:
                removed = delete_document(
                    indexer.db, indexer.client, indexer.settings.collection_name,
                    org_id=org_id, kb_id=kb_id, doc_id=document_id(kb_id, source),
                )  # fmt: skip
            except crud.NotFound:
                click.echo(f"{source}: no such document in {kb_id}", err=True)
                continue
            click.echo(f"{source}: {removed} chunks removed")
    finally:
        indexer.close()


@kb.command("stats")
def stats() -> None:
    """Documents and chunks per knowledge base."""
    indexer = Indexer(_settings())
    settings = _settings()
    try:
        with indexer.db.session() as session:
            kbs = session.scalars(select(KnowledgeBase).order_by(KnowledgeBase.org_id)).all()
            for knowledge_base in kbs:
                scope = tenant_filter(knowledge_base.org_id, knowledge_base.id)
                chunks = count_points(indexer.client, settings.collection_name, scope)
                click.echo(
                    f"{knowledge_base.org_id}/{knowledge_base.id} ({knowledge_base.name}): "
                    f"{chunks} chunks"
                )
        total = count_points(indexer.client, settings.collection_name)
        click.echo(
            f"collection {settings.collection_name} ({settings.qdrant_mode}): {total} chunks"
        )
    finally:
        indexer.close()


@kb.command("export")
@click.option("--to", "url", required=True, help="The Qdrant server's URL (QDRANT_URL to be).")
@click.option("--api-key", envvar="QDRANT_EXPORT_API_KEY", default=None, help="Its API key.")
@click.option("--batch", default=256, show_default=True, type=click.IntRange(1, 10_000))
def export(url: str, api_key: str | None, batch: int) -> None:
    """Copy embedded Qdrant's collection to a Qdrant server (then set QDRANT_URL to it)."""
    from qdrant_client import QdrantClient
    from qdrant_client.http.exceptions import ResponseHandlingException, UnexpectedResponse

    settings = _settings()
    if settings.qdrant_url:
        raise click.ClickException("QDRANT_URL is set: there is no embedded Qdrant to export")
    try:
        source = open_client(settings)
    except KnowledgeBaseUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    target = QdrantClient(url=url, api_key=api_key, timeout=60)
    try:
        total = count_points(source, settings.collection_name)
        with tqdm(total=total, unit="chunk", dynamic_ncols=True) as bar:
            held = copy_collection(
                source, target, settings.collection_name, batch=batch,
                progress=lambda done: bar.update(done - bar.n),
            )  # fmt: skip
    except (ResponseHandlingException, UnexpectedResponse, OSError) as exc:
        message = f"the Qdrant server at {url} did not take the points: {exc}"
        raise click.ClickException(message) from exc
    finally:
        source.close()
        target.close()
    click.echo(
        f"{total} chunks copied to {url} (collection {settings.collection_name} holds {held}); "
        f"set QDRANT_URL={url} and restart to use it"
    )
