"""The apps of an iPhone: a Finder/iTunes backup's Info.plist, its "Installed Applications" bundle ids.

The backup folder that holds sms.db (as a hashed file) has Info.plist at its top; the plist is XML or
binary (plistlib reads both; its XML reader refuses entity declarations). Only "Installed Applications"
is read: the plist also holds the phone's number, IMEI and serial, which numretire never looks at.
Layout: mvt-project/mvt src/mvt/ios/modules/backup/backup_info.py and its test backup's Info.plist.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from numretire.importers import App, ImportFileError, PathLike

NAME = "Info.plist"
KEY = "Installed Applications"
# Bytes of Info.plist read. It holds the device's identity, "Installed Applications" (one bundle id
# each, under 100 bytes) and "Applications" (per app its iTunesMetadata and a placeholder icon, a few
# to some tens of KB): a few MB for a phone with hundreds of apps. plistlib parses it whole and holds
# several times its size in memory, so 32 MB (ten times the largest real one, the bound of any file
# read whole: limits.MAX_TEXT_BYTES) is refused, before and while it is read.
MAX_BYTES = 32 << 20
MAX_APPS = 100_000


def plist_path(path: PathLike) -> Path:
    """The Info.plist of `path`, a backup folder or the file itself."""
    where = Path(path)
    return where / NAME if where.is_dir() else where


def is_backup_folder(path: PathLike) -> bool:
    return os.path.isdir(path) and os.path.isfile(os.path.join(path, NAME))


def iter_apps(path: PathLike) -> Iterator[App]:
    """The bundle ids in the backup's "Installed Applications" (ids only: the list gives no names)."""
    import plistlib

    from numretire.importers import limits

    source = plist_path(path)
    where = str(path)
    limit = MAX_BYTES
    too_big = ImportFileError("import.file_too_big", path=where, limit=limits.size_text(limit))
    if limits.check_regular(source).st_size > limit:  # a FIFO or device is refused here too
        raise too_big
    try:
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportFileError("import.unreadable", path=where, problem=exc.strerror or str(exc)) from None
    if len(data) > limit:  # it grew after it was measured
        raise too_big
    try:
        document = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise ImportFileError("import.bad_plist", path=where) from None
    except Exception:  # expat errors from a damaged XML plist
        raise ImportFileError("import.bad_plist", path=where) from None
    apps = document.get(KEY) if isinstance(document, dict) else None
    if not isinstance(apps, list):
        raise ImportFileError("import.no_installed_apps", path=where)
    if len(apps) > MAX_APPS:
        raise ImportFileError("import.too_many", path=where, limit=f"{MAX_APPS:,}")
    for bundle in apps:
        if isinstance(bundle, str) and bundle.strip():
            yield App(bundle.strip(), "", "ios")
