"""HTTP routes of ratings and reputation: rate an order's other party, object, staff decide, read aggregates."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role, requires_staff
from market.core.schemas import Limit, Offset, Page, PathId
from market.reputation.objections import decide_objection, list_objections, object_to_rating
from market.reputation.ratings import give_rating, order_ratings
from market.reputation.schemas import (
    EmployerReputation,
    OrderRatings,
    RatingCreate,
    RatingObjectionCreate,
    RatingObjectionDecision,
    RatingObjectionRecord,
    RatingRecord,
    WorkerReputation,
)
from market.reputation.views import employer_reputation, worker_reputation

__all__ = ["OrderRatingController", "RatingObjectionController", "ReputationController"]


class OrderRatingController(Controller):
    """The two parties of a completed order rate each other once, and may object to the rating about them."""

    path = "/api/orders"
    tags = ["reputation"]
    guards = [requires_role("worker", "employer")]

    @get("/{order_id:int}/rating", operation_id="GetOrderRatings")
    async def read(self, order_id: PathId, request: AuthedRequest) -> OrderRatings:
        """May the caller rate, their rating, and whether the other party rated them."""
        return await order_ratings(order_id, request.user)

    @post("/{order_id:int}/rating", operation_id="RateOrder", status_code=HTTP_200_OK)
    async def rate(self, order_id: PathId, data: JSONBody[RatingCreate], request: AuthedRequest) -> RatingRecord:
        """Rate the other party (again within a day of the first time, to change it)."""
        return await give_rating(order_id, request.user, data)

    @post("/{order_id:int}/rating/objection", operation_id="ObjectToRating", status_code=HTTP_201_CREATED)
    async def objection(self, order_id: PathId, data: JSONBody[RatingObjectionCreate],
                        request: AuthedRequest) -> RatingObjectionRecord:
        """The rated party objects to the rating about them; staff decide."""
        return await object_to_rating(order_id, request.user, data.reason)


class RatingObjectionController(Controller):
    """Staff decide objections to ratings."""

    path = "/api/rating-objections"
    tags = ["reputation"]
    guards = [requires_staff]

    @get("/", operation_id="ListRatingObjections")
    async def list_all(self, pending: FromQuery[bool] = True, limit: Limit = 20,
                       offset: Offset = 0) -> Page[RatingObjectionRecord]:
        """Objections oldest first, only the undecided ones unless `pending=false`."""
        return await list_objections(pending, limit, offset)

    @post("/{objection_id:int}/decision", operation_id="DecideRatingObjection", status_code=HTTP_200_OK)
    async def decide(self, objection_id: PathId, data: JSONBody[RatingObjectionDecision],
                     request: AuthedRequest) -> RatingObjectionRecord:
        """Upheld removes the rating from every aggregate."""
        return await decide_objection(objection_id, request.user, data)


class ReputationController(Controller):
    """Aggregates: the person themself, the other party of an order between them, staff, the bureau."""

    path = "/api"
    tags = ["reputation"]

    @get("/workers/{worker_id:int}/reputation", operation_id="GetWorkerReputation")
    async def worker(self, worker_id: PathId, request: AuthedRequest) -> WorkerReputation:
        """A worker's completed orders, no-shows, late cancels and ratings over the window."""
        return await worker_reputation(worker_id, request.user)

    @get("/employers/{employer_id:int}/reputation", operation_id="GetEmployerReputation")
    async def employer(self, employer_id: PathId, request: AuthedRequest) -> EmployerReputation:
        """An employer's ratings from workers, pay on time, and late cancels over the window."""
        return await employer_reputation(employer_id, request.user)
