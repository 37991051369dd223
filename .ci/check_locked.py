"""Fail when an installed distribution that constraints.txt pins has another version than the pin."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)\s*(?:;\s*(.+))?$")


def main() -> int:
    """Compare every applicable pin with the installed version; print the mismatches."""
    lock = Path(__file__).resolve().parent.parent / "constraints.txt"
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong, checked = [], 0
    for line in lock.read_text().splitlines():
        match = PIN.match(line.strip())
        if not match:
            continue
        name, version, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        have = installed.get(canonicalize_name(name.split("[")[0]))
        if have is None:
            continue  # pinned for an extra this install did not ask for
        checked += 1
        if have != version:
            wrong.append(f"{name}: installed {have}, constraints.txt pins {version}")
    print(f"{checked} installed distributions match constraints.txt" if not wrong else "\n".join(wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
