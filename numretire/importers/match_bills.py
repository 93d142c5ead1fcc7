"""Match the rows of a payment statement (Alipay, WeChat Pay) to catalog services. Pure: no files, no
output. Results hold service ids, counts, days and payment kinds only: never an amount, an order
number or a goods description, so that nothing shown or stored can leak them.

Rules, for each row:
1. The counterparty (交易对方) is a company a service is billed under (its `companies` alias),
   compared normalised: full-width letters, digits and brackets as ASCII, spaces dropped, case folded,
   and the company-form suffix (有限公司, 有限责任公司, 股份有限公司, 公司) left off, so that
   "北京三快在线科技有限公司" and "北京三快在线科技有限责任公司" are one company.
2. Else the counterparty is, as a whole, one service's name or app name (WeChat Pay bills name the
   brand: 美团, 滴滴出行), or that name followed by 平台商户 / 特约商户 / 生活服务商家, or a brand
   and its company joined by a hyphen (蚂蚁财富-蚂蚁（杭州）基金销售有限公司), found by the brand, else
   by the company.
3. Else the goods column (商品说明 / 商品) starts with one service's name or app name ("美团订单…",
   "爱奇艺VIP会员连续包月"), the longest name winning (京东到家 over 京东), a Latin name standing as a
   word, and the counterparty is neither a person (masked: 张*三, x4***6) nor a shop (…店, …商行):
   a shop's goods are item titles, where brand names stand for what is sold, not who bills.
4. Counterparties matching no service are not offered: a statement is mostly shops, restaurants and
   people, far too many to review. The exception is a counterparty that holds an agreement to charge
   the user (an auto-debit, subscription or password-free payment was seen with it) and is not a
   person or a payment institution: that is a service holding money rights the user may have
   forgotten, offered as a custom item by its name.

Payment kinds are read from the type, goods, method and remark columns of each matched row (kept in
memory only): "auto-debit" (代扣, 自动扣款), "subscription" (自动续费, 连续包月 …), "password-free"
(免密支付). The statement's own account (Alipay for an Alipay statement, WeChat Pay for a WeChat one)
is found too, by every row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from numretire.catalog import Catalog
from numretire.importers import ImportFileError, PathLike, Payment
from numretire.importers.bill_table import MAX_ROWS, day_of, layout

# The catalog id of the account each statement belongs to.
ISSUER_SERVICE = {"alipay": "alipay", "wechat": "wechat-pay"}

# Payment kinds -> the personal flag they answer yes.
KIND_FLAGS = {"auto-debit": "auto-debit", "subscription": "auto-debit", "password-free": "password-free"}
# numretire.model.EVIDENCE_KINDS (a test holds them equal), not imported from there: loading the model
# (dataclasses, inspect) takes tens of milliseconds the matching itself does not need.
KINDS = ("auto-debit", "subscription", "password-free")
_KIND_WORDS = (
    ("password-free", re.compile(r"免密")),
    ("subscription", re.compile(r"自动续费|自动续订|连续包[月季年]|连续订阅|包月续费")),  # each has 续
    ("auto-debit", re.compile(r"代扣|自动扣款|自动扣费|委托扣款|周期扣款")),  # each has 扣
)
# Any of them: one search a row, and the kinds are told apart only for the rows it finds.
_ANY_KIND = re.compile("|".join(words.pattern for _, words in _KIND_WORDS))

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司")
_BRAND_SUFFIXES = ("平台商户", "特约商户", "生活服务商家")  # the last: 抖音生活服务商家
# A shop's name ends so, or with its branch in brackets: 某某专营店, 过桥米线(传奇广场店).
_SHOP = re.compile(r"(?:店|商行|超市|便利|小卖部|档口|工作室)\)?$|(?:店|商行|超市)\(.*\)$")
_SHOP_ENDS = ("店", "商行", "超市", "便利", "小卖部", "档口", "工作室", ")")  # what _SHOP needs at the end
# Counterparties that are payment institutions, not services holding an agreement.
_PAYMENT_INSTITUTIONS = ("支付宝", "财付通", "微信支付", "网联清算", "银联", "花呗", "余额宝")
_LATIN = re.compile(r"[0-9a-z]")
NAME_MIN = 2  # characters: a one-character name would be found everywhere


def fold(text: str) -> str:
    """A name as compared: NFKC (full-width to ASCII), spaces dropped, case folded."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def company_key(name: str) -> str:
    """A company name without its company-form suffix: 北京三快在线科技有限公司 -> 北京三快在线科技."""
    return _without_suffix(fold(name))


