"""The catalog: load, index and search the services in checklists/ (validation: catalog_check.py).

Shipped files come first; files in the data home's checklists/ folder add services or replace a
shipped one by id. A parsed, validated copy is cached under the data home so that every command can
afford the catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from numretire import paths
from numretire.catalog_schema import (  # noqa: F401 - re-exported: the catalog's vocabulary
    ALIAS_KEYS,
    CARRIER_KEYS,
    CATALOG_SCHEMA,
    CATEGORIES,
    ENTRY_KEYS,
    FLAGS,
    KINDS,
    PERSONAL_FLAGS,
    SHARED_ALIAS_KEYS,
    TEXT_TABLES,
    UNIQUE_ALIAS_KEYS,
    toml_files,
)
from numretire.errors import DataError, InputError


class Service(NamedTuple):
    """One catalog entry. A NamedTuple: cheap to define at start-up and to build by the hundred."""

    id: str
    name: dict[str, str]
    category: str
    regions: tuple[str, ...]
    popularity: int
    flags: tuple[str, ...]
    change: dict[str, tuple[str, ...]]
    verified: bool
    source: tuple[str, ...]
    checked: date
    kind: str = "account"
    remove: dict[str, tuple[str, ...]] | None = None
    occupied: dict[str, tuple[str, ...]] | None = None
    notes: dict[str, str] | None = None
    # a newly acquired number: the steps and notes in place of `change` and `notes`
    adopt_change: dict[str, tuple[str, ...]] | None = None
    adopt_notes: dict[str, str] | None = None
    advice: bool = False  # a task that is advice, not a check or a change: walks put it last
    url: str | None = None
    help_url: str | None = None
    hotline: str | None = None
    aliases: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 - never mutated; NamedTuple defaults are shared
    carrier: dict[str, Any] | None = None
    origin: str = "shipped"  # shipped | user
    file: str = ""
    applies_to: tuple[str, ...] = ("retire", "adopt")  # the kinds of profile this entry is for
    covers: tuple[str, ...] = ()  # a lookup task: the services whose accounts it counts
    pinyin: tuple[str, ...] = ()  # the Chinese names in pinyin, whole and initials (search only)

    def display_name(self, lang: str) -> str:
        """'支付宝（Alipay）' for zh, with full-width brackets as Chinese text has them, 'Alipay (支付宝)'
        for en; one name when both are the same. A name
        that holds brackets of its own is never put inside more: '中国工商银行 / Industrial and
        Commercial Bank of China (ICBC)'."""
        own = self.name.get(lang) or self.name.get("en") or self.id
        other = self.name.get("en" if lang == "zh" else "zh")
        if not other or other == own:
            return own
        if any(b in own + other for b in "()（）"):
            return f"{own} / {other}"
        return f"{own}（{other}）" if lang == "zh" else f"{own} ({other})"

    def alias(self, key: str) -> tuple[str, ...]:
        return self.aliases.get(key, ())


def service_from_entry(entry: dict[str, Any]) -> Service:
    """A validated entry (from TOML or the cache) as a Service."""

    def texts(key: str) -> dict[str, tuple[str, ...]] | None:
        value = entry.get(key)
        return {lang: tuple(lines) for lang, lines in value.items()} if value else None

    checked = entry["checked"]
    return Service(
        id=entry["id"],
        kind=entry.get("kind", "account"),
        name=dict(entry["name"]),
        category=entry["category"],
        regions=tuple(entry["regions"]),
        popularity=entry.get("popularity", 1),
        flags=tuple(entry.get("flags", ())),
        change=texts("change") or {},
        remove=texts("remove"),
        occupied=texts("occupied"),
        notes=dict(entry["notes"]) if entry.get("notes") else None,
        adopt_change=texts("adopt_change"),
        adopt_notes=dict(entry["adopt_notes"]) if entry.get("adopt_notes") else None,
        advice=entry.get("advice", False),
        url=entry.get("url"),
        help_url=entry.get("help_url"),
        hotline=entry.get("hotline"),
        verified=entry["verified"],
        source=tuple(entry["source"]),
        checked=checked if isinstance(checked, date) else date.fromisoformat(checked),
        aliases={key: tuple(values) for key, values in entry.get("aliases", {}).items()},
        carrier=dict(entry["carrier"]) if entry.get("carrier") else None,
        origin=entry.get("origin", "shipped"),
        file=entry.get("file", ""),
        applies_to=tuple(entry.get("applies_to", ("retire", "adopt"))),
        covers=tuple(entry.get("covers", ())),
        pinyin=tuple(entry.get("pinyin", ())),
    )


