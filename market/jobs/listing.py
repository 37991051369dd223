"""Listing open jobs near a point, filtered by skill and words, and shaping job rows for the API."""

from __future__ import annotations

from typing import Any

from market.accounts.auth import CurrentUser
from market.core import clock
from market.core.geo import bounding_box, distance_km
from market.core.schemas import Location, Page
from market.employers.tables import Employer
from market.jobs.schemas import EmployerBrief, JobOut, Pay
from market.jobs.tables import Job, JobStatus
from market.workers.tables import WorkerProfile

__all__ = ["WARNED_GRADES", "JobFilter", "job_out", "list_jobs", "shown_status"]

DEFAULT_RADIUS_KM = 20.0


def shown_status(row: dict[str, Any]) -> str:
    """The job's status as people see it: an open job whose places are all taken is `full` (open again if one frees)."""
    if row["status"] == JobStatus.open and row["filled"] >= row["headcount"]:
        return "full"
    return str(row["status"])


WARNED_GRADES = frozenset({"C", "D"})
"""Grades whose postings carry the 信用预警 mark."""


def job_out(row: dict[str, Any], employers: dict[int, dict[str, Any]], distance: float | None = None) -> JobOut:
    """The API shape of a job row; `employers` maps employer user id to its Employer row."""
    employer = employers.get(row["employer"]) or {"name": "", "credit_grade": "B"}
    return JobOut(
        id=row["id"], employer=EmployerBrief(id=row["employer"], name=employer["name"],
                                             credit_grade=employer["credit_grade"],
                                             credit_warning=employer["credit_grade"] in WARNED_GRADES),
        title=row["title"], description=row["description"], skills=list(row["skills"]),
        location=Location(lat=row["lat"], lon=row["lon"], address=row["address"]),
        starts_at=row["starts_at"], ends_at=row["ends_at"], headcount=row["headcount"], filled=row["filled"],
        pay=Pay(amount_fen=row["pay_amount_fen"], unit=row["pay_unit"]), pay_due_hours=row["pay_due_hours"],
        status=shown_status(row), created_at=row["created_at"],
        distance_km=round(distance, 2) if distance is not None else None,
    )


class JobFilter:
    """What the caller asked for: a centre and radius, a skill, words, and whether to list only their own jobs."""

    def __init__(self, *, lat: float | None, lon: float | None, radius_km: float | None, skill: str | None,
                 q: str | None, mine: bool) -> None:
        self.lat, self.lon, self.radius_km = lat, lon, radius_km
        self.skill = (skill or "").strip()
        self.q = (q or "").strip()
        self.mine = mine


async def _centre_for(viewer: CurrentUser, wanted: JobFilter) -> tuple[float | None, float | None, float | None]:
    if wanted.lat is not None and wanted.lon is not None:
        return wanted.lat, wanted.lon, wanted.radius_km or DEFAULT_RADIUS_KM
    if viewer.role == "worker":
        profile = await WorkerProfile.select(WorkerProfile.lat, WorkerProfile.lon, WorkerProfile.max_distance_km
                                             ).where(WorkerProfile.user == viewer.id).first()
        if profile and profile["lat"] is not None:
            return profile["lat"], profile["lon"], wanted.radius_km or float(profile["max_distance_km"])
    return None, None, None


def _matches_words(row: dict[str, Any], wanted: JobFilter) -> bool:
    if wanted.skill and not any(wanted.skill in s or s in wanted.skill for s in row["skills"]):
        return False
    return not wanted.q or wanted.q in row["title"] or wanted.q in row["description"]


async def list_jobs(viewer: CurrentUser, wanted: JobFilter, limit: int, offset: int) -> Page[JobOut]:
    """Open jobs that have not started and still have room, nearest first; or, with `mine`, the employer's own."""
    query = Job.select().output(load_json=True)
    if wanted.mine:
        query = query.where(Job.employer == viewer.id)
    else:
        query = query.where((Job.status == JobStatus.open) & (Job.starts_at > clock.now())
                            & (Job.filled < Job.headcount))
        barred = [r["user"] for r in await Employer.select(Employer.user).where(Employer.barred.eq(True))]
        if barred:  # a barred employer's open jobs are not advertised until unbarred
            query = query.where(Job.employer.not_in(barred))
    lat, lon, radius = await _centre_for(viewer, wanted)
    if lat is not None and lon is not None and radius is not None and not wanted.mine:
        min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
        query = query.where((Job.lat >= min_lat) & (Job.lat <= max_lat) & (Job.lon >= min_lon) & (Job.lon <= max_lon))
    rows = [r for r in await query if _matches_words(r, wanted)]
    scored: list[tuple[float | None, dict[str, Any]]] = []
    for row in rows:
        distance = distance_km(lat, lon, row["lat"], row["lon"]) if lat is not None and lon is not None else None
        if distance is not None and radius is not None and not wanted.mine and distance > radius:
            continue
        scored.append((distance, row))
    if wanted.mine:
        scored.sort(key=lambda pair: pair[1]["starts_at"], reverse=True)
    else:
        scored.sort(key=lambda pair: (pair[0] if pair[0] is not None else 0.0, pair[1]["starts_at"]))
    page = scored[offset:offset + limit]
    employer_ids = list({row["employer"] for _, row in page})
    employers = {e["user"]: e for e in await Employer.select(Employer.user, Employer.name, Employer.credit_grade)
                 .where(Employer.user.is_in(employer_ids))} if employer_ids else {}
    return Page(items=[job_out(row, employers, d) for d, row in page], total=len(scored), limit=limit, offset=offset)