def _without_suffix(key: str) -> str:
    if not key.endswith(_SUFFIXES):
        return key
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def kinds_of(*texts: str) -> frozenset[str]:
    """The payment kinds these cells show."""
    text = "|".join(texts)
    if not _ANY_KIND.search(text):
        return frozenset()
    return frozenset(kind for kind, words in _KIND_WORDS if words.search(text))


def is_person(counterparty: str) -> bool:
    """A masked name (张*三, x4***6, rim***@qq.com) or an e-mail or phone-like id: a person."""
    return "*" in counterparty or "@" in counterparty


class BillHit(NamedTuple):
    service_id: str
    count: int  # rows
    first: date | None
    last: date | None
    kinds: tuple[str, ...]  # in KINDS order
    via: tuple[str, ...]  # "company", "name", "goods", "issuer"


class BillCandidate(NamedTuple):
    """A counterparty the catalog lacks, seen with an agreement to charge the user."""

    name: str
    count: int
    first: date | None
    last: date | None
    kinds: tuple[str, ...]


class BillMatches(NamedTuple):
    issuer: str  # alipay | wechat
    rows: int
    services: tuple[BillHit, ...]
    candidates: tuple[BillCandidate, ...]


class _Tally:
    """Rows found for one service: a count, the first and last day, the payment kinds, found how."""

    __slots__ = ("count", "first", "kinds", "last", "via")

    def __init__(self) -> None:
        self.count = 0
        self.first: date | None = None
        self.last: date | None = None
        self.kinds: set[str] = set()
        self.via: set[str] = set()

    def merge(self, count: int, first: date | None, last: date | None, kinds, via: str) -> None:
        self.count += count
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last
        self.kinds.update(kinds)
        self.via.add(via)

    def ordered_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in KINDS if k in self.kinds)


class BillIndex:
    """The catalog's company names and service names, folded, for matching statement rows."""

    def __init__(self, catalog: Catalog) -> None:
        companies: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        for service in catalog:
            if service.kind != "account":
                continue
            for company in service.alias("companies"):
                companies.setdefault(company_key(company), set()).add(service.id)
            for name in (*service.name.values(), *service.alias("apps")):
                key = fold(name)
                if (len(key) >= NAME_MIN and not key.isdigit()) or key == "12306":
                    names.setdefault(key, set()).add(service.id)
        # A company or name several services carry names none of them.
        self.companies = {k: next(iter(v)) for k, v in companies.items() if len(v) == 1}
        self.names: dict[str, str | None] = {
            k: next(iter(v)) if len(v) == 1 else None for k, v in names.items()
        }
        self.lengths: dict[str, list[int]] = {}  # first character -> lengths of names, longest first
        for key in self.names:
            self.lengths.setdefault(key[0], []).append(len(key))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)
        self.longest = max((len(k) for k in self.names), default=0)
        # The characters a goods text may start with to start with a name, as written (a Latin name
        # in any case): any other first character is looked at no further.
        self.starts = frozenset(self.lengths) | {c.upper() for c in self.lengths}

    def counterparty(self, counterparty: str, key: str | None = None) -> tuple[str | None, str]:
        """(service id, "company" | "name") for a counterparty (`key`: it folded, when known), or
        (None, "")."""
        if key is None:
            key = fold(counterparty)
        if not key:
            return None, ""
        found = self.companies.get(_without_suffix(key))
        if found is not None:
            return found, "company"
        owner = self.names.get(key)
        if owner is not None:
            return owner, "name"
        if key.endswith(_BRAND_SUFFIXES):
            for suffix in _BRAND_SUFFIXES:
                if key.endswith(suffix):
                    owner = self.names.get(key[: len(key) - len(suffix)])
                    if owner is not None:
                        return owner, "name"
        if "-" in key:  # brand-company (full-width hyphens are folded to this one)
            brand, _, company = key.partition("-")
            owner = self.names.get(brand)
            if owner is not None:
                return owner, "name"
            found = self.companies.get(_without_suffix(company))
            if found is not None:
                return found, "company"
        return None, ""

    def leading_name(self, goods: str) -> str | None:
        """The one service whose name the goods text starts with (the longest name wins)."""
        first = goods[0]
        if first in self.starts:
            pass
        elif first == " " or first == "\u3000":
            goods = goods.lstrip()
            if not goods:
                return None
        elif first.isascii() or "\u4e00" <= first <= "\u9fff":
            return None  # the common case: no name starts so (full-width letters are folded below)
        head = goods[: self.longest + 8].strip()
        # Folded only when folding changes it (full-width or capital letters, inner spaces): most
        # goods texts are plain Chinese, and NFKC costs more than the look-ups.
        if " " in head or head.casefold() != head or not unicodedata.is_normalized("NFKC", head):
            head = fold(head)
        if not head:
            return None
        for n in self.lengths.get(head[0], ()):
            if n > len(head):
                continue
            key = head[:n]
            if key in self.names:
                # A Latin name stands as a word: "keep" is not "keeper".
                if key[-1].isascii() and n < len(head) and _LATIN.match(head[n]):
                    continue
                return self.names[key]
        return None


