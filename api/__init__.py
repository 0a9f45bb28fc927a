"""The HTTP layer: thin Flask blueprints over the plain functions of `agents/`."""
