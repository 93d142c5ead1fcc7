import pytest

from numretire.risk import assess, effective_flags, level_of, reason, worst


@pytest.mark.parametrize(
    ("flags", "category", "level"),
    [
        (["sms-login", "stored-card", "password-free"], "food", "critical"),  # the court case
        (["sms-reset", "balance"], "payment", "critical"),
        (["sms-login", "credit"], "credit", "critical"),
        (["stored-card", "balance"], "payment", "high"),
        (["sms-payment"], "bank", "high"),
        (["sms-login"], "messaging", "high"),
        (["sms-reset"], "email", "high"),
        (["sms-login", "real-name"], "government", "high"),
        (["sms-login"], "food", "medium"),
        (["sms-2fa"], "social", "medium"),
        (["auto-debit"], "media", "medium"),
        (["real-name"], "government", "medium"),
        (["sms-alerts"], "other", "low"),
        ([], "other", "low"),
    ],
)
def test_levels(flags, category, level):
    assert level_of(flags, category) == level


def test_answers_add_and_take_away_flags():
    assert effective_flags(("sms-login", "stored-card"), {"stored-card": False}) == ("sms-login",)
    assert effective_flags(("sms-login",), {"password-free": True}) == ("sms-login", "password-free")
    assert effective_flags(("sms-login",), {"password-free": False}) == ("sms-login",)


def test_no_card_lowers_the_court_case_pattern():
    flags = ("sms-login", "stored-card")
    assert assess(flags, {}, "food", "en").level == "critical"
    assert assess(flags, {"stored-card": False}, "food", "en").level == "medium"


def test_reason_names_the_concrete_danger_in_both_languages():
    en = reason(("sms-login", "stored-card"), "food", "en")
    expected = "The next holder of this number can log in to your account with an SMS code"
    assert en == expected + " and pay with your stored bank card."
    zh = reason(("sms-login", "stored-card"), "food", "zh")
    assert "下一任机主" in zh and "短信验证码登录" in zh and "银行卡" in zh


def test_hub_accounts_say_they_unlock_the_others():
    assert "recover your other accounts" in reason(("sms-reset",), "email", "en")


def test_reason_without_flags():
    assert "No known risk" in reason((), "other", "en")


def test_worst():
    assert worst(["low", "critical", "medium"]) == "critical"
    assert worst([]) is None
