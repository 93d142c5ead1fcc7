"""import sms / passwords / lookup from the command line: review, all-or-nothing, idempotent, private."""

import json
import sys

import pytest

from numretire.store import Store

SMS = """【招商银行】您账户1234于11月20日消费100.00元

【腾讯科技】你的微信验证码是905172，请勿泄露

【美团】您的验证码是 8888，5分钟内有效

【某某贷】验证码 5555，您正在申请借款
"""

CHROME = (
    "name,url,username,password\nJD,https://passport.jd.com/new/login.aspx,13812345678,hunter2\n"
    "Example,https://example.org/login,alice,secret-pass\n"
)

LOOKUP = "【工信部】您好，您查询的手机号码138****5678共关联了7个互联网账号。"


@pytest.fixture
def sms_file(tmp_path):
    path = tmp_path / "messages.txt"
    path.write_text(SMS, encoding="utf-8")
    return path


def profile(home):
    return Store(home).read_profile("+8613812345678")


def test_matches_are_shown_and_nothing_stored_without_yes(retiring, home, sms_file):
    result = retiring("import", "sms", str(sms_file), "--lang", "en")
    assert (
        "China Merchants Bank" in result.stdout and "Meituan" in result.stdout and "WeChat" in result.stdout
    )
    assert "某某贷" in result.stdout and "Not in the catalog" in result.stdout  # offered as an item
    assert "--yes" in result.stderr
    assert profile(home).item("cmb") is None


def test_yes_stores_services_with_counts_and_no_bodies(retiring, home, sms_file):
    before = {i.id for i in profile(home).items}
    retiring("import", "sms", str(sms_file), "--yes")
    after = profile(home)
    assert {"cmb", "meituan", "wechat"} <= {i.id for i in after.items} - before
    text = Store(home).profile_path("+8613812345678").read_text(encoding="utf-8")
    assert "验证码" not in text and "905172" not in text and "消费" not in text
    assert after.item("meituan").evidence[0].count == 1


def test_the_same_file_twice_changes_nothing(retiring, home, sms_file):
    retiring("import", "sms", str(sms_file), "--yes")
    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    assert "unchanged" in retiring("import", "sms", str(sms_file), "--yes", "--lang", "en").stdout
    assert path.read_bytes() == before


def test_dry_run_and_json(retiring, home, sms_file):
    assert "Dry run" in retiring("import", "sms", str(sms_file), "--dry-run", "--lang", "en").stdout
    data = json.loads(retiring("import", "sms", str(sms_file), "--json").stdout)
    assert {s["id"] for s in data["services"]} >= {"cmb", "meituan", "wechat"}
    assert data["candidates"][0]["signature"] == "某某贷"
    assert profile(home).item("cmb") is None


def test_bad_files_are_one_line_and_store_nothing(retiring, home, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = retiring("import", "sms", str(empty), "--yes", "--lang", "en", code=1)
    assert str(empty) in result.stderr and result.stderr.count("\n") == 1
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
        '<smses count="1"><sms address="95555" date="1" type="1" body="&b;"/></smses>'
    )
    result = retiring("import", "sms", str(bomb), "--yes", "--lang", "en", code=1)
    assert str(bomb) in result.stderr and "Traceback" not in result.stderr
    assert profile(home).item("cmb") is None


def test_passwords_mark_the_login_is_the_number_and_remind_to_delete(retiring, home, tmp_path):
    export = tmp_path / "Chrome Passwords.csv"
    export.write_text(CHROME, encoding="utf-8")
    result = retiring("import", "passwords", str(export), "--yes", "--lang", "en")
    assert "the login is the number" in result.stdout and "hunter2" not in result.stdout
    assert "delete it now" in result.stderr
    item = profile(home).item("jd")
    assert item is not None and item.evidence[0].login_is_number
    assert "hunter2" not in Store(home).profile_path("+8613812345678").read_text(encoding="utf-8")


