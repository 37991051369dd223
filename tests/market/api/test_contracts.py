"""Accepting signs a contract: stored with its hash, served to the parties, verifiable by anyone, on a checked trail."""

import hashlib
from datetime import timedelta

import pytest

from market.contracts import issuing
from market.contracts.tables import Contract
from market.core import clock
from market.orders.tables import Order


@pytest.fixture
async def signed(market):
    """An accepted order and its contract reference."""
    employer = await market.user("employer", name="漳州市鑫盛建筑劳务有限公司")
    worker = await market.user("worker", name="林建国")
    job = await market.job(employer)
    body = (await market.accept(job["id"], worker)).json()
    return {"employer": employer, "worker": worker, "job": job, "order": body["order"], "contract": body["contract"]}


async def test_accepting_issues_a_sealed_contract(client, signed):
    contract = signed["contract"]
    assert contract is not None
    assert contract["number"].startswith("LG")
    assert contract["verify_url"].endswith(contract["verify_url"].rsplit("/", 1)[1])
    order = await client.get(f"/api/orders/{signed['order']['id']}", headers=signed["worker"]["headers"])
    assert order.json()["contract_status"] == "issued"
    pdf = await client.get(contract["pdf_url"], headers=signed["worker"]["headers"])
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert hashlib.sha256(pdf.content).hexdigest() == contract["sha256"]


async def test_the_parties_and_staff_see_the_contract_and_strangers_do_not(client, market, signed):
    path = f"/api/contracts/{signed['contract']['id']}"
    staff = await market.user("staff")
    for who in (signed["worker"], signed["employer"], staff):
        assert (await client.get(path, headers=who["headers"])).status_code == 200
    for stranger in (await market.user("worker"), await market.user("employer")):
        assert (await client.get(path, headers=stranger["headers"])).status_code == 404
        assert (await client.get(f"{path}/pdf", headers=stranger["headers"])).status_code == 404
    assert (await client.get(path)).status_code == 401


async def test_anyone_can_verify_the_pdf_and_a_changed_byte_fails(client, signed):
    pdf = (await client.get(signed["contract"]["pdf_url"], headers=signed["worker"]["headers"])).content
    good = await client.post("/api/contracts/verify", content=pdf, headers={"Content-Type": "application/pdf"})
    assert good.status_code == 200, good.text
    result = good.json()
    assert result["valid"] is True, result["problems"]
    assert result["contract_number"] == signed["contract"]["number"]
    assert [s["role"] for s in result["signers"]] == ["worker", "employer", "platform"]
    assert result["status"] == "issued"
    middle = len(pdf) // 2
    changed = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1:]
    bad = await client.post("/api/contracts/verify", content=changed, headers={"Content-Type": "application/pdf",
                                                                                "Accept-Language": "en"})
    assert bad.json()["valid"] is False
    broken = {p["signer"] for p in bad.json()["problems"] if p["code"] == "bad_signature"}
    assert broken, bad.json()["problems"]
    assert all(not s["valid"] for s in bad.json()["signers"] if s["role"] in broken), "a broken signer is not valid"


async def test_a_body_that_is_not_a_pdf_is_refused(client):
    response = await client.post("/api/contracts/verify", content=b"hello", headers={"Content-Type": "application/pdf"})
    assert response.status_code == 400
    assert response.json()["fields"][0]["code"] == "pdf_required"


async def test_the_trail_records_every_act_and_its_chain_holds(client, signed):
    contract_id, headers = signed["contract"]["id"], signed["employer"]["headers"]
    await client.get(f"/api/contracts/{contract_id}", headers=headers)
    await client.get(f"/api/contracts/{contract_id}/pdf", headers=headers)
    trail = (await client.get(f"/api/contracts/{contract_id}/audit", headers=headers)).json()
    assert trail["chain_intact"] is True
    kinds = [e["kind"] for e in trail["events"]]
    assert kinds[:4] == ["created", "signed_by_worker", "signed_by_employer", "sealed"]
    assert kinds[4:] == ["viewed", "downloaded"]
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(trail["events"], trail["events"][1:], strict=False))


async def test_the_qr_page_shows_the_contract_without_personal_data(client, signed):
    token = signed["contract"]["verify_url"].rsplit("/", 1)[1]
    page = await client.get(f"/verify/{token}")
    assert page.status_code == 200
    assert signed["contract"]["number"] in page.text
    assert signed["contract"]["sha256"] in page.text
    assert "林**" in page.text
    assert "林建国" not in page.text
    assert signed["worker"]["phone"] not in page.text
    assert (await client.get("/verify/not-a-token")).status_code == 404


