"""Accounts and memberships: users, their roles, invitations, password resets, and the
first platform administrator. Plain functions over a database session; views and the CLI
both call them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from people import passwords
from people.roles import may_grant
from tenancy import audit
from tenancy.crud import Conflict, NotFound
from tenancy.models import (
    DEFAULT_ORG_ID,
    ROLES,
    Membership,
    OneTimeToken,
    Organisation,
    User,
    new_id,
    utcnow,
)


class InvalidLink(ValueError):
    """A one-time link that is unknown, expired or already used."""

    def __init__(self) -> None:
        super().__init__("this link is invalid, expired or already used")


class NotAllowed(PermissionError):
    """The caller's role does not allow this change."""


def normal_email(email: str) -> str:
    return email.strip().lower()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- users -----------------------------------------------------------------------------


def find_user(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == normal_email(email))).first()


def create_user(
    session: Session, *, email: str, password: str | None, name: str = "",
    platform_admin: bool = False,
) -> User:  # fmt: skip
    if find_user(session, email) is not None:
        raise Conflict(f"a user with the email {normal_email(email)!r} exists")
    user = User(
        id=new_id("usr"), email=normal_email(email), name=name,
        password_hash=passwords.hash_password(password) if password else None,
        platform_admin=platform_admin,
    )  # fmt: skip
    session.add(user)
    session.flush()
    return user


def actor_id(user: User) -> str:
    """How a person appears as the actor of audit entries and the owner of conversations."""
    return f"user:{user.id}"


def record_own_action(session: Session, user: User, *, org_id: str, action: str,
                      changes: dict[str, Any] | None = None) -> None:  # fmt: skip
    """An audit entry for what a person did themselves before any request of theirs was
    authenticated (signing in, accepting an invitation)."""
    audit.record(session, org_id=org_id, actor_key_id=actor_id(user),
                 actor_prefix=f"user:{user.email}", action=action, target_type="user",
                 target_id=user.id, changes=changes)  # fmt: skip


def role_in(session: Session, user: User, org_id: str, *, platform_admin_acts: bool = True
            ) -> str | None:  # fmt: skip
    """The person's role in the organisation: their membership's, else `admin` for a
    platform administrator supporting it (unless `platform_admin_acts` is off), else None."""
    member = membership(session, user_id=user.id, org_id=org_id)
    if member is not None:
        return member.role
    return "admin" if user.platform_admin and platform_admin_acts else None


def sign_in(session: Session, *, email: str, password: str) -> User | None:
    """The user whose password this is, else None (the same time spent either way)."""
    user = find_user(session, email)
    if not passwords.verify(user.password_hash if user else None, password):
        return None
    assert user is not None
    user.last_login_at = utcnow()
    return user


def set_password(session: Session, *, user: User, password: str) -> None:
    user.password_hash = passwords.hash_password(password)


# -- memberships -----------------------------------------------------------------------


def membership(session: Session, *, user_id: str, org_id: str) -> Membership | None:
    query = select(Membership).where(Membership.user_id == user_id, Membership.org_id == org_id)
    return session.scalars(query).first()


def memberships_of(session: Session, user_id: str) -> list[Membership]:
    query = select(Membership).where(Membership.user_id == user_id)
    return list(session.scalars(query.order_by(Membership.created_at)))


def add_member(session: Session, *, user_id: str, org_id: str, role: str) -> Membership:
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}")
    if membership(session, user_id=user_id, org_id=org_id) is not None:
        raise Conflict("this user is already a member of the organisation")
    record = Membership(id=new_id("mem"), user_id=user_id, org_id=org_id, role=role)
    session.add(record)
    session.flush()
    return record


def list_members(session: Session, *, org_id: str) -> list[tuple[User, Membership]]:
    query = (
        select(User, Membership)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.org_id == org_id)
        .order_by(Membership.created_at, User.email)
    )
    return [(user, member) for user, member in session.execute(query)]


def member_of(session: Session, *, org_id: str, user_id: str) -> tuple[User, Membership]:
    record = membership(session, user_id=user_id, org_id=org_id)
    user = session.get(User, user_id) if record else None
    if record is None or user is None:
        raise NotFound("user", user_id)
    return user, record


def change_role(
    session: Session, *, org_id: str, user_id: str, role: str, granter: str | None
) -> tuple[User, Membership]:
    user, record = member_of(session, org_id=org_id, user_id=user_id)
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}")
    if not (may_grant(granter, role) and may_grant(granter, record.role)):
        raise NotAllowed("only an owner gives or takes the owner role")
    if record.role == "owner" and role != "owner":
        _keep_an_owner(session, org_id)
    record.role = role
    return user, record


def remove_member(session: Session, *, org_id: str, user_id: str, granter: str | None) -> User:
    user, record = member_of(session, org_id=org_id, user_id=user_id)
    if not may_grant(granter, record.role):
        raise NotAllowed("only an owner removes an owner")
    if record.role == "owner":
        _keep_an_owner(session, org_id)
    session.delete(record)
    return user


def _owners(session: Session, org_id: str) -> int:
    query = select(func.count()).where(Membership.org_id == org_id, Membership.role == "owner")
    return int(session.scalar(query) or 0)


def _keep_an_owner(session: Session, org_id: str) -> None:
    if _owners(session, org_id) <= 1:
        raise Conflict("the organisation's last owner cannot be removed or demoted")


