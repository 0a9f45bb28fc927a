"""Other services' tools for our assistants: the organisation's MCP servers (registered,
their secrets encrypted), reached with the official SDK's client under the outbound rule,
and offered to the model in a turn. May import `tenancy`, `config` and `utils`; not the
agent that calls it (`tests/test_layers.py`)."""
