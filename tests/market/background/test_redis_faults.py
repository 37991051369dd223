"""Notifications through arq and a real Redis, including the faults: Redis down, a worker killed mid-delivery.

Every test runs its own redis-server (see conftest.py). What the user relies on: accepting a job always works, and
each party hears about it exactly once, whatever happened to Redis or to a worker in between.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from arq.jobs import Job
from arq.worker import Worker

from market.background import queue
from market.background.worker import WorkerSettings
from market.notifications.channels import sign_webhook
from market.notifications.tables import Delivery, DeliveryStatus, SmsLog


async def settle_nudges() -> None:
    """Wait for the fire-and-forget enqueues started after commits (each is bounded by a 1 s connect timeout)."""
    await asyncio.wait_for(asyncio.gather(*queue.pending_nudges()), timeout=5)


async def run_burst_worker() -> int:
    """Run an arq worker with the market's job functions until the queue is empty; the number of jobs it ran."""
    worker = Worker(functions=WorkerSettings.functions, redis_settings=queue.redis_settings(), burst=True,
                    poll_delay=0.05, handle_signals=False, max_jobs=WorkerSettings.max_jobs,
                    job_timeout=WorkerSettings.job_timeout, keep_result=WorkerSettings.keep_result)
    try:
        await asyncio.wait_for(worker.async_run(), timeout=15)
    finally:
        await worker.close()
    assert worker.jobs_failed == 0
    return worker.jobs_complete


async def deliveries() -> list[dict[str, Any]]:
    return await Delivery.select(Delivery.id, Delivery.channel, Delivery.status, Delivery.attempts,
                                 Delivery.delivered_at).order_by(Delivery.id)


async def sms_log() -> list[dict[str, Any]]:
    return await SmsLog.select(SmsLog.delivery, SmsLog.phone, SmsLog.text).order_by(SmsLog.id)


async def assert_each_delivered_once(expected: int) -> list[dict[str, Any]]:
    """Every delivery is delivered, and the SMS log has exactly one text per SMS delivery."""
    rows = await deliveries()
    assert len(rows) == expected
    assert {row["status"] for row in rows} == {DeliveryStatus.delivered}
    assert all(row["delivered_at"] is not None for row in rows)
    texts = await sms_log()
    assert sorted(text["delivery"] for text in texts) == [row["id"] for row in rows if row["channel"] == "sms"]
    return texts


async def test_accepting_queues_the_dispatch_on_redis_and_a_burst_worker_texts_both_parties_once(
        client, market, redis):
    employer, worker = await market.user("employer"), await market.user("worker")
    job = await market.job(employer)

    response = await market.accept(job["id"], worker)
    assert response.status_code == 201, response.text
    await settle_nudges()

    pool = await queue.arq_pool()
    queued = await pool.queued_jobs()
    assert [job.function for job in queued] == ["dispatch_outbox"]  # the nudge waits on Redis; nothing sent yet
    assert {row["status"] for row in await deliveries()} == {DeliveryStatus.pending}
    assert await sms_log() == []

    assert await run_burst_worker() == 1
    texts = await assert_each_delivered_once(2)
    assert sorted(text["phone"] for text in texts) == sorted([worker["phone"], employer["phone"]])
    assert all(text["text"].startswith("【零工市场】") and job["title"] in text["text"] for text in texts)
    assert await Job(queued[0].job_id, pool).result(timeout=1) == 2

    assert await queue.enqueue("dispatch_outbox") is True
    assert await run_burst_worker() == 1  # a second pass finds nothing to send
    assert await sms_log() == texts
    assert {row["attempts"] for row in await deliveries()} == {1}


