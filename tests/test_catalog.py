import textwrap
from collections import Counter

import pytest

from numretire import catalog, catalog_check, paths
from numretire.errors import DataError, InputError

GOOD = textwrap.dedent(
    """\
    schema = 1

    [[service]]
    id = "my-bank"
    name = { zh = "我的银行", en = "My Bank" }
    category = "bank"
    regions = ["CN"]
    popularity = 2
    flags = ["sms-login", "balance"]
    verified = false
    source = ["https://example.org/help"]
    checked = 2026-11-24

    [service.change]
    zh = ["在 App 的安全设置中更换手机号"]
    en = ["Change the number in the app's security settings"]

    [service.aliases]
    senders = ["95999"]
    domains = ["mybank.example"]
    """
)


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ the shipped catalog


def test_the_shipped_catalog_passes_lint():
    entries, problems = catalog_check.lint([paths.shipped_checklists_dir()])
    assert [catalog_check.describe_problem(p, "en") + f" @ {p.file}:{p.line}" for p in problems] == []
    assert len(entries) > 200


def test_the_shipped_catalog_covers_what_it_promises(home):
    cat = catalog.load(home)
    accounts = [s for s in cat if s.kind == "account"]
    cn = [s for s in accounts if "CN" in s.regions]
    elsewhere = [s for s in accounts if "CN" not in s.regions]
    assert len(cn) >= 150
    assert len(elsewhere) >= 80
    per_category = Counter(s.category for s in cat)
    for category in (c for c in catalog.CATEGORIES if c != "other"):
        assert per_category[category] >= 5, category
    for carrier_id in ("china-mobile", "china-unicom", "china-telecom", "china-broadnet"):
        carrier = cat.require(carrier_id)
        assert carrier.kind == "carrier"
        assert carrier.carrier["freeze_days"] == 90
    for aid in (
        "miit-yzt-accounts",
        "unionpay-card-lookup",
        "wechat-authorized-apps",
        "alipay-authorizations",
    ):
        assert cat.require(aid).category == "discovery"


def test_every_entry_has_source_checked_and_both_languages(home):
    for s in catalog.load(home):
        assert s.source and s.checked
        assert s.name["zh"] and s.name["en"]
        assert s.change["zh"] and s.change["en"]


def test_wechat_codes_are_signed_by_the_parent_company(home):
    cat = catalog.load(home)
    assert "腾讯科技" in cat.require("wechat").alias("shared_signatures")
    assert "腾讯科技" in cat.require("qq").alias("shared_signatures")


def test_carriers_are_found_by_the_names_phonenumbers_gives(home):
    cat = catalog.load(home)
    assert cat.carrier_for("China Mobile", "CN").id == "china-mobile"
    assert cat.carrier_for("中国联通").id == "china-unicom"
    assert cat.carrier_for("china-telecom").id == "china-telecom"
    assert cat.carrier_for("Nope") is None


# ------------------------------------------------------------------ search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("alipay", "alipay"),
        ("支付宝", "alipay"),
        ("alipya", "alipay"),
        ("95588", "icbc"),
        ("jd.com", "jd"),
        ("WeChat", "wechat"),
        ("微信", "wechat"),
    ],
)
def test_search_finds_by_name_alias_sender_domain_and_typo(home, query, expected):
    results = catalog.load(home).search(query)
    assert results and results[0][0].id == expected, [(s.id, score) for s, score in results[:3]]


def test_search_with_nothing_finds_nothing(home):
    assert catalog.load(home).search("   ") == []
    assert catalog.load(home).search("zzzzqqqxxx") == []


# ------------------------------------------------------------------ the user's own entries


def test_user_files_add_and_override(home):
    folder = paths.user_checklists_dir(home)
    write(folder, "mine.toml", GOOD)
    override = GOOD.replace('id = "my-bank"', 'id = "alipay"').replace("我的银行", "支付宝（我的版本）")
    override = override.replace('senders = ["95999"]', "senders = []").replace(
        '"mybank.example"', '"x.example"'
    )
    write(folder, "override.toml", override)
    cat = catalog.load(home)
    assert cat.require("my-bank").origin == "user"
    assert cat.require("alipay").name["zh"] == "支付宝（我的版本）"
    assert cat.search("95999")[0][0].id == "my-bank"


def test_a_broken_user_file_is_refused_with_its_place(home):
    path = write(
        paths.user_checklists_dir(home), "mine.toml", GOOD.replace('category = "bank"', 'category = "banks"')
    )
    with pytest.raises(DataError) as caught:
        catalog.load(home)
    assert caught.value.params["path"] == str(path)
    assert caught.value.params["line"] == 6


