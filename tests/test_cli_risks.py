import json

import pytest


def handle_everything(run):
    for item in run.json("list")["items"]:
        if item["status"] != "open":
            continue
        status = "done" if item["kind"] == "task" else "moved"
        run("mark", item["id"], status)


def test_check_is_not_safe_until_everything_is_handled(retiring):
    retiring("add", "meituan", "alipay")
    result = retiring("check", "--lang", "en", code=3)
    assert "Not safe" in result.stdout and "Meituan" in result.stdout
    data = retiring.json("check", code=3)
    assert data["safe_to_cancel"] is False
    assert {"risk", "carrier", "discovery"} <= {b["kind"] for b in data["blockers"]}
    handle_everything(retiring)
    out = retiring("check", "--lang", "en").stdout
    assert "Safe to cancel" in out
    assert "Cancelling the number (China Mobile" in out and "business hall" in out
    assert "可以注销" in retiring("check", "--lang", "zh").stdout
    data = retiring.json("check")
    assert data["safe_to_cancel"] is True and data["cancel_steps"]


def test_check_with_nothing_recorded(retiring):
    assert "triage" in retiring("check", "--lang", "en", code=3).stdout
    assert "triage" in retiring("check", "--lang", "zh", code=3).stdout


def test_lookups_may_be_skipped_on_purpose(retiring):
    retiring("add", "--custom", "Some app")
    for item in retiring.json("list")["items"]:
        retiring("mark", item["id"], "skipped" if item["category"] == "discovery" else "done")
    assert retiring.json("check")["safe_to_cancel"] is True


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_advice_does_not_hold_the_retire_gate(retiring, lang):
    retiring("add", "meituan")
    for item in retiring.json("list")["items"]:
        if item["id"] != "sim-no-lend":  # 三不: advice to follow, nothing to check or change
            retiring("mark", item["id"], "done" if item["kind"] == "task" else "moved")
    out = retiring("check", "--lang", lang).stdout
    assert ("可以注销" if lang == "zh" else "Safe to cancel") in out
    assert "三不" not in out and "three nos" not in out
    assert "sim-no-lend" not in {b["id"] for b in retiring.json("check")["blockers"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_risks_worst_first_with_reasons(retiring, lang):
    retiring(
        "add", "--custom", "Food app", "--category", "food", "--flag", "sms-login", "--flag", "stored-card"
    )
    retiring("add", "--custom", "Video", "--category", "media", "--flag", "auto-debit")
    out = retiring("risks", "--lang", lang).stdout
    assert out.index("Food app") < out.index("Video")
    assert ("下一任机主" if lang == "zh" else "The next holder of this number can") in out
    assert "[video]  auto-debit" in out.replace("custom-", "")
    colon = "auto-debit：" if lang == "zh" else "auto-debit:"
    assert colon in retiring("risks", "--all", "--lang", lang).stdout


def test_risks_json(retiring):
    retiring(
        "add", "--custom", "Food app", "--category", "food", "--flag", "sms-login", "--flag", "stored-card"
    )
    data = retiring.json("risks")
    assert data["items"][0]["risk"] == "critical"
    assert "stored-card" in data["flags"]


def test_risks_none(retiring):
    assert "No account" in retiring("risks", "--lang", "en").stdout


def test_status_dashboard(retiring):
    retiring("add", "meituan", "alipay")
    retiring("mark", "alipay", "moved")
    out = retiring("status", "--lang", "en").stdout
    assert "Progress" in out and "Overall" in out and "Not safe to cancel" in out
    assert "Meituan" in out.split("Critical and high")[1]
    data = retiring.json("status")
    assert data["progress"]["done"] == 1
    assert any(c["category"] == "payment" and c["done"] == 1 for c in data["categories"])
    json.dumps(data)


def test_status_in_chinese_dashboard(retiring):
    retiring("add", "meituan")
    out = retiring("status", "--lang", "zh").stdout
    assert "进度" in out and "总计" in out and "极高" in out


def test_demo_touches_nothing(run, home):
    for lang in ("zh", "en"):
        out = run("demo", "--lang", lang).stdout
        assert ("演示" if lang == "zh" else "demo") in out
        assert "+86 138****5678" in out
    assert not (home / "profiles").exists()


def test_the_demo_inventory_exists_in_the_catalog(home):
    from numretire import catalog
    from numretire.cli.demo import DEMO_ITEMS

    cat = catalog.load(home)
    assert [item_id for item_id, _, _ in DEMO_ITEMS if cat.get(item_id) is None] == []


def test_long_reasons_wrap_under_themselves(retiring, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    retiring("add", "meituan")
    lines = retiring("risks", "--lang", "en").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "The next holder" in line)
    reason = lines[start : next(i for i in range(start, len(lines)) if not lines[i].startswith("    "))]
    assert len(reason) > 2 and all(line.startswith("    ") and len(line) <= 50 for line in reason)
    assert " ".join(line.strip() for line in reason).endswith("charges that keep running.")
    # Chinese wraps by cell width under itself too, nothing lost
    from rich.cells import cell_len

    zh = retiring("risks", "--lang", "zh").stdout.splitlines()
    start = next(i for i, line in enumerate(zh) if line.startswith("    下一任机主"))
    reason = zh[start : zh.index("", start)] if "" in zh[start:] else zh[start:]
    reason = [line.rstrip() for line in reason if line.startswith("    ")]
    assert len(reason) > 1 and all(cell_len(line) <= 50 for line in reason)
    assert "".join(line.strip() for line in reason).endswith("通知。")


def _screen_lines(text: str) -> list[str]:
    """The rows a terminal of 80 columns shows: long lines fold by cell width."""
    from rich.cells import cell_len

    rows = []
    for line in text.splitlines():
        rows += [line] if cell_len(line) <= 80 else [line] * -(-cell_len(line) // 80)
    return rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_the_demo_data_fits_a_screen_and_says_each_thing_once(run, monkeypatch, lang):
    from numretire.cli.common import Session
    from numretire.cli.demo import build_demo

    monkeypatch.setenv("COLUMNS", "80")
    build_demo(Session(lang))
    out = run("check", "--lang", lang, code=3).stdout
    rows = _screen_lines(out)
    assert len(rows) <= 25, out
    sentences = [line.strip() for line in out.splitlines() if line.strip()]
    assert len(sentences) == len(set(sentences)), out
    assert ("numretire mark" in out) and out.count("numretire mark") <= 3
    data = run.json("check", "--lang", lang, code=3)
    assert len(data["blockers"]) > 10  # the JSON keeps every blocker, one by one


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_a_new_adopted_number_fits_a_screen(run, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    run("adopt", "13912345678")
    run("mark", "wechat", "occupied", "--note", "x")
    out = run("check", "--lang", lang, code=3).stdout
    assert len(_screen_lines(out)) <= 25, out
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), out
    assert ("占用" if lang == "zh" else "someone else's account") in out.splitlines()[2]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_fits_on_a_screen_and_says_each_thing_once(run, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    out = run("demo", "--lang", lang).stdout
    assert len(_screen_lines(out)) <= 40, out
    import re

    flat = " ".join(out.split())
    sentences = [s for s in re.split(r"(?<=[。.:：])\s*", flat) if len(s) > 12]
    assert len(sentences) == len(set(sentences)), out
    assert "numretire risks" in out and "numretire check" in out and "numretire init" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_risks_on_an_adopted_number_groups_what_is_alike(run, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    run("adopt", "13812345678", "--acquired", "2026-11-01")
    out = run("risks", "--lang", lang).stdout
    assert len(_screen_lines(out)) <= 40, out
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), out  # each reason said once, for its whole group
    assert "风险标记" not in out and "flags mean" not in out  # no flags, so no heading for them
    assert ("（12 项，风险相同）" if lang == "zh" else "(12 alike)") in out
    assert "numretire risks --all" in out and out.count("numretire risks --all") == 1
    everything = run("risks", "--all", "--lang", lang).stdout
    ids = [item["id"] for item in run.json("risks")["items"]]
    assert len(ids) > 40 and all(f"[{item_id}]" in everything for item_id in ids)
    assert sum(f"[{item_id}]" in out for item_id in ids) < len(ids)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_risks_show_each_items_flags_as_answer_takes_them(retiring, lang):
    retiring("add", "meituan", "iqiyi")
    retiring("answer", "meituan", "credit", "no")
    out = retiring("risks", "--lang", lang).stdout
    meituan = next(line for line in out.splitlines() if "[meituan]" in line)
    assert "stored-card" in meituan and "password-free" in meituan and "credit" not in meituan
    assert "numretire answer ID stored-card no" in out
    assert "stored-card:" not in out and "stored-card：" not in out  # the meaning of each flag: with --all
    everything = retiring("risks", "--all", "--lang", lang).stdout
    assert (
        "stored-card：绑定了银行卡" if lang == "zh" else "stored-card: a bank card is bound"
    ) in everything


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_on_an_adopted_number_with_a_date_fits_a_screen(run, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    run("adopt", "13812345678", "--acquired", "2026-11-01")
    out = run("check", "--lang", lang, code=3).stdout
    assert len(_screen_lines(out)) <= 25, out
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), out
    assert "numretire risks --all" in out  # the accounts not named are all on the risks screen
    assert all(line.count("另有") <= 1 for line in lines), out  # "另有 34 个…等，另有 28 项"
