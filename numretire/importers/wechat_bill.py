"""WeChat Pay's statement (微信支付「账单明细」): the CSV it sent until 2025 and the .xlsx it sends now.

Both open with a preamble (微信支付账单明细, 微信昵称, 起始时间, the totals, 注), a line
"----------------------微信支付账单明细列表--------------------", then the header line
`交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注` and one row per
transaction (order numbers end in a tab). The CSV is UTF-8; the .xlsx holds the same rows on its
first sheet. Layout: deb-sig/double-entry-generator example/wechat/example-wechat-records.csv and
.xlsx, pkg/provider/wechat/wechat.go (17 preamble lines in the CSV, 18 in the .xlsx).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, closing

from numretire.importers import ImportFileError, PathLike, Progress, problem_of, read_head
from numretire.importers.bill_table import HEADER_WITHIN, csv_rows, encoding_of, is_header, open_csv

MAX_UNZIPPED = 1 << 30  # bytes an .xlsx may expand to
MAX_RATIO = 200  # expansion of one member: real sheets compress about 10x


def looks_like_wechat(text: str) -> bool:
    head = text[:8192]
    return "交易对方" in head and "微信" in head


def iter_csv_rows(path: PathLike) -> Iterator[list[str]]:
    """The CSV statement's lines as rows, preamble and header line included (see bill_table)."""
    return csv_rows(path, encoding_of(read_head(path)))


def open_csv_rows(
    path: PathLike, on_progress: Progress | None = None
) -> AbstractContextManager[Iterator[list[str]]]:
    """The same rows, for a `with` block (see bill_table.open_csv)."""
    return open_csv(path, encoding_of(read_head(path)), on_progress=on_progress)


def open_xlsx_rows(
    path: PathLike, on_progress: Progress | None = None
) -> AbstractContextManager[Iterator[list]]:
    """The workbook's rows (see iter_xlsx_rows), for a `with` block: the workbook is closed at its end
    (openpyxl reads the sheet as it pleases: no progress is told)."""
    return closing(iter_xlsx_rows(path))


def is_xlsx(path: PathLike) -> bool:
    """Whether `path` is a ZIP holding a workbook (xl/workbook.xml)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except Exception:  # zipfile raises many kinds for a damaged archive
        return False


def _check_size(path: PathLike) -> None:
    import zipfile

    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except Exception as exc:  # zipfile raises many kinds for a damaged archive
        raise ImportFileError("import.bad_zip", path=where, problem=problem_of(exc)) from None
    total = sum(info.file_size for info in infos)
    ratio = max((info.file_size / max(info.compress_size, 1) for info in infos), default=0)
    if total > MAX_UNZIPPED or ratio > MAX_RATIO:
        raise ImportFileError("import.too_big", path=where, limit=f"{MAX_UNZIPPED >> 20} MB")


def iter_xlsx_rows(path: PathLike) -> Iterator[list]:
    """The rows of the workbook's first sheet that has the header line."""
    import openpyxl  # imported here only: nothing else needs it

    where = str(path)
    _check_size(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise ImportFileError("import.bad_xlsx", path=where, problem=type(exc).__name__) from None
    try:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            head = []
            for row in rows:
                head.append(list(row))
                if is_header(row):
                    yield from head[-1:]
                    for more in rows:
                        yield list(more)
                    return
                if len(head) >= HEADER_WITHIN:
                    break
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError("import.bad_xlsx", path=where, problem=type(exc).__name__) from None
    finally:
        book.close()
