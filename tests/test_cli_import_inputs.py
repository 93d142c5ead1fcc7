"""import from the command line on hostile or wrong inputs: one line on stderr, exit 1, nothing of the
file's content on the screen, no hang (issue 15: "No secret in an error, no bomb in an import")."""

from __future__ import annotations

import json
import os
import signal

import pytest

SENTINEL = "PASSWD-SECRET"


@pytest.fixture
def alarm():
    def fail(signum, frame):
        raise TimeoutError("the import blocked")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def one_line(result, path) -> str:
    assert result.stderr.count("\n") == 1 and str(path) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "name, content",
    [
        ("no-header.csv", f"Alipay,https://www.alipay.com,13812345678,{SENTINEL}\n"),
        ("messages.txt", f"【招商银行】您的验证码 {SENTINEL}，请勿泄露\n第二条 {SENTINEL}\n"),
        ("one-column.csv", f"{SENTINEL}\nhunter2\n"),
        ("known-and-not.csv", f"url,username,{SENTINEL}\nhttps://jd.com,me,pw\n"),
        ("list.json", f'["{SENTINEL}"]'),
        ("object.json", f'{{"{SENTINEL}": 1}}'),
        ("quoted.csv", f'name,url,username,password\nJD,"https://jd.com{SENTINEL}'),
    ],
)
def test_an_error_never_quotes_the_file(retiring, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = retiring("import", "passwords", str(path), "--yes", "--lang", "en", code=None)
    assert SENTINEL not in result.stdout + result.stderr and "13812345678" not in result.stderr
    if result.exit_code:
        assert result.exit_code == 1
        one_line(result, path)


@pytest.mark.parametrize(
    "content",
    [
        f'<?xml version="1.0" encoding="{SENTINEL}"?><smses></smses>',
        f"<{SENTINEL}><sms/></{SENTINEL}>",
    ],
)
def test_an_sms_error_never_quotes_the_file(retiring, tmp_path, content):
    path = tmp_path / "backup.xml"
    path.write_text(content, encoding="utf-8")
    result = retiring("import", "sms", str(path), "--yes", "--lang", "en", code=1)
    assert SENTINEL not in result.stdout + result.stderr
    one_line(result, path)


@pytest.mark.parametrize("command", ["sms", "passwords", "lookup"])
def test_a_fifo_is_refused_in_one_line(retiring, tmp_path, alarm, command):
    fifo = tmp_path / "export"
    os.mkfifo(fifo)
    result = retiring("import", command, str(fifo), "--lang", "en", code=1)
    assert "not a regular file" in one_line(result, fifo)


def test_a_header_only_csv_says_it_holds_no_logins(retiring, home, tmp_path):
    path = tmp_path / "Chrome Passwords.csv"
    path.write_text("name,url,username,password\n", encoding="utf-8")
    result = retiring("import", "passwords", str(path), "--yes", "--lang", "en", code=1)
    assert "holds no saved logins" in one_line(result, path)
    assert "Read 0" not in result.stdout
    result = retiring("import", "passwords", str(path), "--json", code=1)
    assert result.stdout == ""  # --json prints a document or nothing


def test_a_password_protected_bitwarden_export_says_export_it_unencrypted(retiring, tmp_path):
    path = tmp_path / "bitwarden_encrypted_export_20261124.json"
    document = {  # the layout of bitwarden/clients' password-protected export (see test_bitwarden_json)
        "encrypted": True,
        "passwordProtected": True,
        "salt": "c2FsdA==",
        "kdfType": 0,
        "kdfIterations": 600000,
        "encKeyValidation_DO_NOT_EDIT": "2.aXY=|Y3Q=|bWFj",
        "data": "2.aXY=|Y3Q=|bWFj",
    }
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    result = retiring("import", "passwords", str(path), "--lang", "en", code=1)
    text = one_line(result, path)
    assert "encrypted" in text and "unencrypted" in text
    result = retiring("import", "sms", str(path), "--lang", "en", code=1)
    assert "import passwords" in one_line(result, path)


def test_a_big_text_file_is_refused_before_it_is_read(retiring, tmp_path, monkeypatch):
    from numretire.importers import limits

    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 10_000)
    path = tmp_path / "messages.txt"
    path.write_bytes(b"y" * 20_000)  # one line, like the 200 MB file of the issue
    result = retiring("import", "sms", str(path), "--lang", "en", code=1)
    assert "larger than 9 KB" in one_line(result, path)