def test_lookup_is_reconciled_in_status_and_check(retiring, home, tmp_path):
    sms = tmp_path / "lookup.txt"
    sms.write_text(LOOKUP, encoding="utf-8")
    assert "7" in retiring("import", "lookup", str(sms), "--lang", "en").stdout
    assert "already recorded" in retiring("import", "lookup", str(sms), "--lang", "en").stdout
    status = retiring.json("status")
    assert status["lookup"]["count"] == 7 and status["lookup"]["inventory"] == 0
    assert "counted 7 linked accounts" in retiring("status", "--lang", "en").stdout
    data = retiring.json("check", code=3)
    assert any(b["kind"] == "lookup_gap" for b in data["blockers"])
    retiring("add", "wechat", "qq", "taobao", "alipay", "douyin", "kuaishou", "jd")
    assert not any(b["kind"] == "lookup_gap" for b in retiring.json("check", code=3)["blockers"])


def test_adopted_number_reads_only_messages_since_it_was_acquired(run, home, tmp_path):
    run("adopt", "13912345678", "--acquired", "2026-11-01")
    backup = tmp_path / "sms.xml"
    backup.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<smses count="2">\n'
        '<sms address="95555" date="1793836800000" type="1" body="【招商银行】您账户1234消费100元" />\n'
        '<sms address="106900" date="1700000000000" type="1" body="【滴滴出行】验证码 1234" />\n'
        "</smses>\n",
        encoding="utf-8",
    )
    data = json.loads(run("import", "sms", str(backup), "--json").stdout)
    assert data["since"] == "2026-11-01"
    assert [s["id"] for s in data["services"]] == ["cmb"]


def test_an_ios_database_for_an_adopted_number(run, home, tmp_path):
    from importers.builders import sms_db, typedstream

    run("adopt", "13912345678", "--acquired", "2026-11-01")
    nov_2 = (1793577600 - 978_307_200) * 10**9  # 2026-11-02 UTC, in nanoseconds since 2001
    rows = [
        ("【招商银行】您账户1234消费100元", None, nov_2, 0, 1),
        (None, typedstream("【招商银行】您账户5678消费9元"), nov_2 + 60 * 10**9, 0, 1),
        (None, typedstream("【滴滴出行】验证码 1234"), nov_2 - 30 * 86_400 * 10**9, 0, 2),  # before
        ("【某某贷】验证码 5555，您正在申请借款", None, nov_2, 0, 2),
        ("晚上见", None, nov_2, 1, 2),
    ]
    data = json.loads(run("import", "sms", str(sms_db(tmp_path / "sms.db", rows)), "--json").stdout)
    found = [(s["id"], s["name"], s["custom"], s["count"]) for s in data["services"]]
    assert [(i, c, n) for i, _, c, n in found] == [("cmb", False, 2), (None, True, 1)]
    assert found[1][1] == "某某贷"
    assert [c["signature"] for c in data["candidates"]] == ["某某贷"]


def test_unknown_services_become_items_and_join_the_catalog_entry_once_it_knows_them(
    retiring, home, sms_file, tmp_path
):
    retiring("import", "sms", str(sms_file), "--yes")
    item = next(i for i in profile(home).items if i.custom is not None and i.custom.name == "某某贷")
    assert item.custom.category == "other" and item.evidence[0].count == 1
    retiring("mark", item.id, "closed")
    # a later catalog learns the service: the next import makes the custom item that entry
    (home / "checklists").mkdir(parents=True, exist_ok=True)
    (home / "checklists" / "mine.toml").write_text(
        'schema = 1\n\n[[service]]\nid = "mou-dai"\nname = { zh = "某某贷", en = "Moudai" }\n'
        'category = "credit"\nregions = ["CN"]\npopularity = 1\nflags = ["credit"]\nverified = false\n'
        'source = ["https://example.org"]\nchecked = 2026-12-02\n\n[service.change]\nzh = ["在 App 里更换"]\n'
        'en = ["Change it in the app"]\n\n[service.aliases]\nsignatures = ["某某贷"]\n'
        'domains = ["moudai.example"]\n',
        encoding="utf-8",
    )
    retiring("import", "sms", str(sms_file), "--yes")
    after = profile(home)
    joined = after.item("mou-dai")
    assert joined is not None and joined.status == "closed" and len(joined.history) == 2
    assert not [i for i in after.items if i.custom is not None and i.custom.name == "某某贷"]


