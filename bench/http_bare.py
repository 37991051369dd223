"""The bare framework the HTTP bench compares against: one Litestar route returning 20 small objects, nothing else."""

from __future__ import annotations

from litestar import Litestar, get

ITEMS = [{"id": i, "title": f"job {i}", "score": 0.5, "distance_km": 1.25} for i in range(20)]


@get("/")
async def twenty() -> dict[str, object]:
    """20 small objects, the size of a page of the radar without its explanations."""
    return {"items": ITEMS, "total": 20, "limit": 20, "offset": 0}


app = Litestar(route_handlers=[twenty])
