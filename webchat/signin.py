"""A web-chat sign-in kept across reloads and new tabs: sealed (encrypted and signed with
the web chat's own secret) into an HttpOnly, SameSite cookie that page scripts cannot
read. What it holds is the credential the page chats with: a key, a sign-in link's
session token, or a guest's visitor id and assistant; never anything in the URL.

The page's script cannot set a cookie itself: it hands the browser a short-lived grant,
which the browser posts to `SIGNIN_PATH`, and the server answers with the cookie."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from cryptography.fernet import Fernet, InvalidToken

from utils.web_chat_secret import web_chat_secret

if TYPE_CHECKING:
    from config import Settings

COOKIE = "gc_signin"
SIGNIN_PATH = "/_signin"
SIGNOUT_PATH = "/_signout"
GRANT_SECONDS = 120  # the page posts its grant at once
Purpose = Literal["grant", "signin"]


class SignInSeal:
    """Seals and opens sign-ins; what was sealed for one purpose opens for no other."""

    def __init__(self, secret: bytes, *, signin_seconds: int) -> None:
        self._fernet = Fernet(secret)
        self.signin_seconds = signin_seconds

    def seal(self, signin: dict[str, Any], purpose: Purpose) -> str:
        return self._fernet.encrypt(json.dumps({"for": purpose, **signin}).encode()).decode()

    def open(self, token: str | None, purpose: Purpose) -> dict[str, Any] | None:
        """The sign-in, or None when the token is missing, forged, expired or for
        another purpose."""
        if not token:
            return None
        lifetime = GRANT_SECONDS if purpose == "grant" else self.signin_seconds
        try:
            body = json.loads(self._fernet.decrypt(token.encode(), ttl=lifetime))
        except (InvalidToken, ValueError, TypeError):
            return None
        if not isinstance(body, dict) or body.pop("for", None) != purpose:
            return None
        return body


def seal_for(settings: Settings) -> SignInSeal:
    """The deployment's seal (the page and the server build the same one)."""
    return SignInSeal(web_chat_secret(settings), signin_seconds=settings.web_signin_seconds)
