"""make bundle: the project as one zip for a USB stick or a shared drive, from the committed files only."""
from __future__ import annotations

import zipfile

from tools import bundle


def test_the_bundle_holds_the_project_and_nothing_local(tmp_path):
    out = bundle.bundle(tmp_path / "study.zip")
    names = zipfile.ZipFile(out).namelist()
    prefix = f"{bundle.NAME}/"
    assert all(n.startswith(prefix) for n in names), names[:5]
    inside = {n.removeprefix(prefix) for n in names}
    for needed in ("requirements.txt", "environment.yml", "README.md", "seeds/we-are-losing/essay.txt",
                   "notebooks/00_start_here.ipynb", "helpers/__init__.py"):
        assert needed in inside, needed
    assert any(n.startswith("notebooks/") for n in inside) and any(n.startswith("seeds/") for n in inside)
    for local in ("build/", ".venv/", ".ipynb_checkpoints/", "__pycache__/"):
        assert not any(n.startswith(local) or f"/{local}" in n for n in inside), local


def test_the_bundle_names_the_fix_outside_a_git_clone(tmp_path):
    try:
        bundle.bundle(tmp_path / "x.zip", project=tmp_path)
    except SystemExit as exc:
        assert "git" in str(exc) and "clone" in str(exc)
    else:
        raise AssertionError("bundling a folder that is not a git clone should fail")
