"""What accounts and profiles record: someone joined, or a party's own details changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from market.core.events import DomainEvent

__all__ = ["AccountChanged", "AccountCodeIssued", "AccountDeactivated", "AccountReactivated", "ProfileChanged",
           "ProfilesImported", "UserRegistered"]


@dataclass(frozen=True)
class UserRegistered(DomainEvent):
    """A new account: a worker or employer who signed up, or a walk-in staff registered (`by_staff_id`)."""

    user_id: int
    role: str
    by_staff_id: int | None = None


@dataclass(frozen=True)
class ProfileChanged(DomainEvent):
    """A worker's or employer's profile changed (`fields` names what); the name they sign with may be among it."""

    user_id: int
    role: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfilesImported(DomainEvent):
    """Profiles written in bulk (the demo city, an import): one event for the batch instead of one per row."""

    role: str
    user_ids: tuple[int, ...]


@dataclass(frozen=True)
class AccountCodeIssued(DomainEvent):
    """A sign-in, sign-up or reset code was made for `phone` (which may have no account): its text must go out.

    `payload` carries the code sealed (`market.accounts.codes.sealed_code_context`), never in the clear.
    """

    code_id: int
    phone: str
    purpose: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AccountDeactivated(DomainEvent):
    """The back office closed an account (`reason` recorded): its sessions have ended and it cannot sign in."""

    user_id: int
    role: str
    reason: str
    actor_id: int | None = None


@dataclass(frozen=True)
class AccountReactivated(DomainEvent):
    """The back office opened a closed account again."""

    user_id: int
    role: str
    reason: str
    actor_id: int | None = None


@dataclass(frozen=True)
class AccountChanged(DomainEvent):
    """What a login token is checked against changed (sessions ended, active, role, name or phone): every app
    process must stop trusting what it remembers of the user."""

    user_id: int