def may_name_by_goods(counterparty: str) -> bool:
    """Whether a row's goods text may name the service: not a person's or a shop's row."""
    if is_person(counterparty):
        return False
    return not _is_shop(fold(counterparty))


def _is_shop(key: str) -> bool:
    return key.endswith(_SHOP_ENDS) and _SHOP.search(key) is not None


def is_payment_institution(counterparty: str, key: str | None = None) -> bool:
    if key is None:
        key = fold(counterparty)
    return key.startswith(_PAYMENT_INSTITUTIONS)


CANDIDATE_MAX = 60  # characters: a counterparty offered by its name is a name, not a sentence
MAX_NAME = 200  # characters of a counterparty looked at: real ones are far shorter


MEMO_MAX = 10_000  # distinct texts whose payment words are remembered
IGNORE, SERVICE, UNKNOWN = 0, 1, 2  # what a counterparty's rows are read for


class _Day:
    """The first and last day of some rows, kept as the cells give them (text compares as text:
    a statement writes every time alike) and read as dates at the end."""

    __slots__ = ("count", "first", "kinds", "last")

    def __init__(self) -> None:
        self.count = 0
        self.first = None
        self.last = None
        self.kinds: set[str] = set()

    def add(self, day) -> None:
        self.count += 1
        if day:
            if self.last is None or day > self.last:
                self.last = day
            if self.first is None or day < self.first:
                self.first = day


_NO_KINDS: frozenset[str] = frozenset()
_ABOVE = "\U0010ffff"  # above every day a cell writes: where a counterparty's first day starts


class _Party(_Day):
    """One counterparty as the statement writes it, and its rows: a statement repeats counterparties,
    so what one is, is worked out once for each. Its first day starts at _ABOVE and its last at ""
    (not None), so that the loop tests each with one comparison."""

    __slots__ = ("candidate", "key", "mode", "named", "service_id", "via")

    def __init__(self, mode: int, service_id: str | None, via: str, candidate: str, key: str = "") -> None:
        self.count = 0
        self.kinds = _NO_KINDS  # replaced, not changed, when kinds are found (`|=`)
        self.first = _ABOVE
        self.last = ""
        self.mode = mode  # IGNORE: a person, shop or payment institution; SERVICE; UNKNOWN
        self.service_id = service_id
        self.via = via
        self.candidate = candidate  # its name, when it may be offered as a custom item; else ""
        self.key = key if candidate else ""  # the candidate's name folded
        self.named = 0  # its rows whose goods named a service (they count for that service)

    def days(self) -> tuple[date | None, date | None]:
        first = self.first if self.first != _ABOVE else None
        return _date(first), _date(self.last or None)


def _party_of(index: BillIndex, cell: object) -> _Party:
    """What a counterparty cell is (see the rules above), its name folded once."""
    name = cell.strip()[:MAX_NAME] if isinstance(cell, str) else ""
    key = fold(name)
    service_id, via = index.counterparty(name, key)
    if service_id is not None:
        return _Party(SERVICE, service_id, via, "")
    if not name or is_person(name) or _is_shop(key) or key.startswith(_PAYMENT_INSTITUTIONS):
        return _Party(IGNORE, None, "", "")
    return _Party(UNKNOWN, None, "", name if len(name) <= CANDIDATE_MAX else "", key)


def _iso(value: object) -> str:
    """A cell's day as YYYY-MM-DD text ("" when it has none): a workbook's dates, a Payment's day."""
    day = day_of(value)
    return day.isoformat() if day is not None else ""


