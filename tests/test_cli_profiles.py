import stat

import pytest

from numretire.store import Store


def test_init_then_status_in_english(retiring, home):
    out = retiring("status", "--lang", "en").stdout
    assert "+86 138****5678" in out
    assert "13812345678" not in out
    assert "China Mobile" in out and "from the number's prefix" in out
    assert "+86 139****4321" in out
    assert "2026-12-31, 37 days left" in out
    assert stat.S_IMODE((home / "profiles" / "8613812345678.toml").stat().st_mode) == 0o600


def test_init_then_status_in_chinese(retiring):
    out = retiring("status", "--lang", "zh").stdout
    assert "中国移动" in out and "根据号段" in out
    assert "还有 37 天" in out


def test_language_from_environment(retiring, monkeypatch):
    monkeypatch.setenv("NUMRETIRE_LANG", "zh")
    assert "运营商" in retiring("status").stdout
    assert "Carrier" in retiring("status", "--lang", "en").stdout
    assert "Carrier" in retiring("--lang", "en", "status").stdout


@pytest.mark.parametrize("text", ["13812345678", "138 1234 5678", "+86 138-1234-5678", "008613812345678"])
def test_the_same_number_in_any_format_is_refused_twice(retiring, text):
    result = retiring("init", text, code=1)
    assert "already" in result.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [("123", "too short"), ("01012345678", "not a mobile number"), ("abc", "not a phone number")],
)
def test_invalid_numbers_get_one_line(run, text, words):
    result = run("init", text, "--lang", "en", code=1)
    assert words in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_invalid_number_in_chinese(run):
    assert "太短" in run("init", "123", "--lang", "zh", code=1).stderr


def test_several_profiles_use_and_profile_option(retiring):
    retiring("init", "+8613012345678", "--label", "work")
    data = retiring.json("profiles")
    assert [(p["number"], p["label"], p["default"]) for p in data["profiles"]] == [
        ("+8613012345678", "work", True),
        ("+8613812345678", "main", False),
    ]
    assert data["version"] == 1
    assert retiring.json("status", "--profile", "main")["profile"]["carrier"] == "china-mobile"
    retiring("use", "main")
    assert retiring.json("status")["profile"]["number"] == "+8613812345678"
    retiring("use", "138 1234 5678")
    assert retiring.json("status")["profile"]["number"] == "+8613812345678"
    assert "no number or label" in retiring("status", "--profile", "nobody", "--lang", "en", code=1).stderr


def test_profiles_in_a_table_masks_numbers(retiring):
    out = retiring("profiles", "--lang", "en").stdout
    assert "+86 138****5678" in out and "main" in out


def test_labels_are_unique(retiring):
    assert "label" in retiring("init", "13012345678", "--label", "MAIN", "--lang", "en", code=1).stderr


def test_edit_corrects_the_carrier_after_portability(retiring):
    out = retiring("edit", "--carrier", "中国电信", "--lang", "en").stdout
    assert "as you said" in out
    data = retiring.json("status")["profile"]
    assert (data["carrier"], data["carrier_source"]) == ("china-telecom", "user")
    retiring("edit", "--cancel-on", "2027-01-15", "--new", "+86 139 1111 2222", "--label", "old")
    data = retiring.json("status")
    assert data["profile"]["cancel_on"] == "2027-01-15"
    assert data["profile"]["new_number"] == "+8613911112222"
    assert data["days_left"] == 52


def test_edit_refuses_a_bad_date_and_the_old_number_as_new(retiring):
    assert "YYYY-MM-DD" in retiring("edit", "--cancel-on", "31/12/2026", "--lang", "en", code=1).stderr
    assert "new number" in retiring("edit", "--new", "13812345678", "--lang", "en", code=1).stderr


def test_init_with_user_carrier_and_region(run):
    run("init", "6502530000", "--region", "US", "--carrier", "Some Carrier")
    data = run.json("status")["profile"]
    assert data["number"] == "+16502530000"
    assert (data["carrier"], data["carrier_source"]) == ("Some Carrier", "user")


def test_status_without_profile(run):
    assert "numretire init" in run("status", "--lang", "en", code=1).stderr
    assert "numretire init" in run("profiles", "--lang", "en").stdout


def test_version(run):
    from numretire import __version__

    assert run("--version").stdout.strip() == f"numretire {__version__}"


def test_bad_lang(run):
    assert "zh or en" in run("status", "--lang", "fr", code=1).stderr


def test_bad_today(run, monkeypatch):
    monkeypatch.setenv("NUMRETIRE_TODAY", "someday")
    assert "NUMRETIRE_TODAY" in run("init", "13812345678", "--lang", "en", code=1).stderr


