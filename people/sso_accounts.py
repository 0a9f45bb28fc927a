"""Which account an organisation's identity provider may sign in.

An organisation's administrator controls its provider, so what the provider asserts (an
email) proves nothing about accounts beyond that organisation. The provider signs in:
- the account linked to its issuer and the person's subject there (the link is made when
  the provider first creates the account, or by the account's owner, signed in);
- by email, only an account that belongs to this organisation alone (a member, or invited
  and not yet a member anywhere else): it is linked then;
- a new account for an email nobody has.
Never a platform administrator, and membership is only ever granted in that organisation.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from people import accounts
from people.sso import Identity
from tenancy.models import Membership, OneTimeToken, SsoIdentity, User, new_id, utcnow


class SsoRefused(PermissionError):
    """The provider may not sign this account in; the message says why."""


PLATFORM_ADMIN_REFUSED = (
    "a platform administrator never signs in through an organisation's provider: "
    "sign in with the password"
)


def account_for(
    session: Session, *, org_id: str, issuer: str, identity: Identity, default_role: str,
    link_user_id: str | None = None,
) -> tuple[User, Membership]:  # fmt: skip
    """The account the provider signs in and its membership in `org_id` (made when
    missing), or SsoRefused. `link_user_id`: its owner, signed in, links that account."""
    linked = _linked(session, org_id=org_id, issuer=issuer, subject=identity.subject)
    if link_user_id is not None:
        user = _link_by_owner(session, org_id=org_id, issuer=issuer, identity=identity,
                              user_id=link_user_id, linked=linked)  # fmt: skip
    elif linked is not None:
        user = session.get(User, linked.user_id)
        assert user is not None
    else:
        user = _by_email(session, org_id=org_id, identity=identity)
        _link(session, user=user, org_id=org_id, issuer=issuer, subject=identity.subject)
    if user.platform_admin:
        raise SsoRefused(PLATFORM_ADMIN_REFUSED)
    member = accounts.membership(session, user_id=user.id, org_id=org_id)
    if member is None:
        role = _take_invitation(session, org_id=org_id, email=user.email) or default_role
        member = accounts.add_member(session, user_id=user.id, org_id=org_id, role=role)
    return user, member


def _linked(session: Session, *, org_id: str, issuer: str, subject: str) -> SsoIdentity | None:
    query = select(SsoIdentity).where(SsoIdentity.org_id == org_id,
                                      SsoIdentity.issuer == issuer,
                                      SsoIdentity.subject == subject)  # fmt: skip
    return session.scalars(query).first()


def _link(session: Session, *, user: User, org_id: str, issuer: str, subject: str) -> None:
    session.add(SsoIdentity(id=new_id("sid"), user_id=user.id, org_id=org_id, issuer=issuer,
                            subject=subject))  # fmt: skip
    session.flush()


def _by_email(session: Session, *, org_id: str, identity: Identity) -> User:
    user = accounts.find_user(session, identity.email)
    if user is None:
        return accounts.create_user(session, email=identity.email, password=None,
                                    name=identity.name)  # fmt: skip
    if user.platform_admin:
        raise SsoRefused(PLATFORM_ADMIN_REFUSED)
    elsewhere = [m for m in accounts.memberships_of(session, user.id) if m.org_id != org_id]
    ours = accounts.membership(session, user_id=user.id, org_id=org_id) is not None
    if elsewhere or not (ours or _pending_invitation(session, org_id, user.email)):
        raise SsoRefused(
            f"an account for {identity.email} already exists: sign in with its password, "
            "then link this organisation's single sign-on to it (POST /v1/auth/sso/link)"
        )
    return user


def _link_by_owner(
    session: Session, *, org_id: str, issuer: str, identity: Identity, user_id: str,
    linked: SsoIdentity | None,
) -> User:  # fmt: skip
    user = session.get(User, user_id)
    if user is None:
        raise SsoRefused("the account to link no longer exists")
    if user.platform_admin:
        raise SsoRefused(PLATFORM_ADMIN_REFUSED)
    if identity.email != user.email:  # both sides are the same person's
        raise SsoRefused(
            f"the provider signed in {identity.email}, not {user.email}: sign in there "
            "as the account's own email to link it"
        )
    if linked is not None and linked.user_id != user.id:
        raise SsoRefused("this provider account is already linked to another account")
    if linked is None:
        _link(session, user=user, org_id=org_id, issuer=issuer, subject=identity.subject)
    return user


def _pending_invitation(session: Session, org_id: str, email: str) -> OneTimeToken | None:
    query = select(OneTimeToken).where(
        OneTimeToken.kind == "invitation", OneTimeToken.org_id == org_id,
        OneTimeToken.email == email, OneTimeToken.used_at.is_(None),
        OneTimeToken.expires_at > utcnow(),
    )  # fmt: skip
    return session.scalars(query.order_by(OneTimeToken.created_at.desc())).first()


def _take_invitation(session: Session, *, org_id: str, email: str) -> str | None:
    """The role of a pending invitation into the organisation (used up now), if any."""
    invitation = _pending_invitation(session, org_id, email)
    if invitation is None:
        return None
    invitation.used_at = utcnow()
    return invitation.role
