"""Where an item was seen: evidence per kind of source, in one line, in both languages."""

from datetime import date

from numretire.model import Evidence
from numretire.seen import Seen, seen_json, seen_text, where_seen


def test_one_entry_per_kind_known_kinds_first_others_by_name():
    evidence = [
        Evidence("bill-wechat", "d5", 3, date(2026, 2, 1), date(2026, 3, 1)),
        Evidence("apps", "d1", 1),
        Evidence("passwords", "d2", 2),
        Evidence("sms", "d3", 12, date(2025, 1, 5), date(2026, 10, 1)),
        Evidence("sms", "d4", 7, date(2024, 6, 1), None),  # an older, smaller backup
    ]
    assert where_seen(evidence) == [
        Seen("sms", 12, date(2024, 6, 1), date(2026, 10, 1)),
        Seen("passwords", 2, None, None),
        Seen("apps", 1, None, None),
        Seen("bill-wechat", 3, date(2026, 2, 1), date(2026, 3, 1)),
    ]
    assert where_seen([]) == []


def test_the_line_in_each_language_with_unknown_kinds_by_name():
    seen = where_seen(
        [
            Evidence("sms", "a", 1200),
            Evidence("passwords", "b", 2),
            Evidence("apps", "c", 1),
            Evidence("bill-alipay", "d", 4),
        ]
    )
    assert seen_text(seen, "zh") == "短信 1,200 次 · 密码库 · 已安装应用 · bill-alipay"
    assert seen_text(seen, "en") == "SMS ×1,200 · password manager · installed apps · bill-alipay"
    assert seen_text([], "en") == ""


def test_json_has_source_count_and_iso_dates():
    seen = where_seen([Evidence("sms", "a", 3, date(2026, 1, 2), date(2026, 1, 3)), Evidence("apps", "b", 1)])
    assert seen_json(seen) == [
        {"source": "sms", "count": 3, "first": "2026-01-02", "last": "2026-01-03"},
        {"source": "apps", "count": 1, "first": None, "last": None},
    ]


def test_a_bill_is_named_by_its_issuer_with_the_yes_answers_it_showed_while_they_stand():
    from numretire.model import Item
    from numretire.seen import item_seen

    item = Item(
        id="eleme",
        evidence=[
            Evidence("sms", "a", 3),
            Evidence(
                "bill", "b", 2, date(2026, 1, 1), date(2026, 2, 1), kinds=["password-free"], issuer="alipay"
            ),
            Evidence("bill", "c", 1, kinds=["subscription", "auto-debit"], issuer="wechat"),
        ],
        answers={"password-free": True, "auto-debit": True},
    )
    seen = item_seen(item)
    assert [(s.source, s.issuer, s.flags) for s in seen] == [
        ("sms", "", ()),
        ("bill", "alipay", ("password-free",)),
        ("bill", "wechat", ("auto-debit",)),
    ]
    assert seen_text(seen, "zh") == "短信 3 次 · 支付宝账单：免密支付 · 微信支付账单：自动扣款"
    assert seen_text(seen, "en") == "SMS ×3 · Alipay bill: password-free · WeChat Pay bill: auto-debit"
    assert seen_json(seen)[1] == {
        "source": "bill",
        "count": 2,
        "first": "2026-01-01",
        "last": "2026-02-01",
        "issuer": "alipay",
        "flags": ["password-free"],
    }
    item.answers["password-free"] = False  # the user said no: the bill no longer claims it
    assert seen_text(item_seen(item), "en") == "SMS ×3 · Alipay bill · WeChat Pay bill: auto-debit"
    both = Item(
        id="x", evidence=[Evidence("bill", "d", 1), Evidence("bill", "e", 2, kinds=["password-free"])]
    )
    assert seen_text(item_seen(both), "zh") == "付款账单"  # no issuer recorded, no answer given
