"""Provider keys at rest: Fernet-encrypted with the deployment's master keys.

ENCRYPTION_KEYS lists Fernet keys newest first: the first encrypts, any of them decrypts
(MultiFernet), so a key is rotated by putting a new one first and running
`flask --app app orgs rotate-secrets`, then dropping the old one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

KEY_FILE = "encryption.key"


class SecretsBox:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ValueError("at least one Fernet key is needed")
        self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])
        self._newest = keys[0].encode()

    def derived_key(self, purpose: str) -> bytes:
        """A key for another use (signing access tokens), derived from the newest key:
        every process that shares ENCRYPTION_KEYS (or DATA_DIR's key) has the same one."""
        return hmac.new(self._newest, purpose.encode(), hashlib.sha256).digest()

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError(
                "a stored provider key cannot be decrypted: is the key that encrypted it "
                "still in ENCRYPTION_KEYS?"
            ) from exc

    def rotate(self, token: str) -> str:
        """Re-encrypt with the newest key."""
        return self._fernet.rotate(token.encode()).decode()


def load_keys(configured: list[str], data_dir: Path) -> list[str]:
    """The configured keys, else one kept in DATA_DIR (made on first use, mode 0600)."""
    if configured:
        return configured
    path = data_dir / KEY_FILE
    if not path.exists():
        # Written whole under another name, then linked into place: workers starting
        # together never read a key file half written, and the first one's key wins.
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{KEY_FILE}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(Fernet.generate_key().decode())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first
        finally:
            draft.unlink(missing_ok=True)
    return [path.read_text().strip()]
