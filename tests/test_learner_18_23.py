"""Learner review 17 (issue 19), notebooks 02 and 03: exercise times for list tasks, a break in 02, solution cells
without pandas code, the "Words used below" lists and the glossary claim, what 03 holds back, and its figures.
Each test here was seen failing on the code before the change it holds (s18-nb23)."""
from __future__ import annotations

import copy
import json
import re

import pytest

import helpers
from helpers.lessons import STOP_LINE, exercises, first_sitting_min, lesson_row, opening_text, timing
from tools.run_notebooks import notebook_paths

NOTEBOOKS = {p.stem[:2]: p for p in notebook_paths()}


def load(key: str) -> dict:
    return json.loads(NOTEBOOKS[key].read_text(encoding="utf-8"))


def exercise_cell(nb: dict, title: str) -> dict:
    return next(c for c in nb["cells"] if "".join(c["source"]).startswith(f"## {title}"))


# ---------------------------------------------------------------------------------------------------------------
# 1. A list task is timed by the items it asks for, and 02 gets a break
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key, title", [("01", "Exercise 1:"), ("03", "Exercise 2:")])
def test_a_list_task_is_timed_by_its_items(key, title, essay):
    """01's Exercise 1 (list the facts, and how each is backed) and 03's Exercise 2 (find the clues to the date)
    were each counted as one answer (10 and 25 minutes stated; the learner took 20–30 and 45–60)."""
    nb = load(key)
    found = exercises(nb, essay)
    row = found[found.title.str.startswith(title)].iloc[0]
    assert row.list_items >= 5, "a list task declares the items it asks for"
    assert row.answers >= row.list_items
    answer = timing(essay)["answer_minutes"]
    assert row.floor_min >= answer * row.list_items
    stated = nb["metadata"]["lesson"]["exercises"][list(found.title).index(row.title)]
    assert stated >= row.floor_min >= 20


def test_a_list_task_must_say_how_many_items_it_asks_for(essay):
    nb = load("01")
    cell = exercise_cell(nb, "Exercise 1:")
    n = cell["metadata"]["exercise"]["list_items"]
    broken = copy.deepcopy(nb)
    cell = exercise_cell(broken, "Exercise 1:")
    cell["metadata"]["exercise"]["list_items"] = n + 3
    with pytest.raises(helpers.HelperError) as info:
        exercises(broken, essay)
    assert "does not say how many" in str(info.value) and "Exercise 1" in str(info.value)
    cell["metadata"]["exercise"]["list_items"] = "six"
    with pytest.raises(helpers.HelperError):
        exercises(broken, essay)


def test_more_items_asked_means_more_minutes(essay):
    nb = load("03")
    before = exercises(nb, essay)
    cell = exercise_cell(nb, "Exercise 2:")
    n = cell["metadata"]["exercise"]["list_items"]
    cell["metadata"]["exercise"]["list_items"] = 12
    cell["source"] = "".join(cell["source"]).replace("Find ", "Find twelve of them, not only the ", 1)
    after = exercises(nb, essay)
    assert after.floor_min[1] - before.floor_min[1] == timing(essay)["answer_minutes"] * (12 - n)
    assert list(after.floor_min.drop(1)) == list(before.floor_min.drop(1))


def test_02_has_a_break_with_its_first_sitting_computed(essay):
    """02 (about 150 minutes) had no break, where 01 and 03 have one; its sitting line is computed."""
    nb = load("02")
    assert any("".join(c["source"]).lstrip("-# \nA break").startswith(STOP_LINE) or STOP_LINE in "".join(c["source"])
               for c in nb["cells"][1:])
    sitting = first_sitting_min(nb, essay)
    total = lesson_row(nb, NOTEBOOKS["02"].name, essay)["total_min"]
    assert sitting is not None and 0.3 * total <= sitting <= 0.7 * total
    assert f"takes about {sitting} minutes with its reading" in opening_text(nb)
