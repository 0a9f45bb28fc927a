"""The HTTP layer: thin Flask blueprints (parse, call one function, respond) over the
plain functions of the layers below. May import every layer; only `composition.py`,
`app.py` and the entry points import it."""
