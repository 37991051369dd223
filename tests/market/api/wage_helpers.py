"""A dated world for the pay-by watch: the clock frozen on a known week, a station by the site, a deal due Wednesday.

Week of 2026-12-07 (Mon) on the official calendar: an order ending Tuesday 17:00 Beijing time with 24 hours to pay
is due Wednesday 12-09 17:00; Thu 12-10 is its first working day late, Mon 12-14 the third (yellow), Fri 12-18 the
seventh (red).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from market.core import clock
from market.notifications.tables import OutboxMessage

MONDAY = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
DUE = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
"""The pay-by time of `deal`'s orders (Wednesday 17:00 Beijing time)."""


def at(day: int, hour: int = 10) -> None:
    """Set the clock to 2026-12-`day` `hour`:00 UTC."""
    clock.freeze(datetime(2026, 12, day, hour, 0, tzinfo=UTC))


async def station(market: Any, lat: float = 24.512, lon: float = 117.645) -> dict[str, Any]:
    """A station at a point with one staff member; the staff member's login and `station_id`."""
    from market.stations.tables import Station

    row = Station(name=f"驿站{market.next_phone()[-4:]}", address="漳州市芗城区", lat=lat, lon=lon)
    await row.save()
    return await market.station_staff(row.id)


async def deal(market: Any, employer: dict[str, Any] | None = None, workers: int = 1, **job: Any) -> dict[str, Any]:
    """An employer's job starting Tuesday 09:00 Beijing time for eight hours, taken by `workers` workers."""
    clock.freeze(MONDAY)
    employer = employer or await market.user("employer", name="张老板")
    start = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)
    posted = await market.job(employer, starts_at=start.isoformat(), ends_at=(start + timedelta(hours=8)).isoformat(),
                              headcount=workers, **job)
    people, orders = [], []
    for _ in range(workers):
        worker = await market.user("worker", name="李师傅")
        answer = await market.accept(posted["id"], worker)
        assert answer.status_code == 201, answer.text
        people.append(worker)
        orders.append(answer.json()["order"])
    return {"employer": employer, "workers": people, "worker": people[0], "orders": orders, "order": orders[0],
            "job": posted}


async def notices(user_id: int, prefix: str = "wage_") -> list[str]:
    """The wage notices a user has received, sorted."""
    rows = await OutboxMessage.select(OutboxMessage.event).where(OutboxMessage.recipient == user_id)
    return sorted(r["event"] for r in rows if r["event"].startswith(prefix))
