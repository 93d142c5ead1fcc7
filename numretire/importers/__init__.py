"""Discovery input: read the files a user already has (SMS backups, password exports) as plain records.

Every reader yields records and nothing else: no storage, no output. Formats are detected by content,
never by file name, and each format is one module plus one line in a registry below (the iOS database
is also read as groups of alike messages: ios_groups, used by match_sms). A file that cannot be read
raises ImportFileError, whose message names the file and the problem in one line.

Privacy: a Message's (or MessageGroup's) text lives only in memory, for matching; a Login has no
password, note or TOTP field at all, so nothing downstream can keep one by accident.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from numretire.errors import DataError

if TYPE_CHECKING:
    from numretire.catalog import Catalog
    from numretire.importers.match import SmsMatches
    from numretire.importers.match_bills import BillMatches

Progress = Callable[[int, int], None]  # on_progress(done_bytes, total_bytes)
PathLike = str | os.PathLike[str]


class Message(NamedTuple):
    """One text message. `sender` is the other party's address (for an incoming message, its sender)."""

    sender: str
    body: str  # in memory only: never stored, never printed
    at: datetime | None  # timezone-aware (UTC) when the file gives a time
    incoming: bool


class MessageGroup(NamedTuple):
    """Messages alike for matching, counted together: same sender, direction, signature, and same text
    wherever a rule reads it. A reader that counts as it reads (the iOS database) yields these.
    """

    sender: str
    text: str  # one of the messages (in memory only): they all have its 【signature】
    body: str | None  # for the rules that read the text; None when the reader knows none of them applies
    first: datetime | None
    last: datetime | None
    incoming: bool
    count: int


class Login(NamedTuple):
    """One saved login: where and as whom. Never a password, note or TOTP secret."""

    url: str
    username: str
    title: str


class App(NamedTuple):
    """One installed app: its application (Android) or bundle (iOS) id, and the name the list gives
    ("" when the list gives ids only)."""

    app_id: str
    name: str
    platform: str  # android | ios


class Payment(NamedTuple):
    """One row of a payment statement, in memory only for matching. No amount, no order number: the
    readers never read those columns."""

    counterparty: str
    goods: str  # the goods description: in memory only, never stored or printed
    type: str  # 交易分类 / 交易类型
    method: str  # 收/付款方式 / 支付方式
    remark: str
    direction: str  # 收/支: 支出 (spent), 收入, 不计收支 / 中性交易 / "/"
    on: date | None


class ImportFileError(DataError):
    """A file to import cannot be read: `key` names the problem, `params` always include `path`."""


def problem_of(exc: BaseException) -> str:
    """What went wrong, in the words of the library that raised `exc` (zipfile, sqlite3, csv ...), with
    whatever it quotes from the file (a member name, a schema, a token) left out: an error never shows
    a file's content.
    """
    import re

    def hide(quoted: re.Match[str]) -> str:  # one character (a delimiter) and a number are kept
        inner = quoted.group(1) or quoted.group(2) or quoted.group(3) or ""
        return quoted.group(0) if len(inner) <= 1 or inner.isdigit() else "…"

    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return re.sub(r"""b?'([^']*)'|b?"([^"]*)"|\(([^)]*)\)""", hide, text)[:120]


# How often (in bytes read) a reader reports progress: often enough for a smooth bar, rare enough to
# cost nothing.
PROGRESS_EVERY = 4 << 20
HEAD_BYTES = 64 << 10

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")


def read_head(path: PathLike, size: int = HEAD_BYTES) -> bytes:
    """The first `size` bytes of `path`; ImportFileError when it cannot be read, is empty or is not a
    regular file (a FIFO would block for ever: see limits.check_regular)."""
    from numretire.importers import limits

    limits.check_regular(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(size)
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=str(path), problem=exc.strerror or str(exc)) from None
    blank = b" \t\r\n\x0b\x0c"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        rest, blank = head[2:], blank + b"\x00"  # UTF-16: whitespace comes with NUL bytes
    else:
        rest = head.removeprefix(b"\xef\xbb\xbf")
    if not rest.strip(blank):
        raise ImportFileError("import.empty", path=str(path))
    return head


