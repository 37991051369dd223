"""Normalisation of skill text."""

from __future__ import annotations

import pytest

from matching.normalize import core_forms, normalize_skill, pinyin_initials, pinyin_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＣＮＣ操作", "cnc操作"),  # full width → half width, lower case
        ("電焊工", "电焊工"),  # traditional → simplified
        (" 保 洁 员 ", "保洁员"),  # spaces
        ("水电·安装/维修", "水电安装维修"),  # punctuation
        ("Forklift Driver", "forkliftdriver"),
        ("", ""),
    ],
)
def test_normalize_skill(raw: str, expected: str) -> None:
    assert normalize_skill(raw) == expected


@pytest.mark.parametrize(
    ("norm", "core"),
    [("保洁员", "保洁"), ("电工师傅", "电工"), ("熟练电焊工人", "电焊"), ("保洁阿姨", "保洁"), ("电工", "电工")],
)
def test_core_forms_strip_filler_affixes(norm: str, core: str) -> None:
    assert core_forms(norm)[-1] == core
    assert core_forms(norm)[0] == norm


def test_core_forms_never_strip_to_one_character() -> None:
    assert "电" not in core_forms("电工")


def test_pinyin() -> None:
    assert pinyin_key("保洁") == pinyin_key("保结") == "baojie"
    assert pinyin_initials("水电工") == "sdg"
    assert pinyin_key("baojie") == "baojie"
