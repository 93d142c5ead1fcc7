from factories import catalog, profile, service

from numretire import triage

CAT = catalog(
    service("meituan", "food", ["sms-login", "stored-card", "password-free"], popularity=5),
    service("eleme", "food", ["sms-login"], popularity=4),
    service("alipay", "payment", ["sms-login", "stored-card", "balance", "credit"], popularity=5),
    service("paypal", "payment", ["stored-card"], popularity=4, regions=("GLOBAL",)),
    service("venmo", "payment", ["stored-card"], popularity=5, regions=("US",)),
    service("lookup", "discovery", [], kind="task"),
)


def test_questions_grouped_by_category_region_first_most_common_first():
    groups = triage.questions(CAT, profile())
    assert [(cat, [s.id for s in services]) for cat, services in groups] == [
        ("payment", ["alipay", "paypal"]),
        ("food", ["meituan", "eleme"]),
    ]


def test_answered_services_are_not_asked_again():
    p = profile("alipay")
    triage.dismiss(p, "meituan")
    groups = dict(triage.questions(CAT, p))
    assert [s.id for s in groups["payment"]] == ["paypal"]
    assert [s.id for s in groups["food"]] == ["eleme"]


def test_follow_up_only_while_the_answer_can_change_the_level():
    meituan = CAT.get("meituan")
    assert triage.next_follow_up(meituan, {}) == "stored-card"
    assert triage.next_follow_up(meituan, {"stored-card": True}) is None
    assert triage.next_follow_up(meituan, {"stored-card": False}) == "password-free"
    assert triage.next_follow_up(meituan, {"stored-card": False, "password-free": False}) is None
    assert triage.next_follow_up(CAT.get("eleme"), {}) is None
