"""Whatever the bytes, an import ends in valid records or ImportFileError — never another exception."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.builders import (
    APPLE_NS,
    CMB,
    ENGLISH,
    WECHAT_CODE,
    android_xml,
    bitwarden_item,
    bitwarden_json,
    mms,
    mms_row,
    ndjson_zip,
    password_csv,
    sms,
    sms_db,
    sms_row,
    typedstream,
)
from numretire.importers import ImportFileError, Login, Message, iter_logins, iter_messages
from numretire.importers.ios_db import text_from_attributed_body
from numretire.importers.match import parse_lookup

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid_files() -> dict[str, bytes]:
    """One valid file of every kind, as bytes to mutate."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        files = {
            "xml": android_xml(
                sms(CMB), sms("&#55357;&#56832;&#128514;", raw=True), mms(WECHAT_CODE), sms(ENGLISH)
            ),
            "zip": ndjson_zip(
                tmp / "a.zip", [sms_row(CMB), mms_row(WECHAT_CODE), sms_row(ENGLISH)]
            ).read_bytes(),
            "db": sms_db(
                tmp / "sms.db",
                [(CMB, None, APPLE_NS, 0, 1), (None, typedstream(WECHAT_CODE), APPLE_NS, 0, 2)],
            ).read_bytes(),
            "text": f"95555：{CMB}\n\n{WECHAT_CODE}\n{ENGLISH}\n".encode(),
            "csv": password_csv("keepassxc-csv", ("https://jd.com", "13812345678", "JD")).encode(),
            "json": bitwarden_json(
                [bitwarden_item("JD", ["https://jd.com", "androidapp://com.jd"])]
            ).encode(),
        }
    return files


VALID = _valid_files()


def _messages(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        try:
            for record in iter_messages(path):
                assert isinstance(record, Message)
                assert isinstance(record.sender, str) and isinstance(record.body, str)
        except ImportFileError as exc:
            assert exc.params["path"] == str(path)


def _logins(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        try:
            for record in iter_logins(path):
                assert isinstance(record, Login)
        except ImportFileError as exc:
            assert exc.params["path"] == str(path)


mutation = st.tuples(
    st.integers(min_value=0, max_value=1 << 20), st.binary(min_size=0, max_size=8), st.integers(0, 2)
)


def _mutate(data: bytes, changes: list[tuple[int, bytes, int]]) -> bytes:
    out = bytearray(data)
    for position, blob, how in changes:
        at = position % (len(out) + 1)
        if how == 0:  # overwrite
            out[at : at + len(blob)] = blob
        elif how == 1:  # insert
            out[at:at] = blob
        else:  # cut the file short here
            del out[at:]
    return bytes(out)


@SETTINGS
@given(st.binary(max_size=2048))
def test_random_bytes_as_messages(data):
    _messages(data)


@SETTINGS
@given(st.binary(max_size=2048))
def test_random_bytes_as_logins(data):
    _logins(data)


@SETTINGS
@given(kind=st.sampled_from(sorted(VALID)), changes=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_files_as_messages(kind, changes):
    _messages(_mutate(VALID[kind], changes))


@SETTINGS
@given(kind=st.sampled_from(sorted(VALID)), changes=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_files_as_logins(kind, changes):
    _logins(_mutate(VALID[kind], changes))


@SETTINGS
@given(st.binary(max_size=300))
def test_attributed_body_never_raises(blob):
    result = text_from_attributed_body(b"NSString\x01\x94\x84\x01+" + blob)
    assert result is None or isinstance(result, str)
    assert text_from_attributed_body(blob) is None or isinstance(text_from_attributed_body(blob), str)


@SETTINGS
@given(st.text(max_size=200))
def test_lookup_text_gives_a_count_or_a_clean_error(text):
    try:
        result = parse_lookup(text, "x")
    except ImportFileError as exc:
        assert exc.params["path"] == "x"
    else:
        assert result.count >= 0


def test_the_valid_files_are_valid():
    """The seeds of the mutations are read whole (else the tests above would prove little)."""
    with tempfile.TemporaryDirectory() as folder:
        counts = {}
        for kind, data in VALID.items():
            path = Path(folder) / kind
            path.write_bytes(data)
            reader = iter_logins if kind in ("csv", "json") else iter_messages
            counts[kind] = len(list(reader(path)))
    assert counts == {"xml": 4, "zip": 3, "db": 2, "text": 2, "csv": 1, "json": 2}
    assert not os.environ.get("NUMRETIRE_NETWORK")
