"""HTTP routes for the employer's own details."""

from __future__ import annotations

from litestar import Controller, get, put
from litestar.params import JSONBody

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_employer, requires_staff
from market.core.schemas import PathId
from market.employers import services
from market.employers.schemas import EmployerOut, EmployerUpdate, WebhookIn, WebhookOut
from market.employers.webhooks import set_webhook

__all__ = ["EmployerController"]


class EmployerController(Controller):
    """An employer's own details; staff may look employers up."""

    path = "/api/employers"
    tags = ["employers"]

    @get("/me", operation_id="GetMyEmployer", guards=[requires_employer])
    async def get_me(self, request: AuthedRequest) -> EmployerOut:
        """The employer's own details, credit code in full."""
        return await services.get_employer(request.user.id, request.user)

    @put("/me", operation_id="UpdateMyEmployer", guards=[requires_employer])
    async def update_me(self, data: JSONBody[EmployerUpdate], request: AuthedRequest) -> EmployerOut:
        """Change the fields sent; `credit_grade` is set by the market, not here."""
        return await services.update_employer(request.user.id, data, request.user)

    @put("/me/webhook", operation_id="SetMyWebhook", guards=[requires_employer])
    async def set_webhook(self, data: JSONBody[WebhookIn], request: AuthedRequest) -> WebhookOut:
        """Receive this employer's events as signed POSTs (order accepted, cancelled, paid, wage warnings…)."""
        url, secret = await set_webhook(request.user.id, data.url)
        return WebhookOut(url=url, secret=secret)

    @get("/{employer_id:int}", operation_id="GetEmployer", guards=[requires_staff])
    async def get_one(self, employer_id: PathId, request: AuthedRequest) -> EmployerOut:
        """Staff: one employer's details."""
        return await services.get_employer(employer_id, request.user)
