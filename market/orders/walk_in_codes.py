"""Texting a walk-in a one-time consent code: for accepting a job, confirming a payment, or standing consent.

The route sits with the orders because the text names the job or the order it is for.
"""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_staff
from market.core.errors import Invalid, NotFound
from market.core.schemas import PathId
from market.jobs.tables import Job
from market.orders.tables import Order
from market.stations.consent import CODE_TTL, CodeSubject, send_consent_code
from market.workers.schemas import ConsentCodeIn, ConsentCodeSent

__all__ = ["ConsentCodeController", "code_subject"]


async def code_subject(worker_id: int, job_id: int | None, order_id: int | None) -> CodeSubject:
    """What the code is for: accepting `job_id`, confirming the pay of the worker's `order_id`, or (neither) the
    station acting for them from now on."""
    if job_id is not None and order_id is not None:
        raise Invalid.field("order_id", "job_or_order")
    if order_id is not None:
        order = await Order.select(Order.job, Order.agreed_pay_fen, Order.paid_amount_fen,
                                   Order.job.title.as_alias("title")).where(  # type: ignore[union-attr]
            (Order.id == order_id) & (Order.worker == worker_id)).first()
        if order is None:
            raise NotFound("order_not_found")
        amount = order["paid_amount_fen"] if order["paid_amount_fen"] is not None else order["agreed_pay_fen"]
        return CodeSubject("confirm_payment", order["job"],
                           {"order_id": order_id, "title": order["title"], "amount_fen": amount})
    if job_id is not None:
        job = await Job.select(Job.title).where(Job.id == job_id).first()
        if job is None:
            raise NotFound("job_not_found")
        return CodeSubject("accept", job_id, {"job_id": job_id, "title": job["title"]})
    return CodeSubject("station", None, {})


class ConsentCodeController(Controller):
    """Staff at the counter: a code the walk-in reads out to agree to one act."""

    path = "/api/walk-ins"
    tags = ["stations"]
    guards = [requires_staff]

    @post("/{worker_id:int}/consent-codes", operation_id="SendConsentCode")
    async def send_consent_code(self, worker_id: PathId, data: JSONBody[ConsentCodeIn],
                                request: AuthedRequest) -> ConsentCodeSent:
        """Text the worker a one-time code (10 minutes) for accepting a job, confirming a payment, or standing
        consent; they read it out to staff. Nobody but the worker's phone ever sees it."""
        sent_to = await send_consent_code(worker_id, request.user,
                                          await code_subject(worker_id, data.job_id, data.order_id))
        return ConsentCodeSent(sent_to=sent_to, expires_in_s=int(CODE_TTL.total_seconds()))
