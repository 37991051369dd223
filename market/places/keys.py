"""The one search form of place names and addresses: NFKC, case-folded, letters and digits only."""

from __future__ import annotations

import unicodedata

__all__ = ["PLACEHOLDER_ADDRESSES", "is_placeholder", "search_key"]

PLACEHOLDER_ADDRESSES = frozenset({"我的位置", "当前位置", "我的位置附近", "我在这里", "位置", "定位",
                                   "myposition", "mylocation", "currentlocation", "here", "mylocationhere"})
"""Words a screen once put where the address belongs: never an address (search forms)."""


def search_key(text: str) -> str:
    """`text` as searched: full-width forms folded (NFKC: "５６号" is "56号"), case-folded, and only letters and
    digits kept, so spaces, hyphens and "·" do not stop a match (and `%`/`_` never reach a LIKE pattern)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] in "LN")


def is_placeholder(address: str) -> bool:
    """True for an address that names no place, only "my position" or the like."""
    return search_key(address) in PLACEHOLDER_ADDRESSES
