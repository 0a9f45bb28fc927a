"""The knowledge base, in three folders that each answer one question:

- `documents/`: how does a source (a file, a scan, a spreadsheet, a web page) become text
  with structure (sections, tables, sentences, chunks, attributes)? Imports only `utils`.
- `encoders/`: how does text become vectors (dense and sparse) and which language is it
  in? Imports only `config`.
- `vectors/`: where do the vectors live (the Qdrant collection, embedded or a server) and
  how are they searched and kept? Imports `encoders`, `config` and `utils`.

Running ingestion (jobs, re-embedding, the sample knowledge base) is `ingestion/`'s, which
imports all three; nothing here imports `ingestion`, the platform or the agent."""
