"""Navigation generated from the lesson metadata: every notebook's last cell, 00's series map, the README
table. If a notebook is added, renamed or retitled and `make notebooks` was not run, these fail."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers.lessons import opening_text
from tools import cells, navigation
from tools.launch import settings

PROJECT = Path(__file__).resolve().parent.parent
TABLE = helpers.lessons()
NAMES = list(TABLE.notebook)
FIX = "run `make notebooks` (tools/cells.py regenerates it from the lesson metadata)"


def read(name: str):
    return nbformat.read(PROJECT / "notebooks" / name, as_version=4)


def links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


@pytest.mark.parametrize("name", NAMES)
def test_every_notebook_ends_with_previous_map_next(name):
    nb = read(name)
    last = nb.cells[-1]
    assert last.id == "nav" and "nav" in last.metadata.get("tags", []), f"{name}: the last cell is not the navigation; {FIX}"
    assert last.source == navigation.nav_markdown(TABLE, name), f"{name}: the navigation has drifted; {FIX}"
    i = NAMES.index(name)
    expected = ([NAMES[i - 1]] if i else []) + ([navigation.MAP_ANCHOR] if name == navigation.MAP_NOTEBOOK else []) \
        + ([NAMES[i + 1]] if i + 1 < len(NAMES) else [])
    # JupyterLab opens another notebook at its top whatever the #heading (learner review 22): 01–05 list the series
    # after the previous and next links, every notebook but themselves
    if name != navigation.MAP_NOTEBOOK:
        expected += [n for n in NAMES if n != name]
    assert links(last.source) == expected
    assert [c.id for c in nb.cells].count("nav") == 1


def test_every_link_points_at_a_notebook_and_the_map_heading_exists():
    for name in NAMES:
        for target in links(read(name).cells[-1].source):
            file, _, anchor = target.partition("#")
            assert (PROJECT / "notebooks" / (file or name)).is_file(), (name, target)
            if anchor:
                start = read(file or name)
                assert any(c.cell_type == "markdown" and re.search(rf"(?m)^{navigation.MAP_HEADING}\s*$", c.source)
                           for c in start.cells), f"00_start_here has no '{navigation.MAP_HEADING}' heading for {target}"


def test_the_series_map_links_every_notebook():
    nb = read(navigation.MAP_NOTEBOOK)
    cell = next((c for c in nb.cells if c.get("id") == "series-map"), None)
    assert cell is not None, f"00_start_here has no series-map cell; {FIX}"
    assert cell.source == navigation.series_map_markdown(TABLE), f"the series map has drifted; {FIX}"
    assert links(cell.source) == NAMES
    before = nb.cells[[c.id for c in nb.cells].index("series-map") - 1]
    assert "helpers.lessons(learners=True)" in before.source


def test_the_readme_table_is_generated_from_the_same_source():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- notebook-table -->\n(.*?)\n<!-- /notebook-table -->", readme, re.S)
    assert block, "README.md lost its <!-- notebook-table --> markers; restore them from git"
    s = settings()
    assert block.group(1) == navigation.readme_table(TABLE, s["repository"], s["branch"]), f"README table drifted; {FIX}"
    assert [t for t in links(block.group(1)) if t.startswith("notebooks/")] == [f"notebooks/{n}" for n in NAMES]


def test_a_drifted_navigation_is_caught_and_repaired():
    """The control: change a title in the metadata and the generated cells no longer match; re-applying fixes them."""
    nb = read("02_source_quotations.ipynb")
    table = TABLE.copy()
    table.loc[table.notebook == "03_timeline.ipynb", "title"] = "A renamed lesson"
    assert nb.cells[-1].source != navigation.nav_markdown(table, "02_source_quotations.ipynb")
    nb.cells[-1].source = "edited by hand"
    cells.set_nav(nb, "02_source_quotations.ipynb", table)
    assert "A renamed lesson" in nb.cells[-1].source and [c.id for c in nb.cells].count("nav") == 1


@pytest.mark.parametrize("name", NAMES)
def test_applying_the_generated_cells_again_changes_nothing(name):
    s = settings()
    nb = read(name)
    again = cells.apply_notebook(read(name), name, TABLE, s["repository"], s["branch"])
    assert again == nb, f"{name}: {FIX}"


def test_credit_cell_ends_00_before_the_navigation():
    nb = read(navigation.MAP_NOTEBOOK)
    assert [c.id for c in nb.cells][-2:] == ["credit", "nav"]
    credit = nb.cells[-2].source
    assert credit == cells.credit_markdown(), f"the credit cell has drifted from reading.yml / CITATION.cff; {FIX}"
    assert "rights in the essay stay with its authors" in credit and "CITATION.cff" in credit and "LICENSE" in credit


def test_the_last_lesson_does_not_send_a_learner_on_as_if_the_guide_were_a_lesson():
    """The learner review: 04's Next link led to the facilitator guide like a fifth lesson. A link to a notebook
    for the facilitator only says who it is for; links between lessons do not."""
    from tools.editions import FACILITATOR_ONLY
    table = helpers.lessons()
    said = {}
    for name in table.notebook:
        nxt = re.search(r"\[Next([^:]*):", navigation.nav_markdown(table, name))
        if nxt:
            said[name] = nxt.group(1)
    names = list(table.notebook)
    for name, who in said.items():
        following = names[names.index(name) + 1].removesuffix(".ipynb")
        assert (who == " (for whoever leads a group)") == (following in FACILITATOR_ONLY), (name, who)
    assert any(who for who in said.values()), "the series has a facilitator-only notebook after a lesson"
    last = read("04_people_places_terms.ipynb").cells[-1].source
    assert "Next (for whoever leads a group): 05" in last


def test_the_participant_start_page_names_no_notebook_it_does_not_have():
    """00's series table lists the lessons only, and the participant edition drops the series map's line for the
    facilitator guide, so a participant is never shown a notebook their edition leaves out (learner review)."""
    import json
    from tools import editions
    only = {n for n in NAMES if n.removesuffix(".ipynb") in editions.FACILITATOR_ONLY}
    assert only == {f"{p}.ipynb" for p in editions.FACILITATOR_ONLY} and only, "no notebook is marked for facilitators"
    titles = [r.title for r in TABLE.itertuples() if r.notebook in only]
    assert list(helpers.lessons(learners=True).notebook) == [n for n in NAMES if n not in only]
    full = json.dumps(read(navigation.MAP_NOTEBOOK))
    assert all(t in full for t in titles), "the full edition's series map lists the facilitator guide"
    participant = json.dumps(editions.edition(read(navigation.MAP_NOTEBOOK), participant=True))
    for title in titles:
        assert title not in participant, f"the participant edition of 00 still names {title!r}"


def test_the_participant_edition_says_nothing_of_solutions_it_leaves_out():
    """Learner review: the participant edition said its worked solutions were left out, then told the reader how to
    open them and counted time for reading them. Its prose no longer mentions them, and its times (each notebook's
    time line, 00's table and map of the series) count none, the same in all three places."""
    import json
    from helpers.lessons import time_line
    from tools import editions
    table = editions.participant_lessons().set_index("notebook")
    full = helpers.lessons(learners=True).set_index("notebook")
    assert (table.solutions_min == 0).all() and (table.total_min <= full.total_min).all()
    assert (table.total_min < full.total_min).any(), "the participant times should drop the solutions' reading"
    for name in table.index:
        nb = editions.edition(read(name), participant=True)
        prose = [c.source for c in nb.cells if c.cell_type == "markdown"]
        said = [s for text in prose for s in re.split(r"(?<=[.!?])\s+", text)
                if re.search(r"solution", s, re.I) and "edition-note" not in s]
        assert not said, f"{name}: the participant edition still speaks of worked solutions: {said[:2]}"
        assert time_line(table.loc[name].to_dict()) in opening_text(nb), name
        if name == navigation.MAP_NOTEBOOK:
            shown = json.dumps([c.get("outputs", []) for c in nb.cells if "series" in c.metadata.get("tags", [])])
            for row in table.itertuples():
                assert f"about {row.total_min} minutes" in next(c.source for c in nb.cells if c.get("id") == "series-map")
            assert all(f"  {row.total_min}" in shown for row in table.itertuples()), "00's table keeps the full times"
