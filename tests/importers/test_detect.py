"""Formats are told by content, never by name; files of the wrong kind get a clean, one-line error."""

from __future__ import annotations

import os
import sqlite3

import pytest

from importers.builders import CMB, android_xml, ndjson_zip, password_csv, sms, sms_db, sms_row
from numretire.importers import (
    PASSWORD_READERS,
    SMS_READERS,
    ImportFileError,
    detect_passwords,
    detect_sms,
)


def test_misleading_names_do_not_matter(tmp_path):
    xml = tmp_path / "passwords.csv"
    xml.write_bytes(android_xml(sms(CMB)))
    archive = ndjson_zip(tmp_path / "sms.xml", [sms_row(CMB)])
    database = sms_db(tmp_path / "backup.zip", [(CMB, None, 1, 0, 1)])
    text = tmp_path / "sms.db"
    text.write_text(CMB, encoding="utf-8")
    logins = tmp_path / "messages.xml"
    logins.write_text(password_csv("chrome-csv", ("https://jd.com", "me", "JD")), encoding="utf-8")
    assert [detect_sms(p) for p in (xml, archive, database, text)] == [
        "android-xml",
        "ndjson-zip",
        "ios-db",
        "text",
    ]
    assert detect_passwords(logins) == "chrome-csv"


def test_every_detected_format_has_a_reader():
    assert set(SMS_READERS) == {"android-xml", "ndjson-zip", "ndjson", "ios-db", "text"}
    assert "bitwarden-json" in PASSWORD_READERS and "1password-csv" in PASSWORD_READERS


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("detect", [detect_sms, detect_passwords])
def test_an_empty_file(tmp_path, content, detect):
    path = tmp_path / "empty"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        detect(path)
    assert caught.value.key == "import.empty"
    assert caught.value.params == {"path": str(path)}


@pytest.mark.parametrize("detect", [detect_sms, detect_passwords])
def test_a_missing_file_or_a_folder(tmp_path, detect):
    for path in (tmp_path / "gone", tmp_path):
        with pytest.raises(ImportFileError) as caught:
            detect(path)
        assert caught.value.key == "import.unreadable"
        assert caught.value.params["path"] == str(path)


def test_binary_files_of_another_kind(tmp_path):
    png = tmp_path / "photo"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    with pytest.raises(ImportFileError) as caught:
        detect_sms(png)
    assert caught.value.key == "import.unknown_sms_format"
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(png)
    assert caught.value.key == "import.unknown_password_format"


def test_the_wrong_command_for_the_file(tmp_path):
    logins = tmp_path / "logins"
    logins.write_text(password_csv("firefox-csv", ("https://jd.com", "me", "")), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        detect_sms(logins)
    assert caught.value.key == "import.is_passwords"
    for messages in (
        sms_db(tmp_path / "sms.db", [(CMB, None, 1, 0, 1)]),
        ndjson_zip(tmp_path / "export.zip", [sms_row(CMB)]),
    ):
        with pytest.raises(ImportFileError) as caught:
            detect_passwords(messages)
        assert caught.value.key == "import.is_messages"
    xml = tmp_path / "backup.xml"
    xml.write_bytes(android_xml(sms(CMB)))
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(xml)
    assert caught.value.key == "import.is_messages"


def test_a_sqlite_file_is_detected_as_a_database_and_checked_when_read(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    assert detect_sms(path) == "ios-db"


def test_other_zips_and_databases_are_not_password_exports(tmp_path):
    import zipfile

    onepux = tmp_path / "export.1pux"
    with zipfile.ZipFile(onepux, "w") as archive:
        archive.writestr("export.data", "{}")
    chrome = tmp_path / "Login Data"
    db = sqlite3.connect(chrome)
    db.execute("CREATE TABLE logins (origin_url TEXT, username_value TEXT, password_value BLOB)")
    db.commit()
    db.close()
    assert detect_passwords(onepux) == "1pux"  # 1Password's export: a ZIP with export.data
    for path in (chrome,):
        with pytest.raises(ImportFileError) as caught:
            detect_passwords(path)
        assert caught.value.key == "import.unknown_password_format"
