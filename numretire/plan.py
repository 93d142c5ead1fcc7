"""From an inventory to a plan: each item's view (service facts + the user's answers + risk), the walk
order, progress by category, and the readiness gate. Pure: data in, data out."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from numretire.catalog import CATEGORIES, Catalog, Service
from numretire.model import RESOLVED, Event, Item, Profile
from numretire.risk import LEVEL_RANK, Live, Risk, assess, assess_adopted, live_evidence

BLOCKING_LEVELS = frozenset({"critical", "high"})
# Tasks the gate asks for: the number's own carrier tasks, and the aids that find forgotten accounts.
CARRIER_CATEGORY = "carrier"
DISCOVERY_CATEGORY = "discovery"


class ItemView(NamedTuple):
    item: Item
    service: Service | None
    name: str
    category: str
    kind: str
    risk: Risk
    live: Live | None = None  # a newly acquired number: what the service sent to it since then

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def status(self) -> str:
        return self.item.status

    @property
    def resolved(self) -> bool:
        return self.item.status in RESOLVED

    @property
    def advice(self) -> bool:
        """A task that is advice to follow (三不), not a check or a change: it comes last."""
        return self.kind == "task" and self.service is not None and self.service.advice

    @property
    def needs_old_number(self) -> bool:
        return "needs-old-number" in self.risk.flags or (
            self.kind == "task"
            and self.category == DISCOVERY_CATEGORY
            and self.service is not None
            and "needs-old-number" in self.service.flags
        )


# A newly acquired number: the services to try first, and in what order.
ADOPT_CATEGORIES = ("payment", "bank", "messaging", "social", "ecommerce", "food", "travel", "government")
ADOPT_MIN_POPULARITY = 4


def view(
    item: Item, catalog: Catalog, lang: str, profile_kind: str = "retire", acquired_on: date | None = None
) -> ItemView:
    """An item as every screen sees it. On a newly acquired number (`profile_kind` 'adopt') the item's
    evidence from after `acquired_on` makes it live: someone's account there uses the number."""
    service = catalog.get(item.id) if item.custom is None else None
    if service is not None:
        name, category, kind, flags = (
            service.display_name(lang),
            service.category,
            service.kind,
            service.flags,
        )
    elif item.custom is not None:
        name, category, kind, flags = (
            item.custom.name,
            item.custom.category,
            "account",
            tuple(item.custom.flags),
        )
    else:  # an id the catalog no longer has: keep it, as an account of unknown risk
        name, category, kind, flags = item.id, "other", "account", ()
    live = None
    if profile_kind == "adopt":
        live = live_evidence(item.evidence, acquired_on) if kind != "task" else None
        short = (service.name.get(lang) or name) if service is not None else name
        risk = assess_adopted(category, kind, lang, live, short)
    else:
        risk = assess(flags, item.answers, category, lang)
        if kind == "task":
            from numretire.i18n import t

            known = category if category in (CARRIER_CATEGORY, DISCOVERY_CATEGORY) else "other"
            risk = risk._replace(reason=t(f"risk.task.{known}", lang))
    return ItemView(item, service, name, category, kind, risk, live)


def views(profile: Profile, catalog: Catalog, lang: str) -> list[ItemView]:
    return [view(item, catalog, lang, profile.kind, profile.acquired_on) for item in profile.items]