async def test_with_redis_down_accepting_succeeds_and_every_message_goes_once_when_it_is_back(
        client, market, redis, caplog):
    employer = await market.user("employer")
    job = await market.job(employer, headcount=3)
    first, second = await market.user("worker"), await market.user("worker")

    started = time.perf_counter()
    assert (await market.accept(job["id"], first)).status_code == 201
    await settle_nudges()
    with_redis_s = time.perf_counter() - started

    redis.stop()  # without persistence: the first order's queued nudge is lost with it
    caplog.set_level(logging.WARNING, logger="market.background")
    started = time.perf_counter()
    response = await market.accept(job["id"], second)
    await settle_nudges()
    without_redis_s = time.perf_counter() - started

    assert response.status_code == 201, response.text
    assert response.json()["contract"] is not None
    assert without_redis_s < with_redis_s + 1.0, (with_redis_s, without_redis_s)
    assert "could not enqueue dispatch_outbox" in caplog.text
    assert [row["status"] for row in await deliveries()] == [DeliveryStatus.pending] * 4
    assert await sms_log() == []

    redis.start()
    assert await queue.enqueue("dispatch_outbox") is True
    assert await run_burst_worker() == 1
    texts = await assert_each_delivered_once(4)
    assert sorted(text["phone"] for text in texts) == sorted(
        [first["phone"], second["phone"], employer["phone"], employer["phone"]])

    assert await queue.enqueue("dispatch_outbox") is True
    assert await run_burst_worker() == 1
    assert await sms_log() == texts
    assert {row["attempts"] for row in await deliveries()} == {1}


class _SlowReceiver(BaseHTTPRequestHandler):
    """An employer's webhook endpoint: records each request; the first one takes 3 s to answer."""

    requests: list[tuple[dict[str, str], bytes]] = []
    first_delay_s = 3.0

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).requests.append((dict(self.headers), body))
        if len(type(self).requests) == 1:
            time.sleep(self.first_delay_s)
        try:
            self.send_response(200)
            self.end_headers()
        except OSError:  # the worker that asked was killed meanwhile
            pass

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def webhook_receiver() -> Iterator[ThreadingHTTPServer]:
    _SlowReceiver.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowReceiver)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


ARQ_WORKER = [sys.executable, "-m", "arq", "market.background.worker.WorkerSettings"]
LINGGONG_WORKER = [sys.executable, "-c", "from market.cli import main; raise SystemExit(main())", "worker"]


def start_worker_process(redis_url: str, log: Path, command: list[str] = ARQ_WORKER) -> subprocess.Popen[bytes]:
    """A worker (`arq …WorkerSettings`, or `linggong worker`) in its own process, on this test's database and Redis."""
    from market.core.database import current_engine

    env = dict(os.environ, LINGGONG_REDIS_URL=redis_url, LINGGONG_DISPATCH_CLAIM_TIMEOUT_S="1")
    path = getattr(current_engine(), "path", None)
    if path is not None:  # SQLite: the same file this test uses (PostgreSQL: the suite's database, already in env)
        env["LINGGONG_DATABASE_URL"] = f"sqlite:///{path}"
    return subprocess.Popen(command, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)


