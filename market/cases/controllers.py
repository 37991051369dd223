"""HTTP routes for wage complaints and cases (`/api/orders/{id}/complaints`, `/api/cases…`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from litestar import Controller, Response, get, post
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.cases import acts
from market.cases.complaints import file_complaint
from market.cases.figures import case_figures
from market.cases.listing import list_cases
from market.cases.schemas import (
    AssignIn,
    CaseDetail,
    CaseOut,
    CloseIn,
    ComplaintIn,
    ComplaintResult,
    EscalateIn,
    Figures,
    FollowUpIn,
    LetterIn,
    NoteIn,
    ReopenIn,
    ReplyIn,
)
from market.cases.views import case_file, get_case
from market.core.schemas import Limit, Offset, Page, PathId, QueryId

__all__ = ["CaseController", "ComplaintController"]

IdempotencyKey = Annotated[str | None, HeaderParameter(name="Idempotency-Key", max_length=100, required=False)]
Status = Literal["received", "assigned", "handling", "closed", "follow_up", "archived"]
_STAFF_OR_BUREAU = requires_role("staff", "supervisor")


class ComplaintController(Controller):
    """Filing a wage complaint about an order: its worker, or staff for a walk-in or a hotline caller."""

    path = "/api/orders"
    tags = ["cases"]

    @post("/{order_id:int}/complaints", operation_id="FileComplaint", status_code=HTTP_201_CREATED,
          guards=[requires_role("worker", "staff")])
    async def file(self, order_id: PathId, data: JSONBody[ComplaintIn], request: AuthedRequest,
                   idempotency_key: IdempotencyKey = None) -> ComplaintResult:
        """The complaint and the case it landed in (new, or one it joined)."""
        return await file_complaint(order_id, request.user, data, idempotency_key)


class CaseController(Controller):
    """Wage cases: the queue, one case file, its acts, its files and the closure figures."""

    path = "/api/cases"
    tags = ["cases"]
    guards = [requires_role("worker", "employer", "staff", "supervisor")]

    @get("/", operation_id="ListCases")
    async def list_all(self, request: AuthedRequest, status: FromQuery[Status | None] = None,
                       overdue: FromQuery[bool | None] = None, mine: FromQuery[bool] = False,
                       employer_id: QueryId = None, limit: Limit = 20, offset: Offset = 0) -> Page[CaseOut]:
        """The caller's cases, overdue and escalated first."""
        return await list_cases(request.user, status, overdue, mine, employer_id, limit, offset)

    @get("/figures", operation_id="GetCaseFigures", guards=[_STAFF_OR_BUREAU])
    async def figures(self, request: AuthedRequest, since: FromQuery[datetime | None] = None,
                      until: FromQuery[datetime | None] = None) -> Figures:
        """按时办结率, 动态办结率, wages recovered and more, over the cases received in [since, until)."""
        return await case_figures(request.user, since, until)

    @get("/{case_id:int}", operation_id="GetCase")
    async def get_one(self, case_id: PathId, request: AuthedRequest) -> CaseDetail:
        """One case: claimants, clock, trail (its chain checked) and files."""
        return await get_case(case_id, request.user)

    @get("/{case_id:int}/files/{sha256:str}", operation_id="GetCaseFile", media_type="application/octet-stream")
    async def file(self, case_id: PathId, sha256: FromPath[str], request: AuthedRequest) -> Response[bytes]:
        """An attachment or letter of the case, by its SHA-256."""
        found, content = await case_file(case_id, sha256, request.user)
        return Response(content, media_type=found.media_type, headers={
            "Content-Disposition": f'inline; filename="{found.sha256[:12]}"', "Cache-Control": "private",
            "X-Content-Type-Options": "nosniff"})

    @post("/{case_id:int}/assign", operation_id="AssignCase", status_code=HTTP_200_OK, guards=[_STAFF_OR_BUREAU])
    async def assign(self, case_id: PathId, data: JSONBody[AssignIn], request: AuthedRequest,
                     idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """Hand the case to a staff member (交办)."""
        return await acts.assign(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/notes", operation_id="AddCaseNote", status_code=HTTP_200_OK, guards=[_STAFF_OR_BUREAU])
    async def notes(self, case_id: PathId, data: JSONBody[NoteIn], request: AuthedRequest,
                    idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """A note on the file, with photos or PDFs."""
        return await acts.add_note(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/letters", operation_id="IssueCaseLetter", status_code=HTTP_200_OK,
          guards=[_STAFF_OR_BUREAU])
    async def letters(self, case_id: PathId, data: JSONBody[LetterIn], request: AuthedRequest,
                      idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """A reminder (提醒函) or supervision letter (督办函), kept as a PDF."""
        return await acts.issue_letter(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/close", operation_id="CloseCase", status_code=HTTP_200_OK,
          guards=[requires_role("staff")])
    async def close(self, case_id: PathId, data: JSONBody[CloseIn], request: AuthedRequest,
                    idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """Close with an outcome (办结); the claimants are asked to confirm."""
        return await acts.close(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/reopen", operation_id="ReopenCase", status_code=HTTP_200_OK, guards=[_STAFF_OR_BUREAU])
    async def reopen(self, case_id: PathId, data: JSONBody[ReopenIn], request: AuthedRequest,
                     idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """Back to handling after closure."""
        return await acts.reopen(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/escalate", operation_id="EscalateCase", status_code=HTTP_200_OK,
          guards=[_STAFF_OR_BUREAU])
    async def escalate(self, case_id: PathId, request: AuthedRequest, idempotency_key: IdempotencyKey = None,
                       data: JSONBody[EscalateIn | None] = None) -> CaseDetail:
        """Up to the bureau; the bureau takes it up (提级督办) or flags it (挂牌督办)."""
        return await acts.escalate(case_id, request.user, data or EscalateIn(), idempotency_key)

    @post("/{case_id:int}/reply", operation_id="ReplyToCase", status_code=HTTP_200_OK,
          guards=[requires_role("employer")])
    async def reply(self, case_id: PathId, data: JSONBody[ReplyIn], request: AuthedRequest,
                    idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """The employer's written answer, and payments on the case's orders."""
        return await acts.reply(case_id, request.user, data, idempotency_key)

    @post("/{case_id:int}/follow-up", operation_id="AnswerCaseFollowUp", status_code=HTTP_200_OK,
          guards=[requires_role("worker", "staff")])
    async def follow_up(self, case_id: PathId, data: JSONBody[FollowUpIn], request: AuthedRequest,
                        idempotency_key: IdempotencyKey = None) -> CaseDetail:
        """已解决 / 未解决 by a claimant, or a phone follow-up recorded by staff."""
        return await acts.follow_up(case_id, request.user, data, idempotency_key)
