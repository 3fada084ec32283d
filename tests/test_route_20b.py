"""Learner review 20b: the short route skipped 00's "Kinds of paragraph" (its heading stood in the middle of a cell,
so the part before it ran on through it) and dropped 03's headline exercise ("When was the essay written?")."""
import json
import re

import pytest

from helpers.lessons import route_parts
from tools.run_notebooks import notebook_paths

LEARNERS = [p for p in notebook_paths() if p.name[:2] in ("00", "01", "02", "03", "04")]


@pytest.mark.parametrize("path", LEARNERS, ids=lambda p: p.name[:2])
def test_no_section_heading_is_swallowed_by_a_skipped_part(path):
    """A part of the short route runs from its heading to the next heading that opens a cell: a "## " heading in the
    middle of a cell inside that stretch would be skipped with it, unannounced."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    skipped = {k for part in route_parts(nb) for k in range(part["start"] + 1, part["end"])}
    for k in skipped:
        cell = nb["cells"][k]
        if cell["cell_type"] == "markdown":
            later = "".join(cell["source"]).split("\n")[1:]
            assert not [ln for ln in later if re.match(r"## ", ln)], (path.name, k, "open the heading's own cell")


def test_03s_short_route_keeps_its_headline_exercise():
    path = next(p for p in LEARNERS if p.name.startswith("03_"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    skipped = {k for part in route_parts(nb) for k in range(part["start"], part["end"])}
    heads = [k for k, c in enumerate(nb["cells"]) if "".join(c["source"]).startswith("## Exercise 2: when was the essay")]
    assert heads and heads[0] not in skipped
