"""Reading and changing worker profiles, including staff registering walk-ins."""

from __future__ import annotations

from typing import Any

import msgspec

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.accounts.events import ProfileChanged
from market.accounts.services import clean_phone, create_user
from market.accounts.tables import Role, User
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.events import record
from market.core.identity import (
    mask_mobile,
    mask_name,
    mask_resident_id,
    normalise_resident_id,
    resident_id_problem,
)
from market.core.personal_data import decrypt, encrypt, keyed_hash
from market.core.schemas import Location, Page
from market.places.consistency import check_location
from market.stations.behalf import grant_consent, record_act, standing_consent, station_of
from market.stations.services import station_of_staff
from market.workers.id_number_changes import ID_CONTEXT, screen_id_number
from market.workers.schemas import Skill, SkillIn, WalkIn, WorkerLookupIn, WorkerOut, WorkerUpdate
from market.workers.tables import WorkerProfile, WorkerSearch

__all__ = ["LOOKUP_LIMIT", "ensure_profile", "get_worker", "lookup_workers", "register_walk_in", "search_worker",
           "update_worker"]

_ID_CONTEXT = ID_CONTEXT
LOOKUP_LIMIT = 20
"""A name search shows at most this many workers: staff narrow it with more of the name."""


async def ensure_profile(user_id: int) -> None:
    """Create an empty profile for a worker who has none yet (safe to call concurrently)."""
    await WorkerProfile.insert(WorkerProfile(user=user_id, updated_at=clock.now())).on_conflict(
        target=WorkerProfile.user, action="DO NOTHING")


def _worker_out(user: dict[str, Any], profile: dict[str, Any], *, unmasked: bool) -> WorkerOut:
    id_number: str | None = None
    if profile["id_number_encrypted"]:
        id_number = (decrypt(profile["id_number_encrypted"], context=_ID_CONTEXT) if unmasked
                     else profile["id_number_masked"])
    location = None
    if profile["lat"] is not None and profile["lon"] is not None:
        location = Location(lat=profile["lat"], lon=profile["lon"], address=profile["address"])
    return WorkerOut(
        id=user["id"], phone=user["phone"], name=user["name"], real_name=profile["real_name"], id_number=id_number,
        skills=[Skill(**s) for s in profile["skills"]], location=location,
        max_distance_km=profile["max_distance_km"], expected_daily_wage_fen=profile["expected_daily_wage_fen"],
        updated_at=profile["updated_at"],
    )


async def get_worker(worker_id: int, viewer: CurrentUser) -> WorkerOut:
    """A worker's profile as `viewer` may see it: the ID number in full only for the worker and staff."""
    user = await User.select(User.id, User.phone, User.name).where(
        (User.id == worker_id) & (User.role == Role.worker)).first()
    if user is None:
        raise NotFound("user_not_found")
    await ensure_profile(worker_id)
    profile = await WorkerProfile.select().where(WorkerProfile.user == worker_id).output(load_json=True).first()
    assert profile is not None
    return _worker_out(user, profile, unmasked=policy.sees_personal_data(viewer, worker_id))


