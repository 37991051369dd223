"""Unit tests for market.demo.city: a deterministic, valid, believable demo city around Zhangzhou."""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from market.core.identity import (
    is_valid_credit_code,
    is_valid_mobile,
    is_valid_resident_id,
    resident_id_birth_date,
    resident_id_is_male,
)
from market.demo.city import (
    AREAS,
    DEMO_EMPLOYER,
    DEMO_PASSWORD,
    DEMO_PHONES,
    DEMO_STAFF,
    DEMO_WORKER,
    TRADE_NAMES,
    ZHANGZHOU_BBOX,
    DemoCity,
    DemoPlace,
    demo_stations,
    generate_city,
    generate_employers,
    generate_jobs,
    generate_workers,
    random_name,
)
from market.demo.city_trades import TRADES

NOW = datetime(2026, 11, 1, 2, 30, tzinfo=UTC)
TODAY = date(2026, 11, 1)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def city() -> DemoCity:
    """A mid-sized city shared by the read-only checks below."""
    return generate_city(400, 600, random.Random(20261101), NOW)


def _in_zhangzhou(place: DemoPlace) -> bool:
    """Whether a place lies inside the Zhangzhou bounding box and one of the known districts."""
    lat_min, lat_max, lon_min, lon_max = ZHANGZHOU_BBOX
    return lat_min <= place.lat <= lat_max and lon_min <= place.lon <= lon_max


def _places(city: DemoCity) -> list[DemoPlace]:
    """Every place in the city."""
    return (
        [s.place for s in city.stations]
        + [w.home for w in city.workers]
        + [e.place for e in city.employers]
        + [j.place for j in city.jobs]
    )


def test_same_seed_same_city() -> None:
    """Everything follows from the Random passed in (and the reference time)."""
    first = generate_city(50, 80, random.Random(5), NOW)
    second = generate_city(50, 80, random.Random(5), NOW)
    other = generate_city(50, 80, random.Random(6), NOW)
    assert first == second
    assert first != other


def test_generators_are_deterministic_alone() -> None:
    """Each generator on its own is deterministic too."""
    assert generate_workers(30, random.Random(1), today=TODAY) == generate_workers(30, random.Random(1), today=TODAY)
    assert generate_employers(30, random.Random(1)) == generate_employers(30, random.Random(1))
    employers = generate_employers(5, random.Random(2))
    assert generate_jobs(40, employers, random.Random(3), NOW) == generate_jobs(40, employers, random.Random(3), NOW)


def test_sizes_and_demo_logins(city: DemoCity) -> None:
    """The demo logins come first, then exactly the requested numbers."""
    assert city.workers[0] == DEMO_WORKER
    assert city.employers[0] == DEMO_EMPLOYER
    assert city.staff == [DEMO_STAFF]
    assert len(city.workers) == 401
    assert len(city.jobs) == 600
    assert any(j.employer == DEMO_EMPLOYER for j in city.jobs)
    assert DEMO_PASSWORD == "linggong-demo"
    assert DEMO_STAFF.station_name in {s.name for s in city.stations}


def test_without_demo_logins() -> None:
    """Asked not to, the city has no demo accounts and no job of the demo employer."""
    bare = generate_city(10, 20, random.Random(1), NOW, with_demo_logins=False)
    assert DEMO_WORKER not in bare.workers
    assert DEMO_EMPLOYER not in bare.employers
    assert all(j.employer != DEMO_EMPLOYER for j in bare.jobs)
    assert bare.staff == []


def test_demo_logins_are_valid() -> None:
    """The fixed logins carry valid phones, ID and credit code."""
    assert {"13800000001", "13800000002", "13800000003"} == DEMO_PHONES
    assert all(is_valid_mobile(p) for p in DEMO_PHONES)
    assert is_valid_resident_id(DEMO_WORKER.resident_id, TODAY)
    assert resident_id_birth_date(DEMO_WORKER.resident_id) == DEMO_WORKER.birth_date
    assert DEMO_EMPLOYER.credit_code is not None
    assert is_valid_credit_code(DEMO_EMPLOYER.credit_code)


