"""HTTP routes for worker profiles and for staff serving walk-ins."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post, put
from litestar.params import JSONBody, QueryParameter

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_staff, requires_worker
from market.contracts.consent import CODE_TTL, send_consent_code
from market.core.schemas import PathId
from market.core.text import LINE_PATTERN
from market.workers import services
from market.workers.schemas import ConsentCodeIn, ConsentCodeSent, WalkIn, WorkerOut, WorkerUpdate

__all__ = ["WalkInController", "WorkerController"]


class WorkerController(Controller):
    """A worker's own profile; staff may look workers up."""

    path = "/api/workers"
    tags = ["workers"]

    @get("/me", operation_id="GetMyWorkerProfile", guards=[requires_worker])
    async def get_me(self, request: AuthedRequest) -> WorkerOut:
        """The worker's own profile, ID number in full."""
        return await services.get_worker(request.user.id, request.user)

    @put("/me", operation_id="UpdateMyWorkerProfile", guards=[requires_worker])
    async def update_me(self, data: JSONBody[WorkerUpdate], request: AuthedRequest) -> WorkerOut:
        """Change the fields sent; the rest stay as they are."""
        return await services.update_worker(request.user.id, data, request.user)

    @get("/", operation_id="FindWorker", guards=[requires_staff])
    async def find(self, request: AuthedRequest,
                   phone: Annotated[str, QueryParameter(max_length=20, pattern=LINE_PATTERN)]) -> WorkerOut:
        """Staff: the worker with this phone number."""
        return await services.find_worker_by_phone(phone, request.user)

    @get("/{worker_id:int}", operation_id="GetWorker", guards=[requires_staff])
    async def get_one(self, worker_id: PathId, request: AuthedRequest) -> WorkerOut:
        """Staff: one worker's profile."""
        return await services.get_worker(worker_id, request.user)

    @put("/{worker_id:int}", operation_id="UpdateWorker", guards=[requires_staff])
    async def update_one(self, worker_id: PathId, data: JSONBody[WorkerUpdate],
                         request: AuthedRequest) -> WorkerOut:
        """Staff: change a walk-in's profile for them."""
        await services.get_worker(worker_id, request.user)
        return await services.update_worker(worker_id, data, request.user)


class WalkInController(Controller):
    """Station staff register people who walk in without a smartphone."""

    path = "/api/walk-ins"
    tags = ["stations"]
    guards = [requires_staff]

    @post("/{worker_id:int}/consent-codes", operation_id="SendConsentCode")
    async def send_consent_code(self, worker_id: PathId, data: JSONBody[ConsentCodeIn],
                                request: AuthedRequest) -> ConsentCodeSent:
        """Text the walk-in a one-time code for this job; they read it out to staff to agree (10 minutes)."""
        sent_to = await send_consent_code(worker_id, data.job_id, request.user.id)
        return ConsentCodeSent(sent_to=sent_to, expires_in_s=int(CODE_TTL.total_seconds()))

    @post("/", operation_id="RegisterWalkIn")
    async def register(self, data: JSONBody[WalkIn], request: AuthedRequest) -> WorkerOut:
        """Create the walk-in's account and profile; 201 with the profile."""
        return await services.register_walk_in(data, request.user)
