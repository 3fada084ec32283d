"""Session 21, issue 19 (learner review B on 5375ed2): the short route's rough spots. A one-evening learner was told
to stop halfway ("the first sitting ends here") in 02 and 03, read Key points summing up parts the route skipped,
read first the paragraphs of exercises the route skips, was told to "skip the 13 parts" where they make one jump,
and found no route time in the README."""
from __future__ import annotations

import copy
import json
import re

import nbformat
import pytest

from helpers.lessons import (opening_text, ROUTE_LINE_RE, ROUTE_ON_LINE, ROUTE_POINT_RE, STOP_LINE, _is_stop, route_jumps, route_line,
                             route_parts, route_point_problems, route_read, short_route)
from tests.conftest import PROJECT

LEARNERS = ["00_start_here", "01_argument_structure", "02_source_quotations", "03_timeline", "04_people_places_terms"]


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def _skipped(nb: dict) -> set[int]:
    return {k for p in route_parts(nb) for k in range(p["start"], p["end"])}


# --- 1. a sitting break inside the route ----------------------------------------------------------------------

@pytest.mark.parametrize("name", LEARNERS)
def test_a_sitting_break_the_route_keeps_tells_its_learner_to_go_straight_on(name):
    """02's and 03's "Stop here: the first sitting ends here." stand in cells the short route keeps: the route's
    own line comes first in that cell (under its heading), so the one-evening learner reads it before the stop."""
    nb = _nb(name)
    gone = _skipped(nb)
    # 00 and 04 are not split into two sittings (04, about 180 minutes, has no Two sittings line)
    assert name in ("00_start_here", "04_people_places_terms") or any(_is_stop("".join(c["source"])) for c in nb["cells"]), name
    for k, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] != "markdown" or not _is_stop(source):
            continue
        if k in gone:
            assert ROUTE_ON_LINE not in source, (name, k, "the route skips this break: no line needed")
        else:
            assert ROUTE_ON_LINE in source, (name, k, "run python -m tools.cells")
            assert source.index(ROUTE_ON_LINE) < source.index(STOP_LINE), (name, k)


def test_the_route_line_at_a_break_is_written_and_removed_by_tools_cells():
    from tools.cells import set_route
    nb = nbformat.reads(json.dumps(_nb("03_timeline")), as_version=4)
    stop = next(k for k, c in enumerate(nb.cells) if _is_stop(c.source))
    nb.cells[stop].source = nb.cells[stop].source.replace(ROUTE_ON_LINE + "\n\n", "")
    set_route(nb, "03_timeline.ipynb")
    assert nb.cells[stop].source.count(ROUTE_ON_LINE) == 1
    set_route(nb, "03_timeline.ipynb")                       # idempotent
    assert nb.cells[stop].source.count(ROUTE_ON_LINE) == 1
    nb.metadata["lesson"]["short_route"]["skip"].append("## A break")   # the route now skips the break itself
    set_route(nb, "03_timeline.ipynb")
    assert ROUTE_ON_LINE not in nb.cells[stop].source


# --- 2. Key points of parts the route skips -------------------------------------------------------------------

@pytest.mark.parametrize("name", LEARNERS)
def test_no_unmarked_key_point_sums_up_what_the_route_skipped(name):
    """A key point that names a skipped exercise or discussion question, or a paragraph no kept cell shows, is
    marked *Full route* with the parts it comes from (lesson metadata short_route.key_points), so a route learner
    is not told they learned what they never met."""
    assert route_point_problems(_nb(name)) == []


def test_the_problem_finder_sees_01s_old_key_points():
    nb = copy.deepcopy(_nb("01_argument_structure"))
    nb["metadata"]["lesson"]["short_route"].pop("key_points", None)
    cell = next(c for c in nb["cells"] if "".join(c["source"]).startswith("## Key points"))
    cell["source"] = ROUTE_POINT_RE.sub("", "".join(cell["source"]))
    problems = route_point_problems(nb)
    assert any("question 5" in p for p in problems), problems


