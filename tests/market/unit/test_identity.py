"""Unit tests for market.core.identity: resident IDs, credit codes, mobiles and masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from market.core import identity
from market.core.identity import (
    CREDIT_CODE_ALPHABET,
    PROVINCE_CODES,
    credit_code_problem,
    is_valid_credit_code,
    is_valid_mobile,
    is_valid_resident_id,
    make_credit_code,
    make_resident_id,
    mask_credit_code,
    mask_mobile,
    mask_name,
    mask_resident_id,
    mobile_problem,
    normalise_credit_code,
    normalise_mobile,
    normalise_resident_id,
    resident_id_birth_date,
    resident_id_is_male,
    resident_id_problem,
)

TODAY = date(2026, 11, 1)

# --- resident IDs ---------------------------------------------------------------------------------------------------


def test_published_example_from_gb_11643_is_valid() -> None:
    """The standard's own worked example (Beijing Chaoyang, 1949-12-31, sequence 002) ends in X."""
    assert resident_id_problem("11010519491231002X", TODAY) is None
    assert resident_id_problem("11010519491231002x", TODAY) is None


def test_second_published_example_has_the_right_check_digit() -> None:
    """The standard's other example (born 1880) has a correct check digit but is refused for its birth year."""
    assert identity.resident_check_char("44052418800101001") == "4"
    assert resident_id_problem("440524188001010014", TODAY) == "birth_date"


def test_hand_computed_zhangzhou_id() -> None:
    """Weighted sum of 35020319900101123 is 189; 189 mod 11 = 2, and position 2 of "10X98765432" is X."""
    assert make_resident_id("350203", date(1990, 1, 1), 123) == "35020319900101123X"
    assert is_valid_resident_id("35020319900101123x", TODAY)
    assert resident_id_problem("350203199001011231", TODAY) == "check_digit"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "length"),
        ("11010519491231002", "length"),
        ("11010519491231002X1", "length"),
        ("1101051949123100XX", "format"),
        ("11010519491231A02X", "format"),
        ("X1010519491231002X", "format"),
        ("99010519491231002X", "region"),
        ("00010519491231002X", "region"),
        ("11010519491331002X", "birth_date"),  # month 13
        ("11010519490230002X", "birth_date"),  # 30 February
        ("11010518991231002X", "birth_date"),  # before 1900
        ("11010520301231002X", "birth_date"),  # in the future
        ("110105194912310021", "check_digit"),
        ("110105194912310020", "check_digit"),
    ],
)
def test_resident_id_problem_codes(text: str, code: str) -> None:
    """Every kind of bad resident ID gets its own code."""
    assert resident_id_problem(text, TODAY) == code
    assert not is_valid_resident_id(text, TODAY)


def test_resident_id_normalisation() -> None:
    """Spaces are dropped, a lowercase x becomes X and full-width digits fold to ASCII."""
    assert normalise_resident_id(" 110105 19491231 002x ") == "11010519491231002X"
    assert normalise_resident_id("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"
    assert is_valid_resident_id("110105 1949 1231 002x", TODAY)


def test_birth_date_and_sex_are_read_back() -> None:
    """The birth date and the sex (odd sequence = male) come back out of a built ID."""
    male = make_resident_id("350602", date(1985, 6, 30), 351)
    female = make_resident_id("350602", date(1985, 6, 30), 352)
    assert resident_id_birth_date(male) == date(1985, 6, 30)
    assert resident_id_is_male(male)
    assert not resident_id_is_male(female)
    with pytest.raises(ValueError, match="check_digit"):
        resident_id_birth_date("110105194912310021")


@pytest.mark.parametrize(
    ("region", "birth", "seq"),
    [
        ("35060", date(1990, 1, 1), 1),
        ("990000", date(1990, 1, 1), 1),
        ("350602", date(1899, 1, 1), 1),
        ("350602", date(1990, 1, 1), 1000),
        ("350602", date(1990, 1, 1), -1),
    ],
)
def test_make_resident_id_refuses_bad_parts(region: str, birth: date, seq: int) -> None:
    """make_resident_id raises ValueError rather than building an invalid number."""
    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by part
        make_resident_id(region, birth, seq)


regions = st.builds(
    lambda prov, rest: prov + rest,
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(regions, births, st.integers(0, 999))
def test_made_resident_ids_are_valid(region: str, birth: date, seq: int) -> None:
    """Anything make_resident_id builds passes validation."""
    assert resident_id_problem(make_resident_id(region, birth, seq), TODAY) is None


@given(regions, births, st.integers(0, 999), st.integers(0, 17), st.data())
def test_one_changed_character_breaks_a_resident_id(
    region: str, birth: date, seq: int, position: int, data: st.DataObject
) -> None:
    """MOD 11-2 catches every single-character substitution."""
    valid = make_resident_id(region, birth, seq)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != valid[position]]))
    changed = valid[:position] + replacement + valid[position + 1 :]
    assert not is_valid_resident_id(changed, TODAY)


