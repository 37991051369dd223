"""Keeping an app process's indexes fresh: apply change records read from the database since a watermark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from matching.job_index import JobIndex
from matching.model import JobPosting, TimeSlot, WorkerProfile
from matching.worker_index import WorkerIndex

__all__ = ["BookingsChanged", "Change", "JobChanged", "JobRemoved", "MatchingState", "WorkerChanged", "WorkerRemoved"]


@dataclass(frozen=True, slots=True)
class WorkerChanged:
    """A worker's current profile (new or edited, or their record/rating changed)."""

    seq: int
    profile: WorkerProfile


@dataclass(frozen=True, slots=True)
class WorkerRemoved:
    """A worker is no longer matchable (deleted, banned, not seeking work)."""

    seq: int
    worker_id: Any


@dataclass(frozen=True, slots=True)
class BookingsChanged:
    """A worker's current busy intervals (an order was accepted, cancelled or finished)."""

    seq: int
    worker_id: Any
    bookings: tuple[TimeSlot, ...]


@dataclass(frozen=True, slots=True)
class JobChanged:
    """A job's current state while it is open and not full."""

    seq: int
    job: JobPosting


@dataclass(frozen=True, slots=True)
class JobRemoved:
    """A job is full, closed, cancelled or past."""

    seq: int
    job_id: Any


Change = WorkerChanged | WorkerRemoved | BookingsChanged | JobChanged | JobRemoved


class MatchingState:
    """One city's worker and job indexes in one process, and the highest change sequence applied to them.

    Every change record carries the entity's *current* state, so applying one twice, or late, is harmless:
    a poller may re-read an overlap window behind the watermark to catch transactions that committed late.
    """

    def __init__(self, workers: WorkerIndex, jobs: JobIndex, watermark: int = 0) -> None:
        """Wrap built indexes; `watermark` is the change sequence the build reflects."""
        self.workers = workers
        self.jobs = jobs
        self.watermark = watermark

    @classmethod
    def build(cls, workers: Iterable[WorkerProfile], jobs: Iterable[JobPosting], watermark: int = 0) -> MatchingState:
        """Start-up: build both indexes from database rows read at change sequence `watermark`."""
        return cls(WorkerIndex.build(workers), JobIndex.build(jobs), watermark)

    def apply(self, changes: Iterable[Change]) -> int:
        """Apply changes in sequence order; returns how many were applied and advances the watermark."""
        count = 0
        for change in sorted(changes, key=lambda c: c.seq):
            self._apply_one(change)
            self.watermark = max(self.watermark, change.seq)
            count += 1
        return count

    def _apply_one(self, change: Change) -> None:
        match change:
            case WorkerChanged(profile=profile):
                self.workers.upsert(profile)
            case WorkerRemoved(worker_id=worker_id):
                self.workers.remove(worker_id)
            case BookingsChanged(worker_id=worker_id, bookings=bookings):
                self.workers.set_bookings(worker_id, bookings)
            case JobChanged(job=job):
                self.jobs.upsert(job)
            case JobRemoved(job_id=job_id):
                self.jobs.remove(job_id)