async def test_the_root_certificate_is_published(client):
    response = await client.get("/api/contracts/root-certificate")
    assert response.status_code == 200
    assert response.text.startswith("-----BEGIN CERTIFICATE-----")


async def test_cancelling_the_order_cancels_the_contract_on_its_trail(client, signed):
    await client.post(f"/api/orders/{signed['order']['id']}/cancel", headers=signed["worker"]["headers"])
    contract = await client.get(f"/api/contracts/{signed['contract']['id']}", headers=signed["worker"]["headers"])
    assert contract.json()["status"] == "cancelled"
    trail = (await client.get(f"/api/contracts/{signed['contract']['id']}/audit",
                              headers=signed["worker"]["headers"])).json()
    assert "cancelled" in [e["kind"] for e in trail["events"]]
    assert trail["chain_intact"] is True


async def test_when_signing_fails_the_order_stands_and_recovery_issues_it_once_due(client, market, monkeypatch):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)

    def broken(*_args, **_kwargs):
        raise RuntimeError("signing service down")

    monkeypatch.setattr(issuing, "sign_draft", broken)
    response = await market.accept(job["id"], worker)
    assert response.status_code == 201
    assert response.json()["contract"] is None
    order_id = response.json()["order"]["id"]
    status = await Order.select(Order.contract_status).where(Order.id == order_id).first()
    assert status["contract_status"] == "retrying"
    monkeypatch.undo()
    assert await issuing.recover_contracts() == 0, "not before its back-off has passed"
    clock.shift(timedelta(minutes=2))
    assert await issuing.recover_contracts() == 1
    assert await Contract.count().where(Contract.order == order_id) == 1
    assert await issuing.recover_contracts() == 0, "recovery is idempotent"
    order = await client.get(f"/api/orders/{order_id}", headers=worker["headers"])
    assert order.json()["contract_status"] == "issued"


async def test_a_walk_in_agrees_with_the_code_texted_to_their_phone(client, market, phones):
    employer, staff, walk_in = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    sent = await client.post(f"/api/walk-ins/{walk_in['id']}/consent-codes", headers=staff["headers"],
                             json={"job_id": job["id"]})
    assert sent.status_code == 201, sent.text
    assert sent.json()["sent_to"] == walk_in["phone"][:3] + "****" + walk_in["phone"][-4:]
    code = await phones.code_sent_to(walk_in["phone"])
    body = {"worker_id": walk_in["id"], "consent": "staff_sms_code"}
    wrong = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                              json={**body, "consent_code": "000000" if code != "000000" else "111111"})
    assert wrong.status_code == 400
    assert wrong.json()["fields"][0]["code"] == "code_wrong"
    right = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                              json={**body, "consent_code": code})
    assert right.status_code == 201, right.text
    assert right.json()["order"]["consent_method"] == "staff_sms_code"
    assert right.json()["contract"] is not None


async def test_guessing_the_code_stops_after_five_tries(client, market):
    employer, staff, walk_in = await market.user("employer"), await market.user("staff"), await market.user("worker")
    job = await market.job(employer)
    await client.post(f"/api/walk-ins/{walk_in['id']}/consent-codes", headers=staff["headers"],
                      json={"job_id": job["id"]})
    body = {"worker_id": walk_in["id"], "consent": "staff_sms_code"}
    codes = []
    for guess in range(6):
        response = await client.post(f"/api/jobs/{job['id']}/accept", headers=staff["headers"],
                                     json={**body, "consent_code": f"99999{guess}"})
        codes.append(response.json()["fields"][0]["code"])
    assert codes[-1] == "code_expired"
    assert await Order.count() == 0


async def _certificate_of(user_id: int) -> str:
    from market.contracts.tables import SigningCredential

    row = await SigningCredential.select(SigningCredential.cert_pem).where(SigningCredential.user == user_id).first()
    return row["cert_pem"] if row else ""


