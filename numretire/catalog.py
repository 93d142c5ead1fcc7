"""The catalog: load, validate (with file and line), index and search the services in checklists/.

Shipped files come first; files in the data home's checklists/ folder add services or replace a
shipped one by id. A parsed, validated copy is cached under the data home so that every command can
afford the catalog.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from numretire import paths
from numretire.errors import DataError, InputError

CATALOG_SCHEMA = 1

FLAGS = (
    "sms-login",
    "sms-reset",
    "sms-payment",
    "password-free",
    "stored-card",
    "balance",
    "credit",
    "auto-debit",
    "sms-alerts",
    "real-name",
    "sms-2fa",
    "needs-old-number",
    "needs-counter",
)
# Flags that depend on how the user set the account up: triage asks about these.
PERSONAL_FLAGS = ("stored-card", "password-free", "balance", "credit", "auto-debit")

CATEGORIES = (
    "payment",
    "bank",
    "credit",
    "finance",
    "ecommerce",
    "food",
    "travel",
    "social",
    "messaging",
    "media",
    "government",
    "games",
    "health",
    "education",
    "utilities",
    "email",
    "work",
    "carrier",
    "discovery",
    "other",
)
KINDS = ("account", "task", "carrier")
ALIAS_KEYS = ("signatures", "shared_signatures", "senders", "domains", "packages", "apps", "keywords")
UNIQUE_ALIAS_KEYS = ("signatures", "senders", "domains", "packages")
TEXT_TABLES = ("change", "remove", "occupied")
ENTRY_KEYS = frozenset(
    {
        "id",
        "kind",
        "name",
        "category",
        "regions",
        "popularity",
        "flags",
        "url",
        "help_url",
        "hotline",
        "verified",
        "source",
        "checked",
        "change",
        "remove",
        "occupied",
        "notes",
        "aliases",
        "carrier",
    }
)
CARRIER_KEYS = frozenset({"country", "names", "freeze_days", "freeze_days_max", "arrears_days"})
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REGION_RE = re.compile(r"^(GLOBAL|[A-Z]{2})$")


@dataclass(frozen=True)
class Service:
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
    url: str | None = None
    help_url: str | None = None
    hotline: str | None = None
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    carrier: dict[str, Any] | None = None
    origin: str = "shipped"  # shipped | user
    file: str = ""

    def display_name(self, lang: str) -> str:
        """'支付宝 (Alipay)' for zh, 'Alipay (支付宝)' for en; one name when both are the same."""
        own = self.name.get(lang) or self.name.get("en") or self.id
        other = self.name.get("en" if lang == "zh" else "zh")
        return own if not other or other == own else f"{own} ({other})"

    def alias(self, key: str) -> tuple[str, ...]:
        return self.aliases.get(key, ())


@dataclass(frozen=True)
class Problem:
    """One lint finding: a message key and its parameters, at a file and line."""

    file: str
    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------ validation


def check_document(doc: dict[str, Any], text: str, file: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Validate one parsed catalog file; return its normalised entries and the problems found."""
    from numretire.toml_lines import line_of

    problems: list[Problem] = []

    def problem(where: str, code: str, **params: Any) -> None:
        problems.append(Problem(file, line_of(text, where), code, {"where": where, **params}))

    schema = doc.get("schema")
    if schema != CATALOG_SCHEMA:
        problem("schema", "lint.schema", expected=CATALOG_SCHEMA)
    for key in sorted(set(doc) - {"schema", "service"}):
        problem(key, "lint.unknown_key", key=key)
    raw_entries = doc.get("service", [])
    if not isinstance(raw_entries, list):
        problem("service", "lint.bad_type", key="service", expected="[[service]]")
        return [], problems
    entries = []
    for index, raw in enumerate(raw_entries):
        before = len(problems)
        entry = _check_entry(raw, f"service[{index}]", problem)
        if len(problems) == before and entry is not None:
            entry["file"] = file
            entry["line"] = line_of(text, f"service[{index}]")
            entries.append(entry)
    return entries, problems