def test_a_big_file_shows_a_progress_bar_on_a_terminal(retiring, home, tmp_path):
    import os
    import sys

    import pexpect

    big = tmp_path / "big.xml"
    rows = "".join(
        f'<sms address="95555" date="{1790000000000 + i}" type="1" '
        f'body="【招商银行】您账户{i:04d}消费{i}元" />\n'
        for i in range(40000)
    )
    big.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<smses count="40000">\n{rows}</smses>\n', encoding="utf-8"
    )
    assert big.stat().st_size > 2 << 20
    env = {**os.environ, "NUMRETIRE_HOME": str(home), "NUMRETIRE_LANG": "en", "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "numretire", "import", "sms", str(big), "--dry-run"],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(30, 100),
    )
    child.expect("Reading")
    child.expect("China Merchants Bank")
    child.expect("Dry run")
    child.expect(pexpect.EOF)


def test_big_counts_are_easy_to_read(retiring, tmp_path):
    backup = tmp_path / "many.txt"
    backup.write_text("【招商银行】您账户1234于11月20日消费100.00元\n" * 1200, encoding="utf-8")
    out = retiring("import", "sms", str(backup), "--dry-run", "--lang", "en").stdout
    assert "Read 1,200 messages; the 1,200 received ones" in out
    assert "1,200" in next(line for line in out.splitlines() if "China Merchants Bank" in line)


# ---------------------------------------------------------------- import bill
# Layouts: deb-sig/double-entry-generator example/alipay/example-alipay-records.csv and
# example/wechat/example-wechat-records.csv @64340cf7 (rows made up; sentinels where amounts, order
# numbers and goods descriptions go).
ALIPAY_BILL = (
    "------------------------------------------------------------------------------------\n"
    "导出信息：\n姓名：xx\n起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]\n\n"
    "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\n"
    "交易时间            ,交易分类                ,交易对方                ,对方账号                ,"
    "商品说明                ,收/支                 ,金额                  ,收/付款方式              ,"
    "交易状态                ,交易订单号     ,商家订单号           ,备注                  ,\n"
    "2023-02-12 21:32:14 ,餐饮美食 ,上海拉扎斯信息科技有限公司 ,/ ,GOODSSENTINEL1 免密支付 ,支出 ,4711.13 ,"
    "交通银行信用卡(7449) ,交易成功 ,ORDERSENTINEL0011\t,MERCHSENTINEL0022\t, ,\n"
    "2023-02-11 08:00:00 ,文化休闲 ,北京爱奇艺科技有限公司 ,/ ,GOODSSENTINEL2连续包月 ,支出 ,4722.25 ,"
    "花呗 ,交易成功 ,ORDERSENTINEL0033\t,MERCHSENTINEL0044\t, ,\n"
    "2023-02-10 08:00:00 ,日用百货 ,x4***6 ,rim***@qq.com ,GOODSSENTINEL3 ,支出 ,4733.37 ,余额 ,"
    "交易成功 ,ORDERSENTINEL0055\t,MERCHSENTINEL0066\t, ,\n"
)
WECHAT_BILL = (
    "微信支付账单明细,,,,,,,,,,\n微信昵称：[测试],,,,,,,,,,\n"
    "起始时间：[2019-08-01 00:00:00] 终止时间：[2019-09-30 23:59:59],,,,,,,,,,\n,,,,,,,,,,\n"
    "----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
    "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
    '2019-09-26 12:45:27,"商户消费","美团","美团自动续费GOODSSENTINEL4","支出",¥4744.16,"中国银行(1234)",'
    '"支付成功","ORDERSENTINEL0077"\t,"MERCHSENTINEL0088"\t,"/"\n'
    '2019-09-27 12:45:27,"商户消费","滴滴出行科技有限公司","GOODSSENTINEL5","支出",¥4755.16,"零钱",'
    '"支付成功","ORDERSENTINEL0099"\t,"MERCHSENTINEL0100"\t,"/"\n'
)
SENTINELS = ("SENTINEL", "4711", "4722", "4733", "4744", "4755", "7449")


@pytest.fixture
def alipay_bill(tmp_path):
    path = tmp_path / "alipay_record.csv"
    path.write_bytes(ALIPAY_BILL.encode("gbk"))
    return path


def _home_text(home) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in home.rglob("*")
        if p.is_file() and p.suffix != ".marshal"
    )


