"""The cold catalog cache rebuild against the size of a user's catalog file: linear, not quadratic.

Builds user catalog files of N and 10×N entries in temporary homes and times `catalog.load` with no
cache (best of a few runs). A linear rebuild takes about 10× as long for 10× the entries once the
shipped catalog's own share is taken out; the quadratic one it replaced (every entry's line found by
rescanning the file) took about 100× (39 s for 2,000 entries).

    python bench/catalog_rebuild.py [--entries 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ENTRY = """
[[service]]
id = "bench-{n}"
name = {{ zh = "服务{n}", en = "Service {n}" }}
category = "other"
regions = ["CN"]
popularity = 1
flags = ["sms-login"]
verified = false
source = ["https://example.org/{n}"]
checked = 2026-12-02

[service.change]
zh = ["在 App 的安全设置中更换手机号"]
en = ["Change the number in the app's security settings"]

[service.aliases]
domains = ["bench{n}.example"]
"""


def cold_load(entries: int, runs: int) -> float:
    from numretire import catalog

    home = Path(tempfile.mkdtemp())
    try:
        (home / "checklists").mkdir()
        text = "schema = 1\n" + "".join(ENTRY.format(n=n) for n in range(entries))
        (home / "checklists" / "bench.toml").write_text(text, encoding="utf-8")
        best = float("inf")
        for _ in range(runs):
            shutil.rmtree(home / "cache", ignore_errors=True)
            start = time.perf_counter()
            catalog.load(home)
            best = min(best, time.perf_counter() - start)
        return best
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    shipped = cold_load(0, args.runs)
    small = cold_load(args.entries, args.runs)
    large = cold_load(args.entries * 10, args.runs)
    ratio = (large - shipped) / max(small - shipped, 1e-9)
    print(f"shipped catalog alone: {shipped:.2f} s")
    print(f"{args.entries} user entries: {small:.2f} s; {args.entries * 10}: {large:.2f} s")
    print(f"10x the entries cost {ratio:.1f}x the time (linear: about 10; quadratic: about 100)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
