"""HTTP routes for an order's life, from accepting a job on."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar import Controller, get, post
from litestar.params import FromQuery, HeaderParameter, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.core.schemas import Limit, Offset, Page, PathId, QueryId
from market.orders import lifecycle
from market.orders.accepting import accept_job
from market.orders.schemas import (
    AcceptIn,
    AcceptResult,
    CancelIn,
    CheckInIn,
    ConfirmPaymentIn,
    NoShowDecisionIn,
    NoShowObjectionIn,
    OrderOut,
    PaidIn,
    StaffActIn,
)
from market.orders.views import get_order, list_orders

__all__ = ["AcceptController", "OrderController"]

IdempotencyKey = Annotated[str | None, HeaderParameter(name="Idempotency-Key", max_length=100, required=False)]
Status = Literal["accepted", "checked_in", "completed", "paid", "confirmed", "cancelled", "no_show"]


class OrderController(Controller):
    """Orders, for their parties and staff; every act is recorded with who did it."""

    path = "/api/orders"
    tags = ["orders"]

    @get("/", operation_id="ListOrders")
    async def list_all(
        self,
        request: AuthedRequest,
        status: FromQuery[Status | None] = None,
        job_id: QueryId = None,
        worker_id: QueryId = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[OrderOut]:
        """A worker's orders, an employer's jobs' orders, or (staff) any."""
        return await list_orders(request.user, status, job_id, worker_id, limit, offset)

    @get("/{order_id:int}", operation_id="GetOrder")
    async def get_one(self, order_id: PathId, request: AuthedRequest) -> OrderOut:
        """One order."""
        return await get_order(order_id, request.user)

    @post("/{order_id:int}/check-in", operation_id="CheckIn", status_code=HTTP_200_OK)
    async def check_in(self, order_id: PathId, data: JSONBody[CheckInIn], request: AuthedRequest) -> OrderOut:
        """The worker arrives: position recorded, refused outside the fence."""
        return await lifecycle.check_in(order_id, request.user, data)

    @post("/{order_id:int}/complete", operation_id="CompleteOrder", status_code=HTTP_200_OK)
    async def complete(self, order_id: PathId, request: AuthedRequest,
                       data: JSONBody[StaffActIn | None] = None) -> OrderOut:
        """The employer confirms the work was done."""
        return await lifecycle.complete(order_id, request.user, (data or StaffActIn()).note)

    @post("/{order_id:int}/paid", operation_id="MarkOrderPaid", status_code=HTTP_200_OK)
    async def paid(self, order_id: PathId, data: JSONBody[PaidIn], request: AuthedRequest) -> OrderOut:
        """The employer records the payment, in fen."""
        return await lifecycle.mark_paid(order_id, request.user, data)

    @post("/{order_id:int}/confirm-payment", operation_id="ConfirmPayment", status_code=HTTP_200_OK)
    async def confirm_payment(self, order_id: PathId, request: AuthedRequest,
                              data: JSONBody[ConfirmPaymentIn | None] = None) -> OrderOut:
        """The worker confirms the money arrived (staff for them: with the worker's consent, as when accepting)."""
        return await lifecycle.confirm_payment(order_id, request.user, data or ConfirmPaymentIn())

    @post("/{order_id:int}/cancel", operation_id="CancelOrder", status_code=HTTP_200_OK)
    async def cancel(self, order_id: PathId, request: AuthedRequest,
                     data: JSONBody[CancelIn | None] = None) -> OrderOut:
        """Cancel before the start; a late cancel is recorded against whoever cancels."""
        return await lifecycle.cancel_order(order_id, request.user, data or CancelIn())

    @post("/{order_id:int}/no-show", operation_id="RecordNoShow", status_code=HTTP_200_OK)
    async def no_show(self, order_id: PathId, request: AuthedRequest,
                      data: JSONBody[StaffActIn | None] = None) -> OrderOut:
        """The employer (or staff) records that the worker never came: after the start and the grace period."""
        return await lifecycle.record_no_show(order_id, request.user, (data or StaffActIn()).note)

    @post("/{order_id:int}/no-show/objection", operation_id="ObjectToNoShow", status_code=HTTP_200_OK)
    async def no_show_objection(self, order_id: PathId, data: JSONBody[NoShowObjectionIn],
                                request: AuthedRequest) -> OrderOut:
        """The worker objects to a recorded no-show, once, within the objection window."""
        return await lifecycle.object_to_no_show(order_id, request.user, data.note)

    @post("/{order_id:int}/no-show/objection/decision", operation_id="DecideNoShowObjection",
          status_code=HTTP_200_OK)
    async def no_show_decision(self, order_id: PathId, data: JSONBody[NoShowDecisionIn],
                               request: AuthedRequest) -> OrderOut:
        """Staff decide the objection: upheld removes the no-show and the order is accepted again."""
        return await lifecycle.decide_no_show(order_id, request.user, data.upheld, data.note)


class AcceptController(Controller):
    """Accepting a job: workers, or staff for a walk-in; the answer carries the signed contract."""

    path = "/api/jobs"
    tags = ["jobs"]

    @post("/{job_id:int}/accept", operation_id="AcceptJob", status_code=HTTP_201_CREATED,
          guards=[requires_role("worker", "staff")])
    async def accept(self, job_id: PathId, request: AuthedRequest, idempotency_key: IdempotencyKey = None,
                     data: JSONBody[AcceptIn | None] = None) -> AcceptResult:
        """Take a place on the job; 409 when full, already accepted, or clashing with another order."""
        return await accept_job(job_id, request.user, data or AcceptIn(), idempotency_key)
