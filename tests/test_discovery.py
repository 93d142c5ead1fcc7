from datetime import UTC, date, datetime
from types import SimpleNamespace

from factories import AT, profile

from numretire import discovery


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
