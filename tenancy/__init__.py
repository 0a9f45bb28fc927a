"""The platform layer: organisations, knowledge bases, documents, assistants and API keys,
kept in a relational store (SQLAlchemy 2, Alembic migrations)."""