def _date(value) -> date | None:
    """The date of a day kept by _Day (None: none kept). Many share a date: each read once."""
    if value is None:
        return None
    text = value.strip()
    if len(text) < 10:
        return day_of(text)
    found = _DATES.get(text[:10], False)
    if found is False:
        found = _DATES[text[:10]] = day_of(text)
        if len(_DATES) > MEMO_MAX:
            _DATES.clear()
    return found


_DATES: dict[str, date | None] = {}  # YYYY-MM-DD text -> its date (see _date)


def match_rows(
    rows: Iterator[list], path: PathLike, catalog: Catalog, issuer: str, text: bool = False
) -> BillMatches:
    """What a statement reveals, from its rows as a reader gives them (preamble and header line
    included; see bill_table): the path `numretire import bill` takes, without a Payment per row.
    `text`: every cell is text (a CSV's); else a workbook's cells are read as text first."""
    at = layout(rows, path)
    columns = (at.counterparty, at.goods, at.type, at.method, at.remark, at.time)
    if not text or None in columns:
        rows, columns = _as_text(rows, columns, at.width)
    return _match(rows, columns, at.width, path, catalog, issuer)


def match_payments(payments: Iterable[Payment], catalog: Catalog, issuer: str) -> BillMatches:
    """What a statement's rows reveal: the services (and unknown agreement holders) it names."""
    rows, columns = _as_text(iter(payments), (0, 1, 2, 3, 4, 6), 7)
    return _match(rows, columns, 7, "", catalog, issuer)


def _as_text(rows: Iterator, columns: tuple, width: int) -> tuple[Iterator[list], tuple[int, ...]]:
    """The rows as the matching loop reads them, when a reader's cells are not all text (a workbook's,
    a Payment's day) or a column is missing: the cells it reads as text (the day as YYYY-MM-DD, an
    empty or numeric cell as "": nothing to match), a missing column as an empty cell after the
    row's others; and where those cells are."""
    places = tuple(width if i is None else i for i in columns)
    *texts, at_day = places

    def rows_as_text() -> Iterator[list]:
        for row in rows:
            if len(row) < width:
                yield row  # a blank line or a footer: the loop passes it by
                continue
            row = [*row[:width], ""]
            for i in texts:
                if row[i].__class__ is not str:
                    row[i] = ""
            if row[at_day].__class__ is not str:
                row[at_day] = _iso(row[at_day])
            yield row

    return rows_as_text(), places


