"""Notebook 01 after the learner review of round 18 (issue 19): claim codes only as small references beside words,
code in a worked solution only where running or changing it teaches, the harder case's table gives every box its
sentence promises, the two narratives' rows can be read alone, each term explained where it is first met and the
time in view with what to do, and Exercise 1's count of facts agrees with its solution and the data. Each test
failed on the notebook, data and helpers the review read (commit 0fe6ad3)."""
from __future__ import annotations

import re

import nbformat
import pytest

from notebook_text import read, squash
from tools.cells import teaching

# a claim's code, and (learner review 20b, item 6) the codes of the package's other tables a learner may meet in 01's
# prose: a timeline event (E38), a quotation (Q02), a dating clue (D05)
CODE = r"(?:C\d{1,3}|K\d|P\d|T|[EQD]\d{2,3})"
ANY_CODE = re.compile(r"(?<![\w¶-])(?:C\d{1,3}|K\d|P\d|[EQD]\d{2,3})\b(?![.,]\d)")
# a small reference: in brackets of its own at the end of the words it names, "(C129)", "(¶25, C24)", "(C26, C27
# and C106)"; a bracket that opens with words, as "(the claim of ¶33, C28)", is not one
SMALL_REFERENCE = re.compile(rf"(?<=[\w”\"'*])\s\((?:¶\d+(?:–¶\d+)?, )?{CODE}(?:(?:, | and ){CODE})*\)")
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


@pytest.fixture(scope="module")
def nb():
    return read("01")