class Catalog:
    """The merged catalog: shipped services, then the user's additions and overrides (by id).

    Entries read from the cache become Service objects only when asked for, so that a command that
    needs a dozen services does not build all of them; an entry of the cache is even decoded only then
    (`packed`: id -> (kind, its marshal bytes)). The kind of every entry is known without decoding it, so
    that the carriers or the tasks are found without building the rest.
    """

    def __init__(
        self,
        services: list[Service] | None = None,
        entries: list[dict[str, Any]] | None = None,
        packed: dict[str, tuple[str, bytes]] | None = None,
    ) -> None:
        self._items: dict[str, Service | dict[str, Any] | bytes] = {}
        self._kinds: dict[str, str] = {}
        for service_id, (kind, blob) in (packed or {}).items():
            self._items[service_id] = blob
            self._kinds[service_id] = kind
        for entry in entries or ():
            self._items[entry["id"]] = entry
            self._kinds[entry["id"]] = entry.get("kind", "account")
        for service in services or ():
            self._items[service.id] = service
            self._kinds[service.id] = service.kind

    def _service(self, service_id: str) -> Service | None:
        found = self._items.get(service_id)
        if isinstance(found, bytes):
            found = self._items[service_id] = _service_from_cache(found)
        elif isinstance(found, dict):
            found = self._items[service_id] = service_from_entry(found)
        return found

    def __iter__(self) -> Iterator[Service]:
        for service_id in list(self._items):
            yield self._service(service_id)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._items)

    def get(self, service_id: str) -> Service | None:
        return self._service(service_id)

    def require(self, service_id: str) -> Service:
        service = self._service(service_id)
        if service is None:
            raise InputError("catalog.unknown_id", id=service_id)
        return service

    def select(
        self,
        category: str | None = None,
        region: str | None = None,
        flag: str | None = None,
        kind: str | None = None,
    ) -> list[Service]:
        """Services matching every filter given, most common first."""
        region = region.upper() if region else None
        # by kind without building the other entries (they stay packed)
        candidates = (
            self if kind is None else (self._service(i) for i, k in list(self._kinds.items()) if k == kind)
        )
        found = [
            s
            for s in candidates
            if s is not None
            and (category is None or s.category == category)
            and (region is None or region in s.regions)
            and (flag is None or flag in s.flags)
            and (kind is None or s.kind == kind)
        ]
        order = {c: i for i, c in enumerate(CATEGORIES)}
        return sorted(found, key=lambda s: (order.get(s.category, 99), -s.popularity, s.id))

    def carrier_for(self, name: str | None, country: str | None = None) -> Service | None:
        """The carrier entry that `name` (an id, or a name as phonenumbers or a person writes it) means."""
        if not name:
            return None
        wanted = name.strip().casefold()
        for service in self.select(kind="carrier"):
            names = [service.id, *service.name.values(), *(service.carrier or {}).get("names", [])]
            if wanted in (n.casefold() for n in names) and (
                country is None
                or (service.carrier or {}).get("country") in (None, country)
                or service.id.casefold() == wanted
            ):
                return service
        return None

    def search(self, text: str, limit: int = 20) -> list[tuple[Service, int]]:
        """Services whose names, aliases, senders or domains match `text`, best first; typos tolerated."""
        import difflib

        query = text.strip().casefold()
        if not query:
            return []
        length = len(query)
        counts: dict[str, int] = {}
        for char in query:
            counts[char] = counts.get(char, 0) + 1
        results = []
        for service in self:
            best = 0
            for candidate in _search_terms(service):
                if candidate == query:
                    score = 100
                elif candidate.startswith(query) or (length >= 2 and query in candidate):
                    score = 90 - min(len(candidate) - length, 20)
                elif length >= 3:
                    # difflib's real_quick_ratio, from the lengths alone, before any matcher is built:
                    # most terms end here
                    if 2 * min(length, len(candidate)) < 0.75 * (length + len(candidate)):
                        continue
                    # then its quick_ratio (the characters both have, counted with repeats): the same
                    # figure difflib gives, without building its tables for every term
                    left, common = dict(counts), 0
                    for char in candidate:
                        if left.get(char, 0) > 0:
                            left[char] -= 1
                            common += 1
                    if 2 * common < 0.75 * (length + len(candidate)):
                        continue
                    ratio = difflib.SequenceMatcher(None, query, candidate).ratio()
                    score = int(ratio * 80) if ratio >= 0.75 else 0
                else:
                    score = 0
                best = max(best, score)
            if best:
                results.append((service, best))
        results.sort(key=lambda pair: (-pair[1], -pair[0].popularity, pair[0].id))
        return results[:limit]


def _search_terms(service: Service) -> list[str]:
    terms = [service.id, *service.name.values(), *service.pinyin]
    for values in service.aliases.values():
        terms.extend(values)
    return [term.casefold() for term in terms]


# How the cache holds the entries: 3, each entry's Service fields marshalled on their own, with the ids
# and kinds apart.
CACHE_LAYOUT = 3


def _fingerprint(files: list[Path]) -> list[list[Any]]:
    from numretire import __version__

    prints: list[list[Any]] = [[__version__, CATALOG_SCHEMA, CACHE_LAYOUT]]
    for path in files:
        stat = path.stat()
        prints.append([str(path), stat.st_size, stat.st_mtime_ns])
    return prints


