"""Re-execute the notebooks in place, deterministically: ``python -m tools.run_notebooks [NOTEBOOK …]``.

Each notebook runs top to bottom in a fresh kernel (as "Restart Kernel and Run All Cells" does), then is
written back with no execution timestamps, stable cell ids and plain notebook metadata, so running it
twice gives byte-identical files and nbval can compare the committed outputs on every test run.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.essay import PROJECT

NOTEBOOKS = PROJECT / "notebooks"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python",
                 "codemirror_mode": {"name": "ipython", "version": 3}, "pygments_lexer": "ipython3",
                 "nbconvert_exporter": "python"}
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def notebook_paths(paths: list[str] | None = None) -> list[Path]:
    """The notebooks named, or every notebooks/NN_*.ipynb in teaching order."""
    if paths:
        return [Path(p).resolve() for p in paths]
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) pieces: how printed text is split into messages depends on timing."""
    merged: list = []
    for out in outputs:
        if (out.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == out.name):
            merged[-1].text += out.text
        else:
            merged.append(out)
    return merged


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run or machine to machine; give every cell a stable id."""
    nb.metadata = nbformat.from_dict({**{k: v for k, v in nb.metadata.items()
                                         if k not in ("kernelspec", "language_info", "widgets")},
                                      "kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO})
    nb.nbformat, nb.nbformat_minor = 4, 5
    seen: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
    for i, cell in enumerate(nb.cells):
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", []):
            # a worked solution stays folded in JupyterLab until the learner clicks it open
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
        if not cell.get("id") or cell.id in seen:
            cell.id = f"cell-{i:03d}"
        seen.add(cell.id)
    return nb


def stamp_time(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write the opening cell's "**Time:**" sentence from the times computed on the executed notebook."""
    from helpers.essay import load_essay
    from helpers.lessons import lesson_row, time_line
    if "lesson" not in nb.metadata:
        return
    first = nb.cells[0]
    for _ in range(3):   # the sentence is counted too; its length does not depend on its numbers
        line = time_line(lesson_row(nb, path.name, load_essay(), path))
        lines = first.source.split("\n")
        for i, text in enumerate(lines):
            if text.startswith("**Time:**"):
                rest = text.split("**Assumes:**", 1)
                lines[i] = line + (" **Assumes:**" + rest[1] if len(rest) == 2 else "")
                break
        else:
            raise SystemExit(f"{path.name}: the opening cell needs a line starting **Time:** (it is filled in).")
        if first.source == "\n".join(lines):
            return
        first.source = "\n".join(lines)


def render(path: Path, timeout: int = 600, env: dict | None = None) -> str:
    """Execute the notebook at ``path`` in a fresh kernel and return the file text it should have.

    ``env``, when given, is the kernel's environment (the offline test uses it to block the network).
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({"env": env} if env is not None else {}))
    nb = normalise(nb)
    stamp_time(nb, path)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def run(path: Path, timeout: int = 600) -> None:
    """Execute the notebook at ``path`` and write it back in place."""
    text = render(path, timeout)
    path.write_bytes(text.encode("utf-8"))   # "\n" line ends on every system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.run_notebooks", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: every notebooks/NN_*.ipynb)")
    args = parser.parse_args(argv)
    paths = notebook_paths(args.notebooks)
    if not paths:
        print(f"no notebooks found in {NOTEBOOKS}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"running {path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path} …", flush=True)
        try:
            run(path)
        except CellExecutionError as exc:
            print(f"{path.name}: a cell failed, the notebook was not written.\n{exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
