"""The simulated city's people: stations with a clerk each, a supervisor, workers and employers with a latent
honesty, written in bulk as the demo city is (one unit of work per batch, `ProfilesImported` for the radar)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from piccolo.table import Table

from market.accounts.auth import CurrentUser
from market.accounts.events import ProfilesImported
from market.accounts.tables import Role, User
from market.core import events
from market.core.database import write_transaction
from market.core.identity import mask_credit_code, mask_resident_id
from market.core.passwords import hash_password
from market.core.personal_data import encrypt, keyed_hash
from market.demo.city import generate_employers, generate_workers
from market.demo.city_models import DemoEmployer, DemoWorker
from market.demo.city_places import demo_stations
from market.employers.tables import Employer
from market.stations.tables import Station, StationStaff
from market.workers.tables import WorkerProfile

__all__ = ["SimCity", "SimEmployer", "SimWorker", "draw_honesty", "populate"]

BATCH = 500
_PASSWORD = "simulated-city"  # noqa: S105 (nobody signs in to a throwaway simulation)


@dataclass(frozen=True)
class SimWorker:
    """A worker as the simulation knows them: the account, the generated person, and how keen they are."""

    user: CurrentUser
    person: DemoWorker
    keenness: float
    """Chance on a given day that they open the radar at all."""


@dataclass(frozen=True)
class SimEmployer:
    """An employer: the account, the generated firm/shop/household, its latent honesty and posting rate."""

    user: CurrentUser
    firm: DemoEmployer
    honesty: float
    """0 (never pays) … 1 (always pays in full on time); hidden from the market, written to honesty.csv."""
    jobs_per_day: float


@dataclass(frozen=True)
class SimCity:
    """Everyone in the simulated city, in a stable order."""

    workers: tuple[SimWorker, ...]
    employers: tuple[SimEmployer, ...]
    clerks: dict[int, CurrentUser]
    """Station id -> its clerk."""
    supervisor: CurrentUser


def draw_honesty(rng: random.Random) -> float:
    """70% honest (0.85–1), 20% sloppy (0.5–0.85), 10% dishonest (0–0.5)."""
    draw = rng.random()
    if draw < 0.70:
        return rng.uniform(0.85, 1.0)
    if draw < 0.90:
        return rng.uniform(0.5, 0.85)
    return rng.uniform(0.0, 0.5)


async def _insert(rows: Sequence[Table], role: str | None = None) -> list[int]:
    """Insert in batches, each its own unit of work; the new ids in order; profiles announce themselves."""
    ids: list[int] = []
    table = type(rows[0])
    key = table._meta.primary_key
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        async with write_transaction():
            inserted = await table.insert(*chunk).returning(key)
            new = [row[key._meta.name] for row in inserted]
            if role is not None:
                events.record(ProfilesImported(role=role, user_ids=tuple(int(cast(Any, r).user) for r in chunk)))
        ids.extend(sorted(new))
    return ids


async def _users(people: Sequence[tuple[str, str, str]], password_hash: str, now: datetime) -> list[CurrentUser]:
    ids = await _insert([User(phone=phone, name=name, role=role, password_hash=password_hash, created_at=now)
                         for phone, name, role in people])
    return [CurrentUser(id=i, role=role, name=name, phone=phone) for i, (phone, name, role) in zip(
        ids, people, strict=True)]


def _profile(user_id: int, worker: DemoWorker, now: datetime) -> WorkerProfile:
    return WorkerProfile(
        user=user_id, real_name=worker.name, skills=[s._asdict() for s in worker.skills],
        id_number_encrypted=encrypt(worker.resident_id, context="worker.id_number"),
        id_number_hash=keyed_hash(worker.resident_id, context="worker.id_number"),
        id_number_masked=mask_resident_id(worker.resident_id), lat=worker.home.lat, lon=worker.home.lon,
        address=worker.home.address, max_distance_km=worker.max_distance_km,
        expected_daily_wage_fen=worker.expected_daily_wage_fen, updated_at=now)


def _employer(user_id: int, firm: DemoEmployer, now: datetime) -> Employer:
    code = firm.credit_code
    return Employer(
        user=user_id, name=firm.name, contact_name=firm.contact_name, address=firm.place.address,
        lat=firm.place.lat, lon=firm.place.lon, updated_at=now,
        credit_code_encrypted=encrypt(code, context="employer.credit_code") if code else None,
        credit_code_hash=keyed_hash(code, context="employer.credit_code") if code else None,
        credit_code_masked=mask_credit_code(code) if code else "")


async def _stations(password_hash: str, now: datetime) -> dict[int, CurrentUser]:
    specs = demo_stations()
    station_ids = await _insert([Station(name=s.name, district=s.place.district, address=s.place.address,
                                         lat=s.place.lat, lon=s.place.lon, hours=s.opening_hours, phone=s.phone)
                                 for s in specs])
    clerks = await _users([(f"1370000{i:04d}", f"{spec.name}专员", Role.staff) for i, spec in enumerate(specs)],
                          password_hash, now)
    await _insert([StationStaff(station=s, user=c.id) for s, c in zip(station_ids, clerks, strict=True)])
    return dict(zip(station_ids, clerks, strict=True))


async def populate(rng: random.Random, now: datetime, workers: int, employers: int) -> SimCity:
    """Generate and write the city: stations and clerks, a supervisor, workers, employers (with honesty)."""
    password_hash = hash_password(_PASSWORD)
    clerks = await _stations(password_hash, now)
    (supervisor,) = await _users([("13700009999", "模拟督查员", Role.supervisor)], password_hash, now)
    phones: set[str] = {c.phone for c in clerks.values()} | {supervisor.phone}
    people = generate_workers(workers, rng, today=now.date(), taken_phones=phones)
    firms = generate_employers(employers, rng, taken_phones=phones)
    worker_users = await _users([(w.phone, w.name, Role.worker) for w in people], password_hash, now)
    firm_users = await _users([(f.phone, f.name if f.kind != "household" else f.contact_name, Role.employer)
                               for f in firms], password_hash, now)
    await _insert([_profile(u.id, w, now) for u, w in zip(worker_users, people, strict=True)], role="worker")
    await _insert([_employer(u.id, f, now) for u, f in zip(firm_users, firms, strict=True)])
    sim_workers = tuple(SimWorker(u, w, rng.uniform(0.15, 0.6)) for u, w in zip(worker_users, people, strict=True))
    rates: dict[str, Any] = {"household": (0.05, 0.2), "shop": (0.1, 0.4), "firm": (0.2, 0.8)}
    sim_employers = tuple(SimEmployer(u, f, draw_honesty(rng), rng.uniform(*rates[f.kind]))
                          for u, f in zip(firm_users, firms, strict=True))
    return SimCity(sim_workers, sim_employers, clerks, supervisor)
