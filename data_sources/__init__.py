"""Questions over data: an organisation's databases and spreadsheets, the model's SQL
vetted and run read-only, and what a query made (tables, charts, SQL) kept beside the
conversation. May import `tenancy`, `knowledge.documents`, `config` and `utils`; not the
agent that calls it (`tests/test_layers.py`)."""
