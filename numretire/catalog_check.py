"""Catalog validation: every rule `numretire catalog lint` applies, with the file and line of each problem.

Only needed when catalog files are read afresh (a cache miss) or linted, so it is kept out of start-up.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from numretire.catalog_schema import (
    ALIAS_KEYS,
    CARRIER_KEYS,
    CATALOG_SCHEMA,
    CATEGORIES,
    ENTRY_KEYS,
    FLAGS,
    KINDS,
    SHARED_ALIAS_KEYS,
    TEXT_TABLES,
    UNIQUE_ALIAS_KEYS,
    toml_files,
)
from numretire.errors import InputError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REGION_RE = re.compile(r"^(GLOBAL|[A-Z]{2})$")
# Words about how a fact was found, which a user must never read: the facts say where they come from
# in `source`, not how a page was read.
RESEARCH_NOTE = re.compile(
    r"种子文章|种子资料|内容农场|转载页|转载的|本次读到|读到的是|未能在本次"
    r"|seed article|\(seed \d+\)|\bseeds?\b \d|content[- ]farm"
    r"|\brepost(?:ed|s)?\b|copy read at|read (?:it )?through a|read in a|searched corpora",
    re.IGNORECASE,
)
# A source that names an id of a search index ("index id 31334979548", "find_string id 35164973264")
# instead of a place a user can open: cite the page, or the file as repo:OWNER/NAME:PATH@COMMIT.
INTERNAL_SOURCE = re.compile(
    r"\bindex ids?\b|\bfind_string\b|\bsource index\b|\bsearch index\b", re.IGNORECASE
)
# Problems of completeness and consistency that `catalog lint` reports but loading ignores, so that a
# user's own entry with, say, no domain still loads.
QUALITY = frozenset(
    {
        "lint.no_domain",
        "lint.research_note",
        "lint.internal_source",
        "lint.not_registrable",
        "lint.twofa_no_sms",
        "lint.twofa_sms_missing",
    }
)


class Problem(NamedTuple):
    """One lint finding: a message key and its parameters, at a file and line."""

    file: str
    line: int
    key: str
    params: dict[str, Any]


def check_document(doc: dict[str, Any], text: str, file: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Validate one parsed catalog file; return its normalised entries and the problems found."""
    from numretire.toml_lines import LineIndex

    problems: list[Problem] = []
    index_of = LineIndex(text)

    def problem(where: str, code: str, **params: Any) -> None:
        problems.append(Problem(file, index_of.line_of(where), code, {"where": where, **params}))

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
        if entry is not None and all(p.key in QUALITY for p in problems[before:]):
            entry["file"] = file
            entry["line"] = index_of.line_of(f"service[{index}]")
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
    for key in ("notes", "adopt_notes"):
        if key in raw:
            _check_lang_table(raw[key], at + key, problem, str)
    if "advice" in raw and not isinstance(raw["advice"], bool):
        problem(at + "advice", "lint.bad_type", key="advice", expected="true/false")
    if raw.get("advice") is True and kind != "task":
        problem(at + "advice", "lint.advice_not_task")
    applies_to = raw.get("applies_to", ["retire", "adopt"])
    if isinstance(applies_to, list) and "adopt" not in applies_to:
        for key in ("adopt_change", "adopt_notes"):
            if key in raw:
                problem(at + key, "lint.adopt_text_not_adopt", key=key)
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
    part_of = raw.get("part_of")
    if part_of is not None and not (isinstance(part_of, str) and ID_RE.match(part_of)):
        problem(at + "part_of", "lint.bad_type", key="part_of", expected="a service id")
    if "generic" in raw and not isinstance(raw["generic"], bool):
        problem(at + "generic", "lint.bad_type", key="generic", expected="true/false")
    if (
        kind == "account"
        and part_of is None
        and raw.get("generic") is not True
        and not any(aliases.get(k) for k in ("domains", "hosts", "packages", "bundle_ids"))
    ):
        problem(where, "lint.no_domain")
    for key in (
        "name",
        *TEXT_TABLES,
        "notes",
        "adopt_notes",
        "source",
    ):  # `catalog show` prints the sources too
        value = raw.get(key)
        texts = value.values() if isinstance(value, dict) else [value] if isinstance(value, list) else ()
        for text in texts:
            for line in [text] if isinstance(text, str) else text if isinstance(text, list) else ():
                found = RESEARCH_NOTE.search(line) if isinstance(line, str) else None
                if found:
                    problem(at + key, "lint.research_note", value=found.group(0))
    for line in source if isinstance(source, list) else ():
        found = INTERNAL_SOURCE.search(line) if isinstance(line, str) else None
        if found:
            problem(at + "source", "lint.internal_source", value=found.group(0))
    covers = raw.get("covers", [])
    if not (isinstance(covers, list) and all(isinstance(c, str) for c in covers)):
        problem(at + "covers", "lint.bad_type", key="covers", expected="list of service ids")
    applies = raw.get("applies_to", ["retire", "adopt"])
    if not (isinstance(applies, list) and applies and all(a in ("retire", "adopt") for a in applies)):
        problem(at + "applies_to", "lint.bad_applies_to")
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
                norm = (_SPACE.get(key, key), _norm_alias(key, value))
                owner = claimed.get(norm)
                if owner is not None and owner["id"] != entry["id"]:
                    problems.append(_claimed(entry, value, key, owner))
                else:
                    claimed[norm] = entry
    for entry in entries:  # a value declared shared must not be some other entry's own
        for key, shared_key in SHARED_ALIAS_KEYS.items():
            for value in entry["aliases"].get(shared_key, []):
                owner = claimed.get((_SPACE.get(key, key), _norm_alias(key, value)))
                if owner is not None and owner["id"] != entry["id"]:
                    problems.append(_claimed(entry, value, shared_key, owner))
    for entry in entries:
        parent = entry.get("part_of")
        if parent and parent not in seen_ids:
            problems.append(Problem(entry["file"], entry["line"], "lint.unknown_part_of", {"value": parent}))
        for service_id in entry.get("covers", []):
            if service_id not in seen_ids:
                problems.append(
                    Problem(entry["file"], entry["line"], "lint.unknown_cover", {"value": service_id})
                )
    return problems


