"""Read an iOS sms.db as groups of alike messages (importers.MessageGroup), not one Message per row.

A phone's database holds tens or hundreds of thousands of messages, most of them a few services'
templates: building a Message (and a datetime) for each and matching each one by one costs several
times what reading the table costs. Here each row only adds to its group's count and dates:
- sent messages: per handle;
- received messages without a 【signature】: per handle and what the text says of its sender (a
  leading name, the one service a code message names, or an unknown name with a code or notice);
- with a signature that names one service whatever the text says: per handle and signature;
- with any other signature (shared by several services, or unknown): per handle, signature and what
  the rules that read the text make of it (which services it names; code or bank words). That reading
  is kept for texts alike but for their digits — codes and amounts differ, the words the rules read
  do not (unless a catalog term holds a digit) — in a cache of bounded size;
- from the official lookup's sender or under its signature: one group per message (its own count
  and date).
Dates are compared as stored, per unit (seconds or nanoseconds), and read as times once per group.
Memory grows with the handles and signatures, as matching one by one does, not with the messages.

The groups match exactly as the messages do one by one (tests/importers/test_ios_groups.py checks
it on generated databases, awkward rows included).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from numretire.importers import MessageGroup, PathLike, Progress, ios_db
from numretire.importers.match import LOOKUP_SIGNATURE, ZERO_BYTES, signature_of

if TYPE_CHECKING:
    from numretire.importers.match import SmsMatcher

NANOSECONDS = 100_000_000_000  # dates above this count nanoseconds (see ios_db.apple_time)
KEYS_KEPT = 20_000  # texts alike whose group is remembered at once


def _first_value(low: int, high: int, day: date) -> int:
    """The least stored `date` in [low, high] that ios_db reads as `day` or later (high + 1 if none)."""
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    while low <= high:
        middle = (low + high) // 2
        at = ios_db.message_time(middle)
        if at is not None and at >= start:
            high = middle - 1
        else:
            low = middle + 1
    return low


def read_groups(
    path: PathLike, matcher: SmsMatcher, day: date | None = None, on_progress: Progress | None = None
) -> list[MessageGroup]:
    """The messages of the sms.db `path` (from `day` on, when given) in groups, in the order of their
    first message. Raises ImportFileError as ios_db.iter_messages does."""
    handles, batches = ios_db.read_rows(path, on_progress)
    lookup_handles = {rowid for rowid, sender in handles.items() if matcher.is_lookup_sender(sender)}
    as_text, from_body = ios_db.to_text, ios_db.text_from_attributed_body
    time_of = ios_db.message_time
    names_one_service, read_alike = matcher.names_one_service, matcher.read_alike
    signature_in = matcher.signature_in
    plain: dict[str, bool] = {}  # signature -> whether it names one service whatever the text says
    since_ns = _first_value(NANOSECONDS + 1, 1 << 64, day) if day else 0
    since_s = _first_value(1, NANOSECONDS, day) if day else 0
    groups: dict[tuple, list[Any]] = {}  # key -> [count, first, last, its first text, that text or None, …]
    # (handle, unit, text as UTF-8 with its digits as 0) -> its group's key, where every text alike but
    # for its digits falls in the same group (see SmsMatcher.read_alike): most rows end here.
    keys: dict[tuple, tuple] = {}

    def _key_of(rowid: int, handle: Any, unit: bool | None, text: str) -> tuple[tuple, str | None, bool]:
        """A received text's group key, the text when its group must keep it, and whether every text
        alike but for its digits falls in the same group."""
        signature = signature_in(text)
        if handle in lookup_handles or signature == LOOKUP_SIGNATURE:
            return (rowid,), text, False
        if signature is None:  # grouped by what the text says of its sender
            reading, same = read_alike(None, text)
            return (handle, unit, None, reading), text, same
        # a signature (or a label before it) that holds digits may differ between texts alike
        same = not any(ch.isdigit() for ch in signature + (signature_of(text) or ""))
        settled = plain.get(signature)
        if settled is None:
            settled = plain[signature] = names_one_service(signature)
        if settled:
            return (handle, unit, signature), None, same
        reading, alike = read_alike(signature, text)
        return (handle, unit, signature, reading), text, same and alike

    for rows in batches:
        for rowid, text, attributed, stamp, from_me, handle in rows:
            if stamp.__class__ is int and stamp > 0:
                unit: bool | None = stamp > NANOSECONDS
                if stamp < (since_ns if unit else since_s):
                    continue
            else:  # no date, or not a number: read it now
                unit, stamp = None, time_of(stamp)
                if day is not None and stamp is not None and stamp.date() < day:
                    continue
            if from_me:  # counted, never matched
                key: tuple | None = (handle, "sent")
                text, stamp, body = "", None, None
            else:
                if text is None:  # newer iOS: the text is only in attributedBody
                    text = from_body(attributed) or ""
                elif text.__class__ is not str:
                    text = as_text(text, attributed)
                alike = (handle, unit, text.encode("utf-8", "surrogatepass").translate(ZERO_BYTES))
                key = keys.get(alike)
                if key is None:  # else a group of texts alike: only its count and dates change
                    key, body, same = _key_of(rowid, handle, unit, text)
                    if same:
                        if len(keys) >= KEYS_KEPT:
                            keys.clear()
                        keys[alike] = key
            group = groups.get(key)
            if group is None:
                groups[key] = [1, stamp, stamp, text, body, handle, from_me, unit]
            else:
                group[0] += 1
                if stamp is not None:
                    if group[1] is None:
                        group[1] = group[2] = stamp
                    elif stamp > group[2]:
                        group[2] = stamp
                    elif stamp < group[1]:
                        group[1] = stamp

    found = []
    for count, first, last, text, body, handle, from_me, unit in groups.values():
        if unit is not None:
            first, last = time_of(first), time_of(last)
        found.append(MessageGroup(handles.get(handle, ""), text, body, first, last, not from_me, count))
    return found
