"""Changes to a profile's inventory: add, remove, mark, answer. Each takes the profile and changes it."""

from __future__ import annotations

import re
from datetime import datetime

from numretire.catalog import CATEGORIES, FLAGS
from numretire.errors import InputError
from numretire.model import STATUSES, STATUSES_FOR, Custom, Event, Item, Profile
from numretire.plan import set_status


def add_services(profile: Profile, ids: list[str], at: datetime, origin: str) -> tuple[list[str], list[str]]:
    """Add catalog services; return (added, already present)."""
    added, present = [], []
    for service_id in ids:
        if profile.item(service_id) is not None or service_id in added:
            present.append(service_id)
            continue
        profile.items.append(Item(id=service_id, origin=origin, history=[Event(at, "open", "")]))
        if service_id in profile.dismissed:
            profile.dismissed.remove(service_id)
        added.append(service_id)
    return added, present


def add_custom(profile: Profile, name: str, category: str, flags: list[str], at: datetime) -> Item:
    from numretire.visible import bounded

    name = name.strip()
    if not name:
        raise InputError("add.custom_empty")
    bounded(name, "name")
    if category not in CATEGORIES:
        raise InputError("error.bad_category", value=category, choices=", ".join(CATEGORIES))
    for flag in flags:
        if flag not in FLAGS:
            raise InputError("error.bad_flag", value=flag, choices=", ".join(FLAGS))
    for item in profile.items:
        if item.custom is not None and item.custom.name.casefold() == name.casefold():
            raise InputError("add.custom_exists", name=name, id=item.id)
    item = Item(
        id=next_custom_id(profile, name),
        custom=Custom(name, category, list(dict.fromkeys(flags))),
        origin="manual",
        history=[Event(at, "open", "")],
    )
    profile.items.append(item)
    return item


def next_custom_id(profile: Profile, name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:30]
    base = f"custom-{slug}" if slug else "custom"
    taken = {item.id for item in profile.items}
    if base not in taken and slug:
        return base
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def require_item(profile: Profile, item_id: str) -> Item:
    item = profile.item(item_id)
    if item is None:
        raise InputError("item.unknown", id=item_id)
    return item


def resolve_item_id(profile: Profile, text: str, catalog_of) -> str:
    """The id of the inventory item `text` means: its id in any case, or its name (zh or en) or pinyin;
    an unknown one is refused naming the closest items by name, pinyin or typo. `catalog_of()` gives
    the catalog, read only when `text` is not an id as it stands (the common case needs none)."""
    import unicodedata

    if profile.item(text) is not None:
        return text
    catalog = catalog_of()
    wanted = unicodedata.normalize("NFKC", text).strip().casefold()
    by_name: dict[str, set[str]] = {}
    for item in profile.items:
        service = catalog.get(item.id) if item.custom is None else None
        names = [item.id]
        if item.custom is not None:
            names.append(item.custom.name)
        if service is not None:
            names += [*service.name.values(), *service.alias("apps"), *service.pinyin]
        for name in names:
            by_name.setdefault(unicodedata.normalize("NFKC", name).casefold(), set()).add(item.id)
    found = by_name.get(wanted, set())
    if len(found) == 1:
        return next(iter(found))
    present = {item.id for item in profile.items}
    close = [s.id for s, _ in catalog.search(text, limit=50) if s.id in present][:3]
    if not close:
        import difflib

        close = difflib.get_close_matches(wanted, sorted(present), n=3, cutoff=0.6)
    if close:
        raise InputError("item.unknown_close", id=text, close=", ".join(close))
    raise InputError("item.unknown", id=text)


def parse_status(text: str, allowed: tuple[str, ...]) -> str:
    """A status as people type it: the word in either language, any case ('Moved', '已换绑', 'not mine')."""
    import unicodedata

    from numretire.i18n import t

    wanted = unicodedata.normalize("NFKC", text).strip().casefold().replace("_", "-")
    for status in allowed:
        words = {status, status.replace("-", " "), t(f"status.{status}", "zh"), t(f"status.{status}", "en")}
        words |= set(STATUS_WORDS.get(status, ()))
        if wanted in {w.casefold() for w in words}:
            return status
    raise InputError("error.bad_status", value=text, choices=", ".join(allowed))


# The short words people type for an outcome, beside its id and its screen name in each language.
STATUS_WORDS = {
    "moved": ("换绑", "已换绑", "换绑新号", "已换新号"),
    "removed": ("解绑", "已解绑"),
    "closed": ("注销", "已注销", "注销账号"),
    "not-mine": ("notmine", "不是我的", "非本人"),
    "done": ("完成", "做完", "已做"),
    "skipped": ("skip", "跳过", "已跳过"),
    "blocked": ("block", "受阻", "卡住"),
    "open": ("待处理", "未处理"),
}


def remove(profile: Profile, item_id: str) -> None:
    profile.items.remove(require_item(profile, item_id))


def mark(profile: Profile, item_id: str, status: str, at: datetime, note: str = "") -> bool:
    from numretire.visible import bounded

    bounded(note, "note")
    allowed = STATUSES_FOR.get(profile.kind, STATUSES)
    status = parse_status(status, allowed)
    if status == "blocked" and not note and not require_item(profile, item_id).note:
        raise InputError("mark.blocked_needs_note")
    return set_status(require_item(profile, item_id), status, at, note)


def answer(profile: Profile, item_id: str, flag: str, value: bool) -> None:
    if flag not in FLAGS:
        raise InputError("error.bad_flag", value=flag, choices=", ".join(FLAGS))
    require_item(profile, item_id).answers[flag] = value


def parse_yes_no(text: str) -> bool:
    value = text.strip().casefold()
    if value in ("yes", "y", "true", "1", "是", "有", "开"):
        return True
    if value in ("no", "n", "false", "0", "否", "无", "没有", "关"):
        return False
    raise InputError("error.bad_yes_no", value=text)
