"""What an independent close reader found in 02–04 and the glossary's since lines (session 26, review-close).

Each test holds one finding: 04 counted "since" from March 2020 in its opening and from the time of writing in
*What happened next* (1); its worked example said Heidi Fulton's definition "adds only" what a chargé d'affaires is
and read "currently" both ways (2); 02 called ¶33's bill one that "could be any bill", leaving out ¶46 (3); the
Venezuela line said the government "stayed in office" and then reported its head's capture, and its in_the_essay
dropped "actively" and ¶5's second half (4); the ambassador line dated Hoey's leadership to December 2025 and the
departure from an announcement (5); the glossary gave "Tony Hernández" as if the essay named him (6); the facilitator's
note gave one stale check day (8); 04 said no figure came with anything a reader could look up, against 02 (9); 03's
key points summarised the writing date unlike its worked answer, and 04 dropped the inference's outside date (10);
02's word list spoke of LeftRoots in the present (11); the IRI officer's row had no star for a date the package
widened, and E12's reasoning did not parse (12).
"""
from __future__ import annotations

import nbformat
import pytest
import yaml

import helpers
from helpers import timeline as tl
from notebook_outputs import NOTEBOOKS


def _cell(notebook: str, starts: str) -> str:
    nb = nbformat.read(NOTEBOOKS / notebook, as_version=4)
    found = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(starts)]
    assert len(found) == 1, (notebook, starts, len(found))
    return found[0]


@pytest.fixture(scope="module")
def terms(essay):
    return helpers.load_terms(essay).set_index("term")


def test_04_counts_since_from_the_time_of_writing_in_its_opening_too():
    from helpers.lessons import opening_text      # session 28: the first cell, then About this notebook under Setup
    opening = opening_text(nbformat.read(NOTEBOOKS / "04_people_places_terms.ipynb", as_version=4))
    assert "since March 2020" not in opening
    assert "what has changed since the essay was written." in opening


def test_04_says_each_line_stops_at_its_last_date_and_keeps_the_inference_s_outside_date():
    intro = _cell("04_people_places_terms.ipynb", "## What happened next")
    assert "true *as of*" not in intro
    assert "A line reports events up to the last date it gives; later events are not covered" in intro
    assert "one date from outside it" in intro and "January 2019 to March 2020" in intro
    for term in ("Tony Hernández", "the U.S. ambassador to Honduras", "Venezuela"):
        assert term in intro, term


def test_04_worked_example_says_what_heidi_fulton_s_row_adds(terms):
    example = _cell("04_people_places_terms.ipynb", "**One worked example: Heidi Fulton.**")
    assert "adds only" not in example and "can be read either way" not in example
    assert "June 2017 to July 2019" in example and "June 2017 to July 2019" in terms.loc["Heidi Fulton", "definition"]


def test_02_sets_the_bill_of_33_beside_the_bill_46_names(essay):
    worked = _cell("02_source_quotations.ipynb", "**Worked examples: what does the essay name")
    assert "could be any bill" not in worked
    named = "the Berta Cáceres Bill for Human Rights in Honduras"
    assert f"“{named}”" in worked and named in essay.paragraphs.loc[46].text
    assert "the package's reading" in worked


def test_the_venezuela_row_quotes_both_halves_of_5_and_does_not_end_on_stayed_in_office(essay, terms):
    row = terms.loc["Venezuela"]
    for words in ("is actively attempting to overthrow", "there is a very real threat of a U.S. backed Coup"):
        assert words in row.in_the_essay and words in essay.paragraphs.loc[5].text, words
    assert "stayed in office until January 2026" in row.since
    assert "later events are not covered" in row.since


def test_the_ambassador_line_dates_the_departure_and_not_the_meeting(terms):
    since = terms.loc["U.S. ambassador to Honduras", "since"]
    assert "at the end of December 2025 a chargé" not in since
    assert "announced that she would leave in April" in since and "left on 18 April 2025" in since
    assert "18 April 2025" in terms.loc["U.S. ambassador to Honduras", "since_reference"]
    assert "between the title “charge-of-affairs” and Heidi Fulton's name" in \
        terms.loc["U.S. ambassador to Honduras", "in_the_essay"]


def test_the_glossary_marks_tony_hernandez_as_the_package_s_reading(essay, terms):
    said = terms.loc["Tony Hernández", "in_the_essay"]
    assert said.startswith("The essay does not name him")
    assert "That he is Tony Hernández is the package's reading from context" in said
    assert "Tony" not in essay.text


def test_the_facilitator_note_gives_the_span_of_check_days():
    text = (helpers.SEEDS / "we-are-losing" / "facilitation.yml").read_text(encoding="utf-8")
    assert "(4 December 2026)" not in text and "(4 de diciembre de 2026)" not in text
    assert "checked between 4 and 7 December 2026; each line gives its day" in text
    assert "revisada entre el 4 y el 7 de diciembre de 2026; cada línea da su día" in text
    yaml.safe_load(text)


def test_04_says_the_dated_programme_can_be_looked_up():
    why = _cell("04_people_places_terms.ipynb", "**Why these answers.** Five rows")
    assert "comes with a source a reader could look up" not in why
    assert "“Fox News Rundown 11/20/2018” (¶41), is something a reader could look up" in why


def test_03_summarises_the_writing_date_as_its_worked_answer_does():
    key = _cell("03_timeline.ipynb", "## Key points")
    assert "before October" not in key and "or at least before November" in key


def test_02_word_list_puts_leftroots_at_the_time_of_writing():
    words = _cell("02_source_quotations.ipynb", "## Words used below")
    line = next(x for x in words.splitlines() if x.startswith("- **LeftRoots**"))
    assert "active at the time of writing" in line and "closed in 2023" in line


def test_the_iri_officer_s_widened_date_carries_the_star(essay):
    timeline = tl.load_timeline(essay).set_index("id", drop=False)
    assert tl.row_mark(timeline.loc["E08"]) == "essay*"
    assert "since only “shortly” is soft" not in timeline.loc["E12", "derived_by"]
