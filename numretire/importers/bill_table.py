"""What Alipay's and WeChat Pay's statements share: a preamble, then a header line, then one row per
transaction. The columns are found by their names in the header line, so a column added or moved
by a later version of the statement changes nothing.

A row becomes a Payment: the counterparty, the goods text, the transaction type, the payment method
and the day. The goods text and the rest live only in memory, for matching: amounts, order numbers
and balances are never read at all.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import NamedTuple, NoReturn

from numretire.importers import ImportFileError, PathLike, Payment, Progress, problem_of

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


def day_of(value: object) -> date | None:
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


ROLES = ("time", "counterparty", "goods", "type", "method", "remark", "direction")


class Layout(NamedTuple):
    """Where each column a matcher reads is, found by name in the header line (None: absent)."""

    time: int
    counterparty: int
    goods: int | None
    type: int | None
    method: int | None
    remark: int | None
    direction: int | None
    width: int  # a row shorter than this is a blank line or a footer


def layout(rows: Iterator[list], path: PathLike) -> Layout:
    """Read `rows` up to and including the header line; where its columns are. ImportFileError when
    no header line comes within HEADER_WITHIN rows."""
    for _n, row in zip(range(HEADER_WITHIN), rows, strict=False):
        if is_header(row):
            columns = [str(c).strip() if c is not None else "" for c in row]
            break
    else:
        raise ImportFileError("import.no_bill_header", path=str(path))
    found = [_index(columns, names) for names in (TIME, COUNTERPARTY, GOODS, TYPE, METHOD, REMARK, DIRECTION)]
    width = max(i for i in found if i is not None) + 1
    return Layout(*found, width)  # type: ignore[arg-type] - is_header saw a time and a counterparty


def data_rows(rows: Iterator[list], layout: Layout, path: PathLike) -> Iterator[list]:
    """The transaction rows after the header line, as the reader gives them (no copy): blank lines
    and footers skipped, and no more than MAX_ROWS."""
    width = layout.width
    count = 0
    for row in rows:
        if len(row) < width:
            continue  # a blank line, or the footer some versions add
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError("import.too_many", path=str(path), limit=f"{MAX_ROWS:,}")
        yield row


def _text(cell: object) -> str:
    return cell.strip()[:MAX_CELL] if isinstance(cell, str) else ""


def payments(rows: Iterator[list], path: PathLike) -> Iterator[Payment]:
    """The transactions in `rows` (the preamble, the header line, then the transactions)."""
    at = layout(rows, path)
    picks = (at.goods, at.type, at.method, at.remark, at.direction)
    for row in data_rows(rows, at, path):
        texts = [_text(row[i]) if i is not None else "" for i in picks]
        yield Payment(_text(row[at.counterparty]), *texts, day_of(row[at.time]))


BLOCK = 1 << 16  # characters of lines split at a time (at least one line)


def csv_rows(path: PathLike, encoding: str, split_plain: bool = False) -> Iterator[list[str]]:
    """The rows of the CSV file `path`, read as it streams; ImportFileError for an unreadable line
    (see open_csv, which gives the same rows without a generator between the reader and its user)."""
    with open_csv(path, encoding, split_plain) as rows:
        yield from rows


@contextmanager
def open_csv(
    path: PathLike, encoding: str, split_plain: bool = False, on_progress: Progress | None = None
) -> Iterator[Iterator[list[str]]]:
    """The rows of the CSV file `path`, read as it streams, for the `with` block; ImportFileError for
    an unreadable line, and for a line longer than limits.MAX_LINE_BYTES (a statement's row is a few
    hundred bytes: memory stays flat whatever the file holds).

    The csv module reads the file as the io module splits its lines (see _LineGuard). With
    `split_plain`, a line without a quote character is split at its commas, which is what the
    csv module makes of it, at a fraction of the cost (Alipay quotes no cell it need not); lines with
    quotes, and the lines a quoted cell runs on to, go through the csv module.

    `on_progress(done_bytes, total_bytes)` is called now and then, and once at the end.
    """
    import csv

    where = str(path)
    try:
        with _guarded_text(path, encoding, on_progress) as handle:
            if split_plain:
                from functools import partial

                with _reading(where):
                    yield _split_rows(iter(partial(handle.readlines, BLOCK), []), where)
                return
            reader = csv.reader(handle)
            with _reading(where, reader):
                yield reader
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=exc.strerror or str(exc)) from None


@contextmanager
def _reading(where: str, reader=None) -> Iterator[None]:
    """The csv module's (`reader`'s) and the decoder's errors while the rows are read, as
    ImportFileError."""
    import csv

    try:
        yield
    except csv.Error as exc:
        line = reader.line_num if reader is not None else 0
        raise ImportFileError("import.bad_csv", path=where, line=line, problem=problem_of(exc)) from None
    except UnicodeDecodeError:
        raise ImportFileError("import.bad_encoding", path=where) from None


def _guarded_text(path: PathLike, encoding: str, on_progress: Progress | None) -> io.TextIOWrapper:
    """The file `path` as text (newline="": the csv module sees each line as it is), its bytes read
    through _LineGuard. The io module splits the lines, so the csv module reads it as fast as a file
    it opens itself."""
    raw = io.BufferedReader(_LineGuard(path, on_progress), BUFFER)
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    text._CHUNK_SIZE = BUFFER  # type: ignore[attr-defined]  # decoded a buffer at a time, not 8 KB
    return text


BUFFER = 1 << 16  # bytes read at a time


class _LineGuard(io.FileIO):
    """The bytes of a file, refused (ImportFileError import.line_too_big) once more than
    limits.MAX_LINE_BYTES of them come without a line break (\\n: statements end their lines with \\n
    or \\r\\n), read no further than a buffer past the bound; `on_progress(done, total)` now and then,
    and once at the end."""

    def __init__(self, path: PathLike, on_progress: Progress | None) -> None:
        import os

        from numretire.importers import PROGRESS_EVERY, limits

        super().__init__(path, "rb")
        self.every = PROGRESS_EVERY
        self.where = str(path)
        self.limit = limits.MAX_LINE_BYTES
        self.since = 0  # bytes since the last line break
        self.done = 0  # bytes read
        self.on_progress = on_progress
        self.total = os.fstat(self.fileno()).st_size if on_progress is not None else 0
        self.reported = 0  # bytes read when progress was last told; -1 once the end was told

    def readinto(self, buffer) -> int:
        count = super().readinto(buffer)
        if not count:
            if self.on_progress is not None and self.reported >= 0:
                self.on_progress(self.total, max(self.total, self.done))
                self.reported = -1
            return count
        data = bytes(memoryview(buffer)[:count])
        limit = self.limit
        first = data.find(b"\n")
        if first < 0:
            self.since += count
        else:
            if self.since + first > limit:
                self._too_long(self.done - self.since)
            if count - first > limit:  # a whole line may lie between two breaks here: look at each
                at = first + 1
                while (end := data.find(b"\n", at)) >= 0:
                    if end - at > limit:
                        self._too_long(self.done + at)
                    at = end + 1
                self.since = count - at
            else:
                self.since = count - data.rfind(b"\n") - 1
        self.done += count
        if self.since > limit:
            self._too_long(self.done - self.since)
        if self.on_progress is not None and self.done - self.reported >= self.every:
            self.on_progress(min(self.done, self.total), max(self.total, self.done))
            self.reported = self.done
        return count

    def _too_long(self, start: int) -> NoReturn:
        """Refuse the line that starts at byte `start`, naming it by its number (counted as the reader
        splits lines: at \\n, \\r\\n and a lone \\r), the bytes before it read again a buffer at a
        time."""
        self.seek(0)
        breaks, left, after_cr = 0, start, False
        while left > 0:
            block = self.read(min(left, BUFFER))
            if not block:
                break
            left -= len(block)
            breaks += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
            if after_cr and block.startswith(b"\n"):
                breaks -= 1  # a \\r\\n split between two buffers is one break
            after_cr = block.endswith(b"\r")
        _too_long(self.where, breaks + 1, self.limit)


def _too_long(where: str, line: int, limit: int) -> NoReturn:
    from numretire.importers import limits

    raise ImportFileError("import.line_too_big", path=where, line=line, limit=limits.size_text(limit))


def _split_rows(blocks: Iterator[list[str]], where: str) -> Iterator[list[str]]:
    """The rows of `blocks` (lists of lines, each with its line end): a block without a quote or a NUL
    is split at its commas in one go, others line by line (through the csv module for the lines
    with quotes)."""
    from itertools import chain
    from operator import methodcaller

    from numretire.importers import limits

    split = methodcaller("split", ",")
    state = {"done": 0}  # lines given before the block being split
    pending: list[list[str]] = []  # the start of a quoted cell that runs on to the next block

    def rows_of(lines: list[str]) -> list[list[str]]:
        done = state["done"]
        state["done"] = done + len(lines)
        if not pending:
            text = "".join(lines)
            if "\r" in text and text.count("\r") == text.count("\r\n"):
                text = text.replace("\r\n", "\n")  # each line's end, as rstrip("\r\n") takes it off
            # no quote, no NUL, no other \r and no empty line: each line is its cells between commas
            if not ('"' in text or "\x00" in text or "\r" in text or "\n\n" in text or text[0] == "\n"):
                bare = text.split("\n")
                if not bare[-1]:
                    bare.pop()  # after the last line's end
                return list(map(split, bare))
        return list(_split_lines(lines, done, where, pending, limits.MAX_LINE_BYTES))

    def tail() -> Iterator[list[str]]:
        if pending:
            yield from _split_lines([], state["done"], where, pending, limits.MAX_LINE_BYTES)

    return chain(chain.from_iterable(map(rows_of, blocks)), tail())


def _split_lines(lines: list[str], done: int, where: str, pending: list, limit: int) -> Iterator[list[str]]:
    """The rows of `lines` (`done` lines came before them), line by line. A record whose quoted cell
    runs on past the last line is left in `pending` (its text and first line number) for the next
    block; with no lines (the end of the file), what is pending is read as it is."""
    number = done
    if not lines and pending:
        record, _start = pending.pop()
        yield from _csv_record(record, number, where)
        return
    for line in lines:
        number += 1
        if pending:
            record, _start = pending.pop()
            record += line
            if len(record) > limit:
                _too_long(where, _start, limit)
            if record.count('"') % 2:
                pending.append((record, _start))
                continue
            yield from _csv_record(record, number, where)
            continue
        if '"' not in line:
            if "\x00" in line:
                raise ImportFileError("import.bad_csv", path=where, line=number, problem="line contains NUL")
            line = line.rstrip("\r\n")
            yield line.split(",") if line else []
            continue
        if line.count('"') % 2:  # a quoted cell goes on to the next line
            pending.append((line, number))
            continue
        yield from _csv_record(line, number, where)


def _csv_record(record: str, number: int, where: str) -> Iterator[list[str]]:
    import csv

    try:
        yield from csv.reader([record])
    except csv.Error as exc:
        raise ImportFileError("import.bad_csv", path=where, line=number, problem=str(exc)) from None


def encoding_of(head: bytes) -> str:
    """The encoding a statement was written in: UTF-8 (with or without BOM), else GBK."""
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # the sample ends inside a character
            return "utf-8-sig"
    return "gb18030"
