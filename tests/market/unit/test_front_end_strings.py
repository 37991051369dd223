"""The web app's own strings (market/static/js/i18n.js): each key once, so a later entry never silently replaces an
earlier screen's words (several branches append to the table)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

I18N = Path(__file__).resolve().parents[3] / "market" / "static" / "js" / "i18n.js"


def test_every_key_of_the_front_end_table_is_defined_once():
    keys = re.findall(r"^  (\w+): \[", I18N.read_text(encoding="utf-8"), re.M)
    assert len(keys) > 100
    assert [key for key, count in Counter(keys).items() if count > 1] == []
