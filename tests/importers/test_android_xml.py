"""SMS Backup & Restore XML: messages, the references real exports carry, and files that must be refused."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.builders import CMB, ENGLISH, T0, WECHAT_CODE, android_xml, mms, sms
from numretire.importers import ImportFileError, detect_sms, iter_messages
from numretire.importers import android_xml as reader


def write(tmp_path, data: bytes, name: str = "backup.bin"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def bodies(path) -> list[str]:
    return [m.body for m in iter_messages(path)]


def test_messages_in_file_order_with_direction_sender_and_time(tmp_path):
    path = write(
        tmp_path,
        android_xml(
            sms(CMB, "95555", T0),
            sms("好的，七点见", "+8613900001111", T0 + 60_000, kind="2"),
            sms(ENGLISH, "Google", T0 + 120_000),
            mms("【京东】您的包裹已签收", "10690123456", T0 + 180_000),
        ),
    )
    assert detect_sms(path) == "android-xml"
    found = list(iter_messages(path))
    assert [m.body for m in found] == [CMB, "好的，七点见", ENGLISH, "【京东】您的包裹已签收"]
    assert [m.incoming for m in found] == [True, False, True, True]
    assert [m.sender for m in found] == ["95555", "+8613900001111", "Google", "10690123456"]
    assert found[0].at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert found[3].at == datetime(2023, 11, 14, 22, 16, 20, tzinfo=UTC)


def test_an_outgoing_mms_is_not_incoming_and_names_the_other_party(tmp_path):
    path = write(tmp_path, android_xml(mms("晚上见", "+8613900001111", box="2")))
    (found,) = iter_messages(path)
    assert found.incoming is False
    assert found.sender == "+8613900001111"


def test_one_odd_message_does_not_fail_the_file(tmp_path):
    lines = [
        sms("no date", date="null"),
        sms("bad date", date="yesterday"),
        sms("no type", kind=""),
        '  <sms address="null" body="only a body" />\n',
        "  <sms />\n",
        sms(CMB),
    ]
    found = list(iter_messages(write(tmp_path, android_xml(*lines))))
    assert len(found) == 6
    assert [found[i].at for i in (0, 1, 3, 4)] == [None] * 4
    assert found[2].incoming is False
    assert found[3].sender == "" and found[4].body == ""
    assert found[5].at is not None


def test_seconds_are_read_as_seconds(tmp_path):
    (found,) = iter_messages(write(tmp_path, android_xml(sms(CMB, date=T0 // 1000))))
    assert found.at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("笑&#128514;", "笑😂"),
        ("&#55357;&#56832; ok", "😀 ok"),
        ("&#xD83D;&#xDE00;&#x1F600;", "😀😀"),
        ("lone high &#55357; end", "lone high  end"),
        ("lone low &#56832; end", "lone low  end"),
        ("&#55357;&#55357;&#56832;", "😀"),
        ("&#56832;&#55357;", ""),
        ("esc&#27;[0m &#0; &#65535;", "esc[0m  "),
        ("line&#10;two&#13;&#9;tab", "line\ntwo\r\ttab"),
        ("&#055357;&#0056832;", "😀"),
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
    ],
)
def test_character_references_as_real_exports_write_them(tmp_path, raw, expected):
    (found,) = iter_messages(write(tmp_path, android_xml(sms(raw, raw=True))))
    assert found.body == expected


def test_a_surrogate_pair_split_across_read_chunks(tmp_path, monkeypatch):
    body = "前&#55357;&#56832;中&#55357;&#56833;后&#128514;&#55357;尾"
    data = android_xml(sms(body, raw=True), sms(CMB))
    path = write(tmp_path, data)
    expected = ["前😀中😁后😂尾", CMB]
    for size in range(1, 48):  # every cut position through the references
        monkeypatch.setattr(reader, "CHUNK", size)
        assert bodies(path) == expected, size


references = st.lists(
    st.sampled_from(
        [
            b"a",
            "中".encode(),
            b"&#55357;",
            b"&#56832;",
            b"&#xD83D;",
            b"&#xde00;",
            b"&#128514;",
            b"&#10;",
            b"&#27;",
            b"&amp;",
            b"&",
            b"#",
            b";",
            b"5",
        ]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(parts=references, size=st.integers(min_value=1, max_value=64))
def test_chunked_repair_equals_whole_repair(parts, size):
    data = b"".join(parts)
    chunked = b"".join(reader.repaired_chunks(io.BytesIO(data), size))
    assert chunked == reader.repair_refs(data)


@pytest.mark.parametrize(
    "document",
    [
        # a DTD with an internal entity
        b'<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "95555">]>'
        b'<smses><sms address="&a;" body="x"/></smses>',
        # billion laughs
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        b' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n'
        b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        b']>\n<smses><sms body="&lol3;"/></smses>',
        # an external entity
        b'<?xml version="1.0"?><!DOCTYPE smses SYSTEM "file:///etc/passwd"><smses/>',
        b'<!DOCTYPE smses [<!ENTITY x SYSTEM "http://example.org/x">]><smses><sms body="&x;"/></smses>',
    ],
)
def test_dtds_and_entities_are_refused_before_and_while_parsing(tmp_path, document):
    path = write(tmp_path, document)
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.xml_dtd"
    assert caught.value.params["path"] == str(path)
    with pytest.raises(ImportFileError) as caught:  # the reader alone refuses them too
        list(reader.iter_messages(path))
    assert caught.value.key == "import.xml_dtd"


def test_a_truncated_file_yields_what_came_before_then_a_clean_error(tmp_path):
    data = android_xml(sms(CMB), sms(WECHAT_CODE), sms(ENGLISH))
    path = write(tmp_path, data[: data.index(b"G-482913") + 3])
    found = []
    with pytest.raises(ImportFileError) as caught:
        for message in iter_messages(path):
            found.append(message.body)
    assert found == [CMB, WECHAT_CODE]
    assert caught.value.key == "import.truncated"
    assert caught.value.params["path"] == str(path)
    assert caught.value.params["line"] >= 4


def test_malformed_xml_names_the_line(tmp_path):
    data = android_xml(sms(CMB), '  <sms body="unclosed />\n  <sms body="x" />\n', sms(CMB))
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(write(tmp_path, data)))
    assert caught.value.key == "import.bad_xml"
    assert caught.value.params["line"] == 6  # the "<" inside the unclosed value


def test_an_undefined_entity_is_malformed_xml(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(write(tmp_path, android_xml(sms("&nbsp;", raw=True)))))
    assert caught.value.key == "import.bad_xml"


@pytest.mark.parametrize(
    "document",
    [
        b"<?xml version='1.0'?><calls count='1'><call number='95555' /></calls>",
        b"<html><body>not a backup</body></html>",
    ],
)
def test_another_xml_document_is_not_a_backup(tmp_path, document):
    path = write(tmp_path, document)
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.not_sms_backup"
    with pytest.raises(ImportFileError) as caught:
        list(reader.iter_messages(path))
    assert caught.value.key == "import.not_sms_backup"


def test_progress_is_reported_now_and_then_and_at_the_end(tmp_path, monkeypatch):
    data = android_xml(*[sms(f"{CMB}{i}") for i in range(2000)])
    path = write(tmp_path, data)
    monkeypatch.setattr(reader, "PROGRESS_EVERY", 64 << 10)
    calls = []
    assert len(list(iter_messages(path, lambda done, total: calls.append((done, total))))) == 2000
    assert 3 <= len(calls) < 200  # now and then, never per message
    assert calls[-1] == (len(data), len(data))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(total == len(data) for _, total in calls)


def test_a_missing_file_is_a_clean_error(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        list(reader.iter_messages(tmp_path / "gone.xml"))
    assert caught.value.key == "import.unreadable"


def test_the_repair_keeps_everything_else_byte_for_byte():
    data = "【招商银行】&#10;&amp;&#128514;&#x1F600;&#12345;&#5;".encode()
    assert reader.repair_refs(data) == "【招商银行】&#10;&amp;&#128514;&#x1F600;&#12345;".encode()


def test_an_unknown_encoding_declaration(tmp_path):
    data = android_xml(sms(CMB)).replace(b"encoding='UTF-8'", b"encoding='UTF-9'")
    with pytest.raises(ImportFileError) as caught:
        list(iter_messages(write(tmp_path, data)))
    assert caught.value.key == "import.bad_xml"
