"""numretire at a real size: commands on big inventories as a ratio to a minimal typer+rich app.

Builds homes through numretire itself (`init` as a process, then the inventory API and the store:
never TOML written by hand) and times whole processes, paired and alternating with the baseline
(`bench/minimal_app.py status`), the median of each side (or the fastest, `--stat min`, on a machine
busy with other work; or `--clock cpu`, the CPU time of each process), the same way as bench/startup.py:

    one     1 number  x 500 items x 10 history events
    three   3 numbers x 500 items x 10 history events (the same number is the default)
    small   1 number  x 40 items

Targets (issue 15): on `three`, status <= 1.5x, list --json <= 1.8x, mark <= 2.0x; on `small`,
status <= 1.3x. The `growth` column is a command's time in `three` over the same command in `one`: a
command that reads only the profile it needs stays near 1.00.

    python bench/scale.py [--runs 11] [--stat median|min] [--clock wall|cpu] [--only COMMAND] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

LAUNCHER = "from numretire.cli import main; main()"
BASELINE = "import minimal_app; minimal_app.app()"
TARGET = "13812345678"  # the number every timed command is about
OTHERS = ["13912345678", "13712345678"]
# The outcomes an item goes through, round and round: 9 changes after the first 'open'.
CYCLE = ["moved", "open", "blocked", "open", "removed", "skipped", "open", "closed", "not-mine"]

# (home, command, numretire args, target or None)
CASES = [
    ("one", "status", ["status"], None),
    ("three", "status", ["status"], 1.5),
    ("one", "list --json", ["list", "--json"], None),
    ("three", "list --json", ["list", "--json"], 1.8),
    ("one", "mark", ["mark", "{item}", "{status}"], None),
    ("three", "mark", ["mark", "{item}", "{status}"], 2.0),
    ("small", "status", ["status"], 1.3),
]


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "NUMRETIRE_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # this checkout's numretire and the baseline, whatever the folder the runs start in
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(HERE.parent), *_PYTHONPATH])
    return env


_PYTHONPATH = [os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]


def build(home: Path, numbers: list[str], items: int, events: int) -> str:
    """Profiles for `numbers` (the first one the default), each with `items` items of `events` events.

    Returns the id of an item of the first number's that `mark` can change."""
    from numretire import catalog, inventory
    from numretire.model import Event
    from numretire.store import Store

    env = environment(home)
    for number in reversed(numbers):  # the last one started is the default
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, "init", number, "--cancel-on", "2027-06-30"],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
    services = sorted(s.id for s in catalog.load(home) if s.category != "carrier")
    store = Store(home)
    start = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    with store.locked():
        for number in numbers:
            profile = store.read_profile("+86" + number)
            have = {item.id for item in profile.items}
            wanted = [s for s in services if s not in have][: max(0, items - len(profile.items))]
            inventory.add_services(profile, wanted, start, origin="manual")
            n = 0
            while len(profile.items) < items:  # more items than the catalog has: the user's own
                n += 1
                inventory.add_custom(profile, f"Bench service {n}", "other", ["sms-login"], start)
            del profile.items[items:]
            for k, item in enumerate(profile.items):
                item.status, item.history = "open", [Event(start - timedelta(days=1), "open", "")]
                for j in range(events - 1):
                    status = CYCLE[(j + k) % len(CYCLE)]
                    at = start + timedelta(days=j, minutes=k)
                    note = f"step {j} of {item.id}" if status == "blocked" else ""
                    item.status = status  # as plan.set_status records it, even when unchanged
                    item.history.append(Event(at, status, note))
                    item.note = note or item.note
            store.save_profile(profile)
    return store.read_profile("+86" + numbers[0]).items[-1].id


CLOCK = "wall"


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """The wall time of one run of `cmd`, or with CLOCK 'cpu' the CPU time it used (user + system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return usage.ru_utime + usage.ru_stime if CLOCK == "cpu" else wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--small", type=int, default=40)
    parser.add_argument("--keep", metavar="DIR", help="build the homes here and keep them")
    parser.add_argument("--only", metavar="COMMAND", help="time only the commands starting so")
    parser.add_argument("--stat", choices=("median", "min"), default="median", help="min on a busy machine")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="cpu: the CPU time each process used, which other work on the machine changes less",
    )
    args = parser.parse_args()
    global CLOCK
    CLOCK = args.clock
    root = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp())
    root.mkdir(parents=True, exist_ok=True)
    previous = os.getcwd()
    os.chdir(root)  # `python -c` looks for modules in the current folder first: one of our own
    try:
        homes: dict[str, tuple[Path, str]] = {}
        for name, numbers, items in (
            ("one", [TARGET], args.items),
            ("three", [TARGET, *OTHERS], args.items),
            ("small", [TARGET], args.small),
        ):
            home = root / name
            shutil.rmtree(home, ignore_errors=True)
            homes[name] = (home, build(home, numbers, items, args.events))
        size = (homes["one"][0] / "profiles" / f"86{TARGET}.toml").stat().st_size
        print(
            f"one profile: {args.items} items x {args.events} events, {size / 1024:.0f} KiB; "
            f"runs: {args.runs}, {args.stat} {args.clock} time"
        )
        baseline = [sys.executable, "-c", BASELINE, "status"]
        base_env = environment(root)
        print(
            f"{'home':<6} {'command':<12} {'numretire':>10} {'baseline':>10} {'ratio':>7} "
            f"{'target':>7} {'growth':>7}"
        )
        medians: dict[tuple[str, str], float] = {}
        for home_name, command, template, target in CASES:
            if args.only and not command.startswith(args.only):
                continue
            home, item = homes[home_name]
            env = environment(home)
            runs = iter(range(10**6))

            def ours(template=template, item=item, runs=runs) -> list[str]:
                status = ("moved", "open")[next(runs) % 2]  # every mark changes the file
                return [
                    sys.executable,
                    "-c",
                    LAUNCHER,
                    *(a.format(item=item, status=status) for a in template),
                ]

            a, b = [], []
            for _ in range(2):  # warm the file cache and the bytecode
                timed(ours(), env)
                timed(baseline, base_env)
            for i in range(args.runs):
                if i % 2:
                    a.append(timed(ours(), env))
                    b.append(timed(baseline, base_env))
                else:
                    b.append(timed(baseline, base_env))
                    a.append(timed(ours(), env))
            pick = min if args.stat == "min" else statistics.median
            mine, theirs = pick(a), pick(b)
            medians[home_name, command] = mine
            ratio = mine / theirs
            growth = ""
            if home_name == "three" and ("one", command) in medians:
                growth = f"{mine / medians['one', command]:.2f}x"
            goal = f"{target:.2f}x" if target else ""
            flag = "" if target is None else ("ok" if ratio <= target else "OVER")
            print(
                f"{home_name:<6} {command:<12} {mine * 1000:>8.0f}ms {theirs * 1000:>8.0f}ms "
                f"{ratio:>6.2f}x {goal:>7} {growth:>7} {flag}"
            )
    finally:
        os.chdir(previous)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
