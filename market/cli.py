"""The `linggong` command: up, serve, migrate, worker, demo, import-places, create-staff, backup, restore, simulate.

Commands import what they need inside their function: `linggong --help` and a mistyped command answer at once
instead of loading Litestar, Piccolo and the signing stack first (start-up time, not import cycles).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import socket
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import market  # noqa: F401  (sets PICCOLO_CONF before Piccolo is imported)
from market.settings import Settings, SettingsError, get_settings

__all__ = ["main", "uvicorn_proxy_options"]


class CommandError(Exception):
    """A command cannot do its job; the message is the one-line reason shown to the user."""


def _where(settings: Settings) -> str:
    database = settings.sqlite_path or settings.database_url.split("@")[-1]
    return f"data dir {settings.data_dir} · database {database}"


def _run(coroutine_factory: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    return asyncio.run(_with_pool(coroutine_factory))


async def _with_pool(coroutine_factory: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    from market.background.wiring import install
    from market.core.database import close_pool, open_pool

    install()  # the command's writes go through the same unit of work, subscribers and all, as the app's
    await open_pool(max_size=4)
    try:
        return await coroutine_factory()
    finally:
        await close_pool()


def _prepare(settings: Settings) -> None:
    from market.core.keys import ensure_secret_file, get_keyring

    settings.check_for_production()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not settings.secret_key:
        ensure_secret_file(settings.data_dir)
    get_keyring()


def cmd_migrate(_: argparse.Namespace) -> None:
    """Apply migrations to the configured database, and create the platform CA and seal when missing."""
    from market.contracts.authority import ensure_authority
    from market.maintenance import migrate

    settings = get_settings()
    _prepare(settings)
    _run(migrate)
    # Production never creates the CA on demand (app processes must not race to make different roots): this one-shot
    # step does, into the data dir (or LINGGONG_CA_DIR) that the app and worker share.
    authority = ensure_authority()
    print(f"migrations applied ({_where(settings)}); platform CA in {authority}")


def _seed(workers: int, jobs: int) -> None:
    from rich.progress import Progress

    from market.demo.seed import database_is_empty, seed_city

    async def go() -> None:
        if not await database_is_empty():
            raise CommandError("the database already has users; the demo city loads only into an empty one")
        with Progress(transient=False) as bar:
            tasks: dict[str, Any] = {}

            def report(label: str, count: int) -> None:
                if label not in tasks:
                    tasks[label] = bar.add_task(f"seeding {label}", total=None)
                bar.advance(tasks[label], count)

            city = await seed_city(workers, jobs, progress=report)
        print(f"demo city loaded: {len(city.workers)} workers, {len(city.employers)} employers, "
              f"{len(city.jobs)} jobs, {len(city.stations)} stations")

    _run(go)


def cmd_demo(args: argparse.Namespace) -> None:
    """Load a believable demo city into an empty database."""
    from market.maintenance import migrate

    settings = get_settings()
    _prepare(settings)
    _run(migrate)
    _seed(args.workers, args.jobs)
    print(f"({_where(settings)})")
    _print_logins(settings.public_url)


def cmd_import_places(args: argparse.Namespace) -> None:
    """Load or update the city's place list from a CSV of name,district,address,lat,lon[,radius_m]."""
    from market.maintenance import migrate
    from market.places.importing import import_places

    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {args.file}: {exc}") from exc
    settings = get_settings()
    _prepare(settings)
    _run(migrate)
    report = _run(lambda: import_places(text))
    for line, reason in report.bad:
        print(f"{args.file}:{line}: {reason}", file=sys.stderr)
    print(f"{report.summary()} ({_where(settings)})")
    if report.bad:
        raise CommandError(f"{len(report.bad)} bad lines in {args.file} (listed above; the good lines are loaded)")


def _print_logins(url: str) -> None:
    from market.demo.backoffice import DEMO_ADMIN_NAME, DEMO_ADMIN_PHONE
    from market.demo.city import DEMO_EMPLOYER, DEMO_PASSWORD, DEMO_STAFF, DEMO_WORKER
    from market.demo.wages import DEMO_SUPERVISOR_NAME, DEMO_SUPERVISOR_PHONE

    print(f"\n  Linggong 零工市场 · {url}")
    print(f"  API docs 接口文档:  {url}/api/docs\n")
    print("  demo logins 演示账号 (phone / password):")
    print(f"    worker   求职者   {DEMO_WORKER.phone} / {DEMO_PASSWORD}   ({DEMO_WORKER.name})")
    print(f"    employer 用工方   {DEMO_EMPLOYER.phone} / {DEMO_PASSWORD}   ({DEMO_EMPLOYER.name})")
    print(f"    staff    驿站人员 {DEMO_STAFF.phone} / {DEMO_PASSWORD}   ({DEMO_STAFF.name})")
    print(f"    supervisor 人社部门 {DEMO_SUPERVISOR_PHONE} / {DEMO_PASSWORD}   ({DEMO_SUPERVISOR_NAME})")
    print(f"    admin    管理员   {DEMO_ADMIN_PHONE} / {DEMO_PASSWORD}   ({DEMO_ADMIN_NAME}, the back office)\n")


