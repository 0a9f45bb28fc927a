"""Local stand-ins for the model APIs (OpenAI-compatible LLM and speech servers over real
HTTP), shared by the tests and the benchmarks: models are the only thing either fakes."""
