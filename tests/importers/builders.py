"""Fixtures in every format the importers read, built in code the way the real programs write them."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from numretire.catalog import Catalog, Service
from numretire.importers import Message

NUMBER = "+8613812345678"

# 2023-11-14 22:13:20 UTC, in milliseconds
T0 = 1_700_000_000_000

CMB = "【招商银行】您账户1234于11月20日消费100.00元，余额2,345.67元。"
WECHAT_CODE = "【腾讯科技】你的微信验证码：385012，5分钟内有效，请勿泄露给他人。"
QQ_CODE = "【腾讯科技】692041（QQ登录验证码），请勿转发，否则会导致QQ被盗。"
ICBC_END = "您尾号6789卡11月21日10:02支出(消费)58.00元，余额1,024.00元。【工商银行】"
UNKNOWN_CODE = "【星河商城】您的验证码是 8848，10 分钟内有效。"
UNKNOWN_BANK = "【晨光村镇银行】您尾号0001的账户于11月22日入账3,000.00元。"
MARKETING = "【星河商城】双十一大促，全场五折起，回T退订。"
ENGLISH = "G-482913 is your Google verification code."


# --- Android "SMS Backup & Restore" ---------------------------------------------------------------


def sms(body: str, address: str = "95555", date: int | str = T0, kind: str = "1", raw: bool = False) -> str:
    """One <sms> line as the app writes it; `raw` bodies are inserted as they are (references)."""
    value = f'"{body}"' if raw else quoteattr(body)
    return (
        f'  <sms protocol="0" address="{address}" date="{date}" type="{kind}" subject="null" body={value} '
        f'toa="null" sc_toa="null" service_center="+8613800755500" read="1" status="-1" locked="0" '
        f'date_sent="{date}" sub_id="1" readable_date="2023年11月15日 06:13:20" contact_name="(Unknown)" />\n'
    )


def mms(
    text: str, sender: str = "10690123456", date: int = T0, box: str = "1", own: str = "+8613812345678"
) -> str:
    """One <mms> with a SMIL part, a text part and its From/To addresses."""
    return (
        f'  <mms date="{date}" ct_t="application/vnd.wap.multipart.related" msg_box="{box}" '
        f'address="{sender}" m_type="132" read="1" sub_id="1">\n'
        "    <parts>\n"
        '      <part seq="-1" ct="application/smil" name="null" chset="null"'
        ' text="&lt;smil&gt;&lt;/smil&gt;" />\n'
        f'      <part seq="0" ct="text/plain" name="null" chset="106" text={quoteattr(text)} />\n'
        "    </parts>\n"
        "    <addrs>\n"
        f'      <addr address="{sender}" type="137" charset="106" />\n'
        f'      <addr address="{own}" type="151" charset="106" />\n'
        "    </addrs>\n"
        "  </mms>\n"
    )


def android_xml(*lines: str, count: int | None = None) -> bytes:
    head = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
    head += "<!--File Created By SMS Backup & Restore v10.20.002 on 24/11/2026 08:00:00-->\n"
    total = len(lines) if count is None else count
    body = f'<smses count="{total}" backup_set="b1" backup_date="{T0}" type="full">\n'
    return (head + body + "".join(lines) + "</smses>\n").encode("utf-8")


# --- "SMS Import / Export" ------------------------------------------------------------------------


def sms_row(body: str, address: str = "95555", date: int = T0, kind: str = "1") -> dict[str, str]:
    """An SMS row as sms-ie writes it: every column a string."""
    return {
        "_id": "1",
        "thread_id": "3",
        "address": address,
        "date": str(date),
        "date_sent": str(date),
        "read": "1",
        "status": "-1",
        "type": kind,
        "body": body,
        "locked": "0",
        "sub_id": "1",
        "seen": "1",
    }


def mms_row(text: str, sender: str = "10690123456", date_s: int = T0 // 1000, old: bool = False) -> dict:
    """An incoming MMS row: `old` puts the addresses in `__addresses` (earlier sms-ie versions)."""
    row = {
        "_id": "7",
        "date": str(date_s),
        "msg_box": "1",
        "ct_t": "application/vnd.wap.multipart.related",
        "__parts": [
            {"seq": "-1", "ct": "application/smil", "text": "<smil></smil>"},
            {"seq": "0", "ct": "text/plain", "text": text},
        ],
    }
    addresses = [{"address": sender, "type": "137"}, {"address": "+8613812345678", "type": "151"}]
    if old:
        row["__addresses"] = addresses
    else:
        row["__sender_address"] = addresses[0]
        row["__recipient_addresses"] = addresses[1:]
    return row


def ndjson(rows: list) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def ndjson_zip(path: Path, rows: list, member: str = "messages.ndjson") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, ndjson(rows))
        archive.writestr("data/PART_1700000000_image.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    return path


# --- iOS sms.db -----------------------------------------------------------------------------------

IOS_SCHEMA = """
CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT,
  service TEXT NOT NULL, uncanonicalized_id TEXT, person_centric_id TEXT);
CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT,
  replace INTEGER DEFAULT 0, service_center TEXT, handle_id INTEGER DEFAULT 0, subject TEXT,
  country TEXT, attributedBody BLOB, version INTEGER DEFAULT 0, type INTEGER DEFAULT 0,
  service TEXT, account TEXT, date INTEGER, date_read INTEGER, date_delivered INTEGER,
  is_delivered INTEGER DEFAULT 0, is_finished INTEGER DEFAULT 0, is_from_me INTEGER DEFAULT 0);
"""


def typedstream(text: str, form: str | None = None) -> bytes:
    """An attributedBody as iOS writes it: NSAttributedString holding an NSString.

    `form` forces the length form: "byte" (< 0x80), "u16" (0x81 + uint16 LE), "u32" (0x82 + uint32 LE).
    """
    data = text.encode("utf-8")
    form = form or ("byte" if len(data) < 0x80 else "u16" if len(data) < 0x10000 else "u32")
    if form == "byte":
        length = bytes([len(data)])
    elif form == "u16":
        length = b"\x81" + len(data).to_bytes(2, "little")
    else:
        length = b"\x82" + len(data).to_bytes(4, "little")
    return (
        b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00"
        b"\x84\x84\x08NSObject\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+"
        + length
        + data
        + b"\x86\x84\x02iI\x01\x84\x84\x84\x0cNSDictionary\x00\x94\x84\x01i\x01\x92\x84\x96\x96"
        b"\x1d__kIMMessagePartAttributeName\x86\x92\x84\x84\x84\x08NSNumber\x00\x84\x84\x07NSValue\x00"
        b"\x94\x84\x01*\x84\x99\x99\x00\x86\x86\x86"
    )


def sms_db(path: Path, rows: list[tuple], handles: list[str] | None = None) -> Path:
    """An sms.db; rows are (text, attributedBody, date, is_from_me, handle index or 0)."""
    db = sqlite3.connect(path)
    db.executescript(IOS_SCHEMA)
    for handle in handles or ["95555", "+8610690123456", "106980095588"]:
        db.execute("INSERT INTO handle (id, country, service) VALUES (?, 'cn', 'SMS')", (handle,))
    db.executemany(
        "INSERT INTO message (guid, text, attributedBody, date, is_from_me, handle_id, service)"
        " VALUES (?, ?, ?, ?, ?, ?, 'SMS')",
        [(f"guid-{i}", *row) for i, row in enumerate(rows)],
    )
    db.commit()
    db.close()
    return path


# seconds and nanoseconds since 2001-01-01 for 2023-11-14 22:13:20 UTC
APPLE_S = (T0 // 1000) - 978_307_200
APPLE_NS = APPLE_S * 1_000_000_000


# --- password exports -----------------------------------------------------------------------------

HEADERS = {
    "chrome-csv": "name,url,username,password",
    "chrome-note": "name,url,username,password,note",
    "firefox-csv": '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",'
    '"timeLastUsed","timePasswordChanged"',
    "apple-csv": "Title,URL,Username,Password,Notes,OTPAuth",
    "keepassxc-csv": '"Group","Title","Username","Password","URL","Notes","TOTP","Icon",'
    '"Last Modified","Created"',
    "keepassx-old": '"Group","Title","Username","Password","URL","Notes"',
    "lastpass-csv": "url,username,password,totp,extra,name,grouping,fav",
    "lastpass-old": "url,username,password,extra,name,grouping,fav",
    "1password-csv": "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes",
    "bitwarden-csv": "folder,favorite,type,name,notes,fields,reprompt,"
    "login_uri,login_username,login_password,login_totp",
}

SECRET = "S3cret-pa55!"
TIMES = '"1589617814635","1589710449871","1589617846802"'
TOTP = "otpauth://totp/JD?secret=JBSWY3DPEHPK3PXP"


def csv_row(fmt: str, url: str, username: str, title: str = "JD") -> str:
    """A data row for `fmt` with a password, a note and a TOTP secret where the format has them."""
    q = f'"{url}"', f'"{username}"', f'"{title}"', f'"{SECRET}"'
    url_, user, name, secret = q
    rows = {
        "chrome-csv": f"{name},{url_},{user},{secret}",
        "chrome-note": f'{name},{url_},{user},{secret},"private note"',
        "firefox-csv": f'{url_},{user},{secret},,{url_},"{{5ec0d12f}}",' + TIMES,
        "apple-csv": f'{name},{url_},{user},{secret},"private note","{TOTP}"',
        "keepassxc-csv": f'"Root/Shopping",{name},{user},{secret},{url_},"private note","{TOTP}","0",'
        '"2026-01-01T00:00:00Z",""',
        "keepassx-old": f'"Root",{name},{user},{secret},{url_},"private note"',
        "lastpass-csv": f'{url_},{user},{secret},"{TOTP}","private note",{name},"Shopping",0',
        "lastpass-old": f'{url_},{user},{secret},"private note",{name},"Shopping",0',
        "1password-csv": f'{name},{url_},{user},{secret},"{TOTP}",false,false,"shopping","private note"',
        "bitwarden-csv": f'"Shopping",,login,{name},"private note",,0,{url_},{user},{secret},"{TOTP}"',
    }
    return rows[fmt]


def password_csv(fmt: str, *rows: tuple[str, str, str]) -> str:
    return HEADERS[fmt] + "\r\n" + "".join(csv_row(fmt, *row) + "\r\n" for row in rows)


def bitwarden_json(items: list[dict], encrypted: bool = False) -> str:
    return json.dumps({"encrypted": encrypted, "folders": [], "items": items}, ensure_ascii=False, indent=2)


def bitwarden_item(name: str, uris: list[str], username: str = "13812345678") -> dict:
    return {
        "id": "a1b2",
        "organizationId": None,
        "folderId": None,
        "type": 1,
        "reprompt": 0,
        "name": name,
        "notes": "private note",
        "favorite": False,
        "login": {
            "uris": [{"match": None, "uri": uri} for uri in uris],
            "username": username,
            "password": SECRET,
            "totp": TOTP,
        },
        "collectionIds": None,
    }


# --- catalogs -------------------------------------------------------------------------------------


def with_aliases(base: Service, **aliases: tuple[str, ...]) -> Service:
    return base._replace(aliases={key: tuple(values) for key, values in aliases.items()})


def small_catalog() -> Catalog:
    """A catalog of a few services with the aliases discovery uses, independent of the shipped one."""
    from factories import catalog, service

    return catalog(
        with_aliases(service("bank-a"), senders=("95555",), apps=("甲银行",), domains=("bank-a.com.cn",)),
        with_aliases(service("bank-b"), senders=("95588",), signatures=("乙银行",)),
        with_aliases(service("chat"), shared_signatures=("大厂科技",), apps=("聊聊",), keywords=("ll",)),
        with_aliases(service("chat-pay"), shared_signatures=("大厂科技",), apps=("聊聊支付",)),
        with_aliases(service("game"), shared_signatures=("大厂科技",), apps=("GG",)),
        with_aliases(service("music"), apps=("GG音乐",)),
        with_aliases(
            service("shop"), signatures=("好店",), packages=("com.example.shop",), domains=("shop.com",)
        ),
        with_aliases(service("global"), senders=("Google",), domains=("google.com",)),
        with_aliases(service("bank-in"), senders=("HDFCBK",)),
    )


def message(body: str, sender: str = "95555", at_ms: int = T0, incoming: bool = True) -> Message:
    from numretire.importers.android_xml import when

    return Message(sender, body, when(str(at_ms)), incoming)
