"""Bitwarden JSON export: logins by URI, secrets never read, encrypted exports refused."""

from __future__ import annotations

import json

import pytest

from importers.builders import SECRET, TOTP, bitwarden_item, bitwarden_json
from numretire.importers import ImportFileError, Login, detect_passwords, detect_sms, iter_logins


def write(tmp_path, text: str, name: str = "bitwarden_export_20261124.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_logins_one_per_uri(tmp_path):
    items = [
        bitwarden_item("京东", ["https://passport.jd.com/", "androidapp://com.jingdong.app.mall"]),
        bitwarden_item("Example", ["https://example.org"], username="alice@example.org"),
        {"type": 2, "name": "Secure note", "notes": "private note", "secureNote": {"type": 0}},
        {"type": 1, "name": "No uris", "login": {"username": "x", "password": SECRET}},
        "not an item",
    ]
    path = write(tmp_path, bitwarden_json(items))
    assert detect_passwords(path) == "bitwarden-json"
    found = list(iter_logins(path))
    assert found == [
        Login("https://passport.jd.com/", "13812345678", "京东"),
        Login("androidapp://com.jingdong.app.mall", "13812345678", "京东"),
        Login("https://example.org", "alice@example.org", "Example"),
    ]
    assert SECRET not in repr(found) and TOTP not in repr(found) and "private note" not in repr(found)


def test_an_encrypted_export_is_refused(tmp_path):
    document = {
        "encrypted": True,
        "passwordProtected": True,
        "salt": "x",
        "data": "2.abc|def|ghi",
        "items": [],
    }
    path = write(tmp_path, json.dumps(document))
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(path)
    assert caught.value.key == "import.encrypted_export"


# The two encrypted layouts as Bitwarden writes them: bitwarden/clients,
# libs/importer/src/importers/bitwarden/bitwarden-password-protected-importer.ts (a password-protected
# file must have encrypted, passwordProtected, salt, kdfIterations, kdfType, encKeyValidation_DO_NOT_EDIT
# and data: the vault is inside `data`, there is no items list) and its spec; the export types of
# libs/tools/export/vault-export/vault-export-core (account-restricted: encrypted,
# encKeyValidation_DO_NOT_EDIT, folders and items of encrypted strings);
# https://bitwarden.com/help/encrypted-export/.
PASSWORD_PROTECTED = {
    "encrypted": True,
    "passwordProtected": True,
    "salt": "c2FsdA==",
    "kdfType": 0,
    "kdfIterations": 600000,
    "encKeyValidation_DO_NOT_EDIT": "2.X9wLUSgP2pW3WaU1lHT0Pw==|1o3bQR9y5vQpmDVMGv3Q==|n2Jd6K2lq4Kl2Kg=",
    "data": "2.AAAAAAAAAAAAAAAAAAAAAA==|" + "B" * 200 + "|CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=",
}
ACCOUNT_RESTRICTED = {
    "encrypted": True,
    "encKeyValidation_DO_NOT_EDIT": "2.X9wLUSgP2pW3WaU1lHT0Pw==|1o3bQR9y5vQpmDVMGv3Q==|n2Jd6K2lq4Kl2Kg=",
    "folders": [{"id": "f1", "name": "2.aGVsbG8=|d29ybGQ=|bWFj"}],
    "items": [
        {
            "id": "i1",
            "type": 1,
            "name": "2.bmFtZQ==|aXY=|bWFj",
            "login": {"uris": [{"uri": "2.dXJp|aXY=|bWFj"}]},
        }
    ],
}


@pytest.mark.parametrize("document", [PASSWORD_PROTECTED, ACCOUNT_RESTRICTED], ids=["password", "account"])
def test_the_real_encrypted_layouts_say_export_it_unencrypted(tmp_path, document):
    path = write(tmp_path, json.dumps(document, indent=2))
    for read in (detect_passwords, lambda p: list(iter_logins(p))):
        with pytest.raises(ImportFileError) as caught:
            read(path)
        assert caught.value.key == "import.encrypted_export"
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.is_passwords"  # not read as pasted text


def test_the_encrypted_message_says_what_to_do():
    from numretire.i18n import t

    text = t("import.encrypted_export", "en", path="bw.json")
    assert "encrypted" in text and "unencrypted" in text


def test_json_that_is_not_a_bitwarden_export(tmp_path):
    path = write(tmp_path, '{"version": 1, "entries": []}')
    with pytest.raises(ImportFileError) as caught:
        detect_passwords(path)
    assert caught.value.key == "import.not_bitwarden"


def test_malformed_json_names_the_line(tmp_path):
    path = write(tmp_path, '{\n  "encrypted": false,\n  "items": [\n    {"name": }\n  ]\n}')
    with pytest.raises(ImportFileError) as caught:
        list(iter_logins(path))
    assert caught.value.key == "import.bad_json"
    assert caught.value.params["line"] == 4


def test_deeply_nested_json_is_a_clean_error(tmp_path):
    path = write(tmp_path, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ImportFileError) as caught:
        list(iter_logins(path))
    assert caught.value.key in ("import.bad_json", "import.not_bitwarden")


def test_a_bitwarden_export_given_as_messages(tmp_path):
    path = write(tmp_path, bitwarden_json([bitwarden_item("JD", ["https://jd.com"])]))
    with pytest.raises(ImportFileError) as caught:
        detect_sms(path)
    assert caught.value.key == "import.is_passwords"
