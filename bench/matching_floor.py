"""The bare numpy + rapidfuzz floor: the least work that ranks top k by skill and distance, nothing else."""

from __future__ import annotations

import math

import numpy as np
from rapidfuzz import fuzz, process

from bench.matching_synth import SyntheticCity
from matching.geo import local_km_many
from matching.model import JobPosting

__all__ = ["Floor"]


class Floor:
    """Workers sorted by latitude; a job's skills scored against the vocabulary with cdist, then a gather."""

    def __init__(self, city: SyntheticCity) -> None:
        """Copy the city's columns in latitude order."""
        order = np.argsort(city.lat)
        self.lat, self.lon = city.lat[order], city.lon[order]
        pad = len(city.vocabulary)
        skills = city.skills[order]
        self.skills = np.where(skills < 0, pad, skills).astype(np.int32)
        self.trust = 0.15 * (city.completed[order] + 4) / (city.completed[order] + city.no_shows[order] + 5)
        self.vocabulary = city.vocabulary
        self.cache: dict[str, np.ndarray] = {}

    def _similarity(self, text: str, cached: bool) -> np.ndarray:
        if cached and text in self.cache:
            return self.cache[text]
        scores = process.cdist([text], self.vocabulary, scorer=fuzz.ratio, dtype=np.float64)[0] / 100.0
        vector = np.append(scores, 0.0)
        self.cache[text] = vector
        return vector

    def rank(self, job: JobPosting, limit: int = 20, cached: bool = True) -> np.ndarray:
        """Positions of the top `limit` workers (in latitude order)."""
        dlat = job.radius_km / 111.19
        dlon = dlat / math.cos(math.radians(job.lat))
        lo, hi = np.searchsorted(self.lat, [job.lat - dlat, job.lat + dlat])
        near = np.flatnonzero(np.abs(self.lon[lo:hi] - job.lon) <= dlon) + lo
        distance = local_km_many(job.lat, job.lon, self.lat[near], self.lon[near])
        inside = distance <= job.radius_km
        near, distance = near[inside], distance[inside]
        held = self.skills[near]
        skill = np.zeros(len(near))
        for text in job.skills:
            vector = self._similarity(text, cached)
            best = vector[held[:, 0]]
            for slot in range(1, held.shape[1]):
                np.maximum(best, vector[held[:, slot]], out=best)
            skill += best
        score = 0.5 * skill / len(job.skills) + 0.2 * np.exp(-distance / 5.0) + self.trust[near]
        top = np.argpartition(-score, limit)[:limit] if len(score) > limit else np.arange(len(score))
        return near[top[np.argsort(-score[top])]]
