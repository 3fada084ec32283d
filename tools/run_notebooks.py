"""Re-execute the notebooks in place, deterministically: ``python -m tools.run_notebooks [NOTEBOOK …]``.

Each notebook runs top to bottom in a fresh kernel (as "Restart Kernel and Run All Cells" does), then is
written back with no execution timestamps, stable cell ids and plain notebook metadata, so running it
twice gives byte-identical files and nbval can compare the committed outputs on every test run.
"""
from __future__ import annotations

import argparse
import ast
import contextlib
import os
import hashlib
import json
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
        if not cell.get("id") or cell.id in seen:
            cell.id = f"cell-{i:03d}"
        seen.add(cell.id)
    return nb


def stamp_time(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write the opening cell's "**Time:**" sentence from the times computed on the executed notebook."""
    from helpers.essay import load_essay
    from helpers.lessons import (SITTINGS_RE, STOP_LINE, first_sitting_min, lesson_row, opening_index,
                                 sittings_line, time_line)
    if "lesson" not in nb.metadata:
        return
    first = nb.cells[opening_index(nb)]
    for _ in range(3):   # the sentence is counted too; its length does not depend on its numbers
        row = lesson_row(nb, path.name, load_essay(), path)
        line = time_line(row)
        lines = first.source.split("\n")
        for i, text in enumerate(lines):
            if text.startswith("**Time:**"):
                rest = text.split("**Assumes:**", 1)
                lines[i] = line + (" **Assumes:**" + rest[1] if len(rest) == 2 else "")
                break
        else:
            raise SystemExit(f"{path.name}: the opening cell needs a line starting **Time:** (it is filled in).")
        text = "\n".join(lines)
        sitting = first_sitting_min(nb, load_essay())
        if sitting is not None:
            if not SITTINGS_RE.search(text):
                raise SystemExit(f"{path.name}: the notebook has the line {STOP_LINE} but its opening cell no line "
                                 "starting **Two sittings.** (it is filled in).")
            text = SITTINGS_RE.sub(lambda m: sittings_line(sitting, row["total_min"]), text)
        text = _route(nb, path, row, text)
        if first.source == text:
            return
        first.source = text


def _route(nb: nbformat.NotebookNode, path: Path, row: dict, text: str) -> str:
    """The opening cell's text with its "**Short route, for one evening:**" paragraph, just under the "**Time:**"
    line, written from ``helpers.lessons.short_route_row`` (the same counts as the full time); removed when the
    notebook declares no short route."""
    from helpers.essay import load_essay
    from helpers.lessons import ROUTE_LINE_RE, opening_route_line, short_route_row
    lines = text.split("\n")
    for i in [i for i, t in enumerate(lines) if ROUTE_LINE_RE.match(t)][::-1]:   # the old paragraph, and its blank line
        del lines[i - 1 if i and not lines[i - 1] else i:i + 1]
    core = short_route_row(nb, path.name, load_essay(), path)
    if core is None:
        return "\n".join(lines)
    at = next(i for i, t in enumerate(lines) if t.startswith("**Time:**"))
    lines[at + 1:at + 1] = ["", opening_route_line(nb, core, row, path)]
    return "\n".join(lines)


# Run silently in the kernel before the first cell (it takes no execution count and prints nothing): every file of
# the project the notebook's code opens to read (data, configuration, other notebooks; not a page it writes, such as
# the reader's edition), so a later change to one of them shows which notebooks to run again (``--stale``). Files in
# .venv/ and Python's own are left out.
TRACE = """
import os as _o, sys as _s, importlib.util as _u
_we_are_losing_read = set()
_spec = _u.find_spec("helpers")   # the project whose helpers the notebook imports (it reads that project's files)
_root = _o.path.dirname(_o.path.dirname(_o.path.realpath(_spec.origin))) if _spec and _spec.origin else {root!r}
def _we_are_losing_hook(event, args, _root=_root):
    if event == "open" and args and isinstance(args[0], (str, bytes, _o.PathLike)) and not (
            len(args) > 1 and isinstance(args[1], str) and set(args[1]) & set("wax")):
        p = _o.path.realpath(_o.fsdecode(args[0]))
        if p.startswith(_root + _o.sep) and not p.endswith((".py", ".pyc")):
            rel = _o.path.relpath(p, _root)
            if not rel.startswith((".venv", ".git", "build")):
                _we_are_losing_read.add(rel.replace(_o.sep, "/"))
_s.addaudithook(_we_are_losing_hook)
"""
INPUTS_KEY = "we_are_losing_inputs"     # notebook metadata: {file: first 16 hex digits of its sha256}


_RECORDING: list[set] = []


def _writes(args: tuple) -> bool:
    """An "open" event for writing (a page a notebook saves, such as the reader's edition): not something it reads."""
    return len(args) > 1 and isinstance(args[1], str) and bool(set(args[1]) & set("wax"))


def _hook(event: str, args: tuple) -> None:
    if _RECORDING and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)) \
            and not _writes(args):
        p = Path(os.path.realpath(os.fsdecode(args[0])))
        root = PROJECT.resolve()
        if p.is_relative_to(root) and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts:
            rel = p.relative_to(root).as_posix()
            if not rel.startswith((".venv", ".git", "build")):
                _RECORDING[-1].add(rel)


@contextlib.contextmanager
def _reads_here():
    """The project files this process opens inside the block (an audit hook, installed once, records them)."""
    if not getattr(_hook, "installed", False):
        sys.addaudithook(_hook)
        _hook.installed = True
    _RECORDING.append(set())
    try:
        yield _RECORDING[-1]
    finally:
        _RECORDING.pop()


