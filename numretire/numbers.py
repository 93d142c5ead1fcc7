"""Phone numbers: parse, validate, mask, and the carrier the prefix was first given to."""

from __future__ import annotations

from typing import NamedTuple

from numretire.errors import InputError

DEFAULT_REGION = "CN"


def default_region(option: str | None = None, config_region: str | None = None) -> str:
    """The region a number without a prefix is read in: --region, the config, the locale, else CN."""
    import os

    for candidate in (option, config_region):
        if candidate and candidate.strip():
            return candidate.strip().upper()
    for var in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(var, "")
        territory = value.split(".")[0].split("@")[0].partition("_")[2]
        if len(territory) == 2 and territory.isalpha():
            return territory.upper()
        if value:
            break
    return DEFAULT_REGION


class PhoneNumber(NamedTuple):
    e164: str  # "+8613812345678"
    region: str  # "CN"
    country_code: int  # 86
    prefix_carrier: str | None  # "China Mobile": who the number range was assigned to


def parse(text: str, region: str | None = None) -> PhoneNumber:
    """Parse what a user typed; raise InputError with a one-line reason when it is not a mobile number."""
    import phonenumbers
    from phonenumbers import carrier as carrier_data

    region = (region or DEFAULT_REGION).upper()
    raw = text.strip()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        reasons = {
            phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: "number.invalid_country_code",
            phonenumbers.NumberParseException.NOT_A_NUMBER: "number.not_a_number",
            phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: "number.too_short",
            phonenumbers.NumberParseException.TOO_SHORT_NSN: "number.too_short",
            phonenumbers.NumberParseException.TOO_LONG: "number.too_long",
        }
        raise InputError(reasons.get(exc.error_type, "number.not_a_number"), number=raw) from None

    possible = phonenumbers.is_possible_number_with_reason(number)
    R = phonenumbers.ValidationResult
    if possible != R.IS_POSSIBLE:
        key = {
            R.TOO_SHORT: "number.too_short",
            R.TOO_LONG: "number.too_long",
            R.INVALID_COUNTRY_CODE: "number.invalid_country_code",
        }.get(possible, "number.invalid_length")
        raise InputError(key, number=raw)
    if not phonenumbers.is_valid_number(number):
        as_mobile = phonenumbers.is_possible_number_for_type_with_reason(
            number, phonenumbers.PhoneNumberType.MOBILE
        )
        key = {R.TOO_SHORT: "number.too_short", R.TOO_LONG: "number.too_long"}.get(
            as_mobile, "number.invalid"
        )
        raise InputError(key, number=raw)
    kind = phonenumbers.number_type(number)
    mobile_kinds = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    if kind not in mobile_kinds:
        raise InputError("number.not_mobile", number=raw)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    number_region = phonenumbers.region_code_for_number(number) or region
    prefix_carrier = carrier_data.name_for_number(number, "en") or None
    return PhoneNumber(e164, number_region, number.country_code, prefix_carrier)


def national_digits(e164: str, country_code: int) -> str:
    return e164[1 + len(str(country_code)) :]


def mask(e164: str, country_code: int) -> str:
    """'+8613812345678' -> '+86 138****5678': enough to recognise, not enough to dial."""
    national = national_digits(e164, country_code)
    tail = 4 if len(national) >= 8 else 2
    head = 3 if len(national) >= 10 else min(2, max(len(national) - tail - 1, 0))
    hidden = max(len(national) - head - tail, 1)
    return f"+{country_code} {national[:head]}{'*' * hidden}{national[-tail:]}"


def same_number(text: str, e164: str, region: str | None = None) -> bool:
    """Whether `text` (any format a person or a file may use) is the number `e164`."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return False
    target = e164.lstrip("+")
    if digits == target or "00" + target == digits:
        return True
    try:
        return parse(text, region).e164 == e164
    except InputError:
        return False


def mask_any(e164: str) -> str:
    """Mask a number whose country code is not known yet (looked up, so it costs an import)."""
    import phonenumbers

    try:
        code = phonenumbers.parse(e164).country_code
    except phonenumbers.NumberParseException:  # a hand-edited file: mask it all but the last digits
        return "*" * max(len(e164) - 4, 0) + e164[-4:] if len(e164) > 4 else "*" * len(e164)
    return mask(e164, code)
