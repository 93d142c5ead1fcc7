"""Android "SMS Backup & Restore" XML: `<smses>` of `<sms>` and `<mms>`, streamed in constant memory.

The format (as the app writes it): `<sms address date type body …/>` where `date` is milliseconds since
the epoch and `type` 1 means received; `<mms date msg_box …>` (msg_box 1 = received) holding
`<parts><part ct="text/plain" text="…"/></parts>` and `<addrs><addr address type="137"/></addrs>`
(PDU header 137 = From; Android's `Telephony.Mms.Addr.TYPE`). Every value is an attribute, so no
element tree is built: expat hands each start tag's attributes to a handler, and memory stays flat
however long the file is.

Why expat directly and not defusedxml's iterparse: defusedxml 0.7 builds its parser on the pure-Python
ElementTree XMLParser, which alone costs about 1.5x a plain iterparse before any work is done (see
bench/import_sms.py). The same guards defusedxml installs are installed here on the C parser, raising
defusedxml's own exceptions: a document type declaration, an entity declaration or an external entity
reference stops the parse. Without a DTD no entity can be declared, so entity bombs cannot start.

Real exports carry what a strict XML parser rejects: characters outside the Basic Multilingual Plane
written as two numeric references to UTF-16 surrogate halves (`&#55357;&#56832;`), lone halves, and
control characters (`&#27;`). `repaired_chunks` rewrites those references on the fly, chunk by chunk,
before expat sees them: a valid pair becomes one reference to the real character (`&#128512;`), the
rest are dropped. Everything else (including `&#128514;`) passes through untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from numretire.importers import (
    PROGRESS_EVERY,
    ImportFileError,
    Message,
    PathLike,
    Progress,
    file_size,
)

CHUNK = 1 << 16
_fromtimestamp = datetime.fromtimestamp
_new_tuple = tuple.__new__  # Message(...) without the Python-level __new__: the same tuple, faster

_HIGH_DEC = rb"5529[6-9]|553[0-9]{2}|55[4-9][0-9]{2}|56[0-2][0-9]{2}|563[01][0-9]"  # 55296-56319
_LOW_DEC = rb"563[2-9][0-9]|56[4-9][0-9]{2}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]"  # 56320-57343
_HIGH_HEX = rb"[dD][89abAB][0-9a-fA-F]{2}"  # D800-DBFF
_LOW_HEX = rb"[dD][c-fC-F][0-9a-fA-F]{2}"  # DC00-DFFF
# Characters XML 1.0 forbids even as references: C0 controls but tab, LF, CR; U+FFFE and U+FFFF.
_CTRL_DEC = rb"[0-8]|1[124-9]|2[0-9]|3[01]|6553[45]"
_CTRL_HEX = rb"[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]"


def _number(dec: bytes, hexa: bytes) -> bytes:
    return rb"(?:0{0,8}(?:" + dec + rb")|[xX]0{0,8}(?:" + hexa + rb"))"


_HIGH = _number(_HIGH_DEC, _HIGH_HEX)
_LOW = _number(_LOW_DEC, _LOW_HEX)
_ANY_BAD = _number(
    _HIGH_DEC + b"|" + _LOW_DEC + b"|" + _CTRL_DEC, _HIGH_HEX + b"|" + _LOW_HEX + b"|" + _CTRL_HEX
)
# One leading literal "&#", so that the regex engine skips to candidates at memchr speed.
_FIX = re.compile(rb"&#(?:(" + _HIGH + rb");&#(" + _LOW + rb")|" + _ANY_BAD + rb");")
_HIGH_AT_END = re.compile(rb"&#" + _HIGH + rb";\Z")
_TAIL = 40  # longer than any reference this module rewrites


def _ref_value(digits: bytes) -> int:
    return int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)


def _repair(match: re.Match[bytes]) -> bytes:
    if match.group(1) is None:
        return b""  # a lone surrogate half or a forbidden control character
    high, low = _ref_value(match.group(1)), _ref_value(match.group(2))
    return b"&#%d;" % (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def repair_refs(data: bytes) -> bytes:
    """`data` with surrogate pairs re-paired and lone halves and forbidden controls dropped."""
    return _FIX.sub(_repair, data) if b"&#" in data else data


def _safe_cut(buf: bytes) -> int:
    """Where to cut `buf` so that no character reference (or surrogate pair) is split."""
    cut = len(buf)
    amp = buf.rfind(b"&", max(0, cut - _TAIL))
    if amp != -1:
        cut = amp
    high = _HIGH_AT_END.search(buf, max(0, cut - _TAIL), cut)
    return high.start() if high else cut


def repaired_chunks(raw: IO[bytes], chunk_size: int = CHUNK) -> Iterator[bytes]:
    """The bytes of `raw`, chunk by chunk, with `repair_refs` applied across chunk boundaries."""
    carry = b""
    while chunk := raw.read(chunk_size):
        buf = carry + chunk
        cut = _safe_cut(buf)
        carry = buf[cut:]
        if cut:
            yield repair_refs(buf[:cut])
    if carry:
        yield repair_refs(carry)


def when(value: str | None) -> datetime | None:
    """A time from milliseconds (or seconds, for small values) since the epoch, UTC; None if unusable."""
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if number <= 0:
        return None
    try:
        return datetime.fromtimestamp(number / 1000 if number > 100_000_000_000 else number, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _address(value: str | None) -> str:
    return "" if not value or value == "null" else value


class _Handlers:
    """expat callbacks that turn start tags into Messages, appended to `out`."""

    def __init__(self, parser: Any, where: str) -> None:
        self.parser = parser
        self.where = where
        self.out: list[Message] = []
        self.append = self.out.append
        self.mms: dict[str, str] | None = None
        self.mms_texts: list[str] = []
        self.mms_from = ""
        parser.StartElementHandler = self.first

    def first(self, tag: str, attrs: dict[str, str]) -> None:
        if tag != "smses":
            raise ImportFileError("import.not_sms_backup", path=self.where)
        self.parser.StartElementHandler = self.start

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "sms":
            # The hot path (one call per message): inlined where a helper call would show in the bench.
            address = attrs.get("address") or ""
            date = attrs.get("date")
            try:
                millis = int(date)  # type: ignore[arg-type]
                at = _fromtimestamp(millis / 1000, UTC) if millis > 100_000_000_000 else when(date)
            except (TypeError, ValueError, OverflowError, OSError):
                at = None
            self.append(
                _new_tuple(
                    Message,
                    (
                        "" if address == "null" else address,
                        attrs.get("body") or "",
                        at,
                        attrs.get("type") == "1",
                    ),
                )
            )
        elif tag == "mms":
            self.finish_mms()
            self.mms, self.mms_texts, self.mms_from = attrs, [], ""
            self.parser.EndElementHandler = self.end
        elif self.mms is not None:
            if tag == "part":
                text = attrs.get("text")
                if text and text != "null" and (attrs.get("ct") or "").lower() == "text/plain":
                    self.mms_texts.append(text)
            elif tag == "addr" and attrs.get("type") == "137" and not self.mms_from:
                self.mms_from = _address(attrs.get("address"))

    def end(self, tag: str) -> None:
        if tag == "mms":
            self.finish_mms()

    def finish_mms(self) -> None:
        attrs = self.mms
        if attrs is None:
            return
        incoming = attrs.get("msg_box") == "1"
        own = _address(attrs.get("address")).split("~")[0]
        sender = (self.mms_from or own) if incoming else own
        self.out.append(Message(sender, "\n".join(self.mms_texts), when(attrs.get("date")), incoming))
        self.mms, self.mms_texts, self.mms_from = None, [], ""
        self.parser.EndElementHandler = None


def _forbid_dtd(name: str, sysid: str | None, pubid: str | None, has_internal_subset: bool) -> None:
    from defusedxml import DTDForbidden

    raise DTDForbidden(name, sysid, pubid)


def _forbid_entity(
    name: str,
    is_parameter_entity: bool,
    value: str | None,
    base: str | None,
    sysid: str | None,
    pubid: str | None,
    notation_name: str | None,
) -> None:
    from defusedxml import EntitiesForbidden

    raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _forbid_unparsed_entity(
    name: str, base: str | None, sysid: str | None, pubid: str | None, notation_name: str | None
) -> None:
    from defusedxml import EntitiesForbidden

    raise EntitiesForbidden(name, None, base, sysid, pubid, notation_name)


def _forbid_external(context: str, base: str | None, sysid: str | None, pubid: str | None) -> None:
    from defusedxml import ExternalReferenceForbidden

    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def iter_messages(path: PathLike, on_progress: Progress | None = None) -> Iterator[Message]:
    """The messages of an SMS Backup & Restore file, in file order.

    Raises ImportFileError (naming the file and the line) for a file that is not such a backup, a
    DTD or entity declaration, malformed XML, or a file that ends early; messages before the
    problem have been yielded by then (callers that want all-or-nothing collect first).
    """
    import xml.parsers.expat as expat

    from defusedxml import DefusedXmlException

    from numretire.importers import limits

    where = str(path)
    total = file_size(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the with below, also on an early exit
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=exc.strerror or str(exc)) from None
    with raw:
        parser = expat.ParserCreate()
        handlers = _Handlers(parser, where)
        parser.StartDoctypeDeclHandler = _forbid_dtd
        parser.EntityDeclHandler = _forbid_entity
        parser.UnparsedEntityDeclHandler = _forbid_unparsed_entity
        parser.ExternalEntityRefHandler = _forbid_external
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        out = handlers.out
        done = reported = fed = 0
        final = False
        chunks = repaired_chunks(raw, CHUNK)
        while True:
            try:
                chunk = next(chunks, None)
                if chunk is None:
                    final = True
                    parser.Parse(b"", True)
                else:
                    parser.Parse(chunk, False)
                    fed += len(chunk)
                    # One tag, comment or text never held whole past the bound (a 300 MB body).
                    if fed - parser.CurrentByteIndex > limits.MAX_TOKEN_BYTES:
                        limits.check_token(fed, parser.CurrentByteIndex, where, parser.CurrentLineNumber)
            except expat.ExpatError as exc:
                key = "import.truncated" if final else "import.bad_xml"
                problem = expat.ErrorString(exc.code) or str(exc)
                raise ImportFileError(key, path=where, line=exc.lineno, problem=problem) from None
            except DefusedXmlException:
                raise ImportFileError("import.xml_dtd", path=where) from None
            except LookupError:  # an encoding declaration naming no known encoding (never quoted)
                line = parser.CurrentLineNumber
                raise ImportFileError(
                    "import.bad_xml", path=where, line=line, problem="unknown encoding"
                ) from None
            except OSError as exc:
                raise ImportFileError(
                    "import.unreadable", path=where, problem=exc.strerror or str(exc)
                ) from None
            if final:
                handlers.finish_mms()
            if out:
                yield from out
                out.clear()
            if final:
                break
            done = raw.tell()
            if on_progress is not None and done - reported >= PROGRESS_EVERY:
                reported = done
                on_progress(done, max(total, done))
        if on_progress is not None:
            on_progress(max(total, done), max(total, done))
