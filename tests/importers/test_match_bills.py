"""Matching statement rows to services: companies, whole names, leading goods names, payment kinds."""

from __future__ import annotations

from datetime import date

from factories import catalog, service

from numretire.catalog import Service
from numretire.importers import Payment
from numretire.importers.match_bills import company_key, flags_of, kinds_of, match_payments


def named(sid: str, zh: str, en: str, companies=(), apps=()) -> Service:
    return service(sid)._replace(
        name={"zh": zh, "en": en}, aliases={"companies": tuple(companies), "apps": tuple(apps)}
    )


CATALOG = catalog(
    named("eleme", "饿了么", "Ele.me", companies=["上海拉扎斯信息科技有限公司"]),
    named("meituan", "美团", "Meituan", companies=["北京三快在线科技有限公司"], apps=["美团外卖"]),
    named("jd", "京东", "JD.com"),
    named("jd-daojia", "京东到家", "JD Daojia"),
    named("iqiyi", "爱奇艺", "iQIYI"),
    named("keep", "Keep", "Keep"),
    named("alipay", "支付宝", "Alipay"),
    named("wechat-pay", "微信支付", "WeChat Pay"),
)


def row(party: str, goods: str = "", kind: str = "", method: str = "", on: date | None = None) -> Payment:
    return Payment(party, goods, kind, method, "", "支出", on or date(2026, 1, 1))


def found(rows, issuer="alipay"):
    return {h.service_id: h for h in match_payments(rows, CATALOG, issuer).services}


def test_company_names_match_whatever_their_suffix_and_width():
    assert company_key("北京三快在线科技有限责任公司") == company_key("北京三快在线科技有限公司")
    assert company_key("ＡＢＣ 科技股份有限公司") == "abc科技"
    hits = found(
        [
            row("上海拉扎斯信息科技有限公司", on=date(2026, 1, 3)),
            row("上海拉扎斯信息科技有限责任公司", on=date(2026, 1, 1)),
            row("北京三快在线科技有限公司 "),
        ]
    )
    assert (hits["eleme"].count, hits["eleme"].first, hits["eleme"].last) == (
        2,
        date(2026, 1, 1),
        date(2026, 1, 3),
    )
    assert hits["eleme"].via == ("company",) and hits["meituan"].count == 1


def test_counterparty_whole_names_and_brand_suffixes():
    hits = found([row("美团"), row("美团平台商户"), row("饿了么")], issuer="wechat")
    assert hits["meituan"].count == 2 and hits["eleme"].count == 1
    assert hits["wechat-pay"].count == 3 and hits["wechat-pay"].via == ("issuer",)  # the statement's own
    assert "meituan" not in found([row("美团优选团长小王")])  # a longer name is not the service


def test_a_brand_and_its_company_joined_by_a_hyphen():
    # The form is Alipay's own: 蚂蚁财富-蚂蚁（杭州）基金销售有限公司 is a counterparty in
    # repo:deb-sig/double-entry-generator:example/alipay/example-alipay-records.csv
    # @64340cf723726f9c2b725ba9b62d56ba2edf3c88
    hits = found([row("美团-某某餐饮管理有限公司"), row("某某－上海拉扎斯信息科技有限公司")])
    assert hits["meituan"].via == ("name",) and hits["eleme"].via == ("company",)
    assert not {"meituan", "eleme"} & set(found([row("美团优选-团长小王"), row("拉扎斯-某某")]))


def test_goods_name_the_service_only_when_they_start_with_it_and_not_for_shops_or_people():
    hits = found([row("某某网络", "爱奇艺VIP会员连续包月"), row("x4***6", "美团外卖红包")])
    assert "iqiyi" in hits and "meituan" not in hits  # a person's row says nothing
    assert "iqiyi" not in found([row("某某数码专营店", "爱奇艺会员月卡")])  # a shop sells it
    assert "iqiyi" not in found([row("某某网络", "充值爱奇艺")])  # not at the start
    assert set(found([row("某某", "京东到家订单")])) == {"jd-daojia", "alipay"}  # the longest name wins
    assert "keep" not in found([row("某某", "Keeper 会员")]) and "keep" in found([row("某某", "Keep 会员")])


def test_payment_kinds_are_the_models():
    from numretire.importers import match_bills
    from numretire.model import EVIDENCE_KINDS

    assert match_bills.KINDS == EVIDENCE_KINDS


