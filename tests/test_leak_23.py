"""Issue 19 (found by s23-classify): 02's table of reported speech, above Exercise 1, gave "none" under *source named*
for the OAS, Heidi Fulton and Fuentes's message, the answers to three of the exercise's items. The regex check of
test_outputs (ANSWERS) held only what someone had thought to type. This check is computed: an exercise's items are
the rows of the package's data it points at (a quotation's or a claim's words quoted, or a speaker's name, just
before a ¶ anchor; a timeline row by its span), the answers are those rows' values on the axes the exercise asks (a
quotation axis it names: form, source named, language; a timeline row's date, in words; a claim's role or relation
when it offers their values to choose from) and does not itself state beside the item, and no table, printed line or
figure a learner sees before the worked solution may show an item's row with its answer. Seen failing on 9845d56 (02
Exercise 1: the three rows in the reported-speech table)."""
from __future__ import annotations

import copy
import html
import re

import nbformat
import pandas as pd
import pytest

from helpers import load_essay, load_quotations
from helpers.argument import load_argument
from helpers.readable import date_in_words
from helpers.timeline import bare_label, load_timeline
from tests.test_outputs import NOTEBOOKS, drawn, exercise_number, in_sight, read, tags

LEARNERS = [p for p in NOTEBOOKS if p.name[:2] in {"01", "02", "03", "04"}]
AXES = {"form": "form", "source_named": "source named", "language": "language",   # column: its name in prose
        "type": "role", "relation": "relation", "when": "date"}
ANCHOR = re.compile(r"\(¶(\d+)\)")


@pytest.fixture(scope="module")
def quotes():
    return load_quotations(load_essay())


@pytest.fixture(scope="module")
def data(quotes):
    """The package's rows an exercise can ask about, in one shape: id, paragraph, the words (a quotation's text, a
    claim's span), a name (a quotation's speaker), and the answer columns."""
    essay = load_essay()
    claims = load_argument(essay).nodes
    claims = (claims() if callable(claims) else claims).reset_index(drop=True)
    timeline = load_timeline(essay)
    return pd.concat([quotes.assign(words_=quotes.text, name=quotes.speaker.fillna("")),
                      claims.assign(words_=claims.span, name=""),
                      timeline.assign(words_=timeline.span, name=timeline.label.map(bare_label),
                                      when=timeline.date.map(date_in_words))], ignore_index=True)


def asked_axes(text: str) -> list[str]:
    """The axes an exercise asks: a quotation axis it names (*source named*), a timeline row's date, or an axis of
    the argument whose values it offers to choose from (three or more, as in "a premise, evidence, a conclusion…" or
    "support, explain, …")."""
    named = [col for col in ("form", "source_named", "language", "when") if re.search(rf"\b{AXES[col]}\b", text)]
    offered = [col for col, values in VOCABULARY.items()
               if sum(bool(re.search(rf"\b{v}", text)) for v in values) >= 3]
    return named + offered


VOCABULARY = {"type": ["premise", "evidence", "conclusion", "recommendation", "concession"],   # as word stems
              "relation": ["support", "explain", "illustrat", "qualif", "recommend"]}


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.:?!])\s+(?=[A-Z*])", text)


def exercise_items(text: str, data: pd.DataFrame) -> list[tuple[pd.Series, list[str]]]:
    """The quotation rows an exercise's text points at, each with the axes it asks and does not itself answer.

    An item is a ¶ anchor preceded, in its sentence, by a quoted span found in a row of that paragraph, or else by
    the name of a row's speaker in that paragraph. The axes asked are those the exercise names; a value the exercise
    states in the item's own sentence ("Miguel Angel's epigraph (¶15)") is given, not asked."""
    asked = asked_axes(text)
    items = []
    for sentence in sentences(text):
        last = 0
        for m in ANCHOR.finditer(sentence):
            before, last = sentence[last:m.start()], m.end()
            rows = data[data.paragraph == int(m.group(1))]
            span = re.search(r"“([^”]+)”\s*$", before)
            if span:
                hit = rows[rows.words_.fillna("").str.contains(span.group(1), regex=False)]
            else:
                hit = rows[[bool(s) and s in before[-60:] for s in rows.name]]
            for _, row in hit.iterrows():
                cols = [c for c in asked if isinstance(row[c], str) and row[c]
                        and not re.search(rf"\b{re.escape(row[c])}\b", sentence)]
                if cols and row.id not in [r.id for r, _ in items]:
                    items.append((row, cols))
    return items


def cell_rows(text: str) -> list[list[str]]:
    """The rows of what a cell shows, as lists of cells: the rows of each HTML table (folded rows too), and each line
    of printed text or drawn text split at runs of two or more spaces."""
    rows = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", text, re.S):
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
            rows.append([html.unescape(re.sub(r"<[^>]+>", "", td)).strip()
                         for td in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)])
    if not rows:
        rows = [[c.strip() for c in re.split(r"\s{2,}", line) if c.strip()] for line in text.splitlines()]
    return rows


def shown(cell) -> list[str]:
    """What a code cell shows: each output's HTML table if it has one, else its text; and what its figures draw."""
    texts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        texts.append(str(data.get("text/html") or data.get("text/plain") or out.get("text") or ""))
    return texts + drawn(cell)


