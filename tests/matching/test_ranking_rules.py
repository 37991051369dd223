"""Ranking rules: hard limits, availability, certificates, explanation, and both directions agree."""

from __future__ import annotations

from datetime import timedelta

import pytest

from matching import HeldSkill, JobIndex, JobPosting, TimeSlot, WorkerIndex, WorkerProfile
from matching.scoring import WEIGHTS, closeness, rating_score, reliability_score

LAT, LON = 24.513, 117.647
KM = 1 / 111.2  # degrees of latitude per km


def worker(worker_id: int, km_north: float = 1.0, skills=(("电工", 3, True),), **kw) -> WorkerProfile:
    held = tuple(HeldSkill(n, y, c) for n, y, c in skills)
    return WorkerProfile(worker_id, LAT + km_north * KM, LON, held, display_name=f"w{worker_id}", **kw)


@pytest.fixture
def job(t0) -> JobPosting:
    return JobPosting(1, LAT, LON, ("电工",), t0, t0 + timedelta(hours=8), radius_km=10.0, title="修电路")


def ids(found) -> list:
    return [c.worker_id for c in found]


def test_job_radius_is_a_hard_limit(job) -> None:
    index = WorkerIndex.build([worker(1, 9.5), worker(2, 10.5, max_distance_km=50)])
    assert ids(index.rank_candidates(job)) == [1]


def test_worker_travel_radius_is_a_hard_limit(job) -> None:
    index = WorkerIndex.build([worker(1, 4.0, max_distance_km=3.0), worker(2, 2.0, max_distance_km=3.0)])
    assert ids(index.rank_candidates(job)) == [2]


def test_closer_ranks_higher_all_else_equal(job) -> None:
    index = WorkerIndex.build([worker(1, 6.0), worker(2, 1.0), worker(3, 3.0)])
    assert ids(index.rank_candidates(job)) == [2, 3, 1]


def test_busy_worker_is_never_offered(job, t0) -> None:
    overlapping = (TimeSlot(t0 + timedelta(hours=7), t0 + timedelta(hours=12)),)
    touching = (TimeSlot(t0 + timedelta(hours=8), t0 + timedelta(hours=12)),)
    index = WorkerIndex.build([worker(1, bookings=overlapping), worker(2, 2.0, bookings=touching)])
    assert ids(index.rank_candidates(job)) == [2]
    index.set_bookings(2, overlapping)
    assert index.rank_candidates(job) == []
    index.set_bookings(1, ())
    assert ids(index.rank_candidates(job)) == [1]


def test_busy_head_does_not_shorten_the_list(job, t0) -> None:
    busy = (TimeSlot(t0, t0 + timedelta(hours=1)),)
    workers = [worker(i, 0.1 * i, bookings=busy if i < 40 else ()) for i in range(60)]
    found = WorkerIndex.build(workers).rank_candidates(job, 10)
    assert ids(found) == list(range(40, 50))


def test_wrong_trade_is_not_a_candidate_however_close(job) -> None:
    welder = worker(1, 0.1, skills=(("电焊工", 9, True),))
    guard = worker(2, 0.1, skills=(("保安", 9, False),))
    index = WorkerIndex.build([welder, guard])
    assert index.rank_candidates(job) == []


def test_certificate_outranks_proximity(job) -> None:
    index = WorkerIndex.build([worker(1, 0.5, skills=(("电工", 3, False),)), worker(2, 4.0)])
    assert ids(index.rank_candidates(job)) == [2, 1]


def test_reliability_shrinks_toward_the_prior() -> None:
    newcomer = reliability_score(0, 0, 0)
    assert 0.7 < newcomer < 0.9
    assert reliability_score(1, 0, 0) < reliability_score(30, 0, 0)
    assert reliability_score(0, 1, 0) > reliability_score(0, 10, 0)
    assert reliability_score(10, 0, 2) > reliability_score(10, 2, 0)  # a late cancel is half a no-show
    assert rating_score(5.0, 1) < rating_score(5.0, 50)
    assert rating_score(None, 0) == pytest.approx((4.0 - 1) / 4)


def test_reliable_worker_outranks_a_no_show(job) -> None:
    index = WorkerIndex.build([worker(1, 2.0, completed=2, no_shows=5), worker(2, 2.0, completed=40)])
    assert ids(index.rank_candidates(job)) == [2, 1]


def test_weights_sum_to_one_and_score_is_explained(job) -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    found = WorkerIndex.build([worker(7, 2.0, completed=5, rating=4.5, ratings=4)]).rank_candidates(job)
    item = found[0].as_dict()
    assert set(item) == {"worker_id", "display_name", "score", "distance_km", "matched_skills", "breakdown"}
    assert item["matched_skills"] == [["电工", "电工", 1.0]]
    assert item["distance_km"] == pytest.approx(2.0, abs=0.05)
    assert item["breakdown"]["distance"] == pytest.approx(closeness(found[0].distance_km), abs=1e-4)
    recomputed = sum(WEIGHTS[k] * v for k, v in found[0].breakdown.items())
    assert found[0].score == pytest.approx(recomputed)


def test_every_required_skill_counts(t0) -> None:
    job = JobPosting(1, LAT, LON, ("电工", "水管工"), t0, t0 + timedelta(hours=4))
    both = worker(1, 3.0, skills=(("电工", 2, True), ("水暖工", 2, False)))
    one = worker(2, 0.5)
    found = WorkerIndex.build([one, both]).rank_candidates(job)
    assert ids(found) == [1, 2]
    assert found[1].matched_skills[1] == ("水管工", "", 0.0)


def test_exclude_hides_workers(job) -> None:
    index = WorkerIndex.build([worker(1), worker(2, 2.0)])
    assert ids(index.rank_candidates(job, exclude={1})) == [2]


def test_both_directions_give_the_same_score(job) -> None:
    w = worker(3, 2.5, completed=7, no_shows=1, rating=4.0, ratings=3)
    candidate = WorkerIndex.build([w]).rank_candidates(job)[0]
    match = JobIndex.build([job]).rank_jobs(w)[0]
    assert candidate.score == pytest.approx(match.score)
    assert candidate.breakdown == pytest.approx(match.breakdown)  # no grade known: no employer_grade key
    assert match.as_dict()["job_id"] == 1


def test_radar_prefers_own_trade_and_hides_clashing_jobs(t0) -> None:
    later = t0 + timedelta(days=1)
    jobs = [
        JobPosting(1, LAT, LON, ("保安",), later, later + timedelta(hours=8)),
        JobPosting(2, LAT + 2 * KM, LON, ("电工",), later, later + timedelta(hours=8)),
        JobPosting(3, LAT, LON, (), later, later + timedelta(hours=8)),
        JobPosting(4, LAT, LON, ("电工",), t0, t0 + timedelta(hours=8)),
    ]
    w = worker(1, 0.0, bookings=(TimeSlot(t0, t0 + timedelta(hours=2)),))
    assert [m.job_id for m in JobIndex.build(jobs).rank_jobs(w)] == [2, 3]


def test_remove_and_reinsert(job) -> None:
    index = WorkerIndex.build([worker(1), worker(2, 2.0)])
    assert index.remove(1)
    assert not index.remove(1)
    assert 1 not in index
    assert ids(index.rank_candidates(job)) == [2]
    index.upsert(worker(1, 0.2))
    assert ids(index.rank_candidates(job)) == [1, 2]
    index.upsert(worker(1, 30.0))  # moved away
    assert ids(index.rank_candidates(job)) == [2]


def test_bad_coordinates_are_refused() -> None:
    with pytest.raises(ValueError, match="out of range"):
        WorkerIndex().upsert(worker(1, 1e6))


def test_build_keeps_the_last_profile_of_a_worker(job) -> None:
    index = WorkerIndex.build([worker(1, 0.5), worker(2, 2.0), worker(1, 30.0)])
    assert len(index) == 2
    assert ids(index.rank_candidates(job)) == [2]


def test_multi_skill_texts_rank_like_separate_skills(t0) -> None:
    job = JobPosting(1, LAT, LON, ("电工/焊工",), t0, t0 + timedelta(hours=4))
    both = worker(1, 3.0, skills=(("电工、焊工", 2, True),))
    one = worker(2, 0.5)
    found = WorkerIndex.build([one, both]).rank_candidates(job)
    assert ids(found) == [1, 2]
    assert [m[:2] for m in found[0].matched_skills] == [("电工", "电工"), ("焊工", "焊工")]
    radar = JobIndex.build([job]).rank_jobs(both)
    assert radar[0].score == pytest.approx(found[0].score)


def test_zero_limit_and_empty_index(job) -> None:
    assert WorkerIndex.build([worker(1)]).rank_candidates(job, 0) == []
    assert WorkerIndex().rank_candidates(job) == []
    assert JobIndex().rank_jobs(worker(1)) == []


def test_radar_ranks_good_employers_higher(t0) -> None:
    later = t0 + timedelta(days=1)
    jobs = [
        JobPosting(grade_id, LAT, LON, ("电工",), later, later + timedelta(hours=8), employer_grade=grade)
        for grade_id, grade in ((1, "C"), (2, "B"), (3, "A"), (4, None))
    ]
    found = JobIndex.build(jobs).rank_jobs(worker(9, 1.0))
    assert [m.job_id for m in found] == [3, 2, 4, 1]
    assert found[0].breakdown["employer_grade"] > 0 > found[-1].breakdown["employer_grade"]
    assert "employer_grade" not in found[2].breakdown
