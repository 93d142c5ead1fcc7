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


def test_search_scores_every_term_as_difflib_would(home):
    """The cheap filters before difflib (lengths, shared characters) drop only terms difflib drops."""
    import difflib
    import random

    def reference(services, query):
        found = []
        for service in services:
            best = 0
            for term in catalog._search_terms(service):
                if term == query:
                    score = 100
                elif term.startswith(query) or (len(query) >= 2 and query in term):
                    score = 90 - min(len(term) - len(query), 20)
                elif len(query) >= 3:
                    ratio = difflib.SequenceMatcher(None, query, term).ratio()
                    score = int(ratio * 80) if ratio >= 0.75 else 0
                else:
                    score = 0
                best = max(best, score)
            if best:
                found.append((service.id, best))
        return sorted(found)

    loaded = catalog.load(home)
    services = list(loaded)
    rng = random.Random(12)
    queries = ["wechta", "alipya", "zhifubao", "招商银行", "aaa"]
    for _ in range(15):
        name = rng.choice([n for s in services for n in s.name.values()]).casefold()
        cut = rng.randrange(len(name))
        queries.append(name[:cut] + name[cut + 1 :] if rng.random() < 0.5 else name[:cut] + "x" + name[cut:])
    for query in queries:
        got = sorted((s.id, score) for s, score in loaded.search(query, limit=10_000))
        assert got == reference(services, query.strip().casefold()), query


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


