"""Match installed apps against the catalog. Pure: no files, no output.

Rules, in order:
1. An app whose id is a service's Android application id (`packages`) or iOS bundle id (`bundle_ids`)
   is that service (the id as the list gives it, letters of either case).
2. An app the catalog lacks by id, whose list gives the name the phone shows (App Manager's `label`),
   is the service of that name when exactly one catalog account has it as its name or app name.
3. Otherwise a named app is a candidate: an item of the user's own, named as the list names it,
   unless its id is the phone's own software (Android, Google's and phone makers' system apps, see
   SYSTEM_PREFIXES), which holds no account of a service.
4. An app the catalog lacks and the list names by id alone is skipped: nobody can tell what it is.

Results hold service ids, names and counts only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from numretire.catalog import Catalog
from numretire.importers import App

# Ids of the phone's own software: the platform, Google's services and the system apps of the phone
# makers sold in China. An app of these the catalog names (a phone maker's account app, Gmail) is
# still matched by rule 1; these only keep the settings, launcher and camera from being offered.
SYSTEM_PREFIXES = (
    "android.",
    "com.android.",
    "com.google.android.",
    "com.qualcomm.",
    "com.qti.",
    "org.codeaurora.",
    "com.mediatek.",
    "com.unisoc.",
    "com.miui.",
    "com.xiaomi.",
    "com.huawei.",
    "com.hihonor.",
    "com.honor.",
    "com.samsung.",
    "com.sec.",
    "com.oppo.",
    "com.coloros.",
    "com.heytap.",
    "com.oplus.",
    "com.realme.",
    "com.vivo.",
    "com.bbk.",
    "com.iqoo.",
    "com.oneplus.",
    "com.meizu.",
    "com.flyme.",
    "com.lenovo.",
    "com.motorola.",
    "com.zte.",
    "com.nubia.",
    "com.apple.",
)


class AppHit(NamedTuple):
    """A catalog service found among the apps: how many of the list's apps are it, and by what."""

    service_id: str
    count: int
    via: str  # "id" | "name"


class AppCandidate(NamedTuple):
    """A named app the catalog lacks: an item the user may add, by the name the list gives."""

    name: str
    count: int


class AppMatches(NamedTuple):
    services: tuple[AppHit, ...]
    candidates: tuple[AppCandidate, ...]
    apps: int  # all apps read
    unnamed: int  # unknown to the catalog and named by id only: skipped
    system: int  # the phone's own software: not offered


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def is_system(app_id: str) -> bool:
    folded = app_id.casefold()
    return any(folded == p.rstrip(".") or folded.startswith(p) for p in SYSTEM_PREFIXES)


def _indexes(catalog: Catalog) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(app id -> service id, name -> the account ids of that name or app name)."""
    ids: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for service in catalog:
        if service.kind == "task":
            continue
        for app_id in (*service.alias("packages"), *service.alias("bundle_ids")):
            ids[app_id.strip().casefold()] = service.id
        if service.kind == "account":
            for name in (*service.name.values(), *service.alias("apps")):
                names.setdefault(_key(name), set()).add(service.id)
    return ids, names


def match_apps(apps: Iterable[App], catalog: Catalog) -> AppMatches:
    """The services and named unknown apps in an app list (see the rules above)."""
    ids, names = _indexes(catalog)
    hits: dict[str, list] = {}  # service id -> [count, via]
    unknown: dict[str, list] = {}  # name key -> [name as first given, count]
    total = unnamed = system = 0
    for app in apps:
        total += 1
        service_id, via = ids.get(app.app_id.strip().casefold()), "id"
        name = " ".join(app.name.split())
        if service_id is None and name:
            by_name = names.get(_key(name), set())
            service_id, via = (next(iter(by_name)), "name") if len(by_name) == 1 else (None, via)
        if service_id is not None:
            hit = hits.setdefault(service_id, [0, via])
            hit[0] += 1
            if via == "id":
                hit[1] = "id"
        elif is_system(app.app_id):
            system += 1
        elif not name:
            unnamed += 1
        else:
            unknown.setdefault(_key(name), [name, 0])[1] += 1
    services = tuple(
        sorted((AppHit(sid, count, via) for sid, (count, via) in hits.items()), key=lambda h: h.service_id)
    )
    candidates = tuple(
        sorted((AppCandidate(name, count) for name, count in unknown.values()), key=lambda c: _key(c.name))
    )
    return AppMatches(services, candidates, total, unnamed, system)
