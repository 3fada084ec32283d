"""Every notebook speaks to a reader: dates in words, ids beside what they are, no file or column names outside
the one "Where the data lives" section (issue 19, item 1). The rules are in tests/reader_text.py."""
from __future__ import annotations

import nbformat
import pytest

from reader_text import LEARNER_PATH, NOTEBOOKS, data_sections, path_problems, problems, scan, scan_learner_path

NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_a_reader_meets_no_codes_ids_or_file_names(path):
    found = scan(path)
    assert not found, (f"{len(found)} places read like a database (say the date in words, put the id in brackets "
                       f"after what it is, or move the file name to “Where the data lives”):\n" + "\n".join(found))


@pytest.mark.parametrize("name", LEARNER_PATH)
def test_the_learners_path_leads_with_words_not_ids(name):
    """Review 13, item 3: up to the first exercise of 01 and 03 (and in its own text), a claim or an event is named
    by its words, and its id is at most a small reference in brackets after them; no "dated by"."""
    found = scan_learner_path(NOTEBOOKS / name)
    assert not found, (f"{len(found)} places on the way to the first exercise name a claim or an event by its id, "
                       "or use the package's coding words (lead with the words; keep the id in brackets after "
                       "them, one to a bracket):\n" + "\n".join(found))


@pytest.mark.parametrize("text, words", {
    "the thesis (T, ¶6, ¶9–¶10) on the left": None,
    "(T) 7 13 7 1 2 30": "T",
    "(P1) 13 51 13 3 4 84": "P1",
    "a conclusion in ¶48 (C39)": None,
    "C39 · ¶48 · conclusion": "C39",
    "3 points (P1 ¶11, P2 ¶12, P3 ¶13) each supports it": "(P1 ¶11, P2 ¶12, P3 ¶13)",
    "the dating clues (clue 17)": None,
    "clue 17 and the like": "clue 17",
    "the rows from the first caravan to the second (E26–E31)": None,
    "- **dated by** says what dates each event": "**dated by**",
    "the *dated by* column": "*dated by*",
    "dated by": "dated by",
    "the row is dated by the coup (E09)": None,
    "Marx's letter (Q02)": None,
}.items())
def test_the_learners_path_check(text, words):
    assert [w for _, w in path_problems(text)] == ([words] if words else []), text


@pytest.mark.parametrize("path", NOTEBOOK_FILES, ids=lambda p: p.stem)
def test_at_most_one_data_section(path):
    assert data_sections(path) <= 1, f"{path.name} has {data_sections(path)} “Where the data lives” sections"


BAD = {
    "the coup of 2009-06-28": "date code",
    "in 2018-10 the caravan left": "date code",
    "dated 2009-06-28/2019-12": "date code",
    "dated 2016/2019": "date code",
    "in 196X/197X": "date code",
    "the decade 196X": "date code",
    "from 2009-06-28/.. on": "date code",
    "E12 says so": "id",
    "see Q23 and N19": "id",
    "claims C39, C40": "id",
    "L08 is a term": "id",
    "objection K3 is answered": "id",
    "under P1": "id",
    "clue D05": "D id",
    "question D05 (the caravan)": "D id",
    "read timeline.csv": "file name",
    "the file reading.yml": "file name",
    "the column from_date": "column name",
    "`authors_as_given` is empty": "column name",
}
GOOD = [
    "the 2009 coup (E09) on 28 June 2009",
    "between 28 June 2009 and December 2019; the 1960s or 1970s",
    "2 conclusions (C83 ¶17, C15 ¶17) support it",
    "K2 (the liberal narrative of victims) is answered",
    "clue 5 and question 5 are different things",
    "run helpers.reader_edition() or essay.show(20); §3 and ¶12; 1,095 words; U.S. policy in 2009–2013",
    "read [00 · Start here](00_start_here.ipynb)",
]


@pytest.mark.parametrize("text, rule", BAD.items())
def test_the_scan_catches(text, rule):
    assert rule in [r for r, _ in problems(text)], text


@pytest.mark.parametrize("text", GOOD)
def test_the_scan_lets_pass(text):
    assert problems(text) == [], text


def _notebook(tmp_path, *cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    path = tmp_path / "99_test.ipynb"
    nbformat.write(nb, path)
    return path


def test_the_scan_reads_outputs_tables_and_alt_text(tmp_path):
    code = nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("stream", text="printed 2018-10\n"),
        nbformat.v4.new_output("display_data", data={"text/html": "<table><tr><td>E09</td><td>dated 196X</td></tr>"
                                                                  "</table>", "text/plain": "ignored"}),
        nbformat.v4.new_output("display_data", data={"image/png": "", "text/plain": "<Figure>"},
                               metadata={"image/png": {"alt": "bars from timeline.csv"}})])
    found = scan(_notebook(tmp_path, code))
    assert [line.split(": ", 1)[1] for line in found] == [
        "date code: 2018-10", "date code: 196X", "file name: timeline.csv"], found
    assert all(line.startswith("99_test.ipynb, cell 0:") for line in found)


def test_file_names_and_codes_only_in_the_data_section(tmp_path):
    path = _notebook(tmp_path,
                     nbformat.v4.new_markdown_cell("## Reading\nSee timeline.csv."),
                     nbformat.v4.new_markdown_cell("## Where the data lives\nThe dates are in timeline.csv, "
                                                   "column `from_date`, as 2009-06-28; E09.\n### Editing\nreading.yml too"),
                     nbformat.v4.new_markdown_cell("dating.csv, still in the section"),
                     nbformat.v4.new_markdown_cell("## Key points\nnot terms.csv, and not E09 or 2009-06-28"))
    found = scan(path)
    assert found == ["99_test.ipynb, cell 0: file name: timeline.csv",
                     "99_test.ipynb, cell 3: date code: 2009-06-28",
                     "99_test.ipynb, cell 3: id: E09",
                     "99_test.ipynb, cell 3: file name: terms.csv"], found
    assert data_sections(path) == 1
