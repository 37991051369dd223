"""`linggong backup` and `linggong restore`: a backup taken while the app serves, restored into an empty place, still
proves a contract signed before it; the archive is private, checked file by file, and never lands on a database
that has data (or a data dir with other keys) unless forced."""

from __future__ import annotations

import asyncio
import io
import os
import sqlite3
import stat
import tarfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contracts import create_platform_ca, verify_contract
from market.backup import BackupError, backup, read_manifest, restore
from market.core.database import current_engine
from market.core.identity import make_resident_id
from market.core.personal_data import decrypt
from market.settings import Settings, get_settings
from tests.market.conftest import ON_POSTGRES

ID_NUMBER = make_resident_id("350203", date(1988, 3, 9), 41)


async def signed_contract(client: Any, market: Any) -> dict[str, Any]:
    """A worker with an ID number accepts a job: the contract's number, hash and signed PDF."""
    employer, worker = await market.user("employer", name="张老板"), await market.user("worker", name="林建国")
    answer = await client.put("/api/workers/me", json={"real_name": "林建国", "id_number": ID_NUMBER},
                              headers=worker["headers"])
    assert answer.status_code == 200, answer.text
    job = await market.job(employer)
    accepted = await market.accept(job["id"], worker)
    assert accepted.status_code == 201, accepted.text
    contract = accepted.json()["contract"]
    pdf = await client.get(f"/api/contracts/{contract['id']}/pdf", headers=worker["headers"])
    assert pdf.status_code == 200
    return {**contract, "pdf": pdf.content, "worker_id": worker["id"]}


def serving_settings() -> Settings:
    """The settings of the market the tests serve (the suite points the engine at each test's own SQLite file)."""
    settings = get_settings()
    return settings if ON_POSTGRES else replace(settings, database_url=f"sqlite:///{current_engine().path}")  # type: ignore[attr-defined]


def elsewhere(place: Path) -> Settings:
    """An empty place of the serving database's kind (on PostgreSQL the suite's own database: never reached, as
    the refusals tested with it come before the database is looked at)."""
    source = serving_settings()
    url = source.database_url if ON_POSTGRES else f"sqlite:///{place / 'linggong.sqlite3'}"
    return replace(source, data_dir=place, database_url=url, ca_dir=None)


async def proves(pdf: bytes, ca_dir: Path) -> bool:
    """Whether the contract verifies against the root certificate kept in `ca_dir` (pyHanko runs its own loop:
    off this one)."""
    result = await asyncio.to_thread(verify_contract, pdf, [(ca_dir / "platform-root.pem").read_bytes()])
    assert result.valid or {p.code for p in result.problems} == {"untrusted_chain"}, result.problems
    return result.valid


def check_archive(path: Path, source: Settings) -> dict[str, Any]:
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    manifest = read_manifest(path)
    assert manifest["sensitive"] is True
    assert {"ca/platform-root.pem", "ca/platform-root.key.pem", "ca/platform-seal.pem"} <= set(manifest["files"])
    assert manifest["secret"]["included"] is False, "the suite's secret comes from LINGGONG_SECRET_KEY"
    assert manifest["secret"]["fingerprint"]
    assert {"app": "exports", "name": "2026-12-01T15:36:10:000000"} in manifest["migrations"]
    assert manifest["database"]["kind"] == ("postgresql" if source.is_postgres else "sqlite")
    return manifest


@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite round trip; the PostgreSQL one is below")
async def test_sqlite_backup_restores_into_an_empty_place_and_proves_an_old_contract(client, market, tmp_path):
    contract = await signed_contract(client, market)
    source = serving_settings()
    archive = tmp_path / "city.tar.gz"
    await asyncio.to_thread(backup, archive, source)
    check_archive(archive, source)
    await market.user("worker", name="备份之后")  # the app keeps writing: the backup is the moment it was taken

    place = tmp_path / "restored"
    target = replace(source, data_dir=place, database_url=f"sqlite:///{place / 'linggong.sqlite3'}", ca_dir=None)
    await asyncio.to_thread(restore, archive, target)

    assert await proves(contract["pdf"], place / "ca")
    other = tmp_path / "other-ca"
    other.mkdir()
    (other / "platform-root.pem").write_bytes(create_platform_ca(b"another passphrase").cert_pem)
    assert not await proves(contract["pdf"], other), "a different CA does not vouch for it"
    with sqlite3.connect(place / "linggong.sqlite3") as restored:
        row = restored.execute("SELECT sha256, pdf FROM contracts WHERE number = ?", (contract["number"],)).fetchone()
        assert row == (contract["sha256"], contract["pdf"])
        sealed = restored.execute("SELECT id_number_encrypted FROM worker_profiles WHERE user = ?",
                                  (contract["worker_id"],)).fetchone()[0]
        assert decrypt(sealed, context="worker.id_number") == ID_NUMBER
        assert restored.execute("SELECT count(*) FROM users WHERE name = '备份之后'").fetchone() == (0,)

    with pytest.raises(BackupError, match="not empty"):
        await asyncio.to_thread(restore, archive, target)
    await asyncio.to_thread(restore, archive, target, force=True)


