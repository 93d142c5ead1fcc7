"""Installed apps -> catalog services: by id, by the one name, as the user's own item, or skipped."""

from factories import profile, service

from numretire import catalog as shipped
from numretire import discovery
from numretire.catalog import Catalog
from numretire.importers import App
from numretire.importers.app_list import iter_pm_list
from numretire.importers.match_apps import is_system, match_apps


def catalog():
    wechat = service("wechat", "messaging")._replace(
        name={"zh": "微信", "en": "WeChat"},
        aliases={"packages": ("com.tencent.mm",), "bundle_ids": ("com.tencent.xin",), "apps": ("微信",)},
    )
    meituan = service("meituan")._replace(
        name={"zh": "美团", "en": "Meituan"},
        aliases={"packages": ("com.sankuai.meituan", "com.sankuai.meituan.takeoutnew")},
    )
    # two services named alike: a name alone cannot tell them apart
    a = service("twin-a")._replace(name={"zh": "双子", "en": "Twin A"})
    b = service("twin-b")._replace(name={"zh": "双子", "en": "Twin B"})
    china_mobile = service("china-mobile", kind="carrier")._replace(
        aliases={"packages": ("com.greenpoint.android.mc10086.activity",)}
    )
    task = service("lookup", kind="task")._replace(aliases={"packages": ("com.example.task",)})
    return Catalog([wechat, meituan, a, b, china_mobile, task])


def test_by_android_package_and_ios_bundle_id_in_any_case():
    apps = [
        App("com.tencent.mm", "", "android"),
        App("COM.TENCENT.XIN", "", "ios"),
        App("com.sankuai.meituan", "", "android"),
        App("com.sankuai.meituan.takeoutnew", "美团外卖", "android"),
        App("com.greenpoint.android.mc10086.activity", "", "android"),
        App("com.example.task", "", "android"),
    ]
    found = match_apps(apps, catalog())
    assert [(h.service_id, h.count, h.via) for h in found.services] == [
        ("china-mobile", 1, "id"),
        ("meituan", 2, "id"),
        ("wechat", 2, "id"),
    ]
    assert found.apps == 6 and found.unnamed == 1 and found.candidates == ()  # a task is no app's service


def test_a_name_is_the_one_service_of_that_name_else_the_users_own_item():
    apps = [
        App("com.tencent.wechat.lite", "微信", "android"),  # an id the catalog lacks, a name it has
        App("com.example.twin", "双子", "android"),  # two services of that name: the user's own
        App("com.example.shop", "  某某  商城 ", "android"),
        App("com.example.shop2", "某某 商城", "android"),
    ]
    found = match_apps(apps, catalog())
    assert [(h.service_id, h.via) for h in found.services] == [("wechat", "name")]
    assert [(c.name, c.count) for c in found.candidates] == [("双子", 1), ("某某 商城", 2)]


def test_system_apps_and_ids_nobody_can_read_are_not_offered():
    apps = [
        App("android", "Android System", "android"),
        App("com.android.settings", "Settings", "android"),
        App("com.miui.home", "系统桌面", "android"),
        App("com.apple.mobilesafari", "", "ios"),
        App("com.example.unknown", "", "android"),
        App("androidx.example", "Not the platform", "android"),
    ]
    found = match_apps(apps, catalog())
    assert found.system == 4 and found.unnamed == 1
    assert [c.name for c in found.candidates] == ["Not the platform"]
    assert is_system("com.huawei.appmarket") and not is_system("com.huaweicloud.x")


def test_proposals_known_services_then_custom_items_bank_by_name():
    p = profile("wechat")
    found = match_apps(
        [
            App("com.tencent.mm", "", "android"),
            App("com.sankuai.meituan", "", "android"),
            App("com.example.bank", "某某农商银行", "android"),
            App("com.example.game", "Some Game", "android"),
        ],
        catalog(),
    )
    props = discovery.from_apps(found, p)
    assert [(x.service_id, x.present, x.first, x.last) for x in props[:2]] == [
        ("meituan", False, None, None),
        ("wechat", True, None, None),
    ]
    assert [(x.custom.name, x.custom.category) for x in props[2:]] == [
        ("Some Game", "other"),
        ("某某农商银行", "bank"),
    ]


def test_real_pm_list_lines_map_to_the_shipped_catalog(home, tmp_path):
    listing = tmp_path / "packages.txt"
    listing.write_text(
        "package:com.suning.mobile.ebuy\n"
        "package:/data/app/~~Qx1w==/com.rytong.ceair-2/base.apk=com.rytong.ceair\n"
        "package:com.gzrcb.mobilebank\n"
        "package:com.osp.app.signin\n",
        encoding="utf-8",
    )
    found = match_apps(list(iter_pm_list(listing)), shipped.load(home))
    assert [(h.service_id, h.via) for h in found.services] == [
        ("china-eastern", "id"),
        ("guangzhou-rcb", "id"),
        ("samsung-account", "id"),
        ("suning", "id"),
    ]
