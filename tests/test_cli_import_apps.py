"""import apps from the command line, and where each item was seen in list, walk and the report."""

import json
import plistlib

import pytest

from numretire.store import Store

PM_LIST = (
    "$ adb shell pm list packages -f\n"
    "package:/data/app/~~a==/com.tencent.mm-b==/base.apk=com.tencent.mm\n"
    "package:com.eg.android.AlipayGphone\n"
    "package:com.android.settings\n"
    "package:com.example.nobody.knows\n"
)
# App Manager's CSV list (MuntashirAkon/AppManager ListExporter.java): name is the id, label the name
APP_MANAGER = (
    "name,label,versionCode,versionName,minSdk,targetSdk,signature,firstInstallTime,lastUpdateTime,"
    "installerPackageName,installerPackageLabel\n"
    "com.sankuai.meituan,美团,1,1.0,21,33,ab,1,2,,\n"
    "com.example.loan,某某贷,1,1.0,21,33,ab,1,2,,\n"
    "com.example.evil,[bold red]Evil[/bold red],1,1.0,21,33,ab,1,2,,\n"
    "com.example.escape,\x1b[2JWiper,1,1.0,21,33,ab,1,2,,\n"
    "com.miui.home,系统桌面,1,1.0,21,33,ab,1,2,,\n"
)
SENTINELS = ("SENTINEL-IMEI-3569", "+86 139 0000 1111", "SENTINEL-SERIAL", "com.example.nobody.knows")


def profile(home):
    return Store(home).read_profile("+8613812345678")


@pytest.fixture
def pm_list(tmp_path):
    path = tmp_path / "packages.txt"
    path.write_text(PM_LIST, encoding="utf-8")
    return path


@pytest.fixture
def app_manager(tmp_path):
    path = tmp_path / "apps.csv"
    path.write_text(APP_MANAGER, encoding="utf-8")
    return path


@pytest.fixture
def backup(tmp_path):
    # mvt-project/mvt tests/artifacts/ios_backup/Info.plist: "Installed Applications" beside the phone's
    # own number, IMEI and serial, which must never be read out
    folder = tmp_path / "00008030-001A2B3C4D5E6F70"
    folder.mkdir()
    (folder / "Info.plist").write_bytes(
        plistlib.dumps(
            {
                "Installed Applications": [
                    "net.whatsapp.WhatsApp",
                    "com.tencent.xin",
                    "com.alipay.iphoneclient",
                    "com.example.nobody.knows",
                ],
                "Phone Number": SENTINELS[1],
                "IMEI": SENTINELS[0],
                "Serial Number": SENTINELS[2],
                "Last Backup Date": "2026-11-20",
            }
        )
    )
    return folder


def test_matches_are_shown_in_english_and_nothing_stored_without_yes(retiring, home, pm_list):
    result = retiring("import", "apps", str(pm_list), "--lang", "en")
    assert "WeChat" in result.stdout and "Alipay" in result.stdout
    assert "Read 4 installed apps" in result.stdout
    assert "Skipped: 1 not in the catalog and listed by id only" in result.stdout
    assert "Not offered: 1 of the phone's own system apps" in result.stdout
    assert "com.example.nobody.knows" not in result.stdout  # an id nobody can read is not offered
    assert "--yes" in result.stderr
    assert profile(home).item("wechat") is None


def test_chinese_screen(retiring, app_manager):
    out = retiring("import", "apps", str(app_manager), "--dry-run", "--lang", "zh").stdout
    assert "读取了 5 个已安装应用" in out and "美团" in out and "某某贷" in out
    assert "目录里没有的服务" in out and "系统桌面" not in out
    assert "试运行：未保存任何内容。" in out


def test_yes_stores_items_with_app_evidence_and_the_same_list_again_changes_nothing(
    retiring, home, pm_list, tmp_path
):
    assert "Stored" in retiring("import", "apps", str(pm_list), "--yes", "--lang", "en").stdout
    p = profile(home)
    wechat = p.item("wechat")
    assert wechat.origin == "import-apps"
    assert [(e.source, e.count, e.first, e.last) for e in wechat.evidence] == [("apps", 1, None, None)]
    path = Store(home).profile_path("+8613812345678")
    before = path.read_bytes()
    assert "unchanged" in retiring("import", "apps", str(pm_list), "--yes", "--lang", "en").stdout
    # the same apps in another order, without -f's paths: the same apps, so nothing changes either
    other = tmp_path / "again.txt"
    other.write_text(
        "package:com.example.nobody.knows\npackage:com.eg.android.AlipayGphone\n"
        "package:com.android.settings\npackage:com.tencent.mm\n"
    )
    assert "unchanged" in retiring("import", "apps", str(other), "--yes", "--lang", "en").stdout
    assert path.read_bytes() == before


