"""Bitwarden's JSON export: `{"encrypted": false, "folders": [...], "items": [...]}`, where a login item
holds `name` and `login` {`username`, `uris`: [{`uri`, `match`}], ...} (pass-import
managers/bitwarden.py; Bitwarden's export documentation). Only `name`, `login.username` and
`login.uris[].uri` are read: passwords, TOTP secrets, notes and custom fields are never touched.

Encrypted exports cannot be read without the user's key; they are refused with a message saying so.
Their two layouts (bitwarden/clients: libs/importer/src/importers/bitwarden/
bitwarden-password-protected-importer.ts and the export types of vault-export-core; Bitwarden's help
page "Encrypted exports"):
- account-restricted: `{"encrypted": true, "encKeyValidation_DO_NOT_EDIT": "2.…", "folders": [...],
  "items": [...]}`, every name and value inside the items an encrypted string;
- password-protected: `{"encrypted": true, "passwordProtected": true, "salt": "…", "kdfType": 0,
  "kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "2.…", "data": "2.…"}`: no items list at
  all, the whole vault is inside `data`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from numretire.importers import ImportFileError, Login, PathLike, read_text


def looks_like_bitwarden(text: str) -> bool:
    """Whether `text` (the start of a file) looks like a Bitwarden JSON export."""
    head = text.lstrip("\ufeff \t\r\n")
    if not head.startswith("{"):
        return False
    if '"passwordProtected"' in head or '"encKeyValidation_DO_NOT_EDIT"' in head:
        return True
    return '"items"' in head and ('"encrypted"' in head or '"folders"' in head)


def _load(path: PathLike) -> Any:
    """The decoded export; ImportFileError for unreadable, malformed, foreign or encrypted JSON."""
    import json

    where = str(path)
    text, _size = read_text(path)
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise ImportFileError("import.bad_json", path=where, line=exc.lineno, problem=exc.msg) from None
    except RecursionError:
        raise ImportFileError("import.bad_json", path=where, line=1, problem="nested too deeply") from None
    if isinstance(document, dict) and (document.get("encrypted") is True or "passwordProtected" in document):
        raise ImportFileError("import.encrypted_export", path=where)  # before items: a protected one has none
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise ImportFileError("import.not_bitwarden", path=where)
    return document


def check(path: PathLike) -> None:
    """Nothing when `path` is a readable, unencrypted Bitwarden JSON export; ImportFileError otherwise."""
    _load(path)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def iter_logins(path: PathLike) -> Iterator[Login]:
    """The logins (URL, username, item name) of a Bitwarden JSON export, one per URI."""
    document = _load(path)
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        login = item.get("login")
        if not isinstance(login, dict):
            continue
        uris = login.get("uris")
        username, name = _text(login.get("username")), _text(item.get("name"))
        for uri in uris if isinstance(uris, list) else ():
            url = _text(uri.get("uri")) if isinstance(uri, dict) else ""
            if url:
                yield Login(url, username, name)
