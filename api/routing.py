"""One decorator a view: its route, the key scope it needs and its entry in the API
contract. A view's head then reads as one line of facts instead of three decorators
that each repeat the blueprint's tag and security."""

from __future__ import annotations

from collections.abc import Callable
from functools import partialmethod
from typing import Any

from flask import Blueprint

from api.deps import PLATFORM_ADMIN, View, requires
from api.openapi import document, responses

SECURITY = [{"ApiKey": []}, {"Bearer": []}]  # either
# What any route that takes a key can answer: no or a bad key, a scope it lacks, or
# its budget spent (every keyed route spends the key's).
AUTH_ERRORS = (401, 403, 429)


class Routes:
    """A blueprint's routes. `tag` groups them in the contract (a route may name another)."""

    def __init__(self, blueprint: Blueprint, *, tag: str) -> None:
        self.blueprint = blueprint
        self.tag = tag

    def route(
        self,
        method: str,
        rule: str,
        *,
        scope: str | None,
        ok: type | dict[int, type],
        errors: tuple[int, ...] = (),
        tag: str | None = None,
        **spec: Any,
    ) -> Callable[[View], View]:
        """`scope`: what the caller's key must hold (`PLATFORM_ADMIN` for the platform's
        own routes; None for a route without a key, which then answers no 401/403).
        `ok`: the success model (200), or {status: model}. `errors`: the other statuses
        it may answer with; `spec`: more of the contract (`json=`, `headers=` models)."""
        success = ok if isinstance(ok, dict) else {200: ok}
        codes = sorted({*errors, *AUTH_ERRORS} if scope else set(errors))
        resp = responses({f"HTTP_{code}": model for code, model in success.items()}, *codes)
        if scope:
            spec["security"] = SECURITY

        def register(view: View) -> View:
            guarded = requires(scope)(view) if scope else view
            document(resp=resp, tags=[tag or self.tag], **spec)(guarded)
            self.blueprint.route(rule, methods=[method])(guarded)
            return guarded

        return register

    get = partialmethod(route, "GET")
    post = partialmethod(route, "POST")
    patch = partialmethod(route, "PATCH")
    put = partialmethod(route, "PUT")
    delete = partialmethod(route, "DELETE")


__all__ = ["PLATFORM_ADMIN", "Routes"]
