"""Giving and changing a rating of the other party of a completed order, and what the caller may do about ratings."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from market.accounts import policy
from market.accounts.auth import CurrentUser
from market.core import clock, events
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.zone import short_local
from market.orders.views import load_order_for, order_facts
from market.reputation.events import RatingGiven
from market.reputation.objections import objection_record
from market.reputation.rules import DONE_STATUSES, TAGS, rating_slot, reputation_rules
from market.reputation.schemas import OrderRatings, RatingAboutMe, RatingCreate, RatingRecord
from market.reputation.tables import Rating, RatingObjection

__all__ = ["give_rating", "order_ratings", "rating_record"]


def _other(side: str) -> str:
    return "employer" if side == "worker" else "worker"


def rating_record(row: dict[str, Any]) -> RatingRecord:
    """The API shape of a rating row."""
    until = row["given_at"] + timedelta(hours=reputation_rules().rating_change_hours)
    return RatingRecord(id=row["id"], order_id=row["order"], rater_side=row["rater_side"], stars=row["stars"],
                        tags=list(row["tags"] or []), note=row["note"], given_at=row["given_at"],
                        changed_at=row["changed_at"], changeable_until=until, removed=row["removed"])


def _rate_until(order: dict[str, Any]) -> datetime | None:
    if order["status"] not in DONE_STATUSES or order["completed_at"] is None:
        return None
    return order["completed_at"] + timedelta(days=reputation_rules().rating_window_days)


def _check_tags(side: str, tags: list[str]) -> list[str]:
    allowed = TAGS[side]
    for tag in tags:
        if tag not in allowed:
            raise Invalid.field("tags", "rating_tag_unknown", name=tag, choices="、".join(allowed))
    return list(dict.fromkeys(tags))


async def _row(order_id: int, side: str) -> dict[str, Any] | None:
    return await Rating.select().where(Rating.slot == rating_slot(order_id, side)).output(load_json=True).first()


async def give_rating(order_id: int, viewer: CurrentUser, data: RatingCreate) -> RatingRecord:
    """Rate the other party once per order, within the window after completion; the same call changes the rating
    within `rating_change_hours` of giving it, and is refused after (409 `rating_locked`)."""
    async with write_transaction():
        order = await load_order_for(order_id, viewer)
        side = policy.rate_order(viewer, order_facts(order))
        until = _rate_until(order)
        if until is None:
            raise Conflict("rating_not_completed")
        now = clock.now()
        if now > until:
            raise Conflict("rating_window_closed", due=short_local(until))
        tags = _check_tags(side, data.tags)
        note = data.note.strip()
        existing = await _row(order_id, side)
        rated = order["employer_id"] if side == "worker" else order["worker"]
        if existing is not None:
            locks = existing["given_at"] + timedelta(hours=reputation_rules().rating_change_hours)
            if now > locks or existing["removed"]:
                raise Conflict("rating_locked", due=short_local(locks))
            await Rating.update({Rating.stars: data.stars, Rating.tags: tags, Rating.note: note,
                                 Rating.changed_at: now}).where(Rating.id == existing["id"])
            rating_id = existing["id"]
        else:
            added = await Rating.insert(Rating(order=order_id, slot=rating_slot(order_id, side), rater=viewer.id,
                                               rated=rated, rater_side=side, stars=data.stars, tags=tags,
                                               note=note, given_at=now)).returning(Rating.id)
            rating_id = added[0]["id"]
        events.record(RatingGiven(rating_id=rating_id, order_id=order_id, rater_id=viewer.id, rated_id=rated,
                                  rater_side=side, worker_id=order["worker"], employer_id=order["employer_id"],
                                  stars=data.stars, changed=existing is not None))
    row = await _row(order_id, side)
    assert row is not None
    return rating_record(row)


async def order_ratings(order_id: int, viewer: CurrentUser) -> OrderRatings:
    """The caller's side of the ratings on an order: may they rate, their own rating, and the other's about them."""
    order = await load_order_for(order_id, viewer)
    side = policy.rate_order(viewer, order_facts(order))
    until = _rate_until(order)
    mine = await _row(order_id, side)
    theirs = await _row(order_id, _other(side))
    about = RatingAboutMe(given=theirs is not None)
    if theirs is not None:
        if mine is not None or (until is not None and clock.now() > until):
            about = RatingAboutMe(given=True, stars=theirs["stars"], tags=list(theirs["tags"] or []))
        objection = await RatingObjection.select().where(RatingObjection.rating == theirs["id"]).first()
        if objection is not None:
            about = RatingAboutMe(given=True, stars=about.stars, tags=about.tags,
                                  objection=objection_record(objection, order_id))
    can_rate = until is not None and clock.now() <= until and (
        mine is None or (clock.now() <= mine["given_at"] + timedelta(hours=reputation_rules().rating_change_hours)
                         and not mine["removed"]))
    return OrderRatings(side=side, tags=list(TAGS[side]), can_rate=can_rate, rate_until=until,
                        mine=rating_record(mine) if mine else None, about_me=about)