def digest(path: Path) -> str:
    """A short digest of a file's content. For another notebook, everything a notebook can read of it (its
    metadata, cells and outputs) but its own record of inputs, so re-running one notebook with the same results
    does not make the others that list it (00's series map, 05's plans) look out of date, while new outputs do:
    00's times count the words another notebook's outputs show (round 20: 00 kept 03's old total and ``--stale``
    said "up to date", the digest having left the outputs out)."""
    if path.suffix != ".ipynb":
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    nb = json.loads(path.read_text(encoding="utf-8"))
    kept = {"metadata": {k: v for k, v in nb.get("metadata", {}).items() if k != INPUTS_KEY},
            "cells": [[c.get("cell_type"), c.get("source"), c.get("metadata", {}), c.get("outputs", [])]
                      for c in nb.get("cells", [])]}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def _silent(client: NotebookClient, code: str, **expressions) -> dict:
    reply = client.wait_for_reply(client.kc.execute(code, silent=True, store_history=False,
                                                    user_expressions=expressions))
    return reply["content"].get("user_expressions", {})


def render(path: Path, timeout: int = 600, env: dict | None = None) -> str:
    """Execute the notebook at ``path`` in a fresh kernel and return the file text it should have.

    ``env``, when given, is the kernel's environment (the offline test uses it to block the network). The
    notebook's metadata records each project file its cells read, with a digest of its content.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel(**({"env": env} if env is not None else {})):
        client.wait_for_reply(client.kc.kernel_info())
        _silent(client, TRACE.format(root=str(PROJECT.resolve())))
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        found = _silent(client, "", read="__import__('json').dumps([_root, sorted(_we_are_losing_read)])")["read"]
    root, read = json.loads(ast.literal_eval(found["data"]["text/plain"]))
    root, read = Path(root), set(read)
    nb = normalise(nb)
    # imported before the recording starts: a first import writes compiled code (a temporary file in __pycache__),
    # which is not a file the notebook reads
    from helpers import memo, qualifiers, rules
    from helpers.essay import _load_cached
    with _reads_here() as also:            # the "Time:" line is computed here, from files of its own
        _load_cached.cache_clear()
        # and the loaders' remembered results and the parsed schema too: warm from a notebook run before this one in
        # the same process, they read no file, so a notebook's record of inputs depended on the order the notebooks
        # ran in (CI63: 00, run last by --stale, recorded no schema.yml; run alone, it does)
        memo._MEMO.clear()
        rules._CACHE.clear()
        rules._SEEN.clear()
        for cached in vars(qualifiers).values():
            getattr(cached, "cache_clear", lambda: None)()
        stamp_time(nb, path)
    own = path.resolve().relative_to(PROJECT.resolve()).as_posix()
    # digests of the files as read: from the project the kernel's helpers come from (this one, or the project
    # whose helpers are installed, when a copy of the notebooks is run)
    nb.metadata[INPUTS_KEY] = {rel: digest((root if (root / rel).is_file() else PROJECT) / rel)
                               for rel in sorted(read | also) if rel != own}
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def run(path: Path, timeout: int = 600) -> None:
    """Execute the notebook at ``path`` and write it back in place."""
    text = render(path, timeout)
    path.write_bytes(text.encode("utf-8"))   # "\n" line ends on every system


def changed_inputs(path: Path) -> list[str]:
    """The project files this notebook read when it was last run that have changed since (or are gone);
    every input, if the notebook records none."""
    recorded = nbformat.read(path, as_version=4).metadata.get(INPUTS_KEY)
    if not recorded:
        return ["(no record of what it reads: run it once)"]
    return sorted(rel for rel, old in recorded.items()
                  if not (PROJECT / rel).is_file() or digest(PROJECT / rel) != old)


def recorded_inputs(path: Path) -> set[str]:
    """The project files this notebook read when it was last run (empty if it records none)."""
    return set(nbformat.read(path, as_version=4).metadata.get(INPUTS_KEY) or {})


def run_order(paths: list[Path], reads=recorded_inputs) -> list[Path]:
    """``paths`` with every notebook after the ones among them it reads (00 and 05 after 03), else in teaching
    order; two that read each other (00 and 05) keep their teaching order."""
    names = {p: f"notebooks/{p.name}" for p in paths}
    needs = {p: {q for q in paths if q != p and names[q] in reads(p)} for p in paths}
    order: list[Path] = []
    while len(order) < len(paths):
        left = [p for p in paths if p not in order]
        ready = [p for p in left if not needs[p] - set(order) - {q for q in left if p in needs[q]}]
        order.append((ready or left)[0])
    return order


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.run_notebooks", description=__doc__)
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: every notebooks/NN_*.ipynb)")
    parser.add_argument("--stale", action="store_true",
                        help="run only the notebooks whose data files changed since they were last run")
    parser.add_argument("--list", action="store_true", help="with --stale: say which, run nothing")
    args = parser.parse_args(argv)
    paths = notebook_paths(args.notebooks)
    if not paths:
        print(f"no notebooks found in {NOTEBOOKS}", file=sys.stderr)
        return 1
    if not args.stale:
        return _run_all(paths)
    done: list[Path] = []
    for _ in range(len(paths) + 1):   # a run can make the notebooks that read it stale: check again, run those too
        stale = {p: changed_inputs(p) for p in paths}
        if not done or args.list:
            for p, changed in stale.items():
                print(f"{p.name}: " + (f"changed since it was run: {', '.join(changed)}" if changed else "up to date"))
        todo = run_order([p for p, changed in stale.items() if changed])
        if args.list or not todo:
            return 0
        if done:
            print("read a notebook run just now: " + ", ".join(p.name for p in todo))
        if _run_all(todo):
            return 1
        done += todo
    print("still out of date after every round: " + ", ".join(p.name for p in paths if changed_inputs(p)),
          file=sys.stderr)
    return 1


def _run_all(paths: list[Path]) -> int:
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
