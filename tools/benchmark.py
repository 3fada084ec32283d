"""What the notebooks cost, measured side by side on this machine: ``python tools/benchmark.py [--repeat 3]``.

Reports, in one run:
- the wall time of the notebook suite under nbval (strict), and of a floor suite of as many notebooks that
  only start a kernel and import pandas and matplotlib, alternating the two; medians and their ratio;
- the loader's time (load_essay without its cache) against reading and decoding the file; medians, ratio;
- the first output: a new kernel running 00's first code cell (import helpers, load the essay, print a line)
  against a new kernel that imports pandas and prints a line (the essay is a pandas table, so that is its floor),
  alternating the two; medians and their ratio;
- each notebook's Run All (a new kernel running every cell, as a learner's "Restart Kernel and Run All Cells")
  against a floor notebook that starts a kernel and imports pandas and matplotlib, alternating the two; medians
  and their ratio for each notebook (issue 19: each within 1.5x of its floor);
- the peak memory (maximum resident set) of the kernel for each notebook.
Targets: the suite and each notebook within 1.5x of the floor, the first output within 1.15x of its floor, the loader under 50 ms. This is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

import helpers  # noqa: E402
from helpers.essay import _load_cached, reading_folder  # noqa: E402
from tools.run_notebooks import notebook_paths  # noqa: E402

NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(PROJECT / "tests" / "nbval_sanitize.cfg"),
         "-p", "no:cacheprovider", "-q", "-o", "addopts=", "-o", "testpaths="]


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def floor_notebooks(folder: Path, count: int) -> None:
    for i in range(count):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import pandas\nimport matplotlib.pyplot")])
        nbformat.write(nb, folder / f"floor_{i:02d}.ipynb")


def peak_kernel_memory(path: Path) -> float:
    """Maximum resident set size of the kernel after running the notebook, in MiB."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return int(nb.cells[-1].outputs[0].text) / 1024


def first_output_time(source: str) -> float:
    """Seconds from asking for a new kernel to the first output of one cell (what a learner waits for)."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(PROJECT / "notebooks")}}).execute()
    if not nb.cells[0].outputs:
        raise SystemExit(f"the cell printed nothing: {source!r}")
    return time.perf_counter() - start


def run_all_time(path: Path, project: Path | None = None) -> float:
    """Seconds for a new kernel to run every cell of the notebook at ``path`` (kernel start included); ``project``:
    the copy of the package whose helpers the kernel imports (by default the one the environment finds)."""
    import os
    nb = nbformat.read(path, as_version=4)
    saved = os.environ.get("PYTHONPATH")
    if project is not None:          # the kernel is a new process: it imports the helpers of this copy
        os.environ["PYTHONPATH"] = str(project)
    try:
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        return time.perf_counter() - start
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def per_notebook(notebooks: list[Path], floor: Path, repeat: int,
                 against: Path | None = None) -> dict[str, tuple[float, ...]]:
    """Each notebook's median Run All and the floor's, measured alternately (the machine's noise falls on both);
    with ``against`` (another copy of the project, e.g. main's), its copy of the notebook too, in the same rounds."""
    result = {}
    for path in notebooks:
        ours, bare, theirs = [], [], []
        for _ in range(repeat):
            ours.append(run_all_time(path, PROJECT))
            bare.append(run_all_time(floor))
            if against is not None:
                theirs.append(run_all_time(against / "notebooks" / path.name, against))
        result[path.name] = (statistics.median(ours), statistics.median(bare),
                             *([statistics.median(theirs)] if theirs else []))
    return result


def report_per_notebook(each: dict[str, tuple[float, ...]], against: Path | None = None) -> None:
    for name, (ours_s, floor_s, *theirs) in each.items():
        line = (f"Run All, {name}: median {ours_s:.2f} s; floor notebook {floor_s:.2f} s; ratio {ours_s / floor_s:.2f}"
                "  (target: 1.5 or less)")
        if theirs:
            line += f"; {against}: median {theirs[0]:.2f} s, ratio {theirs[0] / floor_s:.2f}"
        print(line, flush=True)


def first_code_cell(path: Path) -> str:
    return next(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="+", metavar="NN",
                        help="measure only these notebooks' Run All and peak memory (by the start of their names, "
                             "e.g. --only 01 03), not the suite, loader or first output")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="with --only: also run another copy of the project's notebooks (e.g. main's, from "
                             "`git archive main`) in the same rounds, for a side-by-side comparison")
    args = parser.parse_args(argv)
    notebooks = notebook_paths()
    if args.only:
        chosen = [p for p in notebooks if any(p.name.startswith(k) for k in args.only)]
        with tempfile.TemporaryDirectory() as tmp:
            floor_notebooks(Path(tmp), 1)
            each = per_notebook(chosen, Path(tmp) / "floor_00.ipynb", args.repeat, args.against)
        report_per_notebook(each, args.against)
        for p in chosen:
            print(f"peak kernel memory, {p.name}: {peak_kernel_memory(p):.0f} MiB", flush=True)
        return 0
    suite_times, floor_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        floor_notebooks(Path(tmp), len(notebooks))
        for _ in range(args.repeat):
            suite_times.append(timed([sys.executable, "-m", "pytest", *NBVAL, *map(str, notebooks)], PROJECT))
            floor_times.append(timed([sys.executable, "-m", "pytest", *NBVAL, tmp], PROJECT))
        each = per_notebook(notebooks, Path(tmp) / "floor_00.ipynb", args.repeat)
    suite, floor = statistics.median(suite_times), statistics.median(floor_times)

    folder = reading_folder(helpers.DEFAULT_READING)
    text_path = folder / "essay.txt"
    load_times, read_times = [], []
    for _ in range(30):
        t = time.perf_counter()
        _load_cached.__wrapped__(str(folder.resolve()), 0, 0)
        load_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        text_path.read_bytes().decode("utf-8")
        read_times.append(time.perf_counter() - t)
    load, read = statistics.median(load_times), statistics.median(read_times)
    first_cell = first_code_cell(notebooks[0])
    ours, bare = [], []
    for _ in range(max(5, args.repeat)):
        ours.append(first_output_time(first_cell))
        bare.append(first_output_time("import pandas\nprint('ready')"))
    first, first_floor = statistics.median(ours), statistics.median(bare)
    memory = {p.name: peak_kernel_memory(p) for p in notebooks}

    print(f"notebook suite under nbval ({len(notebooks)} notebooks): median {suite:.1f} s of {args.repeat} runs "
          f"({', '.join(f'{t:.1f}' for t in suite_times)})")
    print(f"floor suite ({len(notebooks)} notebooks, kernel + pandas + matplotlib): median {floor:.1f} s "
          f"({', '.join(f'{t:.1f}' for t in floor_times)})")
    print(f"ratio suite / floor: {suite / floor:.2f}  (target: 1.5 or less)")
    print(f"loader, load_essay without cache: median {load * 1000:.1f} ms  (target: under 50 ms)")
    print(f"reading and decoding essay.txt: median {read * 1000:.3f} ms; ratio loader / read: {load / read:.0f}")
    print(f"first output of {notebooks[0].name}: median {first:.2f} s ({', '.join(f'{t:.2f}' for t in ours)}); "
          f"new kernel + pandas: median {first_floor:.2f} s ({', '.join(f'{t:.2f}' for t in bare)})")
    print(f"ratio first output / floor: {first / first_floor:.2f}  (target: 1.15 or less)")
    report_per_notebook(each)
    for name, mib in memory.items():
        print(f"peak kernel memory, {name}: {mib:.0f} MiB")
    print(f"peak kernel memory, largest: {max(memory.values()):.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
