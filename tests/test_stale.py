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
    """Only its own record of inputs changed: nothing another notebook reads of it."""
    path = project_copy / "notebooks" / "03_timeline.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.metadata[rn.INPUTS_KEY] = {"seeds/we-are-losing/essay.txt": "0" * 16}
    nbformat.write(nb, path)
    assert rn.changed_inputs(project_copy / "notebooks" / "00_start_here.ipynb") == []
    nb.cells[0].source += "\nA new sentence in the opening cell."
    nbformat.write(nb, path)
    assert rn.changed_inputs(project_copy / "notebooks" / "00_start_here.ipynb") == ["notebooks/03_timeline.ipynb"]


def test_new_outputs_make_the_notebooks_that_read_them_stale(project_copy):
    """00's series table counts the words 03's outputs show (its minutes); an output 03 shows differently, with the
    same cells and the same "**Time:**" line (as a merge or a run before the line was stamped leaves it), makes 00
    out of date. Round 20: 00 still showed 03's old total and --stale said "up to date"."""
    path = project_copy / "notebooks" / "03_timeline.ipynb"
    nb = nbformat.read(path, as_version=4)
    out = next(o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream")
    out.text += "more words shown " * 100
    nbformat.write(nb, path)
    for name in ("00_start_here.ipynb", "05_facilitator_guide.ipynb"):
        assert rn.changed_inputs(project_copy / "notebooks" / name) == ["notebooks/03_timeline.ipynb"], name


def test_stale_runs_a_notebook_before_those_that_read_it_and_again_until_settled(project_copy, monkeypatch, capsys):
    """--stale runs 03 (its data changed) before 00 and 05 (they read 03), and then the ones 03's new outputs made
    stale, in one call: no notebook reads another before that one is re-run."""
    undated = project_copy / SEEDS / "undated.csv"
    undated.write_bytes(undated.read_bytes() + b"\n")
    ran = []

    def fake_run(path, timeout=600):      # a run: new outputs, and the inputs recorded as they are now
        ran.append(path.name)
        nb = nbformat.read(path, as_version=4)
        if path.name == "03_timeline.ipynb":
            next(o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                 if o.output_type == "stream").text += "new words "
        nb.metadata[rn.INPUTS_KEY] = {rel: rn.digest(project_copy / rel) for rel in nb.metadata[rn.INPUTS_KEY]
                                      if (project_copy / rel).is_file() and rel != f"notebooks/{path.name}"}
        nbformat.write(nb, path)

    monkeypatch.setattr(rn, "run", fake_run)
    assert rn.main(["--stale"]) == 0
    assert ran == ["03_timeline.ipynb", "00_start_here.ipynb", "05_facilitator_guide.ipynb"], ran
    assert not any(rn.changed_inputs(p) for p in rn.notebook_paths())


def test_run_order_puts_what_is_read_first():
    names = ["00_start_here.ipynb", "03_timeline.ipynb", "05_facilitator_guide.ipynb"]
    reads = {"00_start_here.ipynb": {"notebooks/03_timeline.ipynb", "notebooks/05_facilitator_guide.ipynb"},
             "03_timeline.ipynb": set(),
             "05_facilitator_guide.ipynb": {"notebooks/00_start_here.ipynb", "notebooks/03_timeline.ipynb"}}
    order = rn.run_order([Path("notebooks") / n for n in names], lambda p: reads[p.name])
    assert [p.name for p in order] == ["03_timeline.ipynb", "00_start_here.ipynb", "05_facilitator_guide.ipynb"]


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


@pytest.mark.slow
def test_what_a_notebook_records_reading_does_not_depend_on_what_ran_before_it():
    """CI63: ``--stale`` ran 01 and then 00 in one process; the loaders' remembered results and the parsed schema,
    warm from 01, read no file while 00's time line was computed, so 00 recorded no schema.yml, and a fresh
    regeneration (which does read it) differed from the committed file. Run after another, a notebook records what
    it records run alone."""
    path = PROJECT / "notebooks" / "00_start_here.ipynb"
    alone = nbformat.reads(rn.render(path), as_version=4).metadata[rn.INPUTS_KEY]
    rn.render(PROJECT / "notebooks" / "01_argument_structure.ipynb")
    after = nbformat.reads(rn.render(path), as_version=4).metadata[rn.INPUTS_KEY]
    assert "seeds/we-are-losing/schema.yml" in alone
    assert after == alone
