"""Notebook 01 for a newcomer (the learner review of round 14: F7, F8, F11, F15; items 1, 7, 8 and 10 of its list of
the most harmful problems): the essay's argument before the package's vocabulary, the full list of labels as a folded
reference, no claim id in an exercise's prompt, *supports* against *explains* taught first with a link the package
does not mark as its own reading, and Exercise 1's rule on screen. Each test fails on the notebook the review read."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers.argument import vocabulary

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_argument_structure.ipynb"
LABELS = [w for column in ("type", "relation", "basis") for w in vocabulary(column)[column]]
PACKAGE_TERMS = ("spine", "branch", "body", "span", "paraphrase", "reference")
FOLDED = "jp-MarkdownHeadingCollapsed"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


def _squash(text: str) -> str:
    return " ".join(text.split())


def teaches_a_label(cell) -> bool:
    """A cell that shows the table of a vocabulary, or names one of its labels (or a word of the package's own) as
    a term, in italics or bold."""
    if cell.cell_type == "code":
        return "vocabulary(" in cell.source
    words = LABELS + list(PACKAGE_TERMS)
    return any(re.search(rf"(?<![\w*])\*{{1,2}}{re.escape(w)}\*{{1,2}}(?![\w*])", cell.source, re.I) for w in words)


def first_label_after_thesis(cells) -> tuple[int, int]:
    thesis = next(i for i, c in enumerate(cells) if c.cell_type == "code" and "argument.thesis_plain" in c.source)
    label = next(i for i, c in enumerate(cells) if teaches_a_label(c))
    return thesis, label


def test_the_plain_thesis_comes_before_any_label_of_the_package(nb):
    """F7: cells 3–9 gave 17 labels of type, relation and basis (three tables) and six words of the package's own
    (body, spine, branch, reference, span, paraphrase) before the plain thesis in cell 11. The plain thesis now
    comes before the first cell that shows or names any of them."""
    thesis, label = first_label_after_thesis(nb.cells)
    assert thesis < label, (f"cell {label} teaches a label before the plain thesis (cell {thesis}): "
                            f"{nb.cells[label].source[:80]!r}")
    assert "¶3" in nb.cells[thesis - 1].source and "¶9–¶10" in nb.cells[thesis - 1].source, \
        "the cell that leads into the plain thesis says where it stands in the essay"


def test_the_order_check_can_fail(nb):
    cells = list(nb.cells)
    cells.insert(2, nbformat.v4.new_markdown_cell("Each box gives our **paraphrase**."))
    thesis, label = first_label_after_thesis(cells)
    assert label < thesis


def test_all_the_labels_are_a_folded_reference(nb):
    """F7: the vocabulary tables of relation and basis stand together under one heading, *All the labels, for
    reference*, which JupyterLab opens folded; the fold ends at the next heading of its level. (Review 17 moved the
    types of claim out of the fold, into sight just before the first map: tests/test_learner_18_01.py.)"""
    cells = nb.cells
    head = next((i for i, c in enumerate(cells) if c.source.startswith("## All the labels, for reference")), None)
    assert head is not None, "no folded reference of the labels"
    assert cells[head].metadata.get(FOLDED) is True
    # a heading is a Markdown cell's: a folded code cell opens with "# " too, a comment in plain words (s23-fold)
    end = next(i for i in range(head + 1, len(cells))
               if cells[i].cell_type == "markdown" and re.match(r"#{1,2} ", cells[i].source))
    under = [c.source for c in cells[head + 1:end] if c.cell_type == "code"]
    for column in ("relation", "basis"):
        assert f'vocabulary("{column}")' in " ".join(under), column
    outside = [line for c in cells[:head] + cells[end:] for line in c.source.splitlines() if "vocabulary(" in line]
    assert outside == ['helpers.table(vocabulary("type"))'], outside


EXERCISE_ID = re.compile(r"(?<![\w¶-])[CKP]\d{1,3}\b(?![.,]\d)")


def test_no_claim_id_in_an_exercise_prompt(nb):
    """F11: Exercise 1 asked about the coups being "U.S.-backed" (C127), Exercise 2 about K2 and K4. A prompt names a
    claim or an objection by its words and its ¶, with no id at all (the worked solutions may keep one after the
    words, as a small reference)."""
    prompts = [c.source for c in nb.cells if c.cell_type == "markdown"
               and {"exercise", "answer-label"} & set(c.metadata.get("tags", []))]
    assert len(prompts) >= 8
    found = [(m.group(0), _squash(p)[:60]) for p in prompts for m in EXERCISE_ID.finditer(p)]
    assert not found, found


def test_the_id_check_can_fail():
    assert EXERCISE_ID.search('the coups were "U.S.-backed" (C127), and')
    assert EXERCISE_ID.search("K2 (the liberal narrative) or K4")
    assert not EXERCISE_ID.search("Read ¶20, ¶25 and ¶26. The U.S.-backed coup of 2009, COVID-19")


def test_supports_and_explains_are_taught_first_with_links_the_package_does_not_call_its_reading(nb, essay):
    """F8: the distinction was taught through ¶25, a link argument.yml marks as the package's reading, with hedges.
    The cell now quotes first the words of an *explains* link and of a *supports* link that the data does not mark
    as a reading (¶9's "They are the result of…", ¶4's facts for "We are losing."), and only then ¶25, as the harder
    case."""
    claims = helpers.load_argument(essay).claims
    text = _squash(next(c.source for c in nb.cells if "The difference between *supports* and *explains*" in c.source))
    plain = text.split("harder case")[0]
    assert "¶25" not in plain and "¶25" in text.split("harder case")[1]
    quoted = [q for q in re.findall(r"“([^”]+)”", plain) if len(q) >= 15]

    def taught(relation):
        rows = claims[(claims.relation == relation) & (claims.link != "the package's reading")]
        return [r.id for r in rows.itertuples() if any(q in r.span for q in quoted)]

    assert taught("explains"), "no explains link outside the package's own readings is quoted before ¶25"
    assert taught("supports"), "no supports link outside the package's own readings is quoted before ¶25"


def test_exercise_1_puts_the_rule_its_solution_uses_on_screen(nb, essay):
    """F15: the solution rated the IRI officer's "joke" *none given* "by the rule above", a rule stated only next to
    the basis table, about 15 screens up. The prompt now states the three bases and the rule; the solution points
    to it; and the solution says how many claims are backed by more than the authors' say-so, and which. (Review 18
    dropped the one-row table that repeated that line: tests/test_learner_19_01.py.)"""
    cells = nb.cells
    prompt = next(c.source for c in cells if c.source.startswith("## Exercise 1:"))
    for word in ("**cited**", "**attributed**", "**none given**"):
        assert word in prompt, word
    assert "an act the essay reports without a source" in prompt
    solution = next(c.source for c in cells if 'who "joked" about coups' in c.source)
    assert "by the rule in the exercise" in solution and "by the rule above" not in solution
    backed = helpers.load_argument(essay).backed(paragraphs=range(20, 27))
    words = {1: "one", 2: "two", 3: "three"}
    assert f"only {words[len(backed)]} is backed" in solution and "memoir quotation" in solution, solution[-600:]
