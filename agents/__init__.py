"""The LangGraph agent: a turn understood (condensed, guarded), answered from retrieval (quoting
offline, or a model; `run_sql` over data sources and the MCP tools the assistant may call)
and checkpointed in Redis. May import `knowledge`, `data_sources`, `mcp_tools`, `tenancy`
(profiles, turn records), `prompts`, `config` and `utils`; never `api`."""
