"""The timeline of a retirement: carrier rules -> milestones, and what is due on a given day. Pure.

Milestones, for a number cancelled on day C with a carrier whose freeze lasts F days (F_max when the
rule gives a range, as in the US):
- last safe day (C - 1): the last day the old number still receives codes, so the last day for every
  change that needs a code sent to it;
- cancellation (C): the planned date, or the real one once `cancel` recorded it;
- end of the freeze (C + F): the earliest day the carrier may give the number to someone else;
- end of the watch (C + F_max + WATCH_DAYS): until then, check now and then that nothing still sends
  codes to the old number.
A number left to lapse for arrears from day A follows the arrears path instead (China Telecom, seed
002): after `arrears_days` (60) of continuous arrears, the number enters the freeze on the first day of
the following month; the line stops receiving on A.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

WATCH_DAYS = 90
# Before cancellation: open items are due once the planned date is this close.
OPEN_ITEMS_WINDOW = 30
OLD_NUMBER_WINDOW = 14
RELEASE_WINDOW = 7
# After release: "is anything still sending codes to the old number?" on these days after it (and the
# two days that follow each, for a reminder run only now and then).
WATCH_CHECKS = (0, 30, 60, 90)
WATCH_GRACE = 2


class Rule(NamedTuple):
    """A carrier's numbering rule, from its catalog entry."""

    freeze_days: int
    freeze_days_max: int
    arrears_days: int | None


class Milestone(NamedTuple):
    key: str  # last_safe_day | arrears_start | arrears_freeze | cancel | freeze_end | watch_end
    on: date
    planned: bool  # True while it rests on the planned date rather than a recorded one


def rule_of(carrier_entry: dict | None) -> Rule | None:
    """The rule in a catalog carrier table ({freeze_days, freeze_days_max, arrears_days}), if any."""
    if not carrier_entry or not carrier_entry.get("freeze_days"):
        return None
    freeze = int(carrier_entry["freeze_days"])
    return Rule(
        freeze, int(carrier_entry.get("freeze_days_max") or freeze), carrier_entry.get("arrears_days")
    )


def first_of_next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def arrears_freeze_start(since: date, rule: Rule) -> date:
    """The day a number unpaid since `since` enters the recycling freeze."""
    days = rule.arrears_days if rule.arrears_days is not None else 0
    return first_of_next_month(since + timedelta(days=days))


def milestones(
    cancel_on: date | None, cancelled_on: date | None, arrears_since: date | None, rule: Rule | None
) -> list[Milestone]:
    """The milestones in date order (empty when there is no date to start from)."""
    found: list[Milestone] = []
    if arrears_since is not None:
        found.append(Milestone("arrears_start", arrears_since, False))
        found.append(Milestone("last_safe_day", arrears_since - timedelta(days=1), False))
        if rule is None:
            return found
        leaves = arrears_freeze_start(arrears_since, rule)
        found.append(Milestone("arrears_freeze", leaves, False))
        planned = False
    elif cancelled_on is not None or cancel_on is not None:
        leaves = cancelled_on or cancel_on  # type: ignore[assignment]
        planned = cancelled_on is None
        found.append(Milestone("last_safe_day", leaves - timedelta(days=1), planned))
        found.append(Milestone("cancel", leaves, planned))
        if rule is None:
            return found
    else:
        return found
    found.append(Milestone("freeze_end", leaves + timedelta(days=rule.freeze_days), planned))
    found.append(Milestone("watch_end", leaves + timedelta(days=rule.freeze_days_max + WATCH_DAYS), planned))
    return sorted(found, key=lambda m: m.on)


def phase(today: date, stones: list[Milestone]) -> str:
    """none (no date) | before (number still yours) | frozen | released (may belong to someone else) | over"""
    by_key = {m.key: m for m in stones}
    gone = by_key.get("cancel") or by_key.get("arrears_start")
    if gone is None:
        return "none"
    recorded = not gone.planned
    if not recorded or today < gone.on:
        return "before"
    release = by_key.get("freeze_end")
    if release is None or today < release.on:
        return "frozen"
    watch_end = by_key.get("watch_end")
    if watch_end is not None and today > watch_end.on:
        return "over"
    return "released"


