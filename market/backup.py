"""`linggong backup FILE` and `linggong restore FILE`: the database and the data dir's keys, CA and case files in one
archive with a manifest, written mode 0600 because it holds everything needed to read the market's secrets.

The archive is a gzipped tar holding `manifest.json`, the database (`database.sqlite3`, copied through SQLite's
online backup API while the app runs, or `database.pgdump`, PostgreSQL's custom format from `pg_dump`), and
`data/secret.key`, `ca/…`, `case-files/…`. The manifest lists every file with its SHA-256 and size; restoring
checks them all before it writes anything, and writes only into an empty place unless told to overwrite.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any

from market.core.keys import secret_file
from market.settings import Settings

__all__ = ["FORMAT", "BackupError", "BackupReport", "backup", "read_manifest", "restore"]

FORMAT = "linggong-backup"
_VERSION = 1
_MANIFEST = "manifest.json"
_SQLITE_NAME = "database.sqlite3"
_PG_NAME = "database.pgdump"
_SENSITIVE = ("holds the master secret (when it lives in the data dir), the platform CA's private keys and every "
              "person's data: keep it as you keep the keys (mode 0600, encrypted storage, few readers)")


class BackupError(RuntimeError):
    """A backup or restore cannot be done; the message is the one-line reason."""


@dataclass(frozen=True)
class BackupReport:
    """What a backup or restore did: the archive, its manifest and what it held."""

    path: Path
    manifest: dict[str, Any]

    def summary(self) -> str:
        """One line for the command's output."""
        files = self.manifest["files"]
        size = sum(entry["bytes"] for entry in files.values())
        return (f"{self.manifest['database']['kind']} database, {len(files)} files, {size / 1e6:.1f} MB, "
                f"{len(self.manifest['migrations'])} migrations, made {self.manifest['created_at']}")


def _ca_dir(settings: Settings) -> Path:
    return settings.ca_dir or settings.data_dir / "ca"


def _fingerprint(master: bytes) -> str:
    """Names the master secret without revealing it: equal for the same secret, useless for guessing it."""
    return hashlib.sha256(b"linggong backup fingerprint\x00" + master).hexdigest()[:16]


def _master(settings: Settings, restored: Path | None = None) -> bytes | None:
    if settings.secret_key:
        return settings.secret_key.encode()
    path = restored or secret_file(settings.data_dir)
    return path.read_text(encoding="ascii").strip().encode() if path.exists() else None


def _data_files(settings: Settings) -> Iterator[tuple[str, Path]]:
    """The files of the data dir a backup carries, by their name in the archive."""
    if not settings.secret_key and secret_file(settings.data_dir).exists():
        yield "data/secret.key", secret_file(settings.data_dir)
    for folder, prefix in ((_ca_dir(settings), "ca"), (settings.data_dir / "case-files", "case-files")):
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                yield f"{prefix}/{path.relative_to(folder).as_posix()}", path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# The database ------------------------------------------------------------------------------------------------------

def _run(command: list[str], what: str) -> str:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed: {what} needs PostgreSQL's client tools "
                          f"(Debian: postgresql-client, the server's major version or newer)")
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 (our own arguments)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip().splitlines()[-1] if done.stderr else done}")
    return done.stdout


async def _pg_query(url: str, sql: str) -> list[Any]:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        return list(await connection.fetch(sql))
    finally:
        await connection.close()


def _migrations(settings: Settings) -> list[dict[str, str]]:
    sql = "SELECT app_name, name FROM migration ORDER BY id"
    if settings.sqlite_path is not None:
        with sqlite3.connect(settings.sqlite_path) as connection:
            try:
                rows = connection.execute(sql).fetchall()
            except sqlite3.OperationalError:
                return []
    else:
        try:
            rows = [tuple(r) for r in asyncio.run(_pg_query(settings.database_url, sql))]
        except Exception:  # no migration table yet: nothing applied
            return []
    return [{"app": app, "name": name} for app, name in rows]


