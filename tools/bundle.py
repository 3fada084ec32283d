"""``make bundle``: the project as one zip to carry on a USB stick or a shared drive.

Writes build/we-are-losing-study.zip from the committed files (``git archive HEAD``), so nothing local
(build/, .venv, notebook checkpoints, uncommitted edits) goes in. This is the route that needs no public
repository: publishing the project (public GitHub, Binder) redistributes the essay, whose rights stay
with its authors. Participants unzip the bundle and follow the local route of the setup page (B or C).

    python -m tools.bundle [--out build/we-are-losing-study.zip] [--ref HEAD]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from helpers.essay import PROJECT

NAME = "we-are-losing-study"
DEFAULT_OUT = PROJECT / "build" / f"{NAME}.zip"


def bundle(out: Path = DEFAULT_OUT, ref: str = "HEAD", project: Path = PROJECT) -> Path:
    """Write the committed files at ``ref`` to ``out`` as a zip whose files sit in one folder, NAME/."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["git", "archive", "--format=zip", f"--prefix={NAME}/", "-o", str(out.resolve()), ref],
                       cwd=project, check=True, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise SystemExit("make bundle needs git (the bundle holds the committed files). Install git, "
                         "or zip the project folder by hand without build/ and .venv/.") from None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"git archive failed in {project}: {exc.stderr.strip()}\n"
                         "Run it inside a git clone of the project, with at least one commit.") from None
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bundle", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the zip")
    parser.add_argument("--ref", default="HEAD", help="the commit to bundle (default: HEAD)")
    args = parser.parse_args(argv)
    path = bundle(args.out, args.ref)
    shown = path.resolve().relative_to(PROJECT) if path.resolve().is_relative_to(PROJECT) else path
    print(f"wrote {shown} ({path.stat().st_size // 1024} KB): the committed files only. Copy it to a USB "
          "stick or a shared drive; participants unzip it and follow the local route (B or C) of the setup page.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
