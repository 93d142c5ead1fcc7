"""A private parsed copy of each profile and of the config, so that a big profile is not parsed again by
every command (and a command that finds every copy current never imports a TOML parser).

The TOML file stays the one truth; the copy (cache/parsed/<file name>.marshal under the data home,
0600 in 0700 folders) is used only when it was made from exactly the bytes the file holds now: its key
names the file's size and digest, the kind of file, numretire's version and the schemas. The copy
carries a digest of itself too, so a damaged one is never loaded: the file is read from its TOML again
and the copy rewritten. Writing a copy is best effort (one that cannot be written only costs time) and
needs no fsync: a torn copy fails its digest.

marshal, as for the catalog's cache: it loads a big profile in a few milliseconds, and unlike pickle
it never runs code.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

MAGIC = b"numretire-profile-cache\n"
DIGEST_SIZE = 16
STALE_TEMP_SECONDS = 60.0


def _blake2b(data: bytes) -> bytes:
    try:  # the module hashlib wraps, without OpenSSL's start-up cost
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b
    return blake2b(data, digest_size=DIGEST_SIZE).digest()


def cache_path(home: Path, file: Path) -> Path:
    return home / "cache" / "parsed" / f"{file.name}.marshal"


def _forms(kind: str) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """How a `kind` of file's object becomes plain data for marshal, and back."""
    from numretire import serialize

    if kind == "profile":
        return serialize.profile_to_cache, serialize.profile_from_cache
    if kind == "config":
        return serialize.config_to_cache, serialize.config_from_cache
    raise ValueError(kind)


def _key(kind: str, raw: bytes) -> tuple[Any, ...]:
    from numretire import __version__
    from numretire.serialize import CACHE_LAYOUT, CONFIG_SCHEMA, PROFILE_SCHEMA

    return (kind, __version__, PROFILE_SCHEMA, CONFIG_SCHEMA, CACHE_LAYOUT, len(raw), _blake2b(raw))


def load(home: Path, file: Path, raw: bytes, kind: str) -> Any:
    """What the file's bytes `raw` hold (a Profile, a Config), from the copy; None when there is no good
    copy of exactly these bytes."""
    import marshal

    try:
        blob = cache_path(home, file).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + DIGEST_SIZE
    if not blob.startswith(MAGIC) or len(blob) <= head:
        return None
    payload = blob[head:]
    if _blake2b(payload) != blob[len(MAGIC) : head]:
        return None
    try:
        key, data = marshal.loads(payload)
        if key != _key(kind, raw):
            return None
        return _forms(kind)[1](data)
    except Exception:  # a copy that does not fit, whatever the way: the file is read from its TOML
        return None


def save(home: Path, file: Path, raw: bytes, kind: str, value: Any) -> None:
    """Keep `value`, what the bytes `raw` of `file` decode to, as the file's copy."""
    import marshal

    target = cache_path(home, file)
    try:
        payload = marshal.dumps((_key(kind, raw), _forms(kind)[0](value)))
        for folder in (target.parent.parent, target.parent):
            folder.mkdir(mode=0o700, exist_ok=True)
        _remove_stale_temps(target)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(tmp, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(MAGIC + _blake2b(payload) + payload)
            os.replace(tmp, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:  # the file is saved: its copy only saves time, and never fails a save
        pass


def forget(home: Path, file: Path) -> None:
    """Remove the copy of a file."""
    with suppress(OSError):
        cache_path(home, file).unlink()


def _remove_stale_temps(target: Path) -> None:
    """Temp files of runs killed while writing a copy; a live run's one is seconds old at most."""
    import time

    now = time.time()
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        with suppress(OSError):
            if now - stale.stat().st_mtime > STALE_TEMP_SECONDS:
                stale.unlink()
