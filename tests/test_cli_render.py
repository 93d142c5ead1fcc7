"""Shared drawing: untrusted text wraps under itself and is never cut or read as markup."""

from rich.cells import cell_len
from rich.console import Console

from numretire.cli.common import make_console
from numretire.cli.render import NO_END, NO_START, Wrapped, fit_columns, hanging, plain, wrap_spans


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


SENTENCE = "下一任机主可以用短信验证码登录你的账号、用你绑定的银行卡付款，并花掉账户里的余额。"


def test_a_chinese_sentence_wraps_under_itself_by_cell_width():
    lines = rendered(hanging("    ", SENTENCE), 30)
    assert len(lines) > 1
    assert all(line.startswith("    ") and cell_len(line) <= 30 for line in lines)  # the hanging indent
    assert "".join(line.strip() for line in lines) == SENTENCE  # nothing lost


def test_no_line_starts_with_closing_punctuation_or_ends_with_opening():
    text = "打开设置（账号与安全），找到“手机号”，点击更换。然后输入新号码，再输入验证码。"
    for width in range(18, 40):  # from the widest unit, 置（账号与安全），: narrower, a unit is folded
        lines = [text[a:b] for a, b in wrap_spans(text, width)]
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines), width
        assert not any(line[0] in NO_START for line in lines), (width, lines)
        assert not any(line[-1] in NO_END for line in lines[:-1]), (width, lines)


def test_a_signature_stays_on_one_line():
    text = "如果收到【中国工商银行】或【12306】发来的验证码短信，说明账号仍绑定着这个号码。"
    for width in range(16, 40):  # as wide as the signature at least
        lines = [text[a:b] for a, b in wrap_spans(text, width)]
        assert any("【中国工商银行】" in line for line in lines), (width, lines)
        assert any("【12306】" in line for line in lines), (width, lines)


def test_latin_words_break_only_at_spaces_and_are_never_cut():
    text = "Never rent, lend or sell a SIM card (the “three nos”) (不出租、不出借、不出售手机卡（三不）)"
    words = set(text.split())
    for width in range(12, 40):
        lines = [text[a:b].strip() for a, b in wrap_spans(text, width)]
        latin = [w for line in lines for w in line.split() if w.isascii()]
        assert all(w in words for w in latin), (width, lines)  # no Latin word split
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any("…" in line for line in lines)


def test_wrapped_text_in_a_table_is_never_cut():
    from rich.table import Table

    table = Table(box=None)
    table.add_column("name")
    table.add_column("x", no_wrap=True)
    name = "Never rent, lend or sell a SIM card (不出租、不出借、不出售手机卡（三不）)"
    table.add_row(Wrapped(plain(name)), "low")
    lines = rendered(table, 30)
    assert not any("…" in line for line in lines)
    assert "".join(line.replace("low", "").strip() for line in lines[1:]).replace(" ", "") == name.replace(
        " ", ""
    )


def test_a_short_bracketed_name_stays_whole():
    text = "Best Buy (百思买) and Shimo Docs (石墨文档)"
    for width in range(10, 30):
        lines = [text[a:b] for a, b in wrap_spans(text, width)]
        assert any("(百思买)" in line for line in lines) and any("(石墨文档)" in line for line in lines), (
            lines
        )


def test_fit_columns_keeps_short_columns_whole_and_words_unbroken():
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("category")
    table.add_row(
        "alipay-password-free",
        Wrapped(plain("Alipay password-free payment and auto-debit list")),
        Wrapped(plain("外卖与本地生活")),
    )
    fit_columns(table, 60)
    lines = rendered(table, 60)
    assert any("外卖与本地生活" in line for line in lines)  # a short cell whole
    assert any("password-free" in line for line in lines)