def _claimed(entry: dict[str, Any], value: str, key: str, owner: dict[str, Any]) -> Problem:
    return Problem(
        entry["file"], entry["line"], "lint.alias_claimed", {"value": value, "key": key, "other": owner["id"]}
    )


# Keys whose values live in one space: a host may not be another service's domain.
_SPACE = {"hosts": "domains", "shared_domains": "domains"}


def _norm_alias(key: str, value: str) -> str:
    value = value.strip()
    if key in ("domains", "hosts", "shared_domains", "packages", "bundle_ids"):
        return value.lower().rstrip(".")
    return value.casefold() if key in ("signatures", "shared_signatures") else value


def check_quality(entries: list[dict[str, Any]]) -> list[Problem]:
    """Completeness and consistency against reference data: registrable domains, and the SMS sign-in
    flags of entries outside mainland China against the 2fa.directory snapshot kept in
    checklists/reference/ (the file the entry cites, else its first domain listed there)."""
    from publicsuffixlist import PublicSuffixList

    suffixes = PublicSuffixList()
    methods = twofa_methods()
    problems = []
    for entry in entries:
        aliases = entry["aliases"]
        for key in ("domains", "shared_domains"):
            for domain in aliases.get(key, []):
                name = domain.strip().lower().rstrip(".")
                if suffixes.privatesuffix(name) != name:
                    problems.append(
                        Problem(
                            entry["file"],
                            entry["line"],
                            "lint.not_registrable",
                            {"value": domain, "key": key},
                        )
                    )
        if entry.get("kind", "account") != "account" or "CN" in entry["regions"]:
            continue
        cited = [m.group(1) for s in entry["source"] for m in _TWOFA_FILE.finditer(s)]
        listed = next(
            (
                (d, methods[d.strip().lower()])
                for d in (*cited, *aliases.get("domains", []), *aliases.get("hosts", []))
                if d.strip().lower() in methods
            ),
            None,
        )
        if listed is None:
            continue
        domain, tfa = listed
        by_sms = bool({"sms", "call"} & set(tfa))
        if by_sms != ("sms-2fa" in entry.get("flags", [])):
            problems.append(
                Problem(
                    entry["file"],
                    entry["line"],
                    "lint.twofa_sms_missing" if by_sms else "lint.twofa_no_sms",
                    {"value": domain, "methods": ", ".join(tfa) or "-"},
                )
            )
    return problems


# A 2fa.directory file an entry cites ("…twofactorauth:entries/p/paypal.com.json@…"): its domain is
# the one to compare with, before the entry's own domains.
_TWOFA_FILE = re.compile(r"twofactorauth:entries/[^/]+/([^/@\s]+)\.json")


def twofa_methods() -> dict[str, list[str]]:
    """domain -> the sign-in methods its 2fa.directory entry lists (checklists/reference/)."""
    import json

    from numretire import paths

    reference = paths.shipped_checklists_dir() / "reference" / "2fa-directory.json"
    return json.loads(reference.read_text(encoding="utf-8"))["methods"]


def coverage(entries: list[dict[str, Any]]) -> dict[str, int]:
    """How complete the catalog is: the counts `catalog lint --json` reports."""
    accounts = [e for e in entries if e.get("kind", "account") == "account"]

    def has(entry: dict[str, Any], *keys: str) -> bool:
        return any(entry["aliases"].get(k) for k in keys)

    return {
        "mainland": sum(1 for e in entries if "CN" in e["regions"]),
        "elsewhere": sum(1 for e in entries if "CN" not in e["regions"]),
        "verified": sum(1 for e in entries if e["verified"]),
        "accounts": len(accounts),
        "accounts_without_domain": sum(
            1 for e in accounts if not has(e, "domains", "hosts", "shared_domains")
        ),
        "accounts_without_domain_or_app": sum(  # an account inside another, or a generic one, needs none
            1
            for e in accounts
            if not has(e, "domains", "hosts", "packages", "bundle_ids")
            and not e.get("part_of")
            and not e.get("generic")
        ),
        "with_package": sum(1 for e in entries if has(e, "packages")),
        "with_hotline": sum(1 for e in entries if e.get("hotline")),
        "with_help_url": sum(1 for e in entries if e.get("help_url")),
        "banks": sum(1 for e in entries if e["category"] == "bank"),
        "banks_with_sender": sum(1 for e in entries if e["category"] == "bank" and has(e, "senders")),
    }


def read_layer(files: list[Path], quality: bool = True) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Parse and check a set of files (one layer: shipped, or the user's); without `quality`, only the
    problems that stop the catalog from loading."""
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
    if quality:
        problems.extend(check_quality(entries))
    else:
        problems = [p for p in problems if p.key not in QUALITY]
    return entries, problems


def lint(targets: list[Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Check files or folders of catalog TOML; return the entries and every problem found."""
    files: list[Path] = []
    for target in targets:
        if target.is_dir():
            files.extend(toml_files(target))
        elif target.exists():
            files.append(target)
        else:
            raise InputError("catalog.no_such_path", path=str(target))
    return read_layer(files)


def describe_problem(problem: Problem, lang: str) -> str:
    from numretire.i18n import t

    return t(problem.key, lang, **problem.params)
