from numretire import scheduler


def test_cron_line_quotes_paths_and_home():
    entry = scheduler.cron(["/opt/my tools/numretire", "remind"], "/home/a b/data")
    assert entry.text == "0 9 * * * NUMRETIRE_HOME='/home/a b/data' '/opt/my tools/numretire' remind"


def test_platforms():
    assert [e.kind for e in scheduler.for_platform("linux", ["numretire", "remind"], None, "/tmp/l")] == [
        "systemd",
        "cron",
    ]
    entries = scheduler.for_platform("darwin", ["numretire", "remind"], "/h", "/tmp/l")
    assert [e.kind for e in entries] == ["launchd", "cron"]
    plist = entries[0].files["org.numretire.remind.plist"]
    assert "<string>remind</string>" in plist and "NUMRETIRE_HOME" in plist


def test_systemd_units():
    entry = scheduler.systemd(["/usr/bin/numretire", "remind"], None)
    assert set(entry.files) == {"numretire-remind.service", "numretire-remind.timer"}
    assert "Environment" not in entry.files["numretire-remind.service"]
    assert "Persistent=true" in entry.files["numretire-remind.timer"]
