"""Regenerate what changed (#24): each executed notebook records the project files its cells read (traced in
the kernel, not kept by hand), with a digest of each; `python -m tools.run_notebooks --stale` re-runs only the
notebooks whose files changed since."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from tools import run_notebooks as rn

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = "seeds/we-are-losing/"


def inputs(name: str) -> set[str]:
    nb = nbformat.read(PROJECT / "notebooks" / name, as_version=4)
    return set(nb.metadata.get(rn.INPUTS_KEY, {}))


def test_every_notebook_records_what_it_reads():
    for path in rn.notebook_paths():
        read = inputs(path.name)
        assert SEEDS + "essay.txt" in read, path.name
        assert not any(r.startswith((".venv", "build")) or r.endswith(".py") for r in read), read
    assert SEEDS + "undated.csv" in inputs("03_timeline.ipynb")
    assert SEEDS + "undated.csv" not in inputs("01_argument_structure.ipynb")
    assert SEEDS + "ledger.yml" in inputs("01_argument_structure.ipynb")
    assert SEEDS + "argument.yml" in inputs("01_argument_structure.ipynb")
    assert {SEEDS + "sessions.yml", "hub/measured.yml"} <= inputs("05_facilitator_guide.ipynb")


def test_no_committed_notebook_is_out_of_date():
    stale = {p.name: rn.changed_inputs(p) for p in rn.notebook_paths()}
    assert not any(stale.values()), (f"{ {k: v for k, v in stale.items() if v} }: run "
                                     "`python -m tools.run_notebooks --stale` and commit the notebooks")


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    for part in ("seeds", "notebooks", "hub"):
        shutil.copytree(PROJECT / part, tmp_path / part, ignore=shutil.ignore_patterns("node_modules"))
    shutil.copyfile(PROJECT / "launch.yml", tmp_path / "launch.yml")     # the guide reads it (links on or off)
    monkeypatch.setattr(rn, "PROJECT", tmp_path)
    monkeypatch.setattr(rn, "NOTEBOOKS", tmp_path / "notebooks")
    return tmp_path


def test_a_changed_data_file_makes_exactly_its_readers_stale(project_copy, capsys):
    # undated.csv: read by 03 alone (timeline.csv is read by 01 too, through the sentence ledger)
    undated = project_copy / SEEDS / "undated.csv"
    undated.write_bytes(undated.read_bytes() + b"\n")
    stale = {p.name for p in rn.notebook_paths() if rn.changed_inputs(p)}
    readers = {p.name for p in rn.notebook_paths() if SEEDS + "undated.csv" in inputs(p.name)}
    assert stale == readers and "03_timeline.ipynb" in stale and "01_argument_structure.ipynb" not in stale
    assert rn.changed_inputs(project_copy / "notebooks" / "03_timeline.ipynb") == [SEEDS + "undated.csv"]
    assert rn.main(["--stale", "--list"]) == 0
    out = capsys.readouterr().out
    assert "03_timeline.ipynb: changed since it was run: seeds/we-are-losing/undated.csv" in out
    assert "01_argument_structure.ipynb: up to date" in out


def test_rerunning_a_notebook_does_not_make_the_ones_that_list_it_stale(project_copy):
    path = project_copy / "notebooks" / "03_timeline.ipynb"
    nb = nbformat.read(path, as_version=4)
    next(c for c in nb.cells if c.cell_type == "code" and c.outputs).outputs = []   # as if re-run, other outputs
    nb.metadata[rn.INPUTS_KEY] = {"seeds/we-are-losing/essay.txt": "0" * 16}
    nbformat.write(nb, path)
    assert rn.changed_inputs(project_copy / "notebooks" / "00_start_here.ipynb") == []
    nb.cells[0].source += "\nA new sentence in the opening cell."
    nbformat.write(nb, path)
    assert rn.changed_inputs(project_copy / "notebooks" / "00_start_here.ipynb") == ["notebooks/03_timeline.ipynb"]


def test_a_page_a_notebook_writes_is_not_among_what_it_reads(project_copy):
    """00 saves the reader's edition beside itself: a file it writes is no input (a fresh clone, without it,
    would otherwise find 00 out of date), while what it reads still is, in this process and in the kernel's trace."""
    page = project_copy / "notebooks" / "we-are-losing-reader.html"
    with rn._reads_here() as seen:
        page.write_text("a page", encoding="utf-8")
        (project_copy / SEEDS / "essay.txt").read_bytes()
        page.read_text(encoding="utf-8")
    assert seen == {SEEDS + "essay.txt", "notebooks/we-are-losing-reader.html"}, "read: recorded; written: not"
    import subprocess
    import sys
    written = PROJECT / "notebooks" / "trace-test-reader.html"
    code = (rn.TRACE.format(root=str(PROJECT)) + f"\nopen({str(written)!r}, 'w').write('x')"
            f"\nopen({str(PROJECT / SEEDS / 'reading.yml')!r}).read()\nprint(sorted(_we_are_losing_read))")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT)
    finally:
        written.unlink(missing_ok=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str([SEEDS + "reading.yml"])
