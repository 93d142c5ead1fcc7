"""import sms / passwords / lookup from the command line: review, all-or-nothing, idempotent, private."""

import json

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