async def test_a_damaged_backup_restores_nothing(client, market, tmp_path):
    await signed_contract(client, market)
    archive = tmp_path / "city.tar.gz"
    await asyncio.to_thread(backup, archive, serving_settings())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as original, tarfile.open(damaged, "w:gz") as copy:
        for member in original.getmembers():
            body = original.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "ca/platform-root.pem":
                body = body.replace(b"MII", b"MIJ", 1)
            copy.addfile(member, io.BytesIO(body))
    place = tmp_path / "restored"
    with pytest.raises(BackupError, match="does not match its manifest"):
        await asyncio.to_thread(restore, damaged, elsewhere(place))
    assert not place.exists(), "nothing was written"


async def test_a_restore_with_another_master_secret_is_refused(client, market, tmp_path):
    archive = tmp_path / "city.tar.gz"
    await asyncio.to_thread(backup, archive, serving_settings())
    place = tmp_path / "restored"
    target = replace(elsewhere(place), secret_key="another-secret-that-is-long-enough-0123456789")
    with pytest.raises(BackupError, match="master secret"):
        await asyncio.to_thread(restore, archive, target)
    assert not place.exists(), "nothing was written"


@pytest.mark.skipif(not ON_POSTGRES, reason="needs LINGGONG_DATABASE_URL on PostgreSQL")
async def test_postgres_backup_restores_into_a_fresh_database_and_proves_an_old_contract(client, market, tmp_path):
    import asyncpg

    from tests.market.conftest import ADMIN_DB_URL, TEST_DB_URL

    contract = await signed_contract(client, market)
    source = serving_settings()
    archive = tmp_path / "city.tar.gz"
    await asyncio.to_thread(backup, archive, source)
    check_archive(archive, source)

    scratch = f"h_exports_restore_{os.getpid()}"
    admin = await asyncpg.connect(ADMIN_DB_URL)
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)")
        await admin.execute(f"CREATE DATABASE {scratch}")
        url = TEST_DB_URL.rsplit("/", 1)[0] + f"/{scratch}"
        place = tmp_path / "restored"
        target = replace(source, data_dir=place, database_url=url, ca_dir=None)
        await asyncio.to_thread(restore, archive, target)
        assert await proves(contract["pdf"], place / "ca")
        restored = await asyncpg.connect(url)
        try:
            row = await restored.fetchrow("SELECT sha256, pdf FROM contracts WHERE number = $1", contract["number"])
            assert (row["sha256"], bytes(row["pdf"])) == (contract["sha256"], contract["pdf"])
            sealed = await restored.fetchval('SELECT id_number_encrypted FROM worker_profiles WHERE "user" = $1',
                                             contract["worker_id"])
            assert decrypt(sealed, context="worker.id_number") == ID_NUMBER
        finally:
            await restored.close()
        with pytest.raises(BackupError, match="not empty"):
            await asyncio.to_thread(restore, archive, target)
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)")
        await admin.close()


def test_the_commands_refuse_in_one_line(tmp_path, capsys, monkeypatch):
    from market.cli import main
    from market.settings import reset_settings

    monkeypatch.setenv("LINGGONG_DATA_DIR", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("LINGGONG_DATABASE_URL", f"sqlite:///{tmp_path / 'nothing-here' / 'db.sqlite3'}")
    reset_settings()
    try:
        assert main(["backup", str(tmp_path / "b.tar.gz")]) == 2
        assert main(["restore", str(tmp_path / "missing.tar.gz")]) == 2
    finally:
        monkeypatch.undo()
        reset_settings()
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("linggong backup: no database at ")
    assert "nothing to back up" in lines[0]
    assert lines[1].startswith("linggong restore: ")
    assert "not a readable Linggong backup" in lines[1]
    assert not (tmp_path / "b.tar.gz").exists()
