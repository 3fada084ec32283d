"""The notebooks need no network, and regenerating them is deterministic: `make notebooks` on a copy, run once with
the network blocked, gives the committed files byte for byte and is a fixed point."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tools.run_notebooks import notebook_paths

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


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """`make notebooks` on a copy of the project, run once for this file with the network blocked (every notebook
    executed once here, not once for the offline check and again for the regeneration check).

    The pipeline is run as the Makefile runs it: the generated cells, every notebook, the generated cells again
    (the series map is drawn from the times the run wrote), then only the notebooks that changed. Its processes and
    every kernel they start load the offline guard, which logs any attempt to reach another machine.
    """
    root = tmp_path_factory.mktemp("regenerate")
    copy, log = root / "project", root / "attempts.log"
    for name in ("helpers", "tools", "seeds", "notebooks"):
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for name in ("launch.yml", "README.md", "CITATION.cff", "hub/measured.yml", "hub/z2jh-config.yaml"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)   # hub/: what 05 reads, so --stale sees it unchanged
        shutil.copy(PROJECT / name, copy / name)
    steps = [["tools.cells"], ["tools.run_notebooks"], ["tools.cells"], ["tools.run_notebooks", "--stale"]]
    done = [subprocess.run([sys.executable, "-m", *step], cwd=copy, check=True, capture_output=True, text=True,
                           encoding="utf-8", env=guarded_env(log)) for step in steps]
    return copy, log, done


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_runs_with_the_network_blocked(path, regenerated):
    """Each notebook, executed with the network blocked, tried to reach no other machine, raised no error and gives
    the committed file byte for byte. The committed file is itself the output of an earlier, independent execution
    (`make notebooks`), so this is determinism across two executions; nbval executes each notebook a third time in
    the same test run and compares every output."""
    copy, log, _ = regenerated
    assert not log.exists(), f"a notebook tried to reach the network: {log.read_text()}"
    text = (copy / "notebooks" / path.name).read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    assert not any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert text == path.read_text(encoding="utf-8"), f"{path.name}: run offline, it differs from the committed file"


def test_regenerating_gives_the_committed_files(regenerated):
    """`make notebooks` on a copy of the project gives the committed files, byte for byte, and is a fixed point:
    starting from the committed files, the second pass must find nothing to do and change nothing."""
    copy, _, done = regenerated
    regenerated_files = {p.name: p.read_bytes() for p in sorted((copy / "notebooks").glob("*.ipynb"))}
    committed = {p.name: p.read_bytes() for p in NOTEBOOKS}
    assert regenerated_files == committed, [n for n in committed if regenerated_files.get(n) != committed[n]]
    assert (copy / "README.md").read_bytes() == (PROJECT / "README.md").read_bytes(), "run `make notebooks`"
    stale = done[-1].stdout
    assert [line for line in stale.splitlines() if line.startswith("running")] == [], \
        f"after one run, `make notebooks` still re-ran notebooks (not a fixed point):\n{stale}"
    assert stale.count(": up to date") == len(NOTEBOOKS), stale
