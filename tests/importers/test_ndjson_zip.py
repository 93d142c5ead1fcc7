"""SMS Import / Export: the ZIP with messages.ndjson, and the same lines as a bare file."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

import pytest

from importers.builders import CMB, ENGLISH, T0, WECHAT_CODE, mms_row, ndjson, ndjson_zip, sms_row
from numretire.importers import ImportFileError, detect_sms, iter_messages
from numretire.importers import ndjson_zip as reader

WHEN = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_sms_and_both_mms_layouts(tmp_path):
    path = ndjson_zip(
        tmp_path / "export",  # no extension: detected by content
        [
            sms_row(CMB, "95555"),
            sms_row("好的", "+8613900001111", T0 + 1000, kind="2"),
            mms_row("【京东】您的包裹已签收", "10690123456"),
            mms_row("旧版本的彩信", "10690999888", old=True),
            sms_row(ENGLISH, "Google"),
        ],
    )
    assert detect_sms(path) == "ndjson-zip"
    found = list(iter_messages(path))
    assert [m.body for m in found] == [CMB, "好的", "【京东】您的包裹已签收", "旧版本的彩信", ENGLISH]
    assert [m.sender for m in found] == ["95555", "+8613900001111", "10690123456", "10690999888", "Google"]
    assert [m.incoming for m in found] == [True, False, True, True, True]
    assert found[0].at == WHEN
    assert found[2].at == WHEN  # MMS dates are seconds


def test_bad_lines_are_skipped(tmp_path):
    data = (
        ndjson([sms_row(CMB)])
        + b"{not json\n"
        + b"[1, 2]\n"
        + b"\xff\xfe\n"
        + b"\n"
        + ndjson([sms_row(WECHAT_CODE)])
    )
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("messages.ndjson", data)
    assert [m.body for m in iter_messages(path)] == [CMB, WECHAT_CODE]


def test_a_file_of_nothing_but_bad_lines_is_refused(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("messages.ndjson", b'garbage\n{"no": "message"}\n')
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.bad_ndjson"
    assert caught.value.params == {"path": str(path), "line": 1}


def test_a_zip_without_messages(tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("calls.ndjson", b"{}\n")
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.zip_no_messages"
    with pytest.raises(ImportFileError) as caught:
        list(reader.iter_messages(path))
    assert caught.value.key == "import.zip_no_messages"


def test_a_damaged_zip(tmp_path):
    good = ndjson_zip(tmp_path / "good.zip", [sms_row(CMB)] * 50).read_bytes()
    path = tmp_path / "damaged.zip"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.bad_zip"
    with pytest.raises(ImportFileError) as caught:
        list(reader.iter_messages(path))
    assert caught.value.key == "import.bad_zip"


def test_a_corrupt_member_is_a_clean_error(tmp_path):
    path = ndjson_zip(tmp_path / "export.zip", [sms_row(CMB * 20)] * 200)
    data = bytearray(path.read_bytes())
    start = data.index(b"messages.ndjson") + len("messages.ndjson") + 40
    data[start : start + 64] = b"\x00" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.bad_zip"


def test_a_bare_ndjson_file(tmp_path):
    path = tmp_path / "messages.txt"
    path.write_bytes(ndjson([sms_row(CMB), mms_row("彩信")]))
    assert detect_sms(path) == "ndjson"
    assert [m.body for m in iter_messages(path)] == [CMB, "彩信"]


def test_progress_ends_at_the_member_size(tmp_path):
    rows = [sms_row(CMB)] * 100
    path = ndjson_zip(tmp_path / "export.zip", rows)
    calls = []
    list(iter_messages(path, lambda done, total: calls.append((done, total))))
    assert calls[-1] == (len(ndjson(rows)), len(ndjson(rows)))
