"""The rated party's objection to a rating, and staff's decision: upheld, the rating leaves every aggregate."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock, events
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid, NotFound
from market.core.schemas import Page
from market.core.zone import short_local
from market.employers.tables import Employer
from market.orders.views import load_order_for, order_facts
from market.reputation.events import RatingObjected, RatingObjectionDecided
from market.reputation.rules import rating_slot, reputation_rules
from market.reputation.schemas import RatingObjectionDecision, RatingObjectionRecord
from market.reputation.tables import Rating, RatingObjection

__all__ = ["decide_objection", "list_objections", "object_to_rating", "objection_record"]


def objection_record(row: dict[str, Any], order_id: int, rating: dict[str, Any] | None = None
                     ) -> RatingObjectionRecord:
    """The API shape of an objection row (with what was rated, and the rating's stars, tags and note, when `rating`
    is given: the staff's list)."""
    return RatingObjectionRecord(
        id=row["id"], rating_id=row["rating"], order_id=order_id, reason=row["reason"],
        objected_at=row["objected_at"], decided_at=row["decided_at"], upheld=row["upheld"],
        decision_note=row["decision_note"], stars=rating["stars"] if rating else None,
        tags=list(rating["tags"] or []) if rating else None, note=rating["note"] if rating else None,
        rater_side=rating["rater_side"] if rating else None, job_title=rating["job_title"] if rating else None,
        starts_at=rating["starts_at"] if rating else None, worker_name=rating["worker_name"] if rating else None,
        employer_name=rating["employer_name"] if rating else None)


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
                                     rated_id=viewer.id, title=order["job_title"], stars=int(rating["stars"]),
                                     site=(order["job_lat"], order["job_lon"])))
    row = await RatingObjection.select().where(RatingObjection.id == added[0]["id"]).first()
    assert row is not None
    return objection_record(row, order_id)


def _staff_columns() -> tuple[Any, ...]:
    """The objection with what staff need to decide it: the rating, the job, when, and the two parties' names (no
    phones, no identity numbers)."""
    rating = RatingObjection.rating
    return (*RatingObjection.all_columns(), rating.order.as_alias("order_id"), rating.stars.as_alias("stars"),
            rating.tags.as_alias("tags"), rating.note.as_alias("note"), rating.rater_side.as_alias("rater_side"),
            rating.order.job.title.as_alias("job_title"),  # type: ignore[union-attr]
            rating.order.starts_at.as_alias("starts_at"),  # type: ignore[union-attr]
            rating.order.worker.name.as_alias("worker_name"),  # type: ignore[union-attr]
            rating.order.job.employer.as_alias("employer_id"),  # type: ignore[union-attr]
            rating.order.job.employer.name.as_alias("employer_user_name"))  # type: ignore[union-attr]


async def list_objections(pending: bool, limit: int, offset: int) -> Page[RatingObjectionRecord]:
    """Objections for staff, oldest first (only those still to decide when `pending`), with the rating's words."""
    query = RatingObjection.select(*_staff_columns())
    count = RatingObjection.count()
    if pending:
        query = query.where(RatingObjection.decided_at.is_null())
        count = count.where(RatingObjection.decided_at.is_null())
    rows = await query.order_by(RatingObjection.objected_at).order_by(RatingObjection.id).limit(limit).offset(
        offset).output(load_json=True)
    firms = {r["user"]: r["name"] for r in await Employer.select(Employer.user, Employer.name).where(
        Employer.user.is_in(list({row["employer_id"] for row in rows}) or [0]))}
    for row in rows:
        row["employer_name"] = firms.get(row["employer_id"]) or row["employer_user_name"]
    items = [objection_record(row, row["order_id"], row) for row in rows]
    return Page(items=items, total=await count, limit=limit, offset=offset)


async def decide_objection(objection_id: int, viewer: CurrentUser, data: RatingObjectionDecision
                           ) -> RatingObjectionRecord:
    """Staff decide once, saying why (400 on `note` when blank): upheld, the rating is removed from every aggregate
    (its row stays, marked)."""
    async with write_transaction():
        row = await RatingObjection.select(*RatingObjection.all_columns(),
                                           RatingObjection.rating.order.as_alias("order_id"),
                                           RatingObjection.rating.rated.as_alias("rated"),
                                           RatingObjection.rating.rater_side.as_alias("rater_side"),
                                           RatingObjection.rating.rater.as_alias("rater")).where(
            RatingObjection.id == objection_id).first()
        if row is None:
            raise NotFound("rating_objection_not_found")
        if row["decided_at"] is not None:
            raise Conflict("rating_objection_decided")
        if not data.note.strip():
            raise Invalid.field("note", "blank")
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
