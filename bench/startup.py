"""Start-up time of numretire commands as a ratio to a minimal typer+rich app, measured in the same run.

Paired, alternating runs with the same interpreter; the median wall time of each side. Both sides run
from bytecode, as after a real install (pip compiles it): PYTHONDONTWRITEBYTECODE is dropped and the
warm-up runs write it. Targets (from the issues): --version <= 1.15x, status <= 1.3x, catalog search
<= 1.5x.

    python bench/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAUNCHER = "from numretire.cli import main; main()"
BASELINE = "import minimal_app; minimal_app.app()"

CASES = [
    ("--version", ["--version"], ["--version"], 1.15),
    ("status", ["status"], ["status"], 1.30),
    ("catalog search", ["catalog", "search", "alipay"], ["search", "alipay"], 1.50),
]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "NUMRETIRE_HOME": home, "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        numretire = [sys.executable, "-c", LAUNCHER]
        baseline = [sys.executable, "-c", BASELINE]
        setup = [
            ["init", "13812345678", "--new", "13987654321", "--cancel-on", "2027-01-31"],
            ["add", "alipay", "wechat", "meituan", "icbc", "taobao", "jd", "didi"],
            ["mark", "wechat", "moved"],
            ["status"],
        ]
        for step in setup:  # the last one builds the catalog cache, as any first run does
            subprocess.run(numretire + step, env=env, stdout=subprocess.DEVNULL, check=True)
        worst = 0.0
        print(f"{'command':<16} {'numretire':>10} {'baseline':>10} {'ratio':>7} {'target':>7}")
        for name, ours, theirs, target in CASES:
            a, b = [], []
            for _ in range(3):  # warm the file cache
                timed(numretire + ours, env)
                timed(baseline + theirs, env)
            for i in range(args.runs):
                if i % 2:
                    a.append(timed(numretire + ours, env))
                    b.append(timed(baseline + theirs, env))
                else:
                    b.append(timed(baseline + theirs, env))
                    a.append(timed(numretire + ours, env))
            ratio = statistics.median(a) / statistics.median(b)
            worst = max(worst, ratio / target)
            flag = "ok" if ratio <= target else "OVER"
            print(
                f"{name:<16} {statistics.median(a) * 1000:>8.1f}ms {statistics.median(b) * 1000:>8.1f}ms "
                f"{ratio:>6.2f}x {target:>6.2f}x {flag}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