def _check_entry(raw: Any, where: str, problem) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        problem(where, "lint.bad_type", key=where, expected="table")
        return None
    at = f"{where}."
    for key in sorted(set(raw) - ENTRY_KEYS):
        problem(at + key, "lint.unknown_key", key=key)
    for key in (
        "id",
        "name",
        "category",
        "regions",
        "popularity",
        "flags",
        "change",
        "verified",
        "source",
        "checked",
    ):
        if key not in raw:
            problem(where, "lint.missing", key=key)
    entry_id = raw.get("id")
    if "id" in raw and not (isinstance(entry_id, str) and ID_RE.match(entry_id)):
        problem(at + "id", "lint.bad_id", value=str(entry_id))
    kind = raw.get("kind", "account")
    if kind not in KINDS:
        problem(at + "kind", "lint.bad_choice", key="kind", value=str(kind), choices=", ".join(KINDS))
    if "name" in raw:
        _check_lang_table(raw["name"], at + "name", problem, str)
    if "category" in raw and raw["category"] not in CATEGORIES:
        problem(at + "category", "lint.unknown_category", value=str(raw["category"]))
    regions = raw.get("regions", [])
    regions_ok = (
        isinstance(regions, list)
        and regions
        and all(isinstance(r, str) and REGION_RE.match(r) for r in regions)
    )
    if "regions" in raw and not regions_ok:
        problem(at + "regions", "lint.bad_regions")
    popularity = raw.get("popularity", 1)
    if not (isinstance(popularity, int) and not isinstance(popularity, bool) and 1 <= popularity <= 5):
        problem(at + "popularity", "lint.bad_popularity")
    flags = raw.get("flags", [])
    if not isinstance(flags, list):
        problem(at + "flags", "lint.bad_type", key="flags", expected="list")
        flags = []
    for flag in flags:
        if flag not in FLAGS:
            problem(at + "flags", "lint.unknown_flag", value=str(flag))
    if len(set(map(str, flags))) != len(flags):
        problem(at + "flags", "lint.duplicate_flag")
    for key in TEXT_TABLES:
        if key in raw:
            _check_lang_table(raw[key], at + key, problem, list)
    if "notes" in raw:
        _check_lang_table(raw["notes"], at + "notes", problem, str)
    for key in ("url", "help_url"):
        if key in raw and not (isinstance(raw[key], str) and raw[key].startswith("https://")):
            problem(at + key, "lint.not_https", key=key)
    if "hotline" in raw and not (isinstance(raw["hotline"], str) and raw["hotline"].strip()):
        problem(at + "hotline", "lint.bad_type", key="hotline", expected="text")
    if "verified" in raw and not isinstance(raw["verified"], bool):
        problem(at + "verified", "lint.bad_type", key="verified", expected="true/false")
    source = raw.get("source")
    if "source" in raw and not (
        isinstance(source, list) and source and all(isinstance(s, str) and s for s in source)
    ):
        problem(at + "source", "lint.bad_source")
    checked = raw.get("checked")
    if "checked" in raw and not (isinstance(checked, date) and type(checked) is date):
        problem(at + "checked", "lint.bad_checked")
    aliases = raw.get("aliases", {})
    if not isinstance(aliases, dict):
        problem(at + "aliases", "lint.bad_type", key="aliases", expected="table")
        aliases = {}
    for key, values in aliases.items():
        if key not in ALIAS_KEYS:
            problem(f"{at}aliases.{key}", "lint.unknown_key", key=f"aliases.{key}")
        elif not (isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values)):
            problem(f"{at}aliases.{key}", "lint.bad_type", key=f"aliases.{key}", expected="list of text")
    carrier = raw.get("carrier")
    if kind == "carrier" and carrier is None:
        problem(where, "lint.missing", key="carrier")
    if carrier is not None:
        if kind != "carrier":
            problem(at + "carrier", "lint.carrier_not_carrier")
        if not isinstance(carrier, dict):
            problem(at + "carrier", "lint.bad_type", key="carrier", expected="table")
        else:
            for key in sorted(set(carrier) - CARRIER_KEYS):
                problem(f"{at}carrier.{key}", "lint.unknown_key", key=f"carrier.{key}")
            for key in ("freeze_days", "freeze_days_max", "arrears_days"):
                value = carrier.get(key)
                if value is not None and not (
                    isinstance(value, int) and not isinstance(value, bool) and value > 0
                ):
                    problem(f"{at}carrier.{key}", "lint.bad_type", key=f"carrier.{key}", expected="days > 0")
            if "freeze_days" not in carrier:
                problem(at + "carrier", "lint.missing", key="carrier.freeze_days")
    entry = dict(raw)
    entry.setdefault("kind", "account")
    entry.setdefault("aliases", {})
    return entry


