"""Finding and reaching the site: distance and map links on the job and the order, the fit in words on one job,
candidates' years, phones in full only to the parties of a live order (and staff), and the parties' contract
carrying what lets them reach and identify each other."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from market.core.geo import distance_km, wgs84_to_gcj02
from market.core.identity import make_credit_code

SITE = {"lat": 24.5116, "lon": 117.6443, "address": "漳州市芗城区胜利西路128号"}
HOME = {"lat": 24.5206, "lon": 117.6443, "address": "漳州市芗城区芝山花园"}  # 1 km north of the site


async def _worker_with_home(client, market):
    worker = await market.user("worker", name="陈建国")
    body = {"location": HOME, "skills": [{"name": "搬运工", "years": 3, "certified": False}]}
    response = await client.put("/api/workers/me", json=body, headers=worker["headers"])
    assert response.status_code == 200, response.text
    return worker


def test_gcj02_matches_the_published_reference_and_leaves_points_abroad_alone():
    lat, lon = wgs84_to_gcj02(39.915, 116.404)
    assert (lat, lon) == pytest.approx((39.91640428150164, 116.41024449916938), abs=1e-9)
    assert wgs84_to_gcj02(48.8566, 2.3522) == (48.8566, 2.3522)
    shifted = wgs84_to_gcj02(SITE["lat"], SITE["lon"])
    assert 0.2 < distance_km(SITE["lat"], SITE["lon"], *shifted) < 0.8  # a few hundred metres in Zhangzhou


async def test_the_job_says_how_far_it_is_from_home_and_links_the_map_apps(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, location=SITE)
    worker = await _worker_with_home(client, market)
    seen = (await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])).json()
    assert seen["distance_km"] == pytest.approx(1.0, abs=0.02)
    nav = seen["navigation"]
    assert nav["geo_uri"].startswith("geo:24.511600,117.644300?q=24.511600,117.644300(")
    amap = parse_qs(urlparse(nav["amap_url"]).query)
    gcj_lat, gcj_lon = wgs84_to_gcj02(SITE["lat"], SITE["lon"])
    assert amap["position"] == [f"{gcj_lon:.6f},{gcj_lat:.6f}"]
    assert amap["coordinate"] == ["gaode"]
    assert amap["name"] == [SITE["address"]]
    # The phone's position, when given, wins over home.
    here = (await client.get(f"/api/jobs/{job['id']}", params={"lat": 24.5116 + 3 / 111.2, "lon": 117.6443},
                             headers=worker["headers"])).json()
    assert here["distance_km"] == pytest.approx(3.0, abs=0.03)


async def test_one_job_explains_the_fit_to_a_worker_as_the_radar_does(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, location=SITE)
    worker = await _worker_with_home(client, market)
    seen = (await client.get(f"/api/jobs/{job['id']}", headers=worker["headers"])).json()
    assert seen["matched_skills"] == [["搬运工", "搬运工", 1.0]]
    assert seen["breakdown"]["distance"] > 0.7
    assert 0 < seen["score"] <= 1
    own = (await client.get(f"/api/jobs/{job['id']}", headers=employer["headers"])).json()
    assert own["score"] is None
    assert own["distance_km"] is None


async def test_candidates_carry_the_years_the_employer_is_told(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, location=SITE)
    worker = await _worker_with_home(client, market)
    from market.ranking.state import live_matching

    await live_matching(client.app.state).current()
    items = (await client.get(f"/api/jobs/{job['id']}/candidates", headers=employer["headers"])).json()["items"]
    mine = [c for c in items if c["worker_id"] == worker["id"]]
    assert mine, items
    assert mine[0]["held_skills"] == [{"name": "搬运工", "years": 3, "certified": False}]


async def test_phones_in_full_to_the_parties_of_a_live_order_only(client, market):
    employer = await market.user("employer")
    job = await market.job(employer, location=SITE)
    worker = await _worker_with_home(client, market)
    accepted = await market.accept(job["id"], worker)
    assert accepted.status_code == 201, accepted.text
    order_id = accepted.json()["order"]["id"]
    staff = await market.station_staff()
    for viewer in (worker, employer, staff):
        order = (await client.get(f"/api/orders/{order_id}", headers=viewer["headers"])).json()
        assert order["worker"]["phone"] == worker["phone"]
        assert order["employer"]["phone"] == employer["phone"]
    order = (await client.get(f"/api/orders/{order_id}", headers=worker["headers"])).json()
    assert order["job"]["distance_km"] == pytest.approx(1.0, abs=0.02)
    assert order["job"]["navigation"]["geo_uri"].startswith("geo:24.511600,117.644300")
    stranger = await market.user("worker")
    assert (await client.get(f"/api/orders/{order_id}", headers=stranger["headers"])).status_code == 404
    # Once the order is over, the other side's number is masked again; one's own and staff's stay in full.
    cancelled = await client.post(f"/api/orders/{order_id}/cancel", json={}, headers=worker["headers"])
    assert cancelled.status_code == 200, cancelled.text
    by_worker = (await client.get(f"/api/orders/{order_id}", headers=worker["headers"])).json()
    assert by_worker["employer"]["phone"] == employer["phone"][:3] + "****" + employer["phone"][-4:]
    assert by_worker["worker"]["phone"] == worker["phone"]
    by_employer = (await client.get("/api/orders", headers=employer["headers"])).json()["items"][0]
    assert by_employer["worker"]["phone"] == worker["phone"][:3] + "****" + worker["phone"][-4:]
    by_staff = (await client.get(f"/api/orders/{order_id}", headers=staff["headers"])).json()
    assert by_staff["worker"]["phone"] == worker["phone"]


async def test_the_parties_contract_carries_phones_and_the_credit_code_in_full(client, market, tmp_path):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler-utils is not installed")
    employer = await market.user("employer")
    code = make_credit_code("91350602MA2Y7K3N5")
    response = await client.put("/api/employers/me", json={"name": "漳州鹭岛装饰有限公司", "credit_code": code},
                                headers=employer["headers"])
    assert response.status_code == 200, response.text
    job = await market.job(employer, location=SITE)
    worker = await _worker_with_home(client, market)
    accepted = (await market.accept(job["id"], worker)).json()
    contract = accepted["contract"]
    pdf = await client.get(contract["pdf_url"], headers=worker["headers"])
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf.content)
    done = await asyncio.to_thread(subprocess.run, [pdftotext, "-raw", str(path), "-"], capture_output=True,
                                   text=True, check=True)
    text = done.stdout
    flat = text.replace("\n", "").replace(" ", "")
    assert worker["phone"] in flat
    assert employer["phone"] in flat
    assert code in flat
    qr = await client.get(f"/api/contracts/{contract['id']}/qr.svg", headers=employer["headers"])
    assert qr.status_code == 200
    assert qr.headers["content-type"].startswith("image/svg+xml")
    assert qr.text.startswith("<svg")
    assert contract["number"] in qr.text
