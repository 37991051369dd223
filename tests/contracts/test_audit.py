"""The audit trail: events chain by hash, any change to any event is found, records round-trip."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from contracts import GENESIS, AuditEvent, EventKind, append_event, chain_head, check_chain, event_hash

START = datetime(2026, 11, 24, 6, 30, 0, 123456, tzinfo=UTC)


def _chain() -> list[AuditEvent]:
    events: list[AuditEvent] = []
    steps = [(EventKind.CREATED, "platform", "system"), (EventKind.SIGNED_BY_WORKER, "user:812", "app"),
             (EventKind.SIGNED_BY_EMPLOYER, "employer:77", "web"), (EventKind.SEALED, "platform", "system"),
             (EventKind.DOWNLOADED, "user:812", "app"), (EventKind.CANCELLED, "staff:17", "station")]
    for index, (kind, actor, channel) in enumerate(steps):
        events.append(append_event(events, "LG-1", kind, actor, channel, START + timedelta(seconds=index),
                                   {"note": f"第{index}步"}))
    return events


def test_a_fresh_chain_checks_and_links() -> None:
    events = _chain()
    assert check_chain(events).ok
    assert events[0].prev_hash == GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
    assert chain_head(events) == events[-1].hash
    assert chain_head([]) == GENESIS


def test_hash_is_sha256_of_previous_hash_and_canonical_json() -> None:
    event = _chain()[1]
    assert event.hash == event_hash(event.prev_hash, event.payload())
    assert len(event.hash) == 64


@pytest.mark.parametrize("index", range(6))
@pytest.mark.parametrize("change", ["actor", "channel", "at", "details", "kind"])
def test_changing_any_field_of_any_event_breaks_the_chain_there(index: int, change: str) -> None:
    events = _chain()
    values: dict[str, Any] = {"actor": "someone else", "channel": "api", "at": START - timedelta(days=1),
              "details": {"note": "改过"}, "kind": EventKind.VIEWED}
    events[index] = replace(events[index], **{change: values[change]})
    result = check_chain(events)
    assert not result.ok
    assert result.broken_at == index


def test_deleting_or_reordering_events_is_found() -> None:
    events = _chain()
    assert check_chain(events[:2] + events[3:]).broken_at == 2
    assert check_chain([events[1], events[0], *events[2:]]).broken_at == 0


def test_records_round_trip_through_json_shape() -> None:
    events = _chain()
    rebuilt = [AuditEvent.from_record(event.to_record()) for event in events]
    assert check_chain(rebuilt).ok
    assert rebuilt[0].to_record()["at"] == "2026-11-24T06:30:00.123Z"


def test_events_of_another_contract_are_refused() -> None:
    events = _chain()
    assert check_chain(events, contract_number="LG-2").broken_at == 0
