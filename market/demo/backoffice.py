"""The demo's back-office login: an admin (`DEMO_ADMIN_PHONE`, the demo password) whose home is the back office."""

from __future__ import annotations

from market.accounts.tables import Role, User
from market.core.passwords import hash_password
from market.demo.city_logins import DEMO_PASSWORD

__all__ = ["DEMO_ADMIN_NAME", "DEMO_ADMIN_PHONE", "ensure_demo_admin"]

DEMO_ADMIN_PHONE = "13800000005"
DEMO_ADMIN_NAME = "黄志明"


async def ensure_demo_admin(password_hash: str | None = None) -> None:
    """The demo admin, made once (a second seed leaves it as it is); `password_hash` is the demo password's, when
    the caller already has it (hashing is slow on purpose)."""
    await User.insert(User(phone=DEMO_ADMIN_PHONE, name=DEMO_ADMIN_NAME, role=Role.admin,
                           password_hash=password_hash or hash_password(DEMO_PASSWORD))).on_conflict(
        action="DO NOTHING")