def file_size(path: PathLike) -> int:
    """The size of `path` in bytes (0 when it cannot be asked)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def decode_text(data: bytes, path: PathLike, final: bool = True) -> str:
    """`data` as text: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK; ImportFileError otherwise.

    With `final=False` the data may end inside a character (a sample of the file's first bytes).
    """
    import codecs

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "gbk")
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            return decoder.decode(data, final)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("import.bad_encoding", path=str(path))


def read_text(path: PathLike) -> tuple[str, int]:
    """The whole file `path` as text (see decode_text), and its size in bytes; ImportFileError when it
    cannot be read, is not a regular file or is too big to be read whole (limits.MAX_TEXT_BYTES)."""
    from numretire.importers import limits

    limits.check_whole_read(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.MAX_TEXT_BYTES + 1)
        if len(data) > limits.MAX_TEXT_BYTES:  # it grew after it was measured
            raise ImportFileError(
                "import.file_too_big", path=str(path), limit=limits.size_text(limits.MAX_TEXT_BYTES)
            )
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=str(path), problem=exc.strerror or str(exc)) from None
    return decode_text(data, path), len(data)


def xml_root(head: bytes) -> str | None:
    """The name of the root element of the XML document starting with `head`, or None if not XML.

    "!DOCTYPE" when a document type declaration comes first: callers refuse it, since numretire reads
    no DTD, so that entity tricks (billion laughs, external entities) never reach a parser.
    """
    return _xml_root(head)[0]


def _xml_root(head: bytes) -> tuple[str | None, bool]:
    """xml_root(head), and whether `head` ends inside a leading comment or processing instruction
    (so that the root may come after it)."""
    import re

    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    while text.startswith(b"<"):
        if text.startswith(b"<?"):
            end = text.find(b"?>")
            if end == -1:
                return None, True
            text = text[end + 2 :].lstrip()
        elif text.startswith(b"<!--"):
            end = text.find(b"-->", 4)
            if end == -1:
                return None, True
            text = text[end + 3 :].lstrip()
        elif text[:9].upper() == b"<!DOCTYPE" or text.startswith(b"<!ENTITY"):
            return "!DOCTYPE", False
        else:
            found = re.match(rb"<([A-Za-z_][\w.:-]*)", text)
            return (found.group(1).decode("ascii") if found else None), False
    return None, False


def xml_root_of(path: PathLike, head: bytes) -> str | None:
    """xml_root of the file `path` whose first bytes are `head`, reading on while a leading comment or
    processing instruction has not ended (a backup tool's long header comment); ImportFileError when
    one goes on past limits.MAX_TOKEN_BYTES."""
    from numretire.importers import limits

    size = HEAD_BYTES
    while True:
        root, unfinished = _xml_root(head)
        if not unfinished or len(head) < size:  # settled, or the file ends there
            return root
        if size >= limits.MAX_TOKEN_BYTES:
            limit = limits.size_text(limits.MAX_TOKEN_BYTES)
            raise ImportFileError("import.token_too_big", path=str(path), line=1, limit=limit)
        size = min(size * 8, limits.MAX_TOKEN_BYTES)
        head = read_head(path, size)


def detect_sms(path: PathLike) -> str:
    """The message format of `path`, by content: "android-xml", "ndjson-zip", "ndjson", "ios-db" or "text".

    Raises ImportFileError for an empty or unreadable file, a password export, a DTD, or a file of any
    other kind.
    """
    head = read_head(path)
    where = str(path)
    if head.startswith(SQLITE_MAGIC):
        return "ios-db"
    if head.startswith(ZIP_MAGICS):
        from numretire.importers import ndjson_zip

        ndjson_zip.check_zip(path)
        return "ndjson-zip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        root = xml_root_of(path, head)
        if root == "!DOCTYPE":
            raise ImportFileError("import.xml_dtd", path=where)
        if root == "smses":
            return "android-xml"
        if root is not None:
            raise ImportFileError("import.not_sms_backup", path=where)  # its root is not quoted
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("import.unknown_sms_format", path=where)
    text = decode_text(head, path, final=len(head) < HEAD_BYTES)
    if _looks_binary(text):
        raise ImportFileError("import.unknown_sms_format", path=where)
    from numretire.importers import bitwarden_json, ndjson_zip, password_csv

    if stripped.startswith(b"{"):
        if ndjson_zip.looks_like_ndjson(text):
            return "ndjson"
        if bitwarden_json.looks_like_bitwarden(text):
            raise ImportFileError("import.is_passwords", path=where)
    if password_csv.format_of_header(text) is not None:
        raise ImportFileError("import.is_passwords", path=where)
    return "text"


def detect_passwords(path: PathLike) -> str:
    """The password-export format of `path`, by content (a key of PASSWORD_READERS).

    Raises ImportFileError for an empty or unreadable file, a message backup, an encrypted export, or a
    CSV whose columns are not those of a known password manager (the error names the columns).
    """
    head = read_head(path)
    where = str(path)
    if head.startswith(ZIP_MAGICS):
        from numretire.importers import onepux

        if onepux.is_1pux(path):
            return "1pux"
    if head.startswith((SQLITE_MAGIC, *ZIP_MAGICS)):
        # Password managers export CSV or JSON here; say so when this is a message backup instead.
        from numretire.importers import ios_db, ndjson_zip

        if ios_db.is_messages_db(path) if head.startswith(SQLITE_MAGIC) else ndjson_zip.is_sms_zip(path):
            raise ImportFileError("import.is_messages", path=where)
        raise ImportFileError("import.unknown_password_format", path=where)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        root = xml_root_of(path, head)
        if root == "smses":
            raise ImportFileError("import.is_messages", path=where)
        if root == "KeePassFile":
            return "keepass-xml"
        if root == "!DOCTYPE":
            raise ImportFileError("import.xml_dtd", path=where)
        raise ImportFileError("import.unknown_password_format", path=where)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("import.unknown_password_format", path=where)
    text = decode_text(head, path, final=len(head) < HEAD_BYTES)
    from numretire.importers import bitwarden_json, password_csv

    if stripped.startswith((b"{", b"[")):
        bitwarden_json.check(path)
        return "bitwarden-json"
    return password_csv.detect(text, path)


def detect_apps(path: PathLike) -> str:
    """The app-list format of `path` (a key of APP_READERS): an iOS backup folder or its Info.plist,
    `pm list packages` output, or App Manager's CSV, JSON or XML list. ImportFileError otherwise."""
    from numretire.importers import app_list, ios_backup

    where = str(path)
    if ios_backup.is_backup_folder(path):
        return "ios-backup"
    if os.path.isdir(path):
        raise ImportFileError("import.no_info_plist", path=where)
    head = read_head(path)
    if head.startswith(b"bplist00"):
        return "ios-backup"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        root = xml_root_of(path, head)
        if root == "plist":
            return "ios-backup"
        if root == "packages":
            return "app-manager-xml"
        if root == "!DOCTYPE" and b"<!DOCTYPE packages SYSTEM" in head and b"[" not in head.split(b">", 2)[1]:
            return "app-manager-xml"
        if root == "!DOCTYPE" and _plist_doctype(head):
            return "ios-backup"  # every XML plist names Apple's DTD; plistlib refuses any entity
        if root == "!DOCTYPE":
            raise ImportFileError("import.xml_dtd", path=where)
        raise ImportFileError("import.unknown_app_format", path=where)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("import.unknown_app_format", path=where)
    text = decode_text(head, path, final=len(head) < HEAD_BYTES)
    if app_list.is_app_manager_json(text):
        return "app-manager-json"
    if app_list.looks_like_app_manager_csv(text):
        return "app-manager-csv"
    if app_list.looks_like_pm_list(text):
        return "pm-list"
    raise ImportFileError("import.unknown_app_format", path=where)


def _plist_doctype(head: bytes) -> bool:
    """Whether the document type declaration at the start of `head` is a property list's, which names
    Apple's external DTD and has no internal subset (nothing in brackets)."""
    import re

    found = re.search(rb"<!DOCTYPE\s+plist\s+PUBLIC\s+\"[^\"<>\[]*\"\s+\"[^\"<>\[]*\"\s*>", head[:1024])
    return found is not None


def detect_bill(path: PathLike) -> str:
    """The statement format of `path` (a key of BILL_READERS): "alipay-csv", "wechat-csv" or
    "wechat-xlsx". ImportFileError otherwise."""
    from numretire.importers import alipay_bill, wechat_bill

    where = str(path)
    head = read_head(path)
    if head.startswith(ZIP_MAGICS):
        if wechat_bill.is_xlsx(path):
            return "wechat-xlsx"
        raise ImportFileError("import.unknown_bill_format", path=where)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError("import.unknown_bill_format", path=where)
    try:
        text = decode_text(head, path, final=len(head) < HEAD_BYTES)
    except ImportFileError:
        text = head.decode("gb18030", errors="replace")
    if alipay_bill.looks_like_alipay(text):
        return "alipay-csv"
    if wechat_bill.looks_like_wechat(text):
        return "wechat-csv"
    raise ImportFileError("import.unknown_bill_format", path=where)


def _looks_binary(text: str) -> bool:
    """Whether decoded text is really binary: control characters other than whitespace."""
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    return controls > max(2, len(text) // 100)


# The registries: format name -> reader. A new format is one module and one line here. The modules
# are light (their heavy imports live inside the functions), so importing them all costs nothing.
from numretire.importers import (  # noqa: E402 - the readers need Message, Login and ImportFileError above
    alipay_bill,
    android_xml,
    app_list,
    bitwarden_json,
    ios_backup,
    ios_db,
    keepass_xml,
    ndjson_zip,
    onepux,
    password_csv,
    plain_text,
    wechat_bill,
)

SMS_READERS: dict[str, Callable[[PathLike, Progress | None], Iterator[Message]]] = {
    "android-xml": android_xml.iter_messages,
    "ndjson-zip": ndjson_zip.iter_messages,
    "ndjson": ndjson_zip.iter_ndjson_file,
    "ios-db": ios_db.iter_messages,
    "text": plain_text.iter_messages,
}

PASSWORD_READERS: dict[str, Callable[[PathLike], Iterator[Login]]] = {
    **dict.fromkeys(password_csv.FORMATS, password_csv.iter_logins),
    "bitwarden-json": bitwarden_json.iter_logins,
    "keepass-xml": keepass_xml.iter_logins,
    "1pux": onepux.iter_logins,
}

APP_READERS: dict[str, Callable[[PathLike], Iterator[App]]] = {
    "pm-list": app_list.iter_pm_list,
    "app-manager-csv": app_list.iter_app_manager_csv,
    "app-manager-json": app_list.iter_app_manager_json,
    "app-manager-xml": app_list.iter_app_manager_xml,
    "ios-backup": ios_backup.iter_apps,
}

# format -> (reader of its rows, preamble and header line included; whose statement it is). The rows
# become Payments (bill_table.payments) or are matched as they are (importers.match_bills).
BILL_READERS: dict[str, tuple[Callable[[PathLike], Iterator[list]], str]] = {
    "alipay-csv": (alipay_bill.iter_rows, "alipay"),
    "wechat-csv": (wechat_bill.iter_csv_rows, "wechat"),
    "wechat-xlsx": (wechat_bill.iter_xlsx_rows, "wechat"),
}
# format -> the same rows for a `with` block: matching reads them with no generator in between.
BILL_OPENERS: dict[str, Callable[[PathLike, Progress | None], AbstractContextManager[Iterator[list]]]] = {
    "alipay-csv": alipay_bill.open_rows,
    "wechat-csv": wechat_bill.open_csv_rows,
    "wechat-xlsx": wechat_bill.open_xlsx_rows,
}


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages in `path`, whatever its format (detected now; reading errors come while iterating).

    `on_progress(done_bytes, total_bytes)` is called now and then, and once at the end.
    """
    return SMS_READERS[detect_sms(path)](path, on_progress)


def since(messages: Iterable[Message], day: date | None) -> Iterable[Message]:
    """Only the messages from `day` on (a newly acquired number: what came after it became yours);
    all of them, as they are, when `day` is None."""
    if day is None:
        return messages
    return (message for message in messages if message.at is None or message.at.date() >= day)


def match_sms(
    path: PathLike,
    catalog: Catalog,
    number_e164: str,
    day: date | None = None,
    on_progress: Progress | None = None,
) -> SmsMatches:
    """What the messages in `path` (from `day` on, when given) reveal: see importers.match.

    The iOS database is read in groups of alike messages (see ios_groups), the other formats message
    by message.
    """
    from numretire.importers import ios_groups
    from numretire.importers.match import SmsMatcher

    kind = detect_sms(path)
    matcher = SmsMatcher(catalog, number_e164)
    if kind == "ios-db":
        matcher.add_groups(ios_groups.read_groups(path, matcher, day, on_progress))
    else:
        matcher.add_messages(since(SMS_READERS[kind](path, on_progress), day))
    return matcher.result()


def iter_logins(path: PathLike) -> Iterator[Login]:
    """The saved logins in the password export `path`, whatever its format (detected now)."""
    return PASSWORD_READERS[detect_passwords(path)](path)


def iter_apps(path: PathLike) -> Iterator[App]:
    """The installed apps in the app list `path`, whatever its format (detected now)."""
    return APP_READERS[detect_apps(path)](path)


def iter_payments(path: PathLike) -> tuple[str, Iterator[Payment]]:
    """The statement's issuer ("alipay" | "wechat") and its rows, whatever its format (detected now)."""
    from numretire.importers.bill_table import payments

    reader, issuer = BILL_READERS[detect_bill(path)]
    return issuer, payments(reader(path), path)


def match_bill(path: PathLike, catalog: Catalog, on_progress: Progress | None = None) -> BillMatches:
    """What the payment statement `path` reveals, whatever its format: see importers.match_bills (which
    reads the rows as the reader gives them, without a Payment per row). `on_progress(done_bytes,
    total_bytes)` is called now and then while a CSV statement is read, and once at its end."""
    from numretire.importers.match_bills import match_rows

    found = detect_bill(path)
    with BILL_OPENERS[found](path, on_progress) as rows:
        return match_rows(rows, path, catalog, BILL_READERS[found][1], text=found != "wechat-xlsx")


__all__ = [
    "APP_READERS",
    "BILL_OPENERS",
    "BILL_READERS",
    "PASSWORD_READERS",
    "SMS_READERS",
    "App",
    "ImportFileError",
    "Login",
    "Message",
    "MessageGroup",
    "Payment",
    "detect_apps",
    "detect_bill",
    "detect_passwords",
    "detect_sms",
    "iter_apps",
    "iter_logins",
    "iter_messages",
    "iter_payments",
    "match_bill",
    "match_sms",
    "since",
]
