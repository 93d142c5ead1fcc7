"""1Password's .1pux export (1Password 8: File > Export > 1PUX): a ZIP holding `export.data`, JSON
`{"accounts": [{"attrs": …, "vaults": [{"attrs": …, "items": [{"uuid", "trashed", "categoryUuid",
"details": {"loginFields": [{"designation": "username"|"password", "value"}…], …},
"overview": {"title", "url", "urls": [{"label", "url"}…], "subtitle"}}]}]}]}` (older exports wrap each
item as {"item": {...}}). Only the overview (title, URLs) and the username login field are read;
passwords, notes, sections and password history are never looked at. Trashed items are skipped.
Layout: bitwarden/clients libs/importer spec test data onepassword-1pux/login-data.ts and the
importer's types (onepassword-1pux-importer-types.ts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from numretire.importers import ImportFileError, Login, PathLike, problem_of

MEMBER = "export.data"
MAX_DATA = 512 << 20  # bytes export.data may expand to
MAX_RATIO = 1000


def is_1pux(path: PathLike) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return MEMBER in archive.namelist()
    except Exception:  # zipfile raises many kinds for a damaged archive
        return False


def _load(path: PathLike) -> Any:
    import json
    import zipfile

    where = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MEMBER)
            if info.file_size > MAX_DATA or info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise ImportFileError("import.too_big", path=where, limit=f"{MAX_DATA >> 20} MB")
            with archive.open(info) as member:
                data = member.read(MAX_DATA + 1)
    except ImportFileError:
        raise
    except KeyError:
        raise ImportFileError("import.unknown_password_format", path=where) from None
    except Exception as exc:  # zipfile and its decompressors raise many kinds
        raise ImportFileError("import.bad_zip", path=where, problem=problem_of(exc)) from None
    if len(data) > MAX_DATA:
        raise ImportFileError("import.too_big", path=where, limit=f"{MAX_DATA >> 20} MB")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError("import.bad_encoding", path=where) from None
    except json.JSONDecodeError as exc:
        raise ImportFileError("import.bad_json", path=where, line=exc.lineno, problem=exc.msg) from None
    except RecursionError:
        raise ImportFileError("import.bad_json", path=where, line=1, problem="nested too deeply") from None
    if not isinstance(document, dict) or not isinstance(document.get("accounts"), list):
        raise ImportFileError("import.not_1pux", path=where)
    return document


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value.strip()[:8192] if isinstance(value, str) else ""


def iter_logins(path: PathLike) -> Iterator[Login]:
    """The logins (URL, username, title) of a .1pux export, one per URL of each item not trashed."""
    document = _load(path)
    for account in _list(document.get("accounts")):
        for vault in _list(_dict(account).get("vaults")):
            for raw in _list(_dict(vault).get("items")):
                item = _dict(raw)
                if "item" in item and "overview" not in item:
                    item = _dict(item["item"])
                if item.get("trashed") is True:
                    continue
                overview = _dict(item.get("overview"))
                fields = _list(_dict(item.get("details")).get("loginFields"))
                username = next(
                    (
                        _text(f.get("value"))
                        for f in fields
                        if isinstance(f, dict) and f.get("designation") == "username"
                    ),
                    "",
                )
                title = _text(overview.get("title"))
                urls = [_text(_dict(u).get("url")) for u in _list(overview.get("urls"))]
                if not any(urls):
                    urls = [_text(overview.get("url"))]
                for url in dict.fromkeys(u for u in urls if u):
                    yield Login(url, username, title)
