"""Match imported messages and logins against the catalog's aliases. Pure: no files, no output.

Results hold plain data only — service ids, counts, times, signatures, domains — never a message body,
a username or a password, so that whatever the CLI shows or stores cannot leak them.

SMS rules (only incoming messages count; messages from the number itself are ignored):
1. The 【signature】 at the start of a message, else at its end (see `signature_of`).
2. A signature in a service's `signatures` is that service. A signature that is exactly one service's
   name or app name (招商银行, 中国移动) is that service too, when no other service has that name.
3. A signature in `shared_signatures` (腾讯科技 signs WeChat, QQ and WeChat Pay codes) is resolved by
   the apps and keywords of the services sharing it, found in the text. A name inside a longer name
   of another service does not count (微信 in 微信支付 or 企业微信, QQ in QQ音乐). When no sharing
   service is named, the message counts for the signature as a candidate, not for a service.
4. Otherwise the sender number (see `normalise_sender` and `_Senders.lookup`).
5. Messages left unmatched whose signature looks like a verification code or a bank notice are
   candidates, per signature, that the user may add as custom items.
6. The result of the official linked-accounts lookup (一证通查 2.0, from 10699000) is read from the
   messages too (see `parse_lookup`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from numretire.catalog import Catalog
from numretire.importers import ImportFileError, Login, Message, MessageGroup, PathLike

SIGNATURE_MAX = 24  # characters between 【 and 】; real signatures are far shorter

# What an unknown leading name must look like to be offered as a service: a name, not a sentence.
_LIKE_NAME = re.compile(r"[\w&.'()\- ]{2,24}|[\u4e00-\u9fff\w]{2,12}")

CODE_WORDS = re.compile(
    r"验证码|校验码|动态码|动态密码|确认码|认证码|登录码|驗證碼|校驗碼|動態碼|"
    r"(?<![a-z])(?:code|otp|passcode|verification|pin|password)(?![a-z])|"
    r"kennwort|verifizierungscode|aktivierungscode|code de|código|codice|код|пароль|"
    r"mã xác|ma kich hoat|ma xac|รหัส|認証番号|確認コード|認証コード|ワンタイムパス|"
    r"인증번호|인증 번호|인증코드|doğrulama kodu|onay kodu|"
    r"رمز|کد فعال|کد تایید|کد ورود",
    re.IGNORECASE,
)
BANK_WORDS = re.compile(
    r"余额|交易|消费|支出|入账|到账|尾号|转账|还款|账单|信用卡|存入|扣款|取款|餘額|尾號|"
    r"尊敬的客户|话费|套餐|已受理|"
    r"(?<![a-z])(?:debited|credited|spent|transaction|a/c|account ending|avl bal|balance|purchase|withdrawn|"
    r"withdrawal|deposit|transferred|refund|card ending|debit card|credit card|pending charge|payment of|"
    r"platba|debitada|debitado|credito|crédito|compra|saldo|virement|paiement|solde|überweisung|kontostand|"
    r"oplata|dostupno|upi|inr)(?![a-z])|"
    r"покупка|пополнение|оплата|доступно|списание|баланс|"
    r"خصم|قيد مبلغ|شراء|رصيد|خرید|خريد|مبلغ|مانده|موجودی|برداشت|ریال|ريال",
    re.IGNORECASE,
)
# Words of the notices services send about an order, a parcel or an appointment: a signature that no
# catalog entry has, on such a notice, is a service the number is registered with.
NOTICE_WORDS = re.compile(r"取件码|取货码|取件|包裹|快递|订单|预约|会员|取餐|发货|配送")

LOOKUP_SIGNATURE = "工信部反诈中心"  # its signature, as a reporter quoted it (xrbh.cn, 2022-07-26)
LOOKUP_SENDER = "10699000"  # MIIT's port for 一证通查 results (MIIT announcement; People's Daily 2022-07-22)


class ServiceHit(NamedTuple):
    """A catalog service found in the messages: how many, the first and last time, and by what."""

    service_id: str
    count: int
    first: datetime | None
    last: datetime | None
    via: tuple[str, ...]  # "signature", "name", "app", "sender"


class SmsCandidate(NamedTuple):
    """An unmatched signature worth a look: a custom item the user may add."""

    signature: str
    kind: str  # "code" | "bank" | "shared" (a parent company's signature naming none of its services)
    count: int
    first: datetime | None
    last: datetime | None
    services: tuple[str, ...]  # for "shared": the services that share the signature


class LookupResult(NamedTuple):
    """The official linked-accounts lookup's answer: only a count, and its date when known."""

    count: int
    at: date | None


class SmsMatches(NamedTuple):
    """What a set of messages revealed: services (most messages first), candidates and lookups."""

    services: tuple[ServiceHit, ...]
    candidates: tuple[SmsCandidate, ...]
    lookups: tuple[LookupResult, ...]
    messages: int  # all messages read
    incoming: int  # of which received (the only ones matched)


class LoginHit(NamedTuple):
    """A catalog service found among saved logins; `login_is_number`: a login's username is the number."""

    service_id: str
    count: int
    login_is_number: bool


class LoginCandidate(NamedTuple):
    """A registrable domain (or Android package) with saved logins that the catalog does not know."""

    name: str
    kind: str  # "domain" | "package"
    count: int
    login_is_number: bool


class LoginMatches(NamedTuple):
    """What a password export revealed: services (most logins first), candidates, and totals."""

    services: tuple[LoginHit, ...]
    candidates: tuple[LoginCandidate, ...]
    logins: int  # all logins read
    skipped: int  # without a usable host (IP addresses, intranet names, unparsable URLs)


# --- signatures -----------------------------------------------------------------------------------


def signature_of(body: str) -> str | None:
    """The 【signature】 at the start of `body`, else at its end; None when there is none."""
    text = body if body[:1] == "【" or body[-1:] == "】" else body.strip()
    if text[:1] == "【":
        end = text.find("】", 1, SIGNATURE_MAX + 2)
        if end > 1:
            found = text[1:end].strip()
            if found and "【" not in found and "\n" not in found:
                return found
    return _trailing_signature(text)


