"""Accounts on the phone, at 360×740 in zh-CN and en: sign in by SMS code, reset a forgotten password by code, open a
shared job signed out and sign up from it (landing back on the job), and log out as each role.

The server texts through the production path, the HTTP SMS gateway (`LINGGONG_SMS_URL`), pointed at a stand-in
gateway here that keeps what each phone received.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import EMPLOYER, STAFF, WORKER, _serve, open_page

SHOTS = Path(os.environ.get("LINGGONG_SHOTS", "/tmp/linggong-shots"))
WORDS = {
    "zh-CN": {"by_code": "用验证码登录", "send": "获取验证码", "code": "短信验证码", "login": "登录", "phone": "手机号",
              "forgot": "忘记密码？", "new_password": "新密码", "reset": "设置新密码并登录", "logout": "退出登录",
              "shared_register": "注册新账号", "name": "姓名", "register": "注册", "resend": "秒后重发",
              "password": "密码"},
    "en": {"by_code": "Sign in with a code", "send": "Get a code", "code": "Code from the text message",
           "login": "Log in", "phone": "Mobile number", "forgot": "Forgot password?", "new_password": "New password",
           "reset": "Set the password and sign in", "logout": "Log out", "shared_register": "Sign up",
           "name": "Name", "register": "Sign up", "resend": "Resend in", "password": "Password"},
}


class Gateway(ThreadingHTTPServer):
    """A stand-in SMS gateway: what each phone received."""

    texts: list[tuple[str, str]]

    def code_for(self, phone: str, after: int = 0, timeout_s: float = 15) -> str:
        """The code in the first text to `phone` past the first `after` texts to it, waiting for it to come."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            mine = [text for to, text in list(self.texts) if to == phone][after:]
            for text in mine:
                match = re.search(r"验证码(\d{6})", text)
                if match:
                    return match.group(1)
            time.sleep(0.1)
        raise AssertionError(f"no code reached {phone}: {self.texts}")

    def count_for(self, phone: str) -> int:
        """How many texts `phone` has received."""
        return sum(1 for to, _ in list(self.texts) if to == phone)


