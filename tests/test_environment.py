"""The pip route and the conda/Binder route install the same pinned versions; the README's commands work."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
CONDA_NAMES = {"matplotlib-base": "matplotlib"}   # conda-forge's name -> PyPI's name


def pip_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJECT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, ver = line.partition("==")
            assert ver, f"requirements.txt: {line!r} is not pinned with =="
            pins[name.lower()] = ver
    return pins


def conda_pins() -> tuple[dict[str, str], str]:
    env = yaml.safe_load((PROJECT / "environment.yml").read_text())
    pins, python = {}, None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):   # the pip: section, pinned with == as in requirements.txt
            for line in dep["pip"]:
                name, _, ver = line.partition("==")
                assert ver, f"environment.yml pip: {line!r} is not pinned with =="
                pins[name.lower()] = ver
            continue
        if dep == "pip":
            continue
        name, _, ver = dep.partition("=")
        assert ver and not ver.startswith("="), f"environment.yml: {dep!r} is not pinned as name=version"
        if name == "python":
            python = dep
        else:
            pins[CONDA_NAMES.get(name, name).lower()] = ver
    return pins, python


def test_pip_and_conda_pins_agree():
    conda, python = conda_pins()
    assert conda == pip_pins()
    assert python == "python=3.12", "repo2docker reads the python=X.Y form"


def test_the_running_environment_is_the_pinned_one():
    for name, ver in pip_pins().items():
        assert version(name) == ver, f"{name} {version(name)} is installed, {ver} is pinned: run make test"


def test_readme_commands_and_ci():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    commands = [line.split("#")[0].strip() for b in blocks for line in b.splitlines()]
    assert "make lab" in commands and "make test" in commands
    ci = (PROJECT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.M), ".ci/run must run the README's test command"
    makefile = (PROJECT / "Makefile").read_text()
    for target in ("lab", "test", "notebooks"):
        assert re.search(rf"^{target}: \$\(STAMP\)$", makefile, flags=re.M), f"make {target} installs first"
    assert "/lab/tree/notebooks/00_start_here.ipynb" in re.search(r"^lab:.*\n\t(.*)$", makefile, flags=re.M).group(1)


def test_readme_lists_every_notebook_and_the_binder_badge():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for nb in sorted((PROJECT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"[{nb.name}](notebooks/{nb.name})" in readme
    launch = yaml.safe_load((PROJECT / "launch.yml").read_text())
    badge = (f"https://mybinder.org/v2/gh/{launch['repository']}/{launch['branch']}"
             "?labpath=notebooks%2F00_start_here.ipynb")
    assert f"[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({badge})" in readme


def test_essay_is_kept_byte_exact_by_git():
    assert "seeds/**/essay.txt -text" in (PROJECT / ".gitattributes").read_text().splitlines()
