"""Command line: ``python -m helpers check|accept|argdown [READING]``.

check   loads a reading (and, when present, its annotation files) and says what it found, or what is wrong.
accept  records the current essay file's checksum and size in reading.yml, after a deliberate edit.
argdown prints the argument map (argument.yml) in Argdown syntax, for other argument-mapping tools.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys

from .errors import HelperError
from .essay import DEFAULT_READING, load_essay, read_meta, reading_folder


def accept(reading: str) -> str:
    folder = reading_folder(reading)
    meta = read_meta(folder)
    data = (folder / meta["text_file"]).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    path = folder / "reading.yml"
    yml = path.read_text(encoding="utf-8")
    for key, value in (("sha256", digest), ("bytes", str(len(data)))):
        yml, n = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", yml)
        if n == 0:
            yml += f"\n{key}: {value}\n"
    path.write_text(yml, encoding="utf-8")
    return f"{path}: recorded sha256 {digest} and {len(data)} bytes. Annotations are re-checked on the next load."


def check(reading: str) -> str:
    essay = load_essay(reading)
    lines = [repr(essay)]
    try:
        from . import annotations
    except ImportError:  # annotations arrive with later notebooks
        return "\n".join(lines)
    from . import negatives
    for name, table in annotations.load_all(essay).items():
        if name != negatives.FILE:       # reported below, with what the register covers
            lines.append(f"{name}: {len(table)} rows, checked")
    if (essay.folder / negatives.FILE).is_file():
        lines.append(f"{negatives.FILE}: {len(negatives.check_register(essay))} rows, every negative statement registered")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "accept", "argdown"])
    parser.add_argument("reading", nargs="?", default=DEFAULT_READING)
    args = parser.parse_args(argv)
    try:
        if args.command == "argdown":
            from .argument import load_argument
            print(load_argument(load_essay(args.reading)).to_argdown(), end="")
        else:
            print(check(args.reading) if args.command == "check" else accept(args.reading))
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
