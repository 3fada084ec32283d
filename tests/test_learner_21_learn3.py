"""Learner review 21 (issue 19), the worked solutions of 02 Exercise 2 and 03 Exercise 2: 03's clue table cut to the
columns its reasoning uses, with the answer first; 02's solution reasons through one voice of the learner's choice
instead of only giving the package's readings to look up. Each test was seen failing before the change (s21-learn3)."""
from __future__ import annotations

import re

import nbformat
import pytest

from helpers import quotations as q, timeline as tl
from helpers.lessons import notebook_word_parts
from tools.run_notebooks import notebook_paths

NOTEBOOKS = {p.stem[:2]: p for p in notebook_paths()}


def solution(key: str, exercise: str) -> list:
    """The cells of an exercise's worked solution: from its heading (excluded) to the next heading."""
    nb = nbformat.read(NOTEBOOKS[key], as_version=4)
    start = next(i for i, c in enumerate(nb.cells) if c.source.startswith(f"## {exercise}"))
    head = next(i for i in range(start, len(nb.cells)) if nb.cells[i].source.startswith("### Worked solution"))
    end = next(i for i in range(head + 1, len(nb.cells)) if nb.cells[i].cell_type == "markdown"
               and re.match(r"#{1,3} ", nb.cells[i].source))
    return nb.cells[head + 1:end]


# 03 Exercise 2 ---------------------------------------------------------------------------------------------------

def test_the_brief_clue_table_keeps_the_columns_the_reasoning_uses_in_its_order(essay):
    """The table of every clue was about 20,000 characters of HTML, each clue's whole reasoning in it."""
    dating = tl.load_dating(essay)
    brief = tl.clues_table(dating, brief=True)
    assert list(brief.columns) == ["¶", "what the clue is", "range it implies", "pulls", "source", "clue"]
    order = [tl.PULL_ORDER.index(p.split(":")[0]) for p in brief.pulls]
    assert order == sorted(order), "bounds first, then what pulls earlier, later, and what has no bearing"
    assert len(brief) == len(dating), "every clue keeps its row"
    assert "reasoning" in tl.clues_table(dating).columns, "the full table is unchanged"


def test_03_exercise_2_solution_puts_the_answer_first_and_a_short_table():
    cells = solution("03", "Exercise 2")
    first = cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("**The answer"), first.source[:80]
    for words in ("2019", "earlier", "later"):
        assert words in first.source, words
    table = next(c for c in cells if "clues_table" in c.source)
    assert "brief=True" in table.source
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in table.outputs)
    assert 0 < len(html) < 11000, len(html)  # was 20,432
    words = notebook_word_parts({"cells": cells}, solutions=True)
    assert sum(words) < 2000, words


# 02 Exercise 2 ---------------------------------------------------------------------------------------------------

def test_02_exercise_2_solution_reasons_through_a_voice_besides_marx(essay):
    """The solution for the voice the learner chose was only the package's readings to look up."""
    cells = solution("02", "Exercise 2")
    prose = " ".join(c.source for c in cells if c.cell_type == "markdown")
    example = re.search(r"\*\*A worked example for a voice of your choice: ([^*]+)\.\*\*(.*)", prose, re.S)
    assert example, "a worked example for one voice of the learner's choice"
    voice, text = example[1], example[2]
    rows = q.load_quotations(essay)
    rows = rows[rows.speaker.fillna("").str.contains(voice.split()[-1])]
    assert len(rows) >= 2 and voice.split()[-1] != "Marx"
    # each form the example gives a quoted passage is the one the data gives the row that holds it
    named = re.findall(r"“([^”]+)” \(¶(\d+)\)[^*]*?\*\*([a-z ]+)\*\*", text)
    checked = 0
    for span, para, form in named:
        row = rows[(rows.paragraph == int(para)) & rows.text.str.contains(re.escape(span))]
        if len(row):
            assert row.form.iloc[0] == form, (span, form)
            checked += 1
    assert checked >= 1, named
    for step in ("Where it stands", "Its form", "What it does"):
        assert step in text, step
