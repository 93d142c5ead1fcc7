"""Every message exists in both languages, with the same placeholders, and every key the code uses exists."""

import re
import string
from pathlib import Path

import pytest

from numretire.catalog import CATEGORIES, FLAGS, PERSONAL_FLAGS
from numretire.i18n import normalise_lang, resolve_lang, t
from numretire.messages import MESSAGES
from numretire.model import STATUSES
from numretire.risk import LEVELS

ROOT = Path(__file__).resolve().parent.parent / "numretire"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_with_the_same_placeholders(key):
    zh, en = MESSAGES[key]
    assert zh.strip() and en.strip(), key
    assert fields(zh) == fields(en), key


def test_chinese_messages_are_chinese():
    untranslated = [
        k
        for k, (zh, en) in MESSAGES.items()
        if zh == en and re.search(r"[a-z]{4,}", en) and not k.startswith("col.")
    ]
    assert untranslated == []


def used_keys() -> set[str]:
    keys = set()
    for path in ROOT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(
            re.findall(r"""(?:\bt|Error|Problem\(.*?)\(\s*["']([a-z][a-z0-9_.-]+\.[a-z0-9_.-]+)["']""", text)
        )
        keys |= set(
            re.findall(
                r"""["']((?:lint|store|number|profile|catalog|error|triage|walk|check|status|add|mark"""
                r"""|answer|remove|use|edit|init|demo|carrier|blocker|risks?|list|item|prompt)\.[a-z0-9_.-]+)["']""",
                text,
            )
        )
    return keys


def test_every_key_the_code_names_exists():
    not_messages = {"carrier.freeze_days", "catalog.marshal"}  # a catalog key and a file name
    missing = sorted(k for k in used_keys() - not_messages if k not in MESSAGES and not k.endswith("."))
    assert missing == []


def test_every_dynamic_key_exists():
    families = [f"level.{x}" for x in LEVELS] + [f"status.{x}" for x in STATUSES]
    families += [f"category.{x}" for x in CATEGORIES] + [f"flag.{x}" for x in FLAGS]
    families += [f"triage.ask.{x}" for x in PERSONAL_FLAGS] + [
        f"blocker.{x}" for x in ("risk", "carrier", "discovery", "empty")
    ]
    families += [
        f"risk.do.{x}"
        for x in FLAGS
        if x not in ("sms-login", "sms-reset", "needs-old-number", "needs-counter")
    ]
    assert [k for k in families if k not in MESSAGES] == []


def test_language_choice_order(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert resolve_lang(None) == "zh"
    monkeypatch.setenv("NUMRETIRE_LANG", "en")
    assert resolve_lang(None, "zh") == "en"
    assert resolve_lang("zh", "en") == "zh"
    monkeypatch.delenv("NUMRETIRE_LANG")
    assert resolve_lang(None, "en") == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert resolve_lang(None) == "en"
    assert normalise_lang("zh-Hans") == "zh"


def test_placeholders_are_filled():
    assert "5" in t("status.days_left", "zh", date="2026-12-31", days=5)
    assert "5 days" in t("status.days_left", "en", date="2026-12-31", days=5)
