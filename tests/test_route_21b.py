"""Session 21, issue 19 (learner review 21 on 86c3f01), the short route again: 03's route skipped the section its only
exercise sends the learner to (*Context rows*) and the exercise its solution leans on; the opening cell gave the
route's reading list beside the full one with nothing saying which applies; kept cells pointed to skipped exercises
("Exercise 2 asks you to follow one of them", "You have … Exercise 1"); 01's "*Full route* (…): … question 5" was
cryptic to a route learner."""
from __future__ import annotations

import copy
import json
import re

import nbformat
import pytest

from helpers.lessons import (ROUTE_LINE_RE, opening_index, route_parts, route_point_mark, route_read,
                             route_reference_problems)
from tests.conftest import PROJECT

LEARNERS = ["00_start_here", "01_argument_structure", "02_source_quotations", "03_timeline", "04_people_places_terms"]


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


# --- 1 and 3. no kept cell sends the route learner to a part the route skips ---------------------------------

@pytest.mark.parametrize("name", LEARNERS)
def test_no_kept_cell_names_a_skipped_part_without_saying_full_route(name):
    assert route_reference_problems(_nb(name)) == []


def test_03s_exercise_2_keeps_the_context_rows_it_sends_the_learner_to():
    """Exercise 2 names the section *Context rows* and its row *Lobo's wife arrested*: the route keeps both."""
    nb = _nb("03_timeline")
    gone = {k for p in route_parts(nb) for k in range(p["start"], p["end"])}
    at = next(k for k, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("## Context rows"))
    assert at not in gone and at + 3 not in gone
    shown = " ".join(str(o.get("data", {}).get("text/html", "")) for c in nb["cells"][at:at + 4] if c["cell_type"] == "code"
                     for o in c.get("outputs", []))
    assert "Lobo" in shown and "wife arrested" in shown


def test_the_reference_check_sees_what_round_21_found():
    """On the cells as they were (86c3f01): 03's Exercise 2 and its solution, 02's pointer to Exercise 2."""
    nb = copy.deepcopy(_nb("03_timeline"))
    nb["metadata"]["lesson"]["short_route"]["skip"].append("## Context rows: dates from outside the essay")
    assert any("*Context rows" in p for p in route_reference_problems(nb))
    nb = copy.deepcopy(_nb("03_timeline"))       # session 27: the solution's cell, on the route as it is
    sol = next(c for c in nb["cells"] if "".join(c["source"]).startswith("**1. The earliest: the essay's evidence.**"))
    sol["source"] = "".join(sol["source"]) + " Exercise 1 weighs the ten years."     # session 27: the solution names it no more
    assert any("Exercise 1" in p for p in route_reference_problems(nb))
    nb = copy.deepcopy(_nb("02_source_quotations"))
    cell = next(c for c in nb["cells"] if "Exercise 2, on the full route, asks" in "".join(c["source"]))
    cell["source"] = "".join(cell["source"]).replace("Exercise 2, on the full route, asks", "Exercise 2 asks")
    problems = route_reference_problems(nb)
    assert len(problems) == 1 and "names Exercise 2" in problems[0], problems


# --- 2. the two reading lists say who each is for ------------------------------------------------------------

@pytest.mark.parametrize("name", LEARNERS[1:])
def test_the_opening_cell_says_which_reading_list_is_whose(name):
    nb = _nb(name)
    first = "".join(nb["cells"][opening_index(nb)]["source"])
    assert "*Full route:* **Before you start, read ¶" in first
    line = ROUTE_LINE_RE.search(first).group(0)
    assert f": before you start, read only {route_read(nb)};" in line, line


def test_tools_cells_writes_the_full_route_mark_once_and_only_where_the_lists_differ():
    from tools.cells import set_reading
    nb = nbformat.reads(json.dumps(_nb("03_timeline")), as_version=4)
    first = nb.cells[opening_index(nb)]      # session 28: About this notebook, under Setup
    first.source = first.source.replace("*Full route:* ", "")
    set_reading(nb, "03_timeline.ipynb")
    set_reading(nb, "03_timeline.ipynb")
    assert first.source.count("*Full route:* **Before you start") == 1
    del nb.metadata["lesson"]["short_route"]
    set_reading(nb, "03_timeline.ipynb")
    assert "*Full route:*" not in first.source


# --- 3. the Key points' mark says what it means -----------------------------------------------------------------

def test_a_key_points_mark_says_full_route_only_and_names_the_parts_in_words():
    mark = route_point_mark(["## Exercise 4: an example, or a proof?", "## Discussion questions"])
    assert mark == "*Full route only* (from Exercise 4 and the discussion questions): "
    cell = next(c for c in _nb("01_argument_structure")["cells"] if "".join(c["source"]).startswith("## Key points"))
    point = next(line for line in "".join(cell["source"]).split("\n") if "primary focus" in line)
    assert point.startswith("- *Full route only* (from") and "discussion question 5" in point, point