def test_bill_services_by_company_with_their_payment_kinds(retiring, home, alipay_bill):
    out = retiring("import", "bill", str(alipay_bill), "--lang", "en")
    assert "Ele.me" in out.stdout and "iQIYI" in out.stdout and "password-free payment" in out.stdout
    assert "found in the bill" in out.stdout and "numretire answer eleme password-free no" in out.stdout
    assert profile(home).item("eleme") is None  # nothing stored without --yes
    retiring("import", "bill", str(alipay_bill), "--yes")
    p = profile(home)
    assert p.item("eleme").answers == {"password-free": True} and p.item("eleme").origin == "import-bill"
    assert p.item("iqiyi").answers == {"auto-debit": True}
    ev = p.item("eleme").evidence[0]
    assert (ev.source, ev.issuer, ev.kinds, ev.count) == ("bill", "alipay", ["password-free"], 1)
    assert p.item("alipay").evidence[0].count == 3  # the statement's own account


def test_bill_answers_stay_the_users(retiring, home, alipay_bill):
    retiring("add", "iqiyi")
    retiring("answer", "iqiyi", "auto-debit", "no")
    retiring("import", "bill", str(alipay_bill), "--yes")
    assert profile(home).item("iqiyi").answers == {"auto-debit": False}
    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    assert "unchanged" in retiring("import", "bill", str(alipay_bill), "--yes", "--lang", "en").stdout
    assert path.read_bytes() == before


def test_no_amount_order_number_or_goods_reaches_the_home_or_the_screen(
    retiring, home, alipay_bill, tmp_path
):
    openpyxl = pytest.importorskip("openpyxl")
    wechat_csv = tmp_path / "wechat.csv"
    wechat_csv.write_text(WECHAT_BILL, encoding="utf-8")
    book = openpyxl.Workbook()
    for line in WECHAT_BILL.splitlines():
        book.active.append([c.strip('"\t') or None for c in line.split(",")])
    xlsx = tmp_path / "wechat.xlsx"
    book.save(xlsx)
    screens = []
    for path in (alipay_bill, wechat_csv, xlsx):
        for extra in (("--json",), ("--lang", "en"), ("--lang", "zh"), ("--yes",)):
            result = retiring("import", "bill", str(path), *extra)
            screens += [result.stdout, result.stderr]
    data = retiring.json("import", "bill", str(wechat_csv))
    assert data["kind"] == "bill" and data["issuer"] == "wechat" and data["rows"] == 2
    assert {s["id"]: s["kinds"] for s in data["services"]} == {
        "meituan": ["subscription"],
        "didi": [],
        "wechat-pay": [],
    }
    assert profile(home).item("meituan").answers == {"auto-debit": True}
    stored = _home_text(home) + "".join(screens)
    assert [s for s in SENTINELS if s in stored] == []


def test_bad_bills_are_one_line_naming_the_file(retiring, home, tmp_path):
    headless = tmp_path / "headless.csv"
    headless.write_text("微信支付账单明细\n交易对方SECRETCELL\n" + "x,y\n" * 100, encoding="utf-8")
    notes = tmp_path / "notes.csv"
    notes.write_text("name,amount\nSECRETCELL,1\n", encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"SECRETCELL" * 10)
    for path in (headless, notes, broken):
        result = retiring("import", "bill", str(path), "--yes", "--lang", "en", code=1)
        assert str(path) in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "SECRETCELL" not in result.stderr + result.stdout and "Traceback" not in result.stderr
    assert not [i for i in profile(home).items if i.origin == "import-bill"]


