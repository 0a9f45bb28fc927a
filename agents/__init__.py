"""The LangGraph agent: condense -> retrieve -> answer, checkpointed in Redis."""
