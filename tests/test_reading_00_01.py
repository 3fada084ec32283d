"""Notebooks 00 and 01 after the second close reading (issue 12): one meaning for "at the time of writing",
one definition of a block quotation, the basis rule taught as the data applies it."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import pandas as pd

from helpers.argument import BASIS_MEANING

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _dating_words() -> str:
    """How notebook 01 words the range that notebook 03 reasons to, computed from dating.csv (one source)."""
    import helpers
    from helpers.timeline import load_dating, written_between
    start, end = written_between(load_dating(helpers.load_essay()))
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"to {start.year}"
    return f"to between {start:%B %Y} and {end:%B %Y}"


DATING = _dating_words()


def markdown(name: str) -> list[str]:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


@pytest.fixture(scope="module")
def nb00():
    return markdown("00_start_here.ipynb")


@pytest.fixture(scope="module")
def nb01():
    return markdown("01_argument_structure.ipynb")


def test_notebook_01_says_once_what_the_time_of_writing_is(nb01):
    defining = [s for s in nb01 if "**At the time of writing**" in s]
    assert len(defining) == 1
    assert "when the authors wrote" in defining[0] and "notebook 03" in defining[0].lower()
    assert "March 2020" in defining[0], "published is not written"
    # the year notebook 03 reasons to is the answer to its Exercise 2: 01 points there without giving it
    assert sum(s.count(DATING) for s in nb01) == 0, "the dating is notebook 03's exercise: not given in 01"


def test_notebook_00_leaves_the_dating_to_notebook_03(nb00):
    text = "\n".join(nb00)
    assert "2019" not in text, "notebook 00 does not date the writing"
    assert "notebook 03 dates the writing" in text


def test_the_dating_check_can_fail(nb01):
    repeated = nb01 + [f"As we said, {DATING}."]
    with pytest.raises(AssertionError, match="not given in 01"):
        test_notebook_01_says_once_what_the_time_of_writing_is(repeated)


def test_one_definition_of_a_block_quotation(nb00, nb01, essay):
    definition = next(s for s in nb00 if "a **block quotation** is" in s)
    assert "a long quotation set apart inside a section" in definition
    assert "the authors often lead into it with a sentence of their own" in definition
    assert "¶7" in definition, "Marx is the block quotation nothing leads into"
    assert not any(re.search(r"Marx[^.;(]*\ban epigraph\b|\ban epigraph in the Introduction", s) for s in nb00 + nb01)
    marx = essay.paragraphs.loc[7]
    assert marx.kind == "block quotation" and pd.isna(marx.introduced_in)
    readme = (Path(__file__).resolve().parents[1] / "seeds/we-are-losing/README.md").read_text()
    assert "`block`: a long quotation set apart from the prose inside a section" in readme


def test_the_basis_rule_for_unsourced_acts_is_taught_where_the_table_is(nb01):
    assert "an act (even a spoken one) reported without one" in BASIS_MEANING["none given"]
    rule = [s for s in nb01 if "an act the essay reports without a source" in s]
    assert rule, "notebook 01 states the rule next to the basis table"
    solution = next(s for s in nb01 if 'who "joked" about coups' in s)
    assert "**none given**" in solution.split("joked")[1].split("\n")[0]


def test_notebook_01_marks_its_own_causal_readings(nb01):
    text = "\n".join(nb01)
    assert "in the authors' account, it had to" not in text
    assert "the package's reading" in text
    solution = next(s for s in nb01 if '"All of this" sums up' in s)
    assert "does not say how far back it reaches" in solution
    assert "with a Military Police answering" not in solution, "¶32: the Military Police was created, not stacked"


def test_exercise_1s_solution_map_shows_the_facts_its_text_discusses():
    """The learner review: 01 Exercise 1's solution said its map showed what each fact does for C127, and the map
    showed only C127 under C20. The map now draws the facts the solution goes through (C21–C24) under C127."""
    import json
    from pathlib import Path
    cells = json.loads((Path(__file__).parent.parent / "notebooks" / "01_argument_structure.ipynb")
                       .read_text(encoding="utf-8"))["cells"]
    start = next(k for k, c in enumerate(cells) if "".join(c["source"]).startswith("## Exercise 1:"))
    end = next(k for k in range(start + 1, len(cells)) if "".join(cells[k]["source"]).startswith("## "))
    said = " ".join("".join(o.get("data", {}).get("text/plain", "")) for c in cells[start:end]
                    if c["cell_type"] == "code" and "show_argument_map" in "".join(c["source"]) for o in c["outputs"])
    # each claim named by its first words (the package's paraphrase, or the essay's words for a claim held back): the
    # maps name no code since learner review 21
    import helpers
    nodes = helpers.load_argument(helpers.load_essay()).nodes()
    said = " ".join(said.split())
    for claim in ("C127", "C21", "C22", "C23", "C24"):
        row = nodes.loc[claim]
        assert any(" ".join(str(text).split()[:5]) in said for text in (row.paraphrase, row.span)), claim