# -- one-time links --------------------------------------------------------------------


def _new_link(session: Session, **fields: Any) -> tuple[OneTimeToken, str]:
    token = secrets.token_urlsafe(32)
    record = OneTimeToken(id=new_id("ott"), token_hash=token_digest(token), **fields)
    session.add(record)
    session.flush()
    return record, token


def invite(
    session: Session, *, org_id: str, email: str, role: str, granter: str | None,
    created_by: str, days: float,
) -> tuple[OneTimeToken, str]:  # fmt: skip
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}")
    if not may_grant(granter, role, has_owner=_owners(session, org_id) > 0):
        raise NotAllowed("only an owner invites an owner")
    user = find_user(session, email)
    if user is not None and membership(session, user_id=user.id, org_id=org_id) is not None:
        raise Conflict("this person is already a member of the organisation")
    return _new_link(session, kind="invitation", org_id=org_id, email=normal_email(email),
                     role=role, created_by=created_by,
                     expires_at=utcnow() + timedelta(days=days))  # fmt: skip


def _redeem(session: Session, token: str, kind: str) -> OneTimeToken:
    record = session.scalars(
        select(OneTimeToken).where(OneTimeToken.token_hash == token_digest(token))
    ).first()
    if record is None or record.kind != kind or record.used_at is not None:
        raise InvalidLink()
    if record.expires_at <= utcnow():
        raise InvalidLink()
    record.used_at = utcnow()
    return record


def link_info(session: Session, *, token: str) -> dict[str, Any]:
    """What a one-time link is for, without using it: whose account (the email it was
    sent to), and for an invitation the organisation, the role and whether that email has
    an account already (then its password joins, and the name stays the account's).
    InvalidLink when it cannot be used."""
    record = session.scalars(
        select(OneTimeToken).where(OneTimeToken.token_hash == token_digest(token))
    ).first()
    if record is None or record.used_at is not None or record.expires_at <= utcnow():
        raise InvalidLink()
    info: dict[str, Any] = {"kind": record.kind, "email": record.email}
    if record.kind == "invitation" and record.org_id:
        organisation = session.get(Organisation, record.org_id)
        info |= {
            "organisation": organisation.name if organisation else None,
            "role": record.role,
            "existing_account": find_user(session, record.email) is not None,
        }
    return info


def cancel_invitation(session: Session, *, org_id: str, invitation_id: str) -> OneTimeToken:
    """An invitation of the organisation's, deleted: its link no longer works (one already
    accepted is a membership now: remove the person instead)."""
    record = session.get(OneTimeToken, invitation_id)
    if record is None or record.kind != "invitation" or record.org_id != org_id:
        raise NotFound("invitation", invitation_id)
    if record.used_at is not None:
        raise Conflict("this invitation was accepted: remove the person instead")
    session.delete(record)
    return record


def accept_invitation(
    session: Session, *, token: str, password: str, name: str | None
) -> tuple[User, Membership]:
    """The invited person's account (made now, or theirs already: then the password must
    be theirs) with the invitation's role in its organisation."""
    passwords.check_strength(password)
    record = _redeem(session, token, "invitation")
    assert record.org_id is not None and record.role is not None
    user = find_user(session, record.email)
    if user is None:
        user = create_user(session, email=record.email, password=password, name=name or "")
    elif not passwords.verify(user.password_hash, password):
        raise NotAllowed("this email has an account: accept with its password")
    member = add_member(session, user_id=user.id, org_id=record.org_id, role=record.role)
    return user, member


def request_reset(session: Session, *, email: str, hours: float) -> tuple[User, str] | None:
    user = find_user(session, email)
    if user is None:
        return None
    _, token = _new_link(session, kind="reset", user_id=user.id, email=user.email,
                         expires_at=utcnow() + timedelta(hours=hours))  # fmt: skip
    return user, token


def reset_password(session: Session, *, token: str, password: str) -> User:
    passwords.check_strength(password)
    record = _redeem(session, token, "reset")
    user = session.get(User, record.user_id) if record.user_id else None
    if user is None:
        raise InvalidLink()
    set_password(session, user=user, password=password)
    return user


def ensure_first_admin(session: Session, *, email: str, days: float = 7) -> str | None:
    """At a first start (no platform administrator yet): one, owner of the default
    organisation, and a one-time link to set their password. None when one exists."""
    if session.scalar(select(func.count()).where(User.platform_admin.is_(True))):
        return None
    user = find_user(session, email) or create_user(session, email=email, password=None,
                                                    name="Administrator")  # fmt: skip
    user.platform_admin = True
    if session.get(Organisation, DEFAULT_ORG_ID) is not None and not membership(
        session, user_id=user.id, org_id=DEFAULT_ORG_ID
    ):
        add_member(session, user_id=user.id, org_id=DEFAULT_ORG_ID, role="owner")
    _, token = _new_link(session, kind="reset", user_id=user.id, email=user.email,
                         expires_at=utcnow() + timedelta(days=days))  # fmt: skip
    return token


def user_out(user: User, member: Membership | None = None) -> dict[str, Any]:
    return {
        "id": user.id, "email": user.email, "name": user.name,
        "platform_admin": user.platform_admin,
        **({"role": member.role, "org_id": member.org_id} if member else {}),
        "created_at": _iso(user.created_at), "last_login_at": _iso(user.last_login_at),
    }  # fmt: skip


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
