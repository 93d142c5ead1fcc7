"""Rebuild checklists/reference/2fa-directory.json from a local clone of 2factorauth/twofactorauth.

Keeps facts only: for every domain (main and additional) the sign-in methods its entry lists. The
catalog lint compares global entries' SMS flags with it. Usage:
    python scripts/update_2fa_snapshot.py PATH-TO-CLONE
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "checklists" / "reference" / "2fa-directory.json"


def main(clone: str) -> None:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", clone, *args], check=True, capture_output=True, text=True).stdout

    commit = git("rev-parse", "HEAD").strip()
    names = [n for n in git("ls-tree", "-r", "--name-only", "HEAD", "entries").split() if n.endswith(".json")]
    methods: dict[str, list[str]] = {}
    for name in names:
        doc = json.loads(git("show", f"HEAD:{name}"))
        for entry in doc.values():
            tfa = sorted(entry.get("tfa", []))
            for domain in (entry.get("domain"), *entry.get("additional-domains", [])):
                if domain:
                    methods[domain.lower()] = tfa
    snapshot = {
        "source": f"repo:2factorauth/twofactorauth:entries@{commit}",
        "about": "domain -> the sign-in methods (tfa) its 2fa.directory entry lists",
        "methods": dict(sorted(methods.items())),
    }
    OUT.write_text(json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n")
    print(f"{len(methods)} domains from {len(names)} entries at {commit}")


if __name__ == "__main__":
    main(sys.argv[1])
