from datetime import UTC, date, datetime
from types import SimpleNamespace

from factories import AT, profile

from numretire import discovery
from numretire.model import Item


def sms_matches(*hits):
    return SimpleNamespace(
        services=[SimpleNamespace(service_id=s, count=c, first=f, last=last) for s, c, f, last in hits]
    )


def test_proposals_say_what_is_new_and_most_messages_first():
    p = profile("wechat")
    t1, t2 = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)
    props = discovery.from_sms(sms_matches(("wechat", 3, t1, t2), ("meituan", 9, t1, t1)), p)
    assert [(x.service_id, x.present, x.first, x.last) for x in props] == [
        ("meituan", False, date(2026, 1, 1), date(2026, 1, 1)),
        ("wechat", True, date(2026, 1, 1), date(2026, 3, 1)),
    ]


def test_apply_is_idempotent_per_file_and_keeps_no_bodies():
    p = profile()
    props = [discovery.Proposal("meituan", 4, date(2026, 1, 1), date(2026, 2, 1), False, False)]
    assert discovery.apply(p, props, "sms", "abc", AT) == 2
    assert discovery.apply(p, props, "sms", "abc", AT) == 0
    item = p.item("meituan")
    assert item.origin == "import-sms" and len(item.evidence) == 1
    assert vars(item.evidence[0]) == {
        "source": "sms",
        "digest": "abc",
        "count": 4,
        "first": date(2026, 1, 1),
        "last": date(2026, 2, 1),
        "login_is_number": False,
        "kinds": [],
        "issuer": "",
    }
    # another file adds its own evidence; the same file again replaces its own
    assert discovery.apply(p, props, "sms", "def", AT) == 1
    assert len(item.evidence) == 2


def test_lookups_are_recorded_once():
    p = profile()
    assert discovery.add_lookups(p, [(7, date(2026, 11, 20)), (7, date(2026, 11, 20))], AT) == 1
    assert discovery.add_lookups(p, [(7, date(2026, 11, 20))], AT) == 0
    assert [(lk.count, lk.on) for lk in p.lookups] == [(7, date(2026, 11, 20))]


def test_bill_kinds_answer_yes_unless_the_user_answered():
    from numretire.importers.match_bills import BillCandidate, BillHit, BillMatches

    p = profile()
    p.items.append(Item(id="iqiyi", answers={"auto-debit": False}))
    matches = BillMatches(
        "alipay",
        9,
        (
            BillHit("meituan", 3, date(2026, 1, 1), date(2026, 1, 3), ("password-free",), ("company",)),
            BillHit("iqiyi", 2, None, None, ("subscription",), ("goods",)),
        ),
        (BillCandidate("某某科技有限公司", 1, None, None, ("auto-debit",)),),
    )
    props = discovery.from_bills(matches, p)
    assert [(x.service_id, x.kinds, x.issuer) for x in props][:2] == [
        ("meituan", ("password-free",), "alipay"),
        ("iqiyi", ("subscription",), "alipay"),
    ]
    assert props[2].custom.name == "某某科技有限公司"
    assert discovery.apply(p, props, "bill", "abc", AT) > 0
    assert p.item("meituan").answers == {"password-free": True}
    assert p.item("iqiyi").answers == {"auto-debit": False}  # the user's answer stands
    custom = next(i for i in p.items if i.custom is not None)
    assert custom.answers == {"auto-debit": True} and custom.origin == "import-bill"
    ev = p.item("meituan").evidence[0]
    assert (ev.source, ev.kinds, ev.issuer, ev.count) == ("bill", ["password-free"], "alipay", 3)
    assert discovery.found_in_bill(p.item("meituan")) == ("password-free",)
    assert discovery.found_in_bill(p.item("iqiyi")) == ()
    assert discovery.apply(p, props, "bill", "abc", AT) == 0  # the same file again
