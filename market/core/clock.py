"""The one clock: every "now" in the market comes from here, so tests can move time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

__all__ = ["freeze", "now", "shift", "unfreeze"]

_frozen: datetime | None = None
_offset = timedelta(0)


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC) + _offset


def freeze(at: datetime) -> None:
    """Stop the clock at `at` (tests only)."""
    global _frozen
    _frozen = at.astimezone(UTC)


def shift(by: timedelta) -> None:
    """Move the clock forward or back by `by` (tests only)."""
    global _frozen, _offset
    if _frozen is not None:
        _frozen += by
    else:
        _offset += by


def unfreeze() -> None:
    """Return to real time."""
    global _frozen, _offset
    _frozen, _offset = None, timedelta(0)