# --- unified social credit codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["91350100M000100Y43", "91110000802100433B", "91350100m000100y43"])
def test_published_credit_codes_are_valid(code: str) -> None:
    """Widely published example credit codes (Fuzhou, Beijing) validate, lowercase too."""
    assert credit_code_problem(code) is None


def test_hand_computed_credit_code() -> None:
    """A body of seventeen zeros has weighted sum 0, so its check character is 0."""
    assert make_credit_code("0" * 17) == "0" * 18
    assert make_credit_code("91350100M000100Y4") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "length"),
        ("91350100M000100Y4", "length"),
        ("91350100M000100Y433", "length"),
        ("91350100M000100O43", "format"),  # O is not in the alphabet
        ("9I350100M000100Y43", "format"),  # nor I
        ("913501Z0M000100Y43", "format"),  # nor Z
        ("9135A100M000100Y43", "format"),  # region code must be digits
        ("91350100M000100Y44", "check_digit"),
        ("91350100M000100Y4S", "format"),
    ],
)
def test_credit_code_problem_codes(text: str, code: str) -> None:
    """Every kind of bad credit code gets its own code."""
    assert credit_code_problem(text) == code
    assert not is_valid_credit_code(text)


def test_credit_code_normalisation() -> None:
    """Spaces are dropped and letters upper-cased."""
    assert normalise_credit_code(" 91350100m000 100y43 ") == "91350100M000100Y43"


def test_make_credit_code_refuses_bad_bodies() -> None:
    """make_credit_code raises on a wrong length or a character outside the alphabet."""
    for body in ("9135010", "91350100M000100O4", "91AB0100M000100Y4"):
        with pytest.raises(ValueError, match="body17"):
            make_credit_code(body)


credit_bodies = st.builds(
    lambda a, region, b: a + region + b,
    st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=9, max_size=9),
)


@given(credit_bodies)
def test_made_credit_codes_are_valid(body: str) -> None:
    """Anything make_credit_code builds passes validation."""
    assert credit_code_problem(make_credit_code(body)) is None


@given(credit_bodies, st.integers(0, 17), st.data())
def test_one_changed_character_breaks_a_credit_code(body: str, position: int, data: st.DataObject) -> None:
    """MOD 31 with weights 3^i catches every single-character substitution."""
    valid = make_credit_code(body)
    replacement = data.draw(st.sampled_from([c for c in CREDIT_CODE_ALPHABET if c != valid[position]]))
    changed = valid[:position] + replacement + valid[position + 1 :]
    assert not is_valid_credit_code(changed)


# --- mobiles ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "8613812345678",
        "0086 13812345678",
        "138-1234-5678",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_normalisation(text: str) -> None:
    """Country prefixes and separators go; what is left is the 11-digit number."""
    assert normalise_mobile(text) == "13812345678"
    assert mobile_problem(text) is None


@pytest.mark.parametrize(
    "text", ["", "1381234567", "138123456789", "12812345678", "23812345678", "1381234567a", "0596-2345678", "+1 138123"]
)
def test_bad_mobiles(text: str) -> None:
    """Wrong length, a second digit of 0-2, letters or a landline are a format problem."""
    assert mobile_problem(text) == "format"
    assert not is_valid_mobile(text)


def test_all_mobile_prefixes_1_3_to_1_9() -> None:
    """Every second digit from 3 to 9 is a mobile network."""
    assert all(is_valid_mobile(f"1{d}012345678") for d in "3456789")


# --- masking ---------------------------------------------------------------------------------------------------------


def test_masks() -> None:
    """IDs keep 4 + 4 characters, mobiles 3 + 4 digits, names their surname."""
    assert mask_resident_id("350203199001011234") == "3502**********1234"
    assert mask_resident_id("11010519491231002x") == "1101**********002X"
    assert mask_credit_code("91350100M000100Y43") == "9135**********0Y43"
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("+86 138 1234 5678") == "138****5678"
    assert mask_name("张三丰") == "张**"
    assert mask_name("李四") == "李*"
    assert mask_name(" 欧阳娜娜 ") == "欧***"
    assert mask_name("王") == "*"
    assert mask_name("") == ""


def test_masks_never_reveal_short_values() -> None:
    """A value too short to mask partly is starred entirely."""
    assert mask_resident_id("12345678") == "********"
    assert mask_mobile("1234567") == "*******"
