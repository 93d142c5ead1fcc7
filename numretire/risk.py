"""The risk engine: a service's flags (catalog plus the user's answers) -> a level and a reason.

Pure: data in, data out. The reason names the concrete danger, in the user's language: who can do
what with the number once it belongs to someone else.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from numretire.model import Evidence

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


class Live(NamedTuple):
    """Messages a service sent to a newly acquired number after it was acquired: someone's account there
    is live on the number."""

    count: int
    first: date | None
    last: date | None


def live_evidence(evidence: list[Evidence], acquired_on: date | None) -> Live | None:
    """What an item's SMS evidence shows after `acquired_on`; None when it shows nothing.

    Backups of one phone overlap, so the counts of several files are not added up: the largest is taken.
    A file whose last message came before the number was acquired says nothing about today.
    """
    after = [
        e
        for e in evidence
        if e.source == "sms"
        and e.count > 0
        and (acquired_on is None or e.last is None or e.last >= acquired_on)
    ]
    if not after:
        return None
    firsts = [e.first for e in after if e.first is not None]
    lasts = [e.last for e in after if e.last is not None]
    if acquired_on is not None:
        firsts = [max(day, acquired_on) for day in firsts]
    return Live(max(e.count for e in after), min(firsts, default=None), max(lasts, default=None))


# A live account raises the item: a payment or bank account to critical, any other to high.
LIVE_LEVELS = {"high": "critical", "medium": "high", "low": "high"}


def assess_adopted(category: str, kind: str, lang: str, live: Live | None = None, name: str = "") -> Risk:
    """The risk of an item of a newly acquired number: from its category, raised when messages came from
    the service after the number was acquired (`live`), and then said with the count and the dates."""
    from numretire.i18n import t

    if kind == "task":
        return Risk("medium", (), t("adopt.reason.task", lang))
    level = ADOPT_LEVELS.get(category, "low")
    if live is None:
        return Risk(level, (), t(f"adopt.reason.{level}", lang))
    return Risk(
        LIVE_LEVELS[level], (), t(f"adopt.reason.live.{level}", lang, seen=live_text(live, name, lang))
    )


def live_text(live: Live, name: str, lang: str) -> str:
    """'淘宝 sent 3 codes or notices since you got the number, last on 2026-11-20.'"""
    from numretire.i18n import t

    count = t("adopt.live.one" if live.count == 1 else "adopt.live.many", lang, count=live.count)
    if live.last is None:
        return t("adopt.live.undated", lang, name=name, messages=count)
    if live.first is None or live.first == live.last:
        return t("adopt.live.on", lang, name=name, messages=count, last=live.last.isoformat())
    return t(
        "adopt.live.between",
        lang,
        name=name,
        messages=count,
        first=live.first.isoformat(),
        last=live.last.isoformat(),
    )


def worst(levels: list[str]) -> str | None:
    return min(levels, key=LEVEL_RANK.__getitem__) if levels else None
