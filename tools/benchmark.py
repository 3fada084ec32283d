"""What the notebooks cost, measured side by side on this machine: ``python tools/benchmark.py [--repeat 3]``.

Reports, in one run:
- the wall time of the notebook suite under nbval (strict), and of a floor suite of as many notebooks that
  only start a kernel and import pandas and matplotlib, alternating the two; medians and their ratio;
- the loader's time (load_essay without its cache) against reading and decoding the file; medians, ratio;
- the peak memory (maximum resident set) of the kernel for each notebook.
Targets: the suite within 1.5x of the floor, the loader under 50 ms. This is a measurement, not a test.
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    notebooks = notebook_paths()
    suite_times, floor_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        floor_notebooks(Path(tmp), len(notebooks))
        for _ in range(args.repeat):
            suite_times.append(timed([sys.executable, "-m", "pytest", *NBVAL, *map(str, notebooks)], PROJECT))
            floor_times.append(timed([sys.executable, "-m", "pytest", *NBVAL, tmp], PROJECT))
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
    memory = {p.name: peak_kernel_memory(p) for p in notebooks}

    print(f"notebook suite under nbval ({len(notebooks)} notebooks): median {suite:.1f} s of {args.repeat} runs "
          f"({', '.join(f'{t:.1f}' for t in suite_times)})")
    print(f"floor suite ({len(notebooks)} notebooks, kernel + pandas + matplotlib): median {floor:.1f} s "
          f"({', '.join(f'{t:.1f}' for t in floor_times)})")
    print(f"ratio suite / floor: {suite / floor:.2f}  (target: 1.5 or less)")
    print(f"loader, load_essay without cache: median {load * 1000:.1f} ms  (target: under 50 ms)")
    print(f"reading and decoding essay.txt: median {read * 1000:.3f} ms; ratio loader / read: {load / read:.0f}")
    for name, mib in memory.items():
        print(f"peak kernel memory, {name}: {mib:.0f} MiB")
    print(f"peak kernel memory, largest: {max(memory.values()):.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
