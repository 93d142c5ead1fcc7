"""Every importer error has a message in both languages, with the same placeholders and the file's path."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from numretire.messages import MESSAGES as ALL

SOURCES = Path(__file__).resolve().parents[2] / "numretire" / "importers"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCES.glob("*.py"):
        keys |= set(re.findall(r"""["'](import\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
    return keys


# The importers' own messages: every error of a file that cannot be read.
MESSAGES = {key: ALL[key] for key in sorted(used_keys()) if key in ALL}


def test_every_key_the_importers_use_has_a_message():
    assert used_keys() - set(ALL) == set()
    assert len(MESSAGES) >= 20


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_same_placeholders_path_first_one_line(key):
    zh, en = MESSAGES[key]
    assert fields(zh) == fields(en), key
    assert "path" in fields(en), key
    assert zh.startswith("{path}") and en.startswith("{path}"), key
    assert "\n" not in zh + en
    assert re.search(r"[\u4e00-\u9fff]", zh), key


def test_every_message_renders_with_the_params_the_code_gives():
    params = {
        "path": "/x/backup.xml",
        "problem": "p",
        "line": 3,
        "columns": "a, b",
        "counts": "1, 2",
        "count": 4,
        "limit": "1,000",
        "ratio": "1,028",
    }
    for zh, en in MESSAGES.values():
        assert "{" not in zh.format(**params) and "{" not in en.format(**params)
