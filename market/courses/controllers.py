"""HTTP routes of training courses (`/api/courses…`) and a worker's course suggestions."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch, post, put
from litestar.params import FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_201_CREATED

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_staff, requires_worker
from market.core.schemas import Limit, Offset, Page, PathId, QueryId
from market.core.text import LINE_PATTERN
from market.courses.listing import change_course, create_course, get_course, list_courses
from market.courses.mine import my_suggestions, set_suggestions_enabled
from market.courses.schemas import CourseCreate, CourseOut, CoursePatch, Suggestions, SuggestionSettings

__all__ = ["CourseController", "SuggestionController"]


class CourseController(Controller):
    """Courses: everyone signed in reads them; station staff list and edit their station's, admins any."""

    path = "/api/courses"
    tags = ["courses"]

    @get("/", operation_id="ListCourses")
    async def list_all(
        self, request: AuthedRequest,
        trade: Annotated[str | None, QueryParameter(max_length=40, pattern=LINE_PATTERN)] = None,
        station_id: QueryId = None, upcoming: FromQuery[bool] = True, limit: Limit = 20, offset: Offset = 0,
    ) -> Page[CourseOut]:
        """Courses not over and not withdrawn (`upcoming=false`: all), nearest first for a worker, else by start."""
        return await list_courses(request.user, trade=trade, station_id=station_id, upcoming=upcoming, limit=limit,
                                  offset=offset)

    @get("/{course_id:int}", operation_id="GetCourse")
    async def get_one(self, course_id: PathId, request: AuthedRequest) -> CourseOut:
        """One course; 404 `course_not_found`."""
        return await get_course(request.user, course_id)

    @post("/", operation_id="CreateCourse", status_code=HTTP_201_CREATED, guards=[requires_staff])
    async def create(self, data: JSONBody[CourseCreate], request: AuthedRequest) -> CourseOut:
        """List a course: staff for their own station, admins for any (logged in the admin log)."""
        return await create_course(request.user, data)

    @patch("/{course_id:int}", operation_id="UpdateCourse", guards=[requires_staff])
    async def change(self, course_id: PathId, data: JSONBody[CoursePatch], request: AuthedRequest) -> CourseOut:
        """Change or withdraw a course: its station's staff, or an admin (403 `course_other_station` otherwise)."""
        return await change_course(request.user, course_id, data)


class SuggestionController(Controller):
    """The worker's course suggestions, and their opt-out."""

    path = "/api/workers/me/suggestions"
    tags = ["courses"]
    guards = [requires_worker]

    @get("/", operation_id="ListMySuggestions")
    async def mine(self, request: AuthedRequest, limit: Limit = 20, offset: Offset = 0) -> Suggestions:
        """Your current course suggestions, each with the number behind it, and whether suggestions are on."""
        return await my_suggestions(request.user.id, limit, offset)

    @put("/", operation_id="UpdateSuggestionSettings")
    async def settings(self, data: JSONBody[SuggestionSettings], request: AuthedRequest) -> Suggestions:
        """Turn course suggestions off (`enabled: false`, opt-out) or on again."""
        return await set_suggestions_enabled(request.user.id, data.enabled)