def test_named_unknown_apps_become_custom_items_and_markup_stays_text(retiring, home, app_manager):
    out = retiring("import", "apps", str(app_manager), "--yes", "--lang", "en").stdout
    assert "[bold red]Evil[/bold red]" in out  # shown as written, never read as markup
    assert "\x1b" not in out and "\\x1b[2JWiper" in out  # nor as a terminal control sequence
    names = {i.custom.name: i for i in profile(home).items if i.custom is not None}
    assert set(names) == {"某某贷", "[bold red]Evil[/bold red]", "\x1b[2JWiper"}
    assert names["某某贷"].origin == "import-apps" and names["某某贷"].evidence[0].source == "apps"
    assert profile(home).item("meituan") is not None


def test_json_and_dry_run_store_nothing(retiring, home, app_manager):
    data = json.loads(retiring("import", "apps", str(app_manager), "--json").stdout)
    assert data["kind"] == "apps" and data["format"] == "app-manager-csv"
    assert (data["apps"], data["unnamed"], data["system"]) == (5, 0, 1)
    services = {(s["id"], s["name"], s["custom"]) for s in data["services"]}
    assert ("meituan", "Meituan (美团)", False) in services
    assert (None, "某某贷", True) in services
    assert all(s["first"] is None and s["count"] == 1 for s in data["services"])
    assert profile(home).item("meituan") is None
    assert retiring("import", "apps", str(app_manager), "--json", "--dry-run").stderr == ""


def test_an_iphone_backup_folder_and_its_info_plist(retiring, home, backup):
    data = json.loads(retiring("import", "apps", str(backup), "--json").stdout)
    assert data["format"] == "ios-backup"
    assert [s["id"] for s in data["services"]] == ["alipay", "wechat", "whatsapp"] and data["unnamed"] == 1
    retiring("import", "apps", str(backup / "Info.plist"), "--yes")
    assert profile(home).item("whatsapp").evidence[0].source == "apps"
    # the folder is the same apps as its Info.plist
    assert "unchanged" in retiring("import", "apps", str(backup), "--yes", "--lang", "en").stdout


def test_nothing_but_ids_counts_and_dates_reaches_the_data_home(retiring, home, backup, pm_list):
    retiring("import", "apps", str(backup), "--yes")
    retiring("import", "apps", str(pm_list), "--yes")
    for path in home.rglob("*"):
        if path.is_file() and path.suffix != ".marshal":
            text = path.read_bytes().decode("utf-8", errors="replace")
            for sentinel in (*SENTINELS, str(backup), str(pm_list), "packages.txt", "Info.plist"):
                assert sentinel not in text, (path, sentinel)
    evidence = [e for i in profile(home).items for e in i.evidence]
    assert evidence and {e.source for e in evidence} == {"apps"}
    kept = {"source", "digest", "count", "first", "last"}  # anything else an Evidence has stays empty
    assert all(not value for e in evidence for key, value in vars(e).items() if key not in kept)


