"""The statement table reader: plain lines split at commas read exactly as the csv module reads them."""

import csv

import pytest

from numretire.importers import ImportFileError
from numretire.importers.bill_table import csv_rows

LINES = [
    "交易时间 ,交易对方 ,商品说明 ,\n",
    'x,"q,1",y\r\n',
    'm,"runs on\na second line",z\n',
    "e,,\n",
    "\n",
    "\r\n",
    'p,"a ""q"" b",r\n',
    '"start",2\r\n',
    'tail,"x"\t,y\n',
    "last,no,newline",
]


def test_split_plain_reads_as_the_csv_module_does(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("".join(LINES), encoding="gb18030", newline="")
    with open(path, encoding="gb18030", newline="") as handle:
        expected = list(csv.reader(handle))
    assert list(csv_rows(path, "gb18030", split_plain=True)) == expected
    assert list(csv_rows(path, "gb18030")) == expected


def test_split_plain_refuses_nul_bytes_naming_the_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\nc\x00,d\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(csv_rows(path, "utf-8", split_plain=True))
    assert caught.value.params["line"] == 2


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
@pytest.mark.parametrize("buffer", [64, 1 << 16])
def test_a_quoted_line_past_the_bound_is_refused_by_its_number(tmp_path, monkeypatch, ending, buffer):
    from numretire.importers import bill_table, limits

    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 300)
    monkeypatch.setattr(bill_table, "BUFFER", buffer)  # the long line inside one buffer, or across many
    rows = ['"a","b"', '"c","短"', '"d","e"', '"f","' + "长" * 150 + '"', '"g","h"']
    path = tmp_path / "t.csv"
    path.write_bytes(ending.join(rows).encode("utf-8") + ending.encode())
    with pytest.raises(ImportFileError) as caught:
        list(csv_rows(path, "utf-8"))
    assert caught.value.key == "import.line_too_big" and caught.value.params["line"] == 4
    rows[3] = '"f","' + "长" * 90 + '"'  # 275 bytes: within the bound, read as the csv module reads it
    path.write_bytes(ending.join(rows).encode("utf-8") + ending.encode())
    with open(path, encoding="utf-8", newline="") as handle:
        assert list(csv_rows(path, "utf-8")) == list(csv.reader(handle))
