"""Binder builds from the tested pins: the build plan repo2docker itself makes of this repository.

`repo2docker --no-build --debug DIR` prints the Dockerfile it would build, without Docker. The plan must
read environment.yml, ask for Python 3.12, and install it (pip -r requirements.txt, -e .) only after the
repository's files are copied in, so the pinned requirements and helpers/ are there when pip runs.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.test_launch import tracked_files

PROJECT = Path(__file__).resolve().parent.parent


def build_plan(tmp_path: Path) -> str:
    copy = tmp_path / "repo"
    for path in tracked_files(PROJECT):      # what a clone holds: no .venv, no build/
        target = copy / path.relative_to(PROJECT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    r2d = Path(sys.executable).parent / "repo2docker"
    assert r2d.is_file(), "repo2docker is missing: run `make test` (requirements-dev.txt installs jupyter-repo2docker)"
    done = subprocess.run([str(r2d), "--no-build", "--debug", str(copy)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout + done.stderr


def test_binder_builds_from_environment_yml_with_python_312_and_the_pinned_requirements(tmp_path):
    plan = build_plan(tmp_path)
    assert "Building conda environment for python=3.12" in plan, plan[:2000]
    copied = plan.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    update = plan.index('env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"')
    assert copied < update, "environment.yml must be installed after the repository is copied (it reads requirements.txt)"
    assert "requirements-dev.txt" not in plan, "Binder installs only what a learner needs"
    # then postBuild puts the kernel's Setup hint and JupyterLab's settings in place, as `make lab` does
    post = plan.index("./postBuild")
    assert update < post, "postBuild runs once the environment (and helpers) is installed"
    assert "python -m helpers.kernel_hints" in (PROJECT / "postBuild").read_text(encoding="utf-8")
    env = yaml.safe_load((PROJECT / "environment.yml").read_text())
    assert env["dependencies"] == ["python=3.12", "pip", {"pip": ["-r requirements.txt"]}]


def test_the_plan_reader_can_fail(tmp_path):
    """The control: a repository with only requirements.txt gets another plan, which the test above would refuse."""
    (tmp_path / "repo").mkdir()
    shutil.copy2(PROJECT / "requirements.txt", tmp_path / "repo" / "requirements.txt")
    r2d = Path(sys.executable).parent / "repo2docker"
    done = subprocess.run([str(r2d), "--no-build", "--debug", str(tmp_path / "repo")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' not in done.stdout + done.stderr
