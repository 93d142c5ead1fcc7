"""What the import benches share: each side runs in a fresh child process (the bench script itself,
called with `--child MODE PATH`, printing one JSON line), and the best of alternating runs is kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(
    script: str, mode: str, path: Path, env: dict[str, str], prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run `script --child mode path` in a fresh interpreter (under `prefix`, a tool such as
    valgrind, when given); its finished process, output captured."""
    return subprocess.run(
        [*prefix, sys.executable, script, "--child", mode, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def run_child(script: str, mode: str, path: Path, env: dict[str, str]) -> dict[str, float]:
    """Run `script --child mode path` in a fresh interpreter; its JSON line as a dict."""
    return json.loads(run(script, mode, path, env).stdout)


def measure(
    script: str, pair: tuple[str, str], path: Path, runs: int, env: dict[str, str]
) -> tuple[dict, dict]:
    """The best (fastest) run of each side of `pair`, alternating them."""
    best: dict[str, dict] = {}
    for _ in range(runs):
        for mode in pair:
            result = run_child(script, mode, path, env)
            if mode not in best or result["seconds"] < best[mode]["seconds"]:
                best[mode] = result
    return best[pair[0]], best[pair[1]]
