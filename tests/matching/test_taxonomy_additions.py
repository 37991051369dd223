"""Synonyms and trades added at run time: resolution, similarity and suggestions use them at once, a name already
taken or naming an unknown trade is skipped, and installing none restores the shipped taxonomy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from matching import Addition, install_additions, load_taxonomy, resolve_skill, skill_similarity, suggest


@pytest.fixture(autouse=True)
def shipped_afterwards() -> Iterator[None]:
    yield
    install_additions([])


def test_a_synonym_resolves_to_its_trade_and_matches_it_fully():
    assert resolve_skill("泥水佬").code is None
    install_additions([Addition("synonym", "bricklayer", "泥水佬")])
    assert resolve_skill("泥水佬").code == "bricklayer"
    assert skill_similarity("砌砖工", "泥水佬") == pytest.approx(skill_similarity("砌砖工", "砌砖工"))
    assert [s.code for s in suggest("泥水佬")][:1] == ["bricklayer"]


def test_a_new_trade_is_related_to_the_trade_it_names():
    install_additions([Addition("trade", "drone_pilot", "无人机飞手", "drone pilot", related_to="electrician")])
    taxonomy = load_taxonomy()
    assert taxonomy.get("drone_pilot").en == "drone pilot"
    assert taxonomy.trade_similarity("drone_pilot", "electrician") == pytest.approx(0.6)
    assert taxonomy.trade_similarity("drone_pilot", "plumber") == 0.0


def test_a_taken_name_or_an_unknown_trade_is_skipped_and_none_restores_the_shipped_taxonomy():
    shipped = len(load_taxonomy().trades)
    install_additions([Addition("synonym", "welder", "电工"), Addition("synonym", "astronaut", "宇航员"),
                       Addition("trade", "electrician", "新电工", "electrician again")])
    assert resolve_skill("电工").code == "electrician"
    assert resolve_skill("宇航员").code is None
    assert len(load_taxonomy().trades) == shipped
    install_additions([Addition("synonym", "bricklayer", "泥水佬")])
    install_additions([])
    assert resolve_skill("泥水佬").code is None