CHECKED = Service._fields.index("checked")


def _service_for_cache(entry: dict[str, Any]) -> bytes:
    """An entry as the cache keeps it: its Service's fields in order (marshal keeps tuples and dicts as
    they are), the day it was checked as text."""
    import marshal

    fields = list(service_from_entry(entry))
    fields[CHECKED] = fields[CHECKED].isoformat()
    return marshal.dumps(tuple(fields))


def _service_from_cache(blob: bytes) -> Service:
    import marshal

    fields = list(marshal.loads(blob))
    fields[CHECKED] = date.fromisoformat(fields[CHECKED])
    return Service._make(fields)


CACHE_NAME = "catalog.marshal"


def load(home: Path | None = None) -> Catalog:
    """The merged catalog for the user at `home`; a user file with a problem is refused with its place."""
    home = home if home is not None else paths.data_home()
    shipped_files = toml_files(paths.shipped_checklists_dir())
    user_files = toml_files(paths.user_checklists_dir(home))
    cache = home / "cache" / CACHE_NAME
    key = _fingerprint(shipped_files + user_files)
    cached = _read_cache(cache, key)
    if cached is not None:
        return Catalog(packed=cached)

    from numretire.catalog_check import describe_problem, read_layer

    layers = []
    for origin, files in (("shipped", shipped_files), ("user", user_files)):
        entries, problems = read_layer(files, quality=False)
        if problems:
            first = problems[0]
            raise DataError(
                "catalog.invalid", path=first.file, line=first.line, problem=describe_problem(first, "en")
            )
        layers.extend({**e, "origin": origin} for e in entries)
    add_pinyin(layers)
    _write_cache(cache, key, layers)
    return Catalog(entries=layers)


def add_pinyin(entries: list[dict[str, Any]]) -> None:
    """Give each entry the pinyin of its Chinese names (支付宝 -> zhifubao, zfb) so that search finds
    it typed without a Chinese keyboard. Done when the cache is built, never at search time."""
    import re

    from pypinyin import Style, lazy_pinyin

    han = re.compile(r"[\u4e00-\u9fff]+")
    for entry in entries:
        names = [entry["name"].get("zh", ""), *entry.get("aliases", {}).get("apps", [])]
        forms: list[str] = []
        for name in names:
            chinese = "".join(han.findall(name))
            if chinese:
                forms.append("".join(lazy_pinyin(chinese)))
                forms.append("".join(lazy_pinyin(chinese, style=Style.FIRST_LETTER)))
        if forms:
            entry["pinyin"] = list(dict.fromkeys(forms))


CACHE_MAGIC = b"numretire-catalog-cache\n"
CACHE_DIGEST_SIZE = 16


def _cache_digest(payload: bytes) -> bytes:
    try:  # the module hashlib wraps, without loading OpenSSL (a few milliseconds at every start-up)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    return blake2b(payload, digest_size=CACHE_DIGEST_SIZE).digest()


def _read_cache(cache: Path, key: list[list[Any]]) -> dict[str, tuple[str, bytes]] | None:
    """The cached entries, each still marshalled (id -> (kind, bytes), see _service_for_cache), or None
    when the cache is missing, stale or damaged.

    marshal, not JSON: it loads in a third of the time. The cache is written by numretire itself into
    the user's private data folder, behind a digest of its bytes: a cache whose bytes do not match it (a
    flipped bit, a torn copy) is not loaded, and is rebuilt from the TOML. marshal itself would load many
    damaged bytes as some other value without a word.
    """
    import marshal

    try:
        raw = cache.read_bytes()
    except OSError:
        return None
    head = len(CACHE_MAGIC) + CACHE_DIGEST_SIZE
    if len(raw) < head or not raw.startswith(CACHE_MAGIC):
        return None
    digest, payload = raw[len(CACHE_MAGIC) : head], raw[head:]
    if _cache_digest(payload) != digest:
        return None
    try:
        doc = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(doc, dict) or doc.get("key") != key:
        return None
    ids, kinds, entries = doc.get("ids"), doc.get("kinds"), doc.get("entries")
    if not (isinstance(ids, list) and isinstance(kinds, list) and isinstance(entries, list)):
        return None
    if not len(ids) == len(kinds) == len(entries):
        return None
    return dict(zip(ids, zip(kinds, entries, strict=True), strict=True))


def _write_cache(cache: Path, key: list[list[Any]], entries: list[dict[str, Any]]) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    import marshal

    from numretire.store import write_atomic

    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = marshal.dumps(
            {
                "key": key,
                "ids": [e["id"] for e in entries],
                "kinds": [e.get("kind", "account") for e in entries],
                "entries": [_service_for_cache(e) for e in entries],
            }
        )
        write_atomic(cache, CACHE_MAGIC + _cache_digest(payload) + payload)
    except (OSError, ValueError):
        pass