def test_worker_identities_are_valid_and_consistent(city: DemoCity) -> None:
    """IDs pass the check digit, are unique, mostly from Zhangzhou, and agree with birth date, sex and age."""
    ids = [w.resident_id for w in city.workers]
    assert len(set(ids)) == len(ids)
    for worker in city.workers:
        assert is_valid_resident_id(worker.resident_id, TODAY), worker
        assert resident_id_birth_date(worker.resident_id) == worker.birth_date
        assert resident_id_is_male(worker.resident_id) == (worker.gender == "male")
        age_days = (TODAY - worker.birth_date).days
        if worker is not DEMO_WORKER:
            assert 18 * 365.25 < age_days < 62 * 365.25
    local = sum(1 for i in ids if i.startswith("3506"))
    assert local / len(ids) > 0.6


def test_phones_valid_and_unique_across_everyone(city: DemoCity) -> None:
    """Every phone is a mainland mobile, and no two accounts share one."""
    phones = [w.phone for w in city.workers] + [e.phone for e in city.employers] + [s.phone for s in city.staff]
    assert len(set(phones)) == len(phones)
    assert all(is_valid_mobile(p) for p in phones)


def test_taken_phones_are_avoided() -> None:
    """Phones already in use are not handed out again, and the new ones join the set."""
    taken = {"13912345678"}
    workers = generate_workers(20, random.Random(1), today=TODAY, taken_phones=taken)
    assert all(w.phone not in DEMO_PHONES for w in workers)
    assert {w.phone for w in workers} <= taken
    assert len(taken) == 21 + len(DEMO_PHONES)


def test_worker_profiles_are_believable(city: DemoCity) -> None:
    """Known trades, sensible years, certificates only where a certificate exists, realistic wages and radius."""
    certifiable = {t.name for t in TRADES if t.certificate}
    for worker in city.workers:
        assert 1 <= len(worker.skills) <= 3
        assert len({s.name for s in worker.skills}) == len(worker.skills)
        for skill in worker.skills:
            assert skill.name in TRADE_NAMES
            assert 0 <= skill.years <= 45
            assert not skill.certified or skill.name in certifiable
        assert 15000 <= worker.expected_daily_wage_fen <= 40000
        assert isinstance(worker.expected_daily_wage_fen, int)
        assert 3 <= worker.max_distance_km <= 25
        assert 2 <= len(worker.name) <= 4
    assert not any(s.name == "月嫂" for w in city.workers if w.gender == "male" for s in w.skills)


def test_employers(city: DemoCity) -> None:
    """Households have no credit code; shops and firms have valid, unique ones and unique names."""
    codes = [e.credit_code for e in city.employers if e.credit_code]
    assert len(set(codes)) == len(codes)
    kinds = {e.kind for e in city.employers}
    assert kinds == {"household", "shop", "firm"}
    for employer in city.employers:
        if employer.kind == "household":
            assert employer.credit_code is None
            assert employer.name.endswith(("先生家", "女士家"))
        else:
            assert employer.credit_code is not None
            assert is_valid_credit_code(employer.credit_code)
            assert employer.credit_code.startswith("91" if employer.kind == "firm" else "92")
        assert employer.trades
        assert set(employer.trades) <= set(TRADE_NAMES)
    named = [e.name for e in city.employers if e.kind != "household"]
    assert len(set(named)) == len(named)


def test_coordinates_inside_zhangzhou(city: DemoCity) -> None:
    """Every place is inside the Zhangzhou box, in a known district, and within a few km of its centre."""
    centres = {a.name: a for a in AREAS}
    for place in _places(city):
        assert _in_zhangzhou(place), place
        area = centres[place.district]
        dlat_km = (place.lat - area.lat) * 111.32
        dlon_km = (place.lon - area.lon) * 111.32 * math.cos(math.radians(area.lat))
        assert math.hypot(dlat_km, dlon_km) <= area.radius_km + 0.01, place
        assert place.address.startswith(area.address_prefix), place


