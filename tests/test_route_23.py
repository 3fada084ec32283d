"""Learner review 23 (issue 19, items 1, 2 and 4): the short routes skipped what the notebooks are for. 01's skipped
the argument (the two narratives, the objections, points 2 and 3), leaving a sourcing drill; 03's showed no timeline
figure; and none had any discussion, though discussion is why a group meets. Each short route of 01–04 now keeps the
argument or the figure it is for, and ends with one of the notebook's own discussion questions (lesson metadata
``short_route.discuss``), counted in its minutes."""
import pytest

from helpers.discussion import load_questions
from helpers.errors import HelperError
from helpers.lessons import (ROUTE_DISCUSS_RE, route_discussion, route_parts, short_route, short_route_row)

ROUTED = ["01_argument_structure", "02_source_quotations", "03_timeline", "04_people_places_terms"]


from tests.test_route_20 import _nb, essay  # noqa: E402,F401  (one notebook reader and essay fixture, shared)


def _headings(nb: dict) -> list[str]:
    return ["".join(c["source"]).split("\n", 1)[0] for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_01s_short_route_keeps_the_argument():
    """Seen failing before the change: 01's route skipped both parts."""
    kept = _headings(short_route(_nb("01_argument_structure")))
    assert "## Two narratives rejected, one proposed" in kept


def test_03s_short_route_shows_a_timeline_figure():
    """Seen failing before the change: 03's route skipped "The long view", its only figure."""
    core = short_route(_nb("03_timeline"))
    figures = [c for c in core["cells"] if c["cell_type"] == "code"
               and any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert figures, "03's short route shows no figure"


@pytest.mark.parametrize("name", ROUTED)
def test_each_short_route_ends_with_one_of_its_own_discussion_questions(name, essay):
    """Seen failing before the change: every route skipped the discussion, and counted no minutes for it."""
    nb = _nb(name)
    asked = route_discussion(nb, essay, name)
    assert asked is not None, f"{name}: its short route has no discussion question"
    assert asked["id"] in set(load_questions(essay, name).id), "the notebook's own question"
    row = short_route_row(nb, f"{name}.ipynb", essay)
    assert row["discussion_min"] == asked["minutes"] > 0, "the question's minutes are counted in the route's"
    # the learner on the route reads it where the route passes the discussion, before jumping ahead
    cell = next(c for c in nb["cells"] if "".join(c["source"]).startswith("## Discussion questions"))
    line = ROUTE_DISCUSS_RE.search("".join(cell["source"]))
    assert line and asked["text"] in line.group(0) and f"{asked['minutes']} minutes" in line.group(0)
    # nothing the route keeps comes after it but the key points
    gone = {k for p in route_parts(nb, name) for k in range(p["start"], p["end"])}
    start = nb["cells"].index(cell)
    after = [h for k, c in enumerate(nb["cells"]) if k > start and k not in gone
             for h in _headings({"cells": [c]}) if h.startswith("## ")]
    assert after == ["## Key points"], f"{name}: the route goes on after its question: {after}"


def test_a_question_of_another_notebook_is_refused(essay):
    nb = _nb("02_source_quotations")
    nb["metadata"]["lesson"]["short_route"]["discuss"] = "D01"
    with pytest.raises(HelperError, match="D01"):
        route_discussion(nb, essay, "02_source_quotations")
