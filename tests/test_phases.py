"""Every screen speaks of where the number is in its life: before, frozen, released, over.

The `retiring` profile plans to cancel on 2026-12-31; here it is cancelled on 2026-11-24 (today in the
tests) with two accounts still on it: JD (critical, needs the old number) and Meituan. For a China Mobile
number the freeze ends on 2027-02-22 and the watch on 2027-05-23.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from numretire import timeline
from numretire.i18n import t
from numretire.timeline import ItemState, Rule, milestones

CN = Rule(90, 90, 60)
FROZEN, RELEASED, OVER = "2027-01-15", "2027-03-01", "2027-06-01"


@pytest.fixture
def cancelled(retiring):
    retiring("add", "jd", "meituan", "alipay")
    retiring("mark", "alipay", "moved")
    retiring("mark", "miit-yzt-cards", "skipped")  # a skipped lookup ties nothing to the number
    retiring("cancel", "--force", "--on", "2026-11-24")
    return retiring


@pytest.fixture
def lapsed(retiring):
    retiring("add", "jd")
    retiring("cancel", "--arrears", "--since", "2026-09-01")
    return retiring


def on(monkeypatch, day):
    monkeypatch.setenv("NUMRETIRE_TODAY", day)


# ---------------------------------------------------------------- the core


def test_where_gives_the_phase_and_its_dates():
    from numretire.timeline import where

    stones = milestones(date(2026, 12, 31), date(2026, 11, 24), None, CN)
    frozen = where(date(2027, 1, 15), stones)
    assert frozen.name == "frozen" and frozen.path == "cancel" and frozen.gone
    assert frozen.gone_on == date(2026, 11, 24) and frozen.release_on == date(2027, 2, 22)
    assert frozen.days_to(frozen.release_on, date(2027, 1, 15)) == 38
    assert where(date(2027, 3, 1), stones).name == "released"
    assert where(date(2027, 6, 1), stones).name == "over"
    before = where(date(2026, 12, 1), milestones(date(2026, 12, 31), None, None, CN))
    assert before.name == "before" and before.planned and not before.gone
    assert where(date(2026, 12, 1), []).name == "none"
    arrears = where(date(2026, 10, 1), milestones(None, None, date(2026, 9, 1), CN))
    assert arrears.path == "arrears" and arrears.gone and arrears.freeze_on == date(2026, 11, 1)


def test_tasks_are_never_still_tied():
    stones = milestones(None, date(2026, 11, 24), None, CN)
    items = [
        ItemState("miit-yzt-cards", "skipped", False, kind="task"),
        ItemState("x", "open", False, kind="task"),
    ]
    assert timeline.due(date(2027, 1, 15), stones, items) == []
    tied = timeline.due(date(2027, 1, 15), stones, [*items, ItemState("jd", "skipped", True)])
    assert [(r.kind, r.count) for r in tied] == [("still_tied", 1)]
    released = timeline.due(date(2027, 3, 10), stones, [ItemState("jd", "open", True)])
    assert [(r.kind, r.count) for r in released] == [("released_tied", 1)]


def test_english_counts_one_in_the_singular():
    assert t("when.ago", "en", days=1) == "1 day ago"
    assert t("when.in", "en", days=21) == "in 21 days"
    assert t("status.not_safe", "en", count=1).startswith("Not safe to cancel yet: 1 problem ")
    assert t("when.ago", "zh", days=1) == "1 天前"


# ---------------------------------------------------------------- status


def test_status_while_frozen(cancelled, monkeypatch):
    on(monkeypatch, FROZEN)
    zh = cancelled("status", "--lang", "zh").stdout
    assert "计划注销" not in zh and "还有 47 天" not in zh
    assert "已注销" in zh and "2026-11-24（52 天前）" in zh
    assert "正在冻结期：2027-02-22 起可能被分配给别人（还有 38 天）" in zh
    assert "2026-11-23（53 天前）：旧号码能收验证码的最后一天" in zh
    assert "最晚在这天完成" not in zh and "现在注销还不安全" not in zh
    assert "仍有 2 个账号绑定着旧号码" in zh  # JD and Meituan; not the lookups or the carrier tasks
    en = cancelled("status", "--lang", "en").stdout
    assert "Cancel on" not in en and "Not safe to cancel" not in en
    assert "the number was cancelled" in en and "Still tied to the old number: 2 accounts." in en
    doc = cancelled.json("status")
    assert doc["still_tied"] == ["jd", "meituan"]
    # The carrier's steps need the number in hand: no longer counted, in the table or the JSON.
    assert "carrier" not in [c["category"] for c in doc["categories"]]
    assert doc["progress"]["total"] == sum(c["total"] for c in doc["categories"])
    assert not [line for line in en.splitlines() if line.startswith("Carrier") and "░" in line]
    assert not [line for line in zh.splitlines() if line.startswith("运营商") and "░" in line]


def test_status_released_and_over(cancelled, monkeypatch):
    on(monkeypatch, RELEASED)
    zh = cancelled("status", "--lang", "zh").stdout
    assert "冻结期已于 2027-02-22 结束，号码可能已属于别人" in zh and "而号码可能已在别人手里" in zh
    en = cancelled("status", "--lang", "en").stdout
    assert "the freeze ended; the number may have been given to someone else" in en
    assert "may now be someone else's: 2 accounts" in en
    on(monkeypatch, OVER)
    assert "观察期已于 2027-05-23 结束" in cancelled("status", "--lang", "zh").stdout
    assert "the watch period ended on 2027-05-23" in cancelled("status", "--lang", "en").stdout


def test_status_once_nothing_is_tied(cancelled, monkeypatch):
    cancelled("mark", "jd", "closed")
    cancelled("mark", "meituan", "removed")
    on(monkeypatch, FROZEN)
    assert "没有账号还绑定着旧号码。" in cancelled("status", "--lang", "zh").stdout
    assert "No account is still tied to the old number." in cancelled("status", "--lang", "en").stdout


def test_status_on_the_arrears_path(lapsed, monkeypatch):
    on(monkeypatch, "2026-10-01")
    zh = lapsed("status", "--lang", "zh").stdout
    assert "欠费停机" in zh and "2026-09-01（30 天前）" in zh
    assert "号码自 2026-09-01 起欠费停机，2026-11-01 起进入回收冻结期：2027-01-30 起可能被分配给别人" in zh
    en = lapsed("status", "--lang", "en").stdout
    assert "suspended for arrears since 2026-09-01" in en and "Cancel on" not in en


def test_status_before_still_speaks_of_the_plan(retiring, monkeypatch):
    on(monkeypatch, "2026-12-30")
    assert "2026-12-31, 1 day left" in retiring("status", "--lang", "en").stdout
    assert "2026-12-31，还有 1 天" in retiring("status", "--lang", "zh").stdout


# ---------------------------------------------------------------- profiles


def test_profiles_show_each_numbers_stage(cancelled, monkeypatch):
    cancelled("init", "13012345678", "--cancel-on", "2027-02-01", "--label", "work")
    on(monkeypatch, FROZEN)
    zh = cancelled("profiles", "--lang", "zh").stdout
    assert "阶段" in zh and "已停用，冻结至 2027-02-22（还有 38 天）" in zh
    assert "计划 2027-02-01 注销（还有 17 天）" in zh
    en = cancelled("profiles", "--lang", "en").stdout
    assert "frozen until 2027-02-22 (in 38 days)" in en and "cancel on 2027-02-01 (in 17 days)" in en
    assert sorted(p["phase"] for p in cancelled.json("profiles")["profiles"]) == ["before", "frozen"]
    on(monkeypatch, RELEASED)
    assert "2027-02-22 起可能已属于别人" in cancelled("profiles", "--lang", "zh").stdout
    assert "may be someone else's since 2027-02-22" in cancelled("profiles", "--lang", "en").stdout


# ---------------------------------------------------------------- remind


def test_remind_counts_accounts_and_says_what_to_do(cancelled, monkeypatch):
    on(monkeypatch, FROZEN)
    zh = cancelled("remind", "--lang", "zh", code=3).stdout
    assert "仍有 2 个账号绑定着它" in zh and "numretire walk" in zh
    en = cancelled("remind", "--lang", "en", code=3).stdout
    assert "with 2 accounts still tied to it" in en and "(in 38 days)" in en
    on(monkeypatch, RELEASED)
    zh = cancelled("remind", "--lang", "zh", code=3).stdout
    assert "2027-02-22 起可能已属于别人（7 天前），仍有 2 个账号绑定着它" in zh
    en = cancelled("remind", "--lang", "en", code=3).stdout
    assert "may belong to someone else since 2027-02-22 (7 days ago), with 2 accounts" in en
    assert cancelled.json("remind", code=3)["numbers"][0]["reminders"][0]["kind"] == "released_tied"
    on(monkeypatch, OVER)  # the watch is over, the accounts are still someone else's to take
    assert "with 2 accounts" in cancelled("remind", "--lang", "en", code=3).stdout
    cancelled("mark", "jd", "closed")
    cancelled("mark", "meituan", "removed")
    assert cancelled("remind", code=0).stdout == ""


def test_remind_quiet_while_frozen_once_accounts_are_handled(cancelled, monkeypatch):
    cancelled("mark", "jd", "closed")
    cancelled("mark", "meituan", "removed")  # lookups and carrier tasks still open: they tie nothing
    on(monkeypatch, FROZEN)
    assert cancelled("remind", code=0).stdout == ""


# ---------------------------------------------------------------- walk


def test_walk_while_frozen_offers_what_does_without_the_old_number(cancelled, monkeypatch):
    on(monkeypatch, FROZEN)
    zh = cancelled("walk", "--lang", "zh").stdout
    assert "正在冻结期" in zh and "[1/" in zh and "京东（JD.com）" in zh
    assert "务必在注销前完成" not in zh
    assert "号码停用后，只能通过申诉、官方客服或到柜台办理" in zh
    assert zh.index("不用换绑的办法：解绑号码或注销账号：") < zh.index(
        "换绑到新号码（需要旧号码收验证码的步骤现在做不到）："
    )
    en = cancelled("walk", "--lang", "en").stdout
    assert "do this before cancelling" not in en and "only an appeal" in en


def test_walk_after_leaves_out_what_needs_the_number_in_hand(cancelled, home):
    from numretire import catalog, clock, plan, retirement  # noqa: F401
    from numretire.store import Store

    cat = catalog.load(home)
    p = Store(home).read_profile("+8613812345678")
    views = plan.views(p, cat, "en")
    offered = [v.id for v in plan.after_order(views)]
    assert offered[:2] == ["jd", "meituan"]
    assert "miit-yzt-accounts" not in offered  # its answer is an SMS to the old number
    assert not any(v.category == "carrier" for v in plan.after_order(views))
    assert "unionpay-card-lookup" in offered
    assert "miit-yzt-accounts" in [v.id for v in plan.left_out_after(views)]


def test_walk_in_a_terminal_after_cancellation(cancelled, home, monkeypatch):
    pexpect = pytest.importorskip("pexpect")
    import os
    import sys

    env = {**os.environ, "NUMRETIRE_TODAY": FROZEN, "COLUMNS": "120", "NO_COLOR": "1"}
    for lang, intro, left in (
        ("zh", "仍绑定旧号码的账号在前", "不再列出"),
        ("en", "the accounts still tied to the old number first", "left out"),
    ):
        child = pexpect.spawn(
            sys.executable,
            ["-m", "numretire", "walk", "--lang", lang],
            env=env,
            encoding="utf-8",
            timeout=20,
            dimensions=(40, 120),
        )
        child.expect(intro)
        child.expect(left)
        child.expect("JD")
        child.sendline("q")
        child.expect(pexpect.EOF)


def test_walk_with_nothing_left_after_cancellation(cancelled, monkeypatch):
    for item in cancelled.json("list")["items"]:
        if item["status"] == "open":
            cancelled("mark", item["id"], "done" if item["kind"] == "task" else "closed")
    on(monkeypatch, FROZEN)
    assert "没有账号还绑定着旧号码，也没有还能做的查漏工具。" in cancelled("walk", "--lang", "zh").stdout
    assert "No account is still tied" in cancelled("walk", "--lang", "en").stdout


# ---------------------------------------------------------------- check and cancel


def test_check_after_cancellation(cancelled, monkeypatch):
    on(monkeypatch, FROZEN)
    zh = cancelled("check", "--lang", "zh", code=3).stdout
    assert "可以注销" not in zh and "现在注销还不安全" not in zh and "运营商事项" not in zh
    assert "仍绑定着旧号码的账号（2）：" in zh and "京东（JD.com）（风险极高，官方客服 95118）" in zh
    cancelled("add", "icbc")
    assert "（风险高，官方客服 95588）" in cancelled("check", "--lang", "zh", code=3).stdout
    assert "(high risk; official hotline 95588)" in cancelled("check", "--lang", "en", code=3).stdout
    cancelled("remove", "icbc")
    assert "还能做的查漏工具" in zh and "一证通查 2.0" not in zh
    en = cancelled("check", "--lang", "en", code=3).stdout
    assert "Safe to cancel" not in en and "Accounts still tied to the old number (2):" in en
    data = cancelled.json("check", code=3)
    assert data["phase"] == "frozen" and [v["id"] for v in data["still_tied"]] == ["jd", "meituan"]
    cancelled("mark", "jd", "closed")
    cancelled("mark", "meituan", "removed")
    assert "没有账号还绑定着旧号码。" in cancelled("check", "--lang", "zh", code=0).stdout
    on(monkeypatch, RELEASED)
    assert "may now belong to someone else" in cancelled("check", "--lang", "en", code=0).stdout


def test_check_on_the_arrears_path(lapsed, monkeypatch):
    on(monkeypatch, "2026-10-01")
    assert "欠费停机" in lapsed("check", "--lang", "zh", code=3).stdout
    assert "suspended for arrears" in lapsed("check", "--lang", "en", code=3).stdout


def test_cancel_speaks_of_the_dates_as_they_are(retiring, monkeypatch):
    retiring("add", "jd")
    zh = retiring("cancel", "--force", "--lang", "zh").stdout
    assert "2026-11-23（1 天前）：旧号码能收验证码的最后一天" in zh
    assert "最晚在这天完成" not in zh and "仍有 1 个账号绑定着这个号码" in zh
    retiring("mark", "jd", "closed")
    en = retiring("cancel", "--force", "--lang", "en").stdout
    assert "2026-11-23 (1 day ago): the last day the old number received codes" in en
    assert "Still tied" not in en


def test_report_after_cancellation(cancelled, monkeypatch):
    on(monkeypatch, FROZEN)
    zh = cancelled("report", "--lang", "zh").stdout
    assert "现在注销还不安全" not in zh and "正在冻结期" in zh and "仍有 2 个账号绑定着旧号码" in zh
    assert "旧号码能收验证码的最后一天" in zh
    en = cancelled("report", "--lang", "en").stdout
    assert "Not safe to cancel" not in en and "is frozen" in en
    # The next steps name what can still be done: not the carrier's steps for a number no longer held.
    steps = json.loads(cancelled("report", "-f", "json").stdout)["next_steps"]
    assert [s["kind"] for s in steps] == ["risk", "discovery"]
    assert "carrier-vas" not in str(steps) and "value-added" not in str(steps)


def test_a_region_without_a_known_reassignment_period(run, monkeypatch):
    run("init", "+447400123456")
    run("add", "--custom", "Bank", "--flag", "sms-login")
    run("cancel", "--force")
    on(monkeypatch, FROZEN)
    en = run("remind", "--lang", "en", code=3).stdout
    assert "when it may be reassigned is not known" in en and "from  it" not in en
    assert "不知道号码何时会被重新分配" in run("remind", "--lang", "zh", code=3).stdout
    assert "no reassignment period is known" in run("status", "--lang", "en").stdout
    assert "2026-11-24 起已停用" in run("profiles", "--lang", "zh").stdout