def _match(rows, columns, width: int, path, catalog: Catalog, issuer: str) -> BillMatches:
    """The matching loop. Per row: its counterparty looked up, its day kept, and for a service's or
    an unknown company's row one test for payment words (and for the latter its goods' first
    character); people's and shops' rows are only counted. What a counterparty is, what a goods text
    names and which kinds a row's words show are each worked out once for each distinct value."""
    from itertools import islice
    from operator import itemgetter

    index = BillIndex(catalog)
    at_party, at_goods, at_type, at_method, at_remark, at_time = columns  # all text: see _as_text
    kind_cells = itemgetter(at_type, at_goods, at_method, at_remark)
    parties: dict[object, _Party] = {}
    by_goods: dict[str, _Day] = {}  # service -> the rows whose goods named it
    kinds_seen: dict[str, frozenset[str]] = {}  # a row's joined words -> its kinds (most repeat)

    def kinds_in(row) -> frozenset[str]:
        joined = "|".join(kind_cells(row))
        kinds = kinds_seen.get(joined)
        if kinds is None:
            kinds = kinds_of(joined)
            if len(kinds_seen) < MEMO_MAX:
                kinds_seen[joined] = kinds
        return kinds

    # Whether a row's type, method and remark cells (few distinct values: 商户消费, 花呗, /) hold a
    # payment word's trigger, settled once for each distinct value of the three put end to end (a
    # string, not a tuple: nothing for the garbage collector to track, row after row). A trigger that
    # only the joining makes (免 + 密) costs one needless look at the row's words, nothing more.
    worded: dict[str, bool] = {}
    worded_get = worded.get

    goods_kinds: dict[str, frozenset[str]] = {}  # a goods text with a payment word -> its kinds
    goods_kinds_get = goods_kinds.get

    def goods_kinds_of(goods: str) -> frozenset[str]:
        found = kinds_of(goods)
        if len(goods_kinds) < MEMO_MAX:
            goods_kinds[goods] = found
        return found

    def is_worded(trio: str) -> bool:
        found = "续" in trio or "扣" in trio or "免密" in trio
        if len(worded) < MEMO_MAX:
            worded[trio] = found
        return found

    # Whether a goods text's first character may start a name (see BillIndex.leading_name): most
    # goods start with a plain Chinese or ASCII character no name starts with.
    starts = index.starts
    may_start: dict[str, bool] = {}

    def starts_name(first: str) -> bool:
        found = may_start[first] = first in starts or not (first.isascii() or "\u4e00" <= first <= "\u9fff")
        return found

    party_get = parties.get
    start_get = may_start.get
    for row in islice(rows, MAX_ROWS):
        if len(row) < width:
            continue  # a blank line, or the footer some versions add
        cell = row[at_party]
        party = party_get(cell)
        if party is None:
            party = parties[cell] = _party_of(index, cell)
        day = row[at_time]
        party.count += 1
        # first starts above every day and last below (see _Party): one test each, "" days aside
        if day > party.last:
            party.last = day
        if day < party.first and day:
            party.first = day
        mode = party.mode
        if not mode:
            continue
        goods = row[at_goods]
        if mode == UNKNOWN and goods:
            named = start_get(goods[0])
            if named is None:
                named = starts_name(goods[0])
            if named:
                service_id = index.leading_name(goods)
                if service_id is not None:
                    party.named += 1
                    named = by_goods.get(service_id)
                    if named is None:
                        named = by_goods[service_id] = _Day()
                    named.add(day)
                    named.kinds |= kinds_in(row)
                    continue
        # 续, 扣 or 免密 is in every payment word (see _KIND_WORDS): a row without them has none
        trio = row[at_type] + row[at_method] + row[at_remark]
        more = worded_get(trio)
        if more is None:
            more = is_worded(trio)
        if "续" in goods or "扣" in goods or "免密" in goods:
            # the row's kinds: its goods' and its other cells' (no word spans two cells)
            found = goods_kinds_get(goods)
            if found is None:
                found = goods_kinds_of(goods)
            if more:
                found = found | kinds_in(row)
            if not found <= party.kinds:
                party.kinds |= found
        elif more:
            party.kinds |= kinds_in(row)
    if next(rows, None) is not None:
        raise ImportFileError("import.too_many", path=str(path), limit=f"{MAX_ROWS:,}")
    total = sum(party.count for party in parties.values())

    tallies: dict[str, _Tally] = {}
    unknown: dict[str, tuple[str, _Tally]] = {}
    own = _Tally()
    for party in parties.values():
        first, last = party.days()
        own.merge(party.count, first, last, (), "issuer")
        if party.mode == SERVICE:
            tallies.setdefault(party.service_id, _Tally()).merge(
                party.count, first, last, party.kinds, party.via
            )
        elif party.mode == UNKNOWN and party.candidate and party.kinds and party.count > party.named:
            name, tally = unknown.setdefault(party.key, (party.candidate, _Tally()))
            tally.merge(party.count - party.named, first, last, party.kinds, name)
    for service_id, named in by_goods.items():
        tallies.setdefault(service_id, _Tally()).merge(
            named.count, _date(named.first), _date(named.last), named.kinds, "goods"
        )
    own_id = ISSUER_SERVICE.get(issuer)
    if total and own_id is not None and catalog.get(own_id) is not None:
        mine = tallies.setdefault(own_id, _Tally())
        count = mine.count
        mine.merge(0, own.first, own.last, (), "issuer")
        mine.count = max(count, own.count)
    services = tuple(
        sorted(
            (
                BillHit(sid, t.count, t.first, t.last, t.ordered_kinds(), tuple(sorted(t.via)))
                for sid, t in tallies.items()
            ),
            key=lambda h: (not h.kinds, -h.count, h.service_id),
        )
    )
    candidates = tuple(
        sorted(
            (
                BillCandidate(name, t.count, t.first, t.last, t.ordered_kinds())
                for name, t in unknown.values()
            ),
            key=lambda c: (-c.count, c.name),
        )
    )
    return BillMatches(issuer, total, services, candidates)


def flags_of(kinds: Iterable[str]) -> tuple[str, ...]:
    """The personal flags the payment kinds answer yes, in a fixed order."""
    found = {KIND_FLAGS[k] for k in kinds if k in KIND_FLAGS}
    return tuple(f for f in ("auto-debit", "password-free") if f in found)
