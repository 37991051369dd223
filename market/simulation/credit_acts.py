"""Credit grades in the simulated city: the grade's own subscribers regrade an employer as their record changes,
the nightly pass (`grade_employers`) runs on the background beat and lets falls whose notice period ended take
effect, and at each day's end the grades held are read for the comparison with the employers' latent honesty."""

from __future__ import annotations

from typing import Any

from market.employers.tables import Employer
from market.simulation.context import Sim

__all__ = ["install"]


async def _read_grades(sim: Sim, facts: dict[str, Any]) -> None:
    """Keep the grade every employer holds at the day's end (a new employer holds B)."""
    rows = await Employer.select(Employer.user, Employer.credit_grade).order_by(Employer.user)
    sim.grades_by_day[len(sim.grades_by_day) + 1] = {r["user"]: r["credit_grade"] or "B" for r in rows}


def install(sim: Sim) -> None:
    """Run the nightly grading pass on the background beat and read the grades at every day's end."""
    sim.background.append("grade_employers")
    sim.on("day_end", _read_grades)
