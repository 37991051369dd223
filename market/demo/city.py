"""A believable demo city around Zhangzhou (漳州): stations, workers, employers and jobs, generated without a database.

Everything is decided by the ``random.Random`` passed in (and the reference date or time), so the same seed gives the
same city. The service's ``linggong demo`` and ``linggong up`` write these rows; nothing here touches I/O.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from market.core.identity import CREDIT_CODE_ALPHABET, make_credit_code, make_resident_id
from market.core.zone import market_zone
from market.demo.city_logins import DEMO_EMPLOYER, DEMO_PASSWORD, DEMO_PHONES, DEMO_STAFF, DEMO_WORKER
from market.demo.city_models import (
    DemoCity,
    DemoEmployer,
    DemoJob,
    DemoPay,
    DemoPlace,
    DemoSkill,
    DemoStaff,
    DemoStation,
    DemoWorker,
)
from market.demo.city_names import (
    BIRTH_REGIONS,
    FIRM_BRANDS,
    FIRM_KINDS,
    GIVEN_FEMALE_OLDER,
    GIVEN_FEMALE_YOUNGER,
    GIVEN_MALE_OLDER,
    GIVEN_MALE_YOUNGER,
    MOBILE_PREFIXES,
    SHOP_KINDS,
    SHOP_NICKNAMES,
    SURNAMES,
)
from market.demo.city_places import (
    AREAS,
    AREAS_BY_NAME,
    ZHANGZHOU_BBOX,
    Area,
    demo_stations,
    home_place,
    random_area,
    site_place,
    street_place,
)
from market.demo.city_trades import TRADE_NAMES, TRADES, PayRange, Posting, Trade

__all__ = [
    "AREAS",
    "DEMO_EMPLOYER",
    "DEMO_PASSWORD",
    "DEMO_PHONES",
    "DEMO_STAFF",
    "DEMO_WORKER",
    "TRADE_NAMES",
    "ZHANGZHOU_BBOX",
    "DemoCity",
    "DemoEmployer",
    "DemoJob",
    "DemoPay",
    "DemoPlace",
    "DemoSkill",
    "DemoStaff",
    "DemoStation",
    "DemoWorker",
    "demo_stations",
    "generate_city",
    "generate_employers",
    "generate_jobs",
    "generate_workers",
    "random_name",
]

_TRADES_BY_NAME: dict[str, Trade] = {t.name: t for t in TRADES}
_HOUSEHOLD_TRADES = ("保洁", "家政", "搬运工", "家电安装", "水电工", "护工", "月嫂", "泥瓦工", "油漆工")
_T = TypeVar("_T")


# --- small random helpers -----------------------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: Mapping[_T, float]) -> _T:
    """Pick one key of ``weights`` with probability proportional to its value."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _stepped(rng: random.Random, low: int, high: int, step: int) -> int:
    """Pick a multiple of ``step`` offset from ``low``, between ``low`` and ``high`` inclusive."""
    return rng.randrange(low, high + 1, step)


def _mobile(rng: random.Random, taken: set[str]) -> str:
    """A mainland mobile number not yet in ``taken`` (which it joins)."""
    while True:
        phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in taken:
            taken.add(phone)
            return phone


def random_name(rng: random.Random, gender: str, birth_year: int = 1980) -> str:
    """A realistic Chinese full name for the gender, in the naming style of the birth year."""
    surname = _weighted(rng, SURNAMES)
    younger = birth_year >= 1985
    if gender == "male":
        pool = GIVEN_MALE_YOUNGER if younger else GIVEN_MALE_OLDER
    else:
        pool = GIVEN_FEMALE_YOUNGER if younger else GIVEN_FEMALE_OLDER
    size = 1 if rng.random() < 0.25 else 2
    return surname + "".join(rng.sample(pool, size))


# --- workers -------------------------------------------------------------------------------------------------------


def _birth_date(rng: random.Random, today: date) -> date:
    """A birth date giving an age between 18 and 62, most workers being 30-55."""
    age = rng.choices(range(18, 62), weights=[3 if 30 <= a <= 55 else 1 for a in range(18, 62)])[0]
    return today - timedelta(days=round(age * 365.2425) + rng.randint(30, 330))


