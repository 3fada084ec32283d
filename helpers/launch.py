"""Launch links: a Binder badge for every notebook and nbgitpuller links for a JupyterHub.

The repository and branch live in one place, launch.yml. ``python -m helpers.launch --repo OWNER/NAME
[--branch main]`` records a fork there and rewrites every link (README and each notebook's badge);
``--hub https://hub.example.org`` also prints nbgitpuller links for that JupyterHub.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import quote

import nbformat
import yaml

from .errors import HelperError
from .essay import PROJECT

LAUNCH = PROJECT / "launch.yml"
README = PROJECT / "README.md"
NOTEBOOKS = PROJECT / "notebooks"
BADGE_IMAGE = "https://mybinder.org/badge_logo.svg"
BADGE_RE = re.compile(r"\[!\[Launch on Binder\]\([^)]*\)\]\(https://mybinder\.org/v2/gh/[^)]*\)")
_SLUG = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def settings(path: Path | None = None) -> dict:
    path = path or LAUNCH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HelperError(path, f"cannot be read ({exc}).", "restore it with `git checkout -- launch.yml`.") from None
    if (not isinstance(data, dict) or not isinstance(data.get("repository"), str) or not _SLUG.match(data["repository"])
            or not isinstance(data.get("branch"), str) or not data["branch"].strip()):
        raise HelperError(path, "needs 'repository: owner/name' and 'branch: name'.",
                          "run `python -m helpers.launch --repo OWNER/NAME --branch main`.")
    return data


def binder_url(notebook: str, repo: str, branch: str) -> str:
    """JupyterLab on Binder, opened on this notebook (the labpath= form)."""
    return f"https://mybinder.org/v2/gh/{repo}/{branch}?labpath={quote('notebooks/' + notebook, safe='')}"


def badge(notebook: str, repo: str, branch: str) -> str:
    return f"[![Launch on Binder]({BADGE_IMAGE})]({binder_url(notebook, repo, branch)})"


def nbgitpuller_url(hub: str, notebook: str, repo: str, branch: str) -> str:
    """A link that clones (or updates) the repository on a JupyterHub and opens the notebook in JupyterLab."""
    name = repo.split("/")[1]
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote('https://github.com/' + repo, safe='')}"
            f"&urlpath={quote(f'lab/tree/{name}/notebooks/{notebook}', safe='')}&branch={quote(branch, safe='')}")


def notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def rewrite(repo: str, branch: str) -> list[Path]:
    """Point every badge (README and notebooks) at repo/branch; return the files changed."""
    changed = []
    readme = README.read_text(encoding="utf-8")
    new = BADGE_RE.sub(badge("00_start_here.ipynb", repo, branch), readme, count=1)
    if new != readme:
        README.write_text(new, encoding="utf-8")
        changed.append(README)
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        first = nb.cells[0]
        new = BADGE_RE.sub(badge(path.name, repo, branch), first.source, count=1)
        if new != first.source:
            first.source = new
            text = nbformat.writes(nb)
            path.write_bytes((text if text.endswith("\n") else text + "\n").encode("utf-8"))
            changed.append(path)
    return changed


def record(repo: str, branch: str, path: Path | None = None) -> None:
    path = path or LAUNCH
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^repository:.*$", f"repository: {repo}", text)
    text = re.sub(r"(?m)^branch:.*$", f"branch: {branch}", text)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.launch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", help="GitHub repository, owner/name (e.g. your fork)")
    parser.add_argument("--branch", help="branch to launch (default: as in launch.yml)")
    parser.add_argument("--hub", help="a JupyterHub address, to print nbgitpuller links for it")
    args = parser.parse_args(argv)
    try:
        current = settings()
        repo, branch = args.repo or current["repository"], args.branch or current["branch"]
        if not _SLUG.match(repo):
            raise HelperError("--repo", f"{repo!r} is not owner/name.", "give it as owner/name, e.g. my-org/we-are-losing-study.")
        if (repo, branch) != (current["repository"], current["branch"]):
            record(repo, branch)
            for path in rewrite(repo, branch):
                print(f"rewrote {path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path}")
        for path in notebooks():
            print(f"{path.name}\n  Binder: {binder_url(path.name, repo, branch)}")
            if args.hub:
                print(f"  JupyterHub: {nbgitpuller_url(args.hub, path.name, repo, branch)}")
    except HelperError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
