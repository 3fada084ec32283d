"""The fifteenth learner review (review15, learner.md): what a newcomer is told to do at a notebook's break.
Each test fails on the notebooks the review read."""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from helpers.lessons import STOP_LINE

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _assigned(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)}


def _used(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


BREAKS = [p for p in sorted(NOTEBOOKS.glob("0*.ipynb")) if "first sitting ends here" in p.read_text(encoding="utf-8")]


def test_the_notebooks_with_a_break_are_found():
    assert {p.name[:2] for p in BREAKS} >= {"01", "03"}


@pytest.mark.parametrize("path", BREAKS, ids=lambda p: p.name)
def test_a_break_says_how_to_restore_what_the_next_cells_need(path):
    """Learner review 15, item 10: 03's break said to re-run only the Setup cell, but the second sitting's first code
    cells need tables made after Setup (`election_rows`): "Not quite… run the cells above first". A break whose next
    cells need a name made by a cell after Setup must say to run every cell above (JupyterLab's Run → Run All Above
    Selected Cell)."""
    nb = nbformat.read(path, as_version=4)
    stops = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
             and any(line.startswith(STOP_LINE) for line in c.source.splitlines())]
    assert stops, path.name
    stop = stops[0]
    codes = [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    setup = codes[0][0]
    made_after_setup = set().union(*(_assigned(s) for i, s in codes if setup < i < stop))
    needed = set().union(*(_used(s) for i, s in codes if stop < i))
    if needed & made_after_setup:
        assert "Run All Above Selected Cell" in nb.cells[stop].source, (path.name, sorted(needed & made_after_setup))
