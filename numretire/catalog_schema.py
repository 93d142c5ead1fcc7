"""The catalog's vocabulary: keys, flags, categories and kinds of a checklists/*.toml file (schema 1).

Shared by the loader (catalog.py) and the checker (catalog_check.py), which both import it and never
each other the other way round: catalog.py uses the checker to read files afresh.
"""

from __future__ import annotations

from pathlib import Path

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
ALIAS_KEYS = (
    "signatures",
    "shared_signatures",
    "senders",
    "shared_senders",
    "domains",
    "hosts",
    "shared_domains",
    "packages",
    "bundle_ids",
    "companies",
    "apps",
    "keywords",
)
# A value of these belongs to one service only; the shared_* keys declare values several services use.
UNIQUE_ALIAS_KEYS = ("signatures", "senders", "domains", "hosts", "packages", "bundle_ids", "companies")
TEXT_TABLES = ("change", "remove", "occupied", "adopt_change")
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
        "adopt_change",
        "adopt_notes",
        "advice",
        "aliases",
        "carrier",
        "applies_to",
        "covers",
        "part_of",
        "generic",
    }
)
CARRIER_KEYS = frozenset({"country", "names", "freeze_days", "freeze_days_max", "arrears_days"})
# The shared_* key that declares a value of a unique key as used by several services.
SHARED_ALIAS_KEYS = {
    "signatures": "shared_signatures",
    "senders": "shared_senders",
    "domains": "shared_domains",
}


def toml_files(folder: Path) -> list[Path]:
    """The catalog files of a folder, in name order (reference data in sub-folders is not a catalog)."""
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []
