import pytest
from factories import AT, profile

from numretire import inventory
from numretire.errors import InputError


def test_add_is_idempotent_and_undoes_a_dismissal():
    p = profile()
    p.dismissed.append("alipay")
    assert inventory.add_services(p, ["alipay", "alipay"], AT, "manual") == (["alipay"], ["alipay"])
    assert p.dismissed == []
    assert p.item("alipay").history[0].status == "open"


def test_custom_items_get_readable_unique_ids():
    p = profile()
    first = inventory.add_custom(p, "My Local Bank", "bank", ["sms-login"], AT)
    second = inventory.add_custom(p, "我的银行", "bank", [], AT)
    assert first.id == "custom-my-local-bank"
    assert second.id == "custom-1"
    with pytest.raises(InputError):
        inventory.add_custom(p, "my local bank", "bank", [], AT)
    with pytest.raises(InputError):
        inventory.add_custom(p, "x", "nonsense", [], AT)
    with pytest.raises(InputError):
        inventory.add_custom(p, "y", "bank", ["made-up-flag"], AT)


def test_mark_validates_and_blocked_needs_a_reason():
    p = profile("alipay")
    with pytest.raises(InputError):
        inventory.mark(p, "alipay", "finished", AT)
    with pytest.raises(InputError):
        inventory.mark(p, "alipay", "blocked", AT)
    assert inventory.mark(p, "alipay", "blocked", AT, "needs the bank")
    with pytest.raises(InputError):
        inventory.mark(p, "nope", "done", AT)


def test_answers_and_yes_no():
    p = profile("meituan")
    inventory.answer(p, "meituan", "stored-card", inventory.parse_yes_no("是"))
    inventory.answer(p, "meituan", "password-free", inventory.parse_yes_no("no"))
    assert p.item("meituan").answers == {"stored-card": True, "password-free": False}
    with pytest.raises(InputError):
        inventory.parse_yes_no("maybe")
    with pytest.raises(InputError):
        inventory.answer(p, "meituan", "wings", True)


def test_remove():
    p = profile("a", "b")
    inventory.remove(p, "a")
    assert [i.id for i in p.items] == ["b"]
    with pytest.raises(InputError):
        inventory.remove(p, "a")


def test_outcomes_fit_the_kind_of_profile():
    p = profile("alipay")
    with pytest.raises(InputError):
        inventory.mark(p, "alipay", "clear", AT)
    p.kind = "adopt"
    assert inventory.mark(p, "alipay", "clear", AT)
    with pytest.raises(InputError):
        inventory.mark(p, "alipay", "moved", AT)
