"""Small catalogs and profiles built in code, so core tests do not depend on the shipped catalog."""

from __future__ import annotations

from datetime import UTC, date, datetime

from numretire.catalog import Catalog, Service
from numretire.model import Event, Item, Profile

AT = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def service(
    sid: str, category: str = "other", flags=(), kind: str = "account", popularity: int = 3, regions=("CN",)
) -> Service:
    return Service(
        id=sid,
        name={"zh": f"{sid}-zh", "en": f"{sid}-en"},
        category=category,
        regions=tuple(regions),
        popularity=popularity,
        flags=tuple(flags),
        change={"zh": ("打开设置",), "en": ("Open settings",)},
        verified=True,
        source=("https://example.org",),
        checked=date(2026, 11, 24),
        kind=kind,
    )


def catalog(*services: Service) -> Catalog:
    return Catalog(list(services))


def profile(*ids: str, statuses: dict[str, str] | None = None) -> Profile:
    statuses = statuses or {}
    items = [Item(id=i, status=statuses.get(i, "open"), history=[Event(AT, "open")]) for i in ids]
    return Profile(number="+8613812345678", country_code=86, region="CN", created=AT, items=items)
