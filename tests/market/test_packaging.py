"""A plain `pip install .` serves the UI: the wheel carries the front end and Swagger UI, and an app installed from
it (not from this checkout) answers `/`, the modules and the API docs' assets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

# Run inside the throwaway venv, away from the checkout: which copy of `market` it imports and what it serves.
PROBE = """
import asyncio, json, httpx, market
from market.app import create_app

async def main():
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        shell = await client.get("/")
        docs = await client.get("/api/docs")
        paths = ["/js/app.js", "/app.css"] + [p for p in docs.text.split('"') if p.startswith("/api/docs/assets/")]
        statuses = {p: (await client.get(p)).status_code for p in paths}
    print(json.dumps({"market": market.__file__, "shell": shell.status_code, "title": "零工" in shell.text,
                      "assets": statuses}))

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from what the Dockerfile copies (so the build leaves nothing in the checkout)."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
        shutil.copy(REPOSITORY / name, source / name)
    for package in ("market", "matching", "contracts"):
        shutil.copytree(REPOSITORY / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out),
                            str(source)], capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr[-2000:]
    (found,) = out.glob("linggong-*.whl")
    return found


def test_the_wheel_carries_the_front_end_and_the_docs_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    static = REPOSITORY / "market" / "static"
    expected = {f"market/static/{p.relative_to(static).as_posix()}" for p in static.rglob("*") if p.is_file()}
    assert {"market/static/index.html", "market/static/app.css", "market/static/js/app.js"} <= expected
    assert expected <= names, expected - names


def test_an_install_from_the_wheel_serves_the_ui(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINGGONG_") and k != "PYTHONPATH"}
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                                "--no-deps", "--no-index", str(wheel)], env=env, capture_output=True, text=True,
                               timeout=300, check=False)
    assert installed.returncode == 0, installed.stderr[-2000:]
    # The dependencies come from this interpreter's site-packages, as a plain path: its .pth files (among them
    # the editable install of this checkout) are not run, so `market` can only come from the wheel.
    env.update({"PYTHONPATH": sysconfig.get_paths()["purelib"], "LINGGONG_DATA_DIR": str(tmp_path / "data"),
                "LINGGONG_ENV": "test", "LINGGONG_SECRET_KEY": "packaging-test-secret-key-long-enough-0123456789"})
    probe = subprocess.run([str(python), "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=120, check=False)
    assert probe.returncode == 0, probe.stderr[-2000:]
    answer = json.loads(probe.stdout.strip().splitlines()[-1])
    assert answer["market"].startswith(str(venv)), answer  # the installed copy, not this checkout
    assert answer["shell"] == 200
    assert answer["title"]
    assert len(answer["assets"]) >= 4
    assert set(answer["assets"].values()) == {200}, answer["assets"]
