"""iOS sms.db: text and attributedBody, both date units, read-only access, and databases to refuse."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime

import pytest

from importers.builders import (
    APPLE_NS,
    APPLE_S,
    CMB,
    ENGLISH,
    NUMBER,
    WECHAT_CODE,
    small_catalog,
    sms_db,
    typedstream,
)
from numretire.importers import ImportFileError, detect_sms, ios_db, ios_groups, iter_messages
from numretire.importers.match import SmsMatcher


def one_by_one(path, on_progress=None):
    return list(iter_messages(path, on_progress))


def in_groups(path, on_progress=None):
    return ios_groups.read_groups(path, SmsMatcher(small_catalog(), NUMBER), on_progress=on_progress)


# Both ways of reading a database open it alike, fail alike and report progress alike.
READERS = pytest.mark.parametrize("read", [one_by_one, in_groups])

WHEN = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
IOS_BACKUP_NAME = "3d0d7e5fb2ce288813306e4d4636395e047a3d28"


def test_text_attributed_body_senders_and_directions(tmp_path):
    long_text = "【招商银行】" + "长" * 200  # over 127 bytes: the 0x81 length form
    path = sms_db(
        tmp_path / IOS_BACKUP_NAME,
        [
            (CMB, None, APPLE_S, 0, 1),
            (None, typedstream(WECHAT_CODE), APPLE_NS, 0, 2),
            (None, typedstream(long_text), APPLE_NS + 60_000_000_000, 0, 3),
            ("晚上见", None, APPLE_NS, 1, 2),
            (ENGLISH, None, None, 0, 0),
        ],
    )
    assert detect_sms(path) == "ios-db"
    found = list(iter_messages(path))
    assert [m.body for m in found] == [CMB, WECHAT_CODE, long_text, "晚上见", ENGLISH]
    assert [m.sender for m in found] == ["95555", "+8610690123456", "106980095588", "+8610690123456", ""]
    assert [m.incoming for m in found] == [True, True, True, False, True]
    assert found[0].at == WHEN  # seconds
    assert found[1].at == WHEN  # nanoseconds
    assert found[4].at is None


@pytest.mark.parametrize(
    ("text", "form"),
    [("短信", "byte"), ("x" * 127, "byte"), ("短" * 50, "u16"), ("y" * 70_000, "u32"), ("z", "u32")],
)
def test_each_length_form_of_attributed_body(text, form):
    assert ios_db.text_from_attributed_body(typedstream(text, form)) == text


@pytest.mark.parametrize(
    "blob",
    [
        None,
        b"",
        b"no class name here",
        b"NSString",
        b"NSString\x01\x94\x84\x01+",  # the length is missing
        b"NSString\x01\x94\x84\x01+\x81\x05",  # a 16-bit length cut short
        b"NSString\x01\x94\x84\x01+\x10short",  # fewer bytes than announced
        b"NSString\x01\x94\x84\x01+\x83abc",  # an unknown length form
        12345,
    ],
)
def test_attributed_body_that_holds_no_text(blob):
    assert ios_db.text_from_attributed_body(blob) is None


def test_apple_dates():
    assert ios_db.apple_time(APPLE_S) == WHEN
    assert ios_db.apple_time(APPLE_NS) == WHEN
    assert ios_db.apple_time(0) is None
    assert ios_db.apple_time("x") is None
    assert ios_db.apple_time(10**30) is None


@READERS
def test_the_database_is_never_modified_nor_given_companion_files(tmp_path, read):
    folder = tmp_path / "backup"
    folder.mkdir()
    path = sms_db(folder / IOS_BACKUP_NAME, [(CMB, None, APPLE_NS, 0, 1)])
    db = sqlite3.connect(path)  # a copy in WAL mode, as iOS keeps it, without its -wal file
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    assert sorted(os.listdir(folder)) == [IOS_BACKUP_NAME]
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    assert len(read(path)) == 1
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(os.listdir(folder)) == [IOS_BACKUP_NAME]


@READERS
def test_a_locked_database(tmp_path, read):
    path = sms_db(tmp_path / "sms.db", [(CMB, None, APPLE_NS, 0, 1)])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO message (guid, text) VALUES ('x', 'y')")
    try:
        with pytest.raises(ImportFileError) as caught:
            read(path)
        assert caught.value.key == "import.db_locked"
        assert caught.value.params == {"path": str(path)}
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@READERS
def test_a_corrupt_database(tmp_path, read):
    path = sms_db(tmp_path / "sms.db", [(CMB, None, APPLE_NS, 0, 1)] * 500)
    data = bytearray(path.read_bytes())
    data[100:4000] = os.urandom(3900)
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.key in ("import.bad_db", "import.not_messages_db")


@READERS
def test_a_database_that_is_not_the_messages_database(tmp_path, read):
    path = tmp_path / "Login Data"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE logins (origin_url TEXT, username_value TEXT)")
    db.commit()
    db.close()
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.key == "import.not_messages_db"


@READERS
def test_progress_ends_at_the_file_size(tmp_path, monkeypatch, read):
    monkeypatch.setattr(ios_db, "PROGRESS_ROWS", 100)
    monkeypatch.setattr(ios_db, "BATCH", 50)
    path = sms_db(tmp_path / "sms.db", [(CMB, None, APPLE_NS, 0, 1)] * 1000)
    calls = []
    read(path, lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert 5 <= len(calls) <= 20
    assert calls[-1] == (size, size)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_text_that_is_not_utf8_is_read_with_replacement_and_nothing_is_lost(tmp_path):
    path = sms_db(tmp_path / "sms.db", [(CMB, None, APPLE_NS, 0, 1)] * 3)
    db = sqlite3.connect(path)
    db.execute("UPDATE message SET text = CAST(X'e4bda0ff' AS TEXT) WHERE ROWID = 2")
    db.commit()
    db.close()
    assert [m.body for m in iter_messages(path)] == [CMB, "你\ufffd", CMB]
