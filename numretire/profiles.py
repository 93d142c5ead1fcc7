"""Profiles: make one for a number, pick the one a command means, edit what the user may change."""

from __future__ import annotations

from datetime import date, datetime

from numretire.errors import InputError
from numretire.model import Config, Profile
from numretire.numbers import PhoneNumber


def create(
    number: PhoneNumber,
    *,
    created: datetime,
    label: str = "",
    kind: str = "retire",
    new_number: PhoneNumber | None = None,
    cancel_on: date | None = None,
    acquired_on: date | None = None,
    carrier: str | None = None,
    carrier_source: str = "prefix",
) -> Profile:
    if new_number is not None and new_number.e164 == number.e164:
        raise InputError("profile.new_is_old")
    return Profile(
        number=number.e164,
        country_code=number.country_code,
        region=number.region,
        created=created,
        label=label.strip(),
        kind=kind,
        new_number=new_number.e164 if new_number else None,
        carrier=carrier,
        carrier_source=carrier_source,
        cancel_on=cancel_on,
        acquired_on=acquired_on,
    )


def select(profiles: list[Profile], ref: str | None, config: Config) -> Profile:
    """The profile `ref` (a number in any format, or a label) names; else the default; else the only one."""
    if not profiles:
        raise InputError("profile.none")
    if ref:
        found = find(profiles, ref)
        if found is None:
            raise InputError("profile.unknown", ref=ref)
        return found
    if config.default_profile:
        for profile in profiles:
            if profile.number == config.default_profile:
                return profile
    if len(profiles) == 1:
        return profiles[0]
    raise InputError("profile.ambiguous")


def find(profiles: list[Profile], ref: str) -> Profile | None:
    wanted = ref.strip().casefold()
    for profile in profiles:
        if profile.label and profile.label.casefold() == wanted:
            return profile
    from numretire.numbers import same_number

    for profile in profiles:
        if same_number(ref, profile.number, profile.region):
            return profile
    return None


def check_label(profiles: list[Profile], label: str, number: str) -> None:
    """A label names one profile only, and is not longer than visible.LIMITS["label"]."""
    if not label:
        return
    from numretire.visible import bounded

    bounded(label.strip(), "label")
    for profile in profiles:
        if profile.number != number and profile.label.casefold() == label.strip().casefold():
            raise InputError("profile.label_taken", label=label)


def days_left(profile: Profile, today: date) -> int | None:
    return (profile.cancel_on - today).days if profile.cancel_on else None