def _check_lang_table(value: Any, where: str, problem, kind: type) -> None:
    if not isinstance(value, dict):
        problem(where, "lint.bad_type", key=where.split(".", 1)[-1], expected="{ zh = …, en = … }")
        return
    for key in sorted(set(value) - {"zh", "en"}):
        problem(f"{where}.{key}", "lint.unknown_key", key=key)
    for lang in ("zh", "en"):
        text = value.get(lang)
        if kind is str:
            ok = isinstance(text, str) and text.strip()
        else:
            ok = isinstance(text, list) and text and all(isinstance(s, str) and s.strip() for s in text)
        if not ok:
            problem(
                f"{where}.{lang}" if lang in value else where,
                "lint.missing_lang",
                lang=lang,
                key=where.split(".", 1)[-1],
            )


def check_set(entries: list[dict[str, Any]]) -> list[Problem]:
    """Problems across files of one layer: duplicate ids, an alias claimed by two services."""
    problems = []
    seen_ids: dict[str, dict[str, Any]] = {}
    claimed: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in entries:
        first = seen_ids.get(entry["id"])
        if first is not None:
            problems.append(
                Problem(
                    entry["file"],
                    entry["line"],
                    "lint.duplicate_id",
                    {"value": entry["id"], "other": f"{first['file']}:{first['line']}"},
                )
            )
        else:
            seen_ids[entry["id"]] = entry
        for key in UNIQUE_ALIAS_KEYS:
            for value in entry["aliases"].get(key, []):
                norm = (key, _norm_alias(key, value))
                owner = claimed.get(norm)
                if owner is not None and owner["id"] != entry["id"]:
                    problems.append(
                        Problem(
                            entry["file"],
                            entry["line"],
                            "lint.alias_claimed",
                            {"value": value, "key": key, "other": owner["id"]},
                        )
                    )
                else:
                    claimed[norm] = entry
    return problems


def _norm_alias(key: str, value: str) -> str:
    value = value.strip()
    return value.lower() if key in ("domains", "packages") else value


# ------------------------------------------------------------------ loading


def _toml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def read_layer(files: list[Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Parse and check a set of files (one layer: shipped, or the user's)."""
    import tomllib

    entries: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), 1, "lint.unreadable", {"problem": str(exc)}))
            continue
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"at line (\d+)", str(exc))
            problems.append(
                Problem(
                    str(path),
                    int(match.group(1)) if match else 1,
                    "lint.not_toml",
                    {"problem": re.sub(r"\s*\(at line.*\)", "", str(exc))},
                )
            )
            continue
        found, bad = check_document(doc, text, str(path))
        entries.extend(found)
        problems.extend(bad)
    problems.extend(check_set(entries))
    return entries, problems


def _service_from_entry(entry: dict[str, Any], origin: str) -> Service:
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
        url=entry.get("url"),
        help_url=entry.get("help_url"),
        hotline=entry.get("hotline"),
        verified=entry["verified"],
        source=tuple(entry["source"]),
        checked=checked if isinstance(checked, date) else date.fromisoformat(checked),
        aliases={key: tuple(values) for key, values in entry.get("aliases", {}).items()},
        carrier=dict(entry["carrier"]) if entry.get("carrier") else None,
        origin=origin,
        file=entry.get("file", ""),
    )