def test_init_adds_the_carrier_tasks_and_lookups(retiring):
    items = {i["id"]: i for i in retiring.json("list")["items"]}
    assert {"carrier-arrears", "carrier-vas", "carrier-billing"} <= set(items)
    assert {"miit-yzt-accounts", "unionpay-card-lookup"} <= set(items)
    assert "china-mobile" not in items


@pytest.mark.parametrize("second", [("init", "13012345678"), ("adopt", "13012345678")])
def test_a_new_profile_becomes_the_default_and_says_so(run, home, second):
    assert "default" not in run("init", "13812345678", "--lang", "en").stdout
    out = run(*second, "--lang", "en").stdout
    assert Store(home).read_config().default_profile == "+8613012345678"
    assert "+86 130****5678 is now the default number (it was +86 138****5678)" in out
    assert run.json("status")["profile"]["number"] == "+8613012345678"


def test_config_sets_language_and_region(run, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    run("config", "set", "region", "cn")
    run("config", "set", "lang", "zh")
    assert "已清除" not in run("config", "show").stdout
    data = run.json("config", "show")
    assert data["config"]["lang"] == "zh" and data["config"]["region"] == "CN"
    run("init", "13812345678")  # read in CN although the locale says US
    assert "运营商" in run("status").stdout
    assert "Carrier" in run("status", "--lang", "en").stdout
    run("config", "unset", "lang")
    assert "Carrier" in run("status").stdout
    assert "unknown setting" in run("config", "set", "colour", "red", code=1).stderr
    assert "region code" in run("config", "set", "region", "China", code=1).stderr
    assert "zh or en" in run("config", "set", "lang", "fr", code=1).stderr


def test_a_far_future_date_is_refused_where_it_enters(retiring, monkeypatch):
    err = retiring("edit", "--cancel-on", "9999-12-31", "--lang", "en", code=1).stderr
    assert "--cancel-on 9999-12-31 is out of range" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    retiring("status")  # nothing was saved: status still works
    monkeypatch.setenv("NUMRETIRE_TODAY", "9999-12-31")
    err = retiring("status", "--lang", "en", code=1).stderr
    assert "NUMRETIRE_TODAY 9999-12-31 is out of range" in err and "Traceback" not in err


# --- dates as people type them (issue 14) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--cancel-on 2027-02-30 does not exist: 2027-02 has 28 days"),
        ("zh", "--cancel-on 的值 2027-02-30 不存在：2027 年 2 月只有 28 天"),
    ],
)
def test_a_day_the_calendar_lacks_is_named_as_such(retiring, lang, said):
    err = retiring("edit", "--cancel-on", "2027-02-30", "--lang", lang, code=1).stderr
    assert said in err and "YYYY-MM-DD" not in err
    assert "13" in retiring("edit", "--cancel-on", "2027-13-01", "--lang", lang, code=1).stderr
    assert retiring.json("status")["profile"]["cancel_on"] == "2026-12-31"  # nothing saved


@pytest.mark.parametrize("typed", ["2027-1-5", "2027/1/5", " 2027-01-05 ", "2027年1月5日"])
def test_a_day_typed_without_leading_zeros_is_accepted(run, typed):
    run("init", "13812345678", "--cancel-on", typed)
    assert run.json("status")["profile"]["cancel_on"] == "2027-01-05"
    run("edit", "--cancel-on", "2027-2-1")
    assert run.json("status")["profile"]["cancel_on"] == "2027-02-01"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--cancel-on 2020-01-01 is in the past"),
        ("zh", "--cancel-on 2020-01-01 已经过去"),
    ],
)
def test_a_planned_cancellation_in_the_past_is_refused(run, lang, said):
    err = run("init", "13812345678", "--cancel-on", "2020-01-01", "--lang", lang, code=1).stderr
    assert said in err and "numretire cancel --on 2020-01-01" in err
    assert run.json("profiles")["profiles"] == []
    run("init", "13812345678", "--cancel-on", "2026-11-24")  # today is fine
    err = run("edit", "--cancel-on", "2026-11-23", "--lang", lang, code=1).stderr
    assert "2026-11-23" in err
    assert run.json("status")["profile"]["cancel_on"] == "2026-11-24"


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "--acquired 2027-01-05 is still to come"), ("zh", "还没到")]
)
def test_a_number_cannot_be_acquired_in_the_future(run, lang, said):
    assert said in run("adopt", "13912345678", "--acquired", "2027-1-5", "--lang", lang, code=1).stderr
    run("adopt", "13912345678", "--acquired", "2026-11-1")
    assert run.json("status")["profile"]["acquired_on"] == "2026-11-01"
