"""The guided walk and triage, driven through a real pseudo-terminal as a person would."""

import os
import sys

import pexpect
import pytest

from numretire.store import Store


def spawn(home, *args, lang="en"):
    env = {
        **os.environ,
        "NUMRETIRE_HOME": str(home),
        "NUMRETIRE_LANG": lang,
        "COLUMNS": "120",
        "NO_COLOR": "1",
    }
    return pexpect.spawn(
        sys.executable,
        ["-m", "numretire", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )


def statuses(home):
    profile = Store(home).read_profile("+8613812345678")
    return {item.id: item.status for item in profile.items}


@pytest.fixture
def three_customs(retiring):
    retiring(
        "add", "--custom", "Food app", "--category", "food", "--flag", "sms-login", "--flag", "stored-card"
    )
    retiring("add", "--custom", "Mail", "--category", "email", "--flag", "sms-reset")
    retiring("add", "--custom", "Video", "--category", "media", "--flag", "auto-debit")
    retiring("mark", "miit-yzt-accounts", "done")  # answered on the old number: the walk would start there
    return retiring


def test_walk_answers_saves_survives_ctrl_c_and_resumes(three_customs, home):
    child = spawn(home, "walk")
    child.expect("Food app")
    child.expect("Outcome\\?")
    child.sendline("m")
    child.expect("Saved: moved")
    child.expect("Mail")
    child.expect("Outcome\\?")
    child.sendline("s")
    child.expect("Saved: skipped")
    child.expect("Outcome\\?")
    child.sendintr()
    child.expect("Interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = statuses(home)
    assert saved["custom-food-app"] == "moved"
    assert saved["custom-mail"] == "skipped"
    assert saved["custom-video"] == "open"

    child = spawn(home, "walk")
    child.expect("Outcome\\?")
    before = child.before
    assert "Food app" not in before
    child.sendline("x")  # not a choice: asked again
    child.expect("Please type one of")
    child.sendline("b")
    child.expect("Why is it blocked")
    child.sendline("")  # no reason: nothing is stored, the question comes again
    child.expect("nothing was saved")
    child.expect("Outcome\\?")
    child.sendline("b")
    child.expect("Why is it blocked")
    child.sendline("the bank wants a visit")
    child.expect("Saved: blocked")
    child.expect("Outcome\\?")
    child.sendline("q")
    child.expect("Paused")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    profile = Store(home).read_profile("+8613812345678")
    blocked = [i for i in profile.items if i.status == "blocked"]
    assert len(blocked) == 1 and blocked[0].note == "the bank wants a visit"
    assert [e.status for e in blocked[0].history] == ["open", "blocked"]


@pytest.mark.parametrize(
    ("lang", "prompt", "saved", "why"),
    [("en", "Outcome\\?", "Saved: ", "Why is it blocked"), ("zh", "结果？", "已保存：", "受阻原因")],
    ids=["en", "zh"],
)
def test_walk_takes_single_keys_in_a_terminal(three_customs, home, lang, prompt, saved, why):
    child = spawn(home, "walk", lang=lang)
    child.expect(prompt)
    child.send("m")  # no Enter
    child.expect(saved, timeout=5)
    child.expect(prompt)
    child.send("B")  # any case; the reason is a line, as `mark` asks for one
    child.expect(why, timeout=5)
    child.sendline("the bank wants a visit")
    child.expect(saved)
    child.expect(prompt)
    child.send("q")
    child.expect(pexpect.EOF)
    found = Store(home).read_profile("+8613812345678")
    assert [i.status for i in found.items if i.id.startswith("custom-")].count("moved") == 1
    blocked = [i for i in found.items if i.status == "blocked"]
    assert len(blocked) == 1 and blocked[0].note == "the bank wants a visit"


def test_a_key_typed_before_the_question_is_its_answer(three_customs, home):
    child = spawn(home, "walk")
    child.send("s")  # typed while the walk still starts: kept for the first question, not discarded
    child.expect("Saved: skipped")
    child.expect("Outcome\\?")
    child.send("q")
    child.expect(pexpect.EOF)
    assert "skipped" in statuses(home).values()


def test_walk_in_chinese(three_customs, home):
    child = spawn(home, "walk", lang="zh")
    child.expect("结果？")
    child.sendline("q")
    child.expect("已暂停")
    child.expect(pexpect.EOF)


def test_walk_without_a_terminal_shows_the_next_item_and_the_command(three_customs):
    out = three_customs("walk", "--lang", "en").stdout
    assert "numretire mark" in out
    assert "Outcome?" not in out


def test_triage_asks_follows_up_and_saves(retiring, home):
    child = spawn(home, "triage", "--category", "food")
    child.expect(r"\? \[y/n/\?/k/q\]")
    first = child.before.strip().splitlines()[-1]
    child.sendline("y")
    answered = []
    while True:
        index = child.expect([r"\[y/n\]", r"\[y/n/\?/k/q\]"])
        if index == 0:
            answered.append(child.before.strip().splitlines()[-1])
            child.sendline("y")
        else:
            break
    child.sendline("n")
    child.expect(r"\[y/n/\?/k/q\]")
    child.sendline("?")
    child.expect(r"\[y/n/\?/k/q\]")
    child.sendline("q")
    child.expect("Paused")
    child.expect(pexpect.EOF)
    profile = Store(home).read_profile("+8613812345678")
    triaged = [i for i in profile.items if i.origin == "triage"]
    assert len(triaged) == 2
    assert len(profile.dismissed) == 1
    assert any("not sure" in i.note for i in triaged)
    assert first  # the first question named a service
    if answered:
        assert any(triaged[0].answers.values())

    # a second triage does not ask about the answered services again
    child = spawn(home, "triage", "--category", "food")
    child.expect(r"\[y/n/\?/k/q\]")
    assert child.before.strip().splitlines()[-1] != first
    child.sendline("q")
    child.expect(pexpect.EOF)


def test_triage_needs_a_terminal(retiring):
    assert "numretire add" in retiring("triage", "--lang", "en", code=1).stderr


def test_each_kind_of_item_is_offered_its_own_outcomes(retiring):
    from numretire.cli.walk import ACCOUNT_KEYS, KEYS, TASK_KEYS

    assert len(set(KEYS.values())) == len(KEYS)  # one key, one outcome
    assert {KEYS[k] for k in TASK_KEYS} == {"done", "skipped", "blocked"}
    assert "done" not in {KEYS[k] for k in ACCOUNT_KEYS["retire"]} | {KEYS[k] for k in ACCOUNT_KEYS["adopt"]}
    out = retiring("walk", "--lang", "en").stdout  # no terminal: the next item is shown
    assert "No known risk flags" not in out


# --- triage as people use it (issue 14): position, single keys, q pauses, a cancelled number ----------


@pytest.fixture
def tty(monkeypatch):
    """CliRunner's input stands for the terminal: the prompts read lines from it."""
    import numretire.cli.walk as walk_module

    monkeypatch.setattr(walk_module, "interactive", lambda: True)


@pytest.mark.parametrize(("lang", "paused"), [("en", "Paused; 1 added"), ("zh", "已暂停，已加入 1 项")])
def test_triage_shows_the_position_and_q_pauses_with_the_answers_saved(retiring, home, tty, lang, paused):
    out = retiring("triage", "--category", "food", "--lang", lang, input="n\n是\nn\nn\nn\nq\n").stdout
    assert "[1/" in out and "[2/" in out
    total = out.split("[1/", 1)[1].split("]", 1)[0]
    assert f"[2/{total}]" in out and int(total) > 2
    assert paused in out
    profile = Store(home).read_profile("+8613812345678")
    assert len(profile.dismissed) == 1 and [i.origin for i in profile.items].count("triage") == 1


def test_triage_skipping_a_category_moves_the_position_on(retiring, tty):
    out = retiring("triage", "--category", "food", "--lang", "en", input="k\n").stdout
    assert "[1/" in out and "[2/" not in out and "Triage finished; 0 added" in out


@pytest.mark.parametrize(
    ("lang", "warning"),
    [("en", "this number was cancelled on 2026-11-20"), ("zh", "这个号码已于 2026-11-20 注销")],
)
def test_triage_warns_on_a_cancelled_number(retiring, tty, lang, warning):
    retiring("cancel", "--on", "2026-11-20", "--force")
    out = retiring("triage", "--category", "food", "--lang", lang, input="q\n").stdout
    assert warning in out and "[1/" in out
    retiring("init", "13900001111")
    assert warning not in retiring("triage", "--lang", lang, input="q\n").stdout


def test_triage_takes_single_keys_in_a_terminal(retiring, home):
    child = spawn(home, "triage", "--category", "food")
    child.expect(r"\[1/(\d+)\] .*\? \[y/n/\?/k/q\]")
    total = child.match.group(1)
    child.send("n")  # no Enter
    child.expect(rf"\[2/{total}\] .*\? \[y/n/\?/k/q\]")
    child.send("x")
    child.expect("Please type one of")
    child.send("q")
    child.expect("Paused; 0 added")
    child.expect(pexpect.EOF)
    assert len(Store(home).read_profile("+8613812345678").dismissed) == 1


@pytest.mark.parametrize(("lang", "words"), [("en", ("Moved", "skip")), ("zh", ("已换绑新号", "跳过"))])
def test_the_walk_takes_the_words_of_an_outcome_too(three_customs, home, tty, lang, words):
    out = three_customs("walk", "--lang", lang, input=f"{words[0]}\nnonsense\n{words[1]}\nquit\n").stdout
    assert {"en": "Please type one of", "zh": "请输入以下之一"}[lang] in out
    found = list(statuses(home).values())
    assert found.count("moved") == 1 and found.count("skipped") == 1
