"""The pip route and the conda/Binder route install the same pinned versions; the README's commands work."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DEV_ONLY = {"pytest", "nbval", "hypothesis", "sphinx-revealjs", "playwright", "jupyter-repo2docker"}


def requirement_lines(name: str) -> list[str]:
    return [line.split("#")[0].strip() for line in (PROJECT / name).read_text().splitlines()
            if line.split("#")[0].strip()]


def pins(name: str) -> dict[str, str]:
    """name -> version for every ``name==version`` line of a requirements file (not following -r)."""
    found = {}
    for line in requirement_lines(name):
        if line.startswith("-"):
            continue
        pkg, _, ver = line.partition("==")
        assert ver, f"{name}: {line!r} is not pinned with ==; pin it, e.g. {pkg}==1.2.3"
        found[pkg.lower()] = ver
    return found


def test_learner_requirements_are_pinned_and_hold_no_test_tools():
    learner = pins("requirements.txt")
    assert {"jupyterlab", "ipykernel", "pandas", "matplotlib", "pyyaml"} <= set(learner)
    assert not DEV_ONLY & set(learner), f"requirements.txt: move {DEV_ONLY & set(learner)} to requirements-dev.txt"
    assert "-e ." in requirement_lines("requirements.txt"), "requirements.txt installs helpers/ with `-e .`"


def test_dev_requirements_include_the_learner_ones():
    lines = requirement_lines("requirements-dev.txt")
    assert lines[0] == "-r requirements.txt"
    assert DEV_ONLY <= set(pins("requirements-dev.txt"))
    assert not set(pins("requirements-dev.txt")) & set(pins("requirements.txt")), "pin each package once"


def test_conda_asks_only_for_python_and_pip_then_the_requirements():
    env = yaml.safe_load((PROJECT / "environment.yml").read_text())
    assert env["dependencies"] == ["python=3.12", "pip", {"pip": ["-r requirements.txt"]}], \
        "environment.yml: conda installs python=3.12 and pip only; pip installs -r requirements.txt"


def test_the_running_environment_is_the_pinned_one():
    for name, ver in {**pins("requirements.txt"), **pins("requirements-dev.txt")}.items():
        assert version(name) == ver, f"{name} {version(name)} is installed, {ver} is pinned: run make test"


def test_helpers_is_installed_from_this_folder():
    import helpers
    assert Path(helpers.__file__).resolve().parent == PROJECT / "helpers"
    assert version("we-are-losing-helpers"), "pip install -e . (requirements.txt) installs the helpers"


def test_readme_commands_and_ci():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    commands = [line.split("#")[0].strip() for b in blocks for line in b.splitlines()]
    assert "make lab" in commands and "make test" in commands
    ci = (PROJECT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.M), ".ci/run must run the README's test command"
    makefile = (PROJECT / "Makefile").read_text()
    assert re.search(r"^lab: \$\(STAMP\)$", makefile, flags=re.M), "make lab installs requirements.txt first"
    for target in ("notebooks", "handouts", "links", "benchmark"):
        assert re.search(rf"^{target}: \$\(DEV\)$", makefile, flags=re.M), f"make {target} installs requirements-dev.txt first"
    # the test target also installs the hub test's proxy (npm), so a fresh clone's `make test` runs the hub test
    assert re.search(r"^test: \$\(DEV\) \$\(PROXY\)$", makefile, flags=re.M), "make test installs requirements-dev.txt and the hub's proxy first"
    assert re.search(r"^\$\(PROXY\): hub/package.json hub/package-lock.json\n(\t.*\n)*\tnpm ci --prefix hub", makefile, flags=re.M)
    assert "/lab/tree/notebooks/00_start_here.ipynb" in re.search(r"^lab:.*\n\t(.*)$", makefile, flags=re.M).group(1)


def test_essay_is_kept_byte_exact_by_git():
    assert "seeds/**/essay.txt -text" in (PROJECT / ".gitattributes").read_text().splitlines()
