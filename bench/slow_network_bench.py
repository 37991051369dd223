"""Login tap → jobs on screen, on slow networks: Chromium's own network emulation (CDP), the demo worker, a fresh
market started here (`linggong up`, production password hashing). Prints one line per case and run.

Usage: python bench/slow_network_bench.py [--runs N] [--base URL]

Cases (figures go in docs/benchmarks.md):
- cold:   a phone that never opened the app; it loads the login page, the person types (the bench waits for the page
          to be idle, as typing takes longer than that), taps 登录; the clock stops when the first job card is drawn.
- cold-no-sw: the same with the service worker blocked (a browser without one, or the very first seconds).
- warm:   the same phone later, its session ran out: the app is in its caches (and the last radar it saw, drawn at
          once while the fresh one comes); it opens the login page and taps again.
- warm-logout: the same after logging out on purpose (which forgets the kept answers: a shared phone).
Networks: 400 kbps down and up with 400 ms round trips, and "Slow 3G" as the issue defines it (400 kbps, 2 s).
Emulation applies to every request the page makes (the API is never answered by the service worker).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, PASSWORD, WORKER, _serve

NETWORKS = {"400kbps/400ms": (400, 400), "slow3g 400kbps/2s": (400, 2000)}
CLOCK = """() => new Promise((resolve) => {
  const started = window.__tap;
  const seen = () => document.querySelector('ul.cards > li.card');
  if (seen()) { resolve(performance.now() - started); return; }
  new MutationObserver((_, observer) => {
    if (seen()) { observer.disconnect(); resolve(performance.now() - started); }
  }).observe(document.getElementById('main'), { childList: true, subtree: true });
})"""
LOG_OUT = """async () => {
  await fetch('/api/auth/logout', { method: 'POST' });
  await caches.delete('lg-data');
  localStorage.removeItem('lg.savedFor');
  localStorage.removeItem('lg.user');
}"""
TAP = "() => { window.__tap = performance.now(); document.querySelector('form button[type=submit]').click(); }"


def _throttle(context: Any, page: Any, kbps: int, rtt_ms: int) -> None:
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = kbps * 1000 / 8
    session.send("Network.emulateNetworkConditions", {"offline": False, "latency": rtt_ms,
                                                      "downloadThroughput": rate, "uploadThroughput": rate})


def _login_to_jobs(page: Any, base: str) -> float:
    page.goto(f"{base}/#/login")
    page.wait_for_selector("input[name=phone]")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=phone]", WORKER)
    page.fill("input[name=password]", PASSWORD)
    page.evaluate(TAP)
    return float(page.evaluate(CLOCK))


def run(base: str, runs: int) -> list[tuple[str, str, list[float]]]:
    """Each case on each network `runs` times: milliseconds from the tap to the first job card."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for network, (kbps, rtt) in NETWORKS.items():
            cold, cold_no_sw, warm, warm_logout = [], [], [], []
            for _ in range(runs):
                for times, workers in ((cold, "allow"), (cold_no_sw, "block")):
                    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN",
                                                  service_workers=workers)
                    page = context.new_page()
                    _throttle(context, page, kbps, rtt)
                    times.append(_login_to_jobs(page, base))
                    if workers == "allow":
                        page.wait_for_load_state("networkidle")
                        context.clear_cookies()  # the session ran out; the app forgets the user on the 401
                        page.evaluate("() => localStorage.removeItem('lg.user')")
                        warm.append(_login_to_jobs(page, base))
                        page.wait_for_load_state("networkidle")
                        page.evaluate(LOG_OUT)
                        warm_logout.append(_login_to_jobs(page, base))
                    context.close()
            results += [(network, "cold", cold), (network, "cold-no-sw", cold_no_sw)]
            if rtt == 400:
                results += [(network, "warm", warm), (network, "warm-logout", warm_logout)]
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--base", help="a running market (default: start one with the demo city)")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    started = time.monotonic()
    if args.base:
        results = run(args.base, args.runs)
    else:
        os.environ.setdefault("TMPDIR", tempfile.gettempdir())
        # production password hashing: the bench must pay for Argon2id as a real login does
        with _serve(200, 100, "_bench", password_hash_memory_kib="65536") as base:
            results = run(base, args.runs)
    for network, case, times in results:
        print(f"{network:18} {case:11} median {statistics.median(times):6.0f} ms  min {min(times):6.0f}  "
              f"max {max(times):6.0f}  runs {len(times)}")
    print(f"load average after: {os.getloadavg()[0]:.2f}; {time.monotonic() - started:.0f} s in all")


if __name__ == "__main__":
    main()
