"""The one error family: messages written for the user, and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DATA = 1  # a problem with the user's data or input
    USAGE = 2  # wrong usage (typer/click's own)
    ATTENTION = 3  # `check`: not safe to cancel; `remind`: something is due
    INTERRUPTED = 130  # Ctrl-C


class NumretireError(Exception):
    """An error the user can act on. `key` and `params` name a message in both languages."""

    exit_code = ExitCode.DATA

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        from numretire.i18n import t

        return t(self.key, lang, **self.params)


class DataError(NumretireError):
    """A file of the user's (or a catalog file) cannot be used as it is."""


class InputError(NumretireError):
    """A value the user typed is not valid."""
