"""Alipay's statement of transactions (支付宝「交易明细」), the CSV it sends by e-mail.

GBK-encoded; a preamble (导出信息, the account, the period, 特别提示) ends with a line of dashes around
"支付宝（中国）网络技术有限公司  电子客户回单", then the header line
`交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,`
(cells padded with spaces), one row per transaction. Layout: deb-sig/double-entry-generator
example/alipay/example-alipay-records.csv and pkg/provider/alipay (GBK reader, 23 preamble lines).
Older statements name the columns 交易创建时间 / 类型 / 商品名称: found by name too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager

from numretire.importers import PathLike, Progress, read_head
from numretire.importers.bill_table import csv_rows, encoding_of, open_csv

MARKS = ("支付宝", "alipay")


def looks_like_alipay(text: str) -> bool:
    """Whether `text` (the decoded start of a file) is an Alipay statement."""
    head = text[:8192]
    return ("交易对方" in head) and ("支付宝" in head or "电子客户回单" in head)


def iter_rows(path: PathLike) -> Iterator[list[str]]:
    """The statement's lines as CSV rows, preamble and header line included (see bill_table)."""
    return csv_rows(path, encoding_of(read_head(path)), split_plain=True)


def open_rows(
    path: PathLike, on_progress: Progress | None = None
) -> AbstractContextManager[Iterator[list[str]]]:
    """The same rows, for a `with` block (see bill_table.open_csv)."""
    return open_csv(path, encoding_of(read_head(path)), split_plain=True, on_progress=on_progress)
