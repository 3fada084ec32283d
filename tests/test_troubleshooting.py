"""The README's troubleshooting table says what a user actually sees: each row is produced here for real."""
from __future__ import annotations

import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import annotations

PROJECT = Path(__file__).resolve().parent.parent


def readme_messages() -> list[str]:
    section = (PROJECT / "README.md").read_text(encoding="utf-8").split("## Troubleshooting", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| ---")][1:]
    return [m for row in rows for m in re.findall(r"`([^`]+)`", row.split("|")[2])]


def message(folder: Path) -> str:
    try:
        annotations.load_all(helpers.load_essay(folder))
    except helpers.HelperError as err:
        return f"{type(err).__name__}: {err}"
    raise AssertionError("no error")


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SCENARIOS = {
    "essay.txt: the essay file is missing.": lambda f: (f / "essay.txt").unlink(),
    "essay.txt: differs from the text recorded in reading.yml": lambda f: edit(f / "essay.txt", "We are losing.", "We are winning."),
    "essay.txt: is not UTF-8 text": lambda f: (f / "essay.txt").write_bytes(
        (f / "essay.txt").read_text(encoding="utf-8").encode("cp1252", errors="replace")),
    "essay.txt: looks truncated": lambda f: (f / "essay.txt").write_bytes((f / "essay.txt").read_bytes()[:9000]),
    "reading.yml: is not valid YAML (line": lambda f: edit(f / "reading.yml", 'series: "Notes', 'series: "Notes"x'),
    "cannot be read as CSV": lambda f: edit(f / "quotations.csv", '"You have to', '"You "have" to'),
    "is not UTF-8 text (byte": lambda f: (f / "figures.csv").write_bytes(
        (f / "figures.csv").read_text(encoding="utf-8").encode("cp1252", errors="replace")),
    "is not in the text of ¶": lambda f: edit(f / "timeline.csv", "Then on June 28th, 2009", "On June 28th, 2009"),
    "should be a mapping": lambda f: edit(f / "argument.yml", "thesis:\n  id: T\n", "thesis: T\nunused:\n"),
    "should be text": lambda f: edit(f / "discussion.yml", "notebook: 01_argument_structure", "notebook: 1", ),
    "should be a list": lambda f: edit(f / "sessions.yml", "discussion: [D02]", "discussion: D02"),
}


def test_every_row_is_covered():
    messages = readme_messages()
    covered = set(SCENARIOS) | {"ModuleNotFoundError: No module named 'pandas'",
                                "ModuleNotFoundError: No module named 'helpers'"}
    assert set(messages) == covered


@pytest.mark.parametrize("expected", list(SCENARIOS))
def test_the_message_a_user_sees(expected, reading_copy):
    SCENARIOS[expected](reading_copy)
    shown = message(reading_copy)
    if expected.startswith("essay.txt") or expected.startswith("reading.yml"):
        assert f"/{expected}" in shown.replace("\\", "/"), shown
    else:
        assert expected in shown, shown
    assert "How to fix it:" in shown


def test_a_missing_package_and_helpers_not_installed(tmp_path):
    """Started outside the environment (no site-packages), and a notebook run where helpers is not installed:
    the setup cell's own line tells the learner what to do."""
    outside = subprocess.run([sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(PROJECT)!r}); import helpers"],
                             capture_output=True, text=True)
    assert "ModuleNotFoundError: No module named 'pandas'" in outside.stderr
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(PROJECT / "notebooks" / "00_start_here.ipynb", as_version=4)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    run = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(setup.source)])
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent / "helpers_not_installed"))
    NotebookClient(run, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute(env=env)
    error = next(o for o in run.cells[0].outputs if o.output_type == "error")
    shown = "\n".join(error.traceback)
    assert error.ename == "ModuleNotFoundError" and "No module named 'helpers'" in error.evalue
    assert "whoever leads your group" in shown, shown      # in words (learner review 19), no command or file name