class _Receive(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.texts.append((body["phone"], body["text"]))  # type: ignore[attr-defined]
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def gateway() -> Iterator[Gateway]:
    """The stand-in gateway on a free port."""
    server = Gateway(("127.0.0.1", 0), _Receive)
    server.texts = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def texting_server(gateway: Gateway) -> Iterator[str]:
    """A small market that texts through the HTTP gateway. Its background jobs run in-process even when the suite
    has Redis (`linggong up` starts no arq worker): the dispatcher that sends the texts is the same code either way."""
    with _serve(5, 3, "_texting", sms_url=f"http://127.0.0.1:{gateway.server_address[1]}/send",
                redis_url="") as base:
        yield base


def shot(page: Any, name: str) -> None:
    """A PNG of the screen as it is, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def small_targets(page: Any) -> list[str]:
    """Visible links, buttons and inputs in the page's main area and header smaller than 44×44 px."""
    return page.evaluate("""() => [...document.querySelectorAll('main a, main button, main input, header button')]
        .filter((el) => el.offsetParent !== null && el.type !== 'radio')
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([el, r]) => `${el.tagName} ${(el.textContent || el.name || '').trim()} ${r.width}x${r.height}`)""")


def phone_number(seed: int) -> str:
    """A phone no demo account has."""
    return f"137{seed:04d}{int(time.time() * 1000) % 10000:04d}"


def public_job_id(base: str) -> int:
    """A job of the demo city that is open."""
    for job_id in range(1, 20):
        with urllib.request.urlopen(f"{base}/api/jobs/{job_id}/public") as answer:
            if json.loads(answer.read())["status"] == "open":
                return job_id
    raise AssertionError("no open job")


@pytest.mark.parametrize(("lang", "phone", "home"), [("zh-CN", WORKER, "#/radar"), ("en", EMPLOYER, "#/e/jobs")])
def test_sign_in_with_a_code_texted_to_the_phone(browser: Any, texting_server: str, gateway: Gateway,
                                                 lang: str, phone: str, home: str) -> None:
    words = WORDS[lang]
    page = open_page(browser, texting_server, phone=None, lang=lang)
    expect(page.get_by_role("tab", name=words["by_code"])).to_be_visible()
    assert small_targets(page) == []
    shot(page, f"login-password-{lang}")
    page.get_by_role("tab", name=words["by_code"]).click()
    panel = page.get_by_role("tabpanel")
    panel.get_by_label(words["phone"]).fill(phone)
    before = gateway.count_for(phone)
    panel.get_by_role("button", name=words["send"]).click()
    expect(panel.locator("button.send")).to_contain_text(words["resend"])  # the 60 s countdown
    expect(panel.locator("button.send")).to_be_disabled()
    panel.get_by_label(words["code"]).fill(gateway.code_for(phone, after=before))
    shot(page, f"login-code-{lang}")
    assert small_targets(page) == []
    panel.get_by_role("button", name=words["login"], exact=True).click()
    page.wait_for_url(re.compile(re.escape(home)))
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_forgotten_password_is_reset_by_code(browser: Any, texting_server: str, gateway: Gateway, lang: str) -> None:
    words = WORDS[lang]
    phone = phone_number(1 if lang == "en" else 2)
    signup = urllib.request.Request(f"{texting_server}/api/auth/register", method="POST",
                                    headers={"Content-Type": "application/json"},
                                    data=json.dumps({"phone": phone, "password": "old-passw0rd", "name": "陈阿姨",
                                                     "role": "employer"}).encode())
    assert urllib.request.urlopen(signup).status == 201
    page = open_page(browser, texting_server, phone=None, lang=lang)
    page.get_by_role("link", name=words["forgot"]).click()
    page.wait_for_url(re.compile(r"#/reset"))
    page.get_by_label(words["phone"]).fill(phone)
    page.get_by_role("button", name=words["send"]).click()
    page.get_by_label(words["code"]).fill(gateway.code_for(phone))
    page.get_by_label(words["new_password"], exact=True).fill("new-passw0rd")
    assert small_targets(page) == []
    shot(page, f"reset-{lang}")
    page.get_by_role("button", name=words["reset"]).click()
    page.wait_for_url(re.compile(r"#/e/jobs"))
    page.get_by_role("button", name=words["logout"]).click()
    page.wait_for_url(re.compile(r"#/login"))
    page.get_by_label(words["phone"]).first.fill(phone)
    page.get_by_label(words["password"], exact=True).fill("new-passw0rd")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"#/e/jobs"))
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_shared_job_opens_signed_out_and_signing_up_lands_back_on_it(browser: Any, texting_server: str,
                                                                      gateway: Gateway, lang: str) -> None:
    words = WORDS[lang]
    job_id = public_job_id(texting_server)
    page = open_page(browser, texting_server, phone=None, lang=lang)
    page.goto(f"{texting_server}/#/job/{job_id}")
    expect(page.locator("h1")).not_to_have_text("")
    expect(page.locator("main")).not_to_contain_text("1380000")  # no phone of the employer
    assert small_targets(page) == []
    shot(page, f"shared-job-{lang}")
    page.get_by_role("link", name=words["shared_register"]).click()
    page.wait_for_url(re.compile(r"#/register\?next="))
    phone = phone_number(3 if lang == "en" else 4)
    page.get_by_label(words["name"]).fill("赵小龙")
    page.get_by_label(words["phone"]).fill(phone)
    page.get_by_role("button", name=words["send"]).click()
    page.get_by_label(words["code"]).fill(gateway.code_for(phone))
    assert small_targets(page) == []
    shot(page, f"register-code-{lang}")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"#/job/{job_id}$"))
    expect(page.locator("button.primary.big")).to_be_visible()  # the worker's own job screen, with 我要接单
    expect(page.get_by_role("button", name=re.compile("分享|Share"))).to_be_visible()
    shot(page, f"job-signed-in-{lang}")
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize(("phone", "home"), [(WORKER, "#/radar"), (EMPLOYER, "#/e/jobs"), (STAFF, "#/s")])
def test_every_role_can_log_out(browser: Any, texting_server: str, phone: str, home: str, lang: str) -> None:
    page = open_page(browser, texting_server, phone=phone, lang=lang)
    page.wait_for_url(re.compile(re.escape(home)))
    logout = page.get_by_role("button", name=WORDS[lang]["logout"])
    box = logout.bounding_box()
    assert box["width"] >= 44
    assert box["height"] >= 44
    shot(page, f"header-{home.strip('#/').replace('/', '-')}-{lang}")
    logout.click()
    page.wait_for_url(re.compile(r"#/login"))
    expect(logout).to_be_hidden()
    me = page.evaluate("() => fetch('/api/auth/me').then((r) => r.status)")
    assert me == 401
    page.goto(f"{texting_server}/{home}")
    page.wait_for_url(re.compile(r"#/login"))
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_after_logging_out_signing_in_draws_the_jobs_from_the_login_answer_alone(browser: Any, texting_server: str,
                                                                                lang: str) -> None:
    """A shared phone: logging out forgot the kept radar, yet the jobs come with the login (one round trip)."""
    page = open_page(browser, texting_server, phone=WORKER, lang=lang)
    page.wait_for_url(re.compile(r"#/radar"))
    page.get_by_role("button", name=WORDS[lang]["logout"]).click()
    page.wait_for_url(re.compile(r"#/login"))
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/api/" in request.url else None)
    page.get_by_label("手机号" if lang == "zh-CN" else "Mobile number").fill(WORKER)
    page.get_by_label("密码" if lang == "zh-CN" else "Password", exact=True).fill("linggong-demo")
    page.locator("form button[type=submit]").click()
    expect(page.locator("ul.cards > li.card").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert [re.sub(r"^https?://[^/]+", "", url) for url in asked] == ["/api/auth/login"], asked
    assert page.errors == []
    page.context.close()
