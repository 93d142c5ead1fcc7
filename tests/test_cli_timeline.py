import os
import re
import stat

import icalendar
import pytest

from numretire.store import Store


def handle_everything(run):
    for item in run.json("list")["items"]:
        if item["status"] == "open":
            run("mark", item["id"], "done" if item["kind"] == "task" else "moved")


def test_cancel_refuses_while_not_safe_then_records_with_force(retiring, home):
    retiring("add", "meituan")
    out = retiring("cancel", "--lang", "en", code=3).stdout
    assert "nothing recorded" in out and "Meituan" in out and "--force" in out
    assert Store(home).read_profile("+8613812345678").cancelled_on is None
    out = retiring("cancel", "--force", "--on", "2026-11-20", "--lang", "en").stdout
    assert (
        "cancelled on 2026-11-20" in out
        and "2027-02-18" in out
        and "Still tied to the number: 1 account." in out
    )
    data = retiring.json("status")
    assert data["phase"] == "frozen"
    assert {m["key"]: m["on"] for m in data["milestones"]}["freeze_end"] == "2027-02-18"


def test_cancel_when_safe(retiring):
    retiring("add", "meituan")
    handle_everything(retiring)
    out = retiring("cancel", "--lang", "zh").stdout
    assert "注销" in out and "2027-02-22" in out


def test_cancel_input_errors(retiring):
    assert "future" in retiring("cancel", "--on", "2030-01-01", "--lang", "en", code=1).stderr
    assert "--since" in retiring("cancel", "--arrears", "--lang", "en", code=1).stderr
    assert "--arrears" in retiring("cancel", "--since", "2026-01-01", "--lang", "en", code=1).stderr


def test_arrears_path(retiring):
    out = retiring("cancel", "--arrears", "--since", "2026-09-01", "--lang", "en").stdout
    assert "lapse for arrears since 2026-09-01" in out
    stones = {m["key"]: m["on"] for m in retiring.json("status")["milestones"]}
    assert stones["arrears_freeze"] == "2026-11-01" and stones["freeze_end"] == "2027-01-30"


def test_remind_is_quiet_when_nothing_is_due(run, monkeypatch):
    run("init", "13812345678", "--cancel-on", "2027-06-30")
    handle_everything(run)
    result = run("remind")
    assert result.stdout == ""
    assert run.json("remind")["due"] is False


def test_remind_on_chosen_days(retiring, monkeypatch):
    retiring("add", "alipay", "meituan")
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-10-01")
    assert retiring("remind", code=0).stdout == ""
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-12-20")
    out = retiring("remind", "--lang", "en", code=3).stdout
    assert "+86 138****5678" in out and "cancellation planned for 2026-12-31 (in 11 days)" in out
    assert "last safe day 2026-12-30" in out
    zh = retiring("remind", "--lang", "zh", code=3).stdout
    assert "还有 11 天" in zh
    data = retiring.json("remind", code=3)
    assert data["due"] is True
    assert {r["kind"] for r in data["numbers"][0]["reminders"]} == {"open_items", "old_number"}


def test_remind_covers_every_number_and_blocked_items(retiring, monkeypatch):
    retiring("init", "13012345678", "--label", "work")
    retiring("add", "--custom", "Bank", "--profile", "work")
    retiring("mark", "custom-bank", "blocked", "--note", "needs a visit", "--profile", "work")
    out = retiring("remind", "--lang", "en", code=3).stdout
    assert "work" in out and "needs a visit" in out


def test_remind_after_cancellation(retiring, monkeypatch):
    retiring("add", "meituan")
    retiring("cancel", "--force", "--on", "2026-11-24")
    monkeypatch.setenv("NUMRETIRE_TODAY", "2027-01-01")
    assert "may belong to someone else" in retiring("remind", "--lang", "en", code=3).stdout
    retiring("mark", "meituan", "moved")
    handle_everything(retiring)
    assert retiring("remind", code=0).stdout == ""
    monkeypatch.setenv("NUMRETIRE_TODAY", "2027-02-22")
    assert "nothing still sends codes" in retiring("remind", "--lang", "en", code=3).stdout


def test_ics_parses_back_with_alarms_and_masked_numbers(retiring, tmp_path):
    retiring("edit", "--label", "x\r\nBEGIN:VEVENT\r\nSUMMARY:evil")
    path = tmp_path / "plan.ics"
    assert "plan.ics" in retiring("remind", "--ics", str(path), "--lang", "en").stdout
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 7  # 4 milestones + watch checks at +30, +60, +90
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    cancel = next(e for e in events if "cancel" in str(e["SUMMARY"]))
    assert cancel.decoded("DTSTART").isoformat() == "2026-12-31"
    assert all(e.walk("VALARM") for e in events)
    text = path.read_text()
    assert "13812345678" not in text and "138****5678" in text
    assert len(re.findall(r"^BEGIN:VEVENT$", text, flags=re.M)) == 7  # the label opened no event of its own
    assert any("evil" in s for s in starts)
    revealed = tmp_path / "plain.ics"
    retiring("remind", "--ics", str(revealed), "--reveal-number")
    assert "+8613812345678" in revealed.read_text()


def test_ics_same_uids_on_a_second_export(retiring, tmp_path):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    retiring("remind", "--ics", str(a))
    retiring("remind", "--ics", str(b))
    uids = [
        sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(p.read_bytes()).walk("VEVENT"))
        for p in (a, b)
    ]
    assert uids[0] == uids[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_install_prints_exactly_what_write_writes(retiring, tmp_path, monkeypatch, home, lang):
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("COLUMNS", "40")  # a narrow terminal wraps nothing that is to be copied
    out = retiring("remind", "--install", "--lang", lang).stdout
    assert "\\x0a" not in out
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    retiring("remind", "--install", "--write", "--lang", lang)
    folder = tmp_path / "config" / "systemd" / "user"
    written = {p.name: p.read_text() for p in folder.iterdir()}
    assert written
    for name, content in written.items():
        assert f"# {name}\n{content.rstrip()}\n" in out
    cron = next(line for line in out.splitlines() if "remind" in line and line.lstrip()[:1].isdigit())
    assert cron.startswith(tuple("0123456789")) and len(cron) > 40


def test_ics_into_a_missing_folder(retiring, tmp_path):
    assert (
        "no such folder"
        in retiring("remind", "--ics", str(tmp_path / "no" / "x.ics"), "--lang", "en", code=1).stderr
    )


def test_install_prints_entries_and_write_is_idempotent(retiring, tmp_path, monkeypatch, home):
    out = retiring("remind", "--install", "--lang", "en").stdout
    assert "OnCalendar" in out and "crontab" in out and "remind" in out
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    first = retiring("remind", "--install", "--write", "--lang", "en").stdout
    assert "Wrote" in first
    folder = tmp_path / "config" / "systemd" / "user"
    service = (folder / "numretire-remind.service").read_text()
    assert "ExecStart=" in service and "SuccessExitStatus=3" in service and str(home) in service
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    second = retiring("remind", "--install", "--write", "--lang", "en").stdout
    assert "nothing changed" in second
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert "--install" in retiring("remind", "--write", "--lang", "en", code=1).stderr