def _dump_database(settings: Settings, folder: Path) -> tuple[str, dict[str, Any]]:
    if settings.sqlite_path is not None:
        if not settings.sqlite_path.exists():
            raise BackupError(f"no database at {settings.sqlite_path}: nothing to back up (run `linggong migrate`)")
        target = folder / _SQLITE_NAME
        source = sqlite3.connect(settings.sqlite_path, timeout=30)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # the online backup API: a consistent copy while the app keeps writing
        finally:
            copy.close()
            source.close()
        return _SQLITE_NAME, {"kind": "sqlite", "engine_version": sqlite3.sqlite_version}
    target = folder / _PG_NAME
    tool = _run(["pg_dump", "--version"], "a PostgreSQL backup").strip()
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}",
          f"--dbname={settings.database_url}"], "a PostgreSQL backup")
    server = asyncio.run(_pg_query(settings.database_url, "SHOW server_version"))[0][0]
    return _PG_NAME, {"kind": "postgresql", "engine_version": server, "tool": tool}


def _write_private_archive(path: Path, folder: Path, names: dict[str, Path], manifest: dict[str, Any]) -> None:
    """Write the archive beside `path` with mode 0600, then move it into place (never a half-written backup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
            body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(_MANIFEST)
            info.size, info.mode, info.mtime = len(body), 0o600, int(datetime.now(UTC).timestamp())
            archive.addfile(info, io.BytesIO(body))
            for name, source in names.items():
                member = archive.gettarinfo(str(source), arcname=name)
                member.mode, member.uid, member.gid, member.uname, member.gname = 0o600, 0, 0, "", ""
                with source.open("rb") as handle:
                    archive.addfile(member, handle)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def backup(path: Path, settings: Settings) -> BackupReport:
    """Back the market up into the archive `path` (replaced if it exists), mode 0600, and report it."""
    with tempfile.TemporaryDirectory(prefix="linggong-backup-") as scratch:
        folder = Path(scratch)
        os.chmod(folder, 0o700)
        database_name, database = _dump_database(settings, folder)
        names = {database_name: folder / database_name, **dict(_data_files(settings))}
        master = _master(settings)
        try:
            release = version("linggong")
        except PackageNotFoundError:
            release = "unknown"
        manifest = {
            "format": FORMAT, "format_version": _VERSION, "sensitive": True, "sensitive_why": _SENSITIVE,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "versions": {"linggong": release, "python": platform.python_version(),
                         "sqlite": sqlite3.sqlite_version},
            "database": {**database, "file": database_name},
            "migrations": _migrations(settings),
            "secret": {"included": "data/secret.key" in names,
                       "fingerprint": _fingerprint(master) if master else None,
                       "note": "in the archive" if "data/secret.key" in names else
                       "not in the archive: it comes from LINGGONG_SECRET_KEY(_FILE); keep it with the backup"},
            "files": {name: {"sha256": _sha256(source), "bytes": source.stat().st_size}
                      for name, source in names.items()},
        }
        _write_private_archive(path, folder, names, manifest)
    return BackupReport(path=path, manifest=manifest)


# Restoring ---------------------------------------------------------------------------------------------------------

def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the archive `path`; BackupError when it is not a Linggong backup."""
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            member = archive.extractfile(_MANIFEST)
            manifest = json.loads(member.read()) if member else None
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise BackupError(f"{path} is not a readable Linggong backup ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Linggong backup (no {FORMAT} manifest)")
    if manifest.get("format_version") != _VERSION:
        raise BackupError(f"{path} is a backup of format {manifest.get('format_version')}; this version reads "
                          f"{_VERSION}")
    return manifest


