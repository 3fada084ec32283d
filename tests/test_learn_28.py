"""Session 28, issue 19: the learner reader's leftovers in notebooks 02, 03 and 04 (/work/out27/review-learner.md).
Each test was seen failing on main before its fix."""
from __future__ import annotations

import json
import re

import pytest

from helpers.lessons import IMAGE_LINK, opening_index
from helpers.text import count_words
from tests.conftest import PROJECT

FIRST_CELL_WORDS_02_03 = 200   # finding 4: about 390 words before anything to do (02, 03, 04); read in a minute


def _nb(key: str) -> dict:
    found = sorted((PROJECT / "notebooks").glob(f"{key}_*.ipynb"))
    assert len(found) == 1, key
    return json.loads(found[0].read_text(encoding="utf-8"))


def _src(cell: dict) -> str:
    return "".join(cell["source"])


# --- 1. the openings of 02 and 03 (finding 4) ------------------------------------------------------------------

@pytest.mark.parametrize("key", ["02", "03", "04"])
def test_the_first_cell_of_02_to_04_is_read_in_a_minute_and_says_what_to_do(key):
    nb = _nb(key)
    first = _src(nb["cells"][0])
    words = count_words(IMAGE_LINK.sub("", first))
    assert words <= FIRST_CELL_WORDS_02_03, f"{key}: first cell {words} words"
    assert "**What to do first:**" in first and "Shift + Enter" in first
    # the time in five parts, the reading lists, the sittings, questions and objectives wait under Setup
    about = opening_index(nb)
    assert about > 1 and nb["cells"][1]["cell_type"] == "code" and _src(nb["cells"][1]).startswith("# Setup")
    assert _src(nb["cells"][about]).startswith("## About this notebook")
    assert "**About this notebook**" in first, "the first cell says where the routes are"


# --- 2. 02's question 1 (finding 10), 03's date blocks (finding 5) -------------------------------------------------

QUESTION_WORDS_02 = 80     # a question read aloud or projected to a room; 02's question 1 had 110 words


def test_02s_discussion_questions_are_short_enough_to_put_to_a_room(essay):
    import helpers
    questions = helpers.load_questions(essay)
    mine = questions[questions.notebook == "02_source_quotations"]
    assert len(mine) == 5
    long = {r.id: count_words(r.question) for r in mine.itertuples() if count_words(r.question) > QUESTION_WORDS_02}
    assert not long, long


def _shown(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", "") if isinstance(out.get("text", ""), str) else "".join(out["text"]))
        for kind in ("text/html", "text/plain"):
            value = out.get("data", {}).get(kind, "")
            parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_03s_short_route_shows_what_each_derived_date_counts_from_in_one_short_row():
    """Finding 5: the short route's first derived dates were blocks of 50–90 words of steps each ("Since the Vietnam
    War" first); what each counts from, the point of the cell, was buried. Now one table row each, with a column
    saying what the date is counted or placed from; the steps in full wait on the full route."""
    cells = _nb("03")["cells"]
    start = next(k for k, c in enumerate(cells) if _src(c).startswith("## Stated and derived dates"))
    full = next(k for k, c in enumerate(cells) if _src(c).startswith("### The other derived dates"))
    short = [c for c in cells[start:full] if c["cell_type"] == "code"]
    assert short and all("steps to the date" not in _shown(c) for c in short)
    assert any("dated from" in _shown(c) and "Vietnam War ends" in _shown(c) for c in short)
    later = [c for c in cells[full:] if c["cell_type"] == "code" and "steps to the date" in _shown(c)]
    assert later, "the steps to each date are still there, on the full route"


# --- 3. findings 11–14 -------------------------------------------------------------------------------------------

def test_04s_lookup_is_not_shown_as_code_in_prose_and_its_cell_says_what_to_change():
    """Finding 11: 04 cell 2 named `tm.lookup` before the lookup was introduced, cell 8's prose showed the call, and
    the cell to edit lacked the "# A ready example: change …" line every other editable cell has."""
    cells = _nb("04")["cells"]
    at = next(k for k, c in enumerate(cells) if _src(c).startswith("## Look up a name or term"))
    prose = [_src(c) for c in cells[:at + 1] if c["cell_type"] == "markdown"]
    assert not [p for p in prose if "tm.lookup" in p]
    code = next(c for c in cells[at:] if c["cell_type"] == "code")
    assert _src(code).startswith("# A ready example: change ") and "tm.lookup(" in _src(code)


MAINTAINERS_WORDS = 60


@pytest.mark.parametrize("key", ["02", "03"])
def test_where_the_data_lives_is_a_short_pointer_for_maintainers(key):
    """Finding 14: 02's and 03's "Where the data lives" showed a git command, ids (E09, D01) and the files' date
    codes to a learner on the full route. It says now that it is for whoever maintains the package, in one line
    pointing to the reading's README, which holds what it said; no git command stands anywhere in the notebook."""
    cells = _nb(key)["cells"]
    data = next(_src(c) for c in cells if _src(c).startswith("## Where the data lives"))
    body = data.split("\n\n", 2)[2]
    assert body.startswith("*For whoever maintains the package") and count_words(body) <= MAINTAINERS_WORDS, body
    assert not re.search(r"\b[EDQN]\d\d\b|196X|`\.\.`", data), data
    assert not [k for k, c in enumerate(cells) if re.search(r"\bgit (?:checkout|restore|reset)\b", _src(c))]
    readme = (PROJECT / "seeds" / "we-are-losing" / "README.md").read_text(encoding="utf-8")
    assert "git checkout -- seeds/" in readme and "`196X` a decade" in readme and "*clue 1*" in readme


def test_02s_wording_snags_are_gone():
    """Finding 12: a dash in one cell and "an empty speaker" in another for the same thing; "written later" beside
    the table's "a later interview" with no word on what each is later than; two near-identical labels on two axes
    left unexplained; the key points' "the journalist" said nowhere before."""
    text = "\n".join(_src(c) for c in _nb("02")["cells"] if c["cell_type"] == "markdown")
    assert "empty speaker" not in text and "A dash (—) as speaker" in text
    numbers = next(_src(c) for c in _nb("02")["cells"] if _src(c).startswith("## Numbers that differ"))
    assert "written later" not in numbers and "later than his detention" in numbers
    assert "the form says what the words are on the page, the language how they reached English" in text
    assert "the journalist Bartolo Fuentes" not in text


def test_every_zoom_panel_names_a_year_at_its_first_labelled_tick(essay, closed_figures):
    """Finding 13: zoom parts 4 and 5 began their time axis with "Jul", no year to its left."""
    import helpers
    from helpers import plots
    timeline = helpers.load_timeline(essay)
    panels = plots.timeline_zoom_panels(timeline, leave_out=["E25", "E35", "E42", "E43", "E36", "E38", "E53", "E31"],
                                        writing="E38")
    closed_figures.extend(panels)
    for k, fig in enumerate(panels, start=1):
        ax = fig.axes[0]
        ticks = [(x, lab.get_text()) for minor in (False, True)
                 for x, lab in zip(ax.get_xticks(minor=minor), ax.get_xticklabels(minor=minor)) if lab.get_text()]
        first = min(ticks)[1]
        assert re.search(r"\b(?:19|20)\d\d\b", first), f"part {k}: its first tick says {first!r}"
