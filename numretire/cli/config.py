"""config show/set/unset: the defaults numretire uses when a command does not say (language, region)."""

from __future__ import annotations

from typing import Annotated

import typer

from numretire.cli.common import JsonOpt, LangOpt, Session, emit_json, new_app

app = new_app(help="Your defaults: language and region · 默认设置：语言与地区")

KEYS = ("lang", "region")
KeyArg = Annotated[str, typer.Argument(metavar="KEY", help="lang or region · lang 或 region")]


@app.command("show")
def show(json: JsonOpt = False, lang: LangOpt = None) -> None:
    """Show the settings and where they are kept · 查看设置"""
    from numretire import paths

    session = Session(lang)
    config = session.config
    values = {"lang": config.lang, "region": config.region, "default_profile": config.default_profile}
    if json:
        emit_json(
            {
                "config": values,
                "file": str(paths.config_file(session.store.home)),
                "home": str(session.store.home),
            }
        )
        return
    from numretire.cli.render import plain

    out = session.console()
    for key, value in values.items():
        out.print(plain(f"{key} = {value if value is not None else '—'}"))
    out.print(plain(session.t("config.where", path=str(paths.config_file(session.store.home)))))


@app.command("set")
def set_value(
    key: KeyArg,
    value: Annotated[str, typer.Argument(metavar="VALUE", help="zh|en, or a region code such as CN · 值")],
    lang: LangOpt = None,
) -> None:
    """Set a default (lang zh|en, region CN/US/...) · 修改默认设置"""
    from numretire.errors import InputError
    from numretire.i18n import normalise_lang

    session = Session(lang)
    if key not in KEYS:
        raise InputError("config.bad_key", key=key, choices=", ".join(KEYS))
    if key == "lang":
        raw, value = value, normalise_lang(value) or ""
        if not value:
            raise InputError("error.bad_lang", value=raw)
    else:
        value = value.strip().upper()
        if not (len(value) == 2 and value.isalpha()):
            raise InputError("config.bad_region", value=value)
    with session.store.locked():
        config = session.store.read_config()
        setattr(config, key, value)
        session.store.save_config(config)
    from numretire.cli.render import plain

    session.console().print(plain(session.t("config.set", key=key, value=value)))


@app.command("unset")
def unset(key: KeyArg, lang: LangOpt = None) -> None:
    """Forget a default · 清除默认设置"""
    from numretire.errors import InputError

    session = Session(lang)
    if key not in KEYS:
        raise InputError("config.bad_key", key=key, choices=", ".join(KEYS))
    with session.store.locked():
        config = session.store.read_config()
        setattr(config, key, None)
        session.store.save_config(config)
    from numretire.cli.render import plain

    session.console().print(plain(session.t("config.unset", key=key)))