def stop_process(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


async def wait_until(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_a_worker_killed_mid_delivery_is_taken_over_without_duplicate_texts(
        client, market, redis, tmp_path):
    log = tmp_path / "workers.log"
    with webhook_receiver() as receiver:
        employer, worker = await market.user("employer"), await market.user("worker")
        hook = await client.put("/api/employers/me/webhook", headers=employer["headers"],
                                json={"url": f"http://127.0.0.1:{receiver.server_port}/linggong"})
        assert hook.status_code == 200, hook.text
        secret = hook.json()["secret"]
        job = await market.job(employer)
        assert (await market.accept(job["id"], worker)).status_code == 201
        await settle_nudges()
        webhook_id = next(row["id"] for row in await deliveries() if row["channel"] == "webhook")

        first = start_worker_process(redis.url, log)
        try:
            async def webhook_in_flight() -> bool:
                assert first.poll() is None, log.read_text()
                return len(_SlowReceiver.requests) > 0

            await wait_until(webhook_in_flight, 20, "the first worker to call the webhook")
            first.kill()  # SIGKILL: no cleanup, its claim stays behind
            first.wait(timeout=5)
        finally:
            stop_process(first, signal.SIGKILL)

        stuck = {row["id"]: row["status"] for row in await deliveries()}
        assert stuck[webhook_id] == DeliveryStatus.sending
        texts = await sms_log()
        assert len({text["delivery"] for text in texts}) == len(texts)  # the SMS went out before the webhook call

        second = start_worker_process(redis.url, log)
        try:
            async def all_delivered() -> bool:
                assert second.poll() is None, log.read_text()
                return {row["status"] for row in await deliveries()} == {DeliveryStatus.delivered}

            await wait_until(all_delivered, 20, "the second worker to take over the stale claim")
        finally:
            stop_process(second)

        texts = await assert_each_delivered_once(3)
        assert sorted(text["phone"] for text in texts) == sorted([worker["phone"], employer["phone"]])

        seen = _SlowReceiver.requests
        assert [headers["X-Linggong-Delivery"] for headers, _ in seen] == [str(webhook_id)] * 2
        for headers, body in seen:  # at least once, de-duplicable by id, each attempt signed
            assert headers["X-Linggong-Signature"] == sign_webhook(secret, headers["X-Linggong-Timestamp"], body)
            event = json.loads(body)
            assert event["delivery_id"] == webhook_id
            assert event["event"] == "order_accepted"
            assert event["data"]["job_id"] == job["id"]


@pytest.mark.parametrize("outage_s", [30])
async def test_linggong_worker_rides_out_a_redis_outage_and_every_text_goes_once(
        client, market, redis, tmp_path, outage_s):
    log = tmp_path / "worker.log"
    employer = await market.user("employer")
    job = await market.job(employer, headcount=6)
    workers = [await market.user("worker") for _ in range(6)]
    process = start_worker_process(redis.url, log, LINGGONG_WORKER)
    try:
        async def all_delivered() -> bool:
            assert process.poll() is None, "the worker exited:\n" + log.read_text()
            return {row["status"] for row in await deliveries()} == {DeliveryStatus.delivered}

        assert (await market.accept(job["id"], workers[0])).status_code == 201
        await settle_nudges()
        await wait_until(all_delivered, 30, "the worker to send the first texts")

        redis.stop()
        down_at = time.monotonic()
        for worker in workers[1:4]:  # orders keep coming while Redis is gone; their texts wait in the outbox
            assert (await market.accept(job["id"], worker)).status_code == 201
            await settle_nudges()
        await asyncio.sleep(max(0.0, outage_s - (time.monotonic() - down_at)))
        assert process.poll() is None, f"the worker exited while Redis was down:\n{log.read_text()}"
        assert {row["status"] for row in await deliveries()} >= {DeliveryStatus.pending}

        redis.start()  # the same port, empty: whatever arq had queued is gone
        for worker in workers[4:]:
            assert (await market.accept(job["id"], worker)).status_code == 201
            await settle_nudges()
        await wait_until(all_delivered, 30, "the same worker to send the texts queued during the outage")
        assert process.poll() is None
    finally:
        stop_process(process)

    texts = await assert_each_delivered_once(12)
    assert sorted(text["phone"] for text in texts) == sorted([w["phone"] for w in workers] + [employer["phone"]] * 6)
    output = log.read_text()
    assert "lost Redis" in output
    assert "Redis is back after" in output


async def test_linggong_worker_stopped_during_a_redis_outage_exits_cleanly(redis, tmp_path):
    log = tmp_path / "worker.log"
    process = start_worker_process(redis.url, log, LINGGONG_WORKER)
    try:
        async def logged(text: str) -> bool:
            assert process.poll() is None, log.read_text()
            return text in log.read_text()

        await wait_until(lambda: logged("Starting worker"), 30, "the worker to start")
        redis.stop()
        await wait_until(lambda: logged("lost Redis"), 10, "the worker to notice")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0, log.read_text()
    finally:
        stop_process(process, signal.SIGKILL)
    assert "stopping while Redis is unreachable" in log.read_text()