def _trailing_signature(text: str) -> str | None:
    """The 【signature】 at the end of `text`, or None."""
    text = text.rstrip()
    if text[-1:] == "】":
        start = text.rfind("【", max(0, len(text) - SIGNATURE_MAX - 2))
        if start != -1:
            found = text[start + 1 : -1].strip()
            if found and "\n" not in found:
                return found
    return None


def _fold(text: str) -> str:
    return text.strip().casefold()


def _norm(text: str) -> str:
    """A name as matched: full-width letters and digits as ASCII (NFKC), traditional Chinese read as
    simplified, case folded (蝦皮購物 -> 虾皮购物, ＡＰＰＬＥ -> apple)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).strip().casefold()
    return _simplified(text) if any("\u4e00" <= ch <= "\u9fff" for ch in text) else text


_T2S = []


def _simplified(text: str) -> str:
    if not _T2S:
        import opencc  # a well-kept converter; imported only when a Chinese name is read

        _T2S.append(opencc.OpenCC("t2s"))
    return _T2S[0].convert(text)


_LONG_BANK = re.compile(r"中国(.{2,6}银行)")


def name_forms(name: str) -> tuple[str, ...]:
    """A catalog name and the short forms derived from it by rule: 中国工商银行 -> 工商银行."""
    found = _LONG_BANK.fullmatch(name.strip())
    return (name, found.group(1)) if found else (name,)


# A name at the start of a message: "Name: …", "[Name] …", "(Name) …", "<#> Name …", "G-123456 is your
# Google …"; or signed at its end: "… -Name".
_LEADING = re.compile(
    r"^\s*(?:<#>|\[#\]|#)?\s*(?:\[(?P<b>[^\]\n]{2,30})\]|\((?P<p>[^)\n]{2,30})\)|(?P<c>[^\s:：\d][^:：\n]{0,28}?)\s*[:：])"
)
_TRAILING = re.compile(
    r"(?:^|[\s.。!！])[-–—]\s*(?P<t>[A-Za-z][\w&.' ]{1,28}?)\s*[.。]?\s*$"
    r"|[。.!！]\s*\[(?P<u>[^\]\n]{2,24})\]\s*$"
)
# A name alone on the first line, in a script without Latin letters ("پاسارگاد\nخرید\n…", "*بانک سينا*").
_FIRST_LINE = re.compile(r"\s*\*?(?P<f>[^\sA-Za-z\d:：*][^\nA-Za-z\d:：*]{1,23}?)\*?\s*\n")
_CODE_SUFFIX = re.compile(
    r"\s+(?:id\s+)?(?:code|otp|pin|msg|message|alert|alerts|verification(?:\s+code)?|security\s+code|"
    r"sms token|token|account)$"
    r"|\s*(?:验证码|校验码|动态码|动态密码)$",  # "TeamViewer 验证码："
    re.IGNORECASE,
)
_CODE_PREFIX = re.compile(r"^(?:your|the)\s+(?=\S)", re.IGNORECASE)
# Where code messages name their sender in English: "123456 is your LIKE verification code", "Your
# BluSmart verification code is …", "… verification code for HQ Trivia", "(NetEase Verification Code)".
_SERVICE = r"((?:[A-Z0-9]|[a-z](?=[A-Z]))[\w&'.-]*(?: [A-Z0-9][\w&'.-]*){0,3})"  # Lyft, mCent, NetEase
_NAMED_IN_CODE = re.compile(
    r"\b(?i:is your) "
    + _SERVICE
    + r" (?i:(?:verification|security|confirmation|login|one-time|activation)? ?(?:code|pin|otp))\b"
    r"|\b(?i:your) "
    + _SERVICE
    + r" (?i:(?:verification|security|confirmation|login|activation) (?:code|pin))\b"
    r"|\b(?i:(?:code|password|otp|pin) for (?:your )?)" + _SERVICE + r"(?: account)?\s*(?:[.,:;!]|$| is\b)"
    r"|\b(?i:(?:account|user account) (?:with|at|on)) " + _SERVICE + r"\b"
    r"|\b(?i:(?:log ?in|sign in) to (?:your )?)" + _SERVICE + r"\b"
    r"|\b(?i:welcome to) " + _SERVICE + r"\b"
    r"|\b(?i:(?:alert|notification) from) " + _SERVICE + r"\b"
    r"|\(" + _SERVICE + r" (?i:verification code)\)",
)
# Words the patterns above may catch that name no service.
_NOT_NAMES = frozenset(
    {
        "the",
        "your",
        "one time",
        "one-time",
        "this",
        "a",
        "an",
        "login",
        "security",
        "verification",
        "ログイン",
    }
)
# An alphanumeric sender id ("NFCU", "AX-HDFCBK-S" in India's DLT form): the sender names itself.
_SENDER_ID = re.compile(r"(?=.*[a-z])[a-z0-9][a-z0-9 ._-]{1,14}")


def _sender_name(sender: str) -> str | None:
    """A sender id as a name, as written: India's DLT "AX-HDFCBK-S" -> "HDFCBK", "Tinkoff"; None for
    one that names nobody ("SMS", "ALERT")."""
    parts = [p for p in re.split(r"[-_ ]", sender.strip()) if p]
    if len(parts) > 1 and len(parts[0]) <= 2:
        return max(parts, key=len)
    named = [p for p in parts if p.casefold() not in _GENERIC_SENDERS]  # "NDB ALERT" -> "NDB"
    if not named:
        return None
    return sender.strip() if len(named) == len(parts) else " ".join(named)


_GENERIC_SENDERS = frozenset(
    {
        "sms",
        "alert",
        "alerts",
        "info",
        "notice",
        "notify",
        "otp",
        "verify",
        "code",
        "bank",
        "service",
        "message",
    }
)


_WORD = re.compile(r"[0-9a-zA-Z]+")
_ZERO_DIGITS = str.maketrans("123456789", "000000000")
_PAY_AFTER = re.compile(r"\s*(?:pay|wallet)\b", re.IGNORECASE)
# Words before a name that make it a payment channel or a merchant, not the sender of the message.
_CHANNEL = re.compile(
    r"(?:通过|使用|用|在|经|于|向|消费|支付|付款|扣款|\bvia|\bat|\bto|\bfrom|\bwith|\bon)\s*[-（(]?\s*$", re.I
)


class _Names:
    """Catalog names (zh, en, apps, keywords of 3+ characters, signatures), normalised, and how to find
    them in a text: Latin names as whole words, Chinese ones not inside a longer catalog name."""

    def __init__(self, catalog: Catalog) -> None:
        owners: dict[str, set[str]] = {}
        for service in catalog:
            if service.kind == "task":
                continue
            names = [*service.name.values(), *service.alias("apps"), *service.alias("signatures")]
            names += list((service.carrier or {}).get("names", ()))
            names += [k for k in service.alias("keywords") if len(k) >= 3]
            for name in names:
                for form in name_forms(name):
                    folded = _norm(form)
                    if len(folded) >= 2 and not folded.isdigit():
                        owners.setdefault(folded, set()).add(service.id)
            if " (" in service.name.get("en", ""):  # "Xiaohongshu (RED)": the name before the bracket
                owners.setdefault(_norm(service.name["en"].split(" (")[0]), set()).add(service.id)
        # A name several services carry names none of them; longer names are still seen whole.
        self.owner = {name: next(iter(ids)) if len(ids) == 1 else None for name, ids in owners.items()}
        # Who sends transaction and account notices that name their sender: banks and carriers.
        self.banks = {s.id for s in catalog if s.category == "bank" or s.kind == "carrier"}
        # Found by lookups, not one regex of thousands of names (which costs ~250 µs a text):
        # Latin names as runs of words, Chinese ones as substrings of the lengths names have.
        self.latin: dict[tuple[str, ...], str] = {}
        self.cjk: dict[str, str] = {}
        for name in self.owner:
            if name.isascii():
                words = tuple(_WORD.findall(name))
                if words and len(name) >= 3:
                    self.latin.setdefault(words, name)
            else:
                self.cjk[name] = name
        self.longest_words = max((len(w) for w in self.latin), default=0)
        self.cjk_lengths: dict[str, list[int]] = {}  # first character -> lengths of names, longest first
        for name in self.cjk:
            self.cjk_lengths.setdefault(name[0], []).append(len(name))
        for lengths in self.cjk_lengths.values():
            lengths.sort(reverse=True)

    def exact(self, name: str) -> str | None:
        """The service whose name `name` is, when one service has it."""
        return self.owner.get(_norm(name))

    def in_text(self, body: str, banks_only: bool = False) -> str | None:
        """The one service a text names (not as a payment channel or merchant), or None; with
        `banks_only`, the one bank it names (a transaction notice names its bank and its merchant)."""
        import unicodedata

        text = unicodedata.normalize("NFKC", body)
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            text = _simplified(text)
        found = set()
        for start, end, name in self._names_in(text):
            owner = self.owner.get(name)
            if owner is None or _CHANNEL.search(text[max(0, start - 8) : start]):
                continue
            word = text[start:end]
            if word.isascii():
                # A Latin name is written as a name (Keep, not "keep this code"), not opening the
                # text or a sentence ("Hello! …"), and not as a payment method ("Google Pay").
                before = text[:start].rstrip()
                if word.islower() or not before or before[-1] in ".!?。！？":
                    continue
                if _PAY_AFTER.match(text, end):
                    continue
            if banks_only and owner not in self.banks:
                continue
            found.add(owner)
        return found.pop() if len(found) == 1 else None

    def _names_in(self, text: str):
        """(start, end, name) of the catalog names in `text`, longest first where they overlap."""
        hits = []
        if self.latin:
            words = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]
            for i in range(len(words)):
                for n in range(min(self.longest_words, len(words) - i), 0, -1):
                    name = self.latin.get(tuple(w for _, _, w in words[i : i + n]))
                    if name is not None:
                        hits.append((words[i][0], words[i + n - 1][1], name))
                        break
        if self.cjk:
            folded = text.casefold()
            starts, cjk = self.cjk_lengths, self.cjk
            i = 0
            while i < len(folded):
                for n in starts.get(folded[i], ()):
                    name = cjk.get(folded[i : i + n])
                    if name is not None:
                        hits.append((i, i + n, name))
                        i += n - 1
                        break
                i += 1
        return hits


class _Terms:
    """App names and keywords of the services sharing one signature, and how to find them in text.

    One regex holds the terms and, as blockers, the longer names of other services that contain a
    term (企业微信, QQ音乐, 微信读书), longest first: at each place the longest name wins, so a term
    inside a longer name is never seen on its own. ASCII terms must stand as words (wx, QQ).
    """

    def __init__(self, service_ids: tuple[str, ...], catalog: Catalog) -> None:
        self.service_ids = service_ids
        self.owner: dict[str, str | None] = {}
        for service_id in service_ids:
            service = catalog.get(service_id)
            for term in (*service.alias("apps"), *service.alias("keywords")) if service else ():
                if term.strip():
                    self.owner.setdefault(_fold(term), service_id)
        terms = list(self.owner)
        own = set(service_ids)
        for other in catalog:
            if other.id in own:
                continue
            for name in (*other.alias("apps"), *other.name.values()):
                folded = _fold(name)
                if folded not in self.owner and any(term in folded for term in terms):
                    self.owner[folded] = None
        self.words: dict[str, re.Pattern[str]] = {}
        pieces = []
        for term in sorted(self.owner, key=lambda t: (-len(t), t)):
            piece = re.escape(term)
            if term.isascii():
                piece = r"(?<![0-9a-z])" + piece + r"(?![0-9a-z])"
                self.words[term] = re.compile(piece)
            pieces.append(piece)
        self.pattern = re.compile("|".join(pieces), re.IGNORECASE) if pieces else None
        self.terms = tuple(self.owner)

    def named(self, body: str) -> tuple[str, ...]:
        """The sharing services whose names appear in `body`, not as part of a longer name."""
        text = body.casefold()
        present = [term for term in self.terms if term in text]
        if not present:
            return ()
        if len(present) == 1:  # the common case, without the longest-match regex
            term = present[0]
            owner = self.owner[term]
            if owner is None or (term in self.words and not self.words[term].search(text)):
                return ()
            return (owner,)
        found = {self.owner[m.group(0)] for m in self.pattern.finditer(text)}  # type: ignore[union-attr]
        return tuple(sid for sid in self.service_ids if sid in found)


class _Resolved(NamedTuple):
    service_id: str | None  # a service, or None for a shared signature
    via: str  # "signature" | "name" | "shared"
    terms: _Terms | None = None


class _Signatures:
    """Signature -> _Resolved (a service, or a shared signature's terms) or None, with a cache."""

    def __init__(self, catalog: Catalog) -> None:
        self.unique: dict[str, str] = {}
        shared: dict[str, list[str]] = {}
        names: dict[str, set[str]] = {}
        for service in catalog:
            for signature in service.alias("signatures"):
                self.unique[_norm(signature)] = service.id
            for signature in service.alias("shared_signatures"):
                shared.setdefault(_norm(signature), []).append(service.id)
            for name in (*service.name.values(), *service.alias("apps")):
                for form in name_forms(name) if name.strip() else ():
                    names.setdefault(_norm(form), set()).add(service.id)
        self.names = {name: next(iter(ids)) for name, ids in names.items() if len(ids) == 1}
        self.shared = {signature: _Terms(tuple(ids), catalog) for signature, ids in shared.items()}
        self.cache: dict[str, _Resolved | None] = {}

    def resolve(self, signature: str) -> _Resolved | None:
        """What `signature` means: a service, a shared signature, or nothing known."""
        try:
            return self.cache[signature]
        except KeyError:
            pass
        key = _norm(signature)
        found: _Resolved | None = None
        if key in self.unique:
            found = _Resolved(self.unique[key], "signature")
        elif key in self.shared:
            found = _Resolved(None, "shared", self.shared[key])
        elif key in self.names:
            found = _Resolved(self.names[key], "name")
        self.cache[signature] = found
        return found


# --- senders --------------------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")
# An Indian DLT sender id, normalised: two letters (operator, circle), the header, an optional type.
_DLT = re.compile(r"[a-z]{2}-([a-z0-9]{3,9})(?:-[a-z])?")


def normalise_sender(sender: str) -> str:
    """A sender as digits without the +86/0086 prefix ("+86 955-55" -> "95555"); a name casefolded.

    Alphanumeric sender ids ("Google", "AMAZON") are compared by name.
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", sender).strip()
    if any(ch.isalpha() for ch in text):
        return text.casefold()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+86") or digits.startswith("0086"):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
    elif text.startswith("+") or digits.startswith("00"):
        digits = digits.lstrip("0")
    return digits


class _Senders:
    """Sender -> service id, with the channel rules below, and a cache (senders repeat a lot).

    1. Exact: the normalised sender is a catalog sender (95555, 10086, 12306, 10699000).
    2. Enterprise channel: a 106… number ending with a catalog sender of 5+ digits, with at least 4
       digits before it (1069800 + 95588: ICBC's messages relayed through an SMS platform).
    3. Extension: a catalog sender of 5+ digits followed by at most 6 more digits (95555 + 1: a
       branch or campaign sub-port).
    4. India's DLT form: "VM-PNBSMS-S" is the header PNBSMS behind an operator and circle prefix and
       a type suffix that change from message to message.
    The longest catalog sender wins; an 11-digit mobile number is never read as a service number.
    """

    def __init__(self, catalog: Catalog, own: set[str]) -> None:
        self.exact: dict[str, str] = {}
        for service in catalog:
            for sender in service.alias("senders"):
                self.exact[normalise_sender(sender)] = service.id
        self.numbers = sorted((s for s in self.exact if s.isdigit() and len(s) >= 5), key=len, reverse=True)
        self.own = own
        self.cache: dict[str, tuple[str, str | None]] = {}
        self.written: dict[str, str] = {}  # normalised sender -> as first written

    def lookup(self, sender: str) -> tuple[str, str | None]:
        """(normalised sender, service id or None)."""
        try:
            return self.cache[sender]
        except KeyError:
            pass
        number = normalise_sender(sender)
        self.written.setdefault(number, sender)
        found = self.exact.get(number)
        if found is None and not number.isdigit():
            dlt = _DLT.fullmatch(number)
            if dlt is not None:
                found = self.exact.get(dlt[1])
        elif found is None and not _MOBILE.fullmatch(number):
            for known in self.numbers:
                if number.startswith("106") and number.endswith(known) and len(number) - len(known) >= 4:
                    found = self.exact[known]
                    break
                if number.startswith(known) and 0 < len(number) - len(known) <= 6:
                    found = self.exact[known]
                    break
        result = (number, found)
        self.cache[sender] = result
        return result


def _own_numbers(number_e164: str) -> set[str]:
    """The number as normalised senders may write it: international and national digits."""
    import contextlib

    import phonenumbers

    digits = number_e164.lstrip("+")
    own = {digits}
    with contextlib.suppress(phonenumbers.NumberParseException):
        own.add(str(phonenumbers.parse(number_e164).national_number))
    return own


# --- messages -------------------------------------------------------------------------------------


class _Tally:
    """How many messages, the first and last time, and by which rules (for one service or candidate)."""

    __slots__ = ("count", "first", "last", "via")

    def __init__(self) -> None:
        self.count = 0
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.via: set[str] = set()

    def add(self, at: datetime | None, via: str = "") -> None:
        """One message."""
        self.count += 1
        if at is not None:
            if self.last is None:
                self.first = self.last = at
            elif at > self.last:  # messages mostly come oldest first
                self.last = at
            elif at < self.first:  # type: ignore[operator]
                self.first = at
        if via:
            self.via.add(via)

    def add_group(self, count: int, first: datetime | None, last: datetime | None, via: str = "") -> None:
        """`count` alike messages sent between `first` and `last`."""
        self.count += count
        if first is not None and last is not None:
            if self.last is None or self.first is None:
                self.first, self.last = first, last
            else:
                self.first = min(self.first, first)
                self.last = max(self.last, last)
        if via:
            self.via.add(via)


ZERO_BYTES = bytes.maketrans(b"123456789", b"000000000")  # UTF-8 digits are single bytes, in no other
READINGS_KEPT = 10_000  # readings remembered at once, in each of SmsMatcher's two memories
_UNSEEN = object()
_EXACT = object()  # "remembered per text": its digits may matter


class _DigitNames:
    """The catalog names and shared-signature terms that hold a digit (铁路12306, 58同城, 1688), with
    their digits as 0: a text that holds none of these, read every way the rules read texts, holds no
    such name whatever its digits are."""

    def __init__(self, names: _Names, signatures: _Signatures) -> None:
        forms = {n for n in names.owner if any(ch.isdigit() for ch in n)}
        terms = {t for shared in signatures.shared.values() for t in shared.terms}
        forms |= {t for t in terms if any(ch.isdigit() for ch in t)}
        zeroed = {form.translate(_ZERO_DIGITS) for form in forms}
        self.latin = [frozenset(_WORD.findall(form)) for form in zeroed if form.isascii()]
        self.cjk = [form for form in zeroed if not form.isascii()]

    def could_hold(self, text: str) -> bool:
        """Whether `text`, or a text like it but for its digits, may hold one of these names."""
        if not self.latin and not self.cjk:
            return False
        for seen in {text.casefold(), _norm(text)}:  # as the terms read it, as the names do
            seen = seen.translate(_ZERO_DIGITS)
            if any(form in seen for form in self.cjk):
                return True
            words = set(_WORD.findall(seen))
            if any(form <= words for form in self.latin):
                return True
        return False


def _notice_kind(body: str, orders: bool = True) -> str | None:
    """ "code", "bank" or (with `orders`) "notice" when `body` carries a code, an account or
    transaction notice, or an order, parcel or appointment notice; else None."""
    if CODE_WORDS.search(body):
        return "code"
    if BANK_WORDS.search(body):
        return "bank"
    return "notice" if orders and NOTICE_WORDS.search(body) else None


_MOBILE_TYPES = (1, 2)  # phonenumbers.PhoneNumberType.MOBILE, FIXED_LINE_OR_MOBILE (not imported here)


class BodyNeeded(Exception):
    """A group of messages came without the text that a rule must read (see MessageGroup.body)."""


class SmsMatcher:
    """The rules of the module doc, for messages one by one or for groups of alike messages."""

    def __init__(self, catalog: Catalog, number_e164: str) -> None:
        self.signatures = _Signatures(catalog)
        self.senders = _Senders(catalog, _own_numbers(number_e164))
        self.names = _Names(catalog)
        self.digit_names = _DigitNames(self.names, self.signatures)
        # (signature, text as UTF-8 with its digits as 0) -> what the rules read in it, or _EXACT
        # where the digits may matter; then (signature, text) -> the reading.
        self.readings: dict[tuple, object] = {}
        self.exact_readings: dict[tuple, object] = {}
        for name, owner in self.names.owner.items():  # alphanumeric sender ids: "SCHWAB", "Google"
            if owner is not None and name.isascii() and name.isalpha() and len(name) >= 3:
                self.senders.exact.setdefault(name, owner)
        self.hits: dict[str, _Tally] = {}
        self.candidates: dict[tuple[str, str], tuple[str, _Tally, tuple[str, ...]]] = {}
        self.normal: dict[str, str] = {}  # a candidate's name as written -> as matched
        self.people: dict[str, bool] = {}  # sender -> whether it is a person's mobile number
        # (sender, signature, text as UTF-8 with its digits as 0) -> where such messages count
        self.targets: dict[tuple, tuple[tuple[_Tally, str], ...]] = {}
        self.lookups: list[LookupResult] = []
        self.total = self.incoming = 0

    # what a reader that groups messages needs to know

    def is_lookup_sender(self, sender: str) -> bool:
        """Whether messages from `sender` may carry the official lookup's result."""
        return self.senders.lookup(sender)[0] == LOOKUP_SENDER

    def signature_in(self, body: str) -> str | None:
        """The signature a message is read by: the one at its start ("【验证密码】… 【中国移动】" aside: an
        unknown label at the start gives way to a known signature at the end)."""
        signature = signature_of(body) if "】" in body else None
        if signature is not None and self.signatures.resolve(signature) is None:
            closing = _trailing_signature(body)
            if closing is not None and closing != signature and self.signatures.resolve(closing) is not None:
                return closing
        return signature

    def names_one_service(self, signature: str) -> bool:
        """Whether a message signed `signature` is matched to one service, whatever its text says."""
        resolved = self.signatures.resolve(signature)
        return resolved is not None and resolved.service_id is not None and signature != LOOKUP_SIGNATURE

    def reading(self, signature: str | None, body: str) -> object:
        """What the rules that read a text make of `body` signed `signature` (None: no signature; else
        one not naming one service): messages with equal readings, sender and signature are matched
        alike (see _settle). Remembered: see read_alike."""
        return self.read_alike(signature, body)[0]

    def read_alike(self, signature: str | None, body: str) -> tuple[object, bool]:
        """`reading(signature, body)`, and whether every text like `body` but for its digits reads the
        same (signed alike: a signature without digits).

        Readings are remembered for texts alike but for their digits (codes and amounts differ; the
        words the rules read do not), unless the digits could spell a catalog name (12306, 58同城) or
        the reading's own name holds one: then for the text itself. Both memories are bounded.
        """
        key = (signature, body.encode("utf-8", "surrogatepass").translate(ZERO_BYTES))
        found = self.readings.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._reading(signature, body)
            if len(self.readings) >= READINGS_KEPT:
                self.readings.clear()
            if self.digit_names.could_hold(body) or (
                signature is None and any(ch.isdigit() for ch in found[1])  # type: ignore[index]
            ):
                self.readings[key] = _EXACT
                self._remember_exact(signature, body, found)
                return found, False
            self.readings[key] = found
            return found, True
        if found is _EXACT:
            exact = (signature, body)
            found = self.exact_readings.get(exact, _UNSEEN)
            if found is _UNSEEN:
                found = self._reading(signature, body)
                self._remember_exact(signature, body, found)
            return found, False
        return found, True

    def _remember_exact(self, signature: str | None, body: str, reading: object) -> None:
        if len(self.exact_readings) >= READINGS_KEPT:
            self.exact_readings.clear()
        self.exact_readings[signature, body] = reading

    def _reading(self, signature: str | None, body: str) -> object:
        if signature is None:
            return self._read_text(body)
        resolved = self.signatures.resolve(signature)
        if resolved is not None and resolved.terms is not None:
            return resolved.terms.named(body.replace(f"【{signature}】", ""))
        return _notice_kind(body)

    def by_text(self, body: str) -> tuple[str, str, str | None]:
        """What a message without a 【signature】 says of its sender (_read_text), remembered."""
        return self.reading(None, body)  # type: ignore[return-value]

    def _read_text(self, body: str) -> tuple[str, str, str | None]:
        """What a message without a 【signature】 says of its sender: (kind, name, service id).

        kind "name": a leading or trailing name that is a catalog service; "text": the one catalog
        service a code message names; "code"/"bank": an unknown leading name with a code or a notice
        (a custom item to offer); "": nothing read.
        """
        code = CODE_WORDS.search(body) is not None
        notice = code or BANK_WORDS.search(body) is not None
        if not notice:  # a name counts only in a message that carries a code or a notice
            return ("", "", None)
        lead = _LEADING.match(body) or _TRAILING.search(body) or _FIRST_LINE.match(body)
        name, rest = "", body
        if lead:
            group = next((g for g, value in lead.groupdict().items() if value), None)
            if group is not None:
                written = lead.group(group).strip()
                # "Snapchat code:", "Verizon Msg:", "Your Uber code:"
                name = _CODE_PREFIX.sub("", _CODE_SUFFIX.sub("", written))
                rest = body.replace(written, " ")  # a catalog name inside "[Binance TR]" is not it
        if name:
            service_id = self.names.exact(name)
            if service_id is not None:
                return ("name", name, service_id)
        service_id = self.names.in_text(rest, banks_only=not code)
        if service_id is not None:
            return ("text", "", service_id)
        if not name:
            named = _NAMED_IN_CODE.search(body)
            name = next((g for g in named.groups() if g), "").strip() if named else ""
            name = _CODE_SUFFIX.sub("", name)  # "your USCIS Account"
        if name and _LIKE_NAME.fullmatch(name) and _norm(name) not in _NOT_NAMES:
            return ("code" if code else "bank", name, None)
        return ("", "", None)

    # matching

    def _tally(self, service_id: str) -> _Tally:
        found = self.hits.get(service_id)
        if found is None:
            found = self.hits[service_id] = _Tally()
        return found

    def _settle(
        self,
        number: str,
        by_sender: str | None,
        signature: str | None,
        resolved: _Resolved | None,
        body: str | None,
        count: int,
        first: datetime | None,
        last: datetime | None,
    ) -> None:
        """Rules 3 to 6 for `count` received messages alike in sender, signature and what they name."""
        if number == LOOKUP_SENDER or signature == LOOKUP_SIGNATURE:
            if body is None or count != 1:
                raise BodyNeeded(signature or number)
            found = _lookup_in(body, first)
            if found is not None:
                self.lookups.append(found)
        for tally, via in self._targets(number, by_sender, signature, resolved, body)[0]:
            tally.add_group(count, first, last, via)

    def _targets(
        self,
        number: str,
        by_sender: str | None,
        signature: str | None,
        resolved: _Resolved | None,
        body: str | None,
    ) -> tuple[tuple[tuple[_Tally, str], ...], bool]:
        """Where a message from `number` signed `signature` counts (rules 3 to 6): (tally, rule) pairs
        of services or candidates; and whether every text alike but for its digits counts there too."""
        if resolved is not None and resolved.service_id is not None:
            return ((self._tally(resolved.service_id), resolved.via),), True
        terms = resolved.terms if resolved is not None else None
        same = True
        if terms is not None:
            if body is None:
                raise BodyNeeded(signature)
            named, same = self.read_alike(signature, body)  # terms.named, remembered
            if named:
                return tuple((self._tally(service_id), "app") for service_id in named), same  # type: ignore[union-attr]
        if signature is None:
            if body is None:
                raise BodyNeeded(number)
            kind, name, service_id = "", "", None
            if not _MOBILE.fullmatch(number):
                (kind, name, service_id), same = self.read_alike(None, body)  # type: ignore[misc]
            if service_id is not None:
                return ((self._tally(service_id), kind),), same
            if by_sender is not None:
                return ((self._tally(by_sender), "sender"),), same
            if self._from_a_person(number):  # what a person writes names no service of theirs
                return (), same
            named = (
                _sender_name(self.senders.written.get(number, number))
                if _SENDER_ID.fullmatch(number)
                else None
            )
            if named is not None:  # it names the service better than a heading ("Update:")
                kind = kind if kind in ("code", "bank") else _notice_kind(body, False) or ""
                if kind:
                    return ((self._candidate(named, kind, ()), ""),), same
            if kind in ("code", "bank"):
                return ((self._candidate(name, kind, ()), ""),), same
            return (), same
        if by_sender is not None:
            return ((self._tally(by_sender), "sender"),), same
        if terms is not None:
            kind = "shared"
        elif body is None:
            raise BodyNeeded(signature)
        else:
            found, same = self.read_alike(signature, body)  # _notice_kind, remembered
            if found is None:
                return (), same
            kind = found  # type: ignore[assignment]
        return ((self._candidate(signature, kind, terms.service_ids if terms else ()), ""),), same

    def _from_a_person(self, number: str) -> bool:
        """Whether `number` (normalised) is a mobile number abroad: a person's, whose texts may look
        like a service's ("Mom: the wifi password is …") but are no account of the user's."""
        found = self.people.get(number)
        if found is None:
            found = False
            if number.isdigit() and 10 <= len(number) <= 15 and not number.startswith("106"):
                import phonenumbers

                try:
                    parsed = phonenumbers.parse("+" + number)
                except phonenumbers.NumberParseException:
                    parsed = None
                found = (
                    parsed is not None
                    and phonenumbers.is_valid_number(parsed)
                    and (phonenumbers.number_type(parsed) in _MOBILE_TYPES)
                )
            self.people[number] = found
        return found

    def _candidate(self, name: str, kind: str, shared: tuple[str, ...]) -> _Tally:
        """The tally of the unknown service `name` (a signature, a leading name or a sender id)."""
        normal = self.normal.get(name)
        if normal is None:
            normal = self.normal[name] = _norm(name)
        entry = self.candidates.get((normal, kind))
        if entry is None:
            entry = self.candidates[normal, kind] = (name, _Tally(), shared)
        return entry[1]

    def add_messages(self, messages: Iterable[Message]) -> None:
        """Match messages one by one (the common cases inline: a signature that names a service, a
        sender that does)."""
        senders, signatures = self.senders, self.signatures
        own, hits = senders.own, self.hits
        sender_cache, resolved_cache = senders.cache, signatures.cache
        targets_of = self.targets
        total = incoming = 0
        for sender, body, at, received in messages:  # the hot loop: one pass, dictionary lookups only
            total += 1
            if not received:
                continue
            number, by_sender = sender_cache.get(sender) or senders.lookup(sender)
            if number in own:
                continue
            incoming += 1
            signature = signature_of(body) if "】" in body else None
            if signature is None:
                resolved = None
            elif signature in resolved_cache:
                resolved = resolved_cache[signature]
            else:
                resolved = signatures.resolve(signature)
            if resolved is None and signature is not None:  # a label first, the signature last?
                signature = self.signature_in(body)
                resolved = signatures.resolve(signature)  # type: ignore[arg-type]
            if number == LOOKUP_SENDER or signature == LOOKUP_SIGNATURE:
                self._settle(number, by_sender, signature, resolved, body, 1, at, at)
                continue
            if resolved is None:  # rules 2 and 4 inline
                if signature is not None and by_sender is not None:
                    (hits.get(by_sender) or self._tally(by_sender)).add(at, "sender")
                    continue
            elif resolved.service_id is not None:
                (hits.get(resolved.service_id) or self._tally(resolved.service_id)).add(at, resolved.via)
                continue
            # the rest, remembered for texts alike but for their digits where they count alike
            alike = (number, signature, body.encode("utf-8", "surrogatepass").translate(ZERO_BYTES))
            targets = targets_of.get(alike)
            if targets is None:
                targets, same = self._targets(number, by_sender, signature, resolved, body)
                if same:
                    if len(targets_of) >= READINGS_KEPT:
                        targets_of.clear()
                    targets_of[alike] = targets
            for tally, via in targets:
                tally.add(at, via)
        self.total += total
        self.incoming += incoming

    def add_groups(self, groups: Iterable[MessageGroup]) -> None:
        """Match groups of alike messages, in the order of their first message.

        Raises BodyNeeded when a rule must read a text that a group does not carry.
        """
        for sender, text, body, first, last, received, count in groups:
            self.total += count
            if not received:
                continue
            number, by_sender = self.senders.lookup(sender)
            if number in self.senders.own:
                continue
            self.incoming += count
            signature = self.signature_in(text)
            resolved = self.signatures.resolve(signature) if signature is not None else None
            self._settle(number, by_sender, signature, resolved, body, count, first, last)

    def result(self) -> SmsMatches:
        services = tuple(
            sorted(
                (
                    ServiceHit(sid, t.count, t.first, t.last, tuple(sorted(t.via)))
                    for sid, t in self.hits.items()
                ),
                key=lambda h: (-h.count, h.service_id),
            )
        )
        found_candidates = tuple(
            sorted(
                (
                    SmsCandidate(signature, kind, tally.count, tally.first, tally.last, shared)
                    for (_, kind), (signature, tally, shared) in self.candidates.items()
                ),
                key=lambda c: (-c.count, c.signature, c.kind),
            )
        )
        return SmsMatches(services, found_candidates, tuple(self.lookups), self.total, self.incoming)


def match_messages(messages: Iterable[Message], catalog: Catalog, number_e164: str) -> SmsMatches:
    """The services, candidate signatures and lookup results that `messages` reveal (rules: module doc)."""
    matcher = SmsMatcher(catalog, number_e164)
    matcher.add_messages(messages)
    return matcher.result()


def _lookup_in(body: str, at: datetime | None) -> LookupResult | None:
    """The lookup result in a message from 10699000, or None (for example the phone-card lookup)."""
    if "账号" not in body and "帐号" not in body:
        return None
    try:
        found = parse_lookup(body)
    except ImportFileError:
        return None
    if found.at is None and at is not None:
        found = found._replace(at=at.astimezone().date())
    return found


# --- logins ---------------------------------------------------------------------------------------

_PACKAGE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+")


def android_package(url: str) -> str | None:
    """The app id of an Android login (`android://<hash>@com.app/`, `androidapp://com.app`), else None."""
    text = url.strip()
    lower = text[:13].lower()
    if lower.startswith("android://"):
        rest = text[len("android://") :].rpartition("@")[2]
    elif lower.startswith("androidapp://"):
        rest = text[len("androidapp://") :]
    else:
        return None
    package = rest.split("/", 1)[0].split("?", 1)[0]
    return package if _PACKAGE.fullmatch(package) else None


def host_of(url: str) -> str | None:
    """The host name of `url` (lowercase; a URL without a scheme is read as http), or None.

    None also for IP addresses and single-label names (localhost, intranet hosts): no registrable
    domain to match.
    """
    import ipaddress
    from urllib.parse import urlsplit

    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    return host if "." in host else None


def _is_number(username: str, number_e164: str, region: str | None) -> bool:
    """Whether a login's username is the number, in any format (an e-mail address never is)."""
    from numretire.numbers import same_number

    text = username.strip()
    if text[:4].lower() == "tel:":
        text = text[4:]
    if not text or any(ch.isalpha() for ch in text):
        return False
    digits = sum(ch.isdigit() for ch in text)
    return 5 <= digits <= 20 and same_number(text, number_e164, region)


def match_logins(
    logins: Iterable[Login], catalog: Catalog, number_e164: str, region: str | None = None
) -> LoginMatches:
    """The services and unknown domains that saved logins reveal.

    A URL is reduced to its registrable domain with the bundled Public Suffix List (passport.jd.com ->
    jd.com, passport.alipay.com.cn -> alipay.com.cn) and matched against the catalog's `domains` (the
    host and each parent domain are tried, so a catalog entry may also name a subdomain); an Android
    app login by the catalog's `packages`. A login whose username is this number, in any format,
    marks its service (or candidate) `login_is_number`.
    """
    from publicsuffixlist import PublicSuffixList

    suffixes = PublicSuffixList()
    domains: dict[str, str] = {}
    packages: dict[str, str] = {}
    for service in catalog:
        for domain in (*service.alias("domains"), *service.alias("hosts")):
            domains[_fold(domain).rstrip(".")] = service.id
        for package in service.alias("packages"):
            packages[package.strip().casefold()] = service.id

    tallies: dict[str, list[int]] = {}  # service id -> [count, login is the number]
    unknown: dict[tuple[str, str], list[int]] = {}
    total = skipped = 0
    for login in logins:
        total += 1
        package = android_package(login.url)
        if package is not None:
            service_id = packages.get(package.casefold())
            key = (package, "package")
        else:
            host = host_of(login.url)
            if host is None:
                skipped += 1
                continue
            labels = host.split(".")
            service_id = next(
                (domains[d] for d in (".".join(labels[i:]) for i in range(len(labels) - 1)) if d in domains),
                None,
            )
            registrable = suffixes.privatesuffix(host)
            if service_id is None and registrable is None:
                skipped += 1  # a public suffix itself (github.io, com.cn)
                continue
            key = (registrable or host, "domain")
        is_number = _is_number(login.username, number_e164, region)
        tally = tallies.setdefault(service_id, [0, 0]) if service_id else unknown.setdefault(key, [0, 0])
        tally[0] += 1
        tally[1] |= is_number

    services = tuple(
        sorted(
            (LoginHit(sid, count, bool(flag)) for sid, (count, flag) in tallies.items()),
            key=lambda h: (-h.count, h.service_id),
        )
    )
    candidates = tuple(
        sorted(
            (
                LoginCandidate(name, kind, count, bool(flag))
                for (name, kind), (count, flag) in unknown.items()
            ),
            key=lambda c: (-c.count, c.name),
        )
    )
    return LoginMatches(services, candidates, total, skipped)


# --- the official lookup --------------------------------------------------------------------------

# The wording of the result SMS of 一证通查 2.0 is not published. What is on record: MIIT and People's
# Daily (2022-07-22, p. 7): the reply from 10699000 "仅包含关联互联网账号数量"; a reporter's test
# (xrbh.cn, 2022-07-26): the message from "工信部反诈中心" said the number "共注册了14个账号", another
# reader's "共8个账号"; the phone-card lookup (1.0) answers "名下有3张电话卡，其中中国移动2张…". So: a
# total after 共/总计/合计, or a count after 关联(的)(互联网)账号(数量), or "N个(互联网)账号".
_NUM = r"(\d+|[零〇一二两三四五六七八九十百]+)"
_ACCOUNTS = r"(?:互联网)?[账帐]号"
_TOTAL = re.compile(r"(?:共计|总计|合计|一共|共)(?:注册|关联|绑定)?了?\s*" + _NUM + r"\s*个\s*" + _ACCOUNTS)
_AFTER = re.compile(
    r"(?:关联|注册|绑定)(?:的|了)?"
    + _ACCOUNTS
    + r"(?:的)?(?:总数|数量|个数|数)?\s*(?:为|是|共|有|：|:)?\s*"
    + _NUM
)
_BEFORE = re.compile(_NUM + r"\s*个\s*" + _ACCOUNTS)
_CARDS = re.compile(r"电话卡|手机卡|\d+\s*张")
_DATE = re.compile(r"(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    total = current = 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _date_in(text: str) -> date | None:
    found = _DATE.search(text)
    if not found:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def parse_lookup(text: str, path: PathLike = "") -> LookupResult:
    """The count (and date, when the text has one) in a 一证通查 2.0 result message.

    Raises ImportFileError naming `path` when no count of accounts can be found: for the phone-card
    lookup's answer (a count of cards, not accounts), or when the text holds different counts and no
    total.
    """
    where = str(path)
    flat = re.sub(r"\s+", " ", text)
    for pattern in (_TOTAL, _AFTER):
        found = pattern.search(flat)
        if found:
            return LookupResult(_number(found.group(1)), _date_in(flat))
    counts = {_number(m.group(1)) for m in _BEFORE.finditer(flat)}
    if len(counts) == 1:
        return LookupResult(counts.pop(), _date_in(flat))
    if len(counts) > 1:
        shown = ", ".join(str(n) for n in sorted(counts))
        raise ImportFileError("import.lookup_ambiguous", path=where, counts=shown)
    if _CARDS.search(flat):
        raise ImportFileError("import.lookup_cards", path=where)
    raise ImportFileError("import.lookup_no_count", path=where)
