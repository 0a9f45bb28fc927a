"""Roles of a person in an organisation, and the scopes each gives (the same scopes an
API key holds, so every route checks one thing)."""

from __future__ import annotations

from tenancy.models import ROLES

# Each role has what the roles after it have, and more.
ROLE_SCOPES: dict[str, frozenset[str]] = {
    "owner": frozenset({"admin"}),
    "admin": frozenset({"admin"}),
    "editor": frozenset(
        {"chat", "documents:read", "documents:write", "content:write", "insights:read"}
    ),  # fmt: skip
    "viewer": frozenset({"chat", "documents:read", "insights:read"}),
    "member": frozenset({"chat"}),
}
RANK = {role: len(ROLES) - n for n, role in enumerate(ROLES)}  # owner highest


def may_grant(granter: str | None, role: str, *, has_owner: bool = True) -> bool:
    """An owner grants any role; an admin any but owner; nobody else manages people.
    None: a key with the admin scope, which acts as an admin, except that it may invite
    the organisation's first owner (an organisation starts with an admin key only)."""
    if granter is None and role == "owner" and not has_owner:
        return True
    granter = granter or "admin"
    if granter == "owner":
        return True
    return granter == "admin" and role != "owner"