def _plain(cell) -> str:
    return "\n".join("".join(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in cell.get("outputs", []))


def _section(cells, heading: str):
    start = next(i for i, c in enumerate(cells) if c.source.startswith(heading))
    end = next((i for i in range(start + 1, len(cells)) if re.match(r"#{1,2} ", cells[i].source)), len(cells))
    return cells[start:end]


def codes_not_as_references(text: str) -> list[str]:
    """The claim codes of a text that do not stand as a small reference beside the words naming the claim."""
    return [m.group(0) for m in ANY_CODE.finditer(SMALL_REFERENCE.sub("", text))]


def learner_prose(cells) -> list[tuple[int, str]]:
    """Markdown a learner reads: every cell but the facilitator's notes and the section for editors of the data."""
    data = next(i for i, c in enumerate(cells) if c.source.startswith("## Where the data lives"))
    return [(i, c.source) for i, c in enumerate(cells) if c.cell_type == "markdown" and i != data
            and "facilitator" not in c.metadata.get("tags", []) and "nav" not in c.metadata.get("tags", [])]


# 1. Codes only as small references beside words -------------------------------------------------------------

def test_the_reference_check_can_fail():
    assert codes_not_as_references("more of K2's reply; the wage objection (**K4**); a short label (K1 to K6)") == \
        ["K2", "K4", "K1", "K6"]
    assert codes_not_as_references("the first sentence of ¶25 (C129), the U.S. action (¶25, C24), the links "
                                   "(C26, C27 and C106)") == []


def test_claim_codes_stand_only_as_small_references_beside_words(nb):
    """Review 18, 2: codes filled the prose (Exercise 1's solution, the harder case, Exercise 2's solution) though
    the notebook had said a learner would not need them. A code may stay only in brackets after the words that
    name the claim, where it helps find the claim's box on a map or its row in a table."""
    found = [(i, codes_not_as_references(text)) for i, text in learner_prose(nb.cells) if codes_not_as_references(text)]
    assert not found, found


# a claim's code inside a string of code: show_argument_map(argument, "C39"), held_back="C28"
CODE_IN_A_STRING = re.compile(rf"""["']{CODE}["']""")


def codes_in_visible_code(cells) -> list[tuple[int, str]]:
    """The codes a learner reads in code that is in sight (its input not folded), worked solutions included: a call
    names a claim by the first words of its box, "thesis" or "point 1" instead."""
    return [(i, m.group(0)) for i, c in enumerate(cells) if c.cell_type == "code"
            and not c.metadata.get("jupyter", {}).get("source_hidden")
            for m in CODE_IN_A_STRING.finditer(c.source)]


def test_the_visible_code_check_can_fail():
    cells = [nbformat.v4.new_code_cell('plots.show_argument_map(argument, "C39", held_back="C28")'),
             nbformat.v4.new_code_cell('plots.show_argument_map(argument, "T")'),
             nbformat.v4.new_code_cell('plots.show_argument_map(argument, "P1")', metadata={"jupyter": {"source_hidden": True}}),
             nbformat.v4.new_code_cell('plots.show_argument_map(argument, "The history the essay has told")')]
    assert codes_in_visible_code(cells) == [(0, '"C39"'), (0, '"C28"'), (1, '"T"')]
    assert codes_not_as_references("as the timeline's E38 and quotation Q02 show") == ["E38", "Q02"]
    assert codes_not_as_references("the 2009 coup (E38), Clinton's memoir (Q02)") == []


def test_visible_code_names_claims_in_words_not_codes(nb):
    """Learner review 20b, item 6: 01's visible calls named claims by code (``"C39"``, ``held_back="C28"``,
    ``in_full_below="C24"``) although the notebook says a learner will not need the codes. A call names a claim the
    way its box shows it: its first words, "thesis", "point 1"."""
    assert not codes_in_visible_code(nb.cells), codes_in_visible_code(nb.cells)


def test_a_claim_named_in_words_is_found_and_a_wrong_name_says_what_to_type(argument):
    from helpers.errors import UsageError
    from helpers.plots import _known_id
    assert [_known_id(argument, n) for n in ("thesis", "point 1", "The history the essay has told", "All of this",
                                             "c39")] == ["T", "P1", "C39", "C28", "C39"]
    with pytest.raises(UsageError, match="claims begin with the words 'The U.S.'"):
        _known_id(argument, "The U.S.")
    with pytest.raises(UsageError, match="first words of its box"):
        _known_id(argument, "no such claim")


def test_the_promise_about_codes_is_the_one_the_prose_keeps(nb):
    """01 said where codes stand and that a reader would not need them, yet its boxes and tables were full of them
    (learner review 21, 5). Now it says how a box and the notes name a claim, in words (tests/test_maps_22.py: no
    code in 01's outputs), and promises nothing about codes."""
    promise = squash(next(c.source for c in nb.cells if c.source.startswith("## The map")))
    assert "first line says what the claim is and where it stands" in promise and "will not need" not in promise


# 2. Code in a worked solution only where running or changing it teaches ------------------------------------

def test_solution_code_in_sight_teaches(nb):
    """Review 18, 2: Exercise 1's solution showed `argument.show_backed("¶20–¶26")` and a one-row table that
    repeated the line above it. Code in a worked solution is a call a learner can change to learn something (a
    passage, a branch of the map), as everywhere else in 00–04 (tools/cells.py, TEACHING_CALL)."""
    found = [c.source for c in nb.cells if c.cell_type == "code" and "solution" in c.metadata.get("tags", [])
             and not teaching(c)]
    assert not found, found


def test_exercise_1_says_in_words_which_claims_are_backed_by_more_than_the_authors_say_so(nb, argument):
    backed = argument.backed(paragraphs=range(20, 27))
    solution = squash(next(c.source for c in nb.cells if "Clinton's own words (¶26)" in c.source))
    assert len(backed) == 1 and set(backed.paragraph) == {26}
    assert f"only {WORDS[len(backed)]}" in solution and "backed by more than the authors' say-so" in solution


# 3. The harder case: the table gives each box the sentence promises -------------------------------------------

def map_outputs(cell) -> list[tuple[str, str]]:
    """A map cell's (description, table) pairs, in the order shown."""
    texts = [o["data"]["text/plain"] for o in cell.get("outputs", []) if "text/plain" in o.get("data", {})
             and not o["data"]["text/plain"].startswith("<Figure")]
    return list(zip(texts[0::2], texts[1::2]))


def boxes_missing_from_tables(cells) -> list[tuple[int, str]]:
    """The boxes a map draws that the table under it leaves out although the sentence under the figure says it gives
    them in full: every box ("gives each box in full."), every box on the right ("each box on the right in full";
    the sentence then says where the left one is), or every box but the one it names ("in full but one")."""
    found = []
    for i, c in enumerate(cells):
        if c.cell_type != "code" or "show_argument_map" not in c.source:
            continue
        for description, table in map_outputs(c):
            left_part, right_part = description.split(" on the left;", 1)
            left = re.findall(rf"\b({CODE})\b", left_part)[-1:]
            right = re.findall(rf"\((?:¶[\d–¶, ]+, )?({CODE})[;)]", right_part)
            listed = set(re.findall(rf"\(({CODE})\)\s", table + " "))
            said = description[description.index("The table under the figure gives each box"):]
            promised = left + right
            if said.startswith("The table under the figure gives each box on the right in full") and (
                    "the box on the left is in full under part 1" in said
                    or "the thesis is in full under the map of the thesis" in said):
                promised = right
            elif not said.startswith("The table under the figure gives each box in full"):
                raise AssertionError(f"cell {i}: the sentence does not say where the box on the left is: {said}")
            out = re.search(rf"in full but one, [^:,]*\(({CODE})\)[:,] [^.]*the next map gives (?:it )?in full", said)
            promised = [code for code in promised if not out or code != out.group(1)]
            found += [(i, code) for code in promised if code not in listed]
    return found


def test_every_map_table_gives_each_box_its_sentence_promises(nb):
    """Review 18, 2: under the harder case's map, "The table under the figure gives each box in full", but the table
    left out the box on the left, the U.S. action (¶25), with only a code comment saying why."""
    assert not boxes_missing_from_tables(nb.cells), boxes_missing_from_tables(nb.cells)
    harder = next(c for c in _section(nb.cells, "## A harder case") if c.cell_type == "code")
    assert "#" not in harder.source, "no code comment has to explain the table"


def test_the_box_check_can_fail():
    cell = nbformat.v4.new_code_cell("plots.show_argument_map(argument, 'C24')", outputs=[
        nbformat.v4.new_output("display_data", data={"text/plain": "Argument map: a piece of evidence in ¶25, [The "
                               "U.S.…] (C24) on the left; … [“At…] (¶25, C129; the package's reading), explains it. "
                               "The table under the figure gives each box in full."}),
        nbformat.v4.new_output("display_data", data={"text/plain": "box  in full\nEvidence · ¶25 (C129)  At…"})])
    assert boxes_missing_from_tables([cell]) == [(0, "C24")]


# 4. The two narratives: each row a span a reader can follow alone --------------------------------------------

def test_each_narrative_row_can_be_read_alone(essay, argument):
    """Review 18, 2: the rows began "One paints…" and "The other paints…", cut from the sentence before them."""
    table = argument.narratives(essay)
    for text in table["how it sees migrants"]:
        assert not re.match(r"(?:One|The other|They|It|This|These)\b", text), text
    rows = table.set_index("narrative")["how it sees migrants"]
    assert "Right" in rows["The Right's narrative"] and "Liberals" in rows["The liberal narrative"]


# 5. Terms explained where they are first met; the time in view with what to do --------------------------------

TERMS = {  # a term: (how it is found, the words that explain it)
    "map": (re.compile(r"\bmaps?\b", re.I), "**map**"),
    "claim": (re.compile(r"\bclaims?\b", re.I), "**claim**"),
    "the package's reading": (re.compile(r"package's reading", re.I), "**the package's reading**"),
    "ref.": (re.compile(r"(?m)\bref\.(?:\s|$)"), "**ref.**"),
}


def first_unexplained(cells) -> dict[str, int]:
    """For each term, the cell where a reader first meets it (in prose or in what a cell shows), if that comes
    before the cell that explains it."""
    shown = [c.source if c.cell_type == "markdown" else _plain(c) for c in cells]
    found = {}
    for term, (pattern, explained) in TERMS.items():
        first = next((i for i, text in enumerate(shown) if pattern.search(text)), None)
        if first is None:      # never met (01 shows no "ref." column since review 21): nothing to explain
            continue
        where = next((i for i, c in enumerate(cells) if c.cell_type == "markdown" and explained in c.source), None)
        if where is None or where > first:
            found[term] = first
    return found


def test_each_term_is_explained_where_it_is_first_met(nb):
    """Review 18, 4: "map", "claims", "ref." and P1, and "the package's reading" came before the cell that
    explained them."""
    assert not first_unexplained(nb.cells), first_unexplained(nb.cells)


def test_the_term_check_can_fail(nb):
    cells = list(nb.cells)
    cells.insert(0, nbformat.v4.new_markdown_cell("In the package's reading, the map's claims (ref. P1)…"))
    assert set(first_unexplained(cells)) == set(TERMS)


def test_the_time_follows_what_to_do(nb):
    """Review 18, 1: the **Time** paragraph was below the first screen at 1366×768, after the reading, the overview,
    the questions and the objectives. It now comes right after what to do, both on the first screen."""
    lines = [line for line in nb.cells[0].source.split("\n") if line.strip()]
    # learner review 26: one plain sentence of what the notebook is for, and which route, may come first
    lines = [lines[0]] + lines[2 if lines[1].startswith("In this notebook you ") else 1:]
    assert lines[0].startswith("# ") and lines[1].startswith("**What to do first:**")
    assert lines[2].startswith("**Time:**"), lines[2][:60]
    assert len(" ".join(lines[:3]).split()) <= 320


# 6. Exercise 1: the count of facts agrees with its solution and the data; the rule in plain sentences ------------

def exercise_1_facts(argument) -> int:
    """The facts ¶20–¶26 offer for a U.S. role: the claims supporting the heading's claim (¶19) and the U.S. action
    of ¶25, in those paragraphs."""
    c = argument.claims
    return int(((c.relation == "supports") & c.to.isin(["C127", "C24"]) & c.paragraph.between(20, 26)).sum())


def test_exercise_1_asks_for_as_many_facts_as_its_solution_lists(nb, argument):
    """Review 18, 3: the exercise asked for "six facts"; its solution had five bullets."""
    prompt = squash(next(c.source for c in nb.cells if c.source.startswith("## Exercise 1:")))
    solution = next(c.source for c in nb.cells if "Clinton's own words (¶26)" in c.source)
    bullets = [line for line in solution.split("\n") if line.startswith("- ")]
    n = exercise_1_facts(argument)
    assert f"the {WORDS[n]} facts" in prompt and len(bullets) == n, (n, len(bullets))


def test_the_none_given_rule_is_said_in_short_sentences(nb):
    prompt = next(c.source for c in nb.cells if c.source.startswith("## Exercise 1:"))
    rule = next(line for line in prompt.split("\n") if line.startswith("- **none given**"))
    sentences = [s for s in re.split(r"(?<=[.:;])\s+", rule.removeprefix("- ")) if s]
    assert max(len(s.split()) for s in sentences) <= 25, sentences
