"""Profiles: make one for a number, pick the one a command means, edit what the user may change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from numretire.errors import InputError
from numretire.model import Config, Profile
from numretire.numbers import PhoneNumber
from numretire.store import Head

if TYPE_CHECKING:
    from numretire.store import Store

Named = TypeVar("Named", Head, Profile)


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


def locate(store: Store, ref: str | None, config: Config) -> str:
    """The number whose profile `ref` (a number in any format, or a label) names; else the default; else
    the only one. Found from the files' names, and for `ref` from the top lines of each file (its label):
    no profile is decoded, so one that cannot be read stands in the way of no other."""
    numbers = store.numbers()
    if not numbers:
        raise InputError("profile.none")
    if ref:
        heads, unreadable = store.scan_heads()
        # a file whose top cannot be read is still found by its number
        found = find(heads, ref) or find([Head(n, "", None) for n in numbers], ref)
        if found is None:
            if unreadable:  # its label cannot be known: it may be the one meant
                raise InputError("profile.unknown_unreadable", ref=ref, path=str(unreadable[0]))
            raise InputError("profile.unknown", ref=ref)
        return found.number
    if config.default_profile and config.default_profile in numbers:
        return config.default_profile
    if len(numbers) == 1:
        return numbers[0]
    raise InputError("profile.ambiguous")


def load(store: Store, ref: str | None, config: Config) -> Profile:
    """The profile `ref` names (see locate), read and decoded: the only one that is."""
    profile = store.read_profile(locate(store, ref, config))
    if profile is None:  # removed since the folder was listed
        raise InputError("profile.unknown", ref=ref or config.default_profile or "")
    return profile


def find(profiles: Sequence[Named], ref: str) -> Named | None:
    """The profile (or head) labelled `ref`, else the one whose number it is."""
    wanted = ref.strip().casefold()
    for profile in profiles:
        if profile.label and profile.label.casefold() == wanted:
            return profile
    from numretire.numbers import same_number

    for profile in profiles:
        if same_number(ref, profile.number, profile.region):
            return profile
    return None


def check_label(profiles: Sequence[Head | Profile], label: str, number: str) -> None:
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
