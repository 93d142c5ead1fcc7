"""What an import may open and expand (importers/limits.py): a FIFO, a ZIP bomb, a giant line, tag or
database value are refused in one line, early, and no error quotes the file.

The bounds are made small here (they are module attributes read at each check), so that every input
is built in a moment and in little memory.
"""

from __future__ import annotations

import contextlib
import os
import signal
import zipfile

import pytest

from importers.builders import CMB, android_xml, ndjson, sms, sms_db, sms_row
from numretire.importers import (
    ImportFileError,
    detect_passwords,
    detect_sms,
    iter_logins,
    iter_messages,
    limits,
    problem_of,
    read_text,
)

SENTINEL = "PASSWD-SECRET-9c1e"


@pytest.fixture
def alarm():
    """Fail (instead of hanging for ever) when the test blocks for more than 5 seconds."""

    def fail(signum, frame):
        raise TimeoutError("blocked: the import path was opened as if it were a file")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# --- not a regular file ------------------------------------------------------------------------------


@pytest.mark.parametrize("read", [detect_sms, detect_passwords, read_text, lambda p: list(iter_messages(p))])
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, alarm, read):
    fifo = tmp_path / "messages.xml"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError) as caught:
        read(fifo)
    assert caught.value.key == "import.not_a_file"
    assert caught.value.params == {"path": str(fifo)}


def test_a_device_is_refused(alarm):
    with pytest.raises(ImportFileError) as caught:
        detect_sms("/dev/zero")
    assert caught.value.key == "import.not_a_file"


# --- ZIP bombs and giant NDJSON lines ----------------------------------------------------------------


def test_a_zip_that_expands_too_much_is_refused_before_it_is_read(tmp_path, monkeypatch):
    # 100 MiB of newlines deflate to about 100 KB (1,000 times); the same at a smaller scale.
    monkeypatch.setattr(limits, "RATIO_FROM_BYTES", 1 << 20)
    path = tmp_path / "sms.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.ndjson", ndjson([sms_row(CMB)]) + b"\n" * (2 << 20))
    assert detect_sms(path) == "ndjson-zip"
    read = []
    monkeypatch.setattr("numretire.importers.ndjson_zip.message_of", lambda row: read.append(row))
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.zip_bomb" and not read
    assert int(caught.value.params["ratio"].replace(",", "")) > 500


def test_an_ordinary_zip_expands_as_real_exports_do(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "RATIO_FROM_BYTES", 1 << 10)
    rows = [sms_row(f"{CMB} {i:06d} {os.urandom(20).hex()}") for i in range(100)]
    path = tmp_path / "sms.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.ndjson", ndjson(rows))
    assert len(list(iter_messages(path))) == 100


def test_a_giant_ndjson_line_is_refused_without_being_held(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 10_000)
    giant = ndjson([sms_row(CMB), sms_row("x" * 50_000)])
    path = tmp_path / "sms.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("messages.ndjson", giant)
    bare = tmp_path / "messages.ndjson"
    bare.write_bytes(giant)
    for source in (path, bare):
        messages = iter_messages(source)
        assert next(messages).body == CMB
        with pytest.raises(ImportFileError) as caught:
            next(messages)
        assert caught.value.key == "import.line_too_big"
        assert caught.value.params["line"] == 2


# --- giant XML tags and comments ---------------------------------------------------------------------


def test_a_giant_xml_body_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOKEN_BYTES", 200_000)
    path = tmp_path / "sms.xml"
    path.write_bytes(android_xml(sms(CMB), sms("y" * 500_000)))
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.token_too_big"
    assert caught.value.params["line"] == 5  # where the giant tag starts


def test_a_long_leading_comment_is_still_an_android_backup(tmp_path):
    path = tmp_path / "sms.xml"
    data = android_xml(sms(CMB))
    comment = b"<!--" + b" backup notes " * 10_000 + b"-->\n"  # 140 KB, past the 64 KB first read
    path.write_bytes(data.replace(b"?>\n", b"?>\n" + comment, 1))
    assert detect_sms(path) == "android-xml"
    assert [m.body for m in iter_messages(path)] == [CMB]


def test_a_leading_comment_past_the_bound_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOKEN_BYTES", 1 << 20)
    path = tmp_path / "sms.xml"
    path.write_bytes(b"<?xml version='1.0'?>\n<!--" + b"c" * (2 << 20) + b"-->\n<smses></smses>\n")
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.token_too_big"


def test_an_unknown_xml_encoding_is_not_quoted(tmp_path):
    path = tmp_path / "sms.xml"
    path.write_bytes(f'<?xml version="1.0" encoding="{SENTINEL}"?><smses></smses>'.encode())
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.bad_xml"
    assert SENTINEL not in str(caught.value.params)


