"""HTTP routes for jobs: post, list (the radar), read, candidates, cancel, accept."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, HeaderParameter, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.core.schemas import Limit, Offset, Page, PathId
from market.core.text import LINE_PATTERN
from market.jobs import services
from market.jobs.listing import JobFilter
from market.jobs.schemas import JobCreate, JobOut
from market.orders.accepting import accept_job
from market.orders.schemas import AcceptIn, AcceptResult
from market.ranking.schemas import CandidateOut
from market.ranking.services import browse_jobs, list_candidates
from market.ranking.state import LiveMatching, provide_matching

__all__ = ["JobController"]

IdempotencyKey = Annotated[str | None, HeaderParameter(name="Idempotency-Key", max_length=100, required=False)]


class JobController(Controller):
    """Jobs: employers and staff post; everyone signed in reads; workers (or staff for walk-ins) accept."""

    path = "/api/jobs"
    tags = ["jobs"]
    dependencies = {"matching": Provide(provide_matching)}

    @post("/", operation_id="CreateJob", guards=[requires_role("employer", "staff")])
    async def create(self, data: JSONBody[JobCreate], request: AuthedRequest) -> JobOut:
        """Post a job; 201 with the job."""
        return await services.create_job(data, request.user)

    @get("/", operation_id="ListJobs")
    async def list_open(
        self,
        request: AuthedRequest,
        matching: NamedDependency[LiveMatching],
        lat: Annotated[float | None, QueryParameter(ge=-90, le=90)] = None,
        lon: Annotated[float | None, QueryParameter(ge=-180, le=180)] = None,
        radius_km: Annotated[float | None, QueryParameter(gt=0, le=200, schema_extra={"exclusive_minimum": 0})] = None,
        skill: Annotated[str | None, QueryParameter(max_length=20, pattern=LINE_PATTERN)] = None,
        q: Annotated[str | None, QueryParameter(max_length=50, pattern=LINE_PATTERN)] = None,
        mine: FromQuery[bool] = False,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[JobOut]:
        """Open jobs: for a worker ranked by fit to them (the radar), else nearest first; `mine=true`: one's own."""
        wanted = JobFilter(lat=lat, lon=lon, radius_km=radius_km, skill=skill, q=q, mine=mine)
        return await browse_jobs(matching, request.user, wanted, limit, offset)

    @get("/{job_id:int}", operation_id="GetJob")
    async def get_one(self, job_id: PathId) -> JobOut:
        """One job, with `filled` and `headcount`."""
        return await services.get_job(job_id)

    @get("/{job_id:int}/candidates", operation_id="ListCandidates", guards=[requires_role("employer", "staff")])
    async def candidates(
        self,
        job_id: PathId,
        request: AuthedRequest,
        matching: NamedDependency[LiveMatching],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[CandidateOut]:
        """The best available workers for the job, explained; for its employer and staff."""
        return await list_candidates(matching, job_id, request.user, limit, offset)

    @post("/{job_id:int}/cancel", operation_id="CancelJob", status_code=HTTP_200_OK,
          guards=[requires_role("employer", "staff")])
    async def cancel(self, job_id: PathId, request: AuthedRequest) -> JobOut:
        """Stop hiring; orders not yet started are cancelled and their workers told."""
        return await services.cancel_job(job_id, request.user)

    @post("/{job_id:int}/accept", operation_id="AcceptJob", status_code=HTTP_201_CREATED,
          guards=[requires_role("worker", "staff")])
    async def accept(self, job_id: PathId, request: AuthedRequest, idempotency_key: IdempotencyKey = None,
                     data: JSONBody[AcceptIn | None] = None) -> AcceptResult:
        """Take a place on the job; 409 when full, already accepted, or clashing with another order."""
        return await accept_job(job_id, request.user, data or AcceptIn(), idempotency_key)