def test_01_no_longer_holds_all_of_this_back_for_an_exercise_the_route_skips_without_saying_so():
    nb = _nb("01_argument_structure")
    gone = _skipped(nb)
    for k, c in enumerate(nb["cells"]):
        source = "".join(c["source"])
        if k not in gone and c["cell_type"] == "markdown" and "for Exercise 3" in source:
            assert "short route" in source, k


# --- 3. the reading the route needs ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", LEARNERS[1:])
def test_the_routes_reading_is_what_its_kept_exercises_cite_and_the_first_cell_says_so(name):
    nb = _nb(name)
    core = short_route(nb)
    cited = set()
    for c in core["cells"]:
        source = "".join(c["source"])
        if "exercise" in c.get("metadata", {}).get("tags", []) and source.startswith("## Exercise"):
            for a, b in re.findall(r"¶(\d+)(?:\s*(?:[–-]|to)\s*¶?(\d+))?", source.partition("\n")[2]):
                cited |= set(range(int(a), int(b or a) + 1))
    from helpers.text import paragraph_numbers
    assert cited and paragraph_numbers(route_read(nb)) == sorted(cited)
    assert core["metadata"]["lesson"]["read"] == route_read(nb)
    line = ROUTE_LINE_RE.search(opening_text(nb)).group(0)    # session 28: 02/03 give it under Setup, as 00 does
    assert f": before you start, read only {route_read(nb)};" in line, line


def test_03s_route_does_not_ask_for_the_reading_of_the_parts_it_skips():
    read = route_read(_nb("03_timeline"))
    assert "¶50" not in read and "¶58" not in read and "¶20–¶31" not in read, read


# --- 4. jumps, not parts, and what the route keeps ------------------------------------------------------------

def test_consecutive_skipped_parts_are_one_jump():
    cells = [{"cell_type": "markdown", "source": s} for s in ("## A", "## B", "## C", "## D", "## E", "## F")]
    nb = {"metadata": {"lesson": {"short_route": {"skip": ["## B", "## C", "## E"]}}}, "cells": cells}
    assert [[p["heading"] for p in jump] for jump in route_jumps(route_parts(nb))] == [["## B", "## C"], ["## E"]]


def test_01s_first_cell_counts_its_jumps_and_says_which_exercise_the_route_keeps():
    line = ROUTE_LINE_RE.search("".join(_nb("01_argument_structure")["cells"][0]["source"])).group(0)
    # review 22: the route also skips "Each point and what stands under it", a third jump; review 23: it keeps "Two
    # narratives rejected, one proposed" between the parts it skips, a fourth
    assert "parts" not in line and "skips ahead four times" in line, line
    assert "it shortens Exercise 1 and" in line, line   # review 22: the route asks three of its six answers


@pytest.mark.parametrize("name, kept", [("02_source_quotations", "shortens Exercises 1 and 3"),
                                        ("03_timeline", "shortens Exercise 2")])   # review 22: asked in part
def test_the_route_line_names_the_kept_exercises(name, kept):
    nb = _nb(name)
    from helpers.lessons import opening_index
    line = ROUTE_LINE_RE.search("".join(nb["cells"][opening_index(nb)]["source"])).group(0)
    assert f"it {kept} and skips ahead" in line, line


def test_the_route_line_names_jumps_in_words():
    line = route_line({"total_min": 60}, {"total_min": 90}, 1, ["## Exercise 2: x"])
    assert "with its reading; it keeps Exercise 2 and skips ahead once" in line, line


# --- 5. the README's table ------------------------------------------------------------------------------------

def test_the_readme_table_gives_each_route_time():
    import helpers
    from helpers.lessons import short_route_row
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- notebook-table -->\n(.*?)<!-- /notebook-table -->", readme, re.S).group(1)
    assert "short route" in block.split("\n")[0]
    essay = helpers.load_essay()
    for name in LEARNERS:
        row = next(line for line in block.split("\n") if line.startswith(f"| [{name}.ipynb]"))
        minutes = short_route_row(_nb(name), f"{name}.ipynb", essay)["total_min"]
        assert f"| about {minutes} min |" in row, row
    assert "| — |" in next(line for line in block.split("\n") if line.startswith("| [05_"))
