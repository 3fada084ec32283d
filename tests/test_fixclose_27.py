"""Session 27 (`fixclose`): the close reader's findings on the glossary rows added or changed by `reading`.

Review 27 (close reading), in its order: Central America's epigraph quoted whole, "they" left to the reader (1); the
Constitution of Honduras row says the 2015 ruling was disputed (2) and reports ¶20 (3); the Berta Cáceres Bill keeps
¶46's explanation (4), dates each version, says what is known of its fate and up to when (6); Heidi Fulton's
declaration in full, and her spelling's sources named for what they are (5, 8); Honduras's own congress told apart from
the U.S. Congress (7); the parties, the Network and the U.S. Congress rows report what they count (9); the ambassador's
line brought forward (11); the register holds the negative, not the row (12).
"""
from __future__ import annotations

import csv
import re

import nbformat
import pytest

import helpers
from notebook_outputs import NOTEBOOKS

BILL = "Berta Cáceres Bill for Human Rights in Honduras"
SEEDS = NOTEBOOKS.parent / "seeds" / "we-are-losing"


@pytest.fixture(scope="module")
def terms(essay):
    return helpers.load_terms(essay).set_index("term")


def _in(essay, paragraph, words):
    return words in essay.paragraphs.set_index("paragraph").loc[paragraph].text


def test_central_america_quotes_the_epigraph_whole_and_leaves_they_open(essay, terms):
    row = terms.loc["Central America", "in_the_essay"]
    words = ("With the help of the United States they have stolen our democracy, because they put in and take out "
             "Presidents in Honduras and all of Central America")
    assert f"“{words}”" in row and _in(essay, 15, words)
    assert "says of the United States" not in row
    assert "does not say whom “they” names" in row


def test_the_constitution_row_says_the_ruling_was_disputed_and_reports_20(essay, terms):
    row = terms.loc["Constitution of Honduras"]
    assert "article 374" in row.definition and "may not be amended" in row.definition
    assert "The ruling was disputed" in row.definition and "The essay does not mention the ruling." in row.definition
    assert "El Heraldo (Tegucigalpa), “Sala Constitucional debe anular el fallo”, 2 August 2015" in row.reference
    words = "a referendum on whether to let people vote on re-writing the constitution"
    assert f"in ¶20: when Zelaya called for “{words}”" in row.in_the_essay and _in(essay, 20, words)
    assert "“his enemies decided to draw a line”" in row.in_the_essay


def test_the_bill_keeps_46s_explanation_and_dates_each_version(essay, terms):
    row = terms.loc[BILL]
    cause = ("the lack of a mass base by most network members combined with the scarcity of anti-imperialist work in "
             "mass organizations")
    assert f"“{cause}” has meant that “very few in the U.S. social movements even know it exists”" in row.in_the_essay
    assert _in(essay, 46, f"{cause} has meant that very few in the U.S. social movements even know it exists")
    assert "yet “very few" not in row.in_the_essay
    for dated in ("June 2016 (H.R. 5474)", "2 March 2017 (H.R. 1299)", "28 March 2019 (H.R. 1945)"):
        assert dated in row.definition, dated
    assert "later as H.R. 1945" not in row.definition
    assert "until Honduras prosecutes" not in row.definition and "a set of human-rights conditions" in row.definition
    assert "28 March 2019" in row.reference and "2 March 2017" in row.reference


def test_the_bill_s_line_says_what_is_known_of_its_fate_and_up_to_when(terms):
    row = terms.loc[BILL]
    assert "no reference on whether any version was passed" not in row.since
    assert "never got out of the House Foreign Affairs Committee" in row.since
    assert "Chicago Religious Leadership Network on Latin America (CRLN)" in row.since_reference
    assert "or to a version after March 2021, when it last checked" in row.since
    assert row.since.endswith("This line reports events up to March 2021; later events are not covered.")


