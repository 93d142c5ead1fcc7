"""What every command shares: its options, the session (language, store, profile), output helpers,
and the one boundary that turns a NumretireError into a line on stderr and an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from numretire.errors import ExitCode, NumretireError

if TYPE_CHECKING:
    from rich.console import Console

    from numretire.catalog import Catalog
    from numretire.model import Config, Profile
    from numretire.store import Store

JSON_VERSION = 1

ProfileOpt = Annotated[
    str | None,
    typer.Option(
        "--profile",
        "-p",
        metavar="NUMBER|LABEL",
        help="Which number (default: the one chosen with `use`) · 哪个号码",
    ),
]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="zh|en", help="Language · 语言")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON to stdout · 输出 JSON")]

_lang: ContextVar[str | None] = ContextVar("numretire_lang", default=None)
# --lang and --profile given before the command (numretire --lang en status) apply to it.
_root: ContextVar[dict[str, str | None]] = ContextVar("numretire_root", default={})  # noqa: B039 - never mutated


def set_root_options(lang: str | None, profile: str | None) -> None:
    _root.set({"lang": lang, "profile": profile})


def current_lang() -> str:
    from numretire.i18n import resolve_lang

    return _lang.get() or resolve_lang(None)


class Group(TyperGroup):
    """The error boundary: user errors become one line and an exit code; Ctrl-C exits 130."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NumretireError as exc:
            err(f"numretire: {exc.render(current_lang())}")
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            from numretire.i18n import t

            err("\n" + t("interrupted", current_lang()))
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


def new_app(**kwargs: Any) -> typer.Typer:
    return typer.Typer(
        cls=Group, no_args_is_help=True, pretty_exceptions_show_locals=False, rich_markup_mode=None, **kwargs
    )


def err(text: str) -> None:
    sys.stderr.write(safe(text, keep_newlines=True) + "\n")
    sys.stderr.flush()


def safe(text: str, keep_newlines: bool = False) -> str:
    """Text from users or their files, made inert for a terminal: control characters shown as \\xNN."""
    out = []
    for ch in text:
        code = ord(ch)
        if (code < 0x20 and not (keep_newlines and ch in "\n\t")) or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def emit_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout, nothing else there."""
    from numretire.exporters.json_doc import dumps

    payload = {"version": JSON_VERSION, **document}
    sys.stdout.write(dumps(payload, default=str) + "\n")


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def long_cjk(text: str) -> bool:
    """Whether `text` holds a run of Chinese (or Japanese) characters and punctuation long enough to be
    a sentence: such a run has no space for rich to wrap at (see make_console)."""
    import re

    return re.search(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]{12}", text) is not None


def make_console(**options: Any) -> Console:
    """A rich console that reads no markup and wraps Chinese text where a terminal would."""
    from rich.console import Console
    from rich.text import Text

    class NumretireConsole(Console):
        def print(self, *objects: Any, **kwargs: Any) -> None:
            # rich wraps at spaces; a Chinese sentence has none, so rich would push it whole onto the
            # next line. Lines with one are left to the terminal, which folds them per character; a
            # few Chinese words in an English line (a name, a 【signature】) are wrapped as words.
            if "soft_wrap" not in kwargs and any(
                long_cjk(o.plain if isinstance(o, Text) else o) for o in objects if isinstance(o, (str, Text))
            ):
                kwargs["soft_wrap"] = True
            super().print(*objects, **kwargs)

    return NumretireConsole(highlight=False, markup=False, emoji=False, **options)


class Session:
    """One command's view of the user's data, in the user's language."""

    def __init__(self, lang: str | None = None, profile: str | None = None) -> None:
        from numretire import paths
        from numretire.i18n import normalise_lang, resolve_lang
        from numretire.store import Store

        lang = lang or _root.get().get("lang")
        profile = profile or _root.get().get("profile")
        if lang is not None and normalise_lang(lang) is None:
            from numretire.errors import InputError

            raise InputError("error.bad_lang", value=lang)
        self.store: Store = Store(paths.data_home())
        self.profile_ref = profile
        self._catalog: Catalog | None = None
        _lang.set(resolve_lang(lang))  # for an error while the config is read
        self._config: Config = self.store.read_config()
        self.lang = resolve_lang(lang, self._config.lang)
        _lang.set(self.lang)

    @property
    def config(self) -> Config:
        return self._config

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from numretire import catalog

            self._catalog = catalog.load(self.store.home)
        return self._catalog

    def t(self, key: str, /, **params: Any) -> str:
        from numretire.i18n import t

        return t(key, self.lang, **params)

    def profile(self) -> Profile:
        from numretire.profiles import select

        return select(self.store.profiles(), self.profile_ref, self.config)

    @contextmanager
    def editing(self) -> Iterator[Profile]:
        """The selected profile, read under the lock and saved when the block ends without error."""
        from numretire.profiles import select

        with self.store.locked():
            self._config = self.store.read_config()
            profile = select(self.store.profiles(), self.profile_ref, self._config)
            yield profile
            self.store.save_profile(profile)

    def console(self, stderr: bool = False) -> Console:
        width = None
        if not sys.stdout.isatty():
            width = int(os.environ.get("COLUMNS", "100") or 100)
        return make_console(stderr=stderr, width=width)

    def masked(self, e164: str | None, profile: Profile) -> str:
        """A number of this profile's (its own or the new one), masked for a screen."""
        if not e164:
            return "—"
        from numretire.numbers import mask, mask_any

        if e164.startswith(f"+{profile.country_code}"):
            return mask(e164, profile.country_code)
        return mask_any(e164)
