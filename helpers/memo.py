"""Loaders' results remembered by the bytes of the files they read: the one memo of the package.

``annotations.load_all`` calls each loader through ``remembered``. The first call of a loader records, with an audit
hook, every file it opens and every folder it lists (under the reading's folder or the project); a later call, for an
essay with the same text, metadata and name, whose recorded files still hold the same bytes, whose recorded folders
list the same names, and whose reading folder holds the same file names, gets a copy of the remembered result
instead of checking every span again. Anything else (an edited file, a file added to or removed from the reading's
folder, another essay, another day) runs the loader. Errors are never remembered: a failing file fails every time.

It makes the property tests (tests/test_properties.py) cheap: each example edits one file of a copied reading and
loads everything; only the loaders that read the edited file run again. In a notebook, a facilitator who edits a CSV
and runs the cell again sees the edit, because the bytes are compared on every call.
"""
from __future__ import annotations

import copy
import hashlib
import os
import sys
from datetime import date
from pathlib import Path

from .essay import PROJECT, Essay

LIMIT = 8                                # remembered results per loader and essay (the most recent)
_MEMO: dict[tuple, list[tuple[tuple, object]]] = {}
_recording: list[tuple[tuple[str, ...], set]] = []   # (roots, what was read) of each call being recorded
_hooked = False
_SKIP = (".py", ".pyc", ".so")           # module imports are code, not data
_PYTHON = tuple({os.path.join(p, "") for p in (sys.prefix, sys.base_prefix)})   # the installed packages' own files


def _hook(event: str, args: tuple) -> None:
    if not _recording or event not in ("open", "os.listdir", "os.scandir"):
        return
    path = args[0] if args else None
    if event == "open" and (isinstance(path, int) or (args[1] is not None and any(c in str(args[1]) for c in "wax+"))):
        return
    if path is None or isinstance(path, int):
        path = "." if event != "open" else None
    if path is None:
        return
    try:
        full = os.path.abspath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    if full.endswith(_SKIP) or full.startswith(_PYTHON):
        return
    for roots, found in _recording:
        if full.startswith(roots):
            found.add(("file" if event == "open" else "dir", full))


def _state(kind: str, full: str, folder: str) -> tuple:
    """What a recorded input is now: a file's digest (None if missing) or a folder's sorted names."""
    where = os.path.relpath(full, folder) if full.startswith(folder + os.sep) or full == folder else full
    if kind == "dir":
        try:
            return kind, where, tuple(sorted(os.listdir(full)))
        except OSError:
            return kind, where, None
    try:
        with open(full, "rb") as f:
            return kind, where, hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return kind, where, None


def _now(inputs: tuple, folder: str) -> tuple:
    return tuple(_state(kind, os.path.join(folder, where) if not os.path.isabs(where) else where, folder)[2]
                 for kind, where, _ in inputs)


def remembered(loader, essay: Essay):
    """``loader(essay)``, or a copy of its remembered result when nothing it read has changed (module docstring).

    Parameters: ``loader`` a function of the essay alone that reads files; ``essay`` the loaded essay.
    Returns: what ``loader(essay)`` returns (a deep copy: a caller may change it freely).

    Example:
    >>> from helpers import load_essay
    >>> from helpers.quotations import load_quotations
    >>> essay = load_essay()
    >>> remembered(load_quotations, essay).equals(load_quotations(essay))
    True
    """
    global _hooked
    if not _hooked:
        sys.addaudithook(_hook)
        _hooked = True
    folder = str(Path(essay.folder).resolve())
    key = (loader.__module__, loader.__qualname__, essay.reading, essay.text, repr(essay.meta), date.today())
    entries = _MEMO.setdefault(key, [])
    for inputs, result in reversed(entries):
        if _now(inputs, folder) == tuple(state for _, _, state in inputs):
            return copy.deepcopy(result)
    found: set = set()
    _recording.append(((folder + os.sep, str(PROJECT) + os.sep), found))
    try:
        result = loader(essay)
    finally:
        _recording.pop()
    found.add(("dir", folder))        # a file added or removed in the reading's folder is always noticed
    inputs = tuple(_state(kind, full, folder) for kind, full in sorted(found))
    entries.append((inputs, copy.deepcopy(result)))
    del entries[:-LIMIT]
    return result
