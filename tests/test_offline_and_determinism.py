"""The notebooks need no network, and regenerating them is deterministic (byte for byte, twice over: once here
through `make notebooks`, once offline, each compared with the committed files)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tools.run_notebooks import notebook_paths, render

PROJECT = Path(__file__).resolve().parent.parent
GUARD = Path(__file__).resolve().parent / "offline_guard"
NOTEBOOKS = notebook_paths()


def guarded_env(log: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(GUARD), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["OFFLINE_GUARD_LOG"] = str(log)
    return env


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
    assert printed.count("network access blocked by the offline test") == 2
    assert "203.0.113.7" in log.read_text() and "example.org" in log.read_text()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_runs_with_the_network_blocked(path, tmp_path):
    log = tmp_path / "attempts.log"
    text = render(path, env=guarded_env(log))
    assert not log.exists(), f"{path.name} tried to reach the network: {log.read_text()}"
    nb = nbformat.reads(text, as_version=4)
    assert not any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert text == path.read_text(encoding="utf-8"), f"{path.name}: run offline, it differs from the committed file"


def test_regenerating_gives_the_committed_files(tmp_path):
    """`make notebooks` on a copy of the project gives the committed files, byte for byte, and is a fixed point.

    The pipeline is run once, as the Makefile runs it: the generated cells, every notebook, the generated cells
    again (the series map is drawn from the times the run wrote), then only the notebooks that changed. Starting
    from the committed files, that second pass must find nothing to do and change nothing. Determinism twice over:
    each notebook is executed a second time, independently, by test_every_notebook_runs_with_the_network_blocked
    above, which also compares it with the committed file byte for byte; two executions equal to the same bytes
    are equal to each other (this test used to run the pipeline twice, 12 notebook executions instead of 6).
    """
    copy = tmp_path / "project"
    for name in ("helpers", "tools", "seeds", "notebooks"):
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("launch.yml", "README.md", "CITATION.cff", "hub/measured.yml", "hub/z2jh-config.yaml"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)   # hub/: what 05 reads, so --stale sees it unchanged
        shutil.copy(PROJECT / name, copy / name)
    # what `make notebooks` runs (Makefile): cells, run_notebooks, cells, run_notebooks --stale
    steps = [["tools.cells"], ["tools.run_notebooks"], ["tools.cells"], ["tools.run_notebooks", "--stale"]]
    done = [subprocess.run([sys.executable, "-m", *step], cwd=copy, check=True, capture_output=True, text=True,
                           encoding="utf-8") for step in steps]
    regenerated = {p.name: p.read_bytes() for p in sorted((copy / "notebooks").glob("*.ipynb"))}
    committed = {p.name: p.read_bytes() for p in NOTEBOOKS}
    assert regenerated == committed, [n for n in committed if regenerated.get(n) != committed[n]]
    assert (copy / "README.md").read_bytes() == (PROJECT / "README.md").read_bytes(), "run `make notebooks`"
    stale = done[-1].stdout
    assert [line for line in stale.splitlines() if line.startswith("running")] == [], \
        f"after one run, `make notebooks` still re-ran notebooks (not a fixed point):\n{stale}"
    assert stale.count(": up to date") == len(NOTEBOOKS), stale
