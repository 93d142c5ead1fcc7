"""Matching messages and logins against the catalog, and reading the official lookup's answer."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from importers.builders import (
    CMB,
    ENGLISH,
    ICBC_END,
    MARKETING,
    NUMBER,
    QQ_CODE,
    T0,
    UNKNOWN_BANK,
    UNKNOWN_CODE,
    WECHAT_CODE,
    message,
    small_catalog,
)
from numretire.catalog import load
from numretire.importers import ImportFileError, Login
from numretire.importers.match import (
    LoginCandidate,
    LoginHit,
    LookupResult,
    SmsCandidate,
    android_package,
    host_of,
    match_logins,
    match_messages,
    normalise_sender,
    parse_lookup,
    signature_of,
)

DAY = 86_400_000


def at(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


# --- signatures -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (CMB, "招商银行"),
        (ICBC_END, "工商银行"),
        ("  【 京东 】您的订单已发货  ", "京东"),
        ("【京东】订单已发货【顺丰速运】", "京东"),  # the start wins
        ("订单已发货【顺丰速运】 \n", "顺丰速运"),
        (ENGLISH, None),
        ("【】空的签名", None),
        ("【" + "长" * 30 + "】太长了", None),
        ("没有结束的【签名", None),
        ("", None),
        ("【", None),
        ("】", None),
    ],
)
def test_signature_of(body, expected):
    assert signature_of(body) == expected


# --- senders --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("95555", "95555"),
        ("+86 955-55", "95555"),
        ("008695555", "95555"),
        ("+8613812345678", "13812345678"),
        ("+1 (650) 253-0000", "16502530000"),
        ("９５５５５", "95555"),
        ("GOOGLE", "google"),
    ],
)
def test_normalise_sender(sender, expected):
    assert normalise_sender(sender) == expected


@pytest.mark.parametrize(
    ("sender", "service"),
    [
        ("95555", "bank-a"),
        ("+8695555", "bank-a"),
        ("955551", "bank-a"),  # a sub-port
        ("1069800095588", "bank-b"),  # an enterprise channel relaying 95588
        ("106995588", "bank-b"),  # 106 + 4 digits: 106 9 95588 would be 3 — this is 1069 + 95588
        ("Google", "global"),
        ("google", "global"),
        ("AX-HDFCBK-S", "bank-in"),  # India's DLT form: operator and circle, header, type
        ("JD-HDFCBK", "bank-in"),
        ("hdfcbk", "bank-in"),
        ("AX-HDFCBKX-S", None),  # another header
        ("AXHDFCBK", None),
        ("13800095555", None),  # a mobile number is never a service number
        ("10695555", None),  # too short to be a channel for 95555
        ("95555123456789", None),  # too many digits after it to be a sub-port
        ("", None),
    ],
)
def test_sender_rules(sender, service):
    found = match_messages([message("你好，有一笔交易", sender)], small_catalog(), NUMBER)
    assert [hit.service_id for hit in found.services] == ([service] if service else [])


# --- messages against a small catalog -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "services", "candidate"),
    [
        ("【大厂科技】你的聊聊验证码 1234", ["chat"], None),
        ("【大厂科技】聊聊支付验证码 1234", ["chat-pay"], None),
        ("【大厂科技】聊聊 与 聊聊支付 同时出现", ["chat", "chat-pay"], None),
        ("【大厂科技】your LL code is 1234", ["chat"], None),
        ("【大厂科技】hello, code 1234", [], "shared"),  # "ll" inside a word is no keyword
        ("【大厂科技】GG音乐会员验证码 1234", [], "shared"),  # GG inside another service's name
        ("【大厂科技】GG 验证码 1234", ["game"], None),
        ("【大厂科技】验证码 1234", [], "shared"),
        ("【乙银行】您尾号1234消费", ["bank-b"], None),
        ("【甲银行】您尾号1234消费", ["bank-a"], None),  # a signature that is an app name
        ("【好店】验证码 1234", ["shop"], None),  # the signature wins over the sender (95555)
        ("【不认识】您的验证码是 1234", [], "code"),
        ("【不认识】您尾号1234的卡入账", [], "bank"),
        ("【不认识】双十一大促", [], None),
        ("【不认识驿站】您的包裹已到，取件码 3-3-6020", [], "notice"),  # an order or parcel notice
    ],
)
def test_message_rules(body, services, candidate):
    found = match_messages([message(body, "1069012345678")], small_catalog(), NUMBER)
    assert [hit.service_id for hit in found.services] == services
    assert [c.kind for c in found.candidates] == ([candidate] if candidate else [])
    if candidate == "shared":
        assert found.candidates[0].services == ("chat", "chat-pay", "game")


def test_the_signature_beats_the_sender():
    found = match_messages([message("【好店】您的订单已发货", "95555")], small_catalog(), NUMBER)
    assert [(h.service_id, h.via) for h in found.services] == [("shop", ("signature",))]


def test_only_received_messages_count_and_never_ones_from_the_number_itself():
    found = match_messages(
        [
            message("【乙银行】交易提醒", "95588", incoming=False),
            message("【乙银行】交易提醒", "+86 138 1234 5678"),
            message("【乙银行】交易提醒", "13812345678"),
            message("【乙银行】交易提醒", "95588"),
        ],
        small_catalog(),
        NUMBER,
    )
    assert (found.messages, found.incoming) == (4, 1)
    assert [(h.service_id, h.count) for h in found.services] == [("bank-b", 1)]


# --- messages against the shipped catalog ---------------------------------------------------------


def test_a_realistic_inbox(home):
    messages = [
        message(CMB, "95555", T0 + 2 * DAY),
        message(CMB, "95555", T0),
        message(CMB, "95555", T0 + DAY),
        message(ICBC_END, "106980095588", T0),
        message(WECHAT_CODE, "1069070012345", T0),
        message(QQ_CODE, "1069070012345", T0 + DAY),
        message("【腾讯科技】您正在使用微信支付，验证码 1234，请勿泄露。", "1069070012345", T0),
        message("【腾讯科技】QQ音乐绿钻会员验证码 1234", "1069070012345", T0),
        message(UNKNOWN_CODE, "10690999888", T0),
        message(UNKNOWN_CODE, "10690999888", T0 + 3 * DAY),
        message(MARKETING, "10690999888", T0),
        message(UNKNOWN_BANK, "10690777666", T0),
        message("晚上一起吃饭吗？😂", "+8613900001111", T0),
        message("好的", "+8613900001111", T0, incoming=False),
        message("【工信部反诈中心】您好，您的手机号码138****5678共关联了5个互联网账号。", "10699000", T0),
    ]
    found = match_messages(messages, load(home), NUMBER)
    hits = {hit.service_id: hit for hit in found.services}
    assert hits["cmb"].count == 3
    assert (hits["cmb"].first, hits["cmb"].last) == (at(T0), at(T0 + 2 * DAY))
    assert hits["icbc"].via == ("signature",)  # 【工商银行】, the short form it signs with
    assert hits["wechat"].count == 1 and hits["qq"].count == 1 and hits["wechat-pay"].count == 1
    assert found.services[0].service_id == "cmb"  # most messages first
    assert SmsCandidate("星河商城", "code", 2, at(T0), at(T0 + 3 * DAY), ()) in found.candidates
    assert any(c.signature == "晨光村镇银行" and c.kind == "bank" for c in found.candidates)
    shared = [c for c in found.candidates if c.kind == "shared"]
    assert [(c.signature, c.count) for c in shared] == [("腾讯科技", 1)]
    assert {"wechat", "qq"} <= set(shared[0].services)
    assert found.lookups == (LookupResult(5, at(T0).astimezone().date()),)
    assert (found.messages, found.incoming) == (15, 14)
    text = repr(found)
    assert all(secret not in text for secret in ("385012", "692041", "8848", "吃饭", "消费100.00"))


# --- logins ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://passport.jd.com/new/login.aspx", "passport.jd.com"),
        ("HTTPS://WWW.Example.ORG:8443/x", "www.example.org"),
        ("mail.company.com", "mail.company.com"),
        ("https://user:pw@shop.com./", "shop.com"),
        ("https://192.168.1.1/", None),
        ("http://[::1]:8080/", None),
        ("http://localhost:3000", None),
        ("http://[::1", None),
        ("", None),
    ],
)
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("url", "package"),
    [
        ("android://AbCdEf-_==@com.tencent.mm/", "com.tencent.mm"),
        ("androidapp://com.jingdong.app.mall", "com.jingdong.app.mall"),
        ("ANDROID://x@com.example.shop", "com.example.shop"),
        ("android://@not a package/", None),
        ("https://jd.com", None),
    ],
)
def test_android_package(url, package):
    assert android_package(url) == package


def test_logins_by_domain_package_and_number():
    logins = [
        Login("https://passport.bank-a.com.cn/login", "138 1234 5678", "甲银行"),
        Login("https://www.bank-a.com.cn/", "alice", "甲银行"),
        Login("android://hash==@com.example.shop/", "+86-138-1234-5678", "Shop"),
        Login("https://shop.com/", "tel:+8613812345678", "Shop"),
        Login("https://accounts.google.com/", "alice@gmail.com", "Google"),
        Login("https://passport.unknown.com.cn/", "8613812345678", "?"),
        Login("https://www.unknown.com.cn/", "bob", "?"),
        Login("android://hash==@com.unknown.app/", "bob", "?"),
        Login("https://bob.github.io/", "bob", "?"),
        Login("https://github.io/", "bob", "?"),
        Login("https://10.0.0.1/", "admin", "router"),
        Login("http://nas/", "admin", "nas"),
    ]
    found = match_logins(logins, small_catalog(), NUMBER, "CN")
    assert found.services == (
        LoginHit("bank-a", 2, True),
        LoginHit("shop", 2, True),
        LoginHit("global", 1, False),
    )
    assert found.candidates == (
        LoginCandidate("unknown.com.cn", "domain", 2, True),
        LoginCandidate("bob.github.io", "domain", 1, False),
        LoginCandidate("com.unknown.app", "package", 1, False),
    )
    assert (found.logins, found.skipped) == (12, 3)
    assert "alice" not in repr(found) and "bob" not in repr(found).replace("bob.github.io", "")


def test_registrable_domains_with_the_shipped_catalog(home):
    logins = [
        Login("https://passport.jd.com/new/login.aspx", "13812345678", "京东"),
        Login("https://passport.alipay.com.cn/", "13812345678", "支付宝"),
        Login("android://h==@com.tencent.mm/", "wxid_abc", "微信"),
    ]
    found = match_logins(logins, load(home), NUMBER)
    hits = {hit.service_id: hit for hit in found.services}
    assert hits["jd"].login_is_number is True
    assert hits["wechat"].login_is_number is False
    names = {c.name for c in found.candidates} | {h.service_id for h in found.services}
    assert "alipay.com.cn" in names or "alipay" in names


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("13812345678", True),
        ("138 1234 5678", True),
        ("+86 138-1234-5678", True),
        ("008613812345678", True),
        ("tel:+8613812345678", True),
        ("13812345679", False),
        ("13812345678@163.com", False),
        ("user13812345678", False),
        ("", False),
    ],
)
def test_the_login_is_the_number(username, expected):
    found = match_logins([Login("https://shop.com", username, "")], small_catalog(), NUMBER, "CN")
    assert found.services[0].login_is_number is expected


# --- the official lookup --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "when"),
    [
        ("【工信部反诈中心】您好，您的手机号码138****5678共关联了5个互联网账号。", 5, None),
        (
            "【工信部反诈中心】截至2026年11月20日，您查询的手机号码关联的互联网账号数量为3个。",
            3,
            date(2026, 11, 20),
        ),
        ("您的手机号共注册了14个账号", 14, None),
        ("在可供查询的11个互联网应用平台中，共8个账号", 8, None),
        ("关联互联网账号数量：0", 0, None),
        ("您的手机号码关联了 2 个互联网账号 2026/11/21", 2, date(2026, 11, 21)),
        ("您的号码共关联十四个互联网账号", 14, None),
        ("您的号码共关联二十个帐号", 20, None),
    ],
)
def test_parse_lookup(text, count, when):
    assert parse_lookup(text, "result.txt") == LookupResult(count, when)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("【工信部反诈中心】您好，您名下有3张电话卡，其中中国移动2张，中国联通1张。", "import.lookup_cards"),
        ("【星河商城】双十一大促", "import.lookup_no_count"),
        ("", "import.lookup_no_count"),
        ("微信1个账号，淘宝2个账号", "import.lookup_ambiguous"),
    ],
)
def test_parse_lookup_without_a_count(text, key):
    with pytest.raises(ImportFileError) as caught:
        parse_lookup(text, "result.txt")
    assert caught.value.key == key
    assert caught.value.params["path"] == "result.txt"


@pytest.mark.parametrize(
    ("sender", "body", "services", "names"),
    [
        # a person abroad writes like a service: no item ("Mom" is not an account)
        ("+447911123456", "Mom: the wifi password is 1234", [], []),
        ("+4915123456789", "Papa: die PIN ist 1234", [], []),
        # a mobile number abroad may still carry a catalogued service's code
        ("+447911123456", "Your Shop-en verification code is 123456", ["shop"], []),
        # an unknown leading name holding a catalog name is another service ("Binance TR")
        ("10690000", "[Google Play] code 1234. Google Play staff never ask for it", [], ["Google Play"]),
        ("10690000", "Your Stairlin verification code is 815671", [], ["Stairlin"]),
        ("10690000", "512665 (NetEase Verification Code)", [], ["NetEase"]),
        ("10690000", "You requested a password to log in to your USCIS Account: 1234", [], ["USCIS"]),
        ("10690000", "[#] Your Uber code: 5934", [], ["Uber"]),
        # a name alone on the first line, in a script without Latin letters
        ("10690000", "پاسارگاد\nخرید\nمبلغ:1,555,000\nرمز:1122334455", [], ["پاسارگاد"]),
        # an alphanumeric sender id names the service better than a heading
        (
            "AD-NAVAMC-S",
            "Unit Allotment Update:\nYour SIP purchase of Rs.499.98 is processed",
            [],
            ["NAVAMC"],
        ),
        ("10690000", "您的验证码123064，有效期5分钟。[某某门户]", [], ["某某门户"]),
        ("10690000", "甲银行 验证码： 5532", ["bank-a"], []),  # "TeamViewer 验证码： QGFDAE"
        ("10690000", "某某门户验证码：5532", [], ["某某门户"]),
        # a sender id as written, without the words that name nobody
        ("Tinkoff", "Покупка, счет карты *1023. 3267 ₽. Доступно 30672,14 ₽", [], ["Tinkoff"]),
        ("NDB ALERT", "Your account was debited with LKR 500.00", [], ["NDB"]),
        ("SMS", "Your account was debited with LKR 500.00", [], []),
        # a label before the signature: the known signature at the end is the sender
        ("10690000", "【验证密码】您的短信验证码为1234，切勿泄露。【好店】", ["shop"], []),
    ],
)
def test_names_in_texts_without_a_signature(sender, body, services, names):
    found = match_messages([message(body, sender)], small_catalog(), NUMBER)
    assert [hit.service_id for hit in found.services] == services
    assert [c.signature for c in found.candidates] == names
