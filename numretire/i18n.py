"""Every user-facing string, in Chinese and English, and how the language is chosen."""

from __future__ import annotations

import os
from datetime import date

LANGS = ("zh", "en")


def normalise_lang(value: str | None) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'en-GB' ... -> 'zh' or 'en'; anything else -> None."""
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return head if head in LANGS else None


def locale_lang() -> str | None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            # LANGUAGE may hold a list: "zh_CN:en"
            return normalise_lang(value.split(":")[0]) or "en"
    return None


def resolve_lang(option: str | None, config_lang: str | None = None) -> str:
    """--lang, then NUMRETIRE_LANG, then the config, then the locale; English when nothing says."""
    for candidate in (option, os.environ.get("NUMRETIRE_LANG"), config_lang):
        lang = normalise_lang(candidate)
        if lang:
            return lang
    return locale_lang() or "en"


# English nouns counted by a placeholder: "{days} days" reads "1 day" when days is 1.
_COUNTED = r"\{(\w+)(?::[^}]*)?\} (day|item|problem|account|service|change|record|lookup|check|task)s\b"


def _singular(template: str, params: dict[str, object]) -> str:
    """The English template with each counted noun made singular where its count is 1 (or -1)."""
    import re

    def one(match: re.Match) -> str:
        value = params.get(match.group(1))
        return match.group(0)[:-1] if isinstance(value, int) and abs(value) == 1 else match.group(0)

    return re.sub(_COUNTED, one, template)


def t(key: str, lang: str, /, **params: object) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    from numretire.messages import MESSAGES

    zh, en = MESSAGES[key]
    if lang != "zh" and params:
        en = _singular(en, params)
    template = zh if lang == "zh" else en
    return template.format(**params) if params else template


def pick(texts: dict[str, object] | None, lang: str) -> object:
    """From a {'zh': ..., 'en': ...} table, the user's language, else the other one."""
    if not texts:
        return None
    other = "en" if lang == "zh" else "zh"
    return texts.get(lang) or texts.get(other)


def relative_day(day: date, today: date, lang: str) -> str:
    """'today', 'in 3 days', '2 days ago' in `lang`."""
    days = (day - today).days
    if days == 0:
        return t("when.today", lang)
    return t("when.in", lang, days=days) if days > 0 else t("when.ago", lang, days=-days)
