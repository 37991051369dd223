"""Domain events and the unit of work: a write transaction collects the facts it made true, and the side effects
subscribed to them run once, in the same transaction or after it commits.

A writer says what happened (`record(OrderAccepted(...))`) and never calls a side effect itself. Each subscriber
is registered once at start-up (`market.subscriptions.install`) for the event types that concern it:

- `Phase.in_transaction`: runs just before the commit, inside the writer's transaction (outbox rows, matching
  changes, trails: they commit or roll back with the change). It may record further events, handled in the same
  pass. An exception rolls the whole unit back, as if the writer had raised it.
- `Phase.after_commit`: runs once the outermost transaction has committed (never after a rollback), for work that
  must not hold the write lock (signing keys, contracts) or that only nudges another process. An exception is
  logged, not raised: the change itself stands, and the background jobs find work left undone.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

__all__ = [
    "DomainEvent",
    "NoSubscribers",
    "Phase",
    "Subscriber",
    "Subscriptions",
    "UnitOfWork",
    "begin_unit",
    "current_unit",
    "end_unit",
    "install",
    "installed",
    "record",
]

log = logging.getLogger(__name__)

E = TypeVar("E", bound="DomainEvent")


@dataclass(frozen=True)
class DomainEvent:
    """Something that became true in the market; a subclass per kind, its fields the facts subscribers need."""


Handler = Callable[[Any], Awaitable[None]]


class Phase(StrEnum):
    """When a subscriber runs relative to the writer's commit."""

    in_transaction = "in_transaction"
    after_commit = "after_commit"


@dataclass(frozen=True)
class Subscriber:
    """One side effect: its name (for logs and docs), the handler and its phase."""

    name: str
    handler: Handler
    phase: Phase


class NoSubscribers(RuntimeError):
    """An event was recorded in a process where nothing installed the subscriptions: its side effects would be lost."""


@dataclass
class Subscriptions:
    """Which subscribers each event type has; built once at start-up and installed for the process."""

    by_type: dict[type[DomainEvent], list[Subscriber]] = field(default_factory=lambda: defaultdict(list))

    def subscribe(self, event_type: type[E], handler: Callable[[E], Awaitable[None]], *,
                  phase: Phase = Phase.in_transaction, name: str | None = None) -> None:
        """Run `handler` for every `event_type` (and its subclasses) recorded from now on."""
        label = name or str(getattr(handler, "__qualname__", repr(handler)))
        self.by_type[event_type].append(Subscriber(label, handler, phase))

    def for_event(self, event: DomainEvent) -> list[Subscriber]:
        """The subscribers of this event, most general type last, in the order they subscribed."""
        found: list[Subscriber] = []
        for kind in type(event).__mro__:
            found.extend(self.by_type.get(kind, ()))  # type: ignore[call-overload]
        return found

    def table(self) -> list[tuple[str, str, str]]:
        """(event, subscriber, phase) rows, for docs and tests."""
        return [(kind.__name__, sub.name, sub.phase.value) for kind, subs in self.by_type.items() for sub in subs]


_installed: Subscriptions | None = None


def install(subscriptions: Subscriptions) -> None:
    """Make `subscriptions` this process's (start-up code calls this once: app, worker, command line)."""
    global _installed
    _installed = subscriptions


def installed() -> Subscriptions:
    """This process's subscriptions; `NoSubscribers` when start-up never installed them."""
    if _installed is None:
        raise NoSubscribers("domain events recorded before market.subscriptions.install() ran")
    return _installed


class UnitOfWork:
    """The events one write transaction has recorded, and the after-commit work they left."""

    def __init__(self) -> None:
        """Nothing recorded yet."""
        self._pending: list[DomainEvent] = []
        self._later: list[tuple[Subscriber, DomainEvent]] = []
        self.events: list[DomainEvent] = []
        """Every event recorded in this unit, in order (for tests and logs)."""

    def record(self, event: DomainEvent) -> None:
        """Note that `event` happened in this unit."""
        self._pending.append(event)
        self.events.append(event)

    async def flush(self) -> None:
        """Run the in-transaction subscribers of everything recorded so far, events they record included."""
        subscriptions = installed() if self._pending else None
        while self._pending:
            event = self._pending.pop(0)
            assert subscriptions is not None
            for subscriber in subscriptions.for_event(event):
                if subscriber.phase is Phase.in_transaction:
                    await subscriber.handler(event)
                else:
                    self._later.append((subscriber, event))

    async def run_after_commit(self) -> None:
        """Run the after-commit subscribers, each failure logged and the rest still run."""
        later, self._later = self._later, []
        for subscriber, event in later:
            try:
                await subscriber.handler(event)
            except Exception:
                log.exception("after-commit subscriber %s failed for %s", subscriber.name, type(event).__name__)


_unit: ContextVar[UnitOfWork | None] = ContextVar("unit_of_work", default=None)


def current_unit() -> UnitOfWork | None:
    """The unit of work of the running write transaction, if any."""
    return _unit.get()


def begin_unit() -> Token[UnitOfWork | None]:
    """Start a unit of work for the outermost write transaction (`market.core.database.write_transaction`)."""
    return _unit.set(UnitOfWork())


def end_unit(token: Token[UnitOfWork | None]) -> None:
    """Forget the unit `begin_unit` started."""
    _unit.reset(token)


def record(event: DomainEvent) -> None:
    """Record `event` in the current write transaction's unit of work; it must be inside one."""
    unit = current_unit()
    if unit is None:
        raise RuntimeError(f"{type(event).__name__} recorded outside a write transaction")
    unit.record(event)
