"""Sign-in tokens: a short-lived access token (a JWT signed HS256 with a key derived from
the deployment's encryption key, so every process checks it alone) and a refresh token
(random, only its hash stored) that is replaced at every use. A refresh token used a
second time means it was copied: its whole family (every token of that sign-in) is
revoked."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import jwt
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from people.accounts import token_digest
from tenancy.models import RefreshToken, User, new_id, utcnow

ISSUER = "grounded"
ALGORITHM = "HS256"


class TokenRefused(Exception):
    """A refresh token that is unknown, expired, revoked or used before."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    org_id: str
    role: str
    platform_admin: bool
    impersonator: str | None  # the platform admin acting as this user
    token_id: str
    sign_in: str | None = None  # the refresh family it was issued with (none: impersonation)


class Tokens:
    def __init__(self, *, secret: bytes, access_seconds: int, refresh_days: float) -> None:
        self._secret = secret
        self.access_seconds = access_seconds
        self.refresh_days = refresh_days

    # -- access ------------------------------------------------------------------------

    def access_token(
        self,
        *,
        user: User,
        org_id: str,
        role: str,
        impersonator: str | None = None,
        sign_in: str | None = None,
    ) -> str:
        now = utcnow()
        claims: dict[str, Any] = {
            "iss": ISSUER, "sub": user.id, "org": org_id, "role": role,
            "pa": bool(user.platform_admin and impersonator is None),
            "iat": now, "exp": now + timedelta(seconds=self.access_seconds),
            "jti": uuid.uuid4().hex, "typ": "access",
        }  # fmt: skip
        if impersonator:
            claims["imp"] = impersonator
        if sign_in:  # so that signing out (or a reset) ends it at once, not at expiry
            claims["sid"] = sign_in
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read(self, token: str) -> AccessClaims | None:
        """The claims of a valid, unexpired access token, else None."""
        try:
            claims = jwt.decode(
                token, self._secret, algorithms=[ALGORITHM], issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "org", "role", "jti"]},
            )  # fmt: skip
        except jwt.PyJWTError:
            return None
        if claims.get("typ") != "access":
            return None
        return AccessClaims(
            user_id=claims["sub"], org_id=claims["org"], role=claims["role"],
            platform_admin=bool(claims.get("pa")), impersonator=claims.get("imp"),
            token_id=claims["jti"], sign_in=claims.get("sid"),
        )  # fmt: skip

    # -- refresh -----------------------------------------------------------------------

    def pair(
        self, session: Session, *, user: User, org_id: str, role: str, family: str | None = None
    ) -> dict[str, Any]:
        secret = secrets.token_urlsafe(32)
        record = RefreshToken(
            id=new_id("rt"), family_id=family or new_id("fam"), user_id=user.id, org_id=org_id,
            token_hash=token_digest(secret),
            expires_at=utcnow() + timedelta(days=self.refresh_days),
        )  # fmt: skip
        session.add(record)
        session.flush()
        return {
            "access_token": self.access_token(
                user=user, org_id=org_id, role=role, sign_in=record.family_id
            ),
            "refresh_token": f"{record.id}.{secret}",
            "token_type": "bearer",
            "expires_in": self.access_seconds,
        }

    def impersonation(
        self, session: Session, *, user: User, org_id: str, role: str, impersonator: str
    ) -> tuple[str, str]:
        """An access token acting as `user` and the id of its sign-in, which the
        administrator can end before it expires (a family with no usable refresh token)."""
        record = RefreshToken(
            id=new_id("rt"), family_id=new_id("imp"), user_id=user.id, org_id=org_id,
            token_hash=token_digest(secrets.token_urlsafe(32)),  # never handed out
            expires_at=utcnow() + timedelta(seconds=self.access_seconds),
        )  # fmt: skip
        session.add(record)
        session.flush()
        token = self.access_token(user=user, org_id=org_id, role=role,
                                  impersonator=impersonator, sign_in=record.family_id)  # fmt: skip
        return token, record.family_id

    def use_refresh(self, session: Session, token: str) -> RefreshToken:
        """The refresh token, now replaced (the caller issues the next pair in its
        family). A token used before revokes its family; TokenRefused in every bad case."""
        record = self._find(session, token)
        now = utcnow()
        if record.revoked_at is not None or record.expires_at <= now:
            raise TokenRefused("this refresh token has expired or was revoked: sign in again")
        if record.replaced_at is not None:  # a copy in someone else's hands
            self.revoke_family(session, record.family_id)
            session.commit()  # stays revoked whatever the view does next
            raise TokenRefused(
                "this refresh token was already used: every session of this sign-in is "
                "revoked; sign in again"
            )
        record.replaced_at = now
        return record

    def revoke(self, session: Session, token: str) -> None:
        record = self._find(session, token)
        self.revoke_family(session, record.family_id)

    def revoke_family(self, session: Session, family_id: str) -> None:
        session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )

    def revoke_user(self, session: Session, user_id: str, org_id: str | None = None, *,
                    keep_family: str | None = None) -> None:  # fmt: skip
        """End the person's sign-ins (in one organisation; all but `keep_family`)."""
        query = update(RefreshToken).where(
            RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
        )
        if org_id is not None:
            query = query.where(RefreshToken.org_id == org_id)
        if keep_family is not None:
            query = query.where(RefreshToken.family_id != keep_family)
        session.execute(query.values(revoked_at=utcnow()))

    def _find(self, session: Session, token: str) -> RefreshToken:
        record_id, _, secret = token.partition(".")
        record = session.scalars(
            select(RefreshToken).where(RefreshToken.id == record_id)
        ).first() if record_id and secret else None  # fmt: skip
        if record is None or not secrets.compare_digest(record.token_hash, token_digest(secret)):
            raise TokenRefused("unknown refresh token")
        return record


def sign_in_holds(session: Session, family_id: str) -> bool:
    """Whether a sign-in still holds: a token of its family neither revoked nor expired
    (signing out, a reused refresh token or a password reset revokes them all)."""
    alive = select(RefreshToken.id).where(
        RefreshToken.family_id == family_id,
        RefreshToken.revoked_at.is_(None),
        RefreshToken.expires_at > utcnow(),
    )
    return session.scalars(alive.limit(1)).first() is not None
