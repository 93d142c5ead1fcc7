"""Where numretire keeps its data. Read when called, never at import."""

from __future__ import annotations

import os
from pathlib import Path


def data_home() -> Path:
    """The folder that holds config.toml, the profiles and the user's own checklists."""
    env = os.environ.get("NUMRETIRE_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("numretire", appauthor=False))


def config_file(home: Path) -> Path:
    return home / "config.toml"


def profiles_dir(home: Path) -> Path:
    return home / "profiles"


def user_checklists_dir(home: Path) -> Path:
    return home / "checklists"


def shipped_checklists_dir() -> Path:
    """The catalog shipped with the program: inside the installed package, or the checkout's top level."""
    package = Path(__file__).resolve().parent
    inside = package / "checklists"
    if inside.is_dir():
        return inside
    return package.parent / "checklists"
