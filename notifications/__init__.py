"""Telling people and systems what happened: webhooks and mail, sent by the task queue."""
