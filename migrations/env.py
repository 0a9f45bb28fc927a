"""Alembic environment: runs on the connection tenancy.db hands in (or DATABASE_URL)."""

from __future__ import annotations

from alembic import context

from tenancy.models import Base

target_metadata = Base.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # plain `alembic` command line: build from the settings
        from config import get_settings
        from tenancy.db import make_engine

        engine = make_engine(get_settings().database_url_or_local)
        with engine.connect() as own:
            _run_on(own)
            own.commit()
        return
    _run_on(connection)


def _run_on(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
