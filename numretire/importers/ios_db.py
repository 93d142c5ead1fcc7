"""The iOS Messages database `sms.db` (in a computer backup, the file named
3d0d7e5fb2ce288813306e4d4636395e047a3d28).

Opened read-only and never modified: `mode=ro`, and for a database in WAL mode without its `-wal`
file beside it (a backup copy) also `immutable=1`, so that SQLite does not create `-shm`/`-wal` files
next to the user's backup. Tables: `message` (text, attributedBody, date, is_from_me, handle_id) and
`handle` (id: the other party's number or address).

Newer iOS versions leave `message.text` NULL and keep the text only inside `attributedBody`, an
NSAttributedString in Apple's typedstream encoding: after the class name `NSString` come the bytes
0x01 0x2B ('+', a C string follows), then the length — one byte below 0x80, or 0x81 and a 16-bit
little-endian length, or 0x82 and a 32-bit one — then that many bytes of UTF-8.

Dates count from 2001-01-01 UTC: seconds in older databases, nanoseconds since iOS 11 (any value above
1e11 is taken as nanoseconds).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from numretire.importers import (
    ImportFileError,
    Message,
    PathLike,
    Progress,
    file_size,
)

APPLE_EPOCH = datetime(2001, 1, 1, tzinfo=UTC)
UNIX_2001 = 978_307_200  # 2001-01-01 in Unix seconds
_fromtimestamp = datetime.fromtimestamp
BATCH = 2000
PROGRESS_ROWS = 20000


def apple_time(value: Any) -> datetime | None:
    """A Messages `date` (seconds or nanoseconds since 2001-01-01 UTC) as a UTC time; None if unusable."""
    if value is None:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if number <= 0:
        return None
    try:
        return APPLE_EPOCH + timedelta(seconds=number / 1e9 if number > 100_000_000_000 else number)
    except OverflowError:
        return None


def text_from_attributed_body(blob: Any) -> str | None:
    """The plain text inside a typedstream `attributedBody`, or None when there is none to be found."""
    if not blob:
        return None
    if blob.__class__ is not bytes:
        if isinstance(blob, str):
            blob = blob.encode("utf-8", "surrogatepass")
        elif isinstance(blob, bytearray | memoryview):
            blob = bytes(blob)
        else:
            return None
    start = blob.find(b"NSString")
    if start == -1:
        return None
    marker = blob.find(b"\x01\x2b", start + 8, start + 24)
    if marker == -1:
        return None
    pos = marker + 3
    first = blob[pos - 1 : pos]
    if not first:
        return None
    if first[0] < 0x80:
        length = first[0]
    elif first[0] in (0x81, 0x82):
        width = 2 if first[0] == 0x81 else 4
        length = int.from_bytes(blob[pos : pos + width], "little")
        if pos + width > len(blob):
            return None
        pos += width
    else:
        return None
    data = blob[pos : pos + length]
    if len(data) < length:
        return None
    return data.decode("utf-8", "replace")


def _wal_without_log(path: Path) -> bool:
    """Whether the database header says WAL mode while no `-wal` file lies beside it."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists()


def _connect(path: PathLike) -> Any:
    """A read-only connection to `path` that creates no file beside it."""
    import sqlite3

    target = Path(path).absolute()
    uri = target.as_uri() + "?mode=ro"
    if _wal_without_log(target):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=1.0)


def is_messages_db(path: PathLike) -> bool:
    """Whether `path` is an SQLite database with the Messages tables (read-only; False on any error)."""
    import sqlite3

    try:
        connection = _connect(path)
        try:
            connection.text_factory = _tolerant
            names = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return False
    return {"message", "handle"} <= names


def _fail(exc: Exception, where: str) -> ImportFileError:
    """The ImportFileError for an SQLite failure: locked, or damaged."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return ImportFileError("import.db_locked", path=where)
    return ImportFileError("import.bad_db", path=where, problem=text or type(exc).__name__)


def _tolerant(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages in an iOS sms.db, oldest row first.

    Raises ImportFileError when the file is not a database, not a Messages database, damaged, or
    locked by another program.
    """
    import sqlite3

    where = str(path)
    total = file_size(path)
    try:
        connection = _connect(path)
    except sqlite3.Error as exc:
        raise _fail(exc, where) from None
    try:
        try:
            connection.text_factory = _tolerant  # names and handles: never fail on a stray byte
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"message", "handle"} <= tables:
                raise ImportFileError("import.not_messages_db", path=where)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(message)")}
            if not {"text", "date", "is_from_me", "handle_id"} <= columns:
                raise ImportFileError("import.not_messages_db", path=where)
            # Only rows without text fetch their attributedBody; handles are few, read once into a dict.
            body = "CASE WHEN text IS NULL THEN attributedBody END" if "attributedBody" in columns else "NULL"
            handles = {
                rowid: _text(handle) or ""
                for rowid, handle in connection.execute("SELECT ROWID, id FROM handle")
            }
            last = connection.execute("SELECT max(ROWID) FROM message").fetchone()[0] or 0
            query = (
                f"SELECT ROWID, text, {body}, date, is_from_me, handle_id FROM message"
                " WHERE ROWID > ? ORDER BY ROWID"
            )
            # Messages are read with SQLite's own (fast) UTF-8 decoding; should a text not be valid
            # UTF-8, reading resumes after the last message read, replacing what cannot be decoded.
            connection.text_factory = str
            after = -(1 << 63)
            reported = 0
            while True:
                try:
                    cursor = connection.execute(query, (after,))
                    while rows := cursor.fetchmany(BATCH):
                        for rowid, text, attributed, date, from_me, handle_id in rows:
                            if text.__class__ is not str:
                                text = _text(text)
                                if text is None:
                                    text = text_from_attributed_body(attributed) or ""
                            try:  # the common case inline: nanoseconds since 2001 (iOS 11 and later)
                                at = (
                                    _fromtimestamp(date / 1e9 + UNIX_2001, UTC)
                                    if date > 100_000_000_000
                                    else apple_time(date)
                                )
                            except (TypeError, ValueError, OverflowError, OSError):
                                at = apple_time(date)
                            yield Message(handles.get(handle_id, ""), text, at, not from_me)
                            after = rowid
                        if on_progress is not None and last and after - reported >= PROGRESS_ROWS:
                            reported = after
                            on_progress(max(0, min(total, total * after // last)), total)
                    break
                except (UnicodeDecodeError, sqlite3.OperationalError) as exc:
                    # sqlite3 reports a text it cannot decode as "Could not decode to UTF-8 column …"
                    undecodable = isinstance(exc, UnicodeDecodeError) or "decode" in str(exc)
                    if not undecodable or connection.text_factory is _tolerant:
                        raise
                    connection.text_factory = _tolerant
        except sqlite3.Error as exc:
            raise _fail(exc, where) from None
        except UnicodeDecodeError as exc:
            raise _fail(exc, where) from None
        if on_progress is not None:
            on_progress(total, total)
    finally:
        connection.close()
