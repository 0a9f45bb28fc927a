"""Helpers with no knowledge of the product's records: Redis and PostgreSQL for tests and
`make run`, the API client, ASGI limits, logging, metrics, outbound address rules, the
web chat's secret, the checkpointer (`utils/checkpointer`, publishable alone). May import
`config` only."""
