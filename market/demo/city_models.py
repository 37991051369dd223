"""Demo-city records: the plain dataclasses the generators return and the service writes as rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

__all__ = [
    "DemoCity",
    "DemoEmployer",
    "DemoJob",
    "DemoPay",
    "DemoPlace",
    "DemoSkill",
    "DemoStaff",
    "DemoStation",
    "DemoWorker",
]


@dataclass(frozen=True, slots=True)
class DemoPlace:
    """A postal address with its WGS-84 position and the district it lies in."""

    address: str
    lat: float
    lon: float
    district: str


class DemoSkill(NamedTuple):
    """One skill a worker holds: the trade, years of experience, and whether they hold its certificate."""

    name: str
    years: int
    certified: bool


@dataclass(frozen=True, slots=True)
class DemoWorker:
    """A worker with a real-looking identity, skills, home and expectations."""

    name: str
    gender: str  # "male" or "female", matching the resident ID's sequence digit
    phone: str
    resident_id: str
    birth_date: date
    skills: tuple[DemoSkill, ...]
    home: DemoPlace
    max_distance_km: int
    expected_daily_wage_fen: int


@dataclass(frozen=True, slots=True)
class DemoEmployer:
    """A household, shop or firm that posts work; households have no credit code."""

    name: str
    kind: str  # "household", "shop" or "firm"
    credit_code: str | None
    contact_name: str
    phone: str
    place: DemoPlace
    trades: tuple[str, ...]  # what it usually hires for


@dataclass(frozen=True, slots=True)
class DemoPay:
    """Pay for a job: an integer amount of fen per unit (hour, day or piece)."""

    amount_fen: int
    unit: str


@dataclass(frozen=True, slots=True)
class DemoJob:
    """A job posting; times are UTC-aware and start in the future relative to the ``now`` given."""

    employer: DemoEmployer
    title: str
    description: str
    skills: tuple[str, ...]
    place: DemoPlace
    starts_at: datetime
    ends_at: datetime
    headcount: int
    pay: DemoPay
    pay_due_hours: int


@dataclass(frozen=True, slots=True)
class DemoStation:
    """A gig station (零工驿站) people can walk into."""

    name: str
    place: DemoPlace
    opening_hours: str
    phone: str


@dataclass(frozen=True, slots=True)
class DemoStaff:
    """A station staff member's demo login."""

    name: str
    phone: str
    station_name: str


@dataclass(frozen=True, slots=True)
class DemoCity:
    """A whole demo city; workers and employers include the fixed demo logins first when asked for."""

    stations: list[DemoStation]
    staff: list[DemoStaff]
    workers: list[DemoWorker]
    employers: list[DemoEmployer]
    jobs: list[DemoJob]
