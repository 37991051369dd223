"""The back office grows the trades taxonomy: a synonym for a trade people call by another name, or a new trade.

Additions are rows of `trade_additions`; every process installs them into the matching library through
`market.ranking.taxonomy_feed` (polled, so a second app process sees an addition within a second, and this one at
once), and the matcher, the trade suggestions and the radar use them without a restart.
"""

from __future__ import annotations

from collections.abc import Sequence

from piccolo.query.functions.aggregate import Count, Max

from market.backoffice import log
from market.backoffice.events import TradeAdded
from market.backoffice.schemas import TradeAdd, TradeOut
from market.backoffice.tables import TradeAddition
from market.core import clock
from market.core.database import write_transaction
from market.core.errors import Conflict, Invalid
from market.core.events import record
from market.ranking.taxonomy_feed import refresh_taxonomy
from matching import Addition, load_taxonomy
from matching.normalize import normalize_skill

__all__ = ["add_trade", "additions", "additions_version", "list_trades"]


async def additions_version() -> str:
    """A text that changes with every addition (and with a database emptied and filled again)."""
    row = await TradeAddition.select(Max(TradeAddition.id, alias="top"), Count(TradeAddition.id, alias="n"),
                                     Max(TradeAddition.added_at, alias="last")).first()
    return f"{row['top']}:{row['n']}:{row['last']}" if row and row["n"] else ""


async def additions() -> Sequence[Addition]:
    """Every addition, oldest first, as the matching library takes them."""
    rows = await TradeAddition.select().order_by(TradeAddition.id)
    return [Addition(kind=r["kind"], code=r["code"], name=r["name"], en=r["en"], category=r["category"],
                     related_to=r["related_to"]) for r in rows]


async def list_trades(q: str | None = None) -> list[TradeOut]:
    """The taxonomy in use, with each trade's synonyms and which of them the back office added; `q` keeps the
    trades whose code or any name holds it."""
    await refresh_taxonomy()
    added: dict[str, list[str]] = {}
    for row in await TradeAddition.select(TradeAddition.code, TradeAddition.name).order_by(TradeAddition.id):
        added.setdefault(row["code"], []).append(row["name"])
    found = []
    for trade in load_taxonomy().trades:
        names = [trade.zh, *trade.synonyms, trade.en, *trade.en_synonyms]
        if q and q not in trade.code and not any(q.lower() in name.lower() for name in names):
            continue
        found.append(TradeOut(code=trade.code, zh=trade.zh, en=trade.en, synonyms=list(trade.synonyms),
                              added=added.get(trade.code, [])))
    return found


def _check(data: TradeAdd) -> None:
    taxonomy = load_taxonomy()
    name = normalize_skill(data.name)
    if not name:
        raise Invalid.field("name", "blank")
    if name in taxonomy.alias_to_code:
        raise Conflict("trade_name_taken", [], name=taxonomy.get(taxonomy.alias_to_code[name]).zh)
    if data.kind == "synonym":
        if data.trade not in taxonomy.index:
            raise Invalid.field("trade", "trade_unknown")
        if data.related_to is not None:
            raise Invalid.field("related_to", "unknown_field")
        return
    if data.trade in taxonomy.index:
        raise Conflict("trade_code_taken", [])
    if not data.en.strip():
        raise Invalid.field("en", "required")
    if data.related_to is not None and data.related_to not in taxonomy.index:
        raise Invalid.field("related_to", "trade_unknown")


async def add_trade(data: TradeAdd, admin_id: int) -> TradeOut:
    """Add a synonym or a trade (400/409 naming what is wrong: an unknown trade, a name or code already taken);
    logged; every process's matcher has it within a second, this one at once."""
    await refresh_taxonomy()
    _check(data)
    row = TradeAddition(kind=data.kind, code=data.trade, name=data.name.strip(), en=data.en.strip(),
                        related_to=data.related_to or "", added_by=admin_id, added_at=clock.now())
    async with write_transaction():
        if await TradeAddition.exists().where(TradeAddition.name == row.name):
            raise Conflict("trade_name_taken", [], name=row.name)
        await row.save()
        await log.append("synonym_added" if data.kind == "synonym" else "trade_added", admin_id,
                         ("trade", row.id), {"code": data.trade, "name": row.name})
        record(TradeAdded(addition_id=row.id, kind=data.kind, code=data.trade, name=row.name))
    await refresh_taxonomy()
    return next(t for t in await list_trades() if t.code == data.trade)
