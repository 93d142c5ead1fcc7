"""The files: a lock against two runs at once, atomic saves with a backup, schema checks on read.

Layout under the data home: config.toml, profiles/<digits>.toml (one per number), and the user's own
checklists/. Folders are 0700 and files 0600 whatever the umask. A file that cannot be read is never
written over: the user is told its path, the place and the problem, and where the backup is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from numretire import paths
from numretire.errors import DataError
from numretire.model import Config, Profile

LOCK_TIMEOUT_SECONDS = 30.0


class Store:
    def __init__(self, home: Path) -> None:
        self.home = home

    # ------------------------------------------------------------ folders, lock

    def ensure_home(self) -> None:
        for folder in (self.home, paths.profiles_dir(self.home)):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)

    @contextmanager
    def locked(self) -> Iterator[Store]:
        """Hold the data home's lock: take it before the read that a save will modify."""
        import filelock

        self.ensure_home()
        lock_path = self.home / ".lock"
        lock = filelock.FileLock(str(lock_path), timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise DataError("store.locked", path=str(lock_path)) from None
        try:
            yield self
        finally:
            lock.release()

    # ------------------------------------------------------------ reading

    def _read_doc(self, path: Path) -> dict[str, Any] | None:
        raw = self._read_bytes(path)
        return None if raw is None else self._parse(path, raw)

    def _read_bytes(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DataError("store.unreadable", path=str(path), problem=exc.strerror or str(exc)) from None

    def _parse(self, path: Path, raw: bytes) -> dict[str, Any]:
        import tomllib

        try:
            return tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise self._corrupt(path, 1, "not UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"\(at line (\d+), column \d+\)", message)
            line = int(match.group(1)) if match else 1
            problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) or "not valid TOML"
            raise self._corrupt(path, line, problem) from None

    def _corrupt(self, path: Path, line: int, problem: str) -> DataError:
        backup = backup_path(path)
        if backup.exists():
            return DataError("store.corrupt", path=str(path), line=line, problem=problem, backup=str(backup))
        return DataError("store.corrupt_no_backup", path=str(path), line=line, problem=problem)

    def _decode(self, path: Path, doc: dict[str, Any], decode):
        from numretire.serialize import FutureSchema, Invalid

        try:
            return decode(doc)
        except FutureSchema as exc:
            raise DataError(
                "store.future_schema", path=str(path), found=exc.found, supported=exc.supported
            ) from None
        except Invalid as exc:
            line = _line_of(path, exc.where)
            raise self._corrupt(path, line, f"{exc.where}: {exc.problem}") from None

    def _read_parsed(self, path: Path, kind: str, decode) -> Any:
        """The file's object, from its parsed copy when the copy is of the bytes the file holds now;
        None when there is no file."""
        from numretire import parsed_cache

        raw = self._read_bytes(path)
        if raw is None:
            return None
        found = parsed_cache.load(self.home, path, raw, kind)
        if found is None:
            found = self._decode(path, self._parse(path, raw), decode)
            parsed_cache.save(self.home, path, raw, kind, found)
        return found

    def read_config(self) -> Config:
        from numretire.serialize import config_from_doc

        config = self._read_parsed(paths.config_file(self.home), "config", config_from_doc)
        return Config() if config is None else config

    def profile_path(self, e164: str) -> Path:
        return paths.profiles_dir(self.home) / f"{e164.lstrip('+')}.toml"

    def read_profile(self, e164: str) -> Profile | None:
        from numretire.serialize import profile_from_doc

        return self._read_parsed(self.profile_path(e164), "profile", profile_from_doc)

    def profiles(self) -> list[Profile]:
        folder = paths.profiles_dir(self.home)
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.glob("*.toml")):
            profile = self.read_profile("+" + path.stem)
            if profile is not None:
                found.append(profile)
        return found

    # ------------------------------------------------------------ writing

    def save_config(self, config: Config) -> None:
        from numretire.serialize import config_from_doc, config_to_doc

        self._save_parsed(paths.config_file(self.home), config_to_doc(config), "config", config_from_doc)

    def save_profile(self, profile: Profile) -> None:
        from numretire.serialize import profile_from_doc, profile_to_doc

        path = self.profile_path(profile.number)
        self._save_parsed(path, profile_to_doc(profile), "profile", profile_from_doc)

    def _save_parsed(self, path: Path, doc: dict[str, Any], kind: str, decode) -> None:
        """Save `doc`, and as the file's parsed copy what reading it gives, checked as a read checks it."""
        from numretire import parsed_cache
        from numretire.serialize import Invalid

        data = self._write_doc(path, doc)
        try:
            parsed_cache.save(self.home, path, data, kind, decode(doc))
        except Invalid:  # the next read reports the problem with its place
            parsed_cache.forget(self.home, path)

    def _write_doc(self, path: Path, doc: dict[str, Any]) -> bytes:
        """Save `doc` as `path`; return the bytes the file holds."""
        from numretire import toml_writer

        self.ensure_home()
        data = toml_writer.dumps(doc).encode("utf-8")
        _remove_stale_temps(path)
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current == data:  # nothing changed: keep the file, and the backup of the version before it
            return data
        if current is not None:
            write_atomic(backup_path(path), current)
        write_atomic(path, data)
        return data


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash at any moment leaves the old file or the new one."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not every platform lets a folder be opened (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Temp files a killed run left behind; called under the lock, so none is in use."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(OSError):
            stale.unlink()


def _line_of(path: Path, where: str) -> int:
    from numretire.toml_lines import line_of

    try:
        return line_of(path.read_text(encoding="utf-8"), where)
    except (OSError, UnicodeDecodeError):
        return 1
