"""Read a committed notebook's outputs, to check that what it shows matches the data."""
from __future__ import annotations

from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def output_of(notebook: str, source_contains: str) -> str:
    """The text/plain (or printed) output of the one code cell whose source contains ``source_contains``."""
    nb = nbformat.read(NOTEBOOKS / notebook, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and source_contains in c.source]
    assert len(cells) == 1, f"{notebook}: {len(cells)} cells contain {source_contains!r}"
    parts = []
    for out in cells[0].outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "text/plain" in out.get("data", {}):
            parts.append(out.data["text/plain"])
    return "".join(parts)
