"""Session 22, issue 19 (learner review 22, item 5): walls of table output in 02–04. A newcomer met tables of 741 to
829 words before any click (15 rows of long cells; 1,100 to 5,000 words with the folded rows). A table of more rows
than a short screen now shows its first rows and folds the rest under one "Show the other N rows" click, which its
note says; the words a learner meets unfolded are counted from the committed outputs."""
from __future__ import annotations

import json
import re

import pytest

from helpers.text import count_words
from tests.conftest import PROJECT

NOTEBOOKS = ["02_source_quotations", "03_timeline", "04_people_places_terms"]
FIRST_ROWS = 8            # rows a long table shows before its fold (was 15)
UNFOLDED_WORDS = 550      # words one table output shows unfolded (was up to 829 in 02–04)
# 03's 2017 election: eleven rows the essay tells as one sequence, read in order (its point is the order)
WHOLE = {("03_timeline", "The 2017 election, as the essay tells it")}


def _nb(name: str) -> dict:
    return json.loads((PROJECT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))


def wall_problems(nb: dict, name: str) -> list[str]:
    """Each reader's table (helpers.table) outside worked solutions and facilitator notes: one that folds rows with
    more than FIRST_ROWS rows in sight, or any with more than UNFOLDED_WORDS words before the fold (its plain-text form, which holds the rows in sight
    and the note saying how many are folded). A table under a heading of WHOLE is let through."""
    problems, heading = [], ""
    for k, cell in enumerate(nb["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and source.startswith("#"):
            heading = source.splitlines()[0].lstrip("# ")
        if cell["cell_type"] != "code" or {"solution", "facilitator"} & set(cell["metadata"].get("tags", [])):
            continue
        if (name, heading) in WHOLE:
            continue
        for out in cell.get("outputs", []):
            page = "".join(out.get("data", {}).get("text/html") or "")
            if "reader-table" not in page:
                continue
            in_sight = page.split('<details class="more-rows">')[0].count("<tr>") - 1   # less the header row
            words = count_words("".join(out["data"].get("text/plain") or ""))
            if 'class="more-rows"' in page and in_sight > FIRST_ROWS:
                problems.append(f"{name} cell {k}: {in_sight} rows in sight (fold after {FIRST_ROWS})")
            if words > UNFOLDED_WORDS:
                problems.append(f"{name} cell {k}: {words} words before the fold")
    return problems


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_tables_in_02_to_04_show_a_short_table_and_fold_the_rest(name):
    problems = wall_problems(_nb(name), name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_folded_table_says_how_to_open_the_rest(name):
    """Every table that folds rows says so in its own note, with the one click that opens them."""
    for cell in _nb(name)["cells"]:
        for out in cell.get("outputs", []):
            page = "".join(out.get("data", {}).get("text/html") or "")
            folded = re.search(r'<details class="more-rows"><summary>Show the other (\d+) rows</summary>', page)
            if folded:
                text = "".join(out["data"]["text/plain"])
                assert f"click “Show the other {folded.group(1)} rows”" in text, text[-200:]


def test_the_wall_check_finds_a_wall():
    """The check fails on a 15-row table of long cells, and lets the same table folded after 8 rows through."""
    def table(shown: int, total: int) -> dict:
        row = "<tr>" + "<td>" + "word " * 40 + "</td></tr>"
        rest = (f'<details class="more-rows"><summary>Show the other {total - shown} rows</summary>{row}</details>'
                if total > shown else "")
        return {"cell_type": "code", "metadata": {}, "source": "helpers.table(x)", "outputs": [{"data": {
            "text/html": '<table class="reader-table"><thead><tr><th>a</th></tr></thead><tbody>' + row * shown
                         + "</tbody></table>" + rest, "text/plain": ("word " * 40 + "\n") * shown}}]}
    wall = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "## A"}, table(15, 40)]}
    found = wall_problems(wall, "x")
    assert any("15 rows in sight" in p for p in found) and any("600 words" in p for p in found), found
    assert wall_problems({"cells": [table(8, 40)]}, "x") == []
    assert any("600 words" in p for p in wall_problems({"cells": [table(15, 15)]}, "x")), "a whole table is counted too"