def test_payment_kinds():
    assert kinds_of("商户消费", "美团自动续费", "零钱", "") == {"subscription"}
    assert kinds_of("", "爱奇艺VIP连续包月", "", "") == {"subscription"}
    assert kinds_of("免密支付", "", "", "") == {"password-free"}
    assert kinds_of("", "话费代扣", "", "") == {"auto-debit"}
    assert kinds_of("餐饮美食", "美团订单", "花呗", "自动还款") == frozenset()
    assert flags_of(["subscription", "password-free"]) == ("auto-debit", "password-free")
    hits = found([row("美团", "美团自动续费"), row("美团", "订单", "免密支付")], issuer="wechat")
    assert hits["meituan"].kinds == ("subscription", "password-free")


def test_payment_words_in_any_cell_and_never_across_two():
    def kinds(*cells: str) -> tuple[str, ...]:
        kind, method, remark = cells
        payment = Payment("美团", "订单", kind, method, remark, "支出", date(2026, 1, 1))
        return found([payment])["meituan"].kinds

    assert kinds("自动扣款", "", "") == ("auto-debit",)  # the type
    assert kinds("", "免密支付", "") == ("password-free",)  # the method
    assert kinds("", "", "连续包月") == ("subscription",)  # the remark
    assert kinds("免", "密", "") == ()  # 免 and 密 in two cells are no word
    assert kinds("", "自动", "续费") == ()


def test_unknown_counterparties_are_offered_only_with_an_agreement():
    result = match_payments(
        [
            row("深圳市某某科技有限公司", "某某会员自动续费"),
            row("深圳市某某科技有限公司", "某某会员自动续费"),
            row("楼下面馆", "面"),  # a shop: too noisy to offer
            row("张*三", "自动续费"),  # a person
            row("财付通支付科技有限公司", "代扣"),  # a payment institution
        ],
        CATALOG,
        "alipay",
    )
    assert [(c.name, c.count, c.kinds) for c in result.candidates] == [
        ("深圳市某某科技有限公司", 2, ("subscription",))
    ]
    assert result.rows == 5


def test_nothing_but_ids_counts_days_and_kinds_leaves_the_matcher():
    result = match_payments(
        [row("北京三快在线科技有限公司", "SENTINEL-GOODS 自动续费", "", "招商银行(1234)")], CATALOG, "alipay"
    )
    assert "SENTINEL" not in repr(result) and "1234" not in repr(result)


def test_shops_with_their_branch_in_brackets_are_shops():
    assert "iqiyi" not in found([row("过桥米线(传奇广场店)", "爱奇艺会员")])
    assert "iqiyi" not in found([row("某某旗舰店(北京)", "爱奇艺会员")])


def test_the_catalog_names_the_companies_statements_bill_services_under():
    from numretire.catalog import load

    # repo:ssttkkl/finance-tracker:tests/test_convert.py, a bill importer's test data
    rows = [row("高德信息技术有限公司"), row("上海钧哈网络科技有限公司"), row("杭州乐读科技有限公司")]
    hits = {h.service_id for h in match_payments(rows, load(), "alipay").services}
    assert hits == {"amap", "hellobike", "netease-cloud-music", "alipay"}
    # Counterparties as statements write them, each beside its source:
    real = [
        # repo:deb-sig/double-entry-generator:example/alipay/example-alipay-records.csv
        # @64340cf723726f9c2b725ba9b62d56ba2edf3c88
        ("蚂蚁财富-蚂蚁（杭州）基金销售有限公司", "ant-fortune"),
        # repo:dhr2333/Beancount-Trans-Backend:project/fixtures/sample_files/完整测试_支付宝.csv
        # @c54302e682dc21c7741a9b27caffce749ecb005f
        ("上海自如企业管理有限公司", "ziroom"),
        ("中国人民财产保险股份有限公司", "picc"),
        # the same project's 完整测试_微信.csv: 王者荣耀点券
        ("深圳市腾讯天游科技有限公司", "tencent-games"),
        # 完整测试_支付宝.csv again: 高德打车订单 (aut***@autonavi.com), 双人餐 (cds***@bytedance.com)
        ("高德打车", "amap"),
        ("抖音生活服务商家", "douyin"),
    ]
    for party, expected in real:
        hits = {h.service_id for h in match_payments([row(party)], load(), "alipay").services}
        assert hits == {expected, "alipay"}, party