def _clean_skills(skills: list[SkillIn]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    cleaned = []
    for index, skill in enumerate(skills):
        name = skill.name.strip()
        if not name:
            raise Invalid.field(f"skills[{index}].name", "blank")
        if name in seen:
            raise Invalid.field(f"skills[{index}].name", "duplicate_skill", name=name)
        seen.add(name)
        cleaned.append({"name": name, "years": skill.years, "certified": skill.certified})
    return cleaned


async def _id_number_columns(text: str, worker_id: int | None) -> dict[Any, Any]:
    problem = resident_id_problem(text)
    if problem is not None:
        raise Invalid.field("id_number", f"id_{problem}")
    number = normalise_resident_id(text)
    digest = keyed_hash(number, context=_ID_CONTEXT)
    clash = WorkerProfile.exists().where(WorkerProfile.id_number_hash == digest)
    if worker_id is not None:
        clash = clash.where(WorkerProfile.user != worker_id)
    if await clash:
        raise Conflict("id_number_taken", [])
    return {WorkerProfile.id_number_encrypted: encrypt(number, context=_ID_CONTEXT),
            WorkerProfile.id_number_hash: digest, WorkerProfile.id_number_masked: mask_resident_id(number)}


async def _profile_columns(data: WorkerUpdate | WalkIn, worker_id: int | None) -> dict[Any, Any]:
    columns: dict[Any, Any] = {WorkerProfile.updated_at: clock.now()}
    real_name = getattr(data, "real_name", msgspec.UNSET)
    if real_name is not msgspec.UNSET:
        if not real_name.strip():
            raise Invalid.field("real_name", "blank")
        columns[WorkerProfile.real_name] = real_name.strip()
    if data.id_number not in (msgspec.UNSET, None):
        columns.update(await _id_number_columns(str(data.id_number), worker_id))
    if data.skills is not msgspec.UNSET:
        columns[WorkerProfile.skills] = _clean_skills(data.skills)
    if data.location not in (msgspec.UNSET, None):
        location = data.location
        await check_location(location.lat, location.lon, location.address, confirmed=location.confirm_far_position)
        columns.update({WorkerProfile.lat: location.lat, WorkerProfile.lon: location.lon,
                        WorkerProfile.address: location.address.strip()})
    if data.max_distance_km is not msgspec.UNSET:
        columns[WorkerProfile.max_distance_km] = data.max_distance_km
    wage = getattr(data, "expected_daily_wage_fen", msgspec.UNSET)
    if wage is not msgspec.UNSET:
        columns[WorkerProfile.expected_daily_wage_fen] = wage
    return columns


async def update_worker(worker_id: int, data: WorkerUpdate, viewer: CurrentUser) -> WorkerOut:
    """Apply the fields present in `data` to the worker's profile; all or nothing (but a try at a different ID
    number is counted and recorded even when the rest is refused). Staff need the worker's standing consent, and
    their edit is recorded as an on-behalf act."""
    consent = None if viewer.id == worker_id else await standing_consent(worker_id, viewer)
    policy.edit_profile(viewer, worker_id, consent_held=consent is not None)
    await ensure_profile(worker_id)
    if data.id_number not in (msgspec.UNSET, None):
        await screen_id_number(worker_id, str(data.id_number), viewer)
    async with write_transaction():
        columns = await _profile_columns(data, worker_id)
        await WorkerProfile.update(columns).where(WorkerProfile.user == worker_id)
        fields = [name for name in WorkerUpdate.__struct_fields__ if getattr(data, name) is not msgspec.UNSET]
        record(ProfileChanged(user_id=worker_id, role="worker", fields=tuple(fields)))
        if consent is not None:
            await record_act(worker_id, viewer, "edit_profile", consent_id=consent, fields=",".join(fields),
                             evidence=f"walk_in_consent:{consent}")
    return await get_worker(worker_id, viewer)


async def register_walk_in(data: WalkIn, staff: CurrentUser) -> WorkerOut:
    """Staff register a worker who walked in: an account without a password and a filled-in profile."""
    if data.id_number is not None:
        await screen_id_number(None, data.id_number, staff)
    async with write_transaction():
        columns = await _profile_columns(data, None)
        user = await create_user(phone=data.phone, name=data.name, role=Role.worker, password=None,
                                 registered_by=staff.id)
        columns[WorkerProfile.real_name] = data.name.strip()
        await WorkerProfile.insert(WorkerProfile(user=user.id, updated_at=clock.now()))
        await WorkerProfile.update(columns).where(WorkerProfile.user == user.id)
        record(ProfileChanged(user_id=user.id, role="worker", fields=tuple(WalkIn.__struct_fields__)))
        await grant_consent(user.id, staff.id, await station_of(staff), "registered", f"registered_by:{staff.id}")
    return await get_worker(user.id, staff)


async def search_worker(phone: str, staff: CurrentUser) -> WorkerOut:
    """The worker with this phone number, for staff serving a walk-in; every search is recorded: which staff member,
    when, from which station, and the phone masked."""
    number = clean_phone(phone)
    found = await User.select(User.id).where((User.phone == number) & (User.role == Role.worker)).first()
    await WorkerSearch(staff=staff.id, station=await station_of_staff(staff.id), phone_masked=mask_mobile(number),
                       found=found["id"] if found else None, kind="phone", matches=1 if found else 0,
                       searched_at=clock.now()).save()
    if found is None:
        raise NotFound("user_not_found")
    return await get_worker(found["id"], staff)


async def _ids_by_name(name: str) -> list[int]:
    """Workers whose account name or real name contains `name` (case-folded), exact names first."""
    wanted = name.strip().casefold()
    # LIKE's own wildcards in the text match any one character there; the containment test below is exact.
    pattern = "%" + "".join("_" if c in "%_\\" else c for c in name.strip()) + "%"
    names = {r["id"]: r["name"] for r in await User.select(User.id, User.name).where(
        (User.role == Role.worker) & User.name.ilike(pattern))}
    real = {r["user"]: r["real_name"] for r in await WorkerProfile.select(
        WorkerProfile.user, WorkerProfile.real_name).where(
        WorkerProfile.real_name.ilike(pattern) & (WorkerProfile.user.role == Role.worker))}
    for user in await User.select(User.id, User.name).where(User.id.is_in(list(set(real) - set(names)) or [0])):
        names[user["id"]] = user["name"]
    rows = [{"user": uid, "name": name, "real_name": real.get(uid, "")} for uid, name in names.items()]
    hits = [r for r in rows if wanted in r["name"].casefold() or wanted in (r["real_name"] or "").casefold()]
    hits.sort(key=lambda r: (wanted not in (r["name"].casefold(), (r["real_name"] or "").casefold()), r["name"],
                             r["user"]))
    return [r["user"] for r in hits]


async def _ids_by_id_number(text: str) -> list[int]:
    problem = resident_id_problem(text)
    if problem is not None:
        raise Invalid.field("id_number", f"id_{problem}")
    digest = keyed_hash(normalise_resident_id(text), context=_ID_CONTEXT)
    rows = await WorkerProfile.select(WorkerProfile.user).where(WorkerProfile.id_number_hash == digest)
    return [r["user"] for r in rows]


async def lookup_workers(data: WorkerLookupIn, staff: CurrentUser) -> Page[WorkerOut]:
    """Staff: workers by part of their name, or the one holding an ID number (matched by its keyed hash, never
    kept or logged in clear). Every search is recorded with the term masked, like a search by phone."""
    if (data.name is None) == (data.id_number is None):
        raise Invalid.field("name", "lookup_one_of")
    if data.name is not None:
        if not data.name.strip():
            raise Invalid.field("name", "blank")
        kind, term, ids = "name", mask_name(data.name), await _ids_by_name(data.name)
    else:
        number = str(data.id_number)
        ids = await _ids_by_id_number(number)
        kind, term = "id_number", mask_resident_id(normalise_resident_id(number))
    await WorkerSearch(staff=staff.id, station=await station_of_staff(staff.id), phone_masked="", kind=kind,
                       term_masked=term, found=ids[0] if len(ids) == 1 else None, matches=len(ids),
                       searched_at=clock.now()).save()
    items = [await get_worker(worker_id, staff) for worker_id in ids[:LOOKUP_LIMIT]]
    return Page(items=items, total=len(ids), limit=LOOKUP_LIMIT, offset=0)