def test_bad_input_is_one_line_naming_the_file_and_quoting_nothing(retiring, home, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("SECRET-CONTENT line one\nmore\n")
    folder = tmp_path / "not-a-backup"
    folder.mkdir()
    broken = tmp_path / "Info.plist"
    broken.write_bytes(b"<?xml version='1.0'?><plist><dict><key>SECRET-CONTENT</key>")
    for path in (text, folder, broken, tmp_path / "missing.txt"):
        result = retiring("import", "apps", str(path), "--yes", "--lang", "en", code=1)
        assert str(path) in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "SECRET-CONTENT" not in result.stderr and "Traceback" not in result.stderr
    assert not [i for i in profile(home).items if i.evidence]


def test_review_one_by_one_in_a_terminal(retiring, home, pm_list, monkeypatch):
    import numretire.cli.imports as imports

    monkeypatch.setattr(imports, "interactive", lambda: True)
    out = retiring("import", "apps", str(pm_list), "--lang", "en", input="n\ny\n").stdout
    assert "its app is on the phone" in out
    p = profile(home)
    assert (p.item("alipay") is None) != (p.item("wechat") is None)  # one refused, one accepted
    monkeypatch.setattr(imports, "interactive", lambda: True)
    retiring("import", "apps", str(pm_list), "--lang", "en", input="q\n")
    assert [i.id for i in profile(home).items] == [i.id for i in p.items]  # quitting stores nothing


def test_where_seen_in_list_walk_and_report(retiring, home, pm_list, tmp_path):
    sms = tmp_path / "sms.txt"
    sms.write_text("【微信】验证码 1111\n\n【微信】验证码 2222\n", encoding="utf-8")
    retiring("import", "sms", str(sms), "--yes")
    retiring("import", "apps", str(pm_list), "--yes")
    items = {i["id"]: i for i in retiring.json("list")["items"]}
    assert [s["source"] for s in items["wechat"]["seen"]] == ["sms", "apps"]
    assert items["wechat"]["seen"][0]["count"] == 2
    assert items["alipay"]["seen"] == [{"source": "apps", "count": 1, "first": None, "last": None}]
    assert items["sim-pin"]["seen"] == []
    en = retiring("list", "--lang", "en").stdout
    assert "SMS ×2 · installed apps" in next(line for line in en.splitlines() if "WeChat" in line)
    zh = retiring("list", "--lang", "zh").stdout
    assert "短信 2 次 · 已安装应用" in zh
    walk = retiring("walk", "--lang", "en").stdout
    assert "Seen in:" in walk
    md = retiring("report", "-f", "md", "--lang", "zh").stdout
    assert "发现于：短信 2 次 · 已安装应用" in md
    html = retiring("report", "-f", "html", "--lang", "en").stdout
    assert "Seen in: SMS ×2 · installed apps" in html
    report = json.loads(retiring("report", "-f", "json").stdout)
    wechat = next(i for i in report["items"] if i["id"] == "wechat")
    assert [s["source"] for s in wechat["seen"]] == ["sms", "apps"]


def test_list_has_no_seen_column_before_any_import(retiring):
    assert "Seen in" not in retiring("list", "--lang", "en").stdout


def test_an_xml_info_plist_names_apples_dtd_and_one_with_entities_is_refused(retiring, home, tmp_path):
    body = (
        '<plist version="1.0"><dict><key>Installed Applications</key><array>'
        "<string>net.whatsapp.WhatsApp</string></array></dict></plist>\n"
    )
    doctype = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
    )
    good = tmp_path / "Info.plist"
    good.write_text(doctype + body)
    assert [s["id"] for s in retiring.json("import", "apps", str(good))["services"]] == ["whatsapp"]
    bomb = tmp_path / "bomb.plist"
    bomb.write_text(doctype.replace('.dtd">', '.dtd" [<!ENTITY a "aaaa">]>') + body)
    result = retiring("import", "apps", str(bomb), "--lang", "en", code=1)
    assert "DTD" in result.stderr and result.stderr.count("\n") == 1


def test_an_info_plist_past_the_bound_is_one_line_naming_the_file(retiring, home, backup, monkeypatch):
    from numretire.importers import ios_backup

    assert ios_backup.MAX_BYTES == 32 << 20  # ten times a real one with hundreds of apps
    plist = backup / "Info.plist"
    document = plistlib.loads(plist.read_bytes())
    document["Applications"] = {"com.tencent.xin": {"PlaceholderIcon": b"\x89PNG" * 5000}}
    plist.write_bytes(plistlib.dumps(document))
    monkeypatch.setattr(ios_backup, "MAX_BYTES", plist.stat().st_size - 1)
    for path in (backup, plist):
        result = retiring("import", "apps", str(path), "--yes", "--lang", "en", code=1)
        assert str(path) in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "larger than" in result.stderr and "Traceback" not in result.stderr
    assert profile(home).item("wechat") is None
    monkeypatch.setattr(ios_backup, "MAX_BYTES", plist.stat().st_size)
    assert "wechat" in [s["id"] for s in retiring.json("import", "apps", str(backup))["services"]]