class Phase(NamedTuple):
    """Where a number is in its life on a given day, with the dates that say so."""

    name: str  # none | before | frozen | released | over (see phase)
    path: str  # cancel | arrears | none: how the number leaves (or left) the user
    gone_on: date | None  # the day it stopped receiving: cancellation (planned or real), or arrears
    freeze_on: date | None  # the arrears path: the day the recycling freeze begins
    release_on: date | None  # end of the freeze: from then on it may belong to someone else
    watch_end: date | None
    planned: bool  # the dates rest on the planned cancellation date

    @property
    def gone(self) -> bool:
        """The old number no longer receives codes: every change that needs one is out of reach."""
        return self.name in ("frozen", "released", "over")

    def days_to(self, day: date | None, today: date) -> int | None:
        return (day - today).days if day is not None else None


def where(today: date, stones: list[Milestone]) -> Phase:
    """The phase of a number on `today` and the dates behind it."""
    by_key = {m.key: m for m in stones}
    arrears = by_key.get("arrears_start")
    gone = by_key.get("cancel") or arrears

    def on(key: str) -> date | None:
        stone = by_key.get(key)
        return stone.on if stone else None

    return Phase(
        phase(today, stones),
        "arrears" if arrears else ("cancel" if gone else "none"),
        gone.on if gone else None,
        on("arrears_freeze"),
        on("freeze_end"),
        on("watch_end"),
        bool(gone and gone.planned),
    )


class Reminder(NamedTuple):
    # open_items | old_number | overdue | blocked | contacted | still_tied | release_soon | released_tied |
    # watch
    kind: str
    days: int | None = None  # days left to the date that matters (negative: that many days ago)
    count: int = 0
    item_id: str | None = None
    on: date | None = None


class ItemState(NamedTuple):
    """The little the timeline needs to know about an item."""

    id: str
    status: str
    needs_old_number: bool
    note: str = ""
    kind: str = "account"  # account | task: a task (a lookup, a carrier step) is never "tied" to a number


UNRESOLVED = ("open", "skipped", "blocked")


def due(today: date, stones: list[Milestone], items: list[ItemState]) -> list[Reminder]:
    """What is due on `today`: empty when nothing is."""
    by_key = {m.key: m for m in stones}
    unresolved = [i for i in items if i.status in UNRESOLVED]
    # Once the number is gone, what matters is the accounts still tied to it; a task (a lookup skipped,
    # a carrier step for a number still in hand) ties nothing.
    tied = [i for i in unresolved if i.kind != "task"]
    # Items waiting on someone else: blocked ones, and services contacted about a recycled number.
    reminders: list[Reminder] = [
        Reminder(i.status, item_id=i.id) for i in items if i.status in ("blocked", "contacted")
    ]
    state = phase(today, stones)
    cancel = by_key.get("cancel")
    if state in ("none", "before") and cancel is not None:
        left = (cancel.on - today).days
        if unresolved and left < 0:
            reminders.append(Reminder("overdue", left, len(unresolved), on=cancel.on))
        elif unresolved and left <= OPEN_ITEMS_WINDOW:
            reminders.append(Reminder("open_items", left, len(unresolved), on=cancel.on))
        old = [i for i in unresolved if i.needs_old_number]
        if old and left <= OLD_NUMBER_WINDOW:
            last = by_key["last_safe_day"].on
            reminders.append(Reminder("old_number", (last - today).days, len(old), on=last))
    elif state == "frozen":
        release = by_key.get("freeze_end")
        days = (release.on - today).days if release else None
        if tied:
            reminders.append(Reminder("still_tied", days, len(tied), on=release.on if release else None))
        elif days is not None and days <= RELEASE_WINDOW:
            reminders.append(Reminder("release_soon", days, on=release.on))
    elif state in ("released", "over"):
        release = by_key["freeze_end"]
        since = (today - release.on).days
        # Someone else may hold the number now: every day, until they are handled. The end of the watch
        # ends the checks on a number left clean, never the reminder of an account still tied to it.
        if tied:
            reminders.append(Reminder("released_tied", -since, len(tied), on=release.on))
        elif state == "released" and any(check <= since <= check + WATCH_GRACE for check in WATCH_CHECKS):
            reminders.append(Reminder("watch", -since, 0, on=release.on))
    return reminders