def shows_answer(cells: list[str], row: pd.Series, col: str) -> bool:
    """A row of a table shows ``row``'s answer on ``col``: it names the row (its paragraph, and its words or its
    speaker) and gives the row's value as a cell of its own."""
    para = {str(row.paragraph), f"¶{row.paragraph}"}
    names = {str(row.words_).strip(), str(row["name"]), str(row.id)} - {"nan", ""}
    label = {str(row.label)} - {"nan"} if "label" in row and isinstance(row.label, str) else set()
    named = (bool(para & set(cells)) and bool(names & set(cells))) or bool((label | {bare_label(x) for x in label})
                                                                          & set(cells))
    return named and str(row[col]) in cells


def leaks(nb, number: int, items) -> list[str]:
    found = []
    for i in in_sight(nb, number):
        cell = nb.cells[i]
        if cell.cell_type != "code":
            continue
        for text in shown(cell):
            for cells in cell_rows(text):
                found += [f"cell {i}: {row['name'] or row.id} (¶{row.paragraph}) shown with its {AXES[col]}, "
                          f"{row[col]!r}"
                          for row, cols in items for col in cols if shows_answer(cells, row, col)]
    return found


def exercises_with_items(data):
    """Every exercise of 01-04 whose items are rows of the quotations data: (notebook, number, items)."""
    found = []
    for path in LEARNERS:
        nb = read(path)
        for c in nb.cells:
            if c.cell_type == "markdown" and "exercise" in tags(c) and exercise_number(c) is not None:
                items = exercise_items(c.source, data)
                if items:
                    found.append((path, exercise_number(c), items))
    return found


def test_the_items_are_found_from_the_exercises_text(quotes, data):
    """02 Exercise 1 points at three rows and asks their source; Exercise 3 at two and asks source and language
    (their forms, epigraph and block, it states itself); 01 Exercise 2 at one claim and asks its role and
    relation; 03 Exercise 1 at the timeline's rows for its three expressions (¶27's with its context row) and asks
    their dates."""
    got = {(p.name[:2], n): {r.id: cols for r, cols in items} for p, n, items in exercises_with_items(data)}
    ids = lambda speaker, para: quotes[(quotes.speaker == speaker) & (quotes.paragraph == para)].id.tolist()
    fuentes = quotes[quotes.text.str.startswith("His message was")].id.item()
    assert got[("02", 1)] == {ids("The OAS", 37)[0]: ["source_named"], ids("Heidi Fulton", 37)[0]: ["source_named"],
                              fuentes: ["source_named"]}
    assert got[("01", 2)] == {"C54": ["type", "relation"]}   # "Is it a premise, evidence, …?", "support, …"
    assert got[("03", 1)] == {"E25": ["when"], "E35": ["when"], "E42": ["when"], "E43": ["when"]}
    assert got[("02", 3)] == {ids("Miguel Angel", 15)[0]: ["source_named", "language"],
                              ids("Hillary Clinton", 26)[0]: ["source_named", "language"]}


def test_no_exercise_item_is_shown_with_its_answer_before_the_solution(data):
    problems = []
    for path, number, items in exercises_with_items(data):
        problems += [f"{path.name} Exercise {number}: {p}" for p in leaks(read(path), number, items)]
    assert not problems, ("an exercise's answer is in sight before its worked solution; hold the row back (as "
                          "02's tables do with the rows the exercises ask) or show it after the solution:\n"
                          + "\n".join(problems))


def test_the_check_finds_an_item_shown_with_its_answer(data):
    """A table above the exercise that gives an item's row with its answer, in HTML or printed, is found; the same
    row without the answer column is not."""
    path, number, items = next(e for e in exercises_with_items(data) if e[0].name.startswith("02") and e[1] == 1)
    row, cols = items[1]
    nb = read(path)
    at = next(i for i, c in enumerate(nb.cells) if "exercise" in tags(c) and exercise_number(c) == number)
    cells = [row.speaker, str(row.paragraph), row[cols[0]], row.text]
    table = ("<table><tbody><tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr></tbody></table>")
    for data in ({"text/html": table, "text/plain": "…"}, {"text/plain": "  ".join(map(str, cells))}):
        broken = copy.deepcopy(nb)
        shows = nbformat.v4.new_code_cell("helpers.table(…)")
        shows.outputs = [nbformat.v4.new_output("execute_result", data=data, execution_count=1)]
        broken.cells.insert(at - 1, shows)
        assert leaks(broken, number, items), data
    fine = copy.deepcopy(nb)
    shows = nbformat.v4.new_code_cell("helpers.table(…)")
    line = f"{row.speaker}  {row.paragraph}  {row.text}\n"
    shows.outputs = [nbformat.v4.new_output("stream", name="stdout", text=line)]
    fine.cells.insert(at - 1, shows)
    assert len(leaks(fine, number, items)) == len(leaks(nb, number, items))


def test_the_check_finds_a_later_table_of_03_moved_above_exercise_1(data):
    """03's tables after the break give the rows Exercise 1 asks about with their dates (the context row of Lobo's
    wife's arrest, the ten years of resisting): moved above the exercise, the check finds them."""
    path, number, items = next(e for e in exercises_with_items(data) if e[0].name.startswith("03") and e[1] == 1)
    nb = read(path)
    at = next(i for i, c in enumerate(nb.cells) if "exercise" in tags(c) and exercise_number(c) == number)
    later = next(i for i, c in enumerate(nb.cells) if i > at and c.cell_type == "code" and "solution" not in tags(c)
                 and any(shows_answer(cells, row, col) for text in shown(c) for cells in cell_rows(text)
                         for row, cols in items for col in cols))
    broken = copy.deepcopy(nb)
    broken.cells.insert(at - 1, copy.deepcopy(nb.cells[later]))
    assert not leaks(nb, number, items) and leaks(broken, number, items)