@pytest.mark.parametrize(
    ("lang", "eleme", "iqiyi"),
    [
        ("zh", "支付宝账单：免密支付", "支付宝账单：自动扣款"),
        ("en", "Alipay bill: password-free", "Alipay bill: auto-debit"),
    ],
)
def test_where_seen_words_a_bill_by_its_issuer_and_what_it_showed(
    retiring, home, alipay_bill, lang, eleme, iqiyi
):
    import os

    import pexpect

    retiring("import", "bill", str(alipay_bill), "--yes")
    flat = retiring("list", "--lang", lang).stdout
    assert eleme in flat and iqiyi in flat
    listed = {i["id"]: i["seen"] for i in retiring.json("list", "--lang", lang)["items"]}
    assert listed["eleme"] == [
        {
            "source": "bill",
            "count": 1,
            "first": "2023-02-12",
            "last": "2023-02-12",
            "issuer": "alipay",
            "flags": ["password-free"],
        }
    ]
    report = retiring("report", "--lang", lang).stdout
    assert eleme in report and iqiyi in report
    child = pexpect.spawn(
        sys.executable,
        ["-m", "numretire", "walk"],
        env={**os.environ, "NUMRETIRE_HOME": str(home), "NUMRETIRE_LANG": lang, "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 200),
    )
    child.expect("发现于：支付宝账单" if lang == "zh" else "Seen in: Alipay bill")  # Alipay's own, first
    for _ in range(8):  # skip on to Ele.me: its line says what the bill showed
        if child.expect(["[?？]", eleme]) == 1:
            break
        child.sendline("s")
    else:
        pytest.fail("the walk never showed Ele.me's bill line")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()


def test_a_bill_row_past_the_bound_is_one_line_naming_the_file(retiring, home, tmp_path, monkeypatch):
    from numretire.importers import limits

    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 4000)
    head, _, rows = WECHAT_BILL.partition("备注\n")
    wechat = tmp_path / "wechat.csv"
    wechat.write_text(
        head + "备注\n" + rows + rows.replace("GOODSSENTINEL4", "SECRETCELL" * 500), encoding="utf-8"
    )
    alipay = tmp_path / "alipay_record.csv"
    alipay.write_bytes((ALIPAY_BILL + "2023-02-11 08:00:00 ," + "SECRETCELL" * 500 + "\n").encode("gbk"))
    runs_on = tmp_path / "runs_on.csv"  # a quoted cell never closed: the row would be the rest of the file
    runs_on.write_bytes(
        (ALIPAY_BILL + '2023-02-11 08:00:00 ,"SECRETCELL\n' + "SECRETCELL,\n" * 600).encode("gbk")
    )
    for path in (wechat, alipay, runs_on):
        result = retiring("import", "bill", str(path), "--yes", "--lang", "en", code=1)
        assert str(path) in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "is longer than 3 KB" in result.stderr and "Traceback" not in result.stderr
        assert "SECRETCELL" not in result.stderr + result.stdout
    assert not [i for i in profile(home).items if i.origin == "import-bill"]
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 1 << 20)
    assert retiring.json("import", "bill", str(wechat), code=0)["rows"] == 4  # within the real bound


def test_a_giant_bill_line_is_refused_with_memory_flat(tmp_path):
    import tracemalloc

    from numretire.catalog import load
    from numretire.importers import ImportFileError, limits, match_bill

    catalog = load()
    list(catalog)
    path = tmp_path / "wechat.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(WECHAT_BILL)
        out.write("2019-09-28 12:45:27," + "x" * (24 << 20) + "\n")  # 24 MB without a line break
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as refused:
            match_bill(path, catalog)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.key == "import.line_too_big" and refused.value.params["line"] == 9
    assert peak < 4 * limits.MAX_LINE_BYTES, peak  # the bound and a block, never the whole line


def _big_wechat_bill(tmp_path):
    head, _, rows = WECHAT_BILL.partition("备注\n")
    path = tmp_path / "big_wechat.csv"
    path.write_text(head + "备注\n" + rows * 6000, encoding="utf-8")
    assert path.stat().st_size > 2 << 20
    return path


def test_a_big_bill_tells_its_progress_to_the_caller(tmp_path, monkeypatch):
    from numretire import importers
    from numretire.catalog import load

    monkeypatch.setattr(importers, "PROGRESS_EVERY", 256 << 10)
    path = _big_wechat_bill(tmp_path)
    told = []
    result = importers.match_bill(path, load(), lambda done, total: told.append((done, total)))
    size = path.stat().st_size
    assert result.rows == 12000 and len(told) > 4 and told[-1] == (size, size)
    assert [d for d, _ in told] == sorted(d for d, _ in told) and all(t == size for _, t in told)


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_a_big_bill_shows_a_bar_on_a_terminal_but_never_for_json(retiring, home, tmp_path, extra):
    import os

    import pexpect

    path = _big_wechat_bill(tmp_path)
    env = {**os.environ, "NUMRETIRE_HOME": str(home), "NUMRETIRE_LANG": "en", "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "numretire", "import", "bill", str(path), "--dry-run", *extra],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(30, 100),
    )
    child.expect(pexpect.EOF)
    shown = child.before
    assert ("Reading" in shown) == (not extra) and "Meituan" in shown
    if extra:
        assert json.loads(shown)["rows"] == 12000  # nothing but the JSON on the terminal
    assert (
        "Reading" not in retiring("import", "bill", str(path), "--dry-run", "--lang", "en").stderr
    )  # no TTY
