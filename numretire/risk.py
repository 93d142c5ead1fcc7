"""The risk engine: a service's flags (catalog plus the user's answers) -> a level and a reason.

Pure: data in, data out. The reason names the concrete danger, in the user's language: who can do
what with the number once it belongs to someone else.
"""

from __future__ import annotations

from typing import NamedTuple

LEVELS = ("critical", "high", "medium", "low")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

ACCESS = ("sms-login", "sms-reset")
MONEY = ("stored-card", "balance", "credit", "sms-payment", "password-free")
# Accounts that other accounts recover through: losing one of these loses the others too.
HUB_CATEGORIES = frozenset({"email", "messaging"})


class Risk(NamedTuple):
    level: str
    flags: tuple[str, ...]  # the flags that apply to this user
    reason: str


def effective_flags(catalog_flags: tuple[str, ...] | list[str], answers: dict[str, bool]) -> tuple[str, ...]:
    """The catalog's flags, with what the user said: yes adds a flag, no takes it away."""
    flags = [flag for flag in catalog_flags if answers.get(flag, True)]
    flags.extend(flag for flag, on in answers.items() if on and flag not in flags)
    return tuple(flags)


def level_of(flags: tuple[str, ...] | list[str], category: str = "other") -> str:
    """critical: SMS access and money together (the court case in the seeds); high: money reachable in
    any other way, or a takeover of an account others recover through or of a real-name record; medium:
    SMS access alone, an SMS second factor, auto-debit or a real-name record; low: the rest."""
    present = set(flags)
    access = bool(present & set(ACCESS))
    money = bool(present & set(MONEY))
    if access and money:
        return "critical"
    if money or (access and (category in HUB_CATEGORIES or "real-name" in present)):
        return "high"
    if access or present & {"sms-2fa", "auto-debit", "real-name"}:
        return "medium"
    return "low"


def assess(
    catalog_flags: tuple[str, ...] | list[str], answers: dict[str, bool], category: str, lang: str
) -> Risk:
    key = (tuple(catalog_flags), tuple(answers.items()), category, lang)
    found = _ASSESSED.get(key)
    if found is None:  # an inventory of hundreds of items has a few dozen kinds of risk
        flags = effective_flags(catalog_flags, answers)
        found = _ASSESSED[key] = Risk(level_of(flags, category), flags, reason(flags, category, lang))
    return found


_ASSESSED: dict[tuple, Risk] = {}


def reason(flags: tuple[str, ...] | list[str], category: str, lang: str) -> str:
    """One sentence: what the next holder of the number could do."""
    from numretire.i18n import t

    present = set(flags)
    if "sms-login" in present and "sms-reset" in present:
        access = "risk.do.login_or_reset"
    elif "sms-login" in present:
        access = "risk.do.login"
    elif "sms-reset" in present:
        access = "risk.do.reset"
    else:
        access = None
    money = [f"risk.do.{flag}" for flag in MONEY if flag in present]
    other = [
        f"risk.do.{flag}" for flag in ("auto-debit", "real-name", "sms-2fa", "sms-alerts") if flag in present
    ]
    parts = [t(key, lang) for key in ([access] if access else []) + money[:2] + other[:1]]
    if access and category in HUB_CATEGORIES and not money:
        parts.append(t("risk.do.hub", lang))
    if not parts:
        return t("risk.none", lang)
    joiner = t("risk.and", lang)
    body = parts[0] if len(parts) == 1 else t("risk.list", lang).join(parts[:-1]) + joiner + parts[-1]
    return t("risk.sentence", lang, what=body)


# A newly acquired number: what a previous holder's account bound to it means for the new holder.
ADOPT_LEVELS = {
    "payment": "high",
    "bank": "high",
    "credit": "high",
    "messaging": "medium",
    "social": "medium",
    "government": "medium",
}


def assess_adopted(category: str, kind: str, lang: str) -> Risk:
    """The risk of an item of a newly acquired number, from its category alone."""
    from numretire.i18n import t

    if kind == "task":
        return Risk("medium", (), t("adopt.reason.task", lang))
    level = ADOPT_LEVELS.get(category, "low")
    return Risk(level, (), t(f"adopt.reason.{level}", lang))


def worst(levels: list[str]) -> str | None:
    return min(levels, key=LEVEL_RANK.__getitem__) if levels else None
