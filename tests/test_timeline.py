from datetime import date

from numretire import timeline
from numretire.timeline import ItemState, Rule, arrears_freeze_start, due, milestones, phase

CN = Rule(90, 90, 60)
US = Rule(45, 90, None)


def keyed(stones):
    return {m.key: m.on for m in stones}


def test_cancellation_in_mainland_china():
    stones = keyed(milestones(None, date(2026, 12, 31), None, CN))
    assert stones == {
        "last_safe_day": date(2026, 12, 30),
        "cancel": date(2026, 12, 31),
        "freeze_end": date(2027, 3, 31),
        "watch_end": date(2027, 6, 29),
    }


def test_us_numbers_age_45_days_at_least_and_the_watch_starts_after_90():
    stones = keyed(milestones(None, date(2026, 3, 1), None, US))
    assert stones["freeze_end"] == date(2026, 4, 15)
    assert stones["watch_end"] == date(2026, 8, 28)


def test_planned_then_recorded():
    planned = milestones(date(2027, 1, 10), None, None, CN)
    assert all(m.planned for m in planned)
    recorded = milestones(date(2027, 1, 10), date(2027, 1, 5), None, CN)
    assert not any(m.planned for m in recorded)
    assert keyed(recorded)["cancel"] == date(2027, 1, 5)


def test_no_date_no_milestones_and_no_rule_no_freeze():
    assert milestones(None, None, None, CN) == []
    assert set(keyed(milestones(date(2027, 1, 1), None, None, None))) == {"last_safe_day", "cancel"}


def test_arrears_path_examples_worked_by_hand():
    assert arrears_freeze_start(date(2026, 1, 15), CN) == date(2026, 4, 1)  # 16 Mar -> 1 Apr
    assert arrears_freeze_start(date(2026, 10, 31), CN) == date(2027, 1, 1)  # 30 Dec -> 1 Jan
    assert arrears_freeze_start(date(2023, 12, 31), CN) == date(2024, 3, 1)  # 29 Feb (leap) -> 1 Mar
    assert arrears_freeze_start(date(2024, 12, 31), CN) == date(2025, 4, 1)  # 1 Mar -> 1 Apr
    stones = keyed(milestones(None, None, date(2026, 1, 15), CN))
    assert stones["arrears_start"] == date(2026, 1, 15)
    assert stones["arrears_freeze"] == date(2026, 4, 1)
    assert stones["freeze_end"] == date(2026, 6, 30)


def test_first_of_next_month():
    assert timeline.first_of_next_month(date(2026, 12, 31)) == date(2027, 1, 1)
    assert timeline.first_of_next_month(date(2024, 2, 29)) == date(2024, 3, 1)
    assert timeline.first_of_next_month(date(2026, 1, 31)) == date(2026, 2, 1)


def test_phases():
    stones = milestones(None, date(2026, 12, 31), None, CN)
    assert phase(date(2026, 12, 30), stones) == "before"
    assert phase(date(2026, 12, 31), stones) == "frozen"
    assert phase(date(2027, 3, 31), stones) == "released"
    assert phase(date(2027, 6, 30), stones) == "over"
    assert phase(date(2030, 1, 1), milestones(date(2026, 12, 31), None, None, CN)) == "before"  # only planned
    assert phase(date(2026, 1, 1), []) == "none"


OPEN = [ItemState("alipay", "open", True), ItemState("qq", "open", False), ItemState("jd", "moved", False)]


def kinds(reminders):
    return [r.kind for r in reminders]


def test_nothing_due_far_from_the_date():
    assert due(date(2026, 10, 1), milestones(date(2026, 12, 31), None, None, CN), OPEN) == []


def test_open_items_then_old_number_as_the_date_nears():
    stones = milestones(date(2026, 12, 31), None, None, CN)
    assert kinds(due(date(2026, 12, 1), stones, OPEN)) == ["open_items"]
    reminders = due(date(2026, 12, 20), stones, OPEN)
    assert kinds(reminders) == ["open_items", "old_number"]
    assert reminders[0].count == 2 and reminders[0].days == 11
    assert reminders[1].count == 1 and reminders[1].on == date(2026, 12, 30)
    assert kinds(due(date(2027, 1, 3), stones, OPEN)) == ["overdue", "old_number"]


def test_blocked_items_are_always_due():
    items = [ItemState("icbc", "blocked", False, "needs a visit")]
    assert kinds(due(date(2026, 1, 1), [], items)) == ["blocked"]


def test_during_the_freeze():
    stones = milestones(None, date(2026, 12, 31), None, CN)
    still = due(date(2027, 1, 10), stones, OPEN)
    assert kinds(still) == ["still_tied"] and still[0].days == 80
    done = [ItemState("alipay", "moved", True)]
    assert due(date(2027, 1, 10), stones, done) == []
    assert kinds(due(date(2027, 3, 25), stones, done)) == ["release_soon"]


def test_watch_checks_after_release():
    stones = milestones(None, date(2026, 12, 31), None, CN)
    done = [ItemState("alipay", "moved", True)]
    assert kinds(due(date(2027, 3, 31), stones, done)) == ["watch"]
    assert kinds(due(date(2027, 4, 2), stones, done)) == ["watch"]
    assert due(date(2027, 4, 3), stones, done) == []
    assert kinds(due(date(2027, 4, 30), stones, done)) == ["watch"]
    assert due(date(2027, 7, 30), stones, done) == []


def test_rule_of_a_catalog_table():
    assert timeline.rule_of({"freeze_days": 45, "freeze_days_max": 90}) == Rule(45, 90, None)
    assert timeline.rule_of({"freeze_days": 90, "arrears_days": 60}) == Rule(90, 90, 60)
    assert timeline.rule_of(None) is None


def test_each_catalog_carrier_gives_its_milestones(home):
    from numretire import catalog, retirement
    from numretire.model import Profile

    cat = catalog.load(home)
    expected = {
        "china-mobile": date(2027, 3, 31),
        "china-unicom": date(2027, 3, 31),
        "china-telecom": date(2027, 3, 31),
        "china-broadnet": date(2027, 3, 31),
        "us-carriers": date(2027, 2, 14),
    }
    for carrier_id, release in expected.items():
        carrier = cat.require(carrier_id)
        region = carrier.carrier.get("country") or carrier.regions[0]
        profile = Profile(
            number="+8613812345678",
            country_code=86,
            region=region,
            created=__import__("datetime").datetime(2026, 1, 1),
            carrier=carrier_id,
            cancelled_on=date(2026, 12, 31),
        )
        stones = keyed(retirement.milestones(profile, cat))
        assert stones["freeze_end"] == release, carrier_id


def test_an_unknown_carrier_falls_back_to_the_region_rule(home):
    from datetime import datetime

    from numretire import catalog, retirement
    from numretire.model import Profile

    cat = catalog.load(home)
    profile = Profile(
        number="+8613812345678",
        country_code=86,
        region="CN",
        created=datetime(2026, 1, 1),
        carrier="Some MVNO",
        cancelled_on=date(2026, 12, 31),
    )
    assert keyed(retirement.milestones(profile, cat))["freeze_end"] == date(2027, 3, 31)
    profile.region = "ZZ"
    assert "freeze_end" not in keyed(retirement.milestones(profile, cat))
