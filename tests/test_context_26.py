"""04's *What happened next*: the three gaps a close reader found (session 26, issue 19).

(a) ¶37's present tense "Honduras currently has no U.S. ambassador" had no line, though it changed in 2022; (b) ¶52's
"is being charged" had none, though the brother was convicted and sentenced; (c) the Venezuela line jumped from ¶5's
"as of this writing" to January 2026, leaving out what came between; (d) the section counted "since" from more than
one point. Each new line is held here by its anchor (the essay's words it updates, in their paragraph, quoted by the
line) and by its named references, and the notebook must show it.
"""
from __future__ import annotations

import html
import re

import nbformat
import pytest

import helpers
from notebook_outputs import NOTEBOOKS

# term: (¶, the essay's words the line updates, what the line quotes of them, the references it must name)
LINES = {
    "U.S. ambassador to Honduras": (
        37, "Honduras currently has no U.S. ambassador", "currently has no U.S. ambassador",
        ["El Libertador (Tegucigalpa)", "6 April 2022", "Centroamérica 360", "27 March 2025",
         "La Prensa (Honduras), report of 30 December 2025"]),
    "Tony Hernández": (
        52, "is being charged as being a leading drug kingpin", "is being charged",
        ["Univision News", "18 October 2019", "EFE (La Prensa Latina)", "30 March 2021"]),
    "Venezuela": (
        5, "the U.S. is actively attempting to overthrow the government of Venezuela", "actively attempting to overthrow",
        ["TRT World, report of 30 December 2022", "LBC", "10 January 2025", "WLRN", "22 September 2025",
         "Sky News", "3 January 2026", "MIA (dpa)", "5 January 2026"]),
}


@pytest.fixture(scope="module")
def terms(essay):
    return helpers.load_terms(essay).set_index("term")


@pytest.mark.parametrize("term", sorted(LINES))
def test_each_new_line_is_anchored_to_the_words_it_updates(essay, terms, term):
    paragraph, anchor, quoted, _ = LINES[term]
    assert term in terms.index, f"the glossary has no {term!r}, so its 'since' line has nowhere to stand"
    row = terms.loc[term]
    assert anchor in essay.paragraphs.loc[paragraph].text, f"¶{paragraph} does not hold {anchor!r}"
    assert quoted in anchor
    # the term is anchored where the essay names it, in the paragraph whose present tense the line updates
    assert int(row.first_paragraph) == paragraph and row.span in essay.paragraphs.loc[paragraph].text, term
    assert f"“{quoted}”" in row.since, f"{term}: the line does not quote the words it updates ({quoted!r})"


@pytest.mark.parametrize("term", sorted(LINES))
def test_each_new_line_names_its_references_and_its_check_day(terms, term):
    row = terms.loc[term]
    for reference in LINES[term][3]:
        assert reference in row.since_reference, f"{term}: {reference!r} is not among its references"
    assert row.since_checked == "7 December 2026", term


def test_the_venezuela_line_tells_what_came_between_the_writing_and_2026(terms):
    """It jumped from ¶5's 'as of this writing' (2019) to the capture of January 2026."""
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", terms.loc["Venezuela", "since"])}
    assert years & set(range(2020, 2026)), years


def test_the_brother_line_gives_the_verdict_and_the_sentence_and_leaves_the_writing_date_open(terms):
    since = terms.loc["Tony Hernández", "since"]
    assert "18 October 2019" in since and "30 March 2021" in since and "life in prison" in since
    # the verdict falls in 2019, the year the package dates the writing to: the line does not claim it came after
    assert "whether before or after the essay was written" in since


def _section():
    nb = nbformat.read(NOTEBOOKS / "04_people_places_terms.ipynb", as_version=4)
    start = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                 and c.source.startswith("## What happened next"))
    return nb.cells[start], nb.cells[start + 1]


def test_the_section_counts_since_from_one_point_said_plainly():
    intro, _ = _section()
    assert "Every line counts from one point, **the time the essay was written**" in intro.source
    assert "published in March 2020" in intro.source


def test_the_section_shows_every_new_line(terms):
    _, table = _section()
    # the table's HTML, folded rows included (text/plain cuts long lines)
    # (the tags taken out: a Spanish publisher's name inside a line is marked lang="es", helpers.display.marked)
    shown = html.unescape(re.sub(r"<[^>]+>", "", "".join(o.get("data", {}).get("text/html", "") for o in table.outputs)))
    for term in LINES:
        assert term in shown, term
        assert terms.loc[term, "since"] in shown, f"04 does not show the 'since' line of {term!r}"
