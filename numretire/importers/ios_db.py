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
Row = tuple[Any, ...]
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
    from numretire.importers import limits

    connection = sqlite3.connect(uri, uri=True, timeout=1.0)
    limits.bound_sqlite(connection)  # a 300 MB row is refused before SQLite loads it
    return connection


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
    """The ImportFileError for an SQLite failure: locked, a value too big, or damaged."""
    from numretire.importers import limits

    too_big = limits.value_too_big(exc, where)
    if too_big is not None:
        return too_big
    text = str(exc)
    if "locked" in text or "busy" in text:
        return ImportFileError("import.db_locked", path=where)
    from numretire.importers import problem_of

    return ImportFileError("import.bad_db", path=where, problem=problem_of(exc))


def _tolerant(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def message_time(value: Any) -> datetime | None:
    """A message's `date` as a UTC time, as iter_messages reads it (see apple_time)."""
    try:  # the common case inline: nanoseconds since 2001 (iOS 11 and later)
        if value > 100_000_000_000:
            return _fromtimestamp(value / 1e9 + UNIX_2001, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        pass
    return apple_time(value)


def _open(path: PathLike) -> tuple[Any, set[str], dict[Any, str]]:
    """A read-only connection to the Messages database `path`, the columns of its message table, and
    its handles (ROWID -> the other party's address).

    Raises ImportFileError when the file is not a database, not a Messages database, damaged, or
    locked by another program.
    """
    import sqlite3

    where = str(path)
    try:
        connection = _connect(path)
    except sqlite3.Error as exc:
        raise _fail(exc, where) from None
    try:
        connection.text_factory = _tolerant  # names and handles: never fail on a stray byte
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"message", "handle"} <= tables:
            raise ImportFileError("import.not_messages_db", path=where)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(message)")}
        if not {"text", "date", "is_from_me", "handle_id"} <= columns:
            raise ImportFileError("import.not_messages_db", path=where)
        handles = {
            rowid: _text(handle) or "" for rowid, handle in connection.execute("SELECT ROWID, id FROM handle")
        }
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged schema can hold undecodable names
        connection.close()
        raise _fail(exc, where) from None
    except BaseException:
        connection.close()
        raise
    return connection, columns, handles


def _to_message(
    handles: dict[Any, str], text: Any, attributed: Any, date: Any, from_me: Any, handle: Any
) -> Message:
    """One row of the message table (text, attributedBody, date, is_from_me, handle_id) as a Message."""
    if text.__class__ is not str:
        text = to_text(text, attributed)
    return Message(handles.get(handle, ""), text, message_time(date), not from_me)


def to_text(text: Any, attributed: Any) -> str:
    """A message's text: its `text` column as a string, else the text inside its attributedBody."""
    found = _text(text)
    if found is None:
        found = text_from_attributed_body(attributed) or ""
    return found


def read_rows(
    path: PathLike, on_progress: Progress | None = None
) -> tuple[dict[Any, str], Iterator[list[Row]]]:
    """The handles of the Messages database `path` (ROWID -> address) and its messages as rows of
    (ROWID, text, attributedBody where text is NULL, date, is_from_me, handle_id), in batches, oldest
    row first.

    Raises ImportFileError when the file cannot be read as a Messages database: now, or (a damaged
    page, a lock taken meanwhile) while the batches are read.
    """
    connection, columns, handles = _open(path)
    return handles, _batches(connection, columns, str(path), file_size(path), on_progress)


def _batches(
    connection: Any, columns: set[str], where: str, total: int, on_progress: Progress | None
) -> Iterator[list[Row]]:
    import sqlite3

    try:
        try:
            # Only rows without text fetch their attributedBody.
            body = "CASE WHEN text IS NULL THEN attributedBody END" if "attributedBody" in columns else "NULL"
            last = connection.execute("SELECT max(ROWID) FROM message").fetchone()[0] or 0
            query = (
                f"SELECT ROWID, text, {body}, date, is_from_me, handle_id FROM message"
                " WHERE ROWID > ? ORDER BY ROWID"
            )
            # Messages are read with SQLite's own (fast) UTF-8 decoding; should a text not be valid
            # UTF-8, reading resumes after the last batch read, replacing what cannot be decoded.
            connection.text_factory = str
            after = -(1 << 63)
            reported = 0
            while True:
                try:
                    cursor = connection.execute(query, (after,))
                    while rows := cursor.fetchmany(BATCH):
                        yield rows
                        after = rows[-1][0]
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


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages in an iOS sms.db, oldest row first (errors: see read_rows)."""
    handles, batches = read_rows(path, on_progress)
    for rows in batches:
        for _rowid, *row in rows:
            yield _to_message(handles, *row)
