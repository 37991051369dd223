"""`create_app()`: the Litestar application, wired once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

from litestar import Litestar, Router, get
from litestar.config.compression import CompressionConfig
from litestar.datastructures import State
from litestar.openapi.config import OpenAPIConfig

from market.accounts.auth import PUBLIC_ROUTE, install_user_lookup, make_auth
from market.accounts.controllers import AuthController
from market.accounts.throttle import AttemptThrottle
from market.alerts.controllers import AlertSettingsController, InvitationController, PoolController
from market.api_docs import docs_assets_router, render_plugins
from market.background.runner import background_lifespan, runner_for_app
from market.background.wiring import install as install_subscriptions
from market.backoffice.controllers import AdminController, AdminLogController
from market.caching import RevalidateMiddleware
from market.cases.controllers import CaseController, ComplaintController
from market.contracts.controllers import ContractController, VerifyPageController
from market.core.database import close_pool, open_pool
from market.core.db_probe import database_answers
from market.core.error_responses import exception_handlers
from market.core.http import MarketRequest, RefuseControlCharacters, StaticFileSystem, repair_options_answers
from market.core.log_masking import install_log_masking
from market.core.schemas import Schema
from market.courses.controllers import CourseController, SuggestionController
from market.credit.controllers import BarredController, GradeController
from market.employers.controllers import EmployerController
from market.exports.controllers import ExportController
from market.frontend import SKIP_COMPRESSION, FrontEnd, find_static_dir, frontend_handlers
from market.jobs.controllers import JobController
from market.notifications.controllers import DeliveryController, InboxController
from market.openapi import SECURITY_SCHEMES, ClosedRequestBodies, describe_answers
from market.orders.controllers import AcceptController, OrderController
from market.orders.walk_in_codes import ConsentCodeController
from market.places.controllers import PlaceController
from market.ranking.controllers import RankedJobController, WalkInJobsController
from market.ranking.state import cached_user, matching_lifespan
from market.ranking.trades import TradeController
from market.reputation.controllers import OrderRatingController, RatingObjectionController, ReputationController
from market.settings import Settings, get_settings
from market.stations.controllers import StationController
from market.stats.controllers import StatsController
from market.wages.controllers import WarningController, WorkdayController
from market.workers.controllers import IdentityConflictController, WalkInController, WorkerController

__all__ = ["create_app", "reset_state"]


MAX_BODY_BYTES = 2 * 1024 * 1024


@asynccontextmanager
async def database_pool(_: Litestar) -> AsyncIterator[None]:
    """Open the PostgreSQL pool for the app's life, unless the host already opened one (SQLite needs none)."""
    opened = await open_pool()
    try:
        yield
    finally:
        if opened:
            await close_pool()


class HealthOut(Schema):
    """The service is up and its database answers."""

    status: Literal["ok"]


@get("/api/health", operation_id="Health", opt=PUBLIC_ROUTE, tags=["service"], include_in_schema=True)
async def health() -> HealthOut:
    """Liveness and database reachability, for load balancers and compose health checks."""
    await database_answers()  # one SELECT 1 a second, shared by the requests of that second
    return HealthOut(status="ok")


def _openapi() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Linggong 零工 API",
        version="1.0",
        description="City gig-labour market: accounts, jobs, orders, contracts. Errors share one shape.",
        path="/api/docs",
        render_plugins=render_plugins(),
        components=SECURITY_SCHEMES,
    )


async def _close_throttle(app: Litestar) -> None:
    await app.state.throttle.close()
    await app.state.verify_throttle.close()


def _process_state(settings: Settings) -> dict[str, Any]:
    """What a newly started process holds besides its routes: the login and verify throttles (anonymous contract
    verification has its own per-address counts) and the in-process runner; the matching state comes on first use."""
    return {"runner": runner_for_app(), "throttle": AttemptThrottle(
        per_phone=settings.login_attempts_per_minute, per_address=settings.login_attempts_per_address_per_minute,
        redis_url=settings.redis_url, slowdown_per_phone=settings.login_slowdown_per_phone_per_minute),
        "verify_throttle": AttemptThrottle(
            per_phone=0, per_address=settings.verify_attempts_per_address_per_minute, redis_url=settings.redis_url)}


def reset_state(app: Litestar) -> None:
    """Give `app` the state a newly started process has, keeping its routes (building those is most of
    `create_app`'s cost): for one process that points the same app at a fresh, empty database (the test suite)."""
    auth = app.state.auth
    for key in list(app.state.dict()):
        del app.state[key]
    app.state.update({"auth": auth, **_process_state(get_settings())})
    install_subscriptions()
    install_user_lookup(cached_user)


def create_app() -> Litestar:
    """The market's web application; refuses to build in production with unsafe settings.

    The process-wide state requests need lives on `app.state`, made here: `auth`, the login and verify
    `throttle`s, the in-process `runner` (none with Redis; the lifespan starts it) and, made on first use so an
    app served without its lifespan works too, `matching`.
    """
    settings = get_settings()
    settings.check_for_production()
    install_subscriptions()
    install_user_lookup(cached_user)  # tokens are checked against user rows remembered per process (ranking's feed)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # pyHanko logs a traceback for every malformed upload; verification answers those as problems instead.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    auth = make_auth()
    # One router for the API: Litestar builds a path's handler map once, so controllers of different packages
    # that share a path (/api/jobs: posting in jobs, the radar in ranking) must be registered together.
    api = Router(path="/", route_handlers=[
        AuthController, WorkerController, WalkInController, ConsentCodeController, IdentityConflictController,
        EmployerController, StationController, PlaceController, JobController, RankedJobController, AcceptController,
        OrderController, ContractController, VerifyPageController, InboxController, DeliveryController,
        TradeController, ComplaintController, CaseController, WarningController, WorkdayController,
        WalkInJobsController,
        OrderRatingController, RatingObjectionController, ReputationController,
        AdminController, AdminLogController, ExportController,
        PoolController, InvitationController, AlertSettingsController, StatsController,
        GradeController, BarredController, CourseController, SuggestionController])
    handlers: list[Any] = [health, api]
    handlers.append(docs_assets_router(opt=PUBLIC_ROUTE, file_system=StaticFileSystem()))
    static_dir = find_static_dir(settings.static_dir)
    if static_dir is not None:
        handlers.extend(frontend_handlers(FrontEnd(static_dir), opt=PUBLIC_ROUTE))
    app = Litestar(
        route_handlers=handlers,
        on_app_init=[auth.on_app_init],
        exception_handlers=exception_handlers,
        middleware=[RefuseControlCharacters(), RevalidateMiddleware],
        request_class=MarketRequest,
        lifespan=[database_pool, matching_lifespan, background_lifespan],
        plugins=[ClosedRequestBodies()],
        on_shutdown=[_close_throttle],
        openapi_config=_openapi(),
        # Brotli for browsers that take it, gzip for the rest; the front end's files come precompressed.
        compression_config=CompressionConfig(backend="brotli", brotli_gzip_fallback=True, minimum_size=500,
                                             exclude_opt_key=SKIP_COMPRESSION),
        state=State({"auth": auth, **_process_state(settings)}),
        request_max_body_size=MAX_BODY_BYTES,
        debug=False,
    )
    install_log_masking()  # after Litestar (and uvicorn, when serving) configured their handlers
    describe_answers(app)
    repair_options_answers(app)
    return app
