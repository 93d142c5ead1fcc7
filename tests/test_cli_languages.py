"""Every command speaks both languages: run each in zh and en and look for the language in its output."""

import os
import re
import sys

import pexpect
import pytest

CJK = re.compile(r"[\u4e00-\u9fff]")

COMMANDS = [
    ("status",),
    ("profiles",),
    ("list",),
    ("risks",),
    ("check",),
    ("walk",),
    ("add", "taobao"),
    ("answer", "taobao", "stored-card", "yes"),
    ("mark", "taobao", "moved"),
    ("remove", "taobao"),
    ("edit", "--label", "work"),
    ("use", "13812345678"),
    ("catalog", "list", "--category", "bank"),
    ("catalog", "search", "icbc"),
    ("catalog", "show", "icbc"),
    ("catalog", "lint"),
    ("config", "show"),
    ("demo",),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_each_command_in_both_languages(retiring, args):
    retiring("add", "meituan", "taobao")
    zh = retiring(*args, "--lang", "zh", code=None)
    retiring("add", "taobao")  # again, after `remove`
    retiring("mark", "taobao", "open")  # again, after `mark`
    en = retiring(*args, "--lang", "en", code=None)
    assert zh.exit_code == en.exit_code and zh.exit_code in (0, 3), (zh.stdout, zh.stderr)
    zh_words = [w for w in re.findall(r"[A-Za-z]{4,}", zh.stdout) if w not in en.stdout]
    assert CJK.search(zh.stdout), zh.stdout
    # the English output's own words are English: any Chinese in it is a service name in brackets
    # or a quoted name, never a sentence of ours
    for line in en.stdout.splitlines():
        if CJK.search(line):
            assert re.search(r"[A-Za-z]{3,}", line), line
    assert en.stdout != zh.stdout, zh_words


def spawn_status(home, no_color: bool):
    env = {**os.environ, "NUMRETIRE_HOME": str(home), "COLUMNS": "120", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "numretire", "status", "--lang", "en"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    child.expect(pexpect.EOF)
    return child.before


def colours(text: str) -> set[int]:
    """The colour codes among the terminal's SGR sequences (bold and the like are not colour)."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for p in filter(None, params.split(";")):
            if 30 <= int(p) <= 49 or 90 <= int(p) <= 107:
                found.add(int(p))
    return found


def test_no_color_is_honoured_on_a_terminal(retiring, home):
    retiring("add", "meituan")
    assert colours(spawn_status(home, no_color=False))
    assert colours(spawn_status(home, no_color=True)) == set()


# --- usage errors in the user's language (issue 14) ----------------------------------------------


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (("mark",), "错误：缺少参数 ID。", "Error: Missing argument 'ID'."),
        (("mark", "alipay"), "错误：缺少参数 STATUS。", "Error: Missing argument 'STATUS'."),
        (("status", "extra"), "错误：多出了参数：extra", "Error: Got unexpected extra argument(s) (extra)"),
        (("status", "--jsn"), "错误：没有这个选项：--jsn（可能是：--json）", "No such option: --jsn"),
        (("frobnicate",), "错误：没有这个命令：frobnicate", "Error: No such command 'frobnicate'."),
        (("list", "--profile"), "错误：选项 --profile 后面要跟一个值。", "requires an argument"),
        (("import", "sms"), "错误：缺少参数 FILE。", "Error: Missing argument 'FILE'."),
    ],
)
def test_usage_errors_speak_the_users_language(run, args, zh, en):
    for where in ("before", "after"):  # numretire --lang zh mark / numretire mark --lang zh
        chosen = ("--lang", "zh", *args) if where == "before" else (*args, "--lang", "zh")
        if args == ("list", "--profile") and where == "after":
            continue  # --lang would be read as the profile's value
        err = run(*chosen, code=2).stderr
        assert zh in err, (chosen, err)
        assert "Error" not in err and "Missing" not in err and "Usage" not in err
    assert en in run("--lang", "en", *args, code=2).stderr


def test_a_usage_error_follows_the_language_of_the_environment_and_the_config(run, monkeypatch):
    monkeypatch.setenv("NUMRETIRE_LANG", "zh")
    err = run("mark", code=2).stderr
    assert "用法：" in err and " mark [选项] " in err and "mark --help 查看帮助" in err
    monkeypatch.delenv("NUMRETIRE_LANG")
    assert "Missing argument 'ID'" in run("mark", code=2).stderr
    run("config", "set", "lang", "zh")
    assert "缺少参数 ID" in run("mark", code=2).stderr
