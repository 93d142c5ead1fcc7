"""Bounds on what an import may open and expand, checked where a file is opened or read.

A file to import comes from anywhere (a download, a chat, a stranger's "backup"), so nothing in it may
make numretire hang, take the machine's memory or run for minutes. Real exports stay far inside these
bounds; past them the file is refused with one line (ImportFileError), before the work starts where it
can be:
- the import path must be a regular file: a FIFO would block `open` for ever, a device never ends;
- a file read whole (CSV, JSON, pasted text, a lookup) has a size bound, asked of the file system first;
- a line of NDJSON, pasted text or a payment statement (and a statement's row running on over lines),
  an XML token (a tag with its attributes, a comment) and a value in
  the iOS database have a size bound, so that one giant record is never held in memory;
- a ZIP member is read only when its size and its expansion ratio are plausible (ZIP bombs).

The constants are module attributes, read at each check, so tests can make them small.
"""

from __future__ import annotations

import errno
import os
import stat

from numretire.importers import ImportFileError, PathLike

MAX_TEXT_BYTES = 32 << 20  # a file read whole: a CSV, JSON or text export of 100,000 entries is less
MAX_LINE_BYTES = 1 << 20  # a line of NDJSON, pasted text or a bill: one message or payment row is a few KB
MAX_TOKEN_BYTES = 16 << 20  # an XML tag with its attributes (an MMS part holds its image in base64)
MAX_VALUE_BYTES = 1 << 20  # a text or attributedBody in sms.db: the longest SMS is about 40,000 characters
MAX_UNZIPPED_BYTES = 4 << 30  # a member of a message ZIP, once expanded
MAX_ZIP_RATIO = 100  # expansion of a member above RATIO_FROM_BYTES: JSON lines deflate 5-20 times
RATIO_FROM_BYTES = 8 << 20


def size_text(size: int) -> str:
    """`size` bytes for a message: "48 MB", "1 MB", "300 KB"."""
    if size >= 1 << 20:
        return f"{size / (1 << 20):,.0f} MB"
    return f"{max(1, size >> 10):,} KB"


def check_regular(path: PathLike) -> os.stat_result:
    """The stat of `path` when it is a regular file (or a link to one); ImportFileError otherwise.

    A FIFO, socket or device is refused here, before anything opens it (opening a FIFO waits for a
    writer for ever).
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=str(path), problem=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError("import.unreadable", path=str(path), problem=os.strerror(errno.EISDIR))
    if not stat.S_ISREG(info.st_mode):
        raise ImportFileError("import.not_a_file", path=str(path))
    return info


def check_whole_read(path: PathLike) -> int:
    """The size of the regular file `path` when it may be read whole; ImportFileError otherwise."""
    size = check_regular(path).st_size
    if size > MAX_TEXT_BYTES:
        raise ImportFileError("import.file_too_big", path=str(path), limit=size_text(MAX_TEXT_BYTES))
    return size


def check_lines(text: str, path: PathLike) -> None:
    """ImportFileError when a line of `text` is longer than MAX_LINE_BYTES characters (the same bound as
    for bytes, to within the width of a character)."""
    limit = MAX_LINE_BYTES
    if len(text) <= limit:
        return
    start, line = 0, 1
    find = text.find
    while True:
        end = find("\n", start)
        if end == -1:
            end = len(text)
        if end - start > limit:
            raise ImportFileError("import.line_too_big", path=str(path), line=line, limit=size_text(limit))
        if end == len(text):
            return
        start, line = end + 1, line + 1


def read_line(handle, path: PathLike, number: int) -> bytes:
    """The next line of the binary `handle` (b"" at the end); ImportFileError when it is longer than
    MAX_LINE_BYTES, read no further than that."""
    line = handle.readline(MAX_LINE_BYTES + 1)
    if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
        raise ImportFileError(
            "import.line_too_big", path=str(path), line=number, limit=size_text(MAX_LINE_BYTES)
        )
    return line


def check_member(info, path: PathLike) -> None:
    """ImportFileError when the ZIP member `info` (a zipfile.ZipInfo) expands beyond the bounds."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_UNZIPPED_BYTES:
        raise ImportFileError("import.too_big", path=str(path), limit=size_text(MAX_UNZIPPED_BYTES))
    if size > RATIO_FROM_BYTES and size > MAX_ZIP_RATIO * packed:
        raise ImportFileError(
            "import.zip_bomb", path=str(path), ratio=f"{size // packed:,}", limit=f"{MAX_ZIP_RATIO:,}"
        )


def check_token(fed: int, parsed_up_to: int, path: PathLike, line: int) -> None:
    """ImportFileError when an XML parser holds more than MAX_TOKEN_BYTES of input it has not parsed
    yet (`fed` bytes given, events seen up to `parsed_up_to`): one tag, comment or text that big."""
    if fed - max(parsed_up_to, 0) > MAX_TOKEN_BYTES:
        raise ImportFileError(
            "import.token_too_big", path=str(path), line=line, limit=size_text(MAX_TOKEN_BYTES)
        )


def bound_sqlite(connection) -> None:
    """Make `connection` refuse (sqlite3.DataError, "string or blob too big") to read any value larger
    than MAX_VALUE_BYTES, before SQLite loads it."""
    import sqlite3

    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


def value_too_big(exc: BaseException, path: PathLike) -> ImportFileError | None:
    """The ImportFileError for an SQLite error raised by the bound of bound_sqlite, else None."""
    import sqlite3

    if isinstance(exc, sqlite3.DataError) or "too big" in str(exc):
        return ImportFileError("import.value_too_big", path=str(path), limit=size_text(MAX_VALUE_BYTES))
    return None
