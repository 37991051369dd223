"""`linggong simulate`: one run, or with `--compare` the same city twice, tiered alerts on and off, each on its
own throwaway database (the alerts-off run in a child process, alongside: two cores, about one run's wall time);
the figures printed and written as CSV."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from market.settings import Settings, get_settings, reset_settings

__all__ = ["simulate_command", "throwaway_database"]

Runner = Callable[[Callable[[], Coroutine[Any, Any, Any]]], Any]


def throwaway_database(url: str | None) -> str:
    """Point the settings at `url`, or at a fresh SQLite file in a temporary directory (no Redis); where it is."""
    if url is None:
        place = Path(tempfile.mkdtemp(prefix="linggong-simulate-"))
        url = f"sqlite:///{place / 'simulation.sqlite3'}"
        os.environ["LINGGONG_DATA_DIR"] = str(place / "data")
        os.environ["LINGGONG_REDIS_URL"] = ""
    os.environ["LINGGONG_DATABASE_URL"] = url
    reset_settings()
    if "market.piccolo_conf" in sys.modules:  # the engine was made already: point it at the new database
        from market.core.database import current_engine, make_engine

        sys.modules["market.piccolo_conf"].DB = make_engine(get_settings())  # type: ignore[attr-defined]
        current_engine()
    return url


def _one_run(args: argparse.Namespace, alerts: bool, prepare: Callable[[Settings], None], run: Runner,
             fail: type[Exception]) -> Any:
    """Migrate the (throwaway or given) database and simulate on it; the result."""
    from market.maintenance import migrate
    from market.simulation.driver import SimConfig, simulate

    throwaway_database(args.database_url)
    prepare(get_settings())
    run(migrate)
    started, cpu = time.perf_counter(), time.process_time()

    async def go() -> Any:
        from rich.progress import Progress

        from market.demo.seed import database_is_empty

        if not await database_is_empty():
            raise fail("the database already has users; a simulation runs on an empty one")
        config = SimConfig(days=args.days, seed=args.seed, workers=args.workers, employers=args.employers,
                           alerts=alerts)
        label = f"simulating {args.days} days, alerts {'on' if alerts else 'off'}"
        if not sys.stderr.isatty():  # a log file: one line a day (wall and CPU seconds since the migration)
            return await simulate(config, progress=lambda done, total: print(
                f"{label}: day {done}/{total} ({time.perf_counter() - started:.0f} s, "
                f"{time.process_time() - cpu:.1f} s CPU)", file=sys.stderr, flush=True))
        with Progress(transient=False) as bar:
            task = bar.add_task(label, total=args.days)
            return await simulate(config, progress=lambda done, _total: bar.update(task, completed=done))

    return run(go)


def _start_off_run(args: argparse.Namespace, out: Path) -> subprocess.Popen[bytes]:
    """The same city with alerts off, in a child process writing to `out` (its output and progress in files)."""
    out.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "market.cli", "simulate", "--days", str(args.days), "--seed", str(args.seed),
               "--workers", str(args.workers), "--employers", str(args.employers), "--no-alerts", "--out", str(out)]
    env = {k: v for k, v in os.environ.items() if k not in ("LINGGONG_DATABASE_URL", "LINGGONG_DATA_DIR")}
    with (out / "output.txt").open("wb") as stdout, (out / "progress.log").open("wb") as stderr:
        return subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)  # noqa: S603 (our own command)


def simulate_command(args: argparse.Namespace, *, prepare: Callable[[Settings], None], run: Runner,
                     fail: type[Exception], where: Callable[[Settings], str]) -> None:
    """Run the command: the figures on standard output and as CSV files in `--out`."""
    from market.simulation.output import comparison_lines, summary_lines, write_alerts_csv, write_csvs

    if args.days < 1 or args.workers < 1 or args.employers < 0:
        raise fail("--days and --workers must be at least 1, --employers at least 0")
    if args.compare and args.database_url:
        raise fail("--compare runs the city twice, each on its own throwaway database: leave out --database-url")
    if args.compare and args.no_alerts:
        raise fail("--compare runs with alerts on and off already: leave out --no-alerts")
    out, started = Path(args.out), time.perf_counter()
    off = _start_off_run(args, out / "alerts-off") if args.compare else None
    try:
        result = _one_run(args, not args.no_alerts, prepare, run, fail)
    except BaseException:
        if off is not None:
            off.terminate()
        raise
    for line in summary_lines(result):
        print(line)
    written = list(write_csvs(result, out))
    if off is not None:
        if off.wait() != 0:
            raise fail(f"the run with alerts off failed: see {out / 'alerts-off' / 'progress.log'}")
        runs = {"on": json.loads((out / "run.json").read_text(encoding="utf-8")),
                "off": json.loads((out / "alerts-off" / "run.json").read_text(encoding="utf-8"))}
        written.append(write_alerts_csv(runs, out))
        for line in comparison_lines(runs):
            print(line)
    print(f"written: {', '.join(str(p) for p in written)}; {time.perf_counter() - started:.1f} s "
          f"({where(get_settings())})")