def test_the_cache_follows_changes(home):
    folder = paths.user_checklists_dir(home)
    path = write(folder, "mine.toml", GOOD)
    assert catalog.load(home).require("my-bank").popularity == 2
    assert (home / "cache" / catalog.CACHE_NAME).exists()
    path.write_text(GOOD.replace("popularity = 2", "popularity = 4 "), encoding="utf-8")
    assert catalog.load(home).require("my-bank").popularity == 4


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"{ not marshal", b"\xe9\x01\x00\x00\x00"])
def test_a_damaged_cache_is_rebuilt(home, damage):
    catalog.load(home)
    cache = home / "cache" / catalog.CACHE_NAME
    cache.write_bytes(damage)
    assert catalog.load(home).get("alipay") is not None
    assert cache.read_bytes() != damage


def test_require_unknown_is_a_user_error(home):
    with pytest.raises(InputError):
        catalog.load(home).require("no-such-service")


# ------------------------------------------------------------------ lint


@pytest.mark.parametrize(
    ("old", "new", "key", "line"),
    [
        ("popularity = 2", 'popularity = 2\nflavour = "sweet"', "lint.unknown_key", 9),
        ('name = { zh = "我的银行", en = "My Bank" }', 'name = { zh = "我的银行" }', "lint.missing_lang", 5),
        ('flags = ["sms-login", "balance"]', 'flags = ["sms-login", "telepathy"]', "lint.unknown_flag", 9),
        ('category = "bank"', 'category = "banks"', "lint.unknown_category", 6),
        ('source = ["https://example.org/help"]\n', "", "lint.missing", 3),
        ("checked = 2026-11-24", 'checked = "last week"', "lint.bad_checked", 12),
        (
            'source = ["https://example.org/help"]',
            'source = ["https://example.org/help"]\nurl = "http://x.example"',
            "lint.not_https",
            12,
        ),
        ('id = "my-bank"', 'id = "My Bank"', "lint.bad_id", 4),
        ('en = ["Change the number in the app\'s security settings"]\n', "", "lint.missing_lang", 14),
        (
            'domains = ["mybank.example"]',
            'domains = ["mybank.example"]\nwebsites = ["x"]',
            "lint.unknown_key",
            21,
        ),
    ],
)
def test_lint_names_file_line_and_problem(tmp_path, old, new, key, line):
    assert old in GOOD
    path = write(tmp_path, "bad.toml", GOOD.replace(old, new))
    _, problems = catalog_check.lint([path])
    assert [(p.key, p.file, p.line) for p in problems] == [(key, str(path), line)]


def test_lint_finds_duplicate_ids_and_claimed_aliases(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(tmp_path, "b.toml", GOOD.replace('domains = ["mybank.example"]', 'domains = ["other.example"]'))
    write(tmp_path, "c.toml", GOOD.replace('id = "my-bank"', 'id = "copycat"').replace('"95999"', '"95000"'))
    _, problems = catalog_check.lint([tmp_path])
    found = sorted((p.key, p.params.get("value")) for p in problems)
    assert found == [("lint.alias_claimed", "mybank.example"), ("lint.duplicate_id", "my-bank")]


def test_shared_signatures_may_repeat(tmp_path):
    shared = GOOD.replace('senders = ["95999"]', 'shared_signatures = ["腾讯科技"]')
    write(tmp_path, "a.toml", shared)
    write(
        tmp_path,
        "b.toml",
        shared.replace('id = "my-bank"', 'id = "other"').replace("mybank.example", "o.example"),
    )
    _, problems = catalog_check.lint([tmp_path])
    assert problems == []


def test_lint_reports_toml_syntax_with_line(tmp_path):
    path = write(tmp_path, "bad.toml", GOOD.replace("popularity = 2", "popularity = = 2"))
    _, problems = catalog_check.lint([path])
    assert [(p.key, p.line) for p in problems] == [("lint.not_toml", 8)]


def test_carrier_entries_need_their_rules(tmp_path):
    text = GOOD.replace('category = "bank"', 'category = "carrier"\nkind = "carrier"')
    _, problems = catalog_check.lint([write(tmp_path, "c.toml", text)])
    assert [p.params.get("key") for p in problems] == ["carrier"]
    text += '\n[service.carrier]\ncountry = "CN"\nfreeze_days = 90\n'
    _, problems = catalog_check.lint([write(tmp_path, "c.toml", text)])
    assert problems == []


def test_enough_services_say_what_to_do_when_a_new_number_is_occupied(home):
    cat = catalog.load(home)
    occupied = [s for s in cat if s.occupied]
    assert len(occupied) >= 30
    assert all(s.occupied["zh"] and s.occupied["en"] for s in occupied)
    assert {"payment", "messaging", "social", "ecommerce", "food", "travel"} <= {s.category for s in occupied}
    adopt_tasks = [s for s in cat if s.kind == "task" and "adopt" in s.applies_to]
    assert {"adopt-carrier-check", "adopt-previous-holder-messages", "miit-yzt-accounts"} <= {
        s.id for s in adopt_tasks
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [("zhifubao", "alipay"), ("zfb", "alipay"), ("gongshangyinhang", "icbc"), ("meituan", "meituan")],
)
def test_search_by_pinyin(home, query, expected):
    results = catalog.load(home).search(query)
    assert results and results[0][0].id == expected, [(s.id, score) for s, score in results[:3]]
