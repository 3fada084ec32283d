"""The facilitator's notes on paper print an exercise's figures as pictures (facilitator review 20: Session 1's
notes printed ``<Figure size 828x466 with 1 Axes>`` twice where Exercise 1's argument maps should be)."""
import re

import pytest

from tools import decks
import kit_once

pytestmark = pytest.mark.slow       # builds every meeting's notes page


@pytest.fixture(scope="module")
def notes():
    return kit_once.notes_pages()


def test_no_figure_is_printed_as_its_python_name(notes):
    for name, page in notes.items():
        assert not re.search(r"(<|&lt;)Figure size \d+x\d+", page), name


def test_an_exercise_whose_solution_draws_shows_the_drawing(notes):
    text = decks._exercise_text("01_argument_structure", 1)
    drawn = text.count("data:image/png;base64,")
    assert drawn >= 1, "01's Exercise 1 solution draws argument maps"
    series = notes["notes-series-3x120-1.html"]
    assert series.count('<img class="figure" src="data:image/png;base64,') >= drawn
