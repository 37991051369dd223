"""HTTP routes of pools, invitations and alert settings."""

from __future__ import annotations

from litestar import Controller, delete, get, post, put
from litestar.params import JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_employer, requires_worker
from market.alerts.invitations import invitations_of, invite
from market.alerts.pool import add_to_pool, list_pool, remove_from_pool
from market.alerts.preferences import alert_preferences, change_alert_preferences
from market.alerts.schemas import (
    AlertPreferences,
    AlertPreferencesUpdate,
    InvitationCreate,
    InvitationOut,
    PoolMemberCreate,
    PoolMemberOut,
)
from market.core.schemas import Limit, Offset, Page, PathId

__all__ = ["AlertSettingsController", "InvitationController", "PoolController"]


class PoolController(Controller):
    """The employer's pool (熟手): workers who completed a job for them."""

    path = "/api/employers/me/pool"
    tags = ["alerts"]
    guards = [requires_employer]

    @get("/", operation_id="ListPool")
    async def list_all(self, request: AuthedRequest, limit: Limit = 50, offset: Offset = 0) -> Page[PoolMemberOut]:
        """The pool, most recently added first, with each worker's trades and last job together."""
        items, total = await list_pool(request.user.id, limit, offset)
        return Page(items=items, total=total, limit=limit, offset=offset)

    @post("/", operation_id="AddToPool", status_code=HTTP_201_CREATED)
    async def add(self, data: JSONBody[PoolMemberCreate], request: AuthedRequest) -> PoolMemberOut:
        """Keep a worker who completed a job for you (409 `alerts_pool_not_worked_together` otherwise)."""
        return await add_to_pool(request.user.id, data.worker_id)

    @delete("/{worker_id:int}", operation_id="RemoveFromPool", status_code=HTTP_204_NO_CONTENT)
    async def remove(self, worker_id: PathId, request: AuthedRequest) -> None:
        """Take a worker out of the pool."""
        await remove_from_pool(request.user.id, worker_id)


class InvitationController(Controller):
    """An employer invites a pool member or a candidate to one of their open jobs."""

    path = "/api/jobs"
    tags = ["alerts"]

    @post("/{job_id:int}/invitations", operation_id="InviteWorker", status_code=HTTP_201_CREATED,
          guards=[requires_employer])
    async def create(self, job_id: PathId, data: JSONBody[InvitationCreate], request: AuthedRequest) -> InvitationOut:
        """Invite the worker; they see it in their inbox and invitations and accept through the accept route."""
        return await invite(request.user, job_id, data.worker_id)


class AlertSettingsController(Controller):
    """A worker's invitations and job alert settings."""

    path = "/api/workers/me"
    tags = ["alerts"]
    guards = [requires_worker]

    @get("/invitations", operation_id="ListMyInvitations")
    async def invitations(self, request: AuthedRequest, limit: Limit = 20,
                          offset: Offset = 0) -> Page[InvitationOut]:
        """The jobs employers invited you to, newest first."""
        items, total = await invitations_of(request.user.id, limit, offset)
        return Page(items=items, total=total, limit=limit, offset=offset)

    @get("/alerts", operation_id="GetAlertSettings")
    async def settings(self, request: AuthedRequest) -> AlertPreferences:
        """Your job alert settings (off until you opt in) and how many alerts you had today."""
        return await alert_preferences(request.user.id)

    @put("/alerts", operation_id="UpdateAlertSettings")
    async def change(self, data: JSONBody[AlertPreferencesUpdate], request: AuthedRequest) -> AlertPreferences:
        """Opt in or out, choose SMS and/or in-app, set quiet hours (market time) and a daily cap."""
        return await change_alert_preferences(request.user.id, data)
