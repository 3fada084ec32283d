"""Learner review 26 (/work/out26/review-learner.md), the points a test can hold. Each test was seen failing on
s26-int before the change (s26-fixlearn).

Finding 3: 02 Exercise 3's worked solution contradicted the rule Exercise 1 taught (a source is named "by title or
name", yet Clinton's untitled memoir was *document or publication*) and contradicted its own table on language (the
table said *original English*, the prose "*not stated* is the careful answer"). Now the rule, the table (the data,
quotations.csv) and the prose give one verdict per axis.
"""
from __future__ import annotations

import re

import nbformat
import pytest

import helpers
from helpers import quotations as q
from tools.run_notebooks import notebook_paths

NOTEBOOKS = {p.stem[:2]: p for p in notebook_paths()}
SOURCE_RULE_START = "**Where the line falls for *source named*.**"


def _nb(key: str):
    return nbformat.read(NOTEBOOKS[key], as_version=4)


def _rule(nb) -> str:
    cell = next(c for c in nb.cells if c.cell_type == "markdown" and SOURCE_RULE_START in c.source)
    return cell.source[cell.source.index(SOURCE_RULE_START):].split("\n\n")[0]


def _three_axes_solution(nb) -> tuple[list[int], str]:
    """The ¶ that 02 Exercise 3's solution reads on the three axes, and the prose cell just after that call."""
    i = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "q.on_three_axes(" in c.source)
    call = re.search(r"on_three_axes\(quotes,\s*([\d,\s]+)\)", nb.cells[i].source).group(1)
    return [int(n) for n in re.findall(r"\d+", call)], nb.cells[i + 1].source


def verdict_problems(rule: str, prose: str, rows) -> list[str]:
    """Where the solution's prose, Exercise 1's rule and the data disagree: each quotation's paragraph in the prose
    (``**Speaker**: …``) must give the data's source named and language in italics and no other language label in
    italics; a source counted as named with no title must be covered by the rule, which says it is the package's
    reading."""
    problems = []
    labels = set(q.LANGUAGES) | {"not stated"}
    for r in rows.itertuples():
        m = re.search(rf"^\*\*{re.escape(r.speaker)}\*\*:(?P<para>[^\n]*)$", prose, re.M)
        if m is None:
            problems.append(f"the solution has no paragraph for {r.speaker}")
            continue
        para = m.group("para")
        said = set(re.findall(r"\*([^*\n]+)\*", para)) & labels
        if said != {r.language}:
            problems.append(f"{r.speaker}: the data says language {r.language!r}, the prose gives {sorted(said)}")
        untitled = r.source_named != "none" and "“" not in str(r.source_as_given)
        if untitled and not re.search(r"author and (?:the )?kind of work|kind of work and its author", rule):
            problems.append(f"{r.speaker}: the data counts “{r.source_as_given}” (no title) as named; "
                            "Exercise 1's rule does not cover a work named by its author and kind")
        if untitled and "package's reading" not in rule + para:
            problems.append(f"{r.speaker}: nothing says counting an untitled work as named is the package's reading")
    return problems


def test_02_exercise_3_solution_agrees_with_the_rule_and_the_table():
    nb = _nb("02")
    paragraphs, prose = _three_axes_solution(nb)
    quotes = helpers.load_quotations(helpers.load_essay())
    rows = quotes[quotes.paragraph.isin(paragraphs) & (quotes.form != "reported speech")]
    assert len(rows) == len(paragraphs)
    assert verdict_problems(_rule(nb), prose, rows) == []


def test_the_verdict_check_finds_a_second_language_and_a_rule_without_the_case():
    quotes = helpers.load_quotations(helpers.load_essay())
    rows = quotes[(quotes.paragraph == 26) & (quotes.form == "block")]
    good_rule = "by title or name, or by its author and kind of work with no title (this package's reading)"
    good = f"**{rows.iloc[0].speaker}**: language *{rows.iloc[0].language}*."
    assert verdict_problems(good_rule, good, rows) == []
    assert verdict_problems(good_rule, good + " From the essay alone, *not stated* is the careful answer.", rows)
    assert verdict_problems("by title or name", good, rows)


# Finding 9: in 04's heat map a cell with no mention and a cell with one were nearly the same navy.
def _luminance(rgba) -> float:
    r, g, b = rgba[:3]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_heat_map_tells_no_mention_from_one_at_a_glance():
    import matplotlib.pyplot as plt
    import numpy as np
    from helpers import plots
    from helpers.terms import mentions
    essay = helpers.load_essay()
    ax = plots.mentions_by_section(essay, mentions(essay, helpers.load_terms(essay)))
    image = ax.images[0]
    data = np.ma.getdata(image.get_array())
    colours = image.to_rgba(image.get_array())
    zero = [_luminance(colours[i, j]) for i, j in zip(*np.nonzero(data == 0))]
    one = [_luminance(colours[i, j]) for i, j in zip(*np.nonzero(data == 1))]
    plt.close(ax.figure)
    assert zero and one
    assert min(abs(z - o) for z in set(zero) for o in set(one)) > 0.4


# Finding 11: 02's and 03's Setup cells printed nothing; 00's says what it loaded.
@pytest.mark.parametrize("key", ["02", "03"])
def test_the_setup_cell_says_what_it_loaded(key):
    nb = _nb(key)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    shown = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in setup.outputs)
    line = " ".join(shown.split())
    assert line.startswith("The essay is loaded: 62 numbered paragraphs"), shown
    assert " With it: " in line and re.search(r"\d+ \w", line.partition(" With it: ")[2]), line


# Finding 1: each of 01–04's first cells said what the notebook is for only in its sixth paragraph, never which
# route to take, and called the short route's reading "(not the full route's)".
@pytest.mark.parametrize("key", ["01", "02", "03", "04"])
def test_the_first_cell_says_what_you_do_and_which_route_first(key):
    first = _nb(key).cells[0].source
    paragraphs = [p for p in first.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("# ")
    plain = paragraphs[1]
    assert plain.startswith("In this notebook you "), plain[:80]
    assert re.search(r"For one evening, take the short route below; otherwise, the full route", plain), plain
    assert "(not the full route's)" not in first
    assert paragraphs[2].startswith("**What to do first:**")


# Findings 6 and 12: 03 called itself "notebook 03" in its own discussion question; "the header" meant nothing.
def test_03_does_not_name_itself_nor_an_unexplained_header():
    text = "\n".join(c.source for c in _nb("03").cells if c.cell_type == "markdown")
    assert "notebook 03" not in text.lower()
    assert "the header" not in text


# Finding 12: nothing told a Spanish-reading learner that the discussion questions exist in Spanish.
@pytest.mark.parametrize("key", ["02", "03", "04"])
def test_the_discussion_points_spanish_readers_to_the_spanish_questions(key):
    cell = next(c for c in _nb(key).cells if c.cell_type == "markdown" and c.source.startswith("## Discussion questions"))
    assert "Every discussion question also exists in Spanish" in cell.source


# Finding 4: two columns of 03's tables were "how the date is known" and "how the date is reached".
def test_03s_two_date_columns_have_clearly_different_names_explained_before_the_first_table():
    nb = _nb("03")
    text = [c.source for c in nb.cells]
    assert not any("how the date is reached" in t for t in text)
    first_table = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                       and any("steps to the date" in str(o) for o in c.outputs))
    before = "\n".join(text[:first_table])
    assert "*steps to the date*" in before and "*how the date is known*" in before
