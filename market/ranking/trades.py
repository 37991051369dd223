"""Trade-name suggestions as people type (Chinese, pinyin, initials, English), from the matching taxonomy."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from market.accounts.auth import PUBLIC_ROUTE
from market.core.schemas import Page, Schema
from market.core.text import LINE_PATTERN
from market.ranking.taxonomy_feed import refresh_taxonomy
from matching import suggest

__all__ = ["TradeController", "TradeSuggestion"]


class TradeSuggestion(Schema):
    """A trade: its code, Chinese and English names, and the name or synonym that matched what was typed."""

    code: str
    zh: str
    en: str
    matched: str


class TradeController(Controller):
    """The trades taxonomy, for suggestions in forms; anyone may ask."""

    path = "/api/trades"
    tags = ["jobs"]
    opt = PUBLIC_ROUTE

    @get("/suggest", operation_id="SuggestTrades")
    async def suggest_trades(self, q: Annotated[str, QueryParameter(min_length=1, max_length=20, pattern=LINE_PATTERN)],
                             limit: Annotated[int, QueryParameter(ge=1, le=20)] = 8) -> Page[TradeSuggestion]:
        """Trades whose name, synonym, pinyin or English matches `q`, best first."""
        await refresh_taxonomy()
        found = [TradeSuggestion(**s.as_dict()) for s in suggest(q, limit)]
        return Page(items=found, total=len(found), limit=limit, offset=0)
