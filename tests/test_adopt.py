"""The other side: a newly acquired (possibly recycled) number."""

import os
import sys

import pexpect
from factories import catalog, profile, service

from numretire import plan
from numretire.store import Store

CAT = catalog(
    service("carrier-check", "carrier", kind="task"),
    service("alipay", "payment", ["sms-login", "balance"], popularity=5),
    service("icbc", "bank", ["balance"], popularity=4),
    service("wechat", "messaging", ["sms-login"], popularity=5),
    service("taobao", "ecommerce", ["sms-login"], popularity=5),
    service("iqiyi", "media", [], popularity=4),
)


def adopted(*ids, statuses=None):
    p = profile(*ids, statuses=statuses)
    p.kind = "adopt"
    return p


def test_risk_of_an_adopted_number_comes_from_the_category():
    views = {
        v.id: v.risk.level
        for v in plan.views(adopted("alipay", "wechat", "iqiyi", "carrier-check"), CAT, "en")
    }
    assert views == {"alipay": "high", "wechat": "medium", "iqiyi": "low", "carrier-check": "medium"}


def test_adopt_order_carrier_first_then_payments_banks_messaging():
    p = adopted("iqiyi", "taobao", "wechat", "icbc", "alipay", "carrier-check")
    assert [v.id for v in plan.adopt_order(plan.views(p, CAT, "en"))] == [
        "carrier-check",
        "alipay",
        "icbc",
        "wechat",
        "taobao",
        "iqiyi",
    ]


def test_contacted_and_occupied_come_back_after_the_rest():
    p = adopted("alipay", "wechat", "taobao", statuses={"alipay": "occupied", "wechat": "clear"})
    assert [v.id for v in plan.adopt_order(plan.views(p, CAT, "en"))] == ["taobao", "alipay"]


def test_clean_gate():
    p = adopted("carrier-check", "alipay", "wechat", "iqiyi")
    verdict = plan.adopt_gate(plan.views(p, CAT, "en"))
    assert not verdict.safe
    assert sorted((b.kind, b.item_id) for b in verdict.blockers) == [
        ("adopt_task", "carrier-check"),
        ("unchecked", "alipay"),
    ]
    p = adopted(
        "carrier-check",
        "alipay",
        "wechat",
        "iqiyi",
        statuses={"carrier-check": "done", "alipay": "clear", "wechat": "occupied"},
    )
    assert [(b.kind, b.item_id) for b in plan.adopt_gate(plan.views(p, CAT, "en")).blockers] == [
        ("occupied", "wechat")
    ]
    p.item("wechat").status = "released"
    verdict = plan.adopt_gate(plan.views(p, CAT, "en"))
    assert verdict.safe and [v.id for v in verdict.warnings] == ["iqiyi"]


def test_adopt_lists_the_checks_and_the_common_services(run):
    out = run("adopt", "13912345678", "--acquired", "2026-11-01", "--label", "new", "--lang", "en").stdout
    assert "Checking the new number +86 139****5678" in out
    data = run.json("status")
    assert data["profile"]["kind"] == "adopt"
    ids = {i["id"] for i in data["items"]}
    assert {"adopt-carrier-check", "adopt-previous-holder-messages", "miit-yzt-accounts"} <= ids
    assert {"alipay", "wechat", "icbc"} <= ids
    assert "carrier-arrears" not in ids and "wechat-authorized-apps" not in ids
    assert (
        Store((run.runner and None) or __import__("numretire.paths", fromlist=["x"]).data_home())
        .read_profile("+8613912345678")
        .acquired_on.isoformat()
        == "2026-11-01"
    )


def test_adopted_number_check_mark_and_clean(run):
    run("adopt", "13912345678")
    assert "not clean yet" in run("check", "--lang", "en", code=3).stdout
    assert "还不能放心使用" in run("check", "--lang", "zh", code=3).stdout
    assert "Not clean to use yet" in run("status", "--lang", "en").stdout
    run("mark", "wechat", "occupied", "--note", "registered by someone else")
    out = run("check", "--lang", "en", code=3).stdout
    assert "still bound to someone else's account" in out
    run("mark", "wechat", "contacted", "--note", "appeal sent")
    assert "chase (contacted)" in run("remind", "--lang", "en", code=3).stdout
    for item in run.json("list")["items"]:
        run("mark", item["id"], "done" if item["kind"] == "task" else "clear")
    assert "clean to use" in run("check", "--lang", "en").stdout
    assert "newly acquired" in run("cancel", "--lang", "en", code=1).stderr


def test_adopted_report(run):
    run("adopt", "13912345678")
    run("mark", "alipay", "released")
    text = run("report", "--lang", "en").stdout
    assert "not clean yet" in text and "- [x] Alipay" in text


def test_walk_an_adopted_number_over_a_pty(run, home):
    run("adopt", "13912345678")
    env = {**os.environ, "NUMRETIRE_HOME": str(home), "NUMRETIRE_LANG": "en", "COLUMNS": "120"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "numretire", "walk"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    child.expect("Outcome\\?")
    first = child.before
    assert "Ask the carrier" in first or "official channels" in first
    tasks = 0
    while "Try to register or log in with this number" not in child.before:
        child.sendline("d")
        child.expect("Saved: done")
        child.expect("Outcome\\?")
        tasks += 1
    assert tasks >= 3  # the carrier checks come before any service
    assert "If someone else's account holds the number" in child.before
    child.sendline("o")
    child.expect("Saved: still occupied")
    child.expect("Outcome\\?")
    child.sendline("c")  # c is "closed" everywhere: not an outcome for a new number
    child.expect("Please type one of")
    child.sendline("k")
    child.expect("Saved: no account found")
    child.expect("Outcome\\?")
    child.sendline("q")
    child.expect(pexpect.EOF)
    statuses = [i.status for i in Store(home).read_profile("+8613912345678").items]
    assert statuses.count("occupied") == 1 and statuses.count("clear") == 1
