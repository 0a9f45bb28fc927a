"""A signed-in person as the caller of a request."""

from __future__ import annotations

from sqlalchemy.orm import Session

from people.accounts import actor_id, role_in
from people.roles import ROLE_SCOPES
from people.tokens import AccessClaims, sign_in_holds
from tenancy.keys import Caller
from tenancy.models import Organisation, User


def person_caller(session: Session, claims: AccessClaims) -> Caller | None:
    user = session.get(User, claims.user_id)
    if user is None or session.get(Organisation, claims.org_id) is None:
        return None
    if claims.sign_in is not None and not sign_in_holds(session, claims.sign_in):
        return None  # signed out, or every sign-in ended (a reset, a reused token)
    # An impersonation acts with the person's own membership only.
    role = role_in(session, user, claims.org_id, platform_admin_acts=claims.impersonator is None)
    if role is None:
        return None  # removed from the organisation since the token was made
    return Caller(
        org_id=claims.org_id,
        key_id=actor_id(user),
        prefix=f"user:{user.email}"[:20],
        scopes=ROLE_SCOPES[role],
        assistant_ids=None,
        rate_limit=None,
        platform_admin=claims.platform_admin and user.platform_admin,
        user_id=user.id,
        role=role,
        impersonator=claims.impersonator,
        sign_in=claims.sign_in,
    )