class Catalog:
    """The merged catalog: shipped services, then the user's additions and overrides."""

    def __init__(self, services: list[Service]) -> None:
        self.services: dict[str, Service] = {}
        for service in services:
            self.services[service.id] = service

    def __iter__(self):
        return iter(self.services.values())

    def __len__(self) -> int:
        return len(self.services)

    def get(self, service_id: str) -> Service | None:
        return self.services.get(service_id)

    def require(self, service_id: str) -> Service:
        service = self.services.get(service_id)
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
        found = [
            s
            for s in self
            if (category is None or s.category == category)
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
        results = []
        for service in self:
            best = 0
            for candidate in _search_terms(service):
                if candidate == query:
                    score = 100
                elif candidate.startswith(query) or (len(query) >= 2 and query in candidate):
                    score = 90 - min(len(candidate) - len(query), 20)
                elif len(query) >= 3:
                    matcher = difflib.SequenceMatcher(None, query, candidate)
                    if matcher.real_quick_ratio() < 0.75 or matcher.quick_ratio() < 0.75:
                        continue
                    ratio = matcher.ratio()
                    score = int(ratio * 80) if ratio >= 0.75 else 0
                else:
                    score = 0
                best = max(best, score)
            if best:
                results.append((service, best))
        results.sort(key=lambda pair: (-pair[1], -pair[0].popularity, pair[0].id))
        return results[:limit]


def _search_terms(service: Service) -> list[str]:
    terms = [service.id, *service.name.values()]
    for values in service.aliases.values():
        terms.extend(values)
    return [term.casefold() for term in terms]


def _fingerprint(files: list[Path]) -> list[list[Any]]:
    from numretire import __version__

    prints: list[list[Any]] = [[__version__, CATALOG_SCHEMA]]
    for path in files:
        stat = path.stat()
        prints.append([str(path), stat.st_size, stat.st_mtime_ns])
    return prints


def _entry_to_json(entry: dict[str, Any]) -> dict[str, Any]:
    out = dict(entry)
    out["checked"] = entry["checked"].isoformat()
    return out


def load(home: Path | None = None) -> Catalog:
    """The merged catalog for the user at `home`; a user file with a problem is refused with its place."""
    home = home if home is not None else paths.data_home()
    shipped_files = _toml_files(paths.shipped_checklists_dir())
    user_files = _toml_files(paths.user_checklists_dir(home))
    cache = home / "cache" / "catalog.json"
    key = _fingerprint(shipped_files + user_files)
    cached = _read_cache(cache, key)
    if cached is not None:
        return Catalog([_service_from_entry(e, e["origin"]) for e in cached])

    layers = []
    for origin, files in (("shipped", shipped_files), ("user", user_files)):
        entries, problems = read_layer(files)
        if problems:
            first = problems[0]
            raise DataError(
                "catalog.invalid", path=first.file, line=first.line, problem=describe_problem(first, "en")
            )
        layers.extend({**e, "origin": origin} for e in entries)
    _write_cache(cache, key, layers)
    return Catalog([_service_from_entry(e, e["origin"]) for e in layers])


def _read_cache(cache: Path, key: list[list[Any]]) -> list[dict[str, Any]] | None:
    try:
        doc = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("key") != key:
        return None
    return doc.get("entries")


def _write_cache(cache: Path, key: list[list[Any]], entries: list[dict[str, Any]]) -> None:
    """Best effort: a cache that cannot be written only costs time."""
    from numretire.store import write_atomic

    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = json.dumps({"key": key, "entries": [_entry_to_json(e) for e in entries]}, ensure_ascii=False)
        write_atomic(cache, data.encode("utf-8"))
    except OSError:
        pass


def describe_problem(problem: Problem, lang: str) -> str:
    from numretire.i18n import t

    return t(problem.key, lang, **problem.params)


def lint(targets: list[Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Check files or folders of catalog TOML; return the entries and every problem found."""
    files: list[Path] = []
    for target in targets:
        if target.is_dir():
            files.extend(_toml_files(target))
        elif target.exists():
            files.append(target)
        else:
            raise InputError("catalog.no_such_path", path=str(target))
    return read_layer(files)
