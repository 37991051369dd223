"""The fixed demo logins the README prints: one worker, one employer, one station staff member, one password."""

from __future__ import annotations

from datetime import date

from market.core.identity import make_credit_code, make_resident_id
from market.demo.city_models import DemoEmployer, DemoPlace, DemoSkill, DemoStaff, DemoWorker
from market.demo.city_names import FIRM_KINDS
from market.demo.city_places import STATION_SPECS

__all__ = ["DEMO_EMPLOYER", "DEMO_PASSWORD", "DEMO_PHONES", "DEMO_STAFF", "DEMO_WORKER"]

DEMO_PASSWORD = "linggong-demo"  # noqa: S105 - the published password of the demo logins, not a secret

DEMO_WORKER = DemoWorker(
    name="林建国",
    gender="male",
    phone="13800000001",
    resident_id=make_resident_id("350681", date(1976, 3, 18), 357),
    birth_date=date(1976, 3, 18),
    skills=(DemoSkill("泥瓦工", 15, False), DemoSkill("普工", 20, False), DemoSkill("搬运工", 8, False)),
    home=DemoPlace("漳州市芗城区胜利西路128号金峰新村3栋502室", 24.511620, 117.644350, "芗城区"),
    max_distance_km=15,
    expected_daily_wage_fen=35000,
)

DEMO_EMPLOYER = DemoEmployer(
    name="漳州市鑫盛建筑劳务有限公司",
    kind="firm",
    credit_code=make_credit_code("91350602MA2Y7K3N5"),
    contact_name="陈志强",
    phone="13800000002",
    place=DemoPlace("漳州市龙文区建元东路56号", 24.505210, 117.713480, "龙文区"),
    trades=FIRM_KINDS["建筑劳务"][1],
)

DEMO_STAFF = DemoStaff(name="郑丽华", phone="13800000003", station_name=STATION_SPECS[0].name)

DEMO_PHONES: frozenset[str] = frozenset({DEMO_WORKER.phone, DEMO_EMPLOYER.phone, DEMO_STAFF.phone})
