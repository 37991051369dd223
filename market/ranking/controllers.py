"""HTTP routes that rank: the job list (for a worker, the radar) and a job's candidates."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromQuery, QueryParameter

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role, requires_staff
from market.core.i18n import pick_language
from market.core.schemas import Limit, Offset, Page, PathId
from market.core.text import LINE_PATTERN
from market.jobs.listing import JobFilter
from market.jobs.schemas import JobOut
from market.ranking.one_job import read_job
from market.ranking.schemas import CandidateOut
from market.ranking.services import browse_jobs, jobs_for_walk_in, list_candidates
from market.ranking.state import LiveMatching, provide_matching

__all__ = ["RankedJobController", "WalkInJobsController"]


class RankedJobController(Controller):
    """Jobs as matching orders them: for workers by fit, for employers and staff the workers who fit a job."""

    path = "/api/jobs"
    tags = ["jobs"]
    dependencies = {"matching": Provide(provide_matching)}

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
    async def get_one(
        self,
        job_id: PathId,
        request: AuthedRequest,
        lat: Annotated[float | None, QueryParameter(ge=-90, le=90)] = None,
        lon: Annotated[float | None, QueryParameter(ge=-180, le=180)] = None,
    ) -> JobOut:
        """One job, with `filled`, `headcount` and `navigation`; `distance_km` from `lat`/`lon` (the phone) or a
        worker's home; for a worker, why it suits them (as on the radar)."""
        return await read_job(job_id, request.user, lat, lon)

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
        language = pick_language(request.headers.get("accept-language"))
        return await list_candidates(matching, job_id, request.user, limit, offset, language)


class WalkInJobsController(Controller):
    """The station counter: jobs for a walk-in, ranked by their trades as their own radar would rank them."""

    path = "/api/workers"
    tags = ["stations"]
    dependencies = {"matching": Provide(provide_matching)}

    @get("/{worker_id:int}/jobs", operation_id="ListJobsForWalkIn", guards=[requires_staff])
    async def for_walk_in(
        self,
        worker_id: PathId,
        request: AuthedRequest,
        matching: NamedDependency[LiveMatching],
        lat: Annotated[float | None, QueryParameter(ge=-90, le=90)] = None,
        lon: Annotated[float | None, QueryParameter(ge=-180, le=180)] = None,
        radius_km: Annotated[float | None, QueryParameter(gt=0, le=200, schema_extra={"exclusive_minimum": 0})] = None,
        skill: Annotated[str | None, QueryParameter(max_length=20, pattern=LINE_PATTERN)] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[JobOut]:
        """Staff with the station's consent: open jobs ranked by fit to the worker (their home, or `lat`/`lon`);
        403 `not_a_walk_in` for a worker who gave the station no consent."""
        wanted = JobFilter(lat=lat, lon=lon, radius_km=radius_km, skill=skill, q=None, mine=False)
        return await jobs_for_walk_in(matching, worker_id, request.user, wanted, limit, offset)
