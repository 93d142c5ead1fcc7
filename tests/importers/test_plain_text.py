"""Pasted messages: one per line or in blank-line blocks, UTF-8 (BOM), UTF-16 or GBK, senders when given."""

from __future__ import annotations

import pytest

from importers.builders import CMB, ENGLISH, ICBC_END, WECHAT_CODE
from numretire.importers import ImportFileError, detect_sms, iter_messages, plain_text


def write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "pasted.dat"
    path.write_bytes(text.encode(encoding))
    return path


def test_one_message_per_line(tmp_path):
    path = write(tmp_path, f"{CMB}\n{WECHAT_CODE}\r\n{ENGLISH}\n")
    assert detect_sms(path) == "text"
    found = list(iter_messages(path))
    assert [m.body for m in found] == [CMB, WECHAT_CODE, ENGLISH]
    assert all(m.incoming and m.at is None and m.sender == "" for m in found)


def test_blank_line_blocks_are_messages(tmp_path):
    text = f"{CMB}\n\n【京东】您的订单已发货\n快递单号 SF1234\n\n\n{ENGLISH}\n"
    assert [m.body for m in iter_messages(write(tmp_path, text))] == [
        CMB,
        "【京东】您的订单已发货\n快递单号 SF1234",
        ENGLISH,
    ]


def test_messages_pasted_together_inside_a_block_are_split(tmp_path):
    text = f"{ICBC_END}\n{CMB}\n95555：{CMB}\n续行\n\n{ENGLISH}"
    assert [m.body for m in iter_messages(write(tmp_path, text))] == [ICBC_END, CMB, f"{CMB}\n续行", ENGLISH]


@pytest.mark.parametrize(
    ("line", "sender", "body"),
    [
        (f"95555：{CMB}", "95555", CMB),
        (f"95555: {CMB}", "95555", CMB),
        (f"+86 10086\t{ENGLISH}", "+86 10086", ENGLISH),
        (f"106980095588 {ICBC_END}", "", f"106980095588 {ICBC_END}"),
        (f"106980095588 {CMB}", "106980095588", CMB),
        ("2026-11-20 10:00 晚上见", "", "2026-11-20 10:00 晚上见"),
        ("1234 is your code", "", "1234 is your code"),
        ("95555:", "", "95555:"),
    ],
)
def test_a_leading_sender_number(line, sender, body):
    assert plain_text.split_sender(line) == (sender, body if sender == "" else body.lstrip())


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-16"])
def test_encodings(tmp_path, encoding):
    path = write(tmp_path, f"{CMB}\n{WECHAT_CODE}\n", encoding)
    assert detect_sms(path) == "text"
    assert [m.body for m in iter_messages(path)] == [CMB, WECHAT_CODE]


def test_text_that_is_neither_utf8_nor_gbk(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_bytes(b"\xff\xff\xff abc \x80\xff")
    with pytest.raises(ImportFileError) as caught:
        list(plain_text.iter_messages(path))
    assert caught.value.key == "import.bad_encoding"
    assert caught.value.params == {"path": str(path)}