async def test_parties_hold_certificates_in_their_contract_names_before_their_first_accept(client, market):
    from contracts import holder_name

    registered = await client.post("/api/auth/register", json={
        "phone": market.next_phone(), "name": "小林", "role": "worker", "password": market.password})
    assert registered.status_code == 201, registered.text
    worker_id = registered.json()["id"]
    assert holder_name((await _certificate_of(worker_id)).encode()) == "小林", "issued on registering"
    worker = {"id": worker_id, "headers": {"Authorization": f"Bearer {market.token_for(worker_id)}"}}
    renamed = await client.put("/api/workers/me", json={"real_name": "林建国"}, headers=worker["headers"])
    assert renamed.status_code == 200, renamed.text
    certificate = await _certificate_of(worker_id)
    assert holder_name(certificate.encode()) == "林建国", "reissued when the name on contracts changed"
    employer = await market.user("employer", name="鑫盛劳务")
    assert await _certificate_of(employer["id"]) == ""
    job = await market.job(employer)
    assert holder_name((await _certificate_of(employer["id"])).encode()) == "鑫盛劳务", "issued on posting"

    accepted = await market.accept(job["id"], worker)
    assert await _certificate_of(worker_id) == certificate, "accepting used the certificate issued ahead"
    pdf = (await client.get(accepted.json()["contract"]["pdf_url"], headers=worker["headers"])).content
    verified = (await client.post("/api/contracts/verify", content=pdf,
                                  headers={"Content-Type": "application/pdf"})).json()
    assert verified["valid"] is True, verified["problems"]
    assert [s["name"] for s in verified["signers"][:2]] == ["林建国", "鑫盛劳务"]


async def test_an_employer_renamed_after_posting_signs_under_the_new_name(client, market):
    employer, worker = await market.user("employer", name="旧名称"), await market.user("worker")
    job = await market.job(employer)
    renamed = await client.put("/api/employers/me", json={"name": "新名称劳务有限公司"}, headers=employer["headers"])
    assert renamed.status_code == 200, renamed.text
    accepted = await market.accept(job["id"], worker)
    pdf = (await client.get(accepted.json()["contract"]["pdf_url"], headers=worker["headers"])).content
    verified = (await client.post("/api/contracts/verify", content=pdf,
                                  headers={"Content-Type": "application/pdf"})).json()
    assert verified["valid"] is True, verified["problems"]
    assert verified["signers"][1]["name"] == "新名称劳务有限公司"


async def test_an_employer_with_a_long_registered_name_gets_contracts_and_keeps_one_certificate(client, market):
    long_name = "福建省漳州市芗城区金源建筑装饰劳务工程有限责任公司第二分公司"
    employer = await market.user("employer", name=long_name)
    job = await market.job(employer, headcount=2)
    certificate = await _certificate_of(employer["id"])
    for worker in (await market.user("worker"), await market.user("worker")):
        accepted = await market.accept(job["id"], worker)
        assert accepted.json()["contract"] is not None, "a long name must not stop the contract"
    assert await _certificate_of(employer["id"]) == certificate, "the cut name is not taken for a rename"


def _pdf_text(pdf: bytes, tmp_path) -> str:
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext not installed (Debian package poppler-utils)")
    path = tmp_path / "contract.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, "-raw", str(path), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout.replace("\n", "")


@pytest.fixture
def unusual_rules(monkeypatch):
    """Settings other than the defaults, so a contract that states the defaults cannot pass."""
    from market.settings import reset_settings

    for name, value in {"WORKER_FREE_CANCEL_HOURS": "7", "EMPLOYER_FREE_CANCEL_HOURS": "37",
                        "CHECK_IN_FENCE_M": "333", "NO_SHOW_GRACE_MINUTES": "45",
                        "NO_SHOW_OBJECTION_HOURS": "50"}.items():
        monkeypatch.setenv(f"LINGGONG_{name}", value)
    reset_settings()
    yield
    monkeypatch.undo()
    reset_settings()


async def test_the_contract_states_the_rules_the_service_enforces(client, market, unusual_rules, tmp_path):
    from datetime import timedelta

    from market.core import clock

    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer, pay_due_hours=36)
    body = (await market.accept(job["id"], worker)).json()
    pdf = (await client.get(body["contract"]["pdf_url"], headers=worker["headers"])).content
    text = _pdf_text(pdf, tmp_path)
    for stated in ["甲方取消用工的，应至迟于开工前37小时通过平台通知乙方，迟于此时取消的记入甲方履约记录",
                   "乙方不能到岗的，应至迟于开工前7小时通过平台取消，迟于此时取消的记入乙方履约记录",
                   "在工作地点333米内", "开工前60分钟起", "开工45分钟后乙方仍未签到的", "登记后50小时内",
                   "服务期间结束后36小时内"]:
        assert stated in text, stated
    assert "12小时" not in text
    assert "签退" not in text  # the service has no check-out
    # and the service applies what the contract says: 30 h before the start is inside the employer's 37 h
    clock.shift(timedelta(hours=-6))  # the job starts 24 h after it was posted: now it is 30 h away
    cancelled = await client.post(f"/api/orders/{body['order']['id']}/cancel", headers=employer["headers"])
    assert cancelled.json()["cancel_late"] is True
