"""The case service the demo city's cases are made with (`market.demo.cases.CaseService`), over the real acts."""

from __future__ import annotations

from typing import Any

import msgspec

from market.accounts.auth import CurrentUser
from market.cases import acts
from market.cases.complaints import file_complaint
from market.cases.schemas import AssignIn, CloseIn, ComplaintIn, FollowUpIn, LetterIn, NoteIn, RecoveredIn, ReplyIn
from market.cases.views import get_case

__all__ = ["RealCaseService"]


def _plain(value: Any) -> dict[str, Any]:
    return msgspec.to_builtins(value)  # type: ignore[no-any-return]


class RealCaseService:
    """Each demo step as the clerk, the employer or the worker would take it through the API."""

    async def file_complaint(self, order_id: int, actor: CurrentUser, *, kind: str, amount_fen: int, note: str,
                             channel: str) -> dict[str, Any]:
        """A complaint about an order, as its worker (channel `app`) or staff (`station`, a hotline)."""
        data = ComplaintIn(kind=kind, amount_fen=amount_fen, note=note,  # type: ignore[arg-type]
                           channel=None if channel == "app" else channel)  # type: ignore[arg-type]
        return _plain(await file_complaint(order_id, actor, data, None))

    async def assign_case(self, case_id: int, actor: CurrentUser, *, owner_id: int) -> dict[str, Any]:
        """Give the case to a clerk."""
        return _plain(await acts.assign(case_id, actor, AssignIn(owner_id=owner_id), None))

    async def add_note(self, case_id: int, actor: CurrentUser, *, note: str) -> dict[str, Any]:
        """A step of the handling."""
        return _plain(await acts.add_note(case_id, actor, NoteIn(text=note), None))

    async def send_letter(self, case_id: int, actor: CurrentUser, *, kind: str) -> dict[str, Any]:
        """A reminder or supervision letter."""
        return _plain(await acts.issue_letter(case_id, actor, LetterIn(kind=kind), None))  # type: ignore[arg-type]

    async def reply_to_case(self, case_id: int, actor: CurrentUser, *, note: str) -> dict[str, Any]:
        """The employer's written answer."""
        return _plain(await acts.reply(case_id, actor, ReplyIn(text=note), None))

    async def close_case(self, case_id: int, actor: CurrentUser, *, outcome: str, recovered_fen: int,
                         note: str) -> dict[str, Any]:
        """Close with an outcome; `recovered_fen` is shared out over the claimants in their order, up to each claim."""
        claimants = _plain(await get_case(case_id, actor))["claimants"]
        left, recovered = recovered_fen, []
        for claimant in claimants:
            share = min(left, claimant["amount_fen"])
            if share > 0:
                recovered.append(RecoveredIn(complaint_id=claimant["id"], amount_fen=share))
                left -= share
        data = CloseIn(outcome=outcome, note=note, recovered=recovered)  # type: ignore[arg-type]
        return _plain(await acts.close(case_id, actor, data, None))

    async def answer_follow_up(self, case_id: int, actor: CurrentUser, *, resolved: bool, note: str) -> dict[str, Any]:
        """A claimant's 已解决 / 未解决."""
        return _plain(await acts.follow_up(case_id, actor, FollowUpIn(resolved=resolved, note=note), None))
