"""Notebooks 00–03 after the learner review of round 20 (issue 19), items 5, 8, 9 and 10 of its list: the two sets of
labels for how something is backed (01's basis of a claim, 02's source named for quoted words) said, in both
notebooks, to answer different questions, with the item where they differ; 01 Exercise 1 states its rule for a
reported remark; terms explained where first met; folded code described as JupyterLab shows it; one restart step at
every sitting break, from one place. Each test failed on the notebooks the review read (commit 314dcb6)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import helpers
from helpers.lessons import RESUME_STEP, _is_stop

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def read(stem: str):
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def cell(nb, cell_id: str) -> str:
    return next(c.source for c in nb.cells if c.get("id") == cell_id)


def differing_items():
    """Quoted or reported words that are also a claim's exact span, where 02's label (source named) names something
    but 01's (basis) is not *cited*: the items where the two sets of labels differ."""
    essay = helpers.load_essay()
    quotations = helpers.load_quotations(essay)
    argument = helpers.load_argument(essay)
    claims = argument.claims if hasattr(argument, "claims") else argument["claims"]
    by_span = {row.span: row for row in claims.itertuples()}
    return [(q, by_span[q.text]) for q in quotations.itertuples()
            if q.text in by_span and q.source_named != "none" and by_span[q.text].basis != "cited"]


def test_the_two_label_sets_are_said_to_answer_different_questions_in_both_notebooks():
    items = differing_items()
    assert items, "no quoted words that are also a claim with another label: the sentences below would be idle"
    one = cell(read("01_argument_structure"), "labels-basis")
    # 02's Exercise 3 no longer sets out notebook 01's labels: the learner review of session 27 (finding 3) found it a
    # detour from the exercise's question; 01 still says how the two label sets differ
    for text, other in ((one, "source named"),):
        assert "different question" in text and other in text, text[:400]
        for q, claim in items:
            assert q.source_as_given.replace("’", "'") in text.replace("’", "'"), (q.id, claim.id)
            assert f"*{claim.basis}*" in text and f"*{q.source_named.split()[0]}*" in text, (q.id, claim.id)


def test_exercise_1_states_its_rule_for_a_reported_remark():
    exercise = cell(read("01_argument_structure"), "2fac9f15")
    # learner review 21: the rule stands in a paragraph of its own, with a worked example (test_learner_21_learn2.py)
    rule = next(line for line in exercise.splitlines() if "not *attributed*" in line)
    assert "remark" in rule, rule


def first_cell_with(nb, words: str) -> str:
    return next(c.source for c in nb.cells if c.cell_type == "markdown" and words in c.source)


def test_terms_are_explained_where_first_met():
    start = read("00_start_here")
    libre = next(k for k, c in enumerate(start.cells) if "LIBRE" in c.source)
    assert "- **LIBRE**: " in start.cells[libre].source or "- **LIBRE**: " in start.cells[libre - 1].source
    assert "*in the package's reading*" in first_cell_with(start, "package's reading")
    extends = first_cell_with(read("01_argument_structure"), "*extends*")
    assert "how far" in extends, extends
    exercise = cell(read("03_timeline"), "v03-019")
    assert "*bounds*" in exercise and "*pulls*" in exercise, exercise


def test_folded_code_is_described_as_jupyterlab_shows_it():
    how = cell(read("00_start_here"), "cell-001")
    assert "thin bar" not in how and "•••" in how and "first line" in how, how


@pytest.mark.parametrize("stem", ["01_argument_structure", "02_source_quotations", "03_timeline"])
def test_every_sitting_break_gives_the_same_restart_step(stem):
    stops = [c.source for c in read(stem).cells if c.cell_type == "markdown" and _is_stop(c.source)]
    assert len(stops) == 1 and stops[0].rstrip().endswith(RESUME_STEP) and stops[0].count("Run All Above") == 1
    assert "Setup cell at the top again" not in stops[0]


def test_the_cells_tool_writes_the_restart_step():
    from tools.cells import set_resume
    old = ("---\n\n**Stop here: the first sitting ends here.** The second sitting starts here. Before it, run the "
           "Setup cell at the top again (click in it and press **Shift + Enter**): the cells below need only what it "
           "loads.")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(old)])
    set_resume(nb)
    once = nb.cells[0].source
    set_resume(nb)
    assert nb.cells[0].source == once and once.endswith(RESUME_STEP) and "Setup cell" not in once, once
