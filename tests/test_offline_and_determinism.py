"""The notebooks need no network, and regenerating them is deterministic, with every notebook executed once per test
run (issue #24, item 5): nbval's own execution (strict) runs with the network blocked and compares every output,
figures included, with the committed one (tests/nbval_offline.py). The committed file is itself the output of an
earlier, independent execution (`make notebooks`), so nbval's comparison is determinism across two executions.

This file holds the controls that show those checks can fail, and what nbval does not compare: the committed files
are written as `make notebooks` writes them, and `make notebooks` on a copy of the committed files is a fixed point."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.nbval_offline import BLOCKED, guarded_env
from tools.run_notebooks import normalise, notebook_paths

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = notebook_paths()


def test_the_guard_blocks_the_network(tmp_path):
    """The control: in a guarded kernel, reaching a non-local address fails at once and is logged."""
    log = tmp_path / "attempts.log"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('203.0.113.7', 80), timeout=1)\n"   # TEST-NET-3: never routed
        "except OSError as exc:\n"
        "    print(exc)\n"
        "try:\n"
        "    socket.getaddrinfo('example.org', 443)\n"
        "except OSError as exc:\n"
        "    print(exc)")])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute(env=guarded_env(log))
    printed = nb.cells[0].outputs[0].text
    assert printed.count(BLOCKED) == 2
    assert "203.0.113.7" in log.read_text() and "example.org" in log.read_text()


# A notebook executed once (its committed outputs), then checked as `make test` checks the lessons: nbval, strict,
# with this project's plugin. What changes between two runs fails, and so does reaching the network, even caught.
CONTROL_CELLS = {
    "steady": "print('the same every time')",
    "clock": "import time\nprint(time.time_ns())",
    "figure": ("import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
               "import matplotlib.pyplot as plt, random\n"
               "plt.plot([random.random() for _ in range(5)]); plt.show()"),
    "network": ("import socket\ntry:\n    socket.create_connection(('203.0.113.7', 80), timeout=1)\n"
                "except OSError:\n    pass\nprint('no network needed')"),
}


def test_nbval_fails_what_changes_between_runs_and_what_reaches_the_network(tmp_path):
    """The control for the checks nbval now carries: a notebook whose clock and random figure change between two
    runs fails on those cells, a cell that tries the network fails even though it catches the error and prints the
    same, and the steady cell passes."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code) for code in CONTROL_CELLS.values()])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert any("image/png" in out.get("data", {}) for out in nb.cells[2].outputs), "the control draws no figure"
    path = tmp_path / "control.ipynb"
    path.write_text(nbformat.writes(normalise(nb)), encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {**guarded_env(tmp_path / "unused.log"), "PYTHONPATH": str(PROJECT)}
    env.pop("OFFLINE_GUARD_LOG")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.quick_imports", "-p", "tests.nbval_offline",
                           "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-p", "no:randomly",
                           "-p", "no:xdist", "-rA", "-q", path.name],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    report = done.stdout
    outcome = {f"Cell {i}": ("PASSED" if f"PASSED control.ipynb::Cell {i}" in report else
                             "FAILED" if f"FAILED control.ipynb::Cell {i}" in report else "?")
               for i in range(len(CONTROL_CELLS))}
    assert list(outcome.values()) == ["PASSED", "FAILED", "FAILED", "FAILED"], report + done.stderr
    assert "mismatch 'image/png'" in report and "tried to reach the network" in report, report


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_is_written_as_make_notebooks_writes_it(path):
    """What nbval does not compare: the committed file is `make notebooks`' normal form (plain metadata, stable ids,
    printed text joined, no timestamps), executed top to bottom (counts 1, 2, 3 … in order) without an error. With
    nbval's comparison of every output this stands for the byte-for-byte comparison of a second execution."""
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    again = nbformat.writes(normalise(nbformat.reads(text, as_version=4)))
    assert (again if again.endswith("\n") else again + "\n") == text, f"{path.name}: run `make notebooks`"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"{path.name}: run `make notebooks`"
    assert not any(o.output_type == "error" for c in code for o in c.outputs)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """`make notebooks` on a copy of the project, up to where it would execute: the generated cells applied twice,
    then `--stale --list` (which notebooks would run; it runs none). Every notebook's execution is nbval's."""
    root = tmp_path_factory.mktemp("regenerate")
    copy = root / "project"
    for name in ("helpers", "tools", "seeds", "notebooks"):
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("launch.yml", "README.md", "CITATION.cff", "hub/measured.yml", "hub/z2jh-config.yaml"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)   # hub/: what 05 reads, so --stale sees it unchanged
        shutil.copy(PROJECT / name, copy / name)
    steps = [["tools.cells"], ["tools.cells"], ["tools.run_notebooks", "--stale", "--list"]]
    done = [subprocess.run([sys.executable, "-m", *step], cwd=copy, check=True, capture_output=True, text=True,
                           encoding="utf-8", env=guarded_env(root / "attempts.log")) for step in steps]
    return copy, done


def test_regenerating_gives_the_committed_files(regenerated):
    """`make notebooks` on a copy of the project leaves the committed files as they are, byte for byte, and finds
    no notebook to run: the generated cells and the README are current and each notebook's recorded inputs too."""
    copy, done = regenerated
    regenerated_files = {p.name: p.read_bytes() for p in sorted((copy / "notebooks").glob("*.ipynb"))}
    committed = {p.name: p.read_bytes() for p in NOTEBOOKS}
    assert regenerated_files == committed, [n for n in committed if regenerated_files.get(n) != committed[n]]
    assert (copy / "README.md").read_bytes() == (PROJECT / "README.md").read_bytes(), "run `make notebooks`"
    stale = done[-1].stdout
    assert stale.count(": up to date") == len(NOTEBOOKS), f"`make notebooks` would re-run notebooks:\n{stale}"
