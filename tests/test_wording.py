"""Words: one word for one outcome, no brackets inside brackets, Chinese punctuation in Chinese lines,
'1 day' not '1 days', and a task never told to be unbound."""

from __future__ import annotations

import re

import pytest


def test_no_brackets_inside_brackets(home):
    from numretire import catalog

    cat = catalog.load(home)
    icbc = cat.get("icbc")
    assert icbc.display_name("zh") == "中国工商银行 / Industrial and Commercial Bank of China (ICBC)"
    assert icbc.display_name("en") == "Industrial and Commercial Bank of China (ICBC) / 中国工商银行"
    assert cat.get("alipay").display_name("zh") == "支付宝（Alipay）"

    def depth(text: str) -> int:
        level = deepest = 0
        for ch in text:
            level += (ch in "(（") - (ch in ")）")
            deepest = max(deepest, level)
        return deepest

    nested = [s.id for s in cat for lang in ("zh", "en") if depth(s.display_name(lang)) > 1]
    assert nested == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_walk_offers_outcomes_in_the_words_they_are_saved_in(home, lang):
    from numretire.cli.common import Session
    from numretire.cli.walk import ACCOUNT_KEYS, KEYS, TASK_KEYS, prompt_for

    session = Session(lang)
    for keys in (TASK_KEYS, *ACCOUNT_KEYS.values()):
        prompt = prompt_for(session, keys)
        for key in keys:
            assert f"{key} {session.t(f'status.{KEYS[key]}')} /" in prompt, (key, prompt)
    assert "已换绑新号" in prompt_for(Session("zh"), ACCOUNT_KEYS["retire"])


def test_chinese_lines_use_chinese_colons_and_brackets(retiring, tmp_path):
    retiring("add", "meituan")
    zh = retiring("report", "--lang", "zh").stdout
    assert "运营商：" in zh and "运营商:" not in zh
    assert "计划注销：2026-12-31" in zh
    en = retiring("report", "--lang", "en").stdout
    assert "Carrier: " in en
    head = retiring("status", "--lang", "zh").stdout.splitlines()[0]
    assert head.rstrip().endswith("+86 138****5678（main）")
    assert "sms-login：" in retiring("catalog", "show", "meituan", "--lang", "zh").stdout


def test_the_demo_label_is_in_the_users_language(run):
    zh = run("demo", "--lang", "zh").stdout
    assert "(demo)" not in zh and "（演示）" in zh
    assert "(demo)" in run("demo", "--lang", "en").stdout


def test_one_day_in_the_singular(retiring, monkeypatch):
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-12-30")
    out = retiring("status", "--lang", "en").stdout
    assert "1 day left" in out and "(in 1 day)" in out and not re.search(r"\b1 days", out)
    monkeypatch.setenv("NUMRETIRE_TODAY", "2027-01-01")
    out = retiring("status", "--lang", "en").stdout
    assert "(1 day ago)" in out and not re.search(r"\b1 days", out)


def test_tasks_are_not_told_to_be_unbound(retiring):
    items = {i["id"]: i for i in retiring.json("list")["items"]}
    assert items["sim-pin"]["reason"] == "A step about the number itself and its carrier, not an account."
    assert "forgot" in items["unionpay-card-lookup"]["reason"]
    csv = retiring("report", "--format", "csv", "--lang", "zh").stdout
    assert "仍建议解绑" not in csv and "关于号码本身和运营商的事项" in csv


def test_report_checklist_brackets_follow_the_language(retiring):
    retiring("add", "meituan")
    retiring("mark", "meituan", "blocked", "--note", "needs a visit")
    zh = retiring("report", "--lang", "zh").stdout
    assert "（受阻，极高）" in zh
    assert "(blocked, critical)" in retiring("report", "--lang", "en").stdout
    assert "受阻（needs a visit）" in retiring("report", "--format", "csv", "--lang", "zh").stdout