def _safe(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts


def _unpack_verified(path: Path, manifest: dict[str, Any], folder: Path) -> None:
    """Unpack the files the manifest lists into `folder`, each checked against its SHA-256 and size."""
    files: dict[str, dict[str, Any]] = manifest["files"]
    with tarfile.open(path, mode="r:gz") as archive:
        for name, expected in files.items():
            if not _safe(name):
                raise BackupError(f"the backup names a file outside its place: {name!r}")
            try:
                member = archive.extractfile(name)
            except KeyError:
                member = None
            if member is None:
                raise BackupError(f"the backup lacks {name}, which its manifest lists")
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            digest = hashlib.sha256()
            with member, open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                for block in iter(lambda: member.read(1 << 20), b""):  # noqa: B023 (consumed in this iteration)
                    digest.update(block)
                    out.write(block)
            if digest.hexdigest() != expected["sha256"] or target.stat().st_size != expected["bytes"]:
                raise BackupError(f"{name} in the backup does not match its manifest (damaged or altered); "
                                  "nothing was restored")


def _database_is_empty(settings: Settings) -> bool:
    if settings.sqlite_path is not None:
        if not settings.sqlite_path.exists() or settings.sqlite_path.stat().st_size == 0:
            return True
        with sqlite3.connect(settings.sqlite_path) as connection:
            return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
    rows = asyncio.run(_pg_query(settings.database_url,
                                 "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
    return rows[0][0] == 0


def _place_files(staged: Path, settings: Settings, force: bool) -> list[tuple[Path, Path]]:
    """Where each staged key, CA and case file goes; BackupError for one that would replace a different file."""
    roots = {"data": settings.data_dir, "ca": _ca_dir(settings), "case-files": settings.data_dir / "case-files"}
    moves = []
    for source in sorted(p for p in staged.rglob("*") if p.is_file()):
        relative = source.relative_to(staged)
        if relative.parts[0] not in roots:
            continue
        target = roots[relative.parts[0]].joinpath(*relative.parts[1:])
        if target.exists() and _sha256(target) != _sha256(source) and not force:
            raise BackupError(f"{target} exists and differs from the backup's copy: restore into an empty place, "
                              "or pass --force to overwrite")
        moves.append((source, target))
    return moves


def _check_secret(manifest: dict[str, Any], settings: Settings, staged: Path) -> None:
    expected = manifest["secret"].get("fingerprint")
    restored = staged / "data" / "secret.key"
    master = _master(settings, restored if restored.exists() else None)
    if expected and (master is None or _fingerprint(master) != expected):
        where = "LINGGONG_SECRET_KEY" if settings.secret_key else f"{secret_file(settings.data_dir)}"
        raise BackupError(f"the master secret here ({where}) is not the one this backup was made with: its ID "
                          "numbers and CA keys would not open; set the backup's secret and try again")


def _restore_database(staged: Path, manifest: dict[str, Any], settings: Settings, force: bool) -> None:
    if settings.sqlite_path is not None:
        target = settings.sqlite_path
        target.parent.mkdir(parents=True, exist_ok=True)
        incoming = target.with_name(f".{target.name}.restoring")
        shutil.copyfile(staged / _SQLITE_NAME, incoming)
        os.chmod(incoming, 0o600)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # a journal of the database replaced must not be replayed onto it
        os.replace(incoming, target)
        return
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *(["--clean", "--if-exists"]
         if force else []), f"--dbname={settings.database_url}", str(staged / _PG_NAME)], "a PostgreSQL restore")


def restore(path: Path, settings: Settings, *, force: bool = False) -> BackupReport:
    """Restore the archive `path` into the database and data dir `settings` name: every file's hash checked first;
    refused (BackupError) when the database is not empty or a key file differs, unless `force`."""
    manifest = read_manifest(path)
    kind = "postgresql" if settings.is_postgres else "sqlite"
    if manifest["database"]["kind"] != kind:
        raise BackupError(f"this is a {manifest['database']['kind']} backup; the configured database is {kind}")
    with tempfile.TemporaryDirectory(prefix="linggong-restore-") as scratch:
        staged = Path(scratch)
        _unpack_verified(path, manifest, staged)
        _check_secret(manifest, settings, staged)
        if not force and not _database_is_empty(settings):
            raise BackupError("the database is not empty: restore into an empty one (a new SQLite path or a fresh "
                              "PostgreSQL database), or pass --force to overwrite it")
        moves = _place_files(staged, settings, force)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _restore_database(staged, manifest, settings, force)
        for source, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            shutil.copyfile(source, target)
            os.chmod(target, 0o600)
    return BackupReport(path=path, manifest=manifest)
