"""HTTP routes for jobs: post, cancel (reading one, the radar and candidates: market.ranking; accepting:
market.orders)."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK

from market.accounts.auth import PUBLIC_ROUTE, AuthedRequest
from market.accounts.guards import requires_role
from market.core.schemas import PathId
from market.jobs import services
from market.jobs.public import public_job
from market.jobs.schemas import JobCreate, JobOut, PublicJob

__all__ = ["JobController"]

class JobController(Controller):
    """Jobs: employers and staff post and cancel (everyone signed in reads them: market.ranking)."""

    path = "/api/jobs"
    tags = ["jobs"]

    @post("/", operation_id="CreateJob", guards=[requires_role("employer", "staff")])
    async def create(self, data: JSONBody[JobCreate], request: AuthedRequest) -> JobOut:
        """Post a job; 201 with the job."""
        return await services.create_job(data, request.user)

    @get("/{job_id:int}/public", operation_id="GetPublicJob", opt=PUBLIC_ROUTE,
         summary="A job as a shared link shows it, signed out")
    async def get_public(self, job_id: PathId) -> PublicJob:
        """The job without personal data (no phone, no exact street number), for anyone holding its link."""
        return await public_job(job_id)

    @post("/{job_id:int}/cancel", operation_id="CancelJob", status_code=HTTP_200_OK,
          guards=[requires_role("employer", "staff")])
    async def cancel(self, job_id: PathId, request: AuthedRequest) -> JobOut:
        """Stop hiring; orders not yet started are cancelled and their workers told."""
        return await services.cancel_job(job_id, request.user)
