"""Shared drawing: untrusted text wraps under itself and is never cut or read as markup."""

from rich.console import Console

from numretire.cli.common import make_console
from numretire.cli.render import hanging


def rendered(renderable, width: int) -> list[str]:
    console: Console = make_console(width=width, no_color=True)
    with console.capture() as captured:
        console.print(renderable)
    return [line.rstrip() for line in captured.get().splitlines()]


def test_wrapped_lines_start_under_the_text():
    step = "Open the app and go to Settings, then Account and security [b]x[/b]"
    lines = rendered(hanging("  1. ", step), 30)
    assert lines[0].startswith("  1. Open") and len(lines) > 2
    assert all(line.startswith("     ") and len(line) <= 30 for line in lines[1:])
    assert "[b]x[/b]" in "".join(lines)  # not markup


def test_a_word_longer_than_the_line_is_folded_not_cut():
    url = "https://www.example.com/help/change-your-mobile-number-on-the-account"
    lines = rendered(hanging("    ", f"See {url} for help"), 40)
    assert url in "".join(line.strip() for line in lines)
    assert not any("…" in line for line in lines)


def test_a_chinese_sentence_is_left_to_the_terminal():
    text = "下一任机主可以用短信验证码登录你的账号、用你绑定的银行卡付款，并花掉账户里的余额。"
    assert rendered(hanging("    ", text), 30) == ["    " + text]
