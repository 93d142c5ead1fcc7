"""Password-manager CSV exports, told apart by their header columns. Only URL, username and title are
read; passwords, notes and TOTP secrets are skipped column by column and never leave this module.

Headers as each program writes them (checked against the projects that read them):
- Chrome, Edge (and other Chromium browsers): `name,url,username,password`, since Chrome 118 also
  `note` — pass-import managers/chrome.py; Mozilla and password-manager test fixtures.
- Firefox: `"url","username","password","httpRealm","formActionOrigin","guid","timeCreated",
  "timeLastUsed","timePasswordChanged"` — mozilla-central's LoginCSVImport tests.
- Apple Passwords / Safari: `Title,URL,Username,Password,Notes,OTPAuth` — importer tests of several
  password managers quoting Safari's and Apple Passwords' export.
- KeePassXC: `"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified",
  "Created"` (KeePassX 2 / older KeePassXC: the first six) — pass-import managers/keepassx2.py and
  KeePassXC CSV fixtures.
- LastPass: `url,username,password,totp,extra,name,grouping,fav` (older: without `totp`) —
  pass-import managers/lastpass.py, Bitwarden's LastPass importer tests.
- 1Password 8: `Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes` — pass-import
  managers/onepassword.py (OnePassword8CSV).
- Bitwarden: `folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,
  login_password,login_totp` (older: without `reprompt`); several URIs of one item are joined with
  commas in `login_uri` — pass-import managers/bitwarden.py.

A format is recognised by a set of columns it must have (so that a later version adding a column
still reads), tried from the most specific to the least. Column names are compared without case.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from numretire.importers import ImportFileError, Login, PathLike, problem_of, read_text


class CsvFormat(NamedTuple):
    name: str
    required: frozenset[str]
    url: str
    username: str
    title: str | None


_FORMATS = (
    CsvFormat(
        "bitwarden-csv", frozenset({"login_uri", "login_username"}), "login_uri", "login_username", "name"
    ),
    CsvFormat(
        "firefox-csv",
        frozenset({"url", "username", "httprealm", "formactionorigin"}),
        "url",
        "username",
        None,
    ),
    CsvFormat(
        "lastpass-csv", frozenset({"url", "username", "extra", "name", "grouping"}), "url", "username", "name"
    ),
    CsvFormat("keepassxc-csv", frozenset({"group", "title", "username", "url"}), "url", "username", "title"),
    CsvFormat(
        "1password-csv", frozenset({"title", "url", "username", "archived"}), "url", "username", "title"
    ),
    CsvFormat("apple-csv", frozenset({"title", "url", "username", "otpauth"}), "url", "username", "title"),
    CsvFormat("chrome-csv", frozenset({"name", "url", "username", "password"}), "url", "username", "name"),
)
FORMATS = tuple(f.name for f in _FORMATS)

# LastPass writes secure notes as rows with this URL.
_NOT_A_SITE = {"http://sn", "http://"}


def _header(text: str) -> list[str]:
    """The column names in the first CSV line of `text` (empty when it is not CSV)."""
    import csv
    import io

    try:
        row = next(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")), [])
    except csv.Error:
        return []
    return [cell.strip() for cell in row]


def _format(columns: list[str]) -> CsvFormat | None:
    """The first known format whose required columns are all in `columns`."""
    present = {column.casefold() for column in columns}
    return next((f for f in _FORMATS if f.required <= present), None)


def format_of_header(text: str) -> str | None:
    """The CSV format whose header `text` (the start of a file) begins with, or None."""
    found = _format(_header(text))
    return found.name if found else None


def _known_names() -> frozenset[str]:
    names = set()
    for f in _FORMATS:
        names |= f.required | {f.url, f.username} | ({f.title} if f.title else set())
    return frozenset(names)


def _unknown(columns: list[str], path: str) -> ImportFileError:
    """The error for a header no format fits; it names only column names we know, never other cells.

    A CSV without a header has a data row first (a site, a number, a password): none of it is shown.
    """
    known = _known_names()
    shown = [c for c in columns if c.casefold() in known][:12]
    if not shown:
        return ImportFileError("import.no_known_columns", path=path, count=len(columns))
    return ImportFileError("import.unknown_columns", path=path, columns=", ".join(shown))


def detect(text: str, path: PathLike) -> str:
    """The format of the CSV starting with `text`; ImportFileError naming the known columns when unknown."""
    columns = _header(text)
    found = _format(columns)
    if found is None:
        raise _unknown(columns, str(path))
    return found.name


def iter_logins(path: PathLike) -> Iterator[Login]:
    """The logins (URL, username, title) of a password-manager CSV export, one per URL.

    Rows without a URL (secure notes, cards) are skipped. Raises ImportFileError for an unknown
    header, an encoding that is not UTF-8 or GBK, or a line the CSV reader cannot read.
    """
    import csv
    import io

    where = str(path)
    text, _size = read_text(path)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        columns = [cell.strip() for cell in next(reader, [])]
        found = _format(columns)
        if found is None:
            raise _unknown(columns, where)
        index = {column.casefold(): i for i, column in reversed(list(enumerate(columns)))}
        at_url, at_user = index[found.url], index[found.username]
        at_title = index.get(found.title) if found.title else None
        for row in reader:
            url = row[at_url].strip() if at_url < len(row) else ""
            if not url:
                continue
            username = row[at_user].strip() if at_user < len(row) else ""
            title = row[at_title].strip() if at_title is not None and at_title < len(row) else ""
            urls = url.split(",") if found.name == "bitwarden-csv" else [url]
            for one in urls:
                one = one.strip()
                if one and one.lower() not in _NOT_A_SITE:
                    yield Login(one, username, title)
    except csv.Error as exc:
        raise ImportFileError(
            "import.bad_csv", path=where, line=reader.line_num, problem=problem_of(exc)
        ) from None
