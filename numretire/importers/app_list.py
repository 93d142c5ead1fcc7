"""Android app lists: the output of `adb shell pm list packages`, and App Manager's exported app list.

`pm list packages` prints one `package:<id>` line per app; with `-f`, `package:<path>=<id>`
(the path itself may hold `=`: the id is after the last one); `-U`, `-i` and `--show-versioncode`
add ` uid:…`, ` installer=…` and ` versionCode:…` after it (Android's `pm` help, `adb shell pm help`).
Other lines (a pasted shell prompt, blank lines) are ignored.

App Manager (github.com/MuntashirAkon/AppManager, ListExporter.java) exports the list as CSV
(`name,label,versionCode,…`), JSON (an array of objects with `name` and `label`) or XML
(`<packages version="1"><package name=… label=…/>`, after a DOCTYPE naming its packages.dtd).
`name` is the application id, `label` the name the phone shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from numretire.importers import App, ImportFileError, PathLike, problem_of, read_text

MAX_LINE = 4096  # characters in one line of a package list; real lines are far shorter
MAX_APPS = 100_000  # apps in one list: a phone has hundreds
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+")


def looks_like_pm_list(text: str) -> bool:
    """Whether `text` (the start of a file) holds `package:` lines."""
    return any(line.strip().startswith("package:") for line in text.splitlines()[:50])


def looks_like_app_manager_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().casefold()
    return first.startswith("name,label,")


def package_of(line: str) -> str | None:
    """The application id on a `pm list packages` line, or None when the line is not one."""
    text = line.strip()
    if not text.startswith("package:"):
        return None
    rest = text[len("package:") :].split()[0] if text[len("package:") :].strip() else ""
    package = rest.rpartition("=")[2] if "=" in rest else rest
    return package if _ID.fullmatch(package) else None


def _too_many(path: PathLike) -> ImportFileError:
    return ImportFileError("import.too_many", path=str(path), limit=f"{MAX_APPS:,}")


def iter_pm_list(path: PathLike) -> Iterator[App]:
    """The apps of a `pm list packages` output (ids only: the list gives no names)."""
    text, _size = read_text(path)
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE:
            raise ImportFileError("import.line_too_long", path=str(path), line=number)
        package = package_of(line)
        if package is not None:
            seen += 1
            if seen > MAX_APPS:
                raise _too_many(path)
            yield App(package, "", "android")


def _text(value: Any) -> str:
    return " ".join(value.split())[:200] if isinstance(value, str) else ""


def iter_app_manager_csv(path: PathLike) -> Iterator[App]:
    import csv
    import io

    text, _size = read_text(path)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        columns = [c.strip().casefold() for c in next(reader, [])]
        at_name, at_label = columns.index("name"), columns.index("label")
        for count, row in enumerate(reader, 1):
            if count > MAX_APPS:
                raise _too_many(path)
            package = row[at_name].strip() if at_name < len(row) else ""
            if _ID.fullmatch(package):
                yield App(package, _text(row[at_label]) if at_label < len(row) else "", "android")
    except csv.Error as exc:
        raise ImportFileError(
            "import.bad_csv", path=str(path), line=reader.line_num, problem=problem_of(exc)
        ) from None


def iter_app_manager_json(path: PathLike) -> Iterator[App]:
    import json

    text, _size = read_text(path)
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise ImportFileError("import.bad_json", path=str(path), line=exc.lineno, problem=exc.msg) from None
    except RecursionError:
        raise ImportFileError(
            "import.bad_json", path=str(path), line=1, problem="nested too deeply"
        ) from None
    if not isinstance(document, list):
        raise ImportFileError("import.unknown_app_format", path=str(path))
    if len(document) > MAX_APPS:
        raise _too_many(path)
    for entry in document:
        if isinstance(entry, dict) and _ID.fullmatch(_text(entry.get("name"))):
            yield App(_text(entry.get("name")), _text(entry.get("label")), "android")


def is_app_manager_json(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")
    return head.startswith("[") and '"name"' in head[:4096] and '"label"' in head[:4096]


def iter_app_manager_xml(path: PathLike) -> Iterator[App]:
    """App Manager's XML list. Its DOCTYPE only names an external DTD, which is never fetched; any
    entity declaration is refused (defusedxml)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    text, _size = read_text(path)
    try:
        root = fromstring(text.lstrip("\ufeff").encode("utf-8"), forbid_dtd=False)
    except DefusedXmlException:
        raise ImportFileError("import.xml_dtd", path=str(path)) from None
    except Exception as exc:  # ParseError: the message says where
        raise ImportFileError("import.bad_xml", path=str(path), line="?", problem=problem_of(exc)) from None
    if root.tag != "packages":
        raise ImportFileError("import.unknown_app_format", path=str(path))
    for count, element in enumerate(root.iter("package"), 1):
        if count > MAX_APPS:
            raise _too_many(path)
        package = (element.get("name") or "").strip()
        if _ID.fullmatch(package):
            yield App(package, _text(element.get("label")), "android")
