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
        if untitled and not re.search(r"author and (?:the )?kind of work", rule):
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