def test_stations() -> None:
    """At least eight stations, covering every area, with opening hours and a 0596 landline."""
    stations = demo_stations()
    assert len(stations) >= 8
    assert {s.place.district for s in stations} == {a.name for a in AREAS}
    assert len({s.name for s in stations}) == len(stations)
    for station in stations:
        assert station.phone.startswith("0596-")
        assert len(station.phone) == 12
        assert station.phone[5:].isdigit()
        assert station.opening_hours.startswith("周一至周")
        assert ("驿站" in station.name) or ("服务站" in station.name) or ("服务中心" in station.name)


def test_jobs_times(city: DemoCity) -> None:
    """Jobs start 1-14 local days ahead at a waking hour, end after they start, and last 4 hours to 5 days."""
    for job in city.jobs:
        assert job.starts_at.tzinfo is not None
        assert job.starts_at.utcoffset() == timedelta(0)
        assert NOW < job.starts_at < job.ends_at
        local = job.starts_at.astimezone(SHANGHAI)
        assert 1 <= (local.date() - NOW.astimezone(SHANGHAI).date()).days <= 14
        assert 6 <= local.hour <= 20
        assert timedelta(hours=4) <= job.ends_at - job.starts_at <= timedelta(days=5)


def test_jobs_content(city: DemoCity) -> None:
    """Known trades, a filled-in description, bounded headcount, positive integer pay in a known unit, due 1-7 days."""
    for job in city.jobs:
        assert 1 <= len(job.skills) <= 3
        assert set(job.skills) <= set(TRADE_NAMES)
        assert job.skills[0] in job.employer.trades
        assert job.title
        assert len(job.title) <= 60
        assert "{" not in job.description
        assert len(job.description) >= 10
        assert 1 <= job.headcount <= 10
        assert isinstance(job.pay.amount_fen, int)
        assert job.pay.amount_fen > 0
        assert job.pay.unit in {"hour", "day", "piece"}
        assert 24 <= job.pay_due_hours <= 168


def test_pay_is_realistic(city: DemoCity) -> None:
    """Day rates 150-500 yuan, hourly 16-50 yuan; piece rates as the text says (按台 / 按件 / 按斤)."""
    for job in city.jobs:
        amount = job.pay.amount_fen
        if job.pay.unit == "day":
            assert 15000 <= amount <= 50000
        elif job.pay.unit == "hour":
            assert 1600 <= amount <= 5000
            assert job.ends_at - job.starts_at <= timedelta(hours=12)
        else:
            assert any(word in job.description for word in ("按台", "按件", "按斤")), job


def test_household_jobs_happen_at_home(city: DemoCity) -> None:
    """A household's job is at its own address and needs one or two people."""
    for job in city.jobs:
        if job.employer.kind == "household":
            assert job.place == job.employer.place
            assert job.headcount <= 2


def test_names() -> None:
    """Names are a known surname plus one or two given-name characters; common surnames dominate."""
    rng = random.Random(9)
    names = [random_name(rng, rng.choice(("male", "female")), rng.randint(1960, 2005)) for _ in range(2000)]
    assert all(2 <= len(n) <= 4 for n in names)
    top = sum(1 for n in names if n[0] in "陈林黄")
    assert top / len(names) > 0.25


def test_generate_jobs_checks_its_arguments() -> None:
    """A naive ``now`` or no employers is refused."""
    employers = generate_employers(2, random.Random(1))
    with pytest.raises(ValueError, match="aware"):
        generate_jobs(1, employers, random.Random(1), datetime(2026, 11, 1))
    with pytest.raises(ValueError, match="employer"):
        generate_jobs(1, [], random.Random(1), NOW)
    assert generate_jobs(0, [], random.Random(1), NOW) == []
