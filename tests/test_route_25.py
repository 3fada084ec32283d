"""Session 25, issue 19 (learner findings on the short routes): 01's route gives the rest of the argument in brief,
made from the argument map (``Argument.in_brief``); 04's route reads *What happened next*, and 03 points to it; a
short route counts a table's folded rows only where it asks the learner to open them (``short_route.open``); 00
opens like 01–04."""
from __future__ import annotations

import copy
import importlib
import re

import pytest

import helpers
from helpers.errors import HelperError
from helpers.lessons import short_route, short_route_row
from tests import editing

lessons = importlib.import_module("helpers.lessons")   # the module: helpers.lessons is also a function
from tests.test_route_20 import _nb, essay  # noqa: F401  (one notebook reader and essay fixture, shared)


@pytest.fixture(scope="module")
def argument(essay):
    return helpers.load_argument(essay)


def test_in_brief_gives_points_2_and_3_with_their_paragraphs(argument):
    text = argument.in_brief()
    for pt in argument.points[argument.points.number > 1].itertuples():
        assert f"Point {pt.number} (¶{pt.paragraph})" in text
        assert " ".join(pt.span.split()[:10]) + "…" in text, "its first words (the map prints it whole)"
    assert "Point 1 " not in text, "point 1 is the notebook's own subject, not the rest"


def test_in_brief_lists_every_objection_with_where_it_is_raised_granted_and_answered(argument):
    lines = [line for line in argument.in_brief().splitlines() if re.match(r"\d+\. ", line)]
    assert len(lines) == len(argument.counterarguments) == 6
    for line, ca in zip(lines, argument.counterarguments.itertuples()):
        assert f"stated in ¶{int(ca.objection_paragraph)}" in line
        assert f"¶{int(ca.reply_paragraph)}" in line.split("answered in ")[1]
        assert ("granted in part in" in line) == isinstance(ca.concession, str)
        assert len(line.split(":")[0].split()) <= 13, f"a short name: {line}"
    assert "granted in part in ¶45, answered in ¶48 (in the package's reading)" in lines[2]
    # close-reading review 25: ¶50's and ¶62's grants are printed
    assert "granted in part in ¶50" in lines[4] and "granted in part in ¶62" in lines[5]


def test_a_long_objection_without_a_brief_is_refused(reading_copy):
    error = editing.error_after(reading_copy, "argument.yml", '    brief: Some aims are "far more feasible than '
                                'cutting off military aid"\n', "", helpers.load_argument)
    assert "argument.yml" in str(error) and "brief" in str(error) and "45 words" in str(error)


def test_01s_short_route_gives_the_argument_in_brief():
    core = short_route(_nb("01_argument_structure"))
    cell = next(c for c in core["cells"] if c["cell_type"] == "code" and "in_brief()" in "".join(c["source"]))
    shown = "".join("".join(o.get("text") or o.get("data", {}).get("text/plain", "")) for o in cell["outputs"])
    assert "Point 3 (¶13)" in shown and "6. " in shown


def test_04s_short_route_reads_what_happened_next_and_03_points_to_it():
    heads = ["".join(c["source"]).split("\n", 1)[0] for c in short_route(_nb("04_people_places_terms"))["cells"]]
    assert "## What happened next" in heads
    story = next("".join(c["source"]) for c in _nb("03_timeline")["cells"]
                 if "".join(c["source"]).startswith("## What happened, in order"))
    assert "04_people_places_terms.ipynb#What-happened-next" in story


def test_folded_rows_count_only_where_the_route_opens_them(essay):
    nb = _nb("04_people_places_terms")
    opened = short_route_row(nb, "04_people_places_terms.ipynb", essay)
    everything = copy.deepcopy(nb)   # as if the route asked to open every table, the glossary's hundred rows too
    everything["metadata"]["lesson"]["short_route"]["open"] = ["# Who's who, key terms and the essay's numbers"]
    assert short_route_row(everything, "04_people_places_terms.ipynb", essay)["total_min"] \
        >= opened["total_min"] + 10, "the glossary's folded rows are not counted unless the route opens them"
    assert opened["total_min"] <= 150


def test_a_route_that_opens_what_it_skips_or_what_is_not_there_is_refused():
    nb = _nb("04_people_places_terms")
    nb["metadata"]["lesson"]["short_route"]["open"] = ["## Which names come up most, and where"]
    with pytest.raises(HelperError, match="skips"):
        lessons.route_opens(nb)
    nb["metadata"]["lesson"]["short_route"]["open"] = ["## No such part"]
    with pytest.raises(HelperError, match="no cell"):
        lessons.route_opens(nb)


def test_00_opens_like_01_to_04_time_and_short_route_then_names_note_and_reading():
    """Seen failing before the change: 00 gave the names, the content note and the reading first, and its time and
    short route only after them, where 01–04 give the time first."""
    cells = _nb("00_start_here")["cells"]
    setup = next(k for k, c in enumerate(cells) if c["cell_type"] == "code")
    text = ["".join(c["source"]) for c in cells]
    time = next(k for k, t in enumerate(text) if "**Short route, for one evening:**" in t and "**Time:**" in t)
    names = next(k for k, t in enumerate(text) if t.startswith("## Before you read"))
    note = next(k for k, c in enumerate(cells) if c.get("id") == "content-note")
    reading = next(k for k, t in enumerate(text) if t.startswith("**Before you start, read ¶"))
    assert time == setup + 1, "the time and short route come right after Setup"
    assert setup < time < names < note < reading


def test_00s_short_route_ends_with_discussion_question_1(essay):
    """Seen failing before the change: 00, which has no questions of its own, ended its route with none."""
    nb = _nb("00_start_here")
    asked = lessons.route_discussion(nb, essay, "00_start_here")
    assert asked is not None and asked["number"] == 1 and asked["notebook"] == "01_argument_structure"
    assert short_route_row(nb, "00_start_here.ipynb", essay)["discussion_min"] == asked["minutes"] > 0
    core = short_route(nb)
    texts = ["".join(c["source"]) for c in core["cells"] if c["cell_type"] == "markdown"]
    line = next(t for t in texts if lessons.ROUTE_DISCUSS_RE.search(t))
    assert asked["text"] in line and "discussion question 1 of [01 · The argument](01_argument_structure.ipynb)" in line
    from tools.cells import MANAGED_TAGS   # the credit and navigation cells are the package's, after the lesson
    authored = ["".join(c["source"]) for c in core["cells"] if c["cell_type"] == "markdown"
                and not (MANAGED_TAGS - {"route-discuss"}) & set(c.get("metadata", {}).get("tags", []))]
    after = [t.split("\n", 1)[0] for t in authored[authored.index(line) + 1:] if t.startswith("## ")]
    assert after == ["## Key points"], f"00's route goes on after its question: {after}"
