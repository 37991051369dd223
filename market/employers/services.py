"""Reading and changing employer details."""

from __future__ import annotations

from typing import Any

import msgspec

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.events import ProfileChanged
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.events import record
from market.core.identity import credit_code_problem, mask_credit_code, normalise_credit_code
from market.core.personal_data import decrypt, encrypt, keyed_hash
from market.core.schemas import Location
from market.employers.schemas import EmployerOut, EmployerUpdate
from market.employers.tables import Employer
from market.places.consistency import check_location

__all__ = ["credit_code_in_full", "ensure_employer", "get_employer", "update_employer"]

_CODE_CONTEXT = "employer.credit_code"


async def ensure_employer(user_id: int) -> None:
    """Create an empty employer record for an employer account that has none (safe to call concurrently)."""
    user = await User.select(User.name).where(User.id == user_id).first()
    name = user["name"] if user else ""
    await Employer.insert(Employer(user=user_id, name=name, contact_name=name, updated_at=clock.now())).on_conflict(
        target=Employer.user, action="DO NOTHING")


async def get_employer(employer_id: int, viewer: CurrentUser) -> EmployerOut:
    """An employer as `viewer` may see them: the credit code in full only for the employer and staff."""
    user = await User.select(User.id, User.phone).where((User.id == employer_id) & (User.role == Role.employer)).first()
    if user is None:
        raise NotFound("user_not_found")
    await ensure_employer(employer_id)
    row = await Employer.select().where(Employer.user == employer_id).first()
    assert row is not None
    code: str | None = None
    if row["credit_code_encrypted"]:
        unmasked = policy.sees_personal_data(viewer, employer_id)
        code = decrypt(row["credit_code_encrypted"], context=_CODE_CONTEXT) if unmasked else row["credit_code_masked"]
    location = Location(lat=row["lat"], lon=row["lon"], address=row["address"]) if row["lat"] is not None else None
    return EmployerOut(id=employer_id, phone=user["phone"], name=row["name"], credit_code=code,
                       contact_name=row["contact_name"], address=row["address"], location=location,
                       credit_grade=row["credit_grade"], barred=row["barred"], updated_at=row["updated_at"])


async def _credit_code_columns(text: str | None, employer_id: int) -> dict[Any, Any]:
    if text is None or not text.strip():
        return {Employer.credit_code_encrypted: None, Employer.credit_code_hash: None, Employer.credit_code_masked: ""}
    problem = credit_code_problem(text)
    if problem is not None:
        raise Invalid.field("credit_code", f"credit_code_{problem}")
    code = normalise_credit_code(text)
    digest = keyed_hash(code, context=_CODE_CONTEXT)
    if await Employer.exists().where((Employer.credit_code_hash == digest) & (Employer.user != employer_id)):
        raise Conflict("credit_code_taken", [])
    return {Employer.credit_code_encrypted: encrypt(code, context=_CODE_CONTEXT),
            Employer.credit_code_hash: digest, Employer.credit_code_masked: mask_credit_code(code)}


def credit_code_in_full(encrypted: str | None) -> str:
    """An employer's unified social credit code in full ("" when none): it is public (the national credit
    register shows it), so the contract prints it in full."""
    return decrypt(encrypted, context=_CODE_CONTEXT) if encrypted else ""


async def update_employer(employer_id: int, data: EmployerUpdate, viewer: CurrentUser) -> EmployerOut:
    """Apply the fields present in `data`; all or nothing."""
    await ensure_employer(employer_id)
    columns: dict[Any, Any] = {Employer.updated_at: clock.now()}
    for name in ("name", "contact_name", "address"):
        value = getattr(data, name)
        if value is not msgspec.UNSET:
            if not value.strip():
                raise Invalid.field(name, "blank")
            columns[getattr(Employer, name)] = value.strip()
    if data.location is not msgspec.UNSET:
        location = data.location
        columns[Employer.lat] = location.lat if location else None
        columns[Employer.lon] = location.lon if location else None
        if location:
            await check_location(location.lat, location.lon, location.address,
                                 confirmed=location.confirm_far_position)
            columns[Employer.address] = location.address.strip()
    async with write_transaction():
        if data.credit_code is not msgspec.UNSET:
            columns.update(await _credit_code_columns(data.credit_code, employer_id))
        await Employer.update(columns).where(Employer.user == employer_id)
        fields = [name for name in type(data).__struct_fields__ if getattr(data, name) is not msgspec.UNSET]
        record(ProfileChanged(user_id=employer_id, role="employer", fields=tuple(fields)))
    return await get_employer(employer_id, viewer)