def by_risk(items: list[ItemView]) -> list[ItemView]:
    """Worst first; ties by category order and name."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return sorted(items, key=lambda v: (LEVEL_RANK[v.risk.level], order.get(v.category, 99), v.name))


def walk_order(items: list[ItemView]) -> list[ItemView]:
    """Unresolved items in the order to handle them.

    1. what needs a code on the old number (and the lookups whose answer comes to it) first: after
       cancellation it takes an appeal or a counter visit;
    2. then by risk, worst first;
    3. then by dependency: email and messaging accounts (what others recover through) before the rest;
    4. then the most common services first. Items skipped earlier come after every open one.
    """
    order = {c: i for i, c in enumerate(CATEGORIES)}

    def key(v: ItemView):
        popularity = v.service.popularity if v.service else 0
        return (
            v.item.status != "open",
            v.advice,
            not v.needs_old_number,
            LEVEL_RANK[v.risk.level],
            v.category not in ("email", "messaging"),
            -popularity,
            order.get(v.category, 99),
            v.name,
        )

    return sorted((v for v in items if v.item.status in ("open", "skipped")), key=key)


def still_tied(items: list[ItemView]) -> list[ItemView]:
    """The accounts the number still reaches, worst first: what matters once it is gone. A task (a
    lookup, skipped or not, a carrier step) ties nothing to the number."""
    return [v for v in by_risk(items) if v.kind != "task" and not v.resolved]


def after_order(items: list[ItemView]) -> list[ItemView]:
    """What a walk still offers once the old number receives nothing: the accounts still tied to it
    (worst first, then email and messaging, then the most common), then the open lookups whose answer
    does not come to the old number (a lookup skipped was skipped on purpose). Carrier steps for a
    number in hand, and lookups answered on it, are left out: they can no longer be done."""

    def key(v: ItemView):
        popularity = v.service.popularity if v.service else 0
        return (
            v.kind == "task",
            v.item.status != "open",
            LEVEL_RANK[v.risk.level],
            v.category not in ("email", "messaging"),
            -popularity,
            v.name,
        )

    def doable(v: ItemView) -> bool:
        if v.kind != "task":
            return True  # open or skipped: still tied either way
        return v.item.status == "open" and v.category == DISCOVERY_CATEGORY and not v.needs_old_number

    return sorted((v for v in items if v.item.status in ("open", "skipped") and doable(v)), key=key)


def left_out_after(items: list[ItemView]) -> list[ItemView]:
    """The open tasks after_order leaves out (they need the number in hand)."""
    offered = {v.id for v in after_order(items)}
    return [v for v in items if v.kind == "task" and v.item.status == "open" and v.id not in offered]


class Blocker(NamedTuple):
    kind: str  # risk | carrier | discovery | empty
    item_id: str | None = None
    name: str = ""
    level: str | None = None
    reason: str = ""


class Verdict(NamedTuple):
    safe: bool
    blockers: list[Blocker]
    warnings: list[ItemView]  # open items of medium or low risk
    skipped: tuple[ItemView, ...] = ()  # lookups consciously skipped (the gate lets them pass)


def adopt_order(items: list[ItemView]) -> list[ItemView]:
    """For a newly acquired number: the checks first (ask the carrier, the official lookup), then the
    services that sent messages to the number since it was acquired (someone's account there is live:
    worst and most recent first), then payments and banks, messaging and social, shopping, delivery,
    ride-hailing, government, the most common first; advice (三不) last. Services contacted or still
    occupied come back after the rest."""
    rank = {c: i for i, c in enumerate(ADOPT_CATEGORIES)}

    def key(v: ItemView):
        live = v.live
        return (
            {"open": 0, "skipped": 1, "contacted": 2, "occupied": 2}[v.item.status],
            v.advice,
            v.kind != "task",
            live is None,
            LEVEL_RANK[v.risk.level] if live else 0,
            -(live.last.toordinal() if live and live.last else 0),
            -(live.count if live else 0),
            rank.get(v.category, len(rank)),
            -(v.service.popularity if v.service else 0),
            v.name,
        )

    return sorted(
        (v for v in items if v.item.status in ("open", "skipped", "contacted", "occupied")), key=key
    )


def adopt_gate(items: list[ItemView]) -> Verdict:
    """Is this newly acquired number clean to use?

    Clean means: the tasks done or consciously skipped (advice aside: it checks nothing); no service
    still occupied by someone else's account or waiting for an answer; no payment or bank service, and
    no service that sent messages since the number was acquired, left unchecked.
    """
    blockers: list[Blocker] = []
    warnings: list[ItemView] = []
    for v in sorted(by_risk(items), key=lambda v: v.live is None):  # live services first, worst first
        if v.advice:
            continue
        if v.kind == "task":
            if v.item.status not in RESOLVED and v.item.status != "skipped":
                blockers.append(Blocker("adopt_task", v.id, v.name))
        elif v.item.status in ("occupied", "contacted"):
            blockers.append(Blocker(v.item.status, v.id, v.name, v.risk.level, v.risk.reason))
        elif not v.resolved:
            if v.risk.level in BLOCKING_LEVELS:
                blockers.append(Blocker("unchecked", v.id, v.name, v.risk.level, v.risk.reason))
            else:
                warnings.append(v)
    return Verdict(not blockers, blockers, warnings)


class Reconciliation(NamedTuple):
    """The official linked-accounts lookup against the inventory."""

    count: int  # accounts the lookup counted
    on: date | None
    inventory: int  # services of the companies it covers that the inventory has
    missing: int  # count - inventory, when positive: accounts nobody has recorded yet


def reconcile(profile: Profile, catalog: Catalog) -> Reconciliation | None:
    """The latest lookup result compared with the inventory; None before any lookup is recorded."""
    if not profile.lookups:
        return None
    latest = max(profile.lookups, key=lambda lk: (lk.on or lk.recorded.date(), lk.recorded))
    covered = {sid for s in catalog.select(kind="task") for sid in s.covers}
    inventory = sum(1 for item in profile.items if item.id in covered and item.status != "not-mine")
    return Reconciliation(latest.count, latest.on, inventory, max(latest.count - inventory, 0))


def verdict_for(profile: Profile, catalog: Catalog, items: list[ItemView]) -> Verdict:
    """The gate that fits the profile: safe to cancel (a retirement) or clean to use (a new number)."""
    if profile.kind == "adopt":
        return adopt_gate(items)
    verdict = gate(items)
    rec = reconcile(profile, catalog)
    if rec is not None and rec.missing:
        gap = Blocker("lookup_gap", None, "", None, str(rec.missing))
        return verdict._replace(safe=False, blockers=[*verdict.blockers, gap])
    return verdict


def blocker_text(b: Blocker, lang: str) -> str:
    """One line saying why the gate is closed, in `lang`."""
    from numretire.i18n import t

    level = t(f"level.{b.level}", lang) if b.level else ""
    return t(
        f"blocker.{b.kind}", lang, name=b.name, id=b.item_id, level=level, reason=b.reason, missing=b.reason
    )


def gate(items: list[ItemView]) -> Verdict:
    """Is it safe to cancel the number now?

    Safe means: no unresolved critical or high item, and no unresolved item that needs a code on the old
    number whatever its risk (after cancellation it can never be fixed); the carrier tasks done (advice
    aside, such as 三不: it checks and changes nothing); the discovery aids done or consciously skipped;
    and at least one account reviewed.
    """
    blockers: list[Blocker] = []
    warnings: list[ItemView] = []
    skipped: list[ItemView] = []
    accounts = [v for v in items if v.kind == "account"]
    if not accounts:
        blockers.append(Blocker("empty"))
    for v in by_risk(items):
        if v.advice:
            continue
        if v.category == DISCOVERY_CATEGORY and v.kind == "task":
            if v.item.status == "skipped":
                skipped.append(v)
            elif v.item.status not in RESOLVED:
                blockers.append(Blocker("discovery", v.id, v.name))
        elif v.category == CARRIER_CATEGORY and v.kind == "task":
            if not v.resolved:
                blockers.append(Blocker("carrier", v.id, v.name))
        elif not v.resolved:
            if v.risk.level in BLOCKING_LEVELS:
                blockers.append(Blocker("risk", v.id, v.name, v.risk.level, v.risk.reason))
            elif v.needs_old_number:
                blockers.append(Blocker("old_number", v.id, v.name, v.risk.level, v.risk.reason))
            else:
                warnings.append(v)
    return Verdict(not blockers, blockers, warnings, tuple(skipped))


class Progress(NamedTuple):
    category: str
    done: int
    total: int


def progress(items: list[ItemView], gone: bool = False) -> tuple[Progress, list[Progress]]:
    """Overall progress, and progress per category (in catalog category order). Once the number is
    `gone`, the open tasks that need it in hand (carrier steps, lookups answered on it) are not counted:
    they can no longer be done, and a table of them would only ever say "not done"."""
    per: dict[str, list[int]] = {}
    out = {v.id for v in left_out_after(items)} if gone else set()
    for v in items:
        if v.id in out:
            continue
        counts = per.setdefault(v.category, [0, 0])
        counts[0] += v.resolved
        counts[1] += 1
    order = {c: i for i, c in enumerate(CATEGORIES)}
    rows = [Progress(c, d, t) for c, (d, t) in sorted(per.items(), key=lambda kv: order.get(kv[0], 99))]
    return Progress("all", sum(r.done for r in rows), sum(r.total for r in rows)), rows


def initial_items(catalog: Catalog, region: str, at: datetime, kind: str = "retire") -> list[Item]:
    """What a profile starts with. A retirement: the carrier's tasks and the aids that find forgotten
    accounts. A newly acquired number: its tasks, and the common services of the region to try the
    number on (payments and banks, messaging and social, shopping, delivery, travel, government)."""
    wanted = []
    for service in catalog:
        if kind not in service.applies_to:
            continue
        if region not in service.regions and "GLOBAL" not in service.regions:
            continue
        if service.kind == "task":
            if kind == "adopt" or service.category in (CARRIER_CATEGORY, DISCOVERY_CATEGORY):
                wanted.append(service.id)
        elif (
            kind == "adopt"
            and service.kind == "account"
            and region in service.regions
            and service.category in ADOPT_CATEGORIES
            and service.popularity >= ADOPT_MIN_POPULARITY
        ):
            wanted.append(service.id)
    origin = "adopt" if kind == "adopt" else "init"
    return [Item(id=service_id, origin=origin, history=[Event(at, "open", "")]) for service_id in wanted]


def set_status(item: Item, status: str, at: datetime, note: str = "") -> bool:
    """Record an outcome with its time; False when nothing changed."""
    if item.status == status and (not note or note == item.note):
        return False
    item.status = status
    if note:
        item.note = note
    item.history.append(Event(at, status, note))
    return True
