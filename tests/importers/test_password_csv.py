"""Password-manager CSV exports: each program's header, what is read, and what never is."""

from __future__ import annotations

import pytest

from importers.builders import HEADERS, SECRET, TOTP, password_csv
from numretire.importers import ImportFileError, Login, detect_passwords, iter_logins

FORMATS = {
    "chrome-csv": "chrome-csv",
    "chrome-note": "chrome-csv",
    "firefox-csv": "firefox-csv",
    "apple-csv": "apple-csv",
    "keepassxc-csv": "keepassxc-csv",
    "keepassx-old": "keepassxc-csv",
    "lastpass-csv": "lastpass-csv",
    "lastpass-old": "lastpass-csv",
    "1password-csv": "1password-csv",
    "bitwarden-csv": "bitwarden-csv",
}
ROWS = [
    ("https://passport.jd.com/new/login.aspx", "13812345678", "京东"),
    ("https://www.example.org/", "alice@example.org", "Example"),
]


def write(tmp_path, text: str, encoding: str = "utf-8", name: str = "export.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("fixture", sorted(FORMATS))
def test_each_export_format(tmp_path, fixture):
    path = write(tmp_path, password_csv(fixture, *ROWS))
    assert detect_passwords(path) == FORMATS[fixture]
    found = list(iter_logins(path))
    titled = fixture != "firefox-csv"
    assert found == [Login(url, user, title if titled else "") for url, user, title in ROWS]


@pytest.mark.parametrize("fixture", sorted(FORMATS))
def test_no_secret_is_ever_read(tmp_path, fixture):
    path = write(tmp_path, password_csv(fixture, *ROWS))
    text = repr(list(iter_logins(path)))
    assert SECRET not in text and TOTP not in text and "private note" not in text
    assert Login._fields == ("url", "username", "title")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_bom_and_gbk(tmp_path, encoding):
    path = write(tmp_path, password_csv("chrome-note", *ROWS), encoding)
    assert detect_passwords(path) == "chrome-csv"
    assert [login.title for login in iter_logins(path)] == ["京东", "Example"]


def test_android_logins_and_rows_without_a_site(tmp_path):
    text = (
        HEADERS["chrome-csv"] + "\n" + ",android://AbCdEf==@com.tencent.mm/,13812345678,pw\n" + "Card,,,pw\n"
    )
    assert list(iter_logins(write(tmp_path, text))) == [
        Login("android://AbCdEf==@com.tencent.mm/", "13812345678", "")
    ]


def test_lastpass_secure_notes_are_skipped(tmp_path):
    text = HEADERS["lastpass-csv"] + "\n" + 'http://sn,,,,"NoteType:Credit Card",Visa,Cards,0\n'
    assert list(iter_logins(write(tmp_path, text))) == []


def test_bitwarden_csv_with_several_uris_and_a_note(tmp_path):
    text = (
        HEADERS["bitwarden-csv"]
        + "\n"
        + 'Shopping,,login,JD,,,0,"https://jd.com,androidapp://com.jingdong.app.mall",13812345678,pw,\n'
        + ",,note,My note,secret text,,0,,,,\n"
    )
    assert list(iter_logins(write(tmp_path, text))) == [
        Login("https://jd.com", "13812345678", "JD"),
        Login("androidapp://com.jingdong.app.mall", "13812345678", "JD"),
    ]


def test_unknown_columns_are_named(tmp_path):
    path = write(tmp_path, "url,login,secret\nhttps://a.example,me,pw\n")
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(path)
    assert caught.value.key == "import.unknown_columns"
    assert caught.value.params == {"path": str(path), "columns": "url"}


@pytest.mark.parametrize("read", [detect_passwords, lambda path: list(iter_logins(path))])
def test_a_csv_without_header_never_shows_its_first_row(tmp_path, read):
    sentinel = "PASSWD-SENTINEL-7f3a"
    path = write(tmp_path, f"Alipay,https://www.alipay.com,13812345678,{sentinel}\n")
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.key == "import.no_known_columns"
    assert caught.value.params == {"path": str(path), "count": 4}
    assert sentinel not in str(caught.value.params) and "13812345678" not in str(caught.value.params)


def test_a_very_long_header_is_shortened_in_the_message(tmp_path):
    columns = ",".join(f"column number {i}\nwith a break" for i in range(30))
    path = write(tmp_path, f'"{columns}"\n')
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(path)
    assert caught.value.params == {"path": str(path), "count": 1}


def test_a_row_the_csv_reader_cannot_read(tmp_path):
    huge = "x" * 200_000
    path = write(tmp_path, HEADERS["chrome-csv"] + f'\nJD,https://jd.com,me,"{huge}"\n')
    with pytest.raises(ImportFileError) as caught:
        list(iter_logins(path))
    assert caught.value.key == "import.bad_csv"
    assert caught.value.params["line"] == 2
