"""Linggong matching: trades taxonomy, skill similarity, and fast explained ranking of workers and jobs.

A plain library: no database, web or network imports. The service builds a MatchingState from database rows at
start-up, applies change records as they happen, and calls rank_candidates / rank_jobs. See docs/matching.md.
"""

from matching.job_index import JobIndex
from matching.model import Candidate, HeldSkill, JobMatch, JobPosting, TimeSlot, WorkerProfile
from matching.resolve import Resolution, resolve_skill
from matching.scoring import WEIGHTS
from matching.similarity import skill_similarity
from matching.suggest import Suggestion, suggest
from matching.sync import BookingsChanged, Change, JobChanged, JobRemoved, MatchingState, WorkerChanged, WorkerRemoved
from matching.taxonomy import Addition, Taxonomy, Trade, install_additions, load_taxonomy
from matching.worker_index import WorkerIndex

__all__ = [
    "WEIGHTS",
    "Addition",
    "BookingsChanged",
    "Candidate",
    "Change",
    "HeldSkill",
    "JobChanged",
    "JobIndex",
    "JobMatch",
    "JobPosting",
    "JobRemoved",
    "MatchingState",
    "Resolution",
    "Suggestion",
    "Taxonomy",
    "TimeSlot",
    "Trade",
    "WorkerChanged",
    "WorkerIndex",
    "WorkerProfile",
    "WorkerRemoved",
    "install_additions",
    "load_taxonomy",
    "resolve_skill",
    "skill_similarity",
    "suggest",
]
