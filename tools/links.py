"""``make links``: turn the launch links on (or off) everywhere, from launch.yml.

Records the repository in launch.yml (tools/launch.py holds the rules) and re-applies the generated cells
and the README table (tools/cells.py). Kept apart from both so that neither imports the other's command.
"""
from __future__ import annotations

import argparse
import sys

from helpers.errors import HelperError
from helpers.essay import PROJECT
from tools import cells, launch
from tools.hub import probe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.links", description=launch.__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", help="GitHub repository, owner/name (default: this clone's GitHub origin)")
    parser.add_argument("--branch", help="branch to launch (default: as in launch.yml)")
    parser.add_argument("--hub", help="a JupyterHub address, to print nbgitpuller links for it")
    parser.add_argument("--off", action="store_true", help="turn every launch link off")
    args = parser.parse_args(argv)
    try:
        current = launch.settings()
        branch = args.branch or current["branch"]
        repo = None if args.off else launch.choose_repo(args.repo, current["repository"], launch.github_origin())
        launch.record(repo, branch)
        for path in cells.apply_all():
            print(f"rewrote {path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path}")
        if repo is None:
            print("Launch links are off (launch.yml names no repository).")
            return 0
        print(f"Launch links point at {repo}, branch {branch}. Commit and push to publish them.")
        # a hub that does not answer gets no links: the facilitator hears what to do instead
        hub_problem = probe(args.hub) if args.hub else None
        for path in launch.notebooks():
            print(f"{path.name}\n  Binder: {launch.binder_url(path.name, repo, branch)}")
            if args.hub and not hub_problem:
                print(f"  JupyterHub: {launch.nbgitpuller_url(args.hub, path.name, repo, branch)}")
        if hub_problem:
            print(f"JupyterHub links not printed. {hub_problem}", file=sys.stderr)
            return 1
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
