"""``python -m tools.hub_sizing [--write]``: the hub sizing computed from hub/measured.yml, and the numbers in
hub/z2jh-config.yaml checked against it (``--write`` rewrites them there).

The rule and the texts are ``hub_sizing`` in seeds/we-are-losing/facilitation.yml; the computation is
``helpers.workshop.hub_sizing``. Prints the table for the group sizes and what differs in the configuration.
"""
from __future__ import annotations

import argparse
import re
import sys

import yaml

from helpers import load_essay, workshop
from helpers.errors import HelperError
from helpers.essay import PROJECT

CONFIG = PROJECT / workshop.HUB_CONFIG
# (the number in the configuration, a pattern whose last group is the number)
PLACES = {
    "memory guarantee": r"(\n  memory:\n    guarantee: )(\S+)",
    "memory limit": r"(\n  memory:\n    guarantee: \S+\n    limit: )(\S+)",
    "processor guarantee": r"(\n  cpu:\n    guarantee: )(\S+)",
    "processor limit": r"(\n  cpu:\n    guarantee: \S+\n    limit: )(\S+)",
    "idle time": r"(\ncull:\n  enabled: true\n  timeout: )(\S+)",
}


def wanted(sizing: dict) -> dict[str, str]:
    """The configuration's numbers as the sizing computes them, written as the configuration writes them."""
    p = sizing["per_participant"]
    return {"memory guarantee": f"{p['memory_guarantee_mb']}M", "memory limit": f"{p['memory_limit_mb']}M",
            "processor guarantee": f"{p['cpu_guarantee']:g}", "processor limit": f"{p['cpu_limit']:g}",
            "idle time": str(sizing["cull_idle_minutes"] * 60)}


def found(text: str) -> dict[str, str | None]:
    """The numbers the configuration holds (None where its shape is not the expected one)."""
    return {name: (m.group(2) if (m := re.search(pattern, text)) else None) for name, pattern in PLACES.items()}


def differences(sizing: dict, text: str) -> list[str]:
    have = found(text)
    return [f"{name}: the configuration says {have[name]}, the measurement gives {want}"
            for name, want in wanted(sizing).items() if have[name] != want]


def write(sizing: dict, text: str) -> str:
    for name, want in wanted(sizing).items():
        text = re.sub(PLACES[name], lambda m: m.group(1) + want, text, count=1)
    yaml.safe_load(text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.hub_sizing", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the numbers in hub/z2jh-config.yaml")
    args = parser.parse_args(argv)
    try:
        sizing = workshop.hub_sizing(load_essay())
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(sizing["table"].to_string(index=False))
    text = CONFIG.read_text(encoding="utf-8")
    if args.write:
        CONFIG.write_text(write(sizing, text), encoding="utf-8")
        text = CONFIG.read_text(encoding="utf-8")
    problems = differences(sizing, text)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print("Run `python -m tools.hub_sizing --write` to put the measured numbers in the configuration.",
              file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
