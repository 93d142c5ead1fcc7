"""Readers of issue 16, on the real layouts (rows are made up; the layouts are from the sources named)."""

import json
import zipfile

import pytest

from numretire.importers import (
    ImportFileError,
    detect_apps,
    detect_bill,
    detect_passwords,
    iter_apps,
    iter_logins,
    iter_payments,
)

# Layout: deb-sig/double-entry-generator example/alipay/example-alipay-records.csv
# @64340cf723726f9c2b725ba9b62d56ba2edf3c88 (GBK, preamble, padded header, trailing comma).
ALIPAY = (
    "------------------------------------------------------------------------------------\n"
    "导出信息：\n姓名：xx\n起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]\n共2笔记录\n\n"
    "------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------\n"
    "交易时间            ,交易分类                ,交易对方                ,对方账号                ,"
    "商品说明                ,收/支                 ,金额                  ,收/付款方式              ,"
    "交易状态                ,交易订单号     ,商家订单号           ,备注                  ,\n"
    "2023-02-12 21:32:14 ,餐饮美食 ,上海拉扎斯信息科技有限公司 ,/ ,SENTINEL-GOODS ,支出 ,4700.13 ,"
    "交通银行信用卡(7449) ,交易成功 ,2023SENTINELORDER0011\t,T2023SENTINEL\t, ,\n"
    "2023-02-08 14:16:52 ,日用百货 ,x4***6 ,rim***@qq.com ,商品示例 ,支出 ,20.00 ,余额 ,"
    "交易成功 ,2x\t,Tx\t, ,\n"
)
# Layout: deb-sig/double-entry-generator example/wechat/example-wechat-records.csv @64340cf7 (UTF-8).
WECHAT = (
    "微信支付账单明细,,,,,,,,,,\n微信昵称：[测试],,,,,,,,,,\n"
    "起始时间：[2019-08-01 00:00:00] 终止时间：[2019-09-30 23:59:59],,,,,,,,,,\n,,,,,,,,,,\n"
    "----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
    "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
    '2019-09-26 12:45:27,"商户消费","美团","美团自动续费","支出",¥28.16,"中国银行(1234)","支付成功",'
    '"3985734"\t,"129847129"\t,"/"\n'
)


def test_alipay_statement_gbk_with_preamble(tmp_path):
    path = tmp_path / "alipay_record.csv"
    path.write_bytes(ALIPAY.encode("gbk"))
    assert detect_bill(path) == "alipay-csv"
    issuer, rows = iter_payments(path)
    rows = list(rows)
    assert issuer == "alipay" and len(rows) == 2
    assert rows[0].counterparty == "上海拉扎斯信息科技有限公司"
    assert rows[0].on.isoformat() == "2023-02-12" and rows[0].direction == "支出"
    assert "4700" not in repr(rows) and "SENTINELORDER" not in repr(rows)  # amounts, orders never read


def test_wechat_csv_and_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "wechat.csv"
    path.write_text(WECHAT, encoding="utf-8")
    assert detect_bill(path) == "wechat-csv"
    rows = list(iter_payments(path)[1])
    assert [(r.counterparty, r.goods, r.type) for r in rows] == [("美团", "美团自动续费", "商户消费")]
    # Layout: the same repository's example-wechat-records.xlsx (header on row 18 of the first sheet).
    book = openpyxl.Workbook()
    sheet = book.active
    for line in WECHAT.splitlines():
        sheet.append([c.strip('"\t') or None for c in line.split(",")])
    xlsx = tmp_path / "wechat.xlsx"
    book.save(xlsx)
    assert detect_bill(xlsx) == "wechat-xlsx"
    assert [r.counterparty for r in iter_payments(xlsx)[1]] == ["美团"]


def test_pm_list_packages_plain_and_with_paths(tmp_path):
    # `adb shell pm list packages [-f] [-U]` output forms
    path = tmp_path / "packages.txt"
    path.write_text(
        "$ adb shell pm list packages -f\npackage:com.tencent.mm\n"
        "package:/data/app/~~a==/com.eg.android.AlipayGphone-b==/base.apk=com.eg.android.AlipayGphone uid:1\n"
    )
    assert detect_apps(path) == "pm-list"
    assert [a.app_id for a in iter_apps(path)] == ["com.tencent.mm", "com.eg.android.AlipayGphone"]


