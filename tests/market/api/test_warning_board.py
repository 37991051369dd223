"""The warning board (`GET /api/warnings`) and the back office's calendar corrections (`/api/admin/workdays`)."""

from __future__ import annotations

from market.settings import reset_settings
from market.wages.calendar import forget_overrides, overrides
from market.wages.tables import WorkdayOverride
from market.wages.watch import scan_wages
from tests.market.api.wage_helpers import at, deal, station

NEAR = (24.512, 117.645)
FAR = (24.60, 117.80)


async def _board(client, who, query=""):
    answer = await client.get(f"/api/warnings{query}", headers=who["headers"])
    assert answer.status_code == 200, answer.text
    return answer.json()


async def _two_stations_and_warnings(market):
    near, far = await station(market, *NEAR), await station(market, *FAR)
    late = await deal(market)  # at the near site, one worker
    many = await deal(market, employer=late["employer"], workers=3,
                      location={"lat": FAR[0], "lon": FAR[1], "address": "漳州市龙文区"})
    at(9, 10)
    await scan_wages()
    return near, far, late, many


async def test_the_bureau_sees_every_warning_red_first_with_who_and_how_much(client, market):
    supervisor = await market.user("supervisor")
    near, far, _, many = await _two_stations_and_warnings(market)
    board = await _board(client, supervisor)
    assert board["total"] == 2
    red, blue = board["items"]
    assert (red["level"], blue["level"]) == ("red", "blue")
    assert red["employer"]["name"] == "张老板"
    assert red["station"]["id"] == far["station_id"]
    assert sorted(w["id"] for w in red["workers"]) == sorted(w["id"] for w in many["workers"])
    assert red["amount_fen"] == sum(o["agreed_pay_fen"] for o in many["orders"])
    assert red["worker_count"] == 3
    assert blue["working_days_overdue"] == 0
    assert [h["level"] for h in red["history"]] == ["red"]
    assert all(w["phone"] is None for w in red["workers"]), "the bureau sees names, not phones"
    only = await _board(client, supervisor, f"?station_id={near['station_id']}")
    assert [w["id"] for w in only["items"]] == [blue["id"]]
    assert [w["id"] for w in (await _board(client, supervisor, "?level=red"))["items"]] == [red["id"]]
    paged = await _board(client, supervisor, "?limit=1&offset=1")
    assert ([w["id"] for w in paged["items"]], paged["total"]) == ([blue["id"]], 2)


async def test_staff_see_their_stations_warnings_only_and_the_workers_phones(client, market):
    near, far, late, _ = await _two_stations_and_warnings(market)
    mine = await _board(client, near)
    assert [w["station"]["id"] for w in mine["items"]] == [near["station_id"]]
    assert mine["items"][0]["workers"][0]["phone"] == late["worker"]["phone"]
    assert [w["station"]["id"] for w in (await _board(client, far))["items"]] == [far["station_id"]]
    across = await _board(client, near, f"?station_id={far['station_id']}")
    assert across["total"] == 0, "another station's warnings stay out of reach"
    admin = await market.user("admin")
    assert (await _board(client, admin))["total"] == 2


async def test_an_employer_sees_the_warnings_about_them_only(client, market):
    _, _, late, _ = await _two_stations_and_warnings(market)
    assert (await _board(client, late["employer"]))["total"] == 2
    stranger = await market.user("employer")
    assert (await _board(client, stranger))["total"] == 0


async def test_a_closed_warning_leaves_the_board(client, market):
    supervisor = await market.user("supervisor")
    world = await deal(market)
    at(9, 10)
    await scan_wages()
    order = world["order"]
    for who, act, body in ((world["employer"], "complete", None),
                           (world["employer"], "paid", {"amount_fen": order["agreed_pay_fen"]}),
                           (world["worker"], "confirm-payment", None)):
        assert (await client.post(f"/api/orders/{order['id']}/{act}", headers=who["headers"], json=body)).is_success
    assert (await _board(client, supervisor))["total"] == 0


async def test_a_bad_filter_is_refused_naming_the_field(client, market):
    supervisor = await market.user("supervisor")
    answer = await client.get("/api/warnings?level=purple", headers={**supervisor["headers"], "Accept-Language": "en"})
    assert answer.status_code == 400
    assert answer.json()["fields"][0]["field"] == "level"


async def test_the_back_office_adds_lists_and_removes_a_correction(client, market):
    admin = await market.user("admin")
    for day, working in (("2026-12-12", True), ("2026-12-31", False)):
        answer = await client.post("/api/admin/workdays", headers=admin["headers"],
                                   json={"day": day, "is_working_day": working, "note": "调整"})
        assert answer.status_code == 201, answer.text
    again = await client.post("/api/admin/workdays", headers=admin["headers"],
                              json={"day": "2026-12-31", "is_working_day": True})
    assert again.json()["is_working_day"] is True, "a second correction of a day replaces the first"
    listed = (await client.get("/api/admin/workdays?year=2026", headers=admin["headers"])).json()
    assert [(c["day"], c["is_working_day"]) for c in listed["items"]] == [("2026-12-31", True), ("2026-12-12", True)]
    assert listed["items"][0]["changed_by"] == admin["id"]
    gone = await client.delete("/api/admin/workdays/2026-12-12", headers=admin["headers"])
    assert gone.status_code == 204
    assert [c["day"] for c in (await client.get("/api/admin/workdays", headers=admin["headers"])).json()["items"]] == [
        "2026-12-31"]
    missing = await client.delete("/api/admin/workdays/2026-12-12", headers=admin["headers"])
    assert (missing.status_code, missing.json()["code"]) == (404, "workday_override_not_found")


async def test_a_bad_correction_is_refused_naming_the_field_and_changes_nothing(client, market):
    admin = await market.user("admin")
    for body, field in (({"day": "2026-13-01", "is_working_day": True}, "day"),
                        ({"day": "2026-12-12"}, "is_working_day"),
                        ({"day": "2026-12-12", "is_working_day": True, "note": "x" * 201}, "note")):
        answer = await client.post("/api/admin/workdays", headers={**admin["headers"], "Accept-Language": "en"},
                                   json=body)
        assert answer.status_code == 400, answer.text
        assert answer.json()["fields"][0]["field"] == field
    assert await WorkdayOverride.count() == 0


async def test_another_process_s_correction_counts_within_the_refresh_interval(market, monkeypatch):
    from datetime import date

    admin = await market.user("admin")
    forget_overrides()
    assert await overrides() == {}
    # as another process would: straight into the table, this process's copy is not told
    await WorkdayOverride.insert(WorkdayOverride(day=date(2026, 12, 12), is_working_day=True, changed_by=admin["id"]))
    assert await overrides() == {}, "still this process's copy, within the interval"
    monkeypatch.setenv("LINGGONG_WORKDAY_REFRESH_S", "0")
    reset_settings()
    try:
        assert await overrides() == {date(2026, 12, 12): True}
    finally:
        monkeypatch.delenv("LINGGONG_WORKDAY_REFRESH_S")
        reset_settings()
        forget_overrides()
