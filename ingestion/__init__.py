"""Running ingestion: a document's pipeline from file to points (`ingest`), the upload
jobs (`jobs`), the task queue that runs them and web crawls in the background (`queue`,
`stats`), re-embedding with a new encoder (`reembed`) and the bundled sample knowledge
base (`sample`). May import `knowledge`, `config` and `utils`; not the platform or the
agent."""