def _pick_trades(rng: random.Random, gender: str) -> list[Trade]:
    """One main trade chosen with the gender's usual share, plus up to two more from the same family."""

    def fit(trade: Trade) -> float:
        return trade.female_share if gender == "female" else 1.0 - trade.female_share

    main = rng.choices(TRADES, weights=[fit(t) + 0.01 for t in TRADES])[0]
    family = [t for t in TRADES if t.family == main.family and t is not main and fit(t) > 0.05]
    extra = rng.sample(family, k=min(len(family), rng.choice((0, 1, 1, 2))))
    return [main, *extra]


def _skills(rng: random.Random, trades: Sequence[Trade], age: int) -> tuple[DemoSkill, ...]:
    """Years and certificates for each trade; the main trade is the most experienced."""
    most = max(0, min(age - 17, 30))
    skills = []
    for index, trade in enumerate(trades):
        years = rng.randint(0, most) if index == 0 else rng.randint(0, most // 2)
        certified = trade.certificate is not None and rng.random() < (0.75 if index == 0 else 0.45)
        skills.append(DemoSkill(trade.name, years, certified))
    return tuple(skills)


def _expected_wage(rng: random.Random, trade: Trade, years: int) -> int:
    """A daily wage expectation in fen from the trade's range and experience, rounded to ten yuan."""
    low, high = trade.daily_fen
    fen = low + (high - low) * min(years / 15, 1.0) + rng.uniform(-1500, 1500)
    return int(min(max(round(fen / 1000) * 1000, 15000), 40000))


def _worker(rng: random.Random, today: date, phones: set[str], ids: set[str]) -> DemoWorker:
    """One generated worker."""
    gender = "male" if rng.random() < 0.58 else "female"
    birth = _birth_date(rng, today)
    age = (today - birth).days // 365
    while True:
        sequence = rng.randrange(1 if gender == "male" else 0, 1000, 2)
        resident_id = make_resident_id(_weighted(rng, BIRTH_REGIONS), birth, sequence)
        if resident_id not in ids:
            ids.add(resident_id)
            break
    skills = _skills(rng, _pick_trades(rng, gender), age)
    home, _ = home_place(rng, random_area(rng))
    return DemoWorker(
        name=random_name(rng, gender, birth.year),
        gender=gender,
        phone=_mobile(rng, phones),
        resident_id=resident_id,
        birth_date=birth,
        skills=skills,
        home=home,
        max_distance_km=rng.randint(3, 25),
        expected_daily_wage_fen=_expected_wage(rng, _TRADES_BY_NAME[skills[0].name], skills[0].years),
    )


def generate_workers(
    n: int, rng: random.Random, *, today: date | None = None, taken_phones: set[str] | None = None
) -> list[DemoWorker]:
    """Generate ``n`` workers aged 18-62 on ``today``; phones avoid (and join) ``taken_phones`` and the demo logins."""
    today = today or date.today()
    phones = taken_phones if taken_phones is not None else set()
    phones.update(DEMO_PHONES)
    ids = {DEMO_WORKER.resident_id}
    return [_worker(rng, today, phones, ids) for _ in range(n)]


# --- employers -----------------------------------------------------------------------------------------------------


def _credit_code(rng: random.Random, kind_digits: str, area: Area, codes: set[str]) -> str:
    """A fresh credit code: registration type, the area's region code, and a new-style 'MA' organisation code."""
    while True:
        tail = "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(7))
        code = make_credit_code(f"{kind_digits}{area.region_code}MA{tail}")
        if code not in codes:
            codes.add(code)
            return code


def _unique_name(make: Iterable[str], names: set[str]) -> str:
    """The first of ``make``'s candidate names not yet used (the last candidate is taken regardless)."""
    name = ""
    for name in make:
        if name not in names:
            break
    names.add(name)
    return name


def _household(rng: random.Random, phones: set[str]) -> DemoEmployer:
    """A family hiring help at home."""
    gender = rng.choice(("male", "female"))
    contact = random_name(rng, gender, rng.randint(1955, 1995))
    place, _ = home_place(rng, random_area(rng))
    title = "先生" if gender == "male" else "女士"
    trades = tuple(rng.sample(_HOUSEHOLD_TRADES, k=rng.randint(2, 3)))
    return DemoEmployer(f"{contact[0]}{title}家", "household", None, contact, _mobile(rng, phones), place, trades)


def _shop(rng: random.Random, phones: set[str], names: set[str], codes: set[str]) -> DemoEmployer:
    """A small shop or restaurant, registered as an individual business (credit code type 92)."""
    area = random_area(rng)
    kind = rng.choice(list(SHOP_KINDS))
    candidates = (f"{area.name}{rng.choice(SHOP_NICKNAMES)}{kind}" for _ in range(12))
    name = _unique_name(candidates, names)
    place, _ = street_place(rng, area)
    contact = random_name(rng, rng.choice(("male", "female")), rng.randint(1960, 1995))
    code = _credit_code(rng, "92", area, codes)
    return DemoEmployer(name, "shop", code, contact, _mobile(rng, phones), place, SHOP_KINDS[kind])


def _firm(rng: random.Random, phones: set[str], names: set[str], codes: set[str]) -> DemoEmployer:
    """A company (credit code type 91) with an office address."""
    area = random_area(rng)
    kind = rng.choice(list(FIRM_KINDS))
    pattern, trades = FIRM_KINDS[kind]
    brands = [rng.choice(FIRM_BRANDS) for _ in range(12)]
    brands += [rng.choice(FIRM_BRANDS)[0] + rng.choice(FIRM_BRANDS)[1] for _ in range(12)]
    name = _unique_name((pattern.format(brand=b) for b in brands), names)
    place, _ = street_place(rng, area)
    contact = random_name(rng, rng.choice(("male", "male", "female")), rng.randint(1965, 1995))
    code = _credit_code(rng, "91", area, codes)
    return DemoEmployer(name, "firm", code, contact, _mobile(rng, phones), place, trades)


def generate_employers(n: int, rng: random.Random, *, taken_phones: set[str] | None = None) -> list[DemoEmployer]:
    """Generate ``n`` employers: about 30% households, 35% shops, 35% firms; phones avoid ``taken_phones``."""
    phones = taken_phones if taken_phones is not None else set()
    phones.update(DEMO_PHONES)
    names = {DEMO_EMPLOYER.name}
    codes = {DEMO_EMPLOYER.credit_code or ""}
    employers = []
    for _ in range(n):
        draw = rng.random()
        if draw < 0.30:
            employers.append(_household(rng, phones))
        elif draw < 0.65:
            employers.append(_shop(rng, phones, names, codes))
        else:
            employers.append(_firm(rng, phones, names, codes))
    return employers


# --- jobs ----------------------------------------------------------------------------------------------------------


def _job_place(rng: random.Random, employer: DemoEmployer) -> tuple[DemoPlace, str]:
    """Where the work is: at home or in the shop, or for a firm at a site or street anywhere in the city."""
    if employer.kind != "firm":
        area = AREAS_BY_NAME[employer.place.district]
        label = area.estates[0] if employer.kind == "household" else employer.name.removeprefix(area.name)
        for estate in area.estates:
            if estate in employer.place.address:
                label = estate
        return employer.place, label
    area = random_area(rng)
    return site_place(rng, area) if rng.random() < 0.6 else street_place(rng, area)


def _job_skills(rng: random.Random, trade: Trade) -> tuple[str, ...]:
    """The job's trade, sometimes with one or two related trades."""
    skills = [trade.name]
    for related in trade.related:
        if len(skills) < 3 and rng.random() < 0.25:
            skills.append(related)
    return tuple(skills)


def _job_times(rng: random.Random, trade: Trade, now: datetime, zone: tzinfo) -> tuple[datetime, datetime, int]:
    """Start 1-14 days ahead at one of the trade's local start hours; end after its days and hours; return days."""
    days, hours = rng.choice(trade.durations)
    local_day = now.astimezone(zone).date() + timedelta(days=rng.randint(1, 14))
    start_local = datetime.combine(local_day, time(rng.choice(trade.start_hours), rng.choice((0, 0, 30))), zone)
    starts_at = start_local.astimezone(UTC)
    return starts_at, starts_at + timedelta(days=days - 1, hours=hours), days


def _job_pay(rng: random.Random, trade: Trade, posting: Posting, days: int) -> DemoPay:
    """Pay in the unit the posting promises, else the trade's usual unit (by the day over several days)."""
    if posting.unit is not None:
        ranges: Sequence[PayRange] = [r for r in trade.pay if r.unit == posting.unit]
    else:
        ranges = [r for r in trade.pay if r.unit != "piece"]
        if days > 1:
            ranges = [r for r in ranges if r.unit == "day"]
    ranges = ranges or trade.pay
    chosen = ranges[0] if len(ranges) == 1 or rng.random() < 0.7 else rng.choice(ranges[1:])
    return DemoPay(_stepped(rng, chosen.low_fen, chosen.high_fen, chosen.step_fen), chosen.unit)


def _headcount(rng: random.Random, employer: DemoEmployer, trade: Trade) -> int:
    """How many people: one carer, a couple for a household, a few for a shop, up to ten for a firm."""
    if trade.family == "care" and trade.name != "保洁":
        return 1
    return {"household": rng.randint(1, 2), "shop": rng.randint(1, 4)}.get(employer.kind, rng.randint(2, 10))


def _job(rng: random.Random, employer: DemoEmployer, now: datetime, zone: tzinfo) -> DemoJob:
    """One generated job for ``employer``."""
    trade = _TRADES_BY_NAME[rng.choice(employer.trades)]
    place, label = _job_place(rng, employer)
    starts_at, ends_at, days = _job_times(rng, trade, now, zone)
    due = {"household": (24, 48), "shop": (24, 48, 72)}.get(employer.kind, (72, 120, 168))
    posting = rng.choice(trade.postings_for(employer.kind))
    return DemoJob(
        employer=employer,
        title=posting.title,
        description=posting.description.format(place=label, area=place.district),
        skills=_job_skills(rng, trade),
        place=place,
        starts_at=starts_at,
        ends_at=ends_at,
        headcount=_headcount(rng, employer, trade),
        pay=_job_pay(rng, trade, posting, days),
        pay_due_hours=rng.choice(due),
    )


def generate_jobs(
    m: int, employers: Sequence[DemoEmployer], rng: random.Random, now: datetime, *, zone: tzinfo | None = None
) -> list[DemoJob]:
    """Generate ``m`` jobs spread over ``employers``, starting 1-14 days after ``now`` (aware) at local hours (in
    ``zone``, by default the market's)."""
    zone = zone or market_zone()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if m and not employers:
        raise ValueError("jobs need at least one employer")
    return [_job(rng, rng.choice(employers), now, zone) for _ in range(m)]


# --- the whole city ---------------------------------------------------------------------------------------------


def generate_city(
    workers: int,
    jobs: int,
    rng: random.Random,
    now: datetime,
    *,
    employers: int | None = None,
    with_demo_logins: bool = True,
    zone: tzinfo | None = None,
) -> DemoCity:
    """A whole city: stations, staff, workers, employers (default one per three jobs, at least 3) and their jobs.

    With ``with_demo_logins`` the fixed demo worker and employer come first in their lists (and the demo employer
    gets about a tenth of the jobs), so the README's logins see a lively market. All phones are unique.
    Local days and hours are in ``zone``, by default the market's.
    """
    zone = zone or market_zone()
    phones: set[str] = set()
    people = generate_workers(workers, rng, today=now.astimezone(zone).date(), taken_phones=phones)
    firms = generate_employers(employers if employers is not None else max(3, jobs // 3), rng, taken_phones=phones)
    if with_demo_logins:
        people.insert(0, DEMO_WORKER)
        firms.insert(0, DEMO_EMPLOYER)
    posted = generate_jobs(jobs, firms, rng, now, zone=zone)
    if with_demo_logins and jobs:
        share = max(1, jobs // 10)
        posted[:share] = [_job(rng, DEMO_EMPLOYER, now, zone) for _ in range(share)]
    staff = [DEMO_STAFF] if with_demo_logins else []
    return DemoCity(demo_stations(), staff, people, firms, posted)
