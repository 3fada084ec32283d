"""Session 22, issue 19 (learner review 21, items 3 and 7): the reading load of notebooks 00 and 01. A newcomer met
about 3,300 words in 00 before its first exercise; 01's first cell ran about 590 words before Setup; 01's worked
solutions ran to 600 words and more before giving their answer. Every count here is computed from the saved
notebooks, with the words a learner reads: Markdown (without the launch badge) and what code cells show."""
from __future__ import annotations

import json
import re

import pytest

from helpers.lessons import IMAGE_LINK, _shown_text
from helpers.text import count_words
from tests.conftest import PROJECT

WORDS_BEFORE_FIRST_EXERCISE = 1200   # 00: about 3,300 in round 21 (the package described before the essay was used)
OPENING_CELL_WORDS = 400             # 00–04's first cell; test_review_16 holds every notebook to 600
OPENING = ["00_start_here", "01_argument_structure", "02_source_quotations", "03_timeline", "04_people_places_terms"]
SOLUTION_WORDS = 450                 # 01: one worked solution's prose (its folding instructions not counted)
ANSWER_FIRST_WORDS = 70              # the opening paragraph that gives the answer: two or three sentences


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _read(cell: dict) -> int:
    """The words a learner reads in one cell: its Markdown, or what the code cell shows."""
    if cell["cell_type"] == "markdown":
        return count_words(IMAGE_LINK.sub("", "".join(cell["source"])))
    return sum(count_words(_shown_text(out)) for out in cell.get("outputs", []))


def words_before_first_exercise(nb: dict) -> int:
    cells = nb["cells"]
    first = next(k for k, c in enumerate(cells) if "exercise" in _tags(c))
    return sum(_read(c) for c in cells[:first])


def solutions(nb: dict) -> dict[str, list[str]]:
    """Each exercise's worked solution: its Markdown cells after the folded heading, by the exercise's heading."""
    found, title = {}, None
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if "exercise" in _tags(cell) and text.startswith("## "):
            title = text.splitlines()[0][3:]
        elif "solution" in _tags(cell) and cell["cell_type"] == "markdown" and not text.startswith("### Worked solution"):
            found.setdefault(title, []).append(text)
    return found


def test_00s_first_exercise_comes_within_the_first_1200_words():
    words = words_before_first_exercise(_nb("00_start_here"))
    assert words <= WORDS_BEFORE_FIRST_EXERCISE, f"00: {words} words before the first exercise"


@pytest.mark.parametrize("name", OPENING)
def test_the_first_cell_of_00_to_04_is_short(name):
    """Learner review 22, item 3: 02–04 opened with 550–600 words, ~120 of them on keeping a copy and Binder."""
    words = count_words(IMAGE_LINK.sub("", "".join(_nb(name)["cells"][0]["source"])))
    assert words <= OPENING_CELL_WORDS, f"{name}: first cell {words} words"


@pytest.mark.parametrize("name", OPENING[1:])
def test_the_first_cell_of_01_to_04_says_what_to_do_first_in_its_first_lines(name):
    lines = [ln for ln in "".join(_nb(name)["cells"][0]["source"]).splitlines() if ln.strip()]
    # learner review 26: one plain sentence of what the notebook is for, with which route to take, comes first
    assert lines[1].startswith("In this notebook you ") and lines[2].startswith("**What to do first:**"), lines[:3]


def test_01s_worked_solutions_are_short():
    found = solutions(_nb("01_argument_structure"))
    assert len(found) == 4, list(found)
    long = {t: count_words("\n".join(texts)) for t, texts in found.items()}
    assert {t: n for t, n in long.items() if n > SOLUTION_WORDS} == {}, long


def test_01s_worked_solutions_open_with_the_answer():
    for title, texts in solutions(_nb("01_argument_structure")).items():
        first = texts[0].split("\n\n")[0]
        assert first.startswith("**The answer first.**"), (title, first[:120])
        assert count_words(first) <= ANSWER_FIRST_WORDS, (title, count_words(first), first)


def test_the_solution_finder_sees_each_exercise():
    """The finder above reads each exercise's solution, not the folding instructions (so the bound can fail)."""
    found = solutions({"cells": [
        {"cell_type": "markdown", "metadata": {"tags": ["exercise"]}, "source": "## Exercise 1: x\n\nDo it."},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "### Worked solution: open"},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "**The answer first.** Yes. " * 100}]})
    assert list(found) == ["Exercise 1: x"] and count_words(found["Exercise 1: x"][0]) == 400
    assert re.match(r"\*\*The answer first", found["Exercise 1: x"][0])


def test_00_links_from_before_its_exercise_to_what_moved_after_it():
    """What 00 said about notebooks before its exercise (running everything, folded code, solutions, keeping work)
    moved after it; the short how-to before the exercise links there, and the heading it names is after it."""
    cells = _nb("00_start_here")["cells"]
    first = next(k for k, c in enumerate(cells) if "exercise" in _tags(c))
    texts = ["".join(c["source"]) for c in cells]
    links = [k for k, t in enumerate(texts[:first]) if "](#More-about-using-a-notebook)" in t]
    later = [k for k, t in enumerate(texts) if t.startswith("## More about using a notebook")]
    assert links and later and later[0] > first, (links, later, first)
    moved = texts[later[0]]
    assert all(part in moved for part in ("Run All Cells", "•••", "Worked solutions", "File → Download"))
