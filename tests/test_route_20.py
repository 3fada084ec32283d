"""Session 20, issue 19 (the learner review on 7820dda): a short route through 00–03 for a learner with one evening,
discussion questions a learner can read and answer, and the small traps of the first cells and answer cells."""
from __future__ import annotations

import copy
import json
import re

import pytest

import helpers
from helpers.errors import HelperError
from helpers.lessons import (ROUTE_SKIP_RE, lesson_row, opening_index, opening_route_line, prompt_discussion,
                             route_parts, route_skip_line, short_route_row)
from tests.conftest import PROJECT

LEARNERS = ["00_start_here", "01_argument_structure", "02_source_quotations", "03_timeline",
            "04_people_places_terms"]   # 04 since learner review 22 (item 8)


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def essay():
    return helpers.load_essay()


@pytest.mark.parametrize("name", LEARNERS)
def test_the_first_screen_gives_the_short_routes_computed_time_beside_the_full_time(name, essay):
    """The short route's minutes are counted by the same functions as the full time (lesson_row on the notebook
    without its skipped parts), never typed, and stated in the opening cell just under the "**Time:**" line."""
    nb = _nb(name)
    core = short_route_row(nb, f"{name}.ipynb", essay)
    full = lesson_row(nb, f"{name}.ipynb", essay)
    assert core is not None, f"{name} declares no short route (lesson metadata short_route)"
    assert 0 < core["total_min"] < full["total_min"]
    assert core["total_min"] <= 150, f"{name}: the short route takes {core['total_min']} min, more than an evening"
    opening = "".join(nb["cells"][opening_index(nb)]["source"]).split("\n")
    at = next(i for i, line in enumerate(opening) if line.startswith("**Time:**"))
    assert opening[at + 2] == opening_route_line(nb, core, full), \
        f"{name}: the opening cell's short route is missing or stale (run tools.run_notebooks)"


@pytest.mark.parametrize("name", LEARNERS)
def test_every_skipped_part_exists_and_says_where_the_route_resumes(name):
    nb = _nb(name)
    parts = route_parts(nb)          # raises HelperError for a declared heading the notebook lacks
    declared = nb["metadata"]["lesson"]["short_route"]["skip"]
    assert len(parts) == len(declared) >= 2
    for p in parts:
        source = "".join(nb["cells"][p["start"]]["source"])
        assert source.split("\n")[0] == p["heading"]
        assert route_skip_line(p["resume"]) in source, (name, p["heading"])
        if p["resume"]:
            assert any("".join(c["source"]).startswith("#") and "".join(c["source"]).split("\n")[0].lstrip("# ")
                       == p["resume"] for c in nb["cells"][p["end"]:]), (name, p["resume"])
    marked = [k for k, c in enumerate(nb["cells"]) if ROUTE_SKIP_RE.search("".join(c["source"]))]
    assert marked == [p["start"] for p in parts], f"{name}: a skip line on a heading the route does not skip"


def test_a_short_route_naming_a_missing_heading_is_refused():
    nb = copy.deepcopy(_nb("01_argument_structure"))
    nb["metadata"]["lesson"]["short_route"]["skip"].append("## No such heading")
    with pytest.raises(HelperError, match="No such heading"):
        route_parts(nb)


@pytest.mark.parametrize("name", LEARNERS[1:])
def test_discussion_questions_read_as_numbered_markdown_with_somewhere_to_write(name):
    """Learner review 19: the questions were monospace printout numbered across the series ("1 to 5 and 20"), with
    nowhere to write. They show as Markdown, numbered from 1 in the notebook, each with its series number in words,
    and a notes cell (editable) follows them. Learner review 22: 04 too, which had neither."""
    nb = _nb(name)
    cells = nb["cells"]
    at = next(k for k, c in enumerate(cells) if c["cell_type"] == "code" and "show_questions(" in "".join(c["source"]))
    (out,) = cells[at]["outputs"]
    md = "".join(out["data"]["text/markdown"])
    numbers = [int(n) for n in re.findall(r"(?m)^(\d+)\. ", md)]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers, numbers
    assert len(re.findall(r"In the facilitator's plans and the packet: question \d+\.", md)) == len(numbers)
    label, answer = cells[at + 1], cells[at + 2]
    assert "answer-label" in label["metadata"]["tags"] and "answer" in answer["metadata"]["tags"]
    assert answer["metadata"].get("editable", True) is not False


@pytest.mark.parametrize("name", LEARNERS)
def test_typing_in_an_answer_cell_does_not_run_into_the_placeholder(name):
    """Learner review 19: Enter opens an answer cell with the cursor at its start, before "✎ *Write here.*", so the
    learner's first words ran into it. What is typed there must stand as a paragraph of its own."""
    for c in _nb(name)["cells"]:
        if "answer" in c.get("metadata", {}).get("tags", []):
            typed = "My answer." + "".join(c["source"])
            assert re.split(r"\n\s*\n", typed)[0].strip() == "My answer.", (name, "".join(c["source"]))


def test_the_first_notebooks_discussion_minutes_are_computed(essay):
    """Learner review 19: 00's discussion prompt said "10 minutes", typed. Its minutes come from the prompt's
    questions by reading.yml's discussion rule, and the lesson metadata holds the same number."""
    nb = _nb("00_start_here")
    prompts = [("".join(c["source"]), prompt_discussion("".join(c["source"]), essay)) for c in nb["cells"]]
    found = [(src, p) for src, p in prompts if p]
    assert len(found) == 1
    source, (minutes, written) = found[0]
    assert written == source and f"**Discuss (about {minutes} minutes," in source
    assert nb["metadata"]["lesson"]["discussion"] == minutes


@pytest.mark.parametrize("name", LEARNERS)
def test_no_first_cell_asks_for_a_key_a_learner_cannot_type(name):
    """Learner review 19: 01's first cell asked for `essay.show("¶17–¶18")` (¶ and an en dash are not on a keyboard)
    and 00's Setup comment sent learners to `make lab`."""
    nb = _nb(name)
    for c in nb["cells"][:opening_index(nb) + 2]:
        source = "".join(c["source"])
        assert not re.search(r"essay\.(?:show|search)\([^)]*[¶–]", source), (name, source[:200])
        assert "make lab" not in source, name


def test_the_participant_editions_short_route_counts_no_worked_solutions(essay):
    """The participant edition has no worked solutions and recomputes its time line without them
    (tools.editions.without_solutions); its short-route line is recomputed the same way, against that time."""
    import nbformat
    from helpers.lessons import ROUTE_LINE_RE
    from tools import editions
    path = PROJECT / "notebooks" / "01_argument_structure.ipynb"
    nb = nbformat.read(path, as_version=4)
    source = editions.without_solutions(nb.cells[0].source, nb)
    full = editions.participant_lessons().set_index("title").loc[nb.metadata["lesson"]["title"]]
    core = short_route_row(nb, path.name, essay)
    shown = re.search(r"about (\d+) minutes of the (\d+)", ROUTE_LINE_RE.search(source).group(0)).groups()
    assert int(shown[1]) == full.total_min
    assert int(shown[0]) < core["total_min"], "the participant edition's short route still counts the solutions"
