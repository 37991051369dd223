"""The shipped trades taxonomy and autocompletion."""

from __future__ import annotations

import pytest

from matching import load_taxonomy, suggest
from matching.normalize import normalize_skill


def test_at_least_80_trades_with_names_and_english() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.trades) >= 80
    for trade in taxonomy.trades:
        assert trade.zh
        assert trade.en
        assert trade.code
        assert trade.synonyms, trade.code


def test_names_resolve_to_one_trade_each() -> None:
    taxonomy = load_taxonomy()
    owners: dict[str, str] = {}
    for trade in taxonomy.trades:
        for name in (trade.zh, *trade.synonyms, *trade.traditional):
            norm = normalize_skill(name)
            assert owners.setdefault(norm, trade.code) == trade.code, name


def test_related_trades_are_known_and_partial() -> None:
    taxonomy = load_taxonomy()
    for trade in taxonomy.trades:
        for code, value in trade.related:
            assert code in taxonomy.index
            assert code != trade.code
            assert 0.0 < value < 1.0
    assert (taxonomy.similarity == taxonomy.similarity.T).all()


@pytest.mark.parametrize("name", ["电工", "焊工", "叉车工", "高处作业", "架子工"])
def test_special_operations_need_a_certificate(name: str) -> None:
    taxonomy = load_taxonomy()
    trade = taxonomy.get(taxonomy.alias_to_code[name])
    assert trade.certificate_required
    assert trade.certificate


@pytest.mark.parametrize("name", ["保洁员", "搬运工", "普工", "服务员"])
def test_ordinary_trades_need_no_certificate(name: str) -> None:
    taxonomy = load_taxonomy()
    assert not taxonomy.get(taxonomy.alias_to_code[name]).certificate_required


def test_synonym_groups_from_the_issue() -> None:
    taxonomy = load_taxonomy()
    assert {taxonomy.alias_to_code[n] for n in ("水电工", "水电安装", "水电维修")} == {"plumber_electrician"}
    assert {taxonomy.alias_to_code[n] for n in ("泥瓦工", "瓦工", "泥水工", "贴砖")} == {"tiler"}


def test_traditional_forms_are_shipped() -> None:
    taxonomy = load_taxonomy()
    assert "電工" in taxonomy.get("electrician").traditional


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("电", "electrician"),
        ("diangong", "electrician"),
        ("dg", "electrician"),
        ("bj", "cleaner"),
        ("baoj", "cleaner"),
        ("fork", "forklift"),
        ("電焊", "welder"),
        ("保结", "cleaner"),
        ("shuidian", "plumber_electrician"),
        ("Cleaner", "cleaner"),
    ],
)
def test_suggest_finds_the_trade(typed: str, code: str) -> None:
    found = suggest(typed, limit=5)
    assert code in [s.code for s in found]
    assert {"code", "zh", "en", "matched"} <= found[0].as_dict().keys()


def test_suggest_is_one_per_trade_and_limited() -> None:
    found = suggest("工", limit=7)
    assert len(found) <= 7
    assert len({s.code for s in found}) == len(found)
    assert suggest("", 5) == []
