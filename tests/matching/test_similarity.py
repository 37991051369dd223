"""Skill similarity rules: synonyms, typos, false friends, certificates, free text."""

from __future__ import annotations

import pytest

from matching import resolve_skill, skill_similarity
from matching.similarity import UNCERTIFIED_FACTOR


@pytest.mark.parametrize(
    ("required", "held"),
    [("水电工", "水电安装"), ("水电工", "水电维修"), ("泥瓦工", "瓦工"), ("泥瓦工", "泥水工"), ("泥瓦工", "贴砖"),
     ("保洁", "保洁员"), ("保洁", "保潔"), ("保洁", "保洁阿姨"), ("搬运工", "搬家师傅"), ("焊工", "熟练电焊工人")],
)
def test_synonyms_and_normal_forms_match_fully(required: str, held: str) -> None:
    assert skill_similarity(required, held, certified=True) == pytest.approx(1.0)


@pytest.mark.parametrize(("typo", "meant"), [("保结", "保洁"), ("水店工", "水电工"), ("搬运共", "搬运工")])
def test_pinyin_typos_match(typo: str, meant: str) -> None:
    assert skill_similarity(meant, typo) >= 0.85
    assert resolve_skill(typo).method == "pinyin"


@pytest.mark.parametrize(
    ("a", "b"), [("保安", "保洁"), ("电工", "电焊工"), ("司机", "机修"), ("车工", "司机"), ("车工", "车位工")]
)
def test_no_false_friends(a: str, b: str) -> None:
    assert skill_similarity(a, b, certified=True) == 0.0
    assert skill_similarity(b, a, certified=True) == 0.0


def test_typed_pinyin_resolves() -> None:
    assert resolve_skill("baojie").code == "cleaner"


def test_ambiguous_sound_does_not_guess() -> None:
    # 店工 sounds like both 电工 (electrician) and 点工 (day labour): no guess.
    assert resolve_skill("店工").code is None


@pytest.mark.parametrize("trade", ["电工", "焊工", "叉车", "高处作业"])
def test_certified_trades_match_fully_only_with_the_certificate(trade: str) -> None:
    assert skill_similarity(trade, trade, certified=True) == pytest.approx(1.0)
    assert skill_similarity(trade, trade, certified=False) == pytest.approx(UNCERTIFIED_FACTOR)


def test_uncertified_trade_is_not_penalised() -> None:
    assert skill_similarity("保洁", "保洁", certified=False) == pytest.approx(1.0)


def test_related_trades_partly_match() -> None:
    assert 0.5 < skill_similarity("搬运工", "装卸工") < 1.0
    assert 0.4 < skill_similarity("电工", "水电工", certified=True) < 1.0
    assert 0.3 < skill_similarity("保洁", "家政") < 1.0


def test_phrases_containing_a_trade_resolve_to_its_head() -> None:
    assert resolve_skill("小区保洁").code == "cleaner"
    assert resolve_skill("汽车司机").code == "driver"
    assert skill_similarity("保洁", "写字楼日常保洁") > 0.8


def test_free_text_outside_the_taxonomy() -> None:
    assert resolve_skill("无人机飞手").code is None
    assert skill_similarity("无人机飞手", "无人机飞手") == 1.0
    assert skill_similarity("无人机飞手", "無人機飛手") == 1.0
    assert skill_similarity("无人机航拍飞手", "无人机飞手") > 0.5
    assert skill_similarity("无人机飞手", "电工") == 0.0


def test_english_names() -> None:
    assert skill_similarity("叉车", "forklift driver", certified=True) == pytest.approx(1.0)
    assert skill_similarity("cleaner", "保洁") == pytest.approx(1.0)


def test_empty_text_matches_nothing() -> None:
    assert skill_similarity("", "保洁") == 0.0
    assert skill_similarity("保洁", "  ") == 0.0


def test_free_text_shared_head_counts_but_shared_domain_does_not() -> None:
    assert skill_similarity("无人机飞手", "飞手") > 0.5
    assert skill_similarity("电瓶车修理", "电瓶车销售") < 0.34
    assert skill_similarity("无人机操作员", "无人机飞手") < 0.34


def test_vectorised_vocabulary_agrees_with_scalar_similarity() -> None:
    from matching.vocabulary import SkillVocabulary

    held = [("保结", False), ("电焊工", True), ("电工", False), ("电工", True), ("无人机飞手", False), ("飞手", False),
            ("保安", False), ("水店工", False), ("家政", False), ("電瓶車修理", False), ("cleaner", False)]
    required = ["保洁", "电工", "无人机飞手", "水电工", "焊工", "电瓶车销售", "飞手"]
    workers, jobs = SkillVocabulary(), SkillVocabulary()
    held_ids = [workers.intern(t, c) for t, c in held]
    required_ids = [jobs.intern(t) for t in required]
    for text in required:
        vector = workers.against_required(text)
        assert [vector[i] for i in held_ids] == pytest.approx([skill_similarity(text, t, c) for t, c in held])
    for t, c in held:
        vector = jobs.against_held(t, c)
        assert [vector[i] for i in required_ids] == pytest.approx([skill_similarity(r, t, c) for r in required])


def test_a_text_naming_several_skills_counts_as_each() -> None:
    assert skill_similarity("保洁", "保安/保洁") == pytest.approx(1.0)
    assert skill_similarity("焊工", "电工、焊工", certified=True) == pytest.approx(1.0)
    assert skill_similarity("木工", "瓦工 木工") == pytest.approx(1.0)
    # a requirement naming two skills needs both: an electrician alone covers half
    assert skill_similarity("电工/焊工", "电工", certified=True) == pytest.approx(0.5)


def test_names_run_together_are_split_but_real_names_are_not() -> None:
    from matching.model import skill_parts

    assert skill_parts("电工焊工") == ("电工", "焊工")
    assert skill_parts("保安保洁") == ("保安", "保洁")
    assert skill_parts("开荒保洁") == ("开荒保洁",)
    assert skill_parts("小区保洁") == ("小区保洁",)
    assert skill_parts("电焊工") == ("电焊工",)
    assert skill_similarity("保洁", "保安保洁") == pytest.approx(1.0)
