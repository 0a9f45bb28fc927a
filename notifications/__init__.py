"""Telling people and systems what happened: webhooks and mail, sent by the task queue.
May import `tenancy`, `ingestion`, `knowledge.documents` (the outbound address rule),
`config` and `utils`."""
