"""The F-Droid app "SMS Import / Export" (github.com/tmo1/sms-ie): a ZIP holding `messages.ndjson`.

One JSON object per line, each a row of Android's SMS or MMS table with every column as a string
(sms-ie's ImportExportMessages.kt writes `it.getString(i)` for every column). SMS rows: `address`,
`body`, `date` (milliseconds since the epoch), `type` ("1" = received). MMS rows: `msg_box` ("1" =
received), `date` (seconds: Android's MMS table), `__parts` (the parts, text in `text` where `ct` is
text/plain) and the sender in `__sender_address` {address, type "137"} (current versions) or among
`__addresses` (older versions). Binary MMS parts under `data/` in the ZIP are never opened.

The same lines as a bare `messages.ndjson` file (the ZIP unpacked) are read too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from numretire.importers import (
    PROGRESS_EVERY,
    ImportFileError,
    Message,
    PathLike,
    Progress,
    file_size,
)
from numretire.importers.android_xml import when

MEMBER = "messages.ndjson"


def _zip_errors() -> tuple[type[BaseException], ...]:
    """What a damaged or unexpected ZIP can raise from zipfile and its decompressors."""
    import lzma
    import struct
    import zipfile
    import zlib

    return (
        zipfile.BadZipFile,
        zlib.error,
        lzma.LZMAError,
        struct.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,  # an unsupported compression method
        RuntimeError,  # an encrypted member
        OverflowError,
    )


def _problem(exc: BaseException) -> str:
    from numretire.importers import problem_of

    return problem_of(exc)


def check_zip(path: PathLike) -> None:
    """Nothing when `path` is a ZIP holding messages.ndjson; ImportFileError otherwise."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except _zip_errors() as exc:
        raise ImportFileError("import.bad_zip", path=str(path), problem=_problem(exc)) from None
    if MEMBER not in names:
        raise ImportFileError("import.zip_no_messages", path=str(path))


def is_sms_zip(path: PathLike) -> bool:
    """Whether `path` is a readable ZIP holding messages.ndjson."""
    try:
        check_zip(path)
    except ImportFileError:
        return False
    return True


def looks_like_ndjson(text: str) -> bool:
    """Whether `text` (the start of a file) begins with a message row of sms-ie's NDJSON."""
    import json

    line = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):
        return False
    keys = {"address", "body", "msg_box", "__parts", "__sender_address", "__addresses"}
    return isinstance(row, dict) and bool(keys & row.keys())


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def message_of(row: Any) -> Message | None:
    """The Message a decoded NDJSON row describes, or None when the row is not a message."""
    if not isinstance(row, dict):
        return None
    if any(key in row for key in ("__parts", "msg_box", "__sender_address", "__addresses")):
        incoming = _text(row.get("msg_box")) == "1"
        sender = ""
        origin = row.get("__sender_address")
        if isinstance(origin, dict):
            sender = _text(origin.get("address"))
        addresses = row.get("__addresses")
        if not sender and isinstance(addresses, list):
            for address in addresses:
                if isinstance(address, dict) and _text(address.get("type")) == "137":
                    sender = _text(address.get("address"))
                    break
        parts = row.get("__parts")
        texts = [
            _text(part.get("text"))
            for part in (parts if isinstance(parts, list) else ())
            if isinstance(part, dict) and part.get("text") and _text(part.get("ct")).lower() == "text/plain"
        ]
        address = _text(row.get("address"))
        sender = (sender or address) if incoming else (address or sender)
        return Message(sender, "\n".join(texts), when(row.get("date")), incoming)
    if not any(key in row for key in ("address", "body", "type")):
        return None
    return Message(
        _text(row.get("address")),
        _text(row.get("body")),
        when(row.get("date")),
        _text(row.get("type")) == "1",
    )


def _lines(handle: IO[bytes], where: str) -> Iterator[bytes]:
    """The lines of `handle`, each read no further than limits.MAX_LINE_BYTES (ImportFileError past it)."""
    from numretire.importers import limits

    number = 0
    while line := limits.read_line(handle, where, number + 1):
        number += 1
        yield line


def _messages(
    lines: Iterable[bytes], where: str, total: int, on_progress: Progress | None
) -> Iterator[Message]:
    """The messages of NDJSON `lines`; a bad line is skipped, a file of nothing but bad lines refused."""
    import json

    done = reported = good = 0
    first_bad = 0
    for number, line in enumerate(lines, 1):
        done += len(line)
        if on_progress is not None and done - reported >= PROGRESS_EVERY:
            reported = done
            on_progress(done, max(total, done))
        if not line.strip():
            continue
        try:
            message = message_of(json.loads(line))
        except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            message = None
        if message is None:
            first_bad = first_bad or number
            continue
        good += 1
        yield message
    if first_bad and not good:
        raise ImportFileError("import.bad_ndjson", path=where, line=first_bad)
    if on_progress is not None:
        on_progress(max(total, done), max(total, done))


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages in an SMS Import / Export ZIP, in file order.

    Raises ImportFileError for a damaged ZIP, one without messages.ndjson, or one whose
    messages.ndjson holds no message at all.
    """
    import zipfile

    where = str(path)
    errors = _zip_errors()
    try:
        archive = zipfile.ZipFile(path)
    except errors as exc:
        raise ImportFileError("import.bad_zip", path=where, problem=_problem(exc)) from None
    with archive:
        try:
            info = archive.getinfo(MEMBER)
        except KeyError:
            raise ImportFileError("import.zip_no_messages", path=where) from None
        from numretire.importers import limits

        limits.check_member(info, where)  # a ZIP bomb is refused before a byte is expanded
        try:
            with archive.open(info) as member:
                yield from _messages(_lines(member, where), where, info.file_size, on_progress)
        except errors as exc:
            raise ImportFileError("import.bad_zip", path=where, problem=_problem(exc)) from None


def iter_ndjson_file(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages in a bare messages.ndjson file (an unpacked SMS Import / Export ZIP)."""
    where = str(path)
    try:
        with open(path, "rb") as handle:
            yield from _messages(_lines(handle, where), where, file_size(path), on_progress)
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=_problem(exc)) from None