def test_a_flipped_byte_in_the_cache_is_caught_by_its_digest(home, tmp_path, monkeypatch):
    """marshal loads many damaged files as some other value; the digest catches every flipped byte."""
    shipped = tmp_path / "shipped"
    write(shipped, "small.toml", GOOD)
    write(
        shipped,
        "more.toml",
        GOOD.replace("my-bank", "her-bank").replace("95999", "95888").replace("mybank", "herbank"),
    )
    monkeypatch.setattr(paths, "shipped_checklists_dir", lambda: shipped)
    expected = list(catalog.load(home))
    cache = home / "cache" / catalog.CACHE_NAME
    good = cache.read_bytes()
    step = max(len(good) // 60, 1)
    for position in range(0, len(good), step):
        damaged = bytearray(good)
        damaged[position] ^= 0x01 if position % 2 else 0x80
        cache.write_bytes(bytes(damaged))
        assert list(catalog.load(home)) == expected, position
        assert cache.read_bytes() != bytes(damaged), position  # rebuilt


def test_the_cached_catalog_is_the_catalog_built_from_the_files(home):
    """Entries of the cache are decoded one by one, when asked for: the same services, in the same order,
    and a selection by kind (made without decoding the others) finds what a filter over all of them does."""
    write(paths.user_checklists_dir(home), "mine.toml", GOOD)
    built = catalog.load(home)  # from the files: no cache yet
    assert isinstance(built._items["my-bank"], dict)
    cached = catalog.load(home)
    assert all(isinstance(v, bytes) for v in cached._items.values())  # nothing decoded yet
    assert cached.require("my-bank") == built.require("my-bank")
    assert sum(not isinstance(v, bytes) for v in cached._items.values()) == 1  # only the one asked for
    for kind in ("carrier", "task", "account"):
        wanted = [s for s in built.select() if s.kind == kind]
        assert wanted and catalog.load(home).select(kind=kind) == wanted
    assert list(cached) == list(built)
    assert [s.origin for s in cached if s.id == "my-bank"] == ["user"]


def test_a_cache_of_another_layout_is_rebuilt(home):
    """A cache written by a numretire that laid it out another way (its key says which) is not used."""
    import marshal

    catalog.load(home)
    cache = home / "cache" / catalog.CACHE_NAME
    raw = cache.read_bytes()
    head = len(catalog.CACHE_MAGIC) + catalog.CACHE_DIGEST_SIZE
    doc = marshal.loads(raw[head:])
    doc["key"][0][2] = catalog.CACHE_LAYOUT - 1
    doc["entries"] = [marshal.loads(e) for e in doc["entries"]]  # not each one marshalled on its own
    payload = marshal.dumps(doc)
    cache.write_bytes(catalog.CACHE_MAGIC + catalog._cache_digest(payload) + payload)
    assert catalog.load(home).get("alipay") is not None
    assert cache.read_bytes() == raw  # rebuilt in the current layout


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


# ------------------------------------------------------------------ lint: completeness and honesty


def _lint_text(tmp_path, text):
    _, problems = catalog_check.lint([write(tmp_path, "e.toml", text)])
    return sorted((p.key, p.params.get("value")) for p in problems)


def test_an_account_entry_needs_a_domain_or_an_app_id(tmp_path):
    bare = GOOD.replace('domains = ["mybank.example"]\n', "")
    assert _lint_text(tmp_path, bare) == [("lint.no_domain", None)]
    with_app = bare.replace('senders = ["95999"]', 'senders = ["95999"]\npackages = ["com.mybank.app"]')
    assert _lint_text(tmp_path, with_app) == []
    task = bare.replace('category = "bank"', 'category = "carrier"\nkind = "task"')
    assert _lint_text(tmp_path, task) == []


def test_an_account_inside_another_needs_no_domain_of_its_own(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    inside = GOOD.replace('id = "my-bank"', 'id = "my-credit"\npart_of = "my-bank"')
    inside = inside.replace('senders = ["95999"]\ndomains = ["mybank.example"]\n', "")
    write(tmp_path, "b.toml", inside)
    assert catalog_check.lint([tmp_path])[1] == []
    write(tmp_path, "b.toml", inside.replace('part_of = "my-bank"', 'part_of = "nobody"'))
    assert [p.key for p in catalog_check.lint([tmp_path])[1]] == ["lint.unknown_part_of"]


def test_such_an_entry_still_loads_from_a_users_folder(home):
    write(paths.user_checklists_dir(home), "mine.toml", GOOD.replace('domains = ["mybank.example"]\n', ""))
    assert catalog.load(home).get("my-bank") is not None


@pytest.mark.parametrize(
    "words",
    [
        "（见种子文章 003）",
        "只见于内容农场，未能核实",
        "本次读到的是转载页",
        "(seed 003)",
        "a content farm says so",
        "as a reposted page says",
        "no Douban-specific source found in the searched corpora",
    ],
)
def test_user_facing_text_never_tells_how_a_fact_was_found(tmp_path, words):
    text = GOOD.replace("在 App 的安全设置中更换手机号", "在 App 的安全设置中更换手机号" + words)
    if words.isascii():
        text = GOOD.replace("security settings", "security settings " + words)
    assert [key for key, _ in _lint_text(tmp_path, text)] == ["lint.research_note"]
    sourced = GOOD.replace(
        'source = ["https://example.org/help"]', f'source = ["https://example.org/help {words}"]'
    )
    assert [key for key, _ in _lint_text(tmp_path, sourced)] == ["lint.research_note"]  # shown too


@pytest.mark.parametrize(
    "cited",
    [
        "GitHub code (index id 31334979548): SQL table of Chinese banks",
        "bank SMS parsers quoting real messages (index ids 68303540577, 49263438522)",
        "SMSCode class quoting real verification SMS (find_string id 35164973264)",
        "GitHub code (find_string czbank.com): several bank-list files",
        "GitHub source index (find_string 【京东】): quoted SMS; repository not recorded",
    ],
)
def test_a_source_never_names_a_search_index_id(tmp_path, cited):
    text = GOOD.replace(
        'source = ["https://example.org/help"]', f'source = ["https://example.org/help", "{cited}"]'
    )
    assert [key for key, _ in _lint_text(tmp_path, text)] == ["lint.internal_source"]
    repo = "repo:dackouer/dackou-webman:app/install/install.sql@62bafa20895b9fed821cf62960ddabefccd363c9"
    assert _lint_text(tmp_path, GOOD.replace('"https://example.org/help"', f'"{repo}"')) == []


def test_a_sub_domain_belongs_in_hosts(tmp_path):
    text = GOOD.replace('domains = ["mybank.example"]', 'domains = ["mail.qq.com"]')
    assert _lint_text(tmp_path, text) == [("lint.not_registrable", "mail.qq.com")]
    text = GOOD.replace('domains = ["mybank.example"]', 'hosts = ["mail.qq.com"]')
    assert _lint_text(tmp_path, text) == []


def test_a_host_or_a_shared_value_may_not_be_another_services_own(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    other = GOOD.replace('id = "my-bank"', 'id = "other"').replace(
        'senders = ["95999"]', 'senders = ["95000"]'
    )
    write(tmp_path, "b.toml", other.replace('domains = ["mybank.example"]', 'hosts = ["MyBank.example"]'))
    write(
        tmp_path,
        "c.toml",
        other.replace('id = "other"', 'id = "third"')
        .replace('senders = ["95000"]', 'shared_senders = ["95999"]')
        .replace("mybank.example", "third.example"),
    )
    _, problems = catalog_check.lint([tmp_path])
    found = sorted((p.key, p.params["value"], p.params["key"]) for p in problems)
    assert found == [
        ("lint.alias_claimed", "95999", "shared_senders"),
        ("lint.alias_claimed", "MyBank.example", "hosts"),
    ]


def test_shared_domains_and_senders_may_repeat(tmp_path):
    shared = GOOD.replace(
        'senders = ["95999"]', 'shared_senders = ["95999"]\nshared_domains = ["group.example"]'
    )
    write(tmp_path, "a.toml", shared)
    write(
        tmp_path,
        "b.toml",
        shared.replace('id = "my-bank"', 'id = "other"').replace("mybank.example", "o.example"),
    )
    assert catalog_check.lint([tmp_path])[1] == []


def test_sms_2fa_agrees_with_the_2fa_directory_snapshot(tmp_path):
    methods = catalog_check.twofa_methods()
    assert "sms" not in methods["paypal.com"] and "sms" in methods["whatsapp.com"]
    abroad = GOOD.replace('regions = ["CN"]', 'regions = ["US"]')
    paypal = abroad.replace("mybank.example", "paypal.com")
    assert _lint_text(tmp_path, paypal) == []
    assert _lint_text(tmp_path, paypal.replace('"sms-login",', '"sms-login", "sms-2fa",')) == [
        ("lint.twofa_no_sms", "paypal.com")
    ]
    whatsapp = abroad.replace("mybank.example", "whatsapp.com")
    assert _lint_text(tmp_path, whatsapp) == [("lint.twofa_sms_missing", "whatsapp.com")]
    assert _lint_text(tmp_path, whatsapp.replace('"sms-login",', '"sms-login", "sms-2fa",')) == []
    # the 2fa.directory file an entry cites comes before its own domains
    cited = paypal.replace(
        'source = ["https://example.org/help"]',
        'source = ["repo:2factorauth/twofactorauth:entries/w/whatsapp.com.json@f3ac2ab"]',
    )
    assert _lint_text(tmp_path, cited) == [("lint.twofa_sms_missing", "whatsapp.com")]
    # mainland entries are not in 2fa.directory's scope
    assert (
        _lint_text(
            tmp_path,
            paypal.replace('regions = ["US"]', 'regions = ["CN"]').replace(
                '"sms-login",', '"sms-login", "sms-2fa",'
            ),
        )
        == []
    )


def test_lint_counts_how_complete_the_catalog_is(tmp_path):
    write(tmp_path, "a.toml", GOOD)
    write(
        tmp_path,
        "b.toml",
        GOOD.replace('id = "my-bank"', 'id = "shop"')
        .replace('category = "bank"', 'category = "ecommerce"')
        .replace('senders = ["95999"]', 'packages = ["com.shop"]')
        .replace('domains = ["mybank.example"]\n', "")
        .replace('regions = ["CN"]', 'regions = ["GLOBAL"]'),
    )
    entries, _ = catalog_check.lint([tmp_path])
    counts = catalog_check.coverage(entries)
    assert counts == {
        "mainland": 1,
        "elsewhere": 1,
        "verified": 0,
        "accounts": 2,
        "accounts_without_domain": 1,
        "accounts_without_domain_or_app": 0,
        "with_package": 1,
        "with_hotline": 0,
        "with_help_url": 0,
        "banks": 1,
        "banks_with_sender": 1,
    }


def test_finding_lines_is_linear_in_the_file():
    from numretire.toml_lines import LineIndex

    text = "schema = 1\n" + "".join(f'[[service]]\nid = "s{n}"\nname = "x"\n\n' for n in range(3000))
    index = LineIndex(text)
    assert index.line_of("service[2999].name") == 2 + 2999 * 4 + 2
    assert index.line_of("service[0]") == 2
    calls = 0
    original = index._find_key

    def counting(start, name):
        nonlocal calls
        calls += 1
        return original(start, name)

    index._find_key = counting
    for n in range(3000):
        index.line_of(f"service[{n}].id")
    assert calls == 3000  # one short scan per entry, from its own header
    assert len(index._headers) == 1  # the headers were found once


def test_a_password_export_finds_services_by_their_hosts(tmp_path, home):
    """The logins that matched nothing before the catalog knew these domains and hosts."""
    from numretire.importers import iter_logins
    from numretire.importers.match import match_logins

    export = tmp_path / "Chrome Passwords.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "passport.meituan.com,https://passport.meituan.com/account/unitivelogin,13812345678,pw1,\n"
        "mail.qq.com,https://mail.qq.com/,12345@qq.com,pw2,\n"
        "mobile.yangkeduo.com,https://mobile.yangkeduo.com/login.html,13812345678,pw3,\n"
        "www.xiaohongshu.com,https://www.xiaohongshu.com/explore,13812345678,pw4,\n",
        encoding="utf-8",
    )
    logins = iter_logins(export)
    found = match_logins(logins, catalog.load(home), "+8613812345678")
    assert sorted(hit.service_id for hit in found.services) == [
        "meituan",
        "pinduoduo",
        "qq-mail",
        "xiaohongshu",
    ]
    assert found.candidates == ()


def test_adopt_texts_and_advice_are_checked(tmp_path):
    adopt_notes = '\n[service.adopt_notes]\nzh = "新机主请注意"\nen = "For the new holder"\n'
    assert _lint_text(tmp_path, GOOD + adopt_notes) == []
    entry = catalog.service_from_entry(catalog_check.lint([tmp_path / "e.toml"])[0][0])
    assert entry.adopt_notes == {"zh": "新机主请注意", "en": "For the new holder"} and not entry.advice
    retire_only = GOOD.replace("checked = 2026-11-24", 'checked = 2026-11-24\napplies_to = ["retire"]')
    assert _lint_text(tmp_path, retire_only + adopt_notes) == [("lint.adopt_text_not_adopt", None)]
    one_language = '\n[service.adopt_change]\nzh = ["步骤"]\n'
    assert _lint_text(tmp_path, GOOD + one_language) == [("lint.missing_lang", None)]
    advice = GOOD.replace('category = "bank"', 'category = "bank"\nadvice = true')
    assert _lint_text(tmp_path, advice) == [("lint.advice_not_task", None)]
    advice = GOOD.replace('category = "bank"', 'category = "bank"\nadvice = "yes"')
    assert ("lint.bad_type", None) in _lint_text(tmp_path, advice)


def test_shipped_advice_and_adopt_texts(home):
    cat = catalog.load(home)
    assert cat.get("sim-no-lend").advice and cat.get("adopt-official-channels").advice
    assert not cat.get("adopt-carrier-check").advice
    assert cat.get("miit-yzt-accounts").adopt_change and cat.get("sim-pin").adopt_notes
