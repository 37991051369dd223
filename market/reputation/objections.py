"""The rated party's objection to a rating, and staff's decision: upheld, the rating leaves every aggregate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock, events
from market.core.database import write_transaction
from market.core.errors import Conflict, NotFound
from market.core.schemas import Page
from market.core.zone import short_local
from market.orders.views import load_order_for, order_facts
from market.reputation.events import RatingObjected, RatingObjectionDecided
from market.reputation.rules import rating_slot, reputation_rules
from market.reputation.schemas import RatingObjectionDecision, RatingObjectionRecord
from market.reputation.tables import Rating, RatingObjection

__all__ = ["decide_objection", "list_objections", "object_to_rating", "objection_record"]


def objection_record(row: dict[str, Any], order_id: int, rating: dict[str, Any] | None = None
                     ) -> RatingObjectionRecord:
    """The API shape of an objection row (with the rating's stars, tags and note when `rating` is given)."""
    return RatingObjectionRecord(
        id=row["id"], rating_id=row["rating"], order_id=order_id, reason=row["reason"],
        objected_at=row["objected_at"], decided_at=row["decided_at"], upheld=row["upheld"],
        decision_note=row["decision_note"], stars=rating["stars"] if rating else None,
        tags=list(rating["tags"] or []) if rating else None, note=rating["note"] if rating else None)


async def object_to_rating(order_id: int, viewer: CurrentUser, reason: str) -> RatingObjectionRecord:
    """The rated party objects, once, within `rating_window_days` of the rating; staff decide."""
    async with write_transaction():
        order = await load_order_for(order_id, viewer)
        side = policy.rate_order(viewer, order_facts(order))
        rater_side = "employer" if side == "worker" else "worker"
        rating = await Rating.select().where(Rating.slot == rating_slot(order_id, rater_side)).first()
        if rating is None or rating["removed"]:
            raise NotFound("rating_not_found")
        due = rating["given_at"] + timedelta(days=reputation_rules().rating_window_days)
        if clock.now() > due:
            raise Conflict("rating_objection_closed", due=short_local(due))
        if await RatingObjection.exists().where(RatingObjection.rating == rating["id"]):
            raise Conflict("rating_objection_filed")
        added = await RatingObjection.insert(RatingObjection(
            rating=rating["id"], objected_by=viewer.id, reason=reason.strip(), objected_at=clock.now())
        ).returning(RatingObjection.id)
        events.record(RatingObjected(objection_id=added[0]["id"], rating_id=rating["id"], order_id=order_id,
                                     rated_id=viewer.id))
    row = await RatingObjection.select().where(RatingObjection.id == added[0]["id"]).first()
    assert row is not None
    return objection_record(row, order_id)


async def list_objections(pending: bool, limit: int, offset: int) -> Page[RatingObjectionRecord]:
    """Objections for staff, oldest first (only those still to decide when `pending`), with the rating's words."""
    query = RatingObjection.select(*RatingObjection.all_columns(), RatingObjection.rating.order.as_alias("order_id"),
                                   RatingObjection.rating.stars.as_alias("stars"),
                                   RatingObjection.rating.tags.as_alias("tags"),
                                   RatingObjection.rating.note.as_alias("note"))
    count = RatingObjection.count()
    if pending:
        query = query.where(RatingObjection.decided_at.is_null())
        count = count.where(RatingObjection.decided_at.is_null())
    rows = await query.order_by(RatingObjection.objected_at).limit(limit).offset(offset).output(load_json=True)
    items = [objection_record(row, row["order_id"], row) for row in rows]
    return Page(items=items, total=await count, limit=limit, offset=offset)


async def decide_objection(objection_id: int, viewer: CurrentUser, data: RatingObjectionDecision
                           ) -> RatingObjectionRecord:
    """Staff decide once: upheld, the rating is removed from every aggregate (its row stays, marked)."""
    async with write_transaction():
        row = await RatingObjection.select(*RatingObjection.all_columns(),
                                           RatingObjection.rating.order.as_alias("order_id"),
                                           RatingObjection.rating.rated.as_alias("rated"),
                                           RatingObjection.rating.rater_side.as_alias("rater_side"),
                                           RatingObjection.rating.rater.as_alias("rater")).where(
            RatingObjection.id == objection_id).first()
        if row is None:
            raise NotFound("rating_objection_not_found")
        decided = await RatingObjection.update({
            RatingObjection.decided_at: clock.now(), RatingObjection.decided_by: viewer.id,
            RatingObjection.upheld: data.upheld, RatingObjection.decision_note: data.note.strip()}).where(
            (RatingObjection.id == objection_id) & RatingObjection.decided_at.is_null()).returning(RatingObjection.id)
        if not decided:
            raise Conflict("rating_objection_decided")
        if data.upheld:
            await Rating.update({Rating.removed: True}).where(Rating.id == row["rating"])
        worker = row["rated"] if row["rater_side"] == "employer" else row["rater"]
        events.record(RatingObjectionDecided(objection_id=objection_id, rating_id=row["rating"],
                                             order_id=row["order_id"], rated_id=row["rated"], worker_id=worker,
                                             upheld=data.upheld))
    fresh = await RatingObjection.select().where(RatingObjection.id == objection_id).first()
    assert fresh is not None
    return objection_record(fresh, row["order_id"])
