"""Launch links: Binder badges for every notebook and nbgitpuller links for a JupyterHub, on or off.

The repository and branch live in one place, launch.yml. While it names no repository, links are *off*:
no badge or launch link is rendered anywhere (a link to a repository that does not exist fails in front
of a group). ``python -m tools.links`` (``make links``) turns them on:

    make links                          # the GitHub repository this clone came from (git remote origin)
    make links REPO=owner/name          # or name it (your fork)
    make links BRANCH=dev HUB=https://hub.example.org   # another branch; print nbgitpuller links too
    python -m tools.links --off         # links off again

``tools.links`` records the repository in launch.yml and re-applies the generated cells and the README table
(tools/cells.py), which hold every link. No saved notebook output depends on the repository, so the
committed notebooks stay valid for nbval without re-running them.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import yaml

from helpers.errors import HelperError
from helpers.essay import PROJECT

LAUNCH = PROJECT / "launch.yml"
NOTEBOOKS = PROJECT / "notebooks"
BADGE_IMAGE = "https://mybinder.org/badge_logo.svg"
BADGE_RE = re.compile(r"\[!\[Launch on Binder\]\([^)]*\)\]\(https://mybinder\.org/v2/gh/[^)]*\)")
_SLUG = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
# owner names that stand for "someone" in documentation: never a repository to launch
PLACEHOLDER_OWNERS = {"owner", "your-name", "your-org", "you", "me", "user", "username", "example", "someone", "name"}
_GITHUB = re.compile(r"^(?:https?://(?:[^@/]+@)?github\.com/|ssh://git@github\.com/|git@github\.com:)"
                     r"(?P<slug>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$")


def is_placeholder(repo: str) -> bool:
    """True for a documentation stand-in such as OWNER/we-are-losing-study."""
    return repo.split("/")[0].lower() in PLACEHOLDER_OWNERS


def settings(path: Path | None = None) -> dict:
    """launch.yml as ``{"repository": "owner/name" or None, "branch": "main"}``; None means links are off."""
    path = path or LAUNCH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HelperError(path, f"cannot be read ({exc}).", "restore it with `git checkout -- launch.yml`.") from None
    if not isinstance(data, dict) or not isinstance(data.get("branch"), str) or not data["branch"].strip():
        raise HelperError(path, "needs 'repository: owner/name' (or empty) and 'branch: name'.",
                          "restore it with `git checkout -- launch.yml`, then run `make links`.")
    repo = data.get("repository") or None
    if repo is not None and (not isinstance(repo, str) or not _SLUG.match(repo) or is_placeholder(repo)):
        raise HelperError(path, f"repository {repo!r} is not a real GitHub owner/name.",
                          "run `make links REPO=owner/name` with your repository, or empty the line to turn links off.",
                          "repository")
    return {"repository": repo, "branch": data["branch"].strip()}


def binder_url(notebook: str, repo: str, branch: str) -> str:
    """JupyterLab on Binder, opened on this notebook (the labpath= form)."""
    return f"https://mybinder.org/v2/gh/{repo}/{branch}?labpath={quote('notebooks/' + notebook, safe='')}"


def badge(notebook: str, repo: str, branch: str) -> str:
    """The Markdown for a 'Launch on Binder' badge that opens ``notebook``."""
    return f"[![Launch on Binder]({BADGE_IMAGE})]({binder_url(notebook, repo, branch)})"


def nbgitpuller_url(hub: str, notebook: str, repo: str, branch: str) -> str:
    """A link that clones (or updates) the repository on a JupyterHub and opens the notebook in JupyterLab.

    nbgitpuller's documented form: ``HUB/hub/user-redirect/git-pull?repo=URL&urlpath=lab/tree/NAME/PATH&branch=B``
    (NAME is the folder nbgitpuller clones into: the repository's name).
    """
    name = repo.split("/")[1]
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote('https://github.com/' + repo, safe='')}"
            f"&urlpath={quote(f'lab/tree/{name}/notebooks/{notebook}', safe='')}&branch={quote(branch, safe='')}")


def notebooks(folder: Path | None = None) -> list[Path]:
    return sorted((folder or NOTEBOOKS).glob("[0-9][0-9]_*.ipynb"))


def github_origin(cwd: Path = PROJECT) -> str | None:
    """owner/name of ``git remote get-url origin`` when it is a GitHub address, else None."""
    try:
        url = subprocess.run(["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True, text=True,
                             encoding="utf-8", check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    m = _GITHUB.match(url)
    return m.group("slug") if m else None


def record(repo: str | None, branch: str, path: Path | None = None) -> None:
    """Write the repository (empty for off) and branch into launch.yml, keeping its comments."""
    path = path or LAUNCH
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^repository:.*$", f"repository: {repo or ''}".rstrip(), text)
    text = re.sub(r"(?m)^branch:.*$", f"branch: {branch}", text)
    path.write_text(text, encoding="utf-8")


def choose_repo(given: str | None, current: str | None, origin: str | None) -> str:
    """The repository to turn links on for: the one given, else the GitHub origin, else the current one."""
    repo = given or origin or current
    if repo is None:
        raise HelperError("make links", "found no GitHub repository: this clone's origin is not on GitHub "
                          "and launch.yml names none.", "name it: `make links REPO=owner/name`.")
    if not _SLUG.match(repo):
        raise HelperError("REPO", f"{repo!r} is not owner/name.",
                          "give it as owner/name, e.g. `make links REPO=my-org/we-are-losing-study`.")
    if is_placeholder(repo):
        raise HelperError("REPO", f"{repo!r} is a placeholder, not a repository.",
                          "give your real GitHub owner/name, e.g. `make links REPO=my-org/we-are-losing-study`.")
    return repo
