"""HTTP routes for the in-app inbox, and for staff: failed deliveries and the development SMS log."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromQuery, QueryParameter
from litestar.status_codes import HTTP_200_OK

from market.accounts.auth import AuthedRequest
from market.accounts.guards import requires_staff
from market.core.i18n import pick_language
from market.core.schemas import Limit, Offset, Page, PathId
from market.core.text import LINE_PATTERN
from market.notifications import inbox
from market.notifications.schemas import DeliveryOut, InboxPage, ReadResult, SmsOut

__all__ = ["DeliveryController", "InboxController"]

Limit = Limit
Offset = Offset


class InboxController(Controller):
    """Each user's own messages."""

    path = "/api/notifications"
    tags = ["notifications"]

    @get("/", operation_id="ListNotifications")
    async def list_mine(self, request: AuthedRequest, unread: FromQuery[bool] = False, limit: Limit = 20,
                        offset: Offset = 0) -> InboxPage:
        """The caller's messages, newest first, with the unread count."""
        language = pick_language(request.headers.get("accept-language"))
        return await inbox.list_inbox(request.user.id, language, unread, limit, offset)

    @post("/{notification_id:int}/read", operation_id="MarkNotificationRead", status_code=HTTP_200_OK)
    async def read_one(self, notification_id: PathId, request: AuthedRequest) -> ReadResult:
        """Mark one message read."""
        return await inbox.mark_read(request.user.id, notification_id)

    @post("/read-all", operation_id="MarkAllNotificationsRead", status_code=HTTP_200_OK)
    async def read_all(self, request: AuthedRequest) -> ReadResult:
        """Mark every message read."""
        return await inbox.mark_all_read(request.user.id)


class DeliveryController(Controller):
    """Staff: deliveries that failed for good, and the texts the development SMS adapter recorded."""

    path = "/api/deliveries"
    tags = ["notifications"]
    guards = [requires_staff]

    @get("/failed", operation_id="ListFailedDeliveries")
    async def failed(self, limit: Limit = 20, offset: Offset = 0) -> Page[DeliveryOut]:
        """Deliveries that gave up after their last retry."""
        items, total = await inbox.failed_deliveries(limit, offset)
        return Page(items=items, total=total, limit=limit, offset=offset)

    @get("/sms", operation_id="ListSmsLog")
    async def sms(self, phone: Annotated[str | None, QueryParameter(max_length=20, pattern=LINE_PATTERN)] = None,
                  limit: Limit = 20, offset: Offset = 0) -> Page[SmsOut]:
        """Texts recorded by the development SMS adapter (empty when a real gateway is configured)."""
        items, total = await inbox.sms_log(phone, limit, offset)
        return Page(items=items, total=total, limit=limit, offset=offset)
