"""The other side: a newly acquired (possibly recycled) number."""

import os
import sys

import pexpect
import pytest
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


# --- evidence received after the number was acquired: someone's account there is live ----------------

from datetime import date  # noqa: E402

from numretire.model import Evidence  # noqa: E402
from numretire.risk import Live, live_evidence  # noqa: E402


def live_profile(*ids, evidence=None, statuses=None):
    p = adopted(*ids, statuses=statuses)
    p.acquired_on = date(2026, 11, 1)
    for item_id, found in (evidence or {}).items():
        p.item(item_id).evidence = list(found)
    return p


def sms_seen(count, first, last, digest="f1"):
    return Evidence("sms", digest, count, first, last)


def test_live_evidence_counts_only_what_came_after_acquisition():
    acquired = date(2026, 11, 1)
    assert live_evidence([], acquired) is None
    old = sms_seen(5, date(2025, 1, 1), date(2025, 6, 1))
    assert live_evidence([old], acquired) is None  # a former holder's file says nothing about today
    passwords = Evidence("passwords", "p", 1)
    assert live_evidence([passwords], acquired) is None  # the user's own saved logins
    one = sms_seen(3, date(2026, 11, 3), date(2026, 11, 20))
    two = sms_seen(2, date(2026, 11, 3), date(2026, 11, 22), digest="f2")  # an overlapping backup
    assert live_evidence([one, two], acquired) == Live(3, date(2026, 11, 3), date(2026, 11, 22))


def test_live_evidence_raises_the_item_and_says_so_with_count_and_dates():
    p = live_profile(
        "taobao",
        "alipay",
        "wechat",
        "iqiyi",
        evidence={
            "taobao": [sms_seen(3, date(2026, 11, 3), date(2026, 11, 20))],
            "alipay": [sms_seen(1, date(2026, 11, 5), date(2026, 11, 5))],
            "wechat": [sms_seen(2, date(2026, 11, 2), date(2026, 11, 9))],
        },
    )
    en = {v.id: v.risk for v in plan.views(p, CAT, "en")}
    assert {k: r.level for k, r in en.items()} == {
        "taobao": "high",
        "alipay": "critical",
        "wechat": "high",
        "iqiyi": "low",
    }
    assert en["taobao"].reason.startswith(
        "taobao-en sent 3 codes or notices since you got the number, first on 2026-11-03, last on 2026-11-20."
    )
    assert "1 code or notice since you got the number, last on 2026-11-05" in en["alipay"].reason
    assert "payment or bank account" in en["alipay"].reason
    zh = {v.id: v.risk.reason for v in plan.views(p, CAT, "zh")}
    assert zh["taobao"].startswith(
        "taobao-zh在你入手号码后发来 3 条验证码或通知，最早 2026-11-03，最近一次在 2026-11-20。"
    )
    assert "仍绑定着你的号码" in zh["taobao"]
    # an unchecked live service keeps the number from being clean, whatever its category
    blockers = plan.adopt_gate(plan.views(p, CAT, "en")).blockers
    assert ("unchecked", "taobao") in [(b.kind, b.item_id) for b in blockers]


def test_live_services_come_right_after_the_checks_worst_and_most_recent_first():
    p = live_profile(
        "iqiyi",
        "taobao",
        "wechat",
        "icbc",
        "alipay",
        "carrier-check",
        evidence={
            "iqiyi": [sms_seen(1, date(2026, 11, 2), date(2026, 11, 2))],
            "taobao": [sms_seen(3, date(2026, 11, 3), date(2026, 11, 20))],
        },
    )
    assert [v.id for v in plan.adopt_order(plan.views(p, CAT, "en"))] == [
        "carrier-check",
        "taobao",
        "iqiyi",
        "alipay",
        "icbc",
        "wechat",
    ]


def test_advice_comes_last_and_the_clean_check_does_not_wait_for_it():
    advice = service("sim-no-lend", "carrier", kind="task", popularity=5)._replace(advice=True)
    cat = catalog(*CAT, advice)
    p = adopted("alipay", "sim-no-lend", "carrier-check")
    assert [v.id for v in plan.adopt_order(plan.views(p, cat, "en"))] == [
        "carrier-check",
        "alipay",
        "sim-no-lend",
    ]
    p = adopted(
        "alipay", "sim-no-lend", "carrier-check", statuses={"alipay": "clear", "carrier-check": "done"}
    )
    assert plan.adopt_gate(plan.views(p, cat, "en")).safe


ADOPT_SMS = """<?xml version="1.0" encoding="UTF-8"?>
<smses count="4">
<sms address="1069" date="1793692800000" type="1" body="【淘宝】验证码 123456，您正在登录淘宝，请勿泄露" />
<sms address="1069" date="1794470400000" type="1" body="【淘宝】验证码 223456，您正在登录淘宝，请勿泄露" />
<sms address="1069" date="1795161600000" type="1" body="【淘宝】验证码 323456，您正在登录淘宝，请勿泄露" />
<sms address="106900" date="1700000000000" type="1" body="【滴滴出行】验证码 1234" />
</smses>
"""  # three Taobao codes on 2026-11-03, 11-12 and 11-20; one DiDi code long before the number was acquired


