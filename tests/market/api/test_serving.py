"""Serving: API docs with no CDN, compressed answers, versioned front-end URLs cached for good, HTML and JSON
revalidated with ETags (304), and the front end found inside the package."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from market.settings import reset_settings

PACKAGED_STATIC = Path(__file__).resolve().parents[3] / "market" / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
LOCAL_REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


async def _app_client() -> AsyncIterator[httpx.AsyncClient]:
    from market.app import create_app

    transport = httpx.ASGITransport(app=create_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
async def copied_static(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    """A client on an app serving a copy of the front end (LINGGONG_STATIC_DIR), so a test can edit files."""
    directory = tmp_path / "static"
    shutil.copytree(PACKAGED_STATIC, directory)
    monkeypatch.setenv("LINGGONG_STATIC_DIR", str(directory))
    reset_settings()
    try:
        async for test_client in _app_client():
            test_client.directory = directory  # type: ignore[attr-defined]
            yield test_client
    finally:
        monkeypatch.delenv("LINGGONG_STATIC_DIR")
        reset_settings()


def import_map(html: str) -> dict[str, str]:
    found = re.search(r'<script type="importmap">(.*?)</script>', html, re.S)
    assert found, html
    return json.loads(found[1])["imports"]


async def test_the_api_docs_reference_no_outside_host_and_their_assets_are_served(client):
    page = await client.get("/api/docs")
    assert page.status_code == 200
    head = page.text.split("<body>")[0]
    references = LOCAL_REF.findall(head)
    assert len(references) >= 3, head  # stylesheet, bundle, preset, icon
    for reference in references:
        assert reference.startswith("/"), reference
        asset = await client.get(reference)
        assert asset.status_code == 200, reference
        assert asset.headers["cache-control"] == "max-age=31536000, public, immutable"
    assert "cdn." not in page.text


async def test_redoc_is_served_from_our_files_and_the_schema_stays(client):
    page = await client.get("/api/docs/redoc")
    assert page.status_code == 200
    scripts = [ref for ref in LOCAL_REF.findall(page.text) if ref.endswith(".js")]
    assert scripts, page.text
    for script in scripts:
        assert script.startswith("/api/docs/assets/"), script
        assert (await client.get(script)).status_code == 200
    assert "fonts.googleapis" not in page.text
    assert "cdn." not in page.text
    assert (await client.get("/api/docs/scalar")).status_code == 404
    assert (await client.get("/api/docs/openapi.json")).json()["openapi"].startswith("3.1")


@pytest.mark.parametrize("encoding", ["br", "gzip"])
@pytest.mark.parametrize("path", ["/api/docs/openapi.json", "/app.css", "/js/i18n.js", "/"])
async def test_answers_are_compressed_for_clients_that_take_it(client, path, encoding):
    plain = await client.get(path, headers={"Accept-Encoding": "identity"})
    packed = await client.get(path, headers={"Accept-Encoding": f"{encoding}, deflate"})
    assert plain.status_code == packed.status_code == 200
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == encoding
    assert "accept-encoding" in packed.headers["vary"].lower()
    assert packed.content == plain.content  # httpx decodes: the same document
    assert packed.num_bytes_downloaded < 0.8 * plain.num_bytes_downloaded


async def test_a_list_the_api_answers_is_compressed(client, market):
    worker = await market.user("worker")
    answer = await client.get("/api/jobs", headers={**worker["headers"], "Accept-Encoding": "br"})
    assert answer.status_code == 200
    assert answer.headers.get("content-encoding") == "br" or len(answer.content) < 500


async def test_the_shell_versions_every_asset_and_module_import(client):
    shell = await client.get("/")
    assert shell.status_code == 200
    assert shell.headers["cache-control"] == "no-cache"
    assert shell.headers["etag"]
    modules = import_map(shell.text)
    scripts = sorted(p.relative_to(PACKAGED_STATIC).as_posix() for p in (PACKAGED_STATIC / "js").glob("*.js"))
    assert sorted(m.lstrip("/") for m in modules) == scripts
    assert re.search(r'href="/app\.css\?v=[0-9a-f]{16}"', shell.text)
    assert re.search(r'rel="modulepreload" href="/js/app\.js\?v=[0-9a-f]{16}"', shell.text)
    assert shell.text.index('type="importmap"') < shell.text.index("modulepreload")
    for plain, versioned in modules.items():
        assert versioned.startswith(f"{plain}?v=")
        asset = await client.get(versioned)
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == IMMUTABLE
        assert asset.headers["content-type"].startswith("text/javascript")


async def test_unversioned_or_stale_urls_are_revalidated_not_kept(client):
    for url in ("/js/app.js", "/js/app.js?v=0000000000000000", "/app.css"):
        asset = await client.get(url)
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == "no-cache", url


@pytest.mark.parametrize("path", ["/", "/app.css", "/js/worker.js"])
async def test_a_returning_phone_gets_304_for_what_it_has(client, path):
    first = await client.get(path)
    again = await client.get(path, headers={"If-None-Match": first.headers["etag"], "Accept-Encoding": "br"})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]


async def test_api_json_is_revalidated_with_an_etag(client, market):
    worker = await market.user("worker")
    first = await client.get("/api/workers/me", headers=worker["headers"])
    assert first.status_code == 200
    assert first.headers["cache-control"] == "private, no-cache"  # someone's data: no shared cache keeps it
    again = await client.get("/api/workers/me", headers={**worker["headers"], "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    changed = await client.put("/api/workers/me", headers=worker["headers"], json={"max_distance_km": 7})
    assert changed.status_code == 200, changed.text
    after = await client.get("/api/workers/me", headers={**worker["headers"], "If-None-Match": first.headers["etag"]})
    assert after.status_code == 200
    assert after.json()["max_distance_km"] == 7
    public = await client.get("/api/health")
    assert public.headers["cache-control"] == "no-cache"
    assert "etag" in public.headers


async def test_errors_and_writes_carry_no_validator(client):
    missing = await client.get("/api/jobs/1", headers={"If-None-Match": "*"})
    assert missing.status_code in (401, 404)
    assert "etag" not in missing.headers
    assert (await client.get("/no-such-file.js")).json()["code"] == "not_found"


async def test_asset_urls_change_when_content_changes(copied_static):
    client = copied_static
    before = await client.get("/")
    old = import_map(before.text)
    ui = client.directory / "js" / "ui.js"
    ui.write_text(ui.read_text() + "\n// changed\n")
    after = await client.get("/", headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200  # the shell changed with it
    new = import_map(after.text)
    assert new["/js/ui.js"] != old["/js/ui.js"]
    assert {k: v for k, v in new.items() if k != "/js/ui.js"} == {k: v for k, v in old.items() if k != "/js/ui.js"}
    assert (await client.get(new["/js/ui.js"])).text.endswith("// changed\n")
    assert (await client.get(new["/js/ui.js"])).headers["cache-control"] == IMMUTABLE
    assert (await client.get(old["/js/ui.js"])).headers["cache-control"] == "no-cache"


async def test_the_front_end_ships_in_the_package(monkeypatch, tmp_path):
    monkeypatch.delenv("LINGGONG_STATIC_DIR", raising=False)
    monkeypatch.chdir(tmp_path)  # no static/ in the working directory to fall back on
    reset_settings()
    async for test_client in _app_client():
        shell = await test_client.get("/")
        assert shell.status_code == 200
        assert "零工" in shell.text


def _precache(worker_js: str) -> list[str]:
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker_js).group(1))


async def test_the_service_worker_keeps_every_versioned_file_and_changes_with_them(copied_static):
    client = copied_static
    worker = await client.get("/sw.js")
    assert worker.status_code == 200
    assert worker.headers["content-type"].startswith("text/javascript")
    assert worker.headers["cache-control"] == "no-cache"  # a phone checks it for a new version each time
    shell = await client.get("/")
    precache = _precache(worker.text)
    assert set(import_map(shell.text).values()) <= set(precache), "every module the shell maps is kept"
    assert any(url.startswith("/app.css?v=") for url in precache)
    assert not any(url.startswith(("/sw.js", "/index.html")) for url in precache)
    assert "/sw.js" not in import_map(shell.text)
    assert "__VERSION__" not in worker.text
    ui = client.directory / "js" / "ui.js"
    ui.write_text(ui.read_text() + "\n// changed\n")
    changed = await client.get("/sw.js", headers={"If-None-Match": worker.headers["etag"]})
    assert changed.status_code == 200, "a deploy gives phones a new service worker"
    assert _precache(changed.text) != precache
    new_ui = import_map((await client.get("/")).text)["/js/ui.js"]
    assert new_ui in _precache(changed.text)
