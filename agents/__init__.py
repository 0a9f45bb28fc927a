"""The LangGraph agent: condense, guard, retrieve, answer; checkpointed in Redis."""
