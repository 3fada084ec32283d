"""The words of a committed notebook, for the review tests that pin its prose (close reading and learner reviews):
white space folded, one markdown cell found by how it starts, all the markdown of a notebook at once. One place for
what test_close_reading_17/19 and test_learner_18_01/19_01 each wrote again (`duplicates --change`, issue #24)."""
from __future__ import annotations

from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def squash(text: str) -> str:
    """``text`` with every run of white space one space."""
    return " ".join(str(text).split())


def plain(text: str) -> str:
    """``text`` squashed, its curly single quotes (apostrophes) made straight."""
    return squash(str(text).replace("’", "'").replace("‘", "'"))


def read(notebook: str):
    """The committed notebook whose file name starts with ``notebook`` ("03" or "03_dating_and_context")."""
    found = sorted(NOTEBOOKS.glob(f"{notebook}*.ipynb"))
    assert len(found) == 1, (notebook, [p.name for p in found])
    return nbformat.read(found[0], as_version=4)


def markdown_cell(notebook: str, starts: str) -> str:
    """The source of the one markdown cell of a notebook that starts with ``starts``, made plain()."""
    found = [c.source for c in read(notebook).cells if c.cell_type == "markdown" and c.source.startswith(starts)]
    assert len(found) == 1, (notebook, starts, len(found))
    return plain(found[0])


def markdown_text(notebook: str) -> str:
    """Every markdown cell of a notebook, in order, made plain() as one string."""
    return plain(" ".join(c.source for c in read(notebook).cells if c.cell_type == "markdown"))


def reading_yaml(name: str):
    """One YAML file of the reading's folder, read as the package reads it (cached)."""
    from helpers.anchoring import read_yaml
    from helpers.essay import reading_folder
    return read_yaml(reading_folder() / name)