def test_app_manager_csv_and_json(tmp_path):
    # MuntashirAkon/AppManager ListExporter.java @fc1e70074e8cf75c0619e526e688c16ad2e1e862
    csv_path = tmp_path / "apps.csv"
    csv_path.write_text(
        "name,label,versionCode,versionName,minSdk,targetSdk,signature,firstInstallTime,lastUpdateTime,"
        "installerPackageName,installerPackageLabel\ncom.sankuai.meituan,美团,1,1.0,21,33,ab,1,2,,\n"
    )
    assert detect_apps(csv_path) == "app-manager-csv"
    assert [(a.app_id, a.name) for a in iter_apps(csv_path)] == [("com.sankuai.meituan", "美团")]
    json_path = tmp_path / "apps.json"
    json_path.write_text(json.dumps([{"name": "me.ele", "label": "饿了么", "versionCode": 1}], indent=4))
    assert detect_apps(json_path) == "app-manager-json"
    assert [a.name for a in iter_apps(json_path)] == ["饿了么"]


def test_ios_backup_folder(tmp_path):
    import plistlib

    # mvt-project/mvt tests/artifacts/ios_backup/Info.plist @dac4acb1: "Installed Applications"
    (tmp_path / "Info.plist").write_bytes(
        plistlib.dumps({"Installed Applications": ["com.tencent.xin"], "Phone Number": "+86 138 0000 0000"})
    )
    assert detect_apps(tmp_path) == "ios-backup"
    assert [a.app_id for a in iter_apps(tmp_path)] == ["com.tencent.xin"]


def test_keepass_xml_skips_passwords_history_and_recycle_bin(tmp_path):
    # KeePass KDBX_XML.xsd / keepassxreboot/keepassxc-specs kdbx-xml/rfc.md
    path = tmp_path / "k.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile><Meta>'
        "<RecycleBinUUID>cmVjeWNsZQ==</RecycleBinUUID></Meta><Root><Group><UUID>cm9vdA==</UUID><Name>R</Name>"
        "<Entry><String><Key>Title</Key><Value>JD</Value></String>"
        '<String><Key>Password</Key><Value ProtectInMemory="True">SENTINEL-PW</Value></String>'
        "<String><Key>URL</Key><Value>https://passport.jd.com</Value></String>"
        "<String><Key>UserName</Key><Value>13800000000</Value></String>"
        "<History><Entry><String><Key>URL</Key><Value>https://old.example</Value></String></Entry></History>"
        "</Entry><Group><UUID>cmVjeWNsZQ==</UUID><Name>Recycle Bin</Name><Entry>"
        "<String><Key>URL</Key><Value>https://gone.example</Value></String></Entry></Group>"
        "</Group></Root></KeePassFile>"
    )
    assert detect_passwords(path) == "keepass-xml"
    logins = list(iter_logins(path))
    assert [(x.url, x.username, x.title) for x in logins] == [
        ("https://passport.jd.com", "13800000000", "JD")
    ]
    assert "SENTINEL" not in repr(logins)


def test_1pux(tmp_path):
    # bitwarden/clients libs/importer/spec/test-data/onepassword-1pux/login-data.ts (accounts/vaults/items)
    data = {
        "accounts": [
            {
                "attrs": {},
                "vaults": [
                    {
                        "attrs": {},
                        "items": [
                            {
                                "trashed": False,
                                "details": {
                                    "loginFields": [
                                        {"value": "me@x.com", "designation": "username"},
                                        {"value": "SENTINEL-PW", "designation": "password"},
                                    ]
                                },
                                "overview": {"title": "eToro", "url": "https://www.fakesite.com", "urls": []},
                            },
                            {"trashed": True, "overview": {"url": "https://trashed.example"}},
                        ],
                    }
                ],
            }
        ]
    }
    path = tmp_path / "e.1pux"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("export.data", json.dumps(data))
    assert detect_passwords(path) == "1pux"
    assert [(x.url, x.username) for x in iter_logins(path)] == [("https://www.fakesite.com", "me@x.com")]


def test_unknown_files_give_one_clear_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hello\n")
    for detect in (detect_apps, detect_bill):
        with pytest.raises(ImportFileError) as caught:
            detect(path)
        assert caught.value.params["path"] == str(path)
