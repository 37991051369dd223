"""HTTP routes of credit grades: read a grade, a supervisor's review, the employer's answer, the D list."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_200_OK

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_role
from market.core.i18n import pick_language
from market.core.schemas import Limit, Offset, Page, PathId
from market.credit import reviews, views
from market.credit.schemas import BarredEmployer, Grade, GradeResponseCreate, GradeReviewCreate

__all__ = ["BarredController", "GradeController"]


def _language(request: AuthedRequest) -> str:
    return pick_language(request.headers.get("accept-language"))


class GradeController(Controller):
    """An employer's credit grade: the employer themself, station staff and the bureau read it; the bureau reviews
    it; the employer answers a notice of a fall."""

    path = "/api/employers/{employer_id:int}/grade"
    tags = ["credit"]

    @get("/", operation_id="GetEmployerGrade", guards=[requires_role("employer", "staff", "supervisor")])
    async def get_grade(self, employer_id: PathId, request: AuthedRequest) -> Grade:
        """The grade, the reasons with the deals and cases behind them, the history, and any fall pending."""
        return await views.grade_of(employer_id, request.user, _language(request))

    @post("/review", operation_id="ReviewEmployerGrade", guards=[requires_role("supervisor")],
          status_code=HTTP_200_OK)
    async def review(self, employer_id: PathId, data: JSONBody[GradeReviewCreate], request: AuthedRequest) -> Grade:
        """Set the grade with a written reason (it stands over the rules), or `grade: null` to return to them."""
        await reviews.review_grade(employer_id, data, request.user)
        return await views.grade_of(employer_id, request.user, _language(request))

    @post("/response", operation_id="AnswerGradeNotice", guards=[requires_role("employer")],
          status_code=HTTP_200_OK)
    async def respond(self, employer_id: PathId, data: JSONBody[GradeResponseCreate],
                      request: AuthedRequest) -> Grade:
        """The employer's written answer to a notice of a fall, read by the supervisor reviewing it."""
        await reviews.answer_notice(employer_id, data, request.user)
        return await views.grade_of(employer_id, request.user, _language(request))


class BarredController(Controller):
    """The employers graded D (失信) with the reason and the day each may be lifted: for the bureau and admins."""

    path = "/api/credit/barred"
    tags = ["credit"]
    guards = [requires_role("supervisor", "admin")]

    @get("/", operation_id="ListBarredEmployers")
    async def list_all(self, request: AuthedRequest, limit: Limit = 20, offset: Offset = 0) -> Page[BarredEmployer]:
        """Employers graded D, longest barred first."""
        return await views.barred_employers(_language(request), limit, offset)
