import pytest
from factories import AT, catalog, profile, service

from numretire import plan
from numretire.model import Custom, Item

CAT = catalog(
    service("meituan", "food", ["sms-login", "stored-card", "password-free"], popularity=5),
    service("wechat", "messaging", ["sms-login", "needs-old-number"], popularity=5),
    service("gmail", "email", ["sms-reset"], popularity=4),
    service("weibo", "social", ["sms-login"], popularity=4),
    service("jd", "ecommerce", ["auto-debit", "needs-old-number"], popularity=5),
    service("bank", "bank", ["sms-payment", "balance", "needs-counter"]),
    service("iqiyi", "media", ["auto-debit"]),
    service("lookup", "discovery", [], kind="task"),
    service("arrears", "carrier", [], kind="task"),
    service("cmcc", "carrier", [], kind="carrier"),
)


def ids(views):
    return [v.id for v in views]


def test_walk_order_old_number_first_then_risk_then_hubs():
    p = profile("iqiyi", "weibo", "bank", "meituan", "gmail", "wechat")
    order = plan.walk_order(plan.views(p, CAT, "en"))
    assert ids(order) == ["wechat", "meituan", "gmail", "bank", "weibo", "iqiyi"]


def test_skipped_items_come_after_open_ones_and_resolved_are_left_out():
    p = profile("meituan", "weibo", "iqiyi", statuses={"meituan": "skipped", "iqiyi": "moved"})
    assert ids(plan.walk_order(plan.views(p, CAT, "en"))) == ["weibo", "meituan"]


def test_answers_change_the_order():
    p = profile("meituan", "gmail")
    p.item("meituan").answers = {"stored-card": False, "password-free": False}
    assert ids(plan.walk_order(plan.views(p, CAT, "en"))) == ["gmail", "meituan"]


def test_gate_blocks_on_critical_high_carrier_discovery():
    p = profile("meituan", "weibo", "lookup", "arrears")
    verdict = plan.gate(plan.views(p, CAT, "en"))
    assert not verdict.safe
    assert [(b.kind, b.item_id) for b in verdict.blockers] == [
        ("risk", "meituan"),
        ("carrier", "arrears"),
        ("discovery", "lookup"),
    ]
    assert ids(verdict.warnings) == ["weibo"]


def test_gate_is_safe_when_everything_is_handled():
    p = profile(
        "meituan",
        "weibo",
        "lookup",
        "arrears",
        statuses={"meituan": "moved", "lookup": "skipped", "arrears": "done"},
    )
    verdict = plan.gate(plan.views(p, CAT, "en"))
    assert verdict.safe, verdict.blockers
    assert ids(verdict.warnings) == ["weibo"]


def test_skipping_an_account_does_not_make_it_safe():
    p = profile("meituan", statuses={"meituan": "skipped"})
    assert [b.item_id for b in plan.gate(plan.views(p, CAT, "en")).blockers] == ["meituan"]


def test_blocked_items_still_block():
    p = profile("bank", statuses={"bank": "blocked"})
    assert [b.item_id for b in plan.gate(plan.views(p, CAT, "en")).blockers] == ["bank"]


@pytest.mark.parametrize("status", ["open", "blocked", "skipped"])
def test_an_item_that_needs_the_old_number_blocks_whatever_its_risk(status):
    p = profile("jd", "weibo", statuses={"jd": status})
    verdict = plan.gate(plan.views(p, CAT, "en"))
    assert plan.views(p, CAT, "en")[0].risk.level not in plan.BLOCKING_LEVELS
    assert [(b.kind, b.item_id) for b in verdict.blockers] == [("old_number", "jd")]
    assert "old number" in plan.blocker_text(verdict.blockers[0], "en")
    resolved = profile("jd", "weibo", statuses={"jd": "moved"})
    assert plan.gate(plan.views(resolved, CAT, "en")).safe


def test_a_skipped_lookup_is_named_as_skipped_when_it_is_safe():
    from numretire.report import verdict_sentence

    p = profile("weibo", "lookup", statuses={"lookup": "skipped", "weibo": "moved"})
    verdict = plan.gate(plan.views(p, CAT, "en"))
    assert verdict.safe and ids(verdict.skipped) == ["lookup"]
    assert "skip" in verdict_sentence("retire", verdict, "en")
    assert "跳过" in verdict_sentence("retire", verdict, "zh")
    done = profile("weibo", "lookup", statuses={"lookup": "done", "weibo": "moved"})
    assert "跳过" not in verdict_sentence("retire", plan.gate(plan.views(done, CAT, "zh")), "zh")


def test_an_empty_inventory_is_not_safe():
    verdict = plan.gate(plan.views(profile("arrears", statuses={"arrears": "done"}), CAT, "en"))
    assert [b.kind for b in verdict.blockers] == ["empty"]


def test_custom_and_unknown_items_are_kept():
    p = profile("gone-from-catalog")
    p.items.append(Item(id="custom-x", custom=Custom("My bank", "bank", ["sms-login", "balance"])))
    views = {v.id: v for v in plan.views(p, CAT, "en")}
    assert views["custom-x"].risk.level == "critical"
    assert views["custom-x"].name == "My bank"
    assert views["gone-from-catalog"].category == "other"


def test_progress_by_category():
    p = profile("meituan", "weibo", "iqiyi", statuses={"weibo": "removed", "iqiyi": "not-mine"})
    overall, rows = plan.progress(plan.views(p, CAT, "en"))
    assert (overall.done, overall.total) == (2, 3)
    assert [(r.category, r.done, r.total) for r in rows] == [
        ("food", 0, 1),
        ("social", 1, 1),
        ("media", 1, 1),
    ]


def test_initial_items_are_tasks_of_the_region_not_the_carrier_itself():
    items = plan.initial_items(CAT, "CN", AT)
    assert sorted(i.id for i in items) == ["arrears", "lookup"]
    assert all(i.origin == "init" and i.history for i in items)


def test_set_status_keeps_history():
    item = Item(id="a")
    assert plan.set_status(item, "blocked", AT, "bank wants a visit")
    assert not plan.set_status(item, "blocked", AT)
    assert [(e.status, e.note) for e in item.history] == [("blocked", "bank wants a visit")]
    assert item.note == "bank wants a visit"