@pytest.fixture
def live_taobao(run, tmp_path):
    run("adopt", "13912345678", "--acquired", "2026-11-01")
    backup = tmp_path / "sms.xml"
    backup.write_text(ADOPT_SMS, encoding="utf-8")
    run("import", "sms", str(backup), "--yes")
    return run


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Taobao sent 3 codes or notices since you got the number, first on 2026-11-03, "
            "last on 2026-11-20.",
        ),
        ("zh", "淘宝在你入手号码后发来 3 条验证码或通知，最早 2026-11-03，最近一次在 2026-11-20。"),
    ],
)
def test_an_imported_message_since_acquisition_raises_the_service_on_every_screen(live_taobao, lang, said):
    items = {i["id"]: i for i in live_taobao.json("list", "--lang", lang)["items"]}
    taobao = items["taobao"]
    assert taobao["risk"] == "high" and taobao["reason"].startswith(said)
    assert taobao["live"] == {"count": 3, "first": "2026-11-03", "last": "2026-11-20"}
    assert items["jd"]["risk"] == "low" and items["jd"]["live"] is None
    assert said in " ".join(live_taobao("risks", "--lang", lang).stdout.split())
    check = live_taobao.json("check", "--lang", lang, code=3)
    assert "taobao" in [b["id"] for b in check["blockers"]]


def test_the_adopt_walk_starts_with_the_useful_checks_and_ends_with_advice(run, home):
    from numretire import catalog as catalog_module

    run("adopt", "13912345678", "--acquired", "2026-11-01")
    p = Store(home).read_profile("+8613912345678")
    cat = catalog_module.load(home)
    for lang in ("zh", "en"):
        order = [v.id for v in plan.adopt_order(plan.views(p, cat, lang))]
        assert order[0] == "adopt-carrier-check"  # 二次号码焕新
        assert order.index("miit-yzt-accounts") < order.index("alipay")
        assert set(order[-2:]) == {"sim-no-lend", "adopt-official-channels"}  # advice, too late here
    for lang, first in (("zh", "[1/"), ("en", "[1/")):
        shown = run("walk", "--lang", lang).stdout
        assert first in shown and "adopt-carrier-check" in shown
        assert "三不" not in shown and "official channels" not in shown and "只从官方渠道" not in shown


def test_adopted_number_is_clean_without_marking_the_advice(run):
    run("adopt", "13912345678")
    for item in run.json("list")["items"]:
        if item["id"] not in ("sim-no-lend", "adopt-official-channels"):
            run("mark", item["id"], "done" if item["kind"] == "task" else "clear")
    assert "clean to use" in run("check", "--lang", "en").stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_texts_written_for_retiring_are_not_shown_on_an_adopted_number(run, lang):
    from numretire.cli.common import Session, make_console
    from numretire.cli.walk import show_item

    run("adopt", "13912345678")
    session = Session(lang)
    views = {v.id: v for v in plan.views(session.profile(), session.catalog, lang)}
    out = make_console(width=400, record=True)
    for item_id in ("miit-yzt-accounts", "alipay", "sim-pin"):
        show_item(session, out, views[item_id], 1, 1, adopted=True)
    text = out.export_text()
    for retire_words in (
        "趁号码还在手里时查询",
        "再逐个平台换绑或注销",
        "换掉支付宝账户的手机号即可覆盖它们",
        "销户前的换绑",
        "while you still hold the number",
        "move or close them platform by platform",
        "changing the Alipay account's number covers them",
        "before cancellation",
    ):
        assert retire_words not in text
    adopt_words = {"zh": "用这个号码和你本人身份证号码后六位查询", "en": "Run the lookup with this number"}
    assert adopt_words[lang] in text
    # a retirement still reads its own words
    run("init", "13812345678")
    session = Session(lang, "13812345678")
    views = {v.id: v for v in plan.views(session.profile(), session.catalog, lang)}
    out = make_console(width=400, record=True)
    show_item(session, out, views["miit-yzt-accounts"], 1, 1)
    assert {"zh": "趁号码还在手里时查询", "en": "while you still hold the number"}[lang] in out.export_text()


@pytest.mark.parametrize(
    ("lang", "label"), [("zh", "入手日期：2026-11-01"), ("en", "Acquired on: 2026-11-01")]
)
def test_the_adopt_report_shows_the_acquired_date(run, tmp_path, lang, label):
    run("adopt", "13912345678", "--acquired", "2026-11-01")
    text = run("report", "--lang", lang).stdout
    assert label in text
    html = tmp_path / "r.html"
    run("report", "--format", "html", "--output", str(html), "--lang", lang)
    assert "2026-11-01" in html.read_text(encoding="utf-8")


def test_check_names_the_live_services_first(live_taobao):
    blockers = [b["id"] for b in live_taobao.json("check", code=3)["blockers"]]
    assert blockers[0] == "taobao"
    out = live_taobao("check", "--lang", "zh", code=3).stdout
    assert out.index("淘宝") < out.index("支付宝")
