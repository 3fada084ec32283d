"""Notebooks 00 and 01 after the learner review of round 19 (issue 19; the review read 7820dda): what a learner is
asked to type can be typed, and the words 00 and 01 use are glossed before a learner needs them, each from the
one gloss the package keeps. Each test failed on the notebooks and data the review read."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers.terms import load_glosses

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
START, ARGUMENT = "00_start_here", "01_argument_structure"
# the words 01 uses that a newcomer cannot know, with the text that marks their first use in 01 (the review's
# list: Exercise 4 turns on BDS, UFCW and JBS)
FIRST_USE = {"BDS": "BDS", "UFCW": "UFCW", "JBS": "JBS", "IMF": "IMF", "World Economic Forum": "Davos",
             "chargé d'affaires": "charge-of-affairs", "Nasralla": "Nasralla", "the Alliance": "Alliance",
             "Chapo Guzmán": "Chapo", "D.E.A.": "D.E.A", "racial capitalism": "racial capitalism",
             "Stephen Harper": "Harper"}
# glossed in more than one notebook: one gloss, kept in glosses.yml
SHARED = {"BDS", "UFCW", "JBS", "chargé d'affaires", "Nasralla", "the Alliance", "Chapo Guzmán", "D.E.A."}


def read(name: str):
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def text_of(cell) -> str:
    """A cell's source and the text of its outputs: not its images, whose base64 can spell "JBS" or "IMF" by chance."""
    outputs = "".join(str(o.get("text", "")) + str({k: v for k, v in o.get("data", {}).items() if not k.startswith("image/")})
                      + str(o.get("metadata", {})) for o in cell.get("outputs", []))
    return cell.source + outputs


def gloss_cell(nb, word: str) -> int | None:
    return next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                 and re.search(rf"(?m)^- \*\*{re.escape(word)}\*\*: ", c.source)), None)


@pytest.mark.parametrize("name", [START, ARGUMENT])
def test_a_learner_is_never_asked_to_type_the_paragraph_sign_or_a_dash(name):
    """01's first cell asked for essay.show("¶17–¶18"): neither ¶ nor an en dash is on a keyboard."""
    for i, cell in enumerate(read(name).cells):
        if cell.cell_type == "markdown":
            assert not re.search(r"show\(\\?\"¶", cell.source), f"{name} cell {i}: {cell.source[:200]}"


@pytest.mark.parametrize("word", list(FIRST_USE))
def test_every_name_01_uses_is_glossed_before_its_first_use(word):
    nb = read(ARGUMENT)
    first = next(i for i, c in enumerate(nb.cells) if FIRST_USE[word] in text_of(c))
    glossed = gloss_cell(nb, word)
    assert glossed is not None and glossed <= first, (word, glossed, first)


def test_a_shared_gloss_is_the_one_glosses_yml_keeps(essay):
    """One gloss per word: 01 says what 02 and 03 say, from glosses.yml."""
    glosses = load_glosses(essay).set_index("word")
    for word in SHARED:
        assert ARGUMENT in glosses.loc[word, "notebooks"], word


def test_a_context_gloss_names_its_reference():
    nb = read(ARGUMENT)
    for word in ("IMF", "World Economic Forum", "racial capitalism", "Stephen Harper"):
        cell = nb.cells[gloss_cell(nb, word)].source   # ¶55's names are glossed at Exercise 4 (learner review 20b)
        line = re.search(rf"(?m)^- \*\*{re.escape(word)}\*\*: (.*)$", cell).group(1)
        assert "context, not from the essay: Wikipedia, " in line, line


def test_00_says_what_an_attribution_line_is_where_it_first_uses_the_words():
    nb = read(START)
    first = next(i for i, c in enumerate(nb.cells) if "attribution line" in c.source)
    assert "an *attribution line* is " in nb.cells[first].source, nb.cells[first].source


def test_00_glosses_popular_forces_and_formations_where_it_uses_them():
    nb = read(START)
    cell = next(c for c in nb.cells if "popular forces" in c.source)
    assert "*popular forces*:" in cell.source and "*formations*:" in cell.source, cell.source


def test_01_says_what_a_concession_is_where_it_first_uses_the_word():
    first = next(c for c in read(ARGUMENT).cells if "concession" in c.source)
    assert re.search(r"concession \(", first.source), first.source


def test_00_and_01_gloss_the_thesis_words_alike():
    from tools.cells import THESIS_WORDS
    assert THESIS_WORDS in next(c.source for c in read(ARGUMENT).cells if "**The thesis's own words**" in c.source)
    assert THESIS_WORDS in next(c.source for c in read(START).cells if c.get("id") == "in-brief")


def test_the_map_tables_say_in_words_what_each_claim_points_to():
    """01's two branch tables (points 2 and 3) had a `to` column of bare codes (C65, C135, C74); then words with the
    code beside them, "(C65)", in a notebook that calls the codes a reference "you will not need" (learner review
    21, 5): now words, with what the claim is and where it stands, "(conclusion, ¶55)", or "point 2"."""
    from html import unescape
    nb = read(ARGUMENT)
    tables = [c for c in nb.cells if c.cell_type == "code" and re.search(r"(?m)^helpers\.table\(argument\.branch\(", c.source)]
    assert len(tables) == 2
    for cell in tables:
        html = "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
        head = re.findall(r"<th[^>]*>(.*?)</th>", html)
        column = head.index("points to")
        for row in re.findall(r"<tr>(.*?)</tr>", html)[1:]:
            to = unescape(re.findall(r"<td[^>]*>(.*?)</td>", row)[column])
            assert re.fullmatch(r"point \d|\S.*\s\([a-z]+, ¶\d+\)", to) and not re.search(r"\b(?:P\d|C\d+|K\d)\b", to), to


def test_named_puts_words_first_and_what_the_claim_is_beside_them(essay):
    import helpers
    argument = helpers.load_argument(essay)
    assert argument.named("T") == "the thesis"
    assert argument.named("P2") == "point 2"
    some = argument.node(argument.claims.id.iloc[0])
    assert argument.named(some.id).endswith(f" ({some.type}, ¶{some.paragraph})") and some.id not in argument.named(some.id)


@pytest.mark.parametrize("name", [p.stem for p in sorted(NOTEBOOKS.glob("0[0-5]_*.ipynb"))])
def test_the_setup_comment_speaks_to_a_learner_in_words(name):
    """The Setup cell said "`make lab` (see README, Troubleshooting)": a command and a file name, which meant nothing to
    the learner of review 19. Its comment says what to do in words."""
    setup = next(c for c in read(name).cells if c.cell_type == "code")
    comments = " ".join(line for line in setup.source.splitlines() if line.startswith("#"))
    assert "No module named 'helpers'" in comments and "whoever leads your group" in comments, comments
    assert not re.search(r"`|README|make ", comments), comments
    assert all(len(line) <= 79 for line in setup.source.splitlines() if line.startswith("#")), setup.source