def test_heidi_fulton_s_declaration_is_whole_in_the_row_and_in_04(essay, terms):
    words = "declaring that the U.S. had faith in the TSE and in the transparency of the Honduran electoral process"
    assert _in(essay, 37, words)
    assert f"“{words}”" in terms.loc["Heidi Fulton", "in_the_essay"]
    nb = nbformat.read(NOTEBOOKS / "04_people_places_terms.ipynb", as_version=4)
    cell = next(c.source for c in nb.cells if c.source.startswith("**One worked example: Heidi Fulton.**"))
    assert f'"{words}"' in cell
    # the sources of the spelling are named for what they are: no "public records", and the one that writes Heidi
    for text in (terms.loc["Heidi Fulton", "definition"], cell):
        assert "public records" not in text
    assert "“Heidi”, as El Heraldo does; Wikipedia and Tu Nota give her name as Heide B. Fulton" in \
        terms.loc["Heidi Fulton", "definition"]
    assert "Tu Nota (Honduras)" in terms.loc["Heidi Fulton", "reference"]
    assert "(a Honduran newspaper, like the essay, writes Heidi)" in cell


def test_honduras_s_congress_is_told_apart_from_the_us_congress(essay, terms):
    with open(SEEDS / "not_aliases.csv", encoding="utf-8", newline="") as f:
        rows = {r["name"]: r for r in csv.DictReader(f)}
    for name, paragraph in (("congress", 32), ("congressman", 39)):
        assert name in rows, name
        r = rows[name]
        assert int(r["paragraph"]) == paragraph and _in(essay, paragraph, r["span"]) and name in r["span"]
        assert "National Congress" in r["reason"] and "not" in r["reason"]
    assert "“President of the congress under Lobo” (Honduras's National Congress)" in \
        terms.loc["Juan Orlando Hernández", "in_the_essay"]
    words = "Two newly elected progressive congresspeople, Ilhan Omar and Rashida Tlaib"
    assert f"“{words}”" in terms.loc["U.S. Congress", "in_the_essay"] and _in(essay, 59, words)


@pytest.mark.parametrize("term", ["Democratic Party", "Republican Party"])
def test_the_parties_rows_report_17_33_and_45_as_they_count_them(essay, terms, term):
    row = terms.loc[term, "in_the_essay"]
    for paragraph, words in (
            (17, "the effects of decades of U.S. military and economic intervention by both Democratic and Republican "
                 "administrations in Latin America broadly and Honduras in particular"),
            (33, "both Democrats and Republicans have worked to undermine and block"),
            (45, "there have been periods of amnesty under both Republican and Democratic administrations")):
        assert f"“{words}” (¶{paragraph})" in row or f"“{words}” the bill of ¶{paragraph}" in row or \
            f"in ¶{paragraph} that “{words}”" in row, (paragraph, row)
        assert _in(essay, paragraph, words)


def test_the_network_row_keeps_46s_hedges_and_its_second_half(essay, terms):
    row = terms.loc["Honduras Solidarity Network", "in_the_essay"]
    assert "won support" not in row
    for words in ("Advocacy by networks such as the Honduras Solidarity Network has been able to garner significant "
                  "support around legislative vehicles like the Berta Cáceres Bill for Human Rights in Honduras",
                  "very few in the U.S. social movements even know it exists"):
        assert f"“{words}”" in row and _in(essay, 46, words)


def test_the_ambassador_line_is_brought_forward(terms):
    row = terms.loc["U.S. ambassador to Honduras"]
    assert "On 27 January 2026 she represented the U.S., still as chargé d'affaires" in row.since
    assert row.since.endswith("This line reports events up to January 2026; later events are not covered.")
    assert "ABC Color (EFE), report of 27 January 2026" in row.since_reference


def test_the_register_holds_the_bill_s_negative_not_the_whole_row():
    with open(SEEDS / "negatives.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["file"] == "terms.csv" and r["row"] == BILL]
    statements = {r["statement"] for r in rows}
    assert "¶33 does not name that bill" in statements
    assert not [s for s in statements if "garner" in s or len(re.findall(r"\w+", s)) > 20], statements
