"""The trail cannot be edited and its chain shows any change; a red warning opens a case by itself; repeat
employers go to the bureau at once; lists show each caller their own cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from market.cases import trail
from market.cases.tables import CaseEvent, Claimant, WageCase
from market.core import clock
from market.settings import reset_settings
from market.wages.tables import WageWarning
from market.wages.watch import scan_wages
from tests.market.cases.conftest import past_pay_by


async def test_the_trail_has_no_update_or_delete_path_and_the_database_refuses_both(cases, deal):
    past_pay_by()
    case_id = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]["id"]
    with pytest.raises(Exception, match="append-only"):
        await CaseEvent.update({CaseEvent.kind: "note"}).where(CaseEvent.case == case_id)
    with pytest.raises(Exception, match="append-only"):
        await CaseEvent.delete().where(CaseEvent.case == case_id)
    assert not {"update", "delete", "edit", "remove"} & {name.split("_")[0] for name in trail.__all__}


async def test_the_chain_finds_a_changed_removed_or_reordered_event(cases, deal):
    past_pay_by()
    case_id = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]["id"]
    await cases.act(case_id, "notes", deal["staff"], {"text": "第一次联系"})
    await cases.act(case_id, "notes", deal["staff"], {"text": "第二次联系"})
    links = await trail.load(case_id)
    assert trail.check(links).ok
    assert [link.seq for link in links] == [0, 1, 2]
    changed = [links[0], replace(links[1], details={**links[1].details, "text": "改过"}), links[2]]
    assert trail.check(changed).broken_at == 1
    assert trail.check([links[0], links[2]]).broken_at == 1
    assert trail.check([links[1], links[0], links[2]]).broken_at == 0


async def test_a_red_warning_opens_one_case_by_itself_at_the_bureaus_level(cases, deal):
    past_pay_by()
    await scan_wages()  # blue: the employer is reminded, no case yet
    clock.shift(timedelta(days=5))
    await scan_wages()  # yellow: the station is told, still no case
    assert await WageCase.count() == 0
    clock.shift(timedelta(days=10))
    await scan_wages()  # red after the working days
    await scan_wages()  # the scan again (a retry, another worker): still one case
    warning = await WageWarning.select(WageWarning.id, WageWarning.level).first()
    assert warning["level"] == "red"
    rows = await WageCase.select()
    assert len(rows) == 1
    assert (rows[0]["source"], rows[0]["warning_id"], rows[0]["level"]) == ("warning", warning["id"], "supervisor")
    claimants = await Claimant.select(Claimant.order, Claimant.amount_fen, Claimant.channel)
    assert sorted(c["order"] for c in claimants) == sorted(o["id"] for o in deal["orders"])
    assert {c["channel"] for c in claimants} == {"warning"}
    assert [c["amount_fen"] for c in claimants] == [o["agreed_pay_fen"] for o in deal["orders"]]
    seen = await cases.get(rows[0]["id"], deal["first"])
    assert seen["source"] == "warning"
    assert len(seen["claimants"]) == 1


async def test_an_employer_with_repeated_cases_goes_to_the_bureau_at_once(cases, deal, monkeypatch):
    monkeypatch.setenv("LINGGONG_CASE_REPEAT_COUNT", "2")
    reset_settings()
    try:
        past_pay_by()
        first = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]
        assert first["level"] == "station"
        await cases.act(first["id"], "close", deal["staff"], {"outcome": "withdrawn"})
        second = (await cases.complain(deal["orders"][1]["id"], deal["second"]))["case"]
        assert second["id"] != first["id"]
        assert second["level"] == "supervisor"
        detail = await cases.get(second["id"], deal["staff"])
        assert [(e["kind"], e["details"].get("reason")) for e in detail["trail"]][-1] == (
            "escalated", "repeat_employer")
    finally:
        monkeypatch.delenv("LINGGONG_CASE_REPEAT_COUNT")
        reset_settings()


async def test_each_caller_lists_the_cases_they_are_in(cases, deal, market, client):
    past_pay_by()
    case_id = (await cases.complain(deal["orders"][0]["id"], deal["first"]))["case"]["id"]
    stranger, other_employer = await market.user("worker"), await market.user("employer")
    other_staff = await market.station_staff()

    async def ids(who, query=""):
        response = await client.get(f"/api/cases{query}", headers=who["headers"])
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["total"] == len(body["items"])
        return [c["id"] for c in body["items"]]

    for who in ("first", "employer", "staff", "supervisor"):
        assert await ids(deal[who]) == [case_id], who
    for who in (stranger, other_employer, other_staff, deal["second"]):
        assert await ids(who) == []
    assert await ids(deal["staff"], "?status=received") == [case_id]
    assert await ids(deal["staff"], "?status=closed") == []
    assert await ids(deal["staff"], "?mine=true") == []
    assert await ids(deal["supervisor"], f"?employer_id={deal['employer']['id']}") == [case_id]
    assert await ids(deal["supervisor"], f"?employer_id={other_employer['id']}") == []
    assert await ids(deal["staff"], "?overdue=false") == [case_id]
    bad = await client.get("/api/cases?status=lost", headers=deal["staff"]["headers"])
    assert bad.status_code == 400
    assert bad.json()["fields"][0]["field"] == "status"
    assert (await cases.get(case_id, stranger, expect=404))["code"] == "case_not_found"
    assert (await cases.get(case_id, other_staff, expect=404))["code"] == "case_not_found"