def test_a_foreign_root_element_is_not_quoted(tmp_path):
    path = tmp_path / "sms.xml"
    path.write_bytes(f"<{SENTINEL}><sms/></{SENTINEL}>".encode())
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.not_sms_backup" and SENTINEL not in str(caught.value.params)


# --- giant values in sms.db --------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["text", "attributedBody"])
def test_a_giant_database_value_is_refused_before_it_is_loaded(tmp_path, monkeypatch, column):
    monkeypatch.setattr(limits, "MAX_VALUE_BYTES", 10_000)
    giant = "【招商银行】" + "z" * 50_000
    row = (giant, None, 1, 0, 1) if column == "text" else (None, giant.encode(), 1, 0, 1)
    path = sms_db(tmp_path / "sms.db", [(CMB, None, 1, 0, 1), row])
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.value_too_big"
    assert caught.value.params == {"path": str(path), "limit": "9 KB"}


# --- files read whole --------------------------------------------------------------------------------


def test_a_text_file_too_big_to_read_whole_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 100_000)
    path = tmp_path / "messages.txt"
    path.write_text(f"{CMB}\n" * 5_000, encoding="utf-8")
    logins = tmp_path / "logins.csv"
    logins.write_text("name,url,username,password\n" + "JD,https://jd.com,me,pw\n" * 10_000)
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.file_too_big"
    with pytest.raises(ImportFileError) as caught:
        list(iter_logins(logins))
    assert caught.value.key == "import.file_too_big"


def test_a_giant_line_of_pasted_text_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 10_000)
    path = tmp_path / "messages.txt"
    path.write_text(f"{CMB}\n\n{CMB}\n" + "w" * 20_000 + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(path))
    assert caught.value.key == "import.line_too_big"
    assert caught.value.params["line"] == 4


def test_the_bounds_leave_real_sizes_alone():
    assert limits.MAX_TEXT_BYTES >= 16 << 20  # a password export of 50,000 logins
    assert limits.MAX_LINE_BYTES >= 256 << 10  # the longest SMS is about 40,000 characters
    assert limits.MAX_TOKEN_BYTES >= 8 << 20  # an MMS part holds its picture in base64
    assert 20 <= limits.MAX_ZIP_RATIO <= 200


# --- what a library's error quotes ---------------------------------------------------------------------


def test_a_library_error_never_quotes_the_file():
    quoted = [
        zipfile.BadZipFile(f"File name in directory '{SENTINEL}' and header b'{SENTINEL}' differ."),
        Exception(f'malformed database schema ({SENTINEL}) - near "{SENTINEL}": syntax error'),
    ]
    for exc in quoted:
        assert SENTINEL not in problem_of(exc)
    assert problem_of(Exception("',' expected after '\"'")) == "',' expected after '\"'"
    assert problem_of(Exception("field larger than field limit (131072)")).endswith("(131072)")


def test_a_giant_keepass_tag_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOKEN_BYTES", 200_000)
    path = tmp_path / "keepass.xml"
    big = "x" * 500_000
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<KeePassFile><Root><Group a="{big}"></Group></Root>'
        "</KeePassFile>\n",
        encoding="utf-8",
    )
    assert detect_passwords(path) == "keepass-xml"
    with pytest.raises(ImportFileError) as caught:
        list(iter_logins(path))
    assert caught.value.key == "import.token_too_big"


def test_a_long_keepass_value_is_not_a_token(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOKEN_BYTES", 200_000)
    path = tmp_path / "keepass.xml"
    icon = "QUJD" * 100_000  # a custom icon in base64: text, read as it streams
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<KeePassFile><Meta><CustomIcons><Icon><Data>'
        f"{icon}</Data></Icon></CustomIcons></Meta><Root><Group><Entry>"
        "<String><Key>URL</Key><Value>https://jd.com</Value></String></Entry></Group></Root></KeePassFile>\n",
        encoding="utf-8",
    )
    assert [login.url for login in iter_logins(path)] == ["https://jd.com"]


def _peak(work) -> int:
    """The most memory (Python's allocations) `work()` held at once, in bytes."""
    import tracemalloc

    tracemalloc.start()
    with contextlib.suppress(ImportFileError):
        work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_stays_flat_whatever_the_size_of_the_giant(tmp_path, monkeypatch):
    # The bound, not the giant, sets the memory: a 4 MB line or file read with bounds of 10 KB.
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 10_000)
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 10_000)
    archive = tmp_path / "sms.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        out.writestr("messages.ndjson", b'{"address": "1", "body": "' + b"x" * (4 << 20) + b'"}\n')
    text = tmp_path / "messages.txt"
    text.write_bytes(b"y" * (4 << 20))
    for source in (archive, text):
        assert _peak(lambda source=source: list(iter_messages(source))) < 1 << 20, source
