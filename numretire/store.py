"""The files: a lock against two runs at once, atomic saves with a backup, schema checks on read.

Layout under the data home: config.toml, profiles/<digits>.toml (one per number), and the user's own
checklists/. Folders are 0700 and files 0600 whatever the umask. A file that cannot be read is never
written over: the user is told its path, the place and the problem, and where the backup is.

A command reads the one profile it works on: the file is found by its name (the number's digits), and
labels are read from the few lines at the top of each file, without decoding the rest. A profile that
cannot be read never stops another from being used. A profile file that is a symbolic link is saved
through the link: the file it points to is replaced atomically, and the link stays. Every error of the
operating system (disk full, no permission, a folder that cannot be made) becomes a DataError naming
the path and the problem.
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
from numretire.model import Config, FrozenRecord, Profile

LOCK_TIMEOUT_SECONDS = 30.0
HEAD_LIMIT = 64 * 1024  # the top-level keys of a profile (before its first table) fit well within this


class Head(FrozenRecord):
    """What the top of a profile file says, read without decoding its items: enough to pick it."""

    _fields = __match_args__ = ("number", "label", "region")
    number: str  # E.164, from the file's name
    label: str
    region: str | None

    def __init__(self, number: str, label: str, region: str | None) -> None:
        super().__init__(number=number, label=label, region=region)


class Unreadable(FrozenRecord):
    """A profile file that cannot be used as it is, and why."""

    _fields = __match_args__ = ("path", "number", "error", "backup")
    path: Path
    number: str  # E.164, from the file's name ("" when the name is not a number)
    error: DataError
    backup: Path | None

    def __init__(self, path: Path, number: str, error: DataError, backup: Path | None) -> None:
        super().__init__(path=path, number=number, error=error, backup=backup)


def _os_problem(exc: OSError) -> str:
    return exc.strerror or str(exc)


class Store:
    def __init__(self, home: Path) -> None:
        self.home = home

    # ------------------------------------------------------------ folders, lock

    def ensure_home(self) -> None:
        for folder in (self.home, paths.profiles_dir(self.home)):
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.chmod(folder, 0o700)
            except OSError as exc:
                raise DataError(
                    "store.folder_unusable", path=str(exc.filename or folder), problem=_os_problem(exc)
                ) from None

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
        except OSError as exc:
            raise DataError("store.lock_failed", path=str(lock_path), problem=_os_problem(exc)) from None
        try:
            yield self
        finally:
            lock.release()

    # ------------------------------------------------------------ reading

    def _read_doc(self, path: Path) -> dict[str, Any] | None:
        raw = self._read_bytes(path)
        return None if raw is None else self._parse(path, raw)

    def _read_bytes(self, path: Path) -> bytes | None:
        """The bytes of `path`, or None when it is not there (see _open_regular)."""
        handle = _open_regular(path)
        if handle is None:
            return None
        try:
            with handle:
                raw = handle.read()
        except OSError as exc:
            raise DataError("store.unreadable", path=str(path), problem=_os_problem(exc)) from None
        return raw

    def _parse(self, path: Path, raw: bytes) -> dict[str, Any]:
        import tomllib

        try:
            return tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise self._corrupt(path, 1, "not UTF-8 text") from None
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = re.search(r"\(at line (\d+), column \d+\)", message)
            if match:
                line = int(match.group(1))
            else:  # "(at end of document)": a file cut short, whose last line is the place
                line = raw.rstrip(b"\n").count(b"\n") + 1 if "end of document" in message else 1
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

    def numbers(self) -> list[str]:
        """The numbers that have a profile file, from the files' names alone (nothing is decoded)."""
        return ["+" + path.stem for path in self.profile_files() if _is_profile_name(path)]

    def profile_files(self) -> list[Path]:
        folder = paths.profiles_dir(self.home)
        try:
            with os.scandir(folder) as entries:
                names = [e.name for e in entries if e.name.endswith(".toml") and not e.name.startswith(".")]
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise DataError("store.folder_unreadable", path=str(folder), problem=_os_problem(exc)) from None
        return [folder / name for name in sorted(names)]

    def read_profile(self, e164: str) -> Profile | None:
        """The profile of `e164`, or None when it has no file. A file that holds another number is refused:
        saving it would write one number's data over another's file."""
        from numretire.serialize import profile_from_doc

        path = self.profile_path(e164)
        profile = self._read_parsed(path, "profile", profile_from_doc)
        if profile is None:
            return None
        if profile.number != e164:
            from numretire.numbers import mask_any

            raise DataError(
                "store.wrong_number", path=str(path), found=mask_any(profile.number), expected=mask_any(e164)
            )
        return profile

    def head(self, e164: str) -> Head | None:
        """The label and region of `e164`'s profile, from the lines before its first table.

        The top-level keys of a TOML file come before any table, so those lines alone are a TOML document
        with all of them. When they do not parse on their own (a hand-edited file), the whole file is read.
        """
        import tomllib

        path = self.profile_path(e164)
        lines: list[bytes] = []
        size = 0
        handle = _open_regular(path)
        if handle is None:
            return None
        try:
            with handle:
                while True:
                    line = handle.readline(HEAD_LIMIT + 1)
                    if not line:
                        lines = []  # no table at all: read it whole below (it is small)
                        break
                    if line.lstrip().startswith(b"["):
                        break
                    lines.append(line)
                    size += len(line)
                    if size > HEAD_LIMIT:
                        lines = []
                        break
        except OSError as exc:
            raise DataError("store.unreadable", path=str(path), problem=_os_problem(exc)) from None
        doc: dict[str, Any] | None = None
        if lines:
            try:
                doc = tomllib.loads(b"".join(lines).decode("utf-8"))
            except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                doc = None
        if doc is None:
            doc = self._read_doc(path)
            if doc is None:
                return None
        label = doc.get("label")
        region = doc.get("region")
        return Head(
            e164, label if isinstance(label, str) else "", region if isinstance(region, str) else None
        )

    def heads(self) -> list[Head]:
        """The heads of every profile that can be read that far; the others are left out."""
        return self.scan_heads()[0]

    def scan_heads(self) -> tuple[list[Head], list[Path]]:
        """The heads of every profile that can be read that far, and the files that cannot."""
        found, unreadable = [], []
        for number in self.numbers():
            try:
                head = self.head(number)
            except DataError:
                unreadable.append(self.profile_path(number))
                continue
            if head is not None:
                found.append(head)
        return found, unreadable

    def read_all(self) -> tuple[list[Profile], list[Unreadable]]:
        """Every profile, and apart the ones that cannot be read: one broken file never hides the others."""
        found: list[Profile] = []
        broken: list[Unreadable] = [
            Unreadable(path, "", DataError("store.bad_name", path=str(path)), None)
            for path in self.profile_files()
            if not _is_profile_name(path)
        ]
        for number in self.numbers():
            try:
                profile = self.read_profile(number)
            except DataError as exc:
                path = self.profile_path(number)
                backup = backup_path(path)
                broken.append(Unreadable(path, number, exc, backup if backup.exists() else None))
                continue
            if profile is not None:
                found.append(profile)
        return found, broken

    def profiles(self) -> list[Profile]:
        """Every profile that can be read (read_all also gives the ones that cannot)."""
        return self.read_all()[0]

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
        # A link is saved through: the file it points to is replaced, and the link is kept. The backup
        # stays beside the name the user knows (and the error messages give).
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        try:
            _remove_stale_temps(target)
            handle = _open_regular(target)  # never a wait on a FIFO put in the file's place
            if handle is None:
                current = None
            else:
                with handle:
                    current = handle.read()
            if current == data:  # nothing changed: keep the file, and the backup of the version before it
                return data
            if current is not None:
                write_atomic(backup_path(path), current)
            write_atomic(target, data)
        except OSError as exc:
            raise DataError("store.cannot_save", path=str(path), problem=_os_problem(exc)) from None
        return data


def _is_profile_name(path: Path) -> bool:
    """A profile's file is named by its number's digits: 8613812345678.toml."""
    return path.stem.isascii() and path.stem.isdigit()


def _open_regular(path: Path):
    """`path` opened for reading, or None when it is not there. Anything but a regular file (a FIFO, a
    device, a folder) is refused without waiting on it; a link is followed, and one to nothing is named."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise DataError("store.dangling_link", path=str(path), target=os.readlink(path)) from None
        return None
    except OSError as exc:
        raise DataError("store.unreadable", path=str(path), problem=_os_problem(exc)) from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        raise DataError("store.not_a_file", path=str(path))
    return os.fdopen(fd, "rb")


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
