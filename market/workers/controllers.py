"""HTTP routes for worker profiles and for staff serving walk-ins."""

from __future__ import annotations

from litestar import Controller, get, post, put
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_staff, requires_worker
from market.core.errors import Invalid
from market.core.schemas import Limit, Offset, Page, PathId
from market.stations.behalf import list_acts
from market.stations.consent import grant_consent_by_code
from market.stations.schemas import ConsentGiven, OnBehalfActOut
from market.workers import id_number_changes, services
from market.workers.schemas import (
    ConsentIn,
    IdentityConflict,
    WalkIn,
    WorkerLookupIn,
    WorkerOut,
    WorkerSearchIn,
    WorkerUpdate,
)

__all__ = ["IdentityConflictController", "WalkInController", "WorkerController"]


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

    @post("/search", operation_id="SearchWorker", guards=[requires_staff], status_code=HTTP_200_OK)
    async def search(self, data: JSONBody[WorkerSearchIn], request: AuthedRequest) -> WorkerOut:
        """Staff: the worker with this phone number (404 `user_not_found`); every search is recorded."""
        return await services.search_worker(data.phone, request.user)

    @post("/lookup", operation_id="LookUpWorkers", guards=[requires_staff], status_code=HTTP_200_OK)
    async def lookup(self, data: JSONBody[WorkerLookupIn], request: AuthedRequest) -> Page[WorkerOut]:
        """Staff: workers by part of their name, or by ID number (`name` or `id_number`, in the body, never in a
        URL); at most 20, exact names first; every search is recorded with the term masked."""
        return await services.lookup_workers(data, request.user)

    @get("/", operation_id="FindWorkerByQuery", guards=[requires_staff], include_in_schema=False)
    async def find(self) -> None:
        """Gone: a phone number in the query string lands in access logs; refused, pointing at the search."""
        raise Invalid("worker_search_moved")

    @get("/{worker_id:int}", operation_id="GetWorker", guards=[requires_staff])
    async def get_one(self, worker_id: PathId, request: AuthedRequest) -> WorkerOut:
        """Staff: one worker's profile."""
        return await services.get_worker(worker_id, request.user)

    @put("/{worker_id:int}", operation_id="UpdateWorker", guards=[requires_staff])
    async def update_one(self, worker_id: PathId, data: JSONBody[WorkerUpdate],
                         request: AuthedRequest) -> WorkerOut:
        """Staff: change a walk-in's profile for them (403 for a worker who gave the station no consent)."""
        await services.get_worker(worker_id, request.user)
        return await services.update_worker(worker_id, data, request.user)

    @get("/{worker_id:int}/on-behalf-acts", operation_id="ListOnBehalfActs", guards=[requires_staff])
    async def on_behalf_acts(self, worker_id: PathId, request: AuthedRequest,
                             limit: Limit = 20,
                             offset: Offset = 0) -> Page[OnBehalfActOut]:
        """Staff (their station's acts) and admins (all): what staff did for the worker, with the evidence."""
        return await list_acts(worker_id, request.user, limit, offset)


class WalkInController(Controller):
    """Station staff register people who walk in without a smartphone."""

    path = "/api/walk-ins"
    tags = ["stations"]
    guards = [requires_staff]

    @post("/{worker_id:int}/consent", operation_id="GiveStationConsent")
    async def give_consent(self, worker_id: PathId, data: JSONBody[ConsentIn],
                           request: AuthedRequest) -> ConsentGiven:
        """With the standing-consent code the worker read out, the caller's station may act for them from now on."""
        return ConsentGiven(consent_id=await grant_consent_by_code(worker_id, request.user, data.consent_code))

    @post("/", operation_id="RegisterWalkIn")
    async def register(self, data: JSONBody[WalkIn], request: AuthedRequest) -> WorkerOut:
        """Create the walk-in's account and profile; 201 with the profile."""
        return await services.register_walk_in(data, request.user)


class IdentityConflictController(Controller):
    """Staff review tries to set an ID number that another account holds."""

    path = "/api/identity-conflicts"
    tags = ["stations"]
    guards = [requires_staff]

    @get("/", operation_id="ListIdentityConflicts")
    async def list_conflicts(self, limit: Limit = 20,
                             offset: Offset = 0) -> Page[IdentityConflict]:
        """Newest first, ID numbers masked: who tried, for which profile, who holds the number, from which station."""
        return await id_number_changes.list_conflicts(limit, offset)
