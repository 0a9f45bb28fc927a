"""The LangGraph agent: a turn understood (condensed, guarded), answered from retrieval (quoting
offline, or a model; `run_sql` over data sources) and checkpointed in Redis. May import
`knowledge`, `data_sources`, `tenancy` (profiles, turn records), `prompts`, `config` and
`utils`; never `api`."""
