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
from typer._click import exceptions as click_errors  # typer's own click: its usage errors
from typer._click.exceptions import UsageError
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


# The words of the command line, for the language of a usage error (parsing stopped before --lang was read).
_argv: ContextVar[tuple[str, ...]] = ContextVar("numretire_argv", default=())


def usage_lang(argv: tuple[str, ...]) -> str:
    """The language of a usage error: a --lang on the command line, then as every screen chooses it."""
    from numretire.i18n import normalise_lang, resolve_lang

    for i, word in enumerate(argv):
        value = argv[i + 1] if word == "--lang" and i + 1 < len(argv) else None
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if normalise_lang(value):
            return normalise_lang(value)  # type: ignore[return-value]
    try:
        from numretire import paths
        from numretire.store import Store

        config_lang = Store(paths.data_home()).read_config().lang
    except Exception:  # a usage error is shown whatever the state of the data
        config_lang = None
    return resolve_lang(None, config_lang)


def usage_message(exc: UsageError, lang: str) -> str:
    """What went wrong on the command line, in `lang`: the errors people meet; any other in click's words."""
    from numretire.i18n import t

    errors = click_errors
    message = exc.message
    if isinstance(exc, errors.MissingParameter):
        param = exc.param
        name = (
            (param.human_readable_name if param.param_type_name == "argument" else param.opts[0])
            if param
            else ""
        )
        kind = "argument" if param is None or param.param_type_name == "argument" else "option"
        return t(f"usage.missing_{kind}", lang, name=name)
    if isinstance(exc, errors.NoSuchOption):
        text = t("usage.no_such_option", lang, name=exc.option_name)
        if exc.possibilities:
            text += t("usage.possible_options", lang, names=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, errors.BadOptionUsage) and message.endswith("requires an argument."):
        return t("usage.option_needs_value", lang, name=exc.option_name)
    if isinstance(exc, errors.BadOptionUsage) and message.endswith("does not take a value."):
        return t("usage.option_takes_no_value", lang, name=exc.option_name)
    if message.startswith("Got unexpected extra argument(s) ("):
        return t("usage.extra_arguments", lang, words=message[len("Got unexpected extra argument(s) (") : -1])
    if message.startswith("No such command '") and message.endswith("'."):
        return t("usage.no_such_command", lang, name=message[len("No such command '") : -2])
    if message == "Missing command.":
        return t("usage.missing_command", lang)
    return exc.format_message()


def localised(exc: Exception) -> Exception:
    """A usage error shown in the user's language (English as click words it)."""
    errors = click_errors
    if not isinstance(exc, errors.UsageError) or isinstance(exc, (errors.NoArgsIsHelpError, LocalisedUsage)):
        return exc
    lang = usage_lang(_argv.get())
    return exc if lang == "en" else LocalisedUsage(exc, lang)


class LocalisedUsage(UsageError):
    """A usage error of click's, worded in Chinese: the usage line, where to find help, the problem."""

    def __init__(self, original: Any, lang: str) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original
        self.lang = lang
        self.exit_code = original.exit_code

    def format_message(self) -> str:
        return usage_message(self.original, self.lang)

    def show(self, file: Any = None) -> None:
        from numretire.i18n import t

        lines = []
        ctx = self.ctx
        if ctx is not None:
            pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
            pieces = pieces.replace("[OPTIONS]", t("usage.options", self.lang))
            lines.append(t("usage.line", self.lang, command=ctx.command_path, args=pieces))
            if ctx.command.get_help_option(ctx) is not None:
                lines.append(t("usage.help_hint", self.lang, command=f"{ctx.command_path} --help"))
            lines.append("")
        lines.append(t("usage.error", self.lang, problem=self.format_message()))
        err("\n".join(lines))


class Group(TyperGroup):
    """The error boundary: user errors become one line and an exit code; Ctrl-C exits 130; usage errors
    speak the user's language."""

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        _argv.set(tuple(sys.argv[1:] if args is None else args))
        return super().main(args, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            raise localised(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise localised(exc) from None
        except NumretireError as exc:
            err(f"numretire: {exc.render(current_lang())}")
            raise typer.Exit(int(exc.exit_code)) from None
        except OSError as exc:  # one the core did not name itself (the store names its own): still one line
            err(f"numretire: {os_error_line(exc, current_lang())}")
            raise typer.Exit(int(ExitCode.DATA)) from None
        except KeyboardInterrupt:
            from numretire.i18n import t

            err("\n" + t("interrupted", current_lang()))
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


def os_error_line(exc: OSError, lang: str) -> str:
    from numretire.i18n import t

    problem = exc.strerror or type(exc).__name__
    if exc.filename is None:
        return t("error.os_no_path", lang, problem=problem)
    name = exc.filename
    path = os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)
    return t("error.os", lang, path=path, problem=problem)


def new_app(**kwargs: Any) -> typer.Typer:
    return typer.Typer(
        cls=Group, no_args_is_help=True, pretty_exceptions_show_locals=False, rich_markup_mode=None, **kwargs
    )


def err(text: str) -> None:
    sys.stderr.write(safe(text, keep_newlines=True) + "\n")
    sys.stderr.flush()


def safe(text: str, keep_newlines: bool = False) -> str:
    """Text from users or their files, made inert for a terminal: control characters shown as \\xNN,
    bidi overrides as \\uNNNN (see numretire.visible)."""
    from numretire.visible import visible

    return visible(text, keep_newlines)


def emit_json(document: dict[str, Any]) -> None:
    """One JSON document on stdout, nothing else there."""
    from numretire.exporters.json_doc import dumps
    from numretire.visible import visible_json

    payload = {"version": JSON_VERSION, **document}
    sys.stdout.write(visible_json(dumps(payload, default=str)) + "\n")


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
        """The selected profile: the only one read."""
        from numretire.profiles import load

        return load(self.store, self.profile_ref, self.config)

    @contextmanager
    def editing(self) -> Iterator[Profile]:
        """The selected profile, read under the lock and saved when the block ends without error."""
        from numretire.profiles import load

        with self.store.locked():
            self._config = self.store.read_config()
            profile = load(self.store, self.profile_ref, self._config)
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
