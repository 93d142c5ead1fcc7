import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numretire import numbers
from numretire.errors import InputError

SAME = ["13812345678", "138 1234 5678", "+86 138-1234-5678", "008613812345678", "+8613812345678"]


@pytest.mark.parametrize("text", SAME)
def test_every_way_of_writing_it_is_one_number(text):
    parsed = numbers.parse(text, "CN")
    assert parsed.e164 == "+8613812345678"
    assert parsed.country_code == 86
    assert parsed.region == "CN"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("123", "number.too_short"),
        ("1381234567", "number.too_short"),
        ("138123456789", "number.too_long"),
        ("01012345678", "number.not_mobile"),
        ("hello", "number.not_a_number"),
        ("12345678901", "number.invalid"),
    ],
)
def test_invalid_numbers_say_why(text, key):
    with pytest.raises(InputError) as caught:
        numbers.parse(text, "CN")
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "carrier"),
    [
        ("13812345678", "China Mobile"),
        ("13012345678", "China Unicom"),
        ("13312345678", "China Telecom"),
        ("19212345678", "China Broadnet"),
    ],
)
def test_carrier_from_prefix(text, carrier):
    assert numbers.parse(text).prefix_carrier == carrier


def test_mask_keeps_head_and_tail_only():
    assert numbers.mask("+8613812345678", 86) == "+86 138****5678"
    assert numbers.mask("+16502530000", 1) == "+1 650***0000"


def test_region_from_option_config_locale_then_cn(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert numbers.default_region("gb", "US") == "GB"
    assert numbers.default_region(None, "US") == "US"
    assert numbers.default_region(None, None) == "US"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert numbers.default_region(None, None) == "CN"


def test_a_number_in_another_format_is_the_same_number():
    assert numbers.same_number("138-1234-5678", "+8613812345678", "CN")
    assert numbers.same_number("008613812345678", "+8613812345678")
    assert not numbers.same_number("13812345679", "+8613812345678", "CN")
    assert not numbers.same_number("", "+8613812345678")


@given(st.text(max_size=30))
def test_parse_never_fails_with_anything_but_a_user_error(text):
    with contextlib.suppress(InputError):
        numbers.parse(text, "CN")


def test_mask_any_of_a_number_phonenumbers_cannot_parse_is_still_masked():
    from numretire.numbers import mask_any

    assert mask_any("+999912345678") == "*********5678"
    assert mask_any("+1") == "**"
