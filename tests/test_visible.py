"""Control and bidi-override characters from names, labels and notes are shown as escapes in every
output (terminal and exports), and those texts have a length bound where they enter (issue 15)."""

from __future__ import annotations

import json

import pytest

from numretire.visible import LIMITS, visible, visible_json

# ESC (clear screen), BEL, RLO (U+202E: the rest of the line read backwards), LRI, a line separator,
# and the 8-bit CSI (U+009B) some terminals obey.
EVIL = "Evil\x1b[2J\x07\u202eexe.txt\u2066x\u2028y\u009bz"
ACTIVE = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0x202E, 0x2066, 0x2028)} - {"\n", "\t"}


def raw_controls(text: str, allowed: str = "\n\t") -> set[str]:
    return {ch for ch in text if ch in ACTIVE and ch not in allowed}


def test_visible_escapes_and_keeps_what_it_may():
    assert visible(EVIL) == "Evil\\x1b[2J\\x07\\u202eexe.txt\\u2066x\\u2028y\\x9bz"
    assert visible("a\tb\nc", keep_newlines=True) == "a\tb\nc"
    assert visible("a\tb\nc") == "a\\x09b\\x0ac"
    assert visible("👩\u200d💻 نیم\u200cفاصله 京东") == "👩\u200d💻 نیم\u200cفاصله 京东"  # joiners stay
    document = json.dumps({"name": EVIL}, ensure_ascii=False)
    assert not raw_controls(visible_json(document)) and json.loads(visible_json(document)) == {"name": EVIL}


@pytest.fixture
def evil(run, monkeypatch):
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-12-30")  # the day before cancellation: remind speaks
    run("init", "13812345678", "--new", "13987654321", "--cancel-on", "2026-12-31", "--label", EVIL)
    run("add", "--custom", EVIL, "--category", "finance")
    item = next(i for i in run.json("list")["items"] if i["custom"])
    run("mark", item["id"], "blocked", "--note", f"{EVIL} note")
    return run


@pytest.mark.parametrize(
    "command", [["list"], ["risks"], ["check"], ["remind"], ["status"], ["profiles"], ["list", "--json"]]
)
def test_the_terminal_never_gets_them(evil, command):
    result = evil(*command, "--lang", "en", code=None)
    out = result.stdout + result.stderr
    assert "Evil" in out and not raw_controls(out), command
    assert "\\u202e" in out


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_no_report_gets_them(evil, tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    evil("report", "--format", fmt, "-o", str(path), "--lang", "en")
    text = path.read_text(encoding="utf-8-sig")
    assert "Evil" in text and not raw_controls(text, "\n\t\r"), fmt
    assert "u202e" in text


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["add", "--custom", "n" * (LIMITS["name"] + 1)], "--custom name is too long"),
        (["edit", "--label", "l" * (LIMITS["label"] + 1)], "--label is too long"),
        (["mark", "carrier-vas", "blocked", "--note", "w" * (LIMITS["note"] + 1)], "--note is too long"),
    ],
)
def test_lengths_are_bounded_where_they_enter(retiring, home, args, what):
    from numretire.store import Store

    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    result = retiring(*args, "--lang", "en", code=1)
    assert what in result.stderr and result.stderr.count("\n") == 1
    assert path.read_bytes() == before


def test_lengths_at_the_bound_are_accepted(retiring):
    retiring("add", "--custom", "n" * LIMITS["name"])
    retiring("edit", "--label", "l" * LIMITS["label"])
    retiring("mark", "carrier-vas", "blocked", "--note", "w" * LIMITS["note"])


def test_a_long_label_is_refused_at_init_too(run):
    result = run("init", "13812345678", "--label", "l" * 201, "--lang", "en", code=1)
    assert "--label is too long" in result.stderr
