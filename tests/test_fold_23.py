"""Issue 19, learner review 22 (section 2; its items 7 and 9 of the ten most harmful).

Folded code: JupyterLab 4 shows a cell whose code is folded (``jupyter.source_hidden``) as a one-line placeholder
holding the first line of its code (@jupyterlab/cells, ``Cell``: ``new InputPlaceholder({text:
source.split("\\n")[0], …})``, seen in the bundle of the JupyterLab this package installs, 4.5), so a learner read
``election_rows = ["E19", "E20", …]`` where the notebook meant to hide code. Every folded cell now opens with a
comment in plain words, tools.cells refuses to fold a cell that does not, and 03's list of the 2017 election's rows
is chosen by a helper from the paragraphs that tell it, not typed in the notebook.

Reference codes: 02 and 03 said of their codes (Q02, E09, D01) "only a reference, you can read past it", yet printed
them in a **ref.** column of every table and inside sentences. Like 01 (tests/test_maps_22.py), what a learner reads of
02 and 03 now carries no code; the files' ids stay named in "Where the data lives", and in the figures' hidden
record of what they draw (``drawn``), for the tests.

Each test here was seen failing on the notebooks before the change (s23-fold)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from test_browser import browser, lab  # noqa: F401  (JupyterLab in Chromium, for the last test)
from test_maps_22 import CODE, codes

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("0*.ipynb"))

# a comment in words: "# " then a capital, then words, ¶ numbers, commas, dashes, apostrophes and brackets; nothing a
# programmer writes (no = . _ [ ] quotes, backticks or calls), at most one line of a code cell at 1280 px
PLAIN = re.compile(r"# [A-Z¶][\w ,;:'’()¶–—-]+")
CODE_LIKE = re.compile(r"[=_\[\]{}`\"“”]|\w\(|\w\.\w")


def plain_words(line: str) -> bool:
    return bool(PLAIN.fullmatch(line)) and not CODE_LIKE.search(line) and not CODE.search(line) and \
        len(line) <= 90 and len(re.findall(r"[A-Za-z]+", line)) >= 4


def folded_cells(path: Path):
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type == "code" and cell.metadata.get("jupyter", {}).get("source_hidden"):
            yield i, cell


def test_the_check_tells_words_from_code():
    assert plain_words("# Draws the timeline of the 2017 election (click to see the code)")
    assert plain_words("# The events the essay tells in ¶35–¶37, in order (click to see the code)")
    for line in ('election_rows = ["E19", "E20"]', 'hits = essay.search("shot dead")',
                 '# Held back until their solutions: the rows (writing="E38")', "# the rows E25 and E35 held back",
                 "# Shows helpers.table output", "# a table", 'helpers.display.say("\\n".join(…'):
        assert not plain_words(line), line


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem[:2] for p in NOTEBOOKS])
def test_every_folded_cell_opens_with_a_line_in_plain_words(path):
    """What JupyterLab shows of a folded cell is its first line: a sentence a non-programmer can read."""
    bad = [(i, cell.source.split("\n")[0][:70]) for i, cell in folded_cells(path)
           if not plain_words(cell.source.split("\n")[0])]
    assert not bad, f"{path.name}: folded cells whose first line is not a comment in words: {bad}"


def test_tools_cells_refuses_to_fold_code_without_a_plain_first_line():
    from tools import cells
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import helpers"),
                                         nbformat.v4.new_code_cell('rows = ["E19", "E20"]\nhelpers.table(rows)')])
    with pytest.raises(SystemExit, match="plain words"):
        cells.set_code_in_sight(nb, "03_timeline")
    nb.cells[1].source = "# The rows of the 2017 election (click to see the code)\n" + nb.cells[1].source
    cells.set_code_in_sight(nb, "03_timeline")
    assert nb.cells[1].metadata["jupyter"]["source_hidden"]


def test_03_types_no_list_of_the_2017_elections_rows():
    """The 2017 election's table holds the events the essay tells in ¶35–¶37 from 2017 on, chosen by a helper (the
    magistrate's remark and the prisoners still in jail were missing from the list typed in the notebook)."""
    nb = nbformat.read(next(p for p in NOTEBOOKS if p.stem.startswith("03")), as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "election_rows = [" not in code
    cell = next(c for c in nb.cells if c.get("id") == "v03-009")
    shown = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
    for label in ("A magistrate speaks out", "Some still in jail", "JOH runs for re-election", "2017 election day"):
        assert label in shown, label


def test_the_2017_election_is_chosen_by_its_paragraphs(essay):
    import helpers
    from helpers import timeline as tl
    timeline = helpers.load_timeline(essay)
    chosen = tl.told_in(timeline, 35, 37, starting_in="2017")
    assert {"E19", "E20", "E21", "E22", "E23", "E24", "E46", "E48", "E49", "E71", "E103", "E108", "E45"} == \
        set(chosen.id)
    assert "E12" not in set(chosen.id) and "E61" not in set(chosen.id)   # ¶37: the 2009 condition; no ambassador in 2019


def _seen(path: Path):
    """(cell, text) for what a learner reads of a notebook: its prose, save the section for maintainers ("Where the
    data lives"), and its outputs (plain text, HTML without tags, and each figure's alt text; the figures' hidden
    ``drawn`` record keeps its ids for the tests)."""
    for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and not source.startswith("## Where the data lives"):
            yield i, source
        for out in cell.get("outputs", []):
            yield i, "".join(out.get("data", {}).get("text/plain", "")) + "".join(out.get("text", ""))
            yield i, re.sub(r"<[^>]+>", " ", "".join(out.get("data", {}).get("text/html", "")))
            yield i, out.get("metadata", {}).get("image/png", {}).get("alt", "")


@pytest.mark.parametrize("name", ["02_source_quotations", "03_timeline"])
def test_02_and_03_show_no_reference_code(name):
    path = next(p for p in NOTEBOOKS if p.stem == name)
    found = sorted({(i, c) for i, text in _seen(path) for c in codes(text)})
    assert not found, f"{len(found)} codes a learner reads in {name}: {found[:20]}"
    prose = "".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"])
    assert "read past it" not in prose and "will not need" not in prose


def test_jupyterlab_shows_each_folded_cell_of_03_as_its_line_in_words(lab, browser):
    """In JupyterLab itself (headless Chromium): each folded cell of 03 is a placeholder whose text is the cell's
    first line, here the line in words; the 2017 election's cell reads as a sentence, not as a list of ids."""
    from test_browser import SCREENSHOTS, _open_and_wait, _send
    path = next(p for p in NOTEBOOKS if p.stem.startswith("03"))
    _send(lab, path, "03-folded.ipynb")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        _open_and_wait(lab, page, "03-folded.ipynb", "folded-03")
        texts = page.locator(".jp-InputPlaceholder .jp-PlaceholderText").all_inner_texts()
        assert len(texts) == len(list(folded_cells(path))), texts
        assert all(plain_words(t) for t in texts), texts
        assert "# The events of the 2017 election, in order (click to see the code)" in texts
        assert not [t for t in texts if "election_rows" in t or CODE.search(t)]
        placeholder = page.locator(".jp-InputPlaceholder", has_text="2017 election").first
        placeholder.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "03-folded-cell-placeholder.png"))
    finally:
        page.close()
