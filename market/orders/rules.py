"""The order rules the service enforces, in one place: the lifecycle applies them and the contract states them."""

from __future__ import annotations

from contracts import ServiceRules
from market.settings import get_settings

__all__ = ["CHECK_IN_OPENS_MINUTES", "service_rules"]

CHECK_IN_OPENS_MINUTES = 60
"""Check-in opens this long before the start."""


def service_rules() -> ServiceRules:
    """The rules in force now, from the settings (cancel windows, check-in fence, no-show grace and objection)."""
    settings = get_settings()
    return ServiceRules(
        worker_cancel_notice_hours=settings.worker_free_cancel_hours,
        employer_cancel_notice_hours=settings.employer_free_cancel_hours,
        check_in_fence_m=settings.check_in_fence_m,
        check_in_opens_minutes=CHECK_IN_OPENS_MINUTES,
        no_show_grace_minutes=settings.no_show_grace_minutes,
        no_show_objection_hours=settings.no_show_objection_hours,
    )
