"""Reading sms.db in groups of alike messages gives exactly what reading it message by message gives."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.builders import (
    APPLE_NS,
    APPLE_S,
    CMB,
    ICBC_END,
    NUMBER,
    QQ_CODE,
    UNKNOWN_BANK,
    UNKNOWN_CODE,
    WECHAT_CODE,
    small_catalog,
    sms_db,
    typedstream,
)
from numretire.catalog import load
from numretire.importers import ios_db, ios_groups, match, match_sms, since
from numretire.importers.match import SmsMatcher

HANDLES = ["95555", "+8610690123456", "106980095588", "10699000", NUMBER, "10690999888", "Google"]
LOOKUP = "【工信部反诈中心】您好，您的手机号码138****5678共关联了5个互联网账号。"


def one_by_one(path, catalog, day=None):
    matcher = SmsMatcher(catalog, NUMBER)
    matcher.add_messages(since(ios_db.iter_messages(path), day))
    return matcher.result()


def grouped(path, catalog, day=None):
    matcher = SmsMatcher(catalog, NUMBER)
    matcher.add_groups(ios_groups.read_groups(path, matcher, day))
    return matcher.result()


def database(path, rows):
    """An sms.db from rows of (text, attributedBody, date, is_from_me, handle_id), inserted as they are:
    a bytes text is stored as TEXT holding those bytes (perhaps not UTF-8)."""
    sms_db(path, [], HANDLES)
    db = sqlite3.connect(path)
    for i, (text, body, at, from_me, handle) in enumerate(rows):
        cast = "CAST(? AS TEXT)" if isinstance(text, bytes) else "?"
        db.execute(
            "INSERT INTO message (guid, text, attributedBody, date, is_from_me, handle_id, service)"
            f" VALUES (?, {cast}, ?, ?, ?, ?, 'SMS')",
            (f"guid-{i}", text, body, at, from_me, handle),
        )
    db.commit()
    db.close()
    return path


PIECES = st.sampled_from(
    [
        "【", "】", "招商银行", "乙银行", "好店", "大厂科技", "聊聊", "聊聊支付", "GG", "GG音乐", "ll",
        "QQ", "验证码", "code", "Code", "余额", "尾号", "星河商城", "工信部反诈中心", "共关联了5个互联网账号",
        " ", "\u3000", "\n", "\t", "\x00", "😂", "1", "23", "0", "元", "，", "x", "[", "*", "?",
    ]
)  # fmt: skip
# Signatures around the edges: 24 characters is the longest read, case and space variants, a NUL.
SIGNATURES = st.sampled_from(
    [
        "乙银行", "好店", "大厂科技", "星河商城", "ABC商城", "abc商城", " 好店 ", "乙银行\x00",
        "工信部反诈中心", "长" * 23, "长" * 24, "长" * 25, "a\nb", "", "【", "】",
    ]
)  # fmt: skip
FREE = st.lists(PIECES, max_size=8).map("".join)
SPACE = st.sampled_from(["", "", " ", "\n", "\u3000"])
TEXTS = st.one_of(
    st.lists(PIECES, max_size=12).map("".join),
    st.tuples(SPACE, SIGNATURES, FREE, SPACE).map(lambda t: f"{t[0]}【{t[1]}】{t[2]}{t[3]}"),
    st.tuples(SPACE, FREE, SIGNATURES, SPACE).map(lambda t: f"{t[0]}{t[1]}【{t[2]}】{t[3]}"),
    st.tuples(SIGNATURES, FREE, SIGNATURES, SPACE).map(lambda t: f"【{t[0]}】{t[1]}【{t[2]}】{t[3]}"),
    st.sampled_from(
        [CMB, ICBC_END, WECHAT_CODE, QQ_CODE, UNKNOWN_CODE, UNKNOWN_BANK, LOOKUP, "【" + "长" * 30 + "】", ""]
    ),
)
NOT_UTF8 = st.sampled_from(
    [b"\xe4\xbd\xa0\xff", "【招商银行】".encode() + b"\xff", b"\xff\xfe" + "【x】".encode()]
)
# The last two are stored as a real number and as text, despite the column's INTEGER affinity.
DATES = st.sampled_from(
    [
        None,
        0,
        -5,
        APPLE_S,
        APPLE_S + 86_400,
        APPLE_NS,
        APPLE_NS + 86_400 * 10**9,
        10**11 + 1,
        APPLE_S + 0.5,
        "x",
    ]
)


@st.composite
def rows(draw):
    text = draw(TEXTS)
    kind = draw(st.sampled_from(["text", "text", "body", "body16", "body32", "none", "odd"]))
    if kind == "text":
        column, body = text, None
    elif kind.startswith("body"):
        form = {"body": None, "body16": "u16", "body32": "u32"}[kind]
        column, body = None, typedstream(text, form)
    elif kind == "none":
        column, body = None, draw(st.sampled_from([None, b"", b"NSString\x01+", b"junk", "a string"]))
    else:
        column, body = draw(st.sampled_from([12345, 1.5, b"\x00blob"])), None
    return (
        column,
        body,
        draw(DATES),
        draw(st.sampled_from([0, 0, 0, 1, None, 2.0])),
        draw(st.sampled_from([1, 2, 3, 4, 5, 6, 7, 0, 99, None])),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(found=st.lists(rows(), max_size=25), day=st.sampled_from([None, date(2023, 11, 15)]))
def test_groups_count_as_messages_one_by_one(tmp_path_factory, found, day):
    path = database(tmp_path_factory.mktemp("db") / "sms.db", found)
    catalog = small_catalog()
    assert grouped(path, catalog, day) == one_by_one(path, catalog, day)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(found=st.lists(rows(), max_size=10), bad=NOT_UTF8)
def test_text_that_is_not_utf8(tmp_path_factory, found, bad):
    path = database(tmp_path_factory.mktemp("db") / "sms.db", [*found, (bad, None, APPLE_NS, 0, 1)])
    catalog = small_catalog()
    assert grouped(path, catalog) == one_by_one(path, catalog) == match_sms(path, catalog, NUMBER)


# Rows where careless grouping would differ from reading one by one: (text, date, handle) each.
TRICKY = {
    "NUL inside a signature": [("【乙银行\x00】验证码", APPLE_NS, 6)],
    "NUL before the end signature": [("x\x00【乙银行】", APPLE_NS, 6)],
    "longest signature at the start": [("【" + "长" * 24 + "】验证码", APPLE_NS, 6)],
    "one character too long": [("【" + "长" * 25 + "】验证码", APPLE_NS, 6)],
    "longest signature at the end": [("验证码【" + "长" * 24 + "】", APPLE_NS, 6)],
    "end signature past the window": [("验证码【" + "长" * 25 + "】", APPLE_NS, 6)],
    "empty head, end signature after a space": [("【】验证码【乙银行】 ", APPLE_NS, 6)],
    "signature in the middle": [("验证码【乙银行】 请勿泄露", APPLE_NS, 6)],
    "dates that are not integers": [
        ("【乙银行】余额", float(APPLE_S), 1),
        ("【乙银行】余额", str(APPLE_NS + 10**15), 1),
    ],
    "dates out of order": [("【乙银行】余额", APPLE_NS + 10**10, 1), ("【乙银行】余额", APPLE_NS, 1)],
    "seconds later than nanoseconds": [("【乙银行】余额", APPLE_S, 1), ("【乙银行】余额", 10**11 + 1, 1)],
    "spelling of the first message": [
        ("【abc商城】验证码", APPLE_NS, 6),
        ("【ABC商城】验证码", APPLE_NS, 6),
        ("【ABC商城】验证码", APPLE_NS, 6),
        ("【abc商城】验证码", APPLE_NS, 6),
    ],
    "lookup by signature": [(LOOKUP, APPLE_NS, 6), (LOOKUP, APPLE_NS + 86_400 * 10**9, 6)],
    "lookup by sender": [("您的手机号码共关联了3个互联网账号", APPLE_NS, 4)] * 2,
    "digits in a shared name": [
        ("【大厂科技】GG1 验证码", APPLE_NS, 6),
        ("【大厂科技】GG 验证码", APPLE_NS, 6),
    ],
}


@pytest.mark.parametrize("case", TRICKY)
@pytest.mark.parametrize("day", [None, date(2023, 11, 15)])
def test_tricky_rows(tmp_path, case, day):
    rows = [(text, None, at, 0, handle) for text, at, handle in TRICKY[case]]
    rows += [(None, typedstream(text), at, 0, handle) for text, at, handle in TRICKY[case]]
    path = database(tmp_path / "sms.db", rows)
    catalog = small_catalog()
    assert grouped(path, catalog, day) == one_by_one(path, catalog, day)


def test_digits_are_kept_when_a_name_holds_one(tmp_path):
    from factories import catalog, service

    from importers.builders import with_aliases

    names = catalog(
        with_aliases(service("game"), shared_signatures=("大厂科技",), apps=("GG2",)),
        with_aliases(service("chat"), shared_signatures=("大厂科技",), apps=("聊聊",)),
    )
    rows = [(f"【大厂科技】GG{n} 验证码", None, APPLE_NS, 0, 6) for n in (2, 3, 2)]
    path = database(tmp_path / "sms.db", rows)
    found = grouped(path, names)
    assert found == one_by_one(path, names)
    assert [(hit.service_id, hit.count) for hit in found.services] == [("game", 2)]
    assert [(c.signature, c.count) for c in found.candidates] == [("大厂科技", 1)]


def test_texts_alike_but_for_digits_part_where_the_digits_spell_a_name(tmp_path):
    from factories import catalog, service

    from importers.builders import with_aliases

    names = catalog(
        with_aliases(service("rail"), apps=("铁路12306",)),
        with_aliases(service("broker"), apps=("Trading 212",)),
    )
    texts = [
        "您的验证码123064，铁路12306提醒您",  # the name
        "您的验证码456789，铁路45678提醒您",  # alike but for digits: no name
        "Trading 212: your code is 1234",
        "Trading 345: your code is 1234",
        "【星河12】验证码1234",  # signatures that differ in digits are two services
        "【星河34】验证码5678",
        "【星河12】验证码9999",
    ]
    rows = [(text, None, APPLE_NS + i, 0, 6) for i, text in enumerate(texts)]
    path = database(tmp_path / "sms.db", rows)
    found = grouped(path, names)
    assert found == one_by_one(path, names)
    assert sorted((hit.service_id, hit.count) for hit in found.services) == [("broker", 1), ("rail", 1)]
    assert {(c.signature, c.count) for c in found.candidates} >= {("星河12", 2), ("星河34", 1)}


def test_the_shipped_catalog_on_realistic_messages(tmp_path, home):
    catalog = load(home)
    texts = [CMB, ICBC_END, WECHAT_CODE, QQ_CODE, UNKNOWN_CODE, UNKNOWN_BANK, LOOKUP, "晚上一起吃饭吗？😂"]
    found = [
        (
            None if i % 3 == 0 else text,
            typedstream(text) if i % 3 == 0 else None,
            APPLE_NS + i,
            i % 7 == 6,
            i % 7 + 1,
        )
        for i, text in enumerate(texts * 40)
    ]
    path = database(tmp_path / "sms.db", found)
    fast = grouped(path, catalog)
    assert fast == one_by_one(path, catalog)
    hits = {hit.service_id for hit in fast.services}
    assert {"cmb", "icbc", "wechat", "qq"} <= hits
    assert {c.signature for c in fast.candidates} >= {"星河商城", "晨光村镇银行"}
    assert fast.lookups and fast.incoming < fast.messages


def test_messages_are_grouped_not_handed_over_one_by_one(tmp_path):
    rows = [
        (f"【乙银行】验证码{i:06d}" if i % 2 else f"余额{i:04d}元。【乙银行】", None, APPLE_NS + i, 0, 1)
        for i in range(200)
    ]
    rows += [
        (None, typedstream(f"【星河商城】您的验证码是 {i + 1234}，请勿泄露"), APPLE_NS + i, 0, 6)
        for i in range(200)
    ]
    rows += [(f"晚上见{i}", None, APPLE_NS + i, 1, 2) for i in range(100)]
    path = database(tmp_path / "sms.db", rows)
    matcher = SmsMatcher(small_catalog(), NUMBER)
    groups = ios_groups.read_groups(path, matcher)
    # one group per kind of message, not one per message; a text only where a rule reads it
    assert [(g.count, g.body) for g in groups] == [
        (200, None),
        (200, "【星河商城】您的验证码是 1234，请勿泄露"),
        (100, None),
    ]


def test_memory_grows_with_signatures_not_with_texts(tmp_path, monkeypatch):
    monkeypatch.setattr(match, "READINGS_KEPT", 50)
    monkeypatch.setattr(ios_groups, "KEYS_KEPT", 50)
    words = ["验证码", "余额", "活动", "会员", "优惠", "积分", "快递", "订单"]
    texts = [f"【星河商城】{words[i % 8]}{words[i // 8 % 8]}{words[i // 64 % 8]}第{i}号" for i in range(512)]
    rows = [(text, None, APPLE_NS + i, 0, 6) for i, text in enumerate(texts)]
    path = database(tmp_path / "sms.db", rows)
    catalog = small_catalog()
    matcher = SmsMatcher(catalog, NUMBER)
    groups = ios_groups.read_groups(path, matcher)
    assert len(matcher.readings) <= 50 and len(matcher.exact_readings) <= 50
    assert sum(g.count for g in groups) == 512
    assert len(groups) == 4  # code, bank or order words, neither: not 512 different texts
    assert grouped(path, catalog) == one_by_one(path, catalog)


def test_an_empty_database(tmp_path):
    path = database(tmp_path / "sms.db", [])
    assert grouped(path, small_catalog()) == one_by_one(path, small_catalog())