def test_a_hanging_text_draws_as_the_grid_it_stands_for():
    """Hanging draws its lines itself where that is simple (status draws ten): every line, every space
    of padding, is what the two-column grid draws, in a terminal with colour too."""
    from itertools import product

    from rich.console import Group

    from numretire.cli.render import Hanging, hanging_grid

    texts = [
        SENTENCE,
        "The next holder of this number can log in to your account with an SMS code and pay.",
        "See https://www.example.com/help/change-your-mobile-number-on-the-account for help",
        "【工商银行】您的验证码 (中国工商银行) 与（建设银行）" * 3,
        "  a leading space, a trailing one ",
        "one\n\ntwo paragraphs",
        "x",
        "",
        "tab\there",
    ]
    fast = 0
    for text, lead, width in product(texts, ["    ", "  1. ", "    · ", "", "\n"], [1, 5, 12, 30, 47, 100]):
        drawn = []
        for renderable in (hanging_grid(plain(lead), Wrapped(plain(text))), hanging(lead, text)):
            console = make_console(width=width, force_terminal=True, color_system="truecolor")
            with console.capture() as captured:
                console.print(Group("before", renderable, "after"))
            drawn.append(captured.get())
        assert drawn[0] == drawn[1], (text, lead, width)
        fast += Hanging(plain(lead), Wrapped(plain(text)))._lines(width) is not None
    assert fast > 50  # the shortcut was taken, not only the grid


def test_the_progress_table_draws_as_the_rich_table_it_stands_for():
    """status draws its progress table itself where it fits: byte for byte what the rich Table draws
    (colour, styles and padding included), in both languages, empty bars and full ones, narrow and wide."""
    from itertools import product

    from rich.console import Group

    from numretire.cli.status import ProgressTable, progress_grid
    from numretire.i18n import t

    fast = 0
    for lang, width, color in product(("en", "zh"), [20, 50, 66, 67, 68, 100], [None, "truecolor"]):
        rows = [
            (t("category.payment", lang), 0, 7),
            (t("category.bank", lang), 60, 134),
            (t("category.email", lang), 5, 5),
            (t("status.overall", lang), 65, 146),
        ]
        headers = (t("col.category", lang), t("col.progress", lang), t("col.done", lang))
        drawn = []
        for table in (
            progress_grid(t("status.progress_title", lang), headers, rows),
            ProgressTable(t("status.progress_title", lang), headers, rows),
        ):
            options = {"force_terminal": True, "color_system": color} if color else {}
            console = make_console(width=width, **options)
            with console.capture() as captured:
                console.print(Group("before", table, "after"))
            drawn.append(captured.get())
        assert drawn[0] == drawn[1], (lang, width, color)
        fast += ProgressTable("x", headers, rows)._segments(make_console(width=width), width) is not None
    assert 0 < fast < 24  # both ways were compared: drawn without the Table, and by it where narrow


def test_the_head_of_status_draws_as_the_grid_it_stands_for():
    """status' head (labels in bold, then values) is drawn without a Table where each row is one plain
    line that fits: byte for byte what the grid draws, colour on and off; the grid where it does not."""
    from itertools import product

    from rich.console import Group

    from numretire.cli.status import HeadGrid, head_grid

    rows = [
        ("Number", plain("+86 138****5678")),
        ("Carrier", plain("China Mobile (中国移动)  (from the number's prefix)")),
        ("注销日期", "2027-06-30，还有 210 天"),
        ("New number", "—"),
    ]
    fast = 0
    for width, color, count in product([10, 40, 62, 63, 64, 100], [None, "truecolor"], [1, 2, 4]):
        head = HeadGrid()
        for row in rows[:count]:
            head.add_row(*row)
        drawn = []
        for renderable in (head_grid(rows[:count]), head):
            options = {"force_terminal": True, "color_system": color} if color else {}
            console = make_console(width=width, **options)
            with console.capture() as captured:
                console.print(Group("before", renderable, "after"))
            drawn.append(captured.get())
        assert drawn[0] == drawn[1], (width, color, count)
        fast += head._segments(make_console(width=width), width) is not None
    assert 0 < fast < 36
