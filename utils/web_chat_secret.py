"""The web chat's own secret, which the API knows too: it seals the web chat's sign-in
cookie (webchat/signin.py), and a key made from it lets the web chat's server make the
guest calls of /v1/public for its visitors from no browser origin (api/public.py)."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet

from config import Settings

SECRET_FILE = "web_chat_secret"
GUEST_KEY_HEADER = "X-Web-Chat-Key"


def web_chat_secret(settings: Settings) -> bytes:
    """WEB_CHAT_SECRET, else one kept in DATA_DIR (made on first use, mode 0600), so a
    restart keeps people signed in. The API and the web chat must share it: the same
    DATA_DIR (`make run`), or WEB_CHAT_SECRET set for both (docker compose)."""
    if settings.web_chat_secret:
        return settings.web_chat_secret.get_secret_value().encode()
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return _read(path)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(Fernet.generate_key().decode())
    return _read(path)


def _read(path: Path) -> bytes:
    return path.read_bytes().strip()


def guest_key(settings: Settings) -> str:
    """What the web chat's server sends in GUEST_KEY_HEADER, and what the API expects
    there (derived: the secret itself never travels)."""
    return hmac.new(web_chat_secret(settings), b"web-chat guest calls", hashlib.sha256).hexdigest()
