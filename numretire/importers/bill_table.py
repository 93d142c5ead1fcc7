"""What Alipay's and WeChat Pay's statements share: a preamble, then a header line, then one row per
transaction. The columns are found by their names in the header line, so a column added or moved
by a later version of the statement changes nothing.

A row becomes a Payment: the counterparty, the goods text, the transaction type, the payment method
and the day. The goods text and the rest live only in memory, for matching: amounts, order numbers
and balances are never read at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from numretire.importers import ImportFileError, PathLike, Payment, problem_of

HEADER_WITHIN = 60  # the header line comes after a preamble of about 20 lines
MAX_ROWS = 5_000_000  # transactions in one statement: years of daily payments are far fewer
MAX_CELL = 4096  # characters kept of one cell; real ones are short

TIME = ("交易时间", "交易创建时间", "付款时间")
COUNTERPARTY = ("交易对方",)
GOODS = ("商品说明", "商品名称", "商品")
TYPE = ("交易分类", "交易类型", "类型")
METHOD = ("收/付款方式", "支付方式")
REMARK = ("备注",)
DIRECTION = ("收/支",)


def _index(columns: list[str], names: tuple[str, ...]) -> int | None:
    return next((columns.index(n) for n in names if n in columns), None)


def is_header(cells: Iterable[object]) -> bool:
    columns = [str(c).strip() for c in cells if c is not None]
    return "交易对方" in columns and any(n in columns for n in TIME)


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    if len(text) >= 10:
        try:
            return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        except ValueError:
            return None
    return None


def payments(rows: Iterator[list], path: PathLike) -> Iterator[Payment]:
    """The transactions in `rows` (the preamble, the header line, then the transactions)."""
    where = str(path)
    for _n, row in zip(range(HEADER_WITHIN), rows, strict=False):
        if is_header(row):
            columns = [str(c).strip() if c is not None else "" for c in row]
            break
    else:
        raise ImportFileError("import.no_bill_header", path=where)
    at_time = _index(columns, TIME)
    at_party = _index(columns, COUNTERPARTY)
    picks = [_index(columns, names) for names in (GOODS, TYPE, METHOD, REMARK, DIRECTION)]
    width = max(i for i in (at_time, at_party, *picks) if i is not None) + 1
    count = 0
    for row in rows:
        if len(row) < width:
            continue  # a blank line, or the footer some versions add
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError("import.too_many", path=where, limit=f"{MAX_ROWS:,}")
        party = row[at_party]
        party = party.strip()[:MAX_CELL] if isinstance(party, str) else ""
        texts = []
        for i in picks:
            cell = row[i] if i is not None else None
            texts.append(cell.strip()[:MAX_CELL] if isinstance(cell, str) else "")
        yield Payment(party, texts[0], texts[1], texts[2], texts[3], texts[4], _day(row[at_time]))


def csv_rows(path: PathLike, encoding: str) -> Iterator[list[str]]:
    """The rows of the CSV file `path`, read as it streams; ImportFileError for an unreadable line."""
    import csv

    where = str(path)
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.reader(handle)
            try:
                yield from reader
            except csv.Error as exc:
                raise ImportFileError(
                    "import.bad_csv", path=where, line=reader.line_num, problem=problem_of(exc)
                ) from None
            except UnicodeDecodeError:
                raise ImportFileError("import.bad_encoding", path=where) from None
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=exc.strerror or str(exc)) from None


def encoding_of(head: bytes) -> str:
    """The encoding a statement was written in: UTF-8 (with or without BOM), else GBK."""
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # the sample ends inside a character
            return "utf-8-sig"
    return "gb18030"
