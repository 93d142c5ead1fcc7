"""How to run `numretire remind` every day: a cron line, systemd user units or a launchd agent. Pure:
it returns the texts; the CLI prints them or (systemd) writes them."""

from __future__ import annotations

import shlex
from typing import NamedTuple

UNIT = "numretire-remind"
LAUNCHD_LABEL = "org.numretire.remind"


class Entry(NamedTuple):
    kind: str  # cron | systemd | launchd
    files: dict[str, str]  # file name (relative to its folder) -> content; empty for cron
    text: str  # what to paste or run


def command_line(argv: list[str], home: str | None) -> str:
    env = f"NUMRETIRE_HOME={shlex.quote(home)} " if home else ""
    return env + " ".join(shlex.quote(a) for a in argv)


def cron(argv: list[str], home: str | None) -> Entry:
    line = f"0 9 * * * {command_line(argv, home)}"
    return Entry("cron", {}, line)


def systemd(argv: list[str], home: str | None) -> Entry:
    environment = f'Environment="NUMRETIRE_HOME={home}"\n' if home else ""
    service = (
        "[Unit]\n"
        "Description=numretire: what is due for the numbers you are retiring\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{environment}"
        f"ExecStart={' '.join(shlex.quote(a) for a in argv)}\n"
        # exit 3 means "something is due": a reminder, not a failure
        "SuccessExitStatus=3\n"
    )
    timer = (
        "[Unit]\n"
        "Description=Run numretire remind every day\n\n"
        "[Timer]\n"
        "OnCalendar=*-*-* 09:00:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return Entry(
        "systemd",
        {f"{UNIT}.service": service, f"{UNIT}.timer": timer},
        f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer",
    )


def launchd(argv: list[str], home: str | None, log: str) -> Entry:
    from xml.sax.saxutils import escape

    args = "".join(f"    <string>{escape(a)}</string>\n" for a in argv)
    env = (
        f"  <key>EnvironmentVariables</key>\n  <dict>\n    <key>NUMRETIRE_HOME</key>\n"
        f"    <string>{escape(home)}</string>\n  </dict>\n"
        if home
        else ""
    )
    plist = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<plist version="1.0">\n<dict>\n'
        f"  <key>Label</key>\n  <string>{LAUNCHD_LABEL}</string>\n"
        f"  <key>ProgramArguments</key>\n  <array>\n{args}  </array>\n{env}"
        "  <key>StartCalendarInterval</key>\n  <dict>\n    <key>Hour</key>\n    <integer>9</integer>\n"
        "    <key>Minute</key>\n    <integer>0</integer>\n  </dict>\n"
        f"  <key>StandardOutPath</key>\n  <string>{escape(log)}</string>\n"
        "</dict>\n</plist>\n"
    )
    name = f"{LAUNCHD_LABEL}.plist"
    return Entry("launchd", {name: plist}, f"launchctl load ~/Library/LaunchAgents/{name}")


def for_platform(platform: str, argv: list[str], home: str | None, log: str) -> list[Entry]:
    """The entries that fit `platform` (sys.platform): launchd on macOS, systemd and cron elsewhere."""
    if platform == "darwin":
        return [launchd(argv, home, log), cron(argv, home)]
    return [systemd(argv, home), cron(argv, home)]
