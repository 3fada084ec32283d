"""Which Pythons the pinned learner requirements install on, as wheels, on Windows, macOS and Linux.

Asks PyPI (``pip download --only-binary=:all:`` for another platform and Python; nothing is installed), so
it needs a connection; run it when a pin changes, then make pyproject.toml's ``requires-python`` say the range
it prints (tests/test_python_range.py keeps the README, the Makefile, the setup page and CI in step with it).

    python -m tools.python_range [--pythons 3.10 3.11 …]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PLATFORMS = {
    "Linux": ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_27_x86_64",
              "manylinux_2_24_x86_64"],
    "Windows": ["win_amd64"],
    "macOS": ["macosx_14_0_arm64", "macosx_11_0_arm64", "macosx_12_0_arm64", "macosx_13_0_arm64"],
}


def requirement_lines() -> list[str]:
    """The pinned lines of requirements.txt plus the pins of pytest and nbval (the CI matrix adds them)."""
    lines = []
    for name, keep in (("requirements.txt", None), ("requirements-dev.txt", ("pytest==", "nbval=="))):
        for line in (PROJECT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-") and (keep is None or line.startswith(keep)):
                lines.append(line)
    return lines


def installs(python: str, platform: str) -> tuple[bool, str]:
    """Whether every pin (and its dependencies) has a wheel for this Python and platform; the first failure."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--only-binary=:all:", "--python-version", python, "--dest", tmp]
        for tag in PLATFORMS[platform]:
            cmd += ["--platform", tag]
        done = subprocess.run(cmd + requirement_lines(), capture_output=True, text=True, encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) // 2**20
    if done.returncode == 0:
        return True, f"{size} MB"
    reason = next((line for line in done.stderr.splitlines() if "No matching distribution" in line
                   or "requires a different Python" in line), done.stderr.strip().splitlines()[-1:] or [""])
    return False, reason if isinstance(reason, str) else reason[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.python_range", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pythons", nargs="+", default=["3.10", "3.11", "3.12", "3.13", "3.14", "3.15"])
    args = parser.parse_args(argv)
    good = []
    for python in args.pythons:
        results = {platform: installs(python, platform) for platform in PLATFORMS}
        ok = all(r[0] for r in results.values())
        good += [python] if ok else []
        print(f"Python {python}: " + "; ".join(f"{p} {'yes' if r[0] else 'NO'} ({r[1]})" for p, r in results.items()),
              flush=True)
    if good:
        print(f"installs on Python {good[0]} to {good[-1]}: requires-python = \">={good[0]},<3.{int(good[-1].split('.')[1]) + 1}\"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
