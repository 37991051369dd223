"""CJK line breaking: punctuation never starts a line, opening brackets never end one, nothing is lost."""

from __future__ import annotations

import random

import pytest

from contracts.linebreak import CANNOT_END, CANNOT_START, break_lines, break_units


def _width(text: str) -> float:
    return sum(1.0 if ord(char) > 0x2E80 else 0.5 for char in text)


def test_closing_punctuation_sticks_to_the_character_before() -> None:
    assert break_units("甲方，乙方。") == ["甲", "方，", "乙", "方。"]


def test_opening_bracket_sticks_to_the_character_after() -> None:
    assert break_units("见《民法典》") == ["见", "《民", "法", "典》"]


def test_latin_words_and_numbers_stay_whole() -> None:
    units = break_units("拨打12333或访问 www.example.cn，")
    assert units == ["拨", "打", "12333", "或", "访", "问", " ", "www.example.cn，"]


def test_money_keeps_its_sign() -> None:
    assert break_units("报酬¥380.00/日")[2].startswith("¥380.00")


def test_a_comma_at_the_break_point_moves_down_with_its_character() -> None:
    lines = break_lines("一二三四五，六七", _width, 5)
    assert lines == ["一二三四", "五，六七"]


def test_newlines_make_separate_lines() -> None:
    assert break_lines("甲\n乙", _width, 10) == ["甲", "乙"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    lines = break_lines("https://linggong.example.cn/verify/abcdefghijklmnop", _width, 8)
    assert all(_width(line) <= 8 for line in lines)
    assert "".join(lines) == "https://linggong.example.cn/verify/abcdefghijklmnop"


@pytest.mark.parametrize("seed", range(40))
def test_random_text_obeys_the_rules(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "甲乙方劳务报酬支付工作安全争议调解" + CANNOT_START[:12] + CANNOT_END[:6] + "12ab "
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 200)))
    width = rng.uniform(4, 30)
    lines = break_lines(text, _width, width)
    for index, line in enumerate(lines):
        if index > 0 and line:
            assert line[0] not in CANNOT_START or lines[index - 1] == "", (text, lines)
        if index < len(lines) - 1 and line:
            assert line[-1] not in CANNOT_END, (text, lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
