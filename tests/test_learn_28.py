"""Session 28, issue 19: the learner reader's leftovers in notebooks 02, 03 and 04 (/work/out27/review-learner.md).
Each test was seen failing on main before its fix."""
from __future__ import annotations

import json
import re

import pytest

from helpers.lessons import IMAGE_LINK, opening_index
from helpers.text import count_words
from tests.conftest import PROJECT

FIRST_CELL_WORDS_02_03 = 200   # finding 4: about 390 words before anything to do; a first cell read in a minute


def _nb(key: str) -> dict:
    found = sorted((PROJECT / "notebooks").glob(f"{key}_*.ipynb"))
    assert len(found) == 1, key
    return json.loads(found[0].read_text(encoding="utf-8"))


def _src(cell: dict) -> str:
    return "".join(cell["source"])


# --- 1. the openings of 02 and 03 (finding 4) ------------------------------------------------------------------

@pytest.mark.parametrize("key", ["02", "03"])
def test_the_first_cell_of_02_and_03_is_read_in_a_minute_and_says_what_to_do(key):
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
