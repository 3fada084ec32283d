"""Session 21, issue 19 (learner reviews 20 and 20b): honest minutes for the hardest exercises. Each answer an
exercise asks for has a kind (look up, classify, weigh), declared beside the prompt in the exercise cell's metadata,
with the kind's minutes in reading.yml; and each discussion says what to do with its minutes when studying alone."""
from __future__ import annotations

import copy
import json

import pytest

import helpers
from helpers.lessons import (DISCUSSION_TIME_RE, SOLO_RE, answer_kinds, discussion_minutes, exercises,
                             prompt_discussion, solo_line, without_time_lines)
from tests.conftest import PROJECT

LEARNERS = ["00_start_here", "01_argument_structure", "02_source_quotations", "03_timeline",
            "04_people_places_terms"]


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def _exercise(kinds: list[str] | None) -> dict:
    meta = {"tags": ["exercise"]}
    if kinds is not None:
        meta["exercise"] = {"answers": kinds}
    return {"cell_type": "markdown", "metadata": meta,
            "source": "## Exercise: three questions\n\n1. Which?\n2. Where?\n3. Why?"}


def test_an_exercise_of_weighed_answers_costs_more_than_one_of_look_ups(essay):
    kinds = answer_kinds(essay)
    weigh = exercises({"cells": [_exercise(["weigh"] * 3)]}, essay).iloc[0]
    look = exercises({"cells": [_exercise(["look up"] * 3)]}, essay).iloc[0]
    assert weigh.answers == look.answers == 3
    assert weigh.floor_min - look.floor_min == 3 * (kinds["weigh"]["minutes"] - kinds["look up"]["minutes"]) > 0
    mixed = exercises({"cells": [_exercise(["look up", "classify", "weigh"])]}, essay).iloc[0]
    assert mixed.floor_min == sum(kinds[k]["minutes"] for k in ("look up", "classify", "weigh"))


def test_the_minutes_of_a_kind_are_data_in_reading_yml(reading_copy):
    from tests.editing import rewrite
    essay = helpers.load_essay(reading_copy)
    before = exercises({"cells": [_exercise(["weigh"] * 3)]}, essay).iloc[0].floor_min
    minutes = answer_kinds(essay)["weigh"]["minutes"]
    rewrite(reading_copy, "reading.yml", f"minutes: {minutes}  # weigh", f"minutes: {minutes + 2}  # weigh")
    after = exercises({"cells": [_exercise(["weigh"] * 3)]}, helpers.load_essay(reading_copy)).iloc[0].floor_min
    assert after - before == 6


@pytest.mark.parametrize("kinds, says", [(["weigh", "weigh"], "declares 2 kinds"),
                                         (["weigh", "ponder", "weigh"], "\"ponder\"")])
def test_a_declaration_that_does_not_fit_is_refused_with_its_fix(kinds, says, essay):
    with pytest.raises(helpers.HelperError) as info:
        exercises({"cells": [_exercise(kinds)]}, essay)
    message = str(info.value)
    assert says in message and "three questions" in message and "look up" in message
    assert len(message.splitlines()) <= 8


@pytest.mark.parametrize("name", LEARNERS)
def test_every_answer_of_every_learners_exercise_has_a_kind(name, essay):
    nb = _nb(name)
    known = set(answer_kinds(essay))
    for cell in nb["cells"]:
        if "exercise" in cell["metadata"].get("tags", []) and "".join(cell["source"]).startswith("## Exercise"):
            declared = (cell["metadata"].get("exercise") or {}).get("answers")
            assert declared and set(declared) <= known, "".join(cell["source"]).split("\n")[0]
    found = exercises(nb, essay)
    assert (found.kinds.map(len) == found.answers).all()


@pytest.mark.parametrize("name, title, at_least, kinds", [("01_argument_structure", "Exercise 1:", 45, {"weigh"}),
                                                          ("03_timeline", "Exercise 2:", 30, {"weigh", "classify"})])
def test_the_hardest_exercises_are_timed_as_weighing(name, title, at_least, kinds, essay):
    """Learner review 20: 01's Exercise 1 (35 min) took about 45; 03's Exercise 2 (49 min) 60 to 75. Session 27
    (learner review 26, finding 6): 03's Exercise 2 asks five answers, not eight: three to weigh (the two limits and
    the range), two to classify (does a clue bound or pull, which way)."""
    nb = _nb(name)
    found = exercises(nb, essay)
    row = found[found.title.str.startswith(title)].iloc[0]
    assert set(row.kinds) == kinds and row.floor_min >= at_least
    cell = next(c for c in nb["cells"] if "".join(c["source"]).startswith(f"## {title}"))
    assert f"about {row.floor_min} minutes (" in "".join(cell["source"]) and "to weigh" in "".join(cell["source"])


def test_the_readme_explains_each_kind_with_its_minutes(essay):
    readme = " ".join((PROJECT / "README.md").read_text(encoding="utf-8").split())
    for kind, spec in answer_kinds(essay).items():
        assert f"*{kind}* ({spec['minutes']} min" in readme, kind


@pytest.mark.parametrize("name", LEARNERS[1:])
def test_each_discussion_says_how_to_use_its_minutes_alone(name, essay):
    nb = _nb(name)
    questions, minutes = discussion_minutes(essay, name)
    cell = next("".join(c["source"]) for c in nb["cells"] if "".join(c["source"]).startswith("## Discussion questions"))
    lines = cell.split("\n")
    at = next(i for i, line in enumerate(lines) if DISCUSSION_TIME_RE.match(line))
    assert lines[at + 2] == solo_line(minutes)
    assert not SOLO_RE.search(without_time_lines(cell))


def test_00s_discussion_prompt_has_its_line_for_studying_alone(essay):
    nb = _nb("00_start_here")
    cell = next("".join(c["source"]) for c in nb["cells"]
                if c["cell_type"] == "markdown" and prompt_discussion("".join(c["source"]), essay))
    minutes = prompt_discussion(cell, essay)[0]
    assert solo_line(minutes) in cell


def test_the_line_for_studying_alone_names_both_choices():
    line = solo_line(35)
    assert "35 minutes" in line and "alone" in line and "write" in line.lower() and "skip" in line
    assert SOLO_RE.fullmatch(line)
