"""Launch links: never one to a placeholder or an unpublished repository, all of them right once turned on.

The real check of `make links` runs it on a copy of the project (as a facilitator would in a clone of their
fork, with no argument: the repository comes from `git remote get-url origin`), then the notebook tests' checks
there, in this process (links leave every code cell as committed, so nbval's part holds; no pytest inside pytest).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import nbformat
import pytest

import helpers
from tools import launch

PROJECT = Path(__file__).resolve().parent.parent
BINDER_LINK = re.compile(r"mybinder\.org/v2/gh/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/([^?\s)\"']+)\?labpath=([^)\s\"']+)")
HUB_LINK = re.compile(r"git-pull\?repo=https%3A%2F%2Fgithub\.com%2F([A-Za-z0-9_.-]+)%2F([A-Za-z0-9_.-]+)")
FORK = "a-facilitator/study-fork"
# tests and the code that builds links may name fictional forks; every other file names launch.yml's repository
MAY_NAME_OTHER_REPOS = ("tests/", "tools/launch.py")


def tracked_files(root: Path) -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root, capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        return [root / line for line in out.stdout.splitlines() if (root / line).is_file()]
    skip = {".git", ".venv", "build", "__pycache__", ".hypothesis"}
    return [p for p in root.rglob("*") if p.is_file() and not skip & set(p.relative_to(root).parts)]


def launch_links(files: list[Path], root: Path) -> list[tuple[str, str, str]]:
    """(file, repository, notebook or '') for every Binder or nbgitpuller link in the files."""
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        rel = path.relative_to(root).as_posix()
        found += [(rel, m.group(1), unquote(m.group(3))) for m in BINDER_LINK.finditer(text)]
        found += [(rel, f"{m.group(1)}/{m.group(2)}", "") for m in HUB_LINK.finditer(text)]
    return found


def check_links(files: list[Path], root: Path, repo: str | None) -> list[tuple[str, str, str]]:
    links = launch_links(files, root)
    for rel, linked, _ in links:
        assert not launch.is_placeholder(linked), f"{rel}: a launch link to the placeholder {linked}; run `make notebooks`"
        if not rel.startswith(MAY_NAME_OTHER_REPOS):
            assert linked == repo, (f"{rel}: a launch link to {linked}, but launch.yml names {repo or 'no repository'}; "
                                    f"run `make links` (or `make notebooks` to apply launch.yml)")
    return links


def test_the_link_finder_finds_links(tmp_path):
    """The control for the greps below: a placeholder badge is found, and refused."""
    text = launch.badge("03_timeline.ipynb", "OWNER/we-are-losing-study", "main")
    text += "\n" + launch.nbgitpuller_url("https://hub.example.org", "03_timeline.ipynb", "OWNER/x", "main")
    tmp = tmp_path / "control.md"
    tmp.write_text(text, encoding="utf-8")
    assert [(r, n) for _, r, n in launch_links([tmp], tmp_path)] == [
        ("OWNER/we-are-losing-study", "notebooks/03_timeline.ipynb"), ("OWNER/x", "")]
    with pytest.raises(AssertionError, match="placeholder"):
        check_links([tmp], tmp_path, None)


def test_no_file_in_the_repository_has_a_launch_link_it_should_not():
    repo = launch.settings()["repository"]
    links = check_links(tracked_files(PROJECT), PROJECT, repo)
    if repo is None:
        assert not [link for link in links if not link[0].startswith(MAY_NAME_OTHER_REPOS)]


def test_no_built_handout_has_a_launch_link_it_should_not(editions_built):
    files = [p for p in editions_built.rglob("*") if p.is_file() and p.suffix in (".html", ".ipynb")]
    assert len(files) > 10
    links = check_links(files, editions_built, launch.settings()["repository"])
    if launch.settings()["repository"] is None:
        assert links == []


def test_links_are_off_while_launch_yml_names_no_repository(tmp_path):
    path = tmp_path / "launch.yml"
    path.write_text("repository:\nbranch: main\n")
    assert launch.settings(path) == {"repository": None, "branch": "main"}
    path.write_text("repository: OWNER/we-are-losing-study\nbranch: main\n")
    with pytest.raises(launch.HelperError, match="not a real GitHub owner/name"):
        launch.settings(path)


@pytest.mark.parametrize("url, slug", [
    ("https://github.com/a-facilitator/study-fork.git", "a-facilitator/study-fork"),
    ("https://github.com/a-facilitator/study-fork", "a-facilitator/study-fork"),
    ("git@github.com:a-facilitator/study-fork.git", "a-facilitator/study-fork"),
    ("ssh://git@github.com/a-facilitator/study-fork.git", "a-facilitator/study-fork"),
    ("https://gitlab.com/a-facilitator/study-fork.git", None),
    ("/srv/git/study.git", None),
])
def test_the_origin_is_read_when_it_is_on_github(tmp_path, url, slug):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "remote", "add", "origin", url], cwd=tmp_path, check=True)
    assert launch.github_origin(tmp_path) == slug


def test_choosing_the_repository():
    assert launch.choose_repo("my-org/study", None, "other/fork") == "my-org/study"
    assert launch.choose_repo(None, "my-org/study", "other/fork") == "other/fork"
    assert launch.choose_repo(None, "my-org/study", None) == "my-org/study"
    for bad, message in (("OWNER/we-are-losing-study", "placeholder"), ("not a slug", "not owner/name")):
        with pytest.raises(launch.HelperError, match=message):
            launch.choose_repo(bad, None, None)
    with pytest.raises(launch.HelperError, match="make links REPO=owner/name"):
        launch.choose_repo(None, None, None)


def test_binder_and_nbgitpuller_links_have_the_documented_form():
    """Binder: /v2/gh/OWNER/REPO/BRANCH?labpath=PATH. nbgitpuller (its documentation's link form):
    HUB/hub/user-redirect/git-pull?repo=URL&urlpath=lab/tree/REPO-NAME/PATH&branch=BRANCH, each value URL-encoded."""
    url = launch.binder_url("03_timeline.ipynb", "my-org/fork", "dev")
    assert url == "https://mybinder.org/v2/gh/my-org/fork/dev?labpath=notebooks%2F03_timeline.ipynb"
    raw = launch.nbgitpuller_url("https://hub.example.org/", "03_timeline.ipynb", "my-org/fork", "dev")
    pull = urlparse(raw)
    assert pull.scheme == "https" and pull.netloc == "hub.example.org" and pull.path == "/hub/user-redirect/git-pull"
    assert parse_qs(pull.query) == {"repo": ["https://github.com/my-org/fork"],
                                    "urlpath": ["lab/tree/fork/notebooks/03_timeline.ipynb"], "branch": ["dev"]}
    assert [kv.split("=")[0] for kv in pull.query.split("&")] == ["repo", "urlpath", "branch"]
    assert "/" not in pull.query.split("urlpath=")[1].split("&")[0], "values are URL-encoded"


def make_copy(dest: Path) -> Path:
    for path in tracked_files(PROJECT):
        target = dest / path.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "remote", "add", "origin", f"https://github.com/{FORK}.git"], cwd=dest, check=True)
    return dest


def make_links(copy: Path, *args: str) -> subprocess.CompletedProcess:
    """`make links` in the copy, with this test run's environment (its install stamps taken as up to date)."""
    venv = Path(sys.prefix)
    cmd = ["make", "-s", "links", f"VENV={venv}", "-o", f"{venv}/.installed", "-o", f"{venv}/.installed-dev", *args]
    return subprocess.run(cmd, cwd=copy, capture_output=True, text=True)


def test_make_links_on_a_copy_then_the_notebook_tests_there(tmp_path):
    copy = make_copy(tmp_path / "project")
    done = make_links(copy)                        # no REPO: read from the clone's GitHub origin
    assert done.returncode == 0, done.stderr + done.stdout
    assert launch.settings(copy / "launch.yml") == {"repository": FORK, "branch": "main"}
    files = tracked_files(copy)
    links = check_links(files, copy, FORK)
    notebooks = [p.name for p in launch.notebooks(copy / "notebooks")]
    for name in notebooks:   # a badge atop each notebook, in the README table and the facilitator guide
        where = {rel for rel, _, nb in links if nb == f"notebooks/{name}"}
        assert {f"notebooks/{name}", "README.md", "notebooks/05_facilitator_guide.ipynb"} <= where, (name, where)
    assert make_links(copy).stdout.count("rewrote") == 0, "make links twice changes nothing the second time"
    # nbval on the linked notebooks gives what it gives on the committed ones (run in this same test run):
    # links change Markdown only, and nbval compares code cells, which a kernel runs with the helpers installed
    # in this environment (the project's own, not the copy's). So the code cells are held identical here,
    # in-process, instead of executing every notebook a second time under a nested nbval.
    for path in launch.notebooks(copy / "notebooks"):
        linked, committed = (nbformat.read(p, as_version=4) for p in (path, PROJECT / "notebooks" / path.name))
        assert linked.metadata == committed.metadata, f"{path.name}: make links changed the notebook's metadata"
        code = [[c for c in nb.cells if c.cell_type == "code"] for nb in (linked, committed)]
        assert code[0] == code[1], f"{path.name}: make links changed a code cell (its source, outputs or tags)"
        assert [c.id for c in linked.cells] == [c.id for c in committed.cells], path.name
    # The notebook and navigation tests, on the linked copy, in this process (no pytest inside pytest): every check of
    # test_notebooks.py that takes a notebook, run on each linked notebook; the links-on branch of its badge test;
    # test_navigation.py's generated cells and README table, with the fork's settings.
    import test_notebooks
    from tools import navigation
    essay, table = helpers.load_essay(), helpers.lessons()
    per_notebook = [test_notebooks.test_committed_executed_in_order, test_notebooks.test_no_volatile_metadata,
                    test_notebooks.test_shaped_like_a_lesson, test_notebooks.test_no_notebook_touches_sys_path,
                    test_notebooks.test_slide_metadata]
    for path in launch.notebooks(copy / "notebooks"):
        for check in per_notebook:
            check(path)
        test_notebooks.test_quotations_in_the_prose_are_exact(path, essay)
        test_notebooks.test_paragraph_references_exist(path, essay)
        if not path.name.startswith("05_"):
            test_notebooks.test_the_first_cell_says_how_to_keep_your_own_copy(path)
        nb = nbformat.read(path, as_version=4)
        assert nb.cells[0].source.split("\n")[0] == launch.badge(path.name, FORK, "main"), path.name
        assert nb.cells[-1].source == navigation.nav_markdown(table, path.name), f"{path.name}: navigation drifted"
        if path.name == navigation.MAP_NOTEBOOK:
            cell = next(c for c in nb.cells if c.get("id") == "series-map")
            assert cell.source == navigation.series_map_markdown(table)
    readme = (copy / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- notebook-table -->\n(.*?)\n<!-- /notebook-table -->", readme, re.S)
    assert block and block.group(1) == navigation.readme_table(table, FORK, "main"), "README table with links on"
    # the handouts built from the linked copy (`make handouts` without PDFs: links are in the HTML) link to the fork only
    out = tmp_path / "handouts"
    built = subprocess.run([sys.executable, "-m", "tools.editions", "--out", str(out), "--no-pdf"], cwd=copy,
                           capture_output=True, text=True, encoding="utf-8")
    assert built.returncode == 0, built.stderr[-4000:]
    pages = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".ipynb")]
    assert len(pages) > 10
    check_links(pages, out, FORK)
    off = subprocess.run([sys.executable, "-m", "tools.links", "--off"], cwd=copy, capture_output=True, text=True)
    assert off.returncode == 0 and "off" in off.stdout
    for path in launch.notebooks(copy / "notebooks") + [copy / "README.md"]:   # links off: back as committed
        assert path.read_bytes() == (PROJECT / path.relative_to(copy)).read_bytes(), path.name
    refused = make_links(copy, "REPO=OWNER/we-are-losing-study")
    assert refused.returncode != 0 and "placeholder" in refused.stderr
