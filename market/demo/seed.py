"""Writing a generated demo city into the database, in batches, with a progress callback."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from piccolo.engine.postgres import PostgresEngine
from piccolo.table import Table

from market.accounts.events import ProfilesImported
from market.accounts.tables import Role, User
from market.core import clock, events
from market.core.database import current_engine, write_transaction
from market.core.events import DomainEvent
from market.core.identity import mask_credit_code, mask_resident_id
from market.core.passwords import hash_password
from market.core.personal_data import encrypt, keyed_hash
from market.demo.alerts import seed_pool
from market.demo.backoffice import ensure_demo_admin
from market.demo.case_service import RealCaseService
from market.demo.cases import CASES_NEED_EMPLOYERS, CASES_NEED_WORKERS, seed_cases
from market.demo.city import DEMO_PASSWORD, DemoCity, generate_city
from market.demo.city_gazetteer import demo_places
from market.demo.courses import seed_courses
from market.demo.credit import seed_credit_grades
from market.demo.ratings import seed_ratings
from market.demo.wages import ensure_demo_supervisor, seed_wage_warnings
from market.employers.tables import Employer
from market.jobs.events import JobsImported
from market.jobs.tables import Job, JobStatus
from market.places.importing import save_places
from market.stations.tables import Station, StationStaff
from market.workers.tables import WorkerProfile

__all__ = ["database_is_empty", "seed_city"]

BATCH = 500
Progress = Callable[[str, int], None]


async def database_is_empty() -> bool:
    """True when nobody has registered yet: the moment to load a demo city."""
    return not await User.exists()


async def _insert(rows: Sequence[Table], progress: Progress, label: str,
                  written: Callable[[Sequence[Any], tuple[int, ...]], DomainEvent] | None = None) -> None:
    """Insert in batches, each its own unit of work; `written(rows, new ids)` is the event a batch makes true."""
    table = type(rows[0]) if rows else None
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        async with write_transaction():
            assert table is not None
            inserted = await table.insert(*chunk).returning(table._meta.primary_key)
            if written is not None:
                events.record(written(chunk, tuple(row[table._meta.primary_key._meta.name] for row in inserted)))
        progress(label, len(chunk))


async def _user_ids(phones: Sequence[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for start in range(0, len(phones), BATCH):
        rows = await User.select(User.id, User.phone).where(User.phone.is_in(list(phones[start:start + BATCH])))
        ids.update({r["phone"]: r["id"] for r in rows})
    return ids


def _worker_profile(user_id: int, worker: Any) -> WorkerProfile:
    return WorkerProfile(
        user=user_id, real_name=worker.name, skills=[s._asdict() for s in worker.skills],
        id_number_encrypted=encrypt(worker.resident_id, context="worker.id_number"),
        id_number_hash=keyed_hash(worker.resident_id, context="worker.id_number"),
        id_number_masked=mask_resident_id(worker.resident_id), lat=worker.home.lat, lon=worker.home.lon,
        address=worker.home.address, max_distance_km=worker.max_distance_km,
        expected_daily_wage_fen=worker.expected_daily_wage_fen, updated_at=clock.now())


def _employer_row(user_id: int, employer: Any) -> Employer:
    code = employer.credit_code
    return Employer(
        user=user_id, name=employer.name, contact_name=employer.contact_name, address=employer.place.address,
        lat=employer.place.lat, lon=employer.place.lon, updated_at=clock.now(),
        credit_code_encrypted=encrypt(code, context="employer.credit_code") if code else None,
        credit_code_hash=keyed_hash(code, context="employer.credit_code") if code else None,
        credit_code_masked=mask_credit_code(code) if code else "")


def _job_row(job: Any, employer_id: int) -> Job:
    return Job(employer=employer_id, posted_by=employer_id, title=job.title, description=job.description,
               skills=list(job.skills), address=job.place.address, lat=job.place.lat, lon=job.place.lon,
               starts_at=job.starts_at, ends_at=job.ends_at, headcount=job.headcount, filled=0,
               pay_amount_fen=job.pay.amount_fen, pay_unit=job.pay.unit, pay_due_hours=job.pay_due_hours,
               status=JobStatus.open, created_at=clock.now())


async def _seed_people(city: DemoCity, password_hash: str, progress: Progress) -> dict[str, int]:
    now = clock.now()
    users = [User(phone=w.phone, name=w.name, role=Role.worker, password_hash=password_hash, created_at=now)
             for w in city.workers]
    users += [User(phone=e.phone, name=e.name if e.kind != "household" else e.contact_name, role=Role.employer,
                   password_hash=password_hash, created_at=now) for e in city.employers]
    users += [User(phone=s.phone, name=s.name, role=Role.staff, password_hash=password_hash, created_at=now)
              for s in city.staff]
    await _insert(users, progress, "users")
    return await _user_ids([u.phone for u in users])


async def refresh_planner_statistics() -> None:
    """After the bulk load: `ANALYZE` on PostgreSQL, so the planner knows the tables' sizes (autovacuum may not have
    run yet, and a table it thinks empty is scanned whole); SQLite plans these queries well without."""
    if isinstance(current_engine(), PostgresEngine):
        await current_engine().run_ddl("ANALYZE")


async def seed_city(workers: int, jobs: int, *, seed: int = 20261124, progress: Progress | None = None) -> DemoCity:
    """Generate a demo city and write it: stations, places, staff, workers with profiles, employers, open jobs, and a
    few unpaid orders that put a red, a yellow and a blue warning on the board (`market.demo.wages`)."""
    report = progress or (lambda _label, _count: None)
    city = generate_city(workers, jobs, random.Random(seed), clock.now())  # noqa: S311 (reproducible demo data)
    password_hash = hash_password(DEMO_PASSWORD)  # one hash for every demo login: they share the password
    stations = [Station(name=s.name, district=s.place.district, address=s.place.address, lat=s.place.lat,
                        lon=s.place.lon, hours=s.opening_hours, phone=s.phone) for s in city.stations]
    await _insert(stations, report, "stations")
    places = await save_places(demo_places())
    report("places", places.added + places.updated)
    ids = await _seed_people(city, password_hash, report)
    station_ids = {r["name"]: r["id"] for r in await Station.select(Station.id, Station.name)}
    staff = [StationStaff(station=station_ids[s.station_name], user=ids[s.phone]) for s in city.staff]
    if staff:
        await _insert(staff, report, "staff")
    await _insert([_worker_profile(ids[w.phone], w) for w in city.workers], report, "workers",
                  written=lambda rows, _: ProfilesImported(role="worker", user_ids=tuple(r.user for r in rows)))
    await _insert([_employer_row(ids[e.phone], e) for e in city.employers], report, "employers")
    if city.jobs:
        await _insert([_job_row(j, ids[j.employer.phone]) for j in city.jobs], report, "jobs",
                      written=lambda _, job_ids: JobsImported(job_ids=job_ids))
    if len(city.workers) >= CASES_NEED_WORKERS and len(city.employers) >= CASES_NEED_EMPLOYERS:
        await ensure_demo_supervisor()  # the bureau hands the stories' cases to the demo clerk
        await seed_cases(city, RealCaseService())  # first: the cases' stories happened in the past
        await seed_credit_grades(city)  # employers graded A, B, C and D by their own months (market.demo.credit)
    await seed_wage_warnings(city)
    await seed_ratings(city)  # issue 13: rated history, a no-show, people left new
    await ensure_demo_admin(password_hash)
    await seed_pool()  # issue 13: the demo employer's pool (market/demo/alerts.py)
    await seed_courses()  # issue 14: courses, a short trade, the demo worker's suggestion (market/demo/courses.py)
    await refresh_planner_statistics()
    return city