def uvicorn_proxy_options(settings: Settings) -> dict[str, Any]:
    """How uvicorn treats X-Forwarded-For: believed only from `LINGGONG_TRUSTED_PROXIES`, ignored without any."""
    if not settings.trusted_proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": list(settings.trusted_proxies)}


def _serve(host: str, port: int, workers: int) -> None:
    import os

    import uvicorn

    from market.settings import reset_settings

    # Links on contracts and QR codes point where this server answers, unless a public URL is configured.
    os.environ.setdefault("LINGGONG_PUBLIC_URL", f"http://{host}:{port}")
    reset_settings()
    uvicorn.run("market.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info", **uvicorn_proxy_options(get_settings()))


def _check_port_free(host: str, port: int) -> None:
    """Refuse at once when the server could not listen on host:port, before anything is migrated or printed."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise CommandError(f"地址无效 cannot listen on {host}: unknown address ({exc})") from exc
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a closing port is free
        try:
            probe.bind(address)
        except OSError as exc:
            raise CommandError(f"端口已被占用 port {port} on {host} is in use (is another linggong running?); "
                               f"stop it or choose another with --port ({exc.strerror})") from exc


def cmd_serve(args: argparse.Namespace) -> None:
    """Serve the app (migrations already applied)."""
    _check_port_free(args.host, args.port)
    settings = get_settings()
    _prepare(settings)
    print(f"serving on http://{args.host}:{args.port} ({_where(settings)})")
    _serve(args.host, args.port, args.workers)


def cmd_up(args: argparse.Namespace) -> None:
    """The embedded default in one step: data dir, keys, migrations, demo city when empty, serve."""
    from market.demo.seed import database_is_empty
    from market.maintenance import migrate

    _check_port_free(args.host, args.port)
    settings = get_settings()
    _prepare(settings)
    _run(migrate)
    if _run(database_is_empty):
        print("empty database: loading the demo city 载入演示城市…")
        _seed(args.workers, args.jobs)
    print(f"ready ({_where(settings)})")
    _print_logins(f"http://{args.host}:{args.port}")
    _serve(args.host, args.port, 1)


def cmd_worker(_: argparse.Namespace) -> None:
    """Run the arq worker for background jobs (needs LINGGONG_REDIS_URL)."""
    settings = get_settings()
    if not settings.redis_url:
        raise CommandError("LINGGONG_REDIS_URL is not set; without Redis, jobs run inside `linggong up`/`serve`")
    _prepare(settings)
    import logging.config

    from arq.logs import default_log_config

    from market.background.worker import run_worker

    config = default_log_config(verbose=False)
    config["loggers"]["market"] = {"handlers": ["arq.standard"], "level": "INFO"}  # outages, failed jobs
    logging.config.dictConfig(config)
    print(f"arq worker on {settings.redis_url.split('@')[-1]} ({_where(settings)})")
    run_worker()


def cmd_backup(args: argparse.Namespace) -> None:
    """Back the database, the keys, the CA and the case files up into one file (mode 0600), while the app runs."""
    from market.backup import BackupError, backup

    settings = get_settings()
    try:
        report = backup(Path(args.file), settings)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"backup written to {report.path} (mode 0600): {report.summary()} ({_where(settings)})")
    print(f"敏感文件 SENSITIVE: {report.manifest['sensitive_why']}")
    if not report.manifest["secret"]["included"]:
        print("the master secret is NOT in it (it comes from LINGGONG_SECRET_KEY): keep that secret with the backup")


def cmd_restore(args: argparse.Namespace) -> None:
    """Restore a backup into an empty database and data dir (checked against its manifest first)."""
    from market.backup import BackupError, restore

    settings = get_settings()
    try:
        report = restore(Path(args.file), settings, force=args.force)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    print(f"restored {report.path}: {report.summary()} ({_where(settings)})")
    print("next: `linggong migrate` (brings an older backup up to this version), then serve")


def _read_password(from_stdin: bool) -> str:
    """Ask on the terminal; without one (a pipe, a script, `docker compose run -T`), take the first line of stdin."""
    if not from_stdin and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("password 密码: ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line.strip():
        raise CommandError("未提供密码 no password given: without a terminal, pipe it in, e.g. "
                           "`printf '%s\\n' \"$PASSWORD\" | linggong create-staff … --password-stdin`")
    return line.rstrip("\r\n")


def cmd_create_staff(args: argparse.Namespace) -> None:
    """Create a station staff, supervisor or admin account."""
    from market.accounts.tables import Role
    from market.stations.staff import create_staff

    password = _read_password(args.password_stdin)
    settings = get_settings()
    _prepare(settings)
    if args.admin and args.supervisor:
        raise CommandError("--admin and --supervisor exclude each other: an account has one role")
    role = Role.admin if args.admin else Role.supervisor if args.supervisor else Role.staff
    if args.station is not None and role != Role.staff:
        raise CommandError("--station is for station staff: supervisors and admins belong to no station")
    user_id = _run(lambda: create_staff(phone=args.phone, name=args.name, password=password,
                                        station_id=args.station, role=role))
    print(f"{role} account {user_id} created for {args.phone} ({_where(settings)})")


def cmd_simulate(args: argparse.Namespace) -> None:
    """Drive a simulated city through the real services for N days; per-day figures and comparisons as CSV."""
    from market.simulation.command import simulate_command

    simulate_command(args, prepare=_prepare, run=_run, fail=CommandError, where=_where)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="linggong", description="Linggong 零工: a city-wide gig-labour market")
    commands = parser.add_subparsers(dest="command", required=True)
    up_does = "data dir, migrations, keys, demo city when empty, serve on 127.0.0.1:8000"
    up = commands.add_parser("up", help=up_does, description=f"{up_does}; prints the demo logins")
    up.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    up.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    up.add_argument("--workers", type=int, default=300, help="demo workers to seed into an empty database")
    up.add_argument("--jobs", type=int, default=120, help="demo jobs to seed into an empty database")
    up.set_defaults(handler=cmd_up)
    serve = commands.add_parser("serve", help="serve the app (migrations already applied)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.set_defaults(handler=cmd_serve)
    commands.add_parser("migrate", help="apply migrations").set_defaults(handler=cmd_migrate)
    commands.add_parser("worker", help="run the arq worker (needs LINGGONG_REDIS_URL)").set_defaults(
        handler=cmd_worker)
    demo = commands.add_parser("demo", help="seed a believable demo city into an empty database")
    demo.add_argument("--workers", type=int, default=1000)
    demo.add_argument("--jobs", type=int, default=300)
    demo.set_defaults(handler=cmd_demo)
    places = commands.add_parser("import-places", help="load or update the city's place list from a CSV",
                                 description="CSV columns: name,district,address,lat,lon[,radius_m] (WGS-84); "
                                             "a place is its district and name: loading again updates it")
    places.add_argument("file", help="the CSV file (UTF-8)")
    places.set_defaults(handler=cmd_import_places)
    staff = commands.add_parser("create-staff", help="create a station staff, supervisor or admin account")
    staff.add_argument("--phone", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--station", type=int, help="station id the staff member works at")
    staff.add_argument("--admin", action="store_true", help="an admin (the back office) instead of station staff")
    staff.add_argument("--supervisor", action="store_true",
                       help="a supervisor (the labour bureau: every station's cases, warnings and figures)")
    staff.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    staff.set_defaults(handler=cmd_create_staff)
    saved = commands.add_parser("backup", help="back up the database, keys, CA and case files into FILE (sensitive)",
                                description="safe while the app runs; FILE is written mode 0600 and holds the "
                                            "market's keys and personal data")
    saved.add_argument("file", help="the archive to write (a .tar.gz)")
    saved.set_defaults(handler=cmd_backup)
    back = commands.add_parser("restore", help="restore FILE into an empty database and data dir",
                               description="every file is checked against the backup's manifest first")
    back.add_argument("file", help="an archive made by `linggong backup`")
    back.add_argument("--force", action="store_true", help="overwrite a database or keys that are not empty")
    back.set_defaults(handler=cmd_restore)
    simulate = commands.add_parser("simulate", help="drive a simulated city through the real services",
                                   description="N days of a city on a throwaway database (unless --database-url); "
                                               "per-day figures and the employers' latent honesty as CSV")
    simulate.add_argument("--days", type=int, required=True)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.add_argument("--workers", type=int, default=300)
    simulate.add_argument("--employers", type=int, default=0, help="default: one per ten workers (at least 5)")
    simulate.add_argument("--out", default="simulation", help="directory for the CSV files (docs/simulation.md)")
    simulate.add_argument("--compare", action="store_true",
                          help="run the same city again with tiered alerts off and compare the fill figures")
    simulate.add_argument("--no-alerts", action="store_true", help="one run with tiered alerts off")
    simulate.add_argument("--database-url", help="an empty database to simulate on instead of a throwaway one")
    simulate.set_defaults(handler=cmd_simulate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `linggong` console script."""
    args = _parser().parse_args(argv)
    try:
        args.handler(args)
    except (CommandError, SettingsError) as exc:
        print(f"linggong {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the one-line reason, not a traceback, for anything a command cannot do
        print(f"linggong {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
